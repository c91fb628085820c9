"""Test-side NSS helpers: decrypt what the assistant stored, give a profile a primary password.

Both go through the assistant's own child process or a child of their own, so that the test
process never initialises NSS itself (one database per process).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.clients.thunderbird.nss import nss_dir, run_nss
from tests.testbed.need import missing

SET_PRIMARY = """
import ctypes, sys
ctypes.CDLL(sys.argv[1] + "/libnssutil3.so", mode=ctypes.RTLD_GLOBAL)
nss = ctypes.CDLL(sys.argv[1] + "/libnss3.so", mode=ctypes.RTLD_GLOBAL)
nss.NSS_InitReadWrite.argtypes = [ctypes.c_char_p]
assert nss.NSS_InitReadWrite(("sql:" + sys.argv[2]).encode()) == 0
nss.PK11_GetInternalKeySlot.restype = ctypes.c_void_p
slot = ctypes.c_void_p(nss.PK11_GetInternalKeySlot())
nss.PK11_NeedUserInit.argtypes = [ctypes.c_void_p]
nss.PK11_InitPin.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
assert nss.PK11_NeedUserInit(slot)
assert nss.PK11_InitPin(slot, None, b"primary-pw") == 0
nss.NSS_Shutdown()
"""


def need_nss() -> Path:
    library = nss_dir()
    if library is None:
        missing("Thunderbird's NSS library (/usr/lib/thunderbird/libnss3.so)")
    return library


def set_primary_password(profile: Path) -> None:
    profile.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", SET_PRIMARY, str(need_nss()), str(profile)],
                   check=True)


def decrypted_logins(profile: Path) -> list[tuple[str, str | None, str | None]]:
    """(origin, username, password) of every logins.json entry, decrypted."""
    entries = json.loads((profile / "logins.json").read_text())["logins"]
    blobs = [b for e in entries for b in (e["encryptedUsername"], e["encryptedPassword"])]
    plain = run_nss(profile, decrypt=blobs).decrypted
    return [(e["hostname"], plain[2 * i], plain[2 * i + 1]) for i, e in enumerate(entries)]
