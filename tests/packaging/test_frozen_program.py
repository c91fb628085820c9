"""Run the frozen program itself: version, a real probe, and an offscreen start of the wizard."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from assistant import APP_NAME, __version__
from assistant.embedded import SMOKE_ENV
from assistant.profile import load_profile
from tests.packaging.helpers import Bundle
from tests.testbed import Testbed

pytestmark = pytest.mark.frozen

RUN_TIMEOUT = 60
GUI_TIMEOUT = 30  # a start to the first page takes about a second


def run_frozen(bundle: Bundle, *args: str, tmp_path: Path, env: dict[str, str] | None = None,
               timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Start the bundle's program outside the source tree, with a private home and no venv."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))}
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    clean.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                 XDG_DATA_HOME=str(home / ".local/share"), XDG_STATE_HOME=str(home / ".state"),
                 XDG_CACHE_HOME=str(home / ".cache"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(bundle.program), *args], cwd=tmp_path, capture_output=True,
                          text=True, timeout=timeout, env={**clean, **(env or {})})


def test_version_is_the_package_version(bundle: Bundle, tmp_path: Path) -> None:
    result = run_frozen(bundle, "--version", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{APP_NAME} {__version__}"


def test_probe_recommends_the_test_bed_servers(bundle: Bundle, testbed: Testbed,
                                               tmp_path: Path) -> None:
    modern = testbed.scenarios["modern"]
    result = run_frozen(bundle, "probe", modern.user("alice").email,
                        "--dns-server", testbed.dns_server, "--ca-file", str(testbed.ca_file),
                        "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == 1
    assert report["domain"] == modern.domain
    incoming = report["recommendation"]["incoming"]
    outgoing = report["recommendation"]["outgoing"]
    assert incoming["protocol"] == "imap" and incoming["security"] == "tls"
    assert incoming["host"] == modern.mail_host and incoming["status"] == "ok"
    # A certificate from the test CA verified inside the bundle: its ssl and --ca-file work.
    assert incoming["tls"]["certificate_valid"] is True
    assert outgoing["protocol"] == "smtp" and outgoing["status"] == "ok"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_offscreen_start_shows_the_first_page_with_embedded_profile(bundle: Bundle, tmp_path: Path,
                                                              lang: str) -> None:
    """No --profile: the organisation comes from the profile built into the bundle."""
    try:
        result = run_frozen(bundle, "--lang", lang, tmp_path=tmp_path, env={SMOKE_ENV: "300"},
                            timeout=GUI_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the GUI did not quit: it does not honour {SMOKE_ENV} "
                    "(assistant/embedded.py: smoke_quit_after_ms, smoke_report)")
    assert result.returncode == 0, result.stdout + result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()
               if line.startswith('{"smoke"')]
    assert len(reports) == 1, (
        f"the GUI did not print the start-check line ({SMOKE_ENV}, see assistant/embedded.py):\n"
        f"{result.stdout}\n{result.stderr}")
    report = reports[0]
    assert report["page"] == "account"  # the first page
    assert report["organisation"] == load_profile(bundle.profile).organisation(lang)
    # The wizard's catalogue (.qm) was bundled: the Japanese title is translated.
    japanese = any(ord(ch) > 0x3000 for ch in report["title"])
    assert japanese == (lang == "ja"), report["title"]


def test_signing_and_confusable_names_work_frozen(bundle: Bundle, tmp_path: Path) -> None:
    """PyNaCl's native library and confusable-homoglyphs' Unicode tables are in the bundle."""
    key = tmp_path / "church.key"
    assert run_frozen(bundle, "profile", "keygen", str(key), tmp_path=tmp_path).returncode == 0
    public = (tmp_path / "church.key.pub").read_text().strip()
    profile = tmp_path / "p.mailsetup"
    text = bundle.profile.read_text(encoding="utf-8")
    domain = load_profile(bundle.profile).domains[0].ascii
    host = f"xn--exmple-4nf.{domain}"  # exаmple.<domain>, with a Cyrillic а
    profile.write_text(text.replace(load_profile(bundle.profile).incoming[0].host, host, 1),
                       encoding="utf-8")
    assert run_frozen(bundle, "profile", "sign", str(profile), "--key", str(key),
                      tmp_path=tmp_path).returncode == 0
    verified = run_frozen(bundle, "profile", "verify", str(profile), "--public-key", public,
                          "--json", tmp_path=tmp_path)
    assert verified.returncode == 0, verified.stderr
    assert json.loads(verified.stdout)["status"] == "trusted"
    refused = run_frozen(bundle, "apply", "--client", "thunderbird", "--email",
                         f"taro@{domain}", "--name", "Taro", "--profile", str(profile),
                         "--thunderbird-profile", str(tmp_path / "tb"), "--json",
                         tmp_path=tmp_path)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert json.loads(refused.stdout)["params"]["host"] == f"exаmple.{domain} ({host})"


def test_frozen_program_stores_the_password_through_its_nss_child(
        bundle: Bundle, testbed: Testbed, tmp_path: Path) -> None:
    """The bundle starts itself as the NSS child (``--thunderbird-nss-helper``, the secret on
    stdin): the stored entry decrypts to the password with Thunderbird's own library."""
    from tests.thunderbird.nss_tools import decrypted_logins, need_nss

    need_nss()
    modern = testbed.scenarios["modern"]
    alice = modern.user("alice")
    profile = tmp_path / "tb-profile"
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))}
    result = subprocess.run(
        [str(bundle.program), "apply", "--client", "thunderbird", "--email", alice.email,
         "--name", "Alice", "--incoming", f"imap:{modern.mail_host}:993:tls",
         "--outgoing", f"smtp:{modern.mail_host}:465:tls", "--dns-server", testbed.dns_server,
         "--ca-file", str(testbed.ca_file), "--thunderbird-profile", str(profile),
         "--save-password", "--password-stdin", "--json"],
        input=alice.password + "\n", capture_output=True, text=True, timeout=RUN_TIMEOUT,
        cwd=tmp_path, env={**clean, "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["password_saved"] is True
    assert {pw for _, _, pw in decrypted_logins(profile)} == {alice.password}
