"""``mail-assistant export`` end to end: every format written, read back, usage errors exit 2."""

from __future__ import annotations

import json
import plistlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import tomli_w

from assistant.discovery.autoconfig import parse_autoconfig
from assistant.profile import load_profile
from assistant.settings import Server, parse_email
from tests.paths import ROOT

SPECS = ["--incoming", "imap:mail.church.test:993:tls",
         "--outgoing", "smtp:mail.church.test:587:starttls"]
NASTY_ORG = 'St. "Mary\'s" <Church> & ]]> \\ 教会'


def export(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant", "export", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


def write_profile(path: Path, **overrides: object) -> Path:
    document: dict[str, object] = {
        "format_version": 1,
        "recommended_protocol": "imap",
        "organisation": {"name_ja": NASTY_ORG, "name_en": NASTY_ORG,
                         "domains": ["church.test"]},
        "login": {"rule": "local-part"},
        "incoming": [{"protocol": "imap", "host": "mail.church.test", "port": 993,
                      "security": "tls"},
                     {"protocol": "pop3", "host": "mail.church.test", "port": 995,
                      "security": "tls"}],
        "outgoing": [{"protocol": "smtp", "host": "mail.church.test", "port": 465,
                      "security": "tls"}],
        "contact": {"phone": "03-1234-5678", "url": "https://church.test/help?x=1&y=2",
                    "email": "office@church.test"},
        "notes": {"ja": "<b>太字ではない</b>\n& 二行目 ]]>", "en": "note"},
        **overrides,
    }
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def test_every_format_from_specs(tmp_path: Path) -> None:
    common = [*SPECS, "--email", "alice@church.test", "--name", "山田 花子"]
    for fmt, name in (("autoconfig", "a.xml"), ("autodiscover", "d.xml"),
                      ("mobileconfig", "m.mobileconfig"), ("sheet", "s.html"),
                      ("userjs", "user.js"), ("profile", "p.mailsetup")):
        result = export("--format", fmt, *common, "--output", str(tmp_path / name), "--json")
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert report["output"] == str(tmp_path / name)
    assert parse_autoconfig((tmp_path / "a.xml").read_bytes(), parse_email("x@church.test")) == \
        [Server.parse_spec(SPECS[1]), Server.parse_spec(SPECS[3])]
    assert ET.fromstring((tmp_path / "d.xml").read_bytes()).tag.endswith("Autodiscover")
    assert plistlib.loads((tmp_path / "m.mobileconfig").read_bytes())["PayloadContent"]
    assert 'user_pref("mail.server.' in (tmp_path / "user.js").read_text()
    loaded = load_profile(tmp_path / "p.mailsetup")
    assert loaded.incoming == (Server.parse_spec(SPECS[1]),)
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_hostile_profile_every_format(tmp_path: Path) -> None:
    source = write_profile(tmp_path / "church.mailsetup")
    outputs = {"autoconfig": "a.xml", "mobileconfig": "m.mobileconfig", "sheet": "s.html",
               "profile": "p.mailsetup", "autodiscover": "d.xml", "userjs": "user.js"}
    for fmt, name in outputs.items():
        result = export("--format", fmt, "--profile", str(source), "--email",
                        "taro@church.test", "--output", str(tmp_path / name))
        assert result.returncode == 0, (fmt, result.stderr)

    autoconfig = ET.fromstring((tmp_path / "a.xml").read_bytes())
    assert autoconfig.findtext("emailProvider/displayName") == NASTY_ORG
    # an address was given, but the profile's rule is what a web server needs
    assert {e.text for e in autoconfig.iter("username")} == {"%EMAILLOCALPART%"}
    mail = plistlib.loads((tmp_path / "m.mobileconfig").read_bytes())["PayloadContent"][0]
    assert mail["PayloadDisplayName"] == NASTY_ORG
    assert mail["IncomingMailServerUsername"] == "taro"
    html = (tmp_path / "s.html").read_text()
    assert "<b>" not in html and "&lt;b&gt;太字ではない&lt;/b&gt;<br>&amp; 二行目 ]]&gt;" in html
    assert load_profile(tmp_path / "p.mailsetup") == load_profile(source)
    pox = ET.fromstring((tmp_path / "d.xml").read_bytes())
    ns = "{http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a}"
    assert [e.text for e in pox.iter(f"{ns}LoginName")] == ["taro", "taro"]


def test_profile_without_address(tmp_path: Path) -> None:
    source = write_profile(tmp_path / "church.mailsetup")
    for fmt, name in (("autoconfig", "a.xml"), ("sheet", "s.html"),
                      ("mobileconfig", "m.mobileconfig")):
        result = export("--format", fmt, "--profile", str(source), "--output",
                        str(tmp_path / name))
        assert result.returncode == 0, result.stderr
    for fmt in ("autodiscover", "userjs"):
        target = tmp_path / f"{fmt}.out"
        result = export("--format", fmt, "--profile", str(source), "--output", str(target),
                        "--json")
        assert result.returncode == 2
        assert json.loads(result.stdout)["error"] == "export.needs_email"
        assert not target.exists()


@pytest.mark.parametrize(("args", "code"), [
    (["--format", "sheet", *SPECS, "--output", "x.txt"], "export.sheet_suffix"),
    (["--format", "autoconfig", "--output", "x.xml"], "export.needs_servers"),
    (["--format", "autoconfig", "--incoming", SPECS[1], "--output", "x.xml"],
     "export.needs_servers"),
    (["--format", "autoconfig", "--incoming", SPECS[3], "--outgoing", SPECS[3], "--email",
      "a@church.test", "--output", "x.xml"], "account.incoming_not_incoming"),
    (["--format", "autoconfig", *SPECS, "--email", "not-an-address", "--output", "x.xml"],
     "email.missing_at"),
])
def test_usage_errors(tmp_path: Path, args: list[str], code: str) -> None:
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = export(*args, "--json")
    assert result.returncode == 2, result.stderr
    assert json.loads(result.stdout)["error"] == code
    assert list(tmp_path.iterdir()) == []


def test_english_message(tmp_path: Path) -> None:
    result = export("--format", "autodiscover", *SPECS, "--output", str(tmp_path / "d.xml"),
                    "--lang", "en")
    assert result.returncode == 2
    assert "needs an e-mail address" in result.stderr


def test_sheet_pdf_one_a4_page_with_embedded_japanese_font(tmp_path: Path) -> None:
    source = write_profile(tmp_path / "church.mailsetup")
    target = tmp_path / "sheet.pdf"
    result = export("--format", "sheet", "--profile", str(source), "--output", str(target))
    assert result.returncode == 0, result.stderr
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    assert re.search(rb"/MediaBox\s*\[0 0 595(\.0+)? 842(\.0+)?\]", pdf)
    assert b"/FontFile2" in pdf and b"IPAPGothic" in pdf  # TrueType embedded
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_failure_exits_1(tmp_path: Path) -> None:
    result = export("--format", "autoconfig", *SPECS, "--email", "a@church.test", "--output",
                    str(tmp_path / "missing-dir" / "a.xml"), "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"] == "io.cannot_write"
