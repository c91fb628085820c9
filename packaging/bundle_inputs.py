"""What goes into the bundle besides the code: data files, the embedded profile, the names.

Kept out of the spec so tests can check it without running PyInstaller. The frozen program
finds its data under ``sys._MEIPASS`` at the same relative paths as in the source tree
(``resources/…``, ``assistant/gui/i18n/….qm``).
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from assistant import APP_NAME, __version__  # noqa: E402  (needs ROOT on the path)
from assistant.embedded import EMBEDDED_PROFILE_NAME  # noqa: E402

__all__ = ["APP_NAME", "EMBEDDED_PROFILE_NAME", "__version__", "data_files", "profile_data",
           "without_system_libraries"]

# Linux: libraries every X11 desktop has, so the bundle uses the system's copies (X11 core,
# the font stack, GLib, D-Bus and what they link). All come with the Debian packages that
# `packaging/system-deps.sh run` installs; tests/packaging checks that every library the bundle
# needs is inside it or comes with those packages. The system's fontconfig must match the
# system's font configuration anyway. The xcb helper libraries Qt needs stay in the bundle:
# minimal desktops lack them.
SYSTEM_LIBRARIES = frozenset({
    "libX11.so.6", "libX11-xcb.so.1", "libXau.so.6", "libXdmcp.so.6", "libbsd.so.0", "libmd.so.0",
    "libfontconfig.so.1", "libfreetype.so.6", "libpng16.so.16", "libbrotlicommon.so.1",
    "libbrotlidec.so.1", "libexpat.so.1", "libz.so.1",
    "libglib-2.0.so.0", "libgthread-2.0.so.0", "libpcre2-8.so.0",
    "libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "libgpg-error.so.0", "liblz4.so.1",
    "libzstd.so.1", "liblzma.so.5", "libcap.so.2",
})

# Linux: libcups2 and what it links (3 MB compressed), needed only by Qt's CUPS print plugin.
# A machine with a printer has CUPS; elsewhere Qt skips the plugin and the settings sheet is
# still saved as PDF.
PRINTING_LIBRARIES = frozenset({
    "libcups.so.2", "libavahi-client.so.3", "libavahi-common.so.3", "libgnutls.so.30",
    "libp11-kit.so.0", "libunistring.so.2", "libidn2.so.0", "libtasn1.so.6", "libnettle.so.8",
    "libhogweed.so.6", "libgmp.so.10",
})


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, destination folder) pairs in PyInstaller's ``datas`` form.

    The compiled catalogues (``i18n/build.py release`` writes them inside the package, see
    ``assistant.gui.translations.qm_dir``) keep their path relative to the source tree. A
    catalogue that was not compiled stops the build: the wizard would silently be English.
    """
    catalogues = sorted({*(root / "assistant").rglob("*.qm"), *(root / "i18n").rglob("*.qm")})
    missing = {ts.stem for ts in (root / "i18n").glob("*.ts")} - {qm.stem for qm in catalogues}
    if missing:
        raise SystemExit(f"translations not compiled: {', '.join(sorted(missing))} "
                         "(run `make qm`, i.e. python i18n/build.py release)")
    return [(str(root / "resources"), "resources")] + [
        (str(qm), qm.parent.relative_to(root).as_posix()) for qm in catalogues
    ]


def profile_data(profile: Path) -> list[tuple[str, str, str]]:
    """Validate ``profile`` and return it as a TOC entry under its embedded name.

    Raises SystemExit with the reader's message so a broken profile stops the build before
    anything is frozen with it.
    """
    from assistant.errors import AssistantError
    from assistant.messages import text
    from assistant.profile import load_profile

    try:
        load_profile(profile)
    except AssistantError as error:
        raise SystemExit(f"{profile}: {text(error, 'en')}") from None
    return [(EMBEDDED_PROFILE_NAME, str(profile.resolve()), "DATA")]


def without_system_libraries(binaries: list[Any]) -> list[Any]:
    """Analysis binaries (TOC entries) minus the system's libraries (Linux builds only)."""
    system = SYSTEM_LIBRARIES | PRINTING_LIBRARIES
    return [entry for entry in binaries if PurePath(entry[0]).name not in system]
