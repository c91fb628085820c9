"""The Linguist catalogues: complete Japanese, fresh extraction, matching placeholders."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from types import ModuleType

import pytest

from tests.gui.helpers import ALLOWED_LATIN, english_words
from tests.paths import ROOT

PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d")


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_build", ROOT / "i18n" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ROOT / "i18n" / f"mail_assistant_{lang}.ts")
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_message_is_finished(lang):
    entries = messages(lang)
    assert len(entries) > 100
    for context, source, message in entries:
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (
            context, source)
        assert (translation.text or "").strip(), (context, source)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_placeholders_match(lang):
    for context, source, message in messages(lang):
        translated = message.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translated)), (
            context, source)


def test_japanese_has_no_english_words():
    for context, source, message in messages("ja"):
        translated = message.findtext("translation") or ""
        words = set(re.findall(r"[A-Za-z]{2,}", PLACEHOLDER.sub("", translated)))
        assert words <= ALLOWED_LATIN, (context, source, words - ALLOWED_LATIN)


def test_extraction_is_up_to_date(tmp_path):
    """Running lupdate over the sources into a copy must change nothing."""
    build = load_build()
    for lang in build.LANGS:
        shutil.copy(build.ts_path(lang), tmp_path)
    build.update(tmp_path)
    for lang in build.LANGS:
        fresh = build.ts_path(lang, tmp_path).read_text(encoding="utf-8")
        assert fresh == build.ts_path(lang).read_text(encoding="utf-8"), (
            f"i18n/{build.CATALOGUE}_{lang}.ts is stale: run `python i18n/build.py update`")


def test_compiled_catalogue_translates(qapp):
    from PySide6.QtCore import QTranslator

    from assistant.gui.translations import CATALOGUE, qm_dir

    translator = QTranslator()
    assert translator.load(f"{CATALOGUE}_ja", str(qm_dir()))
    assert translator.translate("AccountPage", "Your account") == "アカウント"
    assert translator.translate("ClientPage", "Only print or save the settings") == (
        "設定内容を印刷/保存するだけ")


def test_help_pages_exist_in_both_languages():
    ja = {p.name for p in (ROOT / "resources" / "help" / "ja").glob("*.html")}
    en = {p.name for p in (ROOT / "resources" / "help" / "en").glob("*.html")}
    assert ja == en and {"pop-imap.html", "smtp-auth.html"} <= ja
    text = (ROOT / "resources" / "help" / "ja" / "pop-imap.html").read_text(encoding="utf-8")
    # Ports and RFC 8314 are for volunteers: the protocol page's details panel has them.
    for point in ("共用パソコン", "ウェブメール", "受信トレイ", "サーバーに残", "プロバイダー"):
        assert point in text


@pytest.mark.parametrize(("lang", "caption", "loss"), [
    ("ja", "（サーバーに残さない場合）", "メールはなくなる"),
    ("en", "(if mail is not left on the server)", "mail is gone"),
])
def test_diagram_says_when_pop_loses_the_mail(lang, caption, loss):
    # The wizard's POP default leaves mail on the server: the POP half of the diagram shows
    # the other case, and must say so next to its title (same row, right of "POP").
    svg = ET.parse(ROOT / "resources" / "diagrams" / f"pop-imap.{lang}.svg").getroot()
    texts = {"".join(t.itertext()): t for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert loss in texts and caption in texts
    title = next(t for text, t in texts.items() if text == "POP")
    assert texts[caption].get("y") == title.get("y")
    assert float(texts[caption].get("x")) > float(title.get("x"))


def test_qt_file_dialog_speaks_japanese(qtbot, translations):
    """Qt's own qtbase_ja catalogue is installed with ours: the file dialog of the exports
    says ファイルの種類, not "Files of type" (as reported on a Japanese desktop)."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

    from assistant.gui.file_dialog import save_dialog

    translations.install("ja")
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = save_dialog(parent, "保存", ROOT / "mail-settings.pdf", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "ファイルの種類" in labels and "Files of type" not in labels
    assert "Look in" not in labels


def test_a_fresh_venv_compiles_the_translations():
    """A fresh clone's `make .venv/.installed` then `python -m assistant` must open in
    Japanese: the venv's stamp compiles the catalogues, not only `make qm`."""
    plan = subprocess.run(["make", "-n", "-B", ".venv/.installed"], cwd=ROOT, check=True,
                          capture_output=True, text=True, timeout=60).stdout
    assert "i18n/build.py release" in plan


def test_the_japanese_diagrams_have_no_english_words():
    """The pictures' labels are read on the Japanese path too (ウェブメール, not WebMail)."""
    for path in (ROOT / "resources" / "diagrams").glob("*.ja.svg"):
        texts = [t.text or "" for t in ET.parse(path).getroot().iter()
                 if t.tag.endswith(("}text", "}title", "}desc"))]
        assert [t for t in texts if english_words(t)] == [], path.name
