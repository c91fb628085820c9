"""The build's decisions, checked without building: Qt trimming, data files, profile check."""

from __future__ import annotations

from pathlib import Path

import bundle_inputs
import installer_defines
import pytest
import qt_trim

from assistant.embedded import EMBEDDED_PROFILE_NAME, MUTEX_NAME
from assistant.profile import PROFILE_SUFFIX
from tests.packaging.helpers import build_script
from tests.paths import ROOT, SAMPLE_PROFILE

pytestmark = pytest.mark.frozen

QT = "PySide6/Qt"


@pytest.mark.parametrize(("plugin_type", "filename", "kept"), [
    ("platforms", "libqxcb.so", True),
    ("platforms", "libqoffscreen.so", True),
    ("platforms", "qwindows.dll", True),
    ("platforms", "libqwayland.so", False),
    ("platforms", "libqvnc.so", False),
    ("platformthemes", "libqgtk3.so", False),
    ("platforminputcontexts", "libibusplatforminputcontextplugin.so", True),
    ("platforminputcontexts", "libqtvirtualkeyboardplugin.so", False),
    ("imageformats", "libqsvg.so", True),
    ("imageformats", "libqtiff.so", False),
    ("iconengines", "libqsvgicon.so", True),
    ("printsupport", "libcupsprintersupport.so", True),
    ("styles", "qmodernwindowsstyle.dll", True),
    ("xcbglintegrations", "libqxcb-glx-integration.so", True),
    ("egldeviceintegrations", "libqeglfs-kms-integration.so", False),
    ("wayland-shell-integration", "libxdg-shell.so", False),
    ("networkinformation", "libqnetworkmanager.so", False),
    ("generic", "libqevdevmouseplugin.so", False),
])
def test_plugin_choice(plugin_type: str, filename: str, kept: bool) -> None:
    assert qt_trim.keep_plugin(plugin_type, filename) is kept


def test_trim_filters_hook_results_by_destination() -> None:
    entries = [
        ("/qt/plugins/platforms/libqxcb.so", f"{QT}/plugins/platforms"),
        ("/qt/plugins/platformthemes/libqgtk3.so", f"{QT}/plugins/platformthemes"),
        ("/qt/translations/qtbase_ja.qm", f"{QT}/translations"),
        ("/qt/translations/qtbase_de.qm", f"{QT}/translations"),
        ("/qt/translations/qt_help_ja.qm", f"{QT}/translations"),
        ("/qt/lib/libQt6Core.so.6", f"{QT}/lib"),
    ]
    assert [source for source, _ in qt_trim.trim(entries)] == [
        "/qt/plugins/platforms/libqxcb.so", "/qt/translations/qtbase_ja.qm",
        "/qt/lib/libQt6Core.so.6"]


def test_data_files_mirror_the_source_tree(tmp_path: Path) -> None:
    (tmp_path / "resources" / "help").mkdir(parents=True)
    (tmp_path / "assistant" / "gui" / "i18n").mkdir(parents=True)
    (tmp_path / "assistant" / "gui" / "i18n" / "mail_assistant_ja.qm").write_bytes(b"qm")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "mail_assistant_ja.ts").write_text("<TS/>")
    assert bundle_inputs.data_files(tmp_path) == [
        (str(tmp_path / "resources"), "resources"),
        (str(tmp_path / "assistant/gui/i18n/mail_assistant_ja.qm"), "assistant/gui/i18n"),
    ]


def test_uncompiled_catalogue_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "mail_assistant_en.ts").write_text("<TS/>")
    with pytest.raises(SystemExit, match=r"mail_assistant_en.*make qm"):
        bundle_inputs.data_files(tmp_path)


def test_system_libraries_are_left_out_of_linux_binaries() -> None:
    binaries = [("libX11.so.6", "/usr/lib/libX11.so.6", "BINARY"),
                ("libcups.so.2", "/usr/lib/libcups.so.2", "BINARY"),
                ("libxcb-icccm.so.4", "/usr/lib/libxcb-icccm.so.4", "BINARY"),
                ("PySide6/Qt/lib/libQt6Core.so.6", "/qt/libQt6Core.so.6", "BINARY")]
    kept = [name for name, _, _ in bundle_inputs.without_system_libraries(binaries)]
    assert kept == ["libxcb-icccm.so.4", "PySide6/Qt/lib/libQt6Core.so.6"]


def test_valid_profile_becomes_the_embedded_entry() -> None:
    assert bundle_inputs.profile_data(SAMPLE_PROFILE) == [
        (EMBEDDED_PROFILE_NAME, str(SAMPLE_PROFILE.resolve()), "DATA")]


def test_profile_with_a_password_stops_the_build(tmp_path: Path) -> None:
    bad = tmp_path / "bad.mailsetup"
    bad.write_text(SAMPLE_PROFILE.read_text(encoding="utf-8").replace(
        "[login]\n", '[login]\npassword = "secret"\n'), encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        bundle_inputs.profile_data(bad)
    assert str(bad) in str(stopped.value)
    assert "secret" not in str(stopped.value)


def test_bundle_command_rejects_a_broken_profile_before_freezing(tmp_path: Path) -> None:
    bad = tmp_path / "broken.mailsetup"
    bad.write_text("format_version = 99\n")
    result = build_script("bundle", str(bad), env={"DIST_DIR": str(tmp_path / "dist"),
                                                   "WORK_DIR": str(tmp_path / "work")},
                          timeout=120)
    assert result.returncode != 0
    assert str(bad) in result.stderr
    assert not (tmp_path / "dist" / "mail-assistant").exists()


def test_bundle_command_rejects_a_missing_profile(tmp_path: Path) -> None:
    result = build_script("bundle", str(tmp_path / "missing.mailsetup"))
    assert result.returncode == 2
    assert "settings profile not found" in result.stderr


def test_installer_defines_come_from_the_package() -> None:
    assert installer_defines.defines() == {
        "APP_NAME": "mail-assistant", "VERSION": bundle_inputs.__version__,
        "VERSION_NUMERIC": installer_defines.numeric_version(bundle_inputs.__version__),
        "MUTEX_NAME": MUTEX_NAME, "PROFILE_EXT": PROFILE_SUFFIX}
    assert installer_defines.numeric_version("0.1.0") == "0.1.0.0"
    assert installer_defines.numeric_version("1.2rc3") == "1.2.3.0"
    assert installer_defines.numeric_version("1.2.3.4.5") == "1.2.3.4"


def test_spec_and_scripts_are_where_the_makefile_expects_them() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert 'bash packaging/build.sh bundle "$(PROFILE)"' in makefile
    assert "bash packaging/build.sh installer" in makefile
    assert (ROOT / "packaging" / "mail-assistant.spec").is_file()
