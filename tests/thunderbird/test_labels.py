"""Each label we quote is Thunderbird 153's own: read from Debian's thunderbird-l10n-ja language
pack (ja) and from Thunderbird's omni.ja (en-US), never typed from memory."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from assistant.clients.thunderbird import labels
from assistant.clients.thunderbird.guidance import thunderbird_guidance
from tests.testbed.need import missing

OMNI = Path("/usr/lib/thunderbird/omni.ja")
LANGPACK = Path("/usr/lib/thunderbird/extensions/langpack-ja@thunderbird.mozilla.org.xpi")


def fluent_value(source: str, key: str, platform: str, terms: dict[str, str]) -> str:
    """The value of message ``id`` or ``id.attribute`` in Fluent ``source``: the subset
    Thunderbird's files use here (attributes, a PLATFORM() select, term references)."""
    message, _, attribute = key.partition(".")
    lines = source.splitlines()
    start = next(i for i, ln in enumerate(lines) if re.match(rf"{re.escape(message)}\s*=", ln))
    body = [lines[start]]
    for line in lines[start + 1:]:
        if line and not line[0].isspace():
            break
        body.append(line)
    if attribute:
        first = next(i for i, ln in enumerate(body)
                     if re.match(rf"\s+\.{re.escape(attribute)}\s*=", ln))
        indent = len(body[first]) - len(body[first].lstrip())
        value_lines = [body[first].split("=", 1)[1]]
        for line in body[first + 1:]:
            if line.strip() and len(line) - len(line.lstrip()) <= indent:
                break
            value_lines.append(line)
    else:
        value_lines = [body[0].split("=", 1)[1], *[ln for ln in body[1:]
                                                  if not ln.strip().startswith(".")]]
    value = " ".join(ln.strip() for ln in value_lines if ln.strip())
    select = re.fullmatch(r"\{\s*PLATFORM\(\)\s*->(.*)\}", value)
    if select:
        variants = dict(re.findall(r"\*?\[(\w+)\]\s*([^\[*]+?)\s*(?=\*?\[|$)", select.group(1)))
        value = variants.get(platform, variants["other"])
    return re.sub(r"\{\s*(-[\w-]+)\s*\}", lambda m: terms[m.group(1)], value)


def terms_of(brand_ftl: str) -> dict[str, str]:
    return {m.group(1): m.group(2).strip()
            for m in re.finditer(r"^(-[\w-]+)\s*=\s*(.+)$", brand_ftl, re.MULTILINE)}


def read_label(archive: zipfile.ZipFile, locale: str, label: labels.Label) -> str:
    terms = terms_of(archive.read(f"localization/{locale}/branding/brand.ftl").decode())
    if label.kind == "ftl":
        text = archive.read(f"localization/{locale}/{label.file}").decode()
        return fluent_value(text, label.key, label.platform, terms)
    text = archive.read(f"chrome/{locale}/locale/{locale}/{label.file}").decode()
    if label.kind == "properties":
        match = re.search(rf"^{re.escape(label.key)}\s*=\s*(.*)$", text, re.MULTILINE)
        assert match, label.key
        return re.sub(r"%1\$S", "{host}", match.group(1).strip())
    match = re.search(rf'<!ENTITY\s+{re.escape(label.key)}\s+"([^"]*)"', text)
    assert match, label.key
    return match.group(1).replace("&brandShortName;", terms["-brand-short-name"])


@pytest.fixture(scope="module")
def archives() -> tuple[zipfile.ZipFile, zipfile.ZipFile]:
    if not OMNI.exists():
        missing("Thunderbird (/usr/lib/thunderbird/omni.ja)")
    if not LANGPACK.exists():
        missing("Debian's thunderbird-l10n-ja language pack")
    return zipfile.ZipFile(OMNI), zipfile.ZipFile(LANGPACK)


@pytest.mark.parametrize("label", labels.ALL, ids=lambda lb: f"{lb.key}-{lb.platform}")
def test_label_is_thunderbirds_own(archives: tuple[zipfile.ZipFile, zipfile.ZipFile],
                                   label: labels.Label) -> None:
    omni, langpack = archives
    assert read_label(langpack, "ja", label) == label.ja
    assert read_label(omni, "en-US", label) == label.en


def test_quit_label_follows_the_platform() -> None:
    assert labels.quit_label("win32").text("en") == "Exit"
    assert labels.quit_label("linux").text("en") == "Quit"
    assert labels.SMTP_PASSWORD_TITLE.text("ja", host="mail.example.org") == \
        "送信 (SMTP) サーバー mail.example.org のパスワードが必要です"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_guidance_quotes_thunderbirds_labels(lang: str) -> None:
    own = thunderbird_guidance(lang, password_saved=False, shared_pc=False,
                               smtp_host="mail.church.test", platform="win32")
    assert labels.REMEMBER_PASSWORD.text(lang) in own[0]
    assert labels.SMTP_PASSWORD_TITLE.text(lang, host="mail.church.test") in own[1]
    assert labels.QUIT_WINDOWS.text(lang) in own[2] and "≡" in own[2]
    saved = thunderbird_guidance(lang, password_saved=True, shared_pc=False,
                                 smtp_host="mail.church.test")
    assert len(saved) == 2 and labels.REMEMBER_PASSWORD.text(lang) not in saved[0]
    shared = thunderbird_guidance(lang, password_saved=False, shared_pc=True,
                                  smtp_host="mail.church.test", member="花子")
    assert labels.PROFILE_CHOOSER_TITLE.text(lang) in shared[0] and "花子" in shared[0]
    assert ("保存しないでください" if lang == "ja" else "Do not save") in shared[1]
    assert all("{" not in line for line in own + saved + shared)
