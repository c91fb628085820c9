"""A member's pages (詳細 off, not in volunteer mode) carry no technical terms: no STARTTLS,
SSL, TLS, SMTP, port numbers or the TLS library's text. IMAP and POP are taught words and
may appear."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QListWidget, QTextBrowser, QWidget

from assistant.gui.flow import Page
from tests.gui.walk import visible_texts, walk

pytestmark = pytest.mark.gui

JARGON = re.compile(r"STARTTLS|SSL|TLS|SMTP|OpenSSL|certificate verify|\b(?:25|110|143|465|"
                    r"587|993|995)\b|ポート|port\b", re.IGNORECASE)


def member_texts(root: QWidget) -> list[str]:
    """Everything a member can read: labels, buttons, list lines and help texts shown."""
    texts = [text for _widget, text in visible_texts(root)]
    for child in root.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QListWidget):
            texts += [child.item(i).text() for i in range(child.count())]
        elif isinstance(child, QTextBrowser):
            texts.append(child.toPlainText())
    return texts


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_member_pages_show_no_jargon(qtbot, translations, tmp_path, lang):
    found: dict[str, list[str]] = {}

    def check(wizard, page: Page) -> None:
        current = wizard.currentPage()
        for text in [current.title(), current.subTitle(), *member_texts(wizard)]:
            if terms := JARGON.findall(text):
                found[f"{page.name}: {text}"] = terms

    wizard = walk(lang, tmp_path, translations, check, wait=lambda c: qtbot.waitUntil(
        c, timeout=10000))
    wizard.shut_down()
    wizard.close()
    assert found == {}, "\n".join(f"{k[:120]!r}: {v}" for k, v in found.items())
