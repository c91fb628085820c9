"""What fakes stand in for elsewhere, against the real Windows APIs: winreg through the Outlook
writer, the named mutex the installer checks, Thunderbird's parent.lock, and certificate
verification by the operating system. Run on a Windows PC or runner
(.github/workflows/windows.yml); skipped elsewhere."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import embedded
from assistant.clients.outlook import apply_outlook
from assistant.clients.outlook.registry import AUTODISCOVER_KEY, system_winreg
from assistant.clients.thunderbird.lock import profile_in_use
from assistant.settings import Account, Server

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="the real Windows APIs")

SYNCHRONIZE = 0x00100000


def test_outlook_values_reach_the_real_registry(tmp_path: Path) -> None:
    import winreg

    account = Account.create(
        email="taro@example-church.jp", display_name="山田 太郎",
        incoming=Server.create("imap", "mail.example-church.jp", 993, "tls"),
        outgoing=Server.create("smtp", "mail.example-church.jp", 465, "tls"))
    report = apply_outlook(account, tmp_path, reg=system_winreg())
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, AUTODISCOVER_KEY) as key:
        value, kind = winreg.QueryValueEx(key, "example-church.jp")
    assert kind == winreg.REG_SZ and value.endswith("autodiscover-example-church.jp.xml")
    assert report.backup is not None and report.backup.is_file()
    subprocess.run(["reg", "import", str(report.backup)], check=True, timeout=60)
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, AUTODISCOVER_KEY) as key, \
            pytest.raises(FileNotFoundError):
        winreg.QueryValueEx(key, "example-church.jp")


def test_the_mutex_the_installer_looks_for_exists_while_held() -> None:
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenMutexW.restype = ctypes.c_void_p
    handle = embedded.single_instance_mutex()
    assert handle
    seen = kernel32.OpenMutexW(SYNCHRONIZE, 0, embedded.MUTEX_NAME)
    assert seen
    kernel32.CloseHandle(ctypes.c_void_p(seen))
    kernel32.CloseHandle(ctypes.c_void_p(handle))
    assert not kernel32.OpenMutexW(SYNCHRONIZE, 0, embedded.MUTEX_NAME)


def test_parent_lock_held_with_share_mode_zero_means_in_use(tmp_path: Path) -> None:
    lock = tmp_path / "parent.lock"
    lock.touch()
    held = tmp_path / "held"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import ctypes, sys, time\n"
        "k = ctypes.WinDLL('kernel32'); k.CreateFileW.restype = ctypes.c_void_p\n"
        "h = k.CreateFileW(sys.argv[1], 0xC0000000, 0, None, 3, 0x80, None)\n"
        "open(sys.argv[2], 'w').write(str(h)); time.sleep(300)\n"), str(lock), str(held)])
    try:
        for _ in range(600):
            if held.is_file() and held.read_text():
                break
            time.sleep(0.1)
        assert profile_in_use(tmp_path)
    finally:
        holder.kill()
        holder.wait(60)
    assert not profile_in_use(tmp_path)


@pytest.mark.skipif(not os.environ.get("MAIL_ASSISTANT_STORE_ONLY_CA"),
                    reason="needs the job's CA installed only in the Windows store")
def test_a_ca_known_only_to_the_windows_store_verifies_and_the_pin_still_works() -> None:
    # The job puts a fresh CA into the machine's Root store (never into a file OpenSSL
    # reads) and serves its leaf on 127.0.0.1 (MAIL_ASSISTANT_STORE_ONLY_CA=host:port).
    from assistant.net import Deadline, Resolver, TlsPolicy, connect, open_tls

    host, port = os.environ["MAIL_ASSISTANT_STORE_ONLY_CA"].rsplit(":", 1)
    policy = TlsPolicy()
    assert policy.os_verification

    conn = open_tls(lambda: connect(host, int(port), resolver=Resolver("127.0.0.1:9"),
                                    deadline=Deadline(10)), policy)
    assert conn.tls is not None and conn.tls.certificate_valid and not conn.tls.pinned
    conn.close()
