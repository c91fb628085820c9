"""Which Qt plugins and translations the bundle carries: a widgets wizard needs few of them.

PyInstaller's Qt hooks collect every plugin of each type a Qt module is associated with, and
every translation of its catalogues. Filtering the bundle afterwards would leave the libraries
those plugins depend on behind (the GTK3 platform theme drags in the build host's whole GTK
stack), so :func:`install` filters what the hooks return, before ``Analysis`` looks at
dependencies. Why and what it saved: docs/background.md (Qt on Debian) and docs/packaging.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

# Plugin types the wizard never uses. Their files, and whatever they link, stay out.
DROPPED_PLUGIN_TYPES = frozenset({
    "designer",
    "egldeviceintegrations",    # embedded EGL (eglfs) back-ends
    "generic",                  # evdev / tuio input for kiosks
    "networkinformation",       # the network code is Python's, not QtNetwork's
    "platformthemes",           # gtk3 pulls in GTK; xdgdesktopportal is for sandboxed apps
    "qmltooling",
    "sqldrivers",
    "tls",                      # TLS is done by Python's ssl module
    "vectorimageformats",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "wayland-shell-integration",
})

# For these types only the listed plugins (file stem without "lib") are kept; the native
# platform plugins of Windows and macOS are listed so the same spec serves those builds.
KEPT_PLUGINS = {
    "platforms": frozenset({"qxcb", "qoffscreen", "qwindows", "qdirect2d", "qcocoa"}),
    "platforminputcontexts": frozenset({
        "composeplatforminputcontextplugin",   # dead keys
        "ibusplatforminputcontextplugin",      # Japanese input (the wheel has no fcitx5 plugin)
    }),
    "imageformats": frozenset({"qsvg", "qico"}),
    "iconengines": frozenset({"qsvgicon"}),
}

# Qt's own catalogues: Japanese for QWizard's 戻る/次へ/完了/キャンセル, English as the other UI
# language. The ~200 other files are dropped.
KEPT_TRANSLATIONS = frozenset({"qtbase_ja.qm", "qtbase_en.qm"})


def _plugin_stem(filename: str) -> str:
    stem = PurePath(filename).name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(plugin_type: str, filename: str) -> bool:
    """True if the plugin ``filename`` of ``plugin_type`` belongs in the bundle."""
    if plugin_type in DROPPED_PLUGIN_TYPES:
        return False
    kept = KEPT_PLUGINS.get(plugin_type)
    return kept is None or _plugin_stem(filename) in kept


def keep_translation(filename: str) -> bool:
    """True if Qt's translation file ``filename`` belongs in the bundle."""
    return PurePath(filename).name in KEPT_TRANSLATIONS


def _keep_entry(source: str, dest_dir: str) -> bool:
    """Judge one (source, destination folder) entry of a Qt hook's result."""
    parts = PurePath(dest_dir.replace(os.sep, "/")).parts
    if len(parts) >= 2 and parts[-2] == "plugins":
        return keep_plugin(parts[-1], source)
    if parts and parts[-1] == "translations" and source.endswith(".qm"):
        return keep_translation(source)
    return True


def trim(entries: list[Any]) -> list[Any]:
    """The (source, destination folder) entries of a Qt hook result that are kept."""
    return [entry for entry in entries if _keep_entry(str(entry[0]), str(entry[1]))]


def install() -> None:
    """Make PyInstaller's Qt hooks return only what :func:`trim` keeps (call before Analysis)."""
    from PyInstaller.utils.hooks import qt

    original: Callable[..., tuple[list[Any], list[Any], list[Any]]]
    original = qt.QtLibraryInfo.collect_module
    if getattr(original, "trimmed", False):
        return

    def collect_module(self: Any, module_name: str) -> tuple[list[Any], list[Any], list[Any]]:
        hiddenimports, binaries, datas = original(self, module_name)
        return hiddenimports, trim(binaries), trim(datas)

    collect_module.trimmed = True  # type: ignore[attr-defined]
    qt.QtLibraryInfo.collect_module = collect_module
