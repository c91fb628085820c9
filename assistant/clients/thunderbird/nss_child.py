"""The child process that talks to Thunderbird's own NSS library (ctypes).

Started by :mod:`assistant.clients.thunderbird.nss` as ``mail-assistant
--thunderbird-nss-helper``. NSS keeps one initialised database per process; running it in a
child of its own means each profile gets a clean ``NSS_InitReadWrite`` and nothing in the
assistant's own process (its TLS, a second profile) can clash with it.

Protocol: one JSON object on stdin (bounded), one JSON object on stdout::

    in:  {"nss_dir": DIR, "profile": DIR, "encrypt": [str], "decrypt": [base64]}
    out: {"status": "ok", "encrypted": [base64], "decrypted": [str | null]}
         {"status": "primary_password"}  |  {"status": "error", "step": NAME}

The secret arrives only on stdin (never argv or the environment) and leaves only encrypted.
``decrypt`` serves to recognise the entries we wrote (by their username) and the tests.
"""

from __future__ import annotations

import base64
import ctypes
import json
import os
import sys
from pathlib import Path
from typing import Any

MAX_REQUEST_BYTES = 1 << 20
SEC_SUCCESS = 0


class SECItem(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte)),
                ("len", ctypes.c_uint)]


class NssFailed(Exception):
    """A step of NSS failed; ``args[0]`` names it (no data)."""


def library_names() -> tuple[str, str]:
    """(nssutil, nss3) file names on this platform."""
    if sys.platform == "win32":
        return "nssutil3.dll", "nss3.dll"
    if sys.platform == "darwin":
        return "libnssutil3.dylib", "libnss3.dylib"
    return "libnssutil3.so", "libnss3.so"


def _load(nss_dir: Path) -> Any:
    if sys.platform == "win32":
        os.add_dll_directory(str(nss_dir))  # nss3.dll's own dependencies sit beside it
    util_name, nss_name = library_names()
    util = nss_dir / util_name
    if util.exists():
        ctypes.CDLL(str(util), mode=ctypes.RTLD_GLOBAL)
    nss = ctypes.CDLL(str(nss_dir / nss_name), mode=ctypes.RTLD_GLOBAL)
    nss.NSS_InitReadWrite.argtypes = [ctypes.c_char_p]
    nss.PK11_GetInternalKeySlot.restype = ctypes.c_void_p
    nss.PK11_NeedUserInit.argtypes = [ctypes.c_void_p]
    nss.PK11_InitPin.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
    nss.PK11_CheckUserPassword.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    nss.PK11_FreeSlot.argtypes = [ctypes.c_void_p]
    nss.PK11SDR_Encrypt.argtypes = [ctypes.POINTER(SECItem)] * 3 + [ctypes.c_void_p]
    nss.PK11SDR_Decrypt.argtypes = [ctypes.POINTER(SECItem)] * 2 + [ctypes.c_void_p]
    nss.SECITEM_FreeItem.argtypes = [ctypes.POINTER(SECItem), ctypes.c_int]
    return nss


def _item(data: bytes) -> tuple[SECItem, Any]:
    buffer = (ctypes.c_ubyte * max(1, len(data))).from_buffer_copy(data or b"\0")
    return SECItem(0, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte)), len(data)), buffer


def _unlock(nss: Any) -> bool:
    """True when the key store is usable without a password (a fresh one is initialised
    with the empty password, as Thunderbird does); False for a primary password."""
    slot = nss.PK11_GetInternalKeySlot()
    if not slot:
        raise NssFailed("slot")
    try:
        if nss.PK11_NeedUserInit(ctypes.c_void_p(slot)):
            if nss.PK11_InitPin(ctypes.c_void_p(slot), None, b"") != SEC_SUCCESS:
                raise NssFailed("init_pin")
            return True
        return bool(nss.PK11_CheckUserPassword(ctypes.c_void_p(slot), b"") == SEC_SUCCESS)
    finally:
        nss.PK11_FreeSlot(ctypes.c_void_p(slot))


def _encrypt(nss: Any, text: str) -> str:
    keyid = SECItem(0, None, 0)
    result = SECItem(0, None, 0)
    data, _keep = _item(text.encode("utf-8"))
    if nss.PK11SDR_Encrypt(ctypes.byref(keyid), ctypes.byref(data), ctypes.byref(result),
                           None) != SEC_SUCCESS:
        raise NssFailed("encrypt")
    try:
        return base64.b64encode(ctypes.string_at(result.data, result.len)).decode("ascii")
    finally:
        nss.SECITEM_FreeItem(ctypes.byref(result), 0)


def _decrypt(nss: Any, blob: str) -> str | None:
    """The plaintext, or None for what this key store cannot decrypt (another key)."""
    try:
        raw = base64.b64decode(blob, validate=True)
    except ValueError:
        return None
    data, _keep = _item(raw)
    result = SECItem(0, None, 0)
    if nss.PK11SDR_Decrypt(ctypes.byref(data), ctypes.byref(result), None) != SEC_SUCCESS:
        return None
    try:
        return ctypes.string_at(result.data, result.len).decode("utf-8", "replace")
    finally:
        nss.SECITEM_FreeItem(ctypes.byref(result), 0)


def handle(request: dict[str, Any]) -> dict[str, Any]:
    nss = _load(Path(request["nss_dir"]))
    if nss.NSS_InitReadWrite(f"sql:{request['profile']}".encode()) != SEC_SUCCESS:
        raise NssFailed("init")
    try:
        if not _unlock(nss):
            return {"status": "primary_password"}
        return {"status": "ok",
                "encrypted": [_encrypt(nss, t) for t in request.get("encrypt", [])],
                "decrypted": [_decrypt(nss, b) for b in request.get("decrypt", [])]}
    finally:
        nss.NSS_Shutdown()


def _read_request() -> bytes:
    """Standard input through its descriptor: the bundle's windowed program on Windows may
    have no ``sys.stdin`` object although the parent gave it a pipe."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_REQUEST_BYTES:
        chunk = os.read(0, 65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def main() -> int:
    raw = _read_request()
    try:
        if len(raw) > MAX_REQUEST_BYTES:
            raise NssFailed("request_too_large")
        request = json.loads(raw.decode("utf-8"))
        response = handle(request)
    except NssFailed as exc:
        response = {"status": "error", "step": str(exc.args[0])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        response = {"status": "error", "step": type(exc).__name__}
    data = json.dumps(response).encode("utf-8")
    while data:  # through the descriptor, like the request
        data = data[os.write(1, data):]
    return 0
