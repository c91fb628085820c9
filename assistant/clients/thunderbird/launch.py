"""Starting Thunderbird on the profile just written (the done page's 「Thunderbird を開く」),
and a desktop launcher per member on a shared PC.

Thunderbird is started detached (its own session or process group, no inherited standard
streams), so closing the wizard does not close it. ``-P NAME`` opens a registered profile by
its name (a member on a shared PC); ``-profile DIR`` opens any profile directory.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from assistant.atomic import write_atomic
from assistant.clients.thunderbird.profiles import install_dirs
from assistant.errors import AssistantError


def thunderbird_binary() -> Path | None:
    """Thunderbird's program: the first installation found, else ``thunderbird`` on PATH."""
    name = "thunderbird.exe" if sys.platform == "win32" else "thunderbird"
    for directory in install_dirs():
        if (directory / name).is_file():
            return directory / name
    found = shutil.which("thunderbird")
    return Path(found) if found else None


def launch_command(*, profile: Path | None = None, member: str | None = None,
                   binary: Path | None = None) -> list[str]:
    """The command line: ``-P member`` if given, else ``-profile DIR`` if given."""
    binary = binary or thunderbird_binary()
    if binary is None:
        raise AssistantError("thunderbird.not_installed")
    command = [str(binary)]
    if member is not None:
        command += ["-P", member]
    elif profile is not None:
        command += ["-profile", str(profile)]
    return command


def open_thunderbird(*, profile: Path | None = None, member: str | None = None,
                     binary: Path | None = None) -> int:
    """Start Thunderbird detached; its process id. Raises ``thunderbird.not_installed`` or
    ``thunderbird.cannot_start``."""
    command = launch_command(profile=profile, member=member, binary=binary)
    options: dict[str, object] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL,
                                  "stderr": subprocess.DEVNULL, "close_fds": True}
    if sys.platform == "win32":
        options["creationflags"] = (subprocess.DETACHED_PROCESS  # type: ignore[attr-defined]
                                    | subprocess.CREATE_NEW_PROCESS_GROUP)  # type: ignore[attr-defined]
    else:
        options["start_new_session"] = True
    try:
        process = subprocess.Popen(command, **options)  # type: ignore[call-overload]  # noqa: S603
    except OSError as exc:
        raise AssistantError("thunderbird.cannot_start", reason=exc.strerror or
                             type(exc).__name__) from None
    return int(process.pid)


def _desktop_escape(value: str) -> str:
    """A Desktop Entry string value: backslash, newline, tab and CR escaped."""
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def _exec_argument(value: str) -> str:
    """One argument of the Exec key, quoted by the spec's rules (``%`` doubled)."""
    quoted = re.sub(r'(["`$\\])', r"\\\1", value)
    return _desktop_escape('"' + quoted.replace("%", "%%") + '"')


def write_desktop_launcher(member: str, directory: Path | None = None,
                           binary: Path | None = None) -> Path:
    """A ``.desktop`` file that opens Thunderbird on the member's profile (Linux)."""
    if directory is None:
        data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        directory = Path(data) / "applications"
    command = launch_command(member=member, binary=binary)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", member).strip("-").lower() or "member"
    digest = hashlib.sha256(member.encode("utf-8")).hexdigest()[:8]  # names that slug alike
    path = directory / f"mail-assistant-thunderbird-{slug}-{digest}.desktop"
    text = ("[Desktop Entry]\nType=Application\n"
            f"Name={_desktop_escape('Thunderbird (' + member + ')')}\n"
            f"Exec={' '.join(_exec_argument(a) for a in command)}\n"
            "Icon=thunderbird\nTerminal=false\nCategories=Network;Email;\n")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"), 0o755)
    except OSError as exc:
        raise AssistantError("io.cannot_write", path=str(path),
                             reason=exc.strerror or type(exc).__name__) from None
    return path


def write_member_launcher(member: str) -> Path:
    """Her own way to start Thunderbird on her profile: a desktop shortcut (.lnk) on
    Windows, a ``.desktop`` entry elsewhere."""
    if sys.platform == "win32":
        from assistant.clients.thunderbird.windows_shortcut import write_windows_shortcut

        binary = thunderbird_binary()
        if binary is None:
            raise AssistantError("thunderbird.not_installed")
        return write_windows_shortcut(member, str(binary))
    return write_desktop_launcher(member)
