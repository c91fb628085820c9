"""A Windows shortcut (.lnk) per member on a shared PC: Thunderbird with her profile.

Written in the Shell Link binary format ([MS-SHLLINK]) directly, so no COM and no pywin32 is
needed: a header, a LinkInfo with the target's local path (ANSI and Unicode), and Unicode
strings for the description, working folder, arguments and icon. Windows resolves a link
without an ID list through its LinkInfo.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import struct
import subprocess
import sys
from pathlib import Path, PureWindowsPath

from assistant.atomic import write_atomic
from assistant.errors import AssistantError

_CLSID = bytes.fromhex("0114020000000000c000000000000046")
_HAS_LINK_INFO, _HAS_NAME, _HAS_WORKING_DIR = 0x02, 0x04, 0x10
_HAS_ARGUMENTS, _HAS_ICON_LOCATION, _IS_UNICODE = 0x20, 0x40, 0x80
_VOLUME_ID_AND_LOCAL_BASE_PATH = 0x01
_DRIVE_FIXED = 3
_SW_SHOWNORMAL = 1
_FILE_ATTRIBUTE_NORMAL = 0x80


def _counted(text: str) -> bytes:
    data = text.encode("utf-16-le")
    return struct.pack("<H", len(data) // 2) + data


def _link_info(target: str) -> bytes:
    volume = struct.pack("<IIII", 0x11, _DRIVE_FIXED, 0, 0x10) + b"\0"
    ansi = target.encode("mbcs" if sys.platform == "win32" else "ascii", "replace") + b"\0"
    header_size = 0x24  # with the Unicode offsets, so a non-ASCII path survives
    volume_offset = header_size
    base_offset = volume_offset + len(volume)
    suffix_offset = base_offset + len(ansi)
    base_unicode_offset = suffix_offset + 1
    unicode_path = target.encode("utf-16-le") + b"\0\0"
    suffix_unicode_offset = base_unicode_offset + len(unicode_path)
    body = volume + ansi + b"\0" + unicode_path + b"\0\0"
    size = header_size + len(body)
    return struct.pack("<IIIIIIIII", size, header_size, _VOLUME_ID_AND_LOCAL_BASE_PATH,
                       volume_offset, base_offset, 0, suffix_offset, base_unicode_offset,
                       suffix_unicode_offset) + body


def shell_link(target: str, arguments: str, *, description: str = "",
               working_dir: str = "", icon: str = "") -> bytes:
    """The bytes of a .lnk that starts ``target`` (a full Windows path) with ``arguments``."""
    if not PureWindowsPath(target).is_absolute():
        raise AssistantError("thunderbird.value_not_writable")
    strings = [(s, flag) for s, flag in ((description, _HAS_NAME),
                                         (working_dir, _HAS_WORKING_DIR),
                                         (arguments, _HAS_ARGUMENTS),
                                         (icon, _HAS_ICON_LOCATION)) if s]
    if any("\0" in s for s, _ in strings) or any(len(s) > 0xFFFF for s, _ in strings):
        raise AssistantError("thunderbird.value_not_writable")
    flags = _HAS_LINK_INFO | _IS_UNICODE
    for _, flag in strings:
        flags |= flag
    header = struct.pack("<I16sIIQQQIiIHHII", 0x4C, _CLSID, flags, _FILE_ATTRIBUTE_NORMAL,
                         0, 0, 0, 0, 0, _SW_SHOWNORMAL, 0, 0, 0, 0)
    return (header + _link_info(target) + b"".join(_counted(s) for s, _ in strings)
            + struct.pack("<I", 0))


def desktop_folder() -> Path:
    """This user's desktop (where Windows really keeps it, e.g. under OneDrive)."""
    if sys.platform == "win32":
        path = ctypes.c_wchar_p()
        folder_id = (ctypes.c_byte * 16).from_buffer_copy(
            bytes.fromhex("3accbfb42cdb4c42b0297fe99a87c641"))  # FOLDERID_Desktop
        shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
        if shell32.SHGetKnownFolderPath(ctypes.byref(folder_id), 0, None,
                                        ctypes.byref(path)) == 0 and path.value:
            found = Path(path.value)
            ctypes.windll.ole32.CoTaskMemFree(path)  # type: ignore[attr-defined]
            return found
    return Path(os.environ.get("USERPROFILE", str(Path.home()))) / "Desktop"


def write_windows_shortcut(member: str, thunderbird: str, directory: Path | None = None) -> Path:
    """``Thunderbird (NAME).lnk`` that runs ``thunderbird -P NAME``."""
    directory = directory or desktop_folder()
    safe = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", member).strip(" .") or "member"
    digest = hashlib.sha256(member.encode("utf-8")).hexdigest()[:6]
    path = directory / f"Thunderbird ({safe}) {digest}.lnk"
    program = PureWindowsPath(thunderbird)
    data = shell_link(str(program), subprocess.list2cmdline(["-P", member]),
                      description=f"Thunderbird ({member})", working_dir=str(program.parent),
                      icon=str(program))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, 0o644)
    except OSError as exc:
        raise AssistantError("io.cannot_write", path=str(path),
                             reason=exc.strerror or type(exc).__name__) from None
    return path
