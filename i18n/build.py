"""Qt Linguist loop: ``update`` extracts strings into i18n/*.ts, ``release`` compiles .qm.

Source strings are English; ``mail_assistant_ja.ts`` holds the Japanese translations (edit them
with pyside6-linguist or any editor), ``mail_assistant_en.ts`` is filled from the source text by
``update`` itself. ``release`` writes the .qm files to assistant/gui/i18n/, where the wizard
loads them at run time (they are build products, not committed).
Usage: ``python i18n/build.py update|release``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "i18n"
QM_DIR = ROOT / "assistant" / "gui" / "i18n"
CATALOGUE = "mail_assistant"
LANGS = {"ja": "ja_JP", "en": "en_US"}


def tool(name: str) -> str:
    """The Linguist tool that ships with the venv's PySide6 (next to this Python)."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def sources() -> list[Path]:
    return sorted((ROOT / "assistant" / "gui").rglob("*.py"))


def ts_path(lang: str, directory: Path = TS_DIR) -> Path:
    return directory / f"{CATALOGUE}_{lang}.ts"


def update(directory: Path = TS_DIR) -> None:
    """Extract every tr() string into the .ts files (kept translations stay), no locations so
    that moving code does not change the files."""
    for lang, locale in LANGS.items():
        target = ts_path(lang, directory)
        subprocess.run(  # noqa: S603 — fixed tool, arguments are our own file names
            [tool("pyside6-lupdate"), *map(str, sources()), "-no-obsolete", "-locations",
             "none", "-source-language", "en_US", "-target-language", locale,
             "-ts", str(target)],
            check=True, stdout=subprocess.DEVNULL)
        if lang == "en":
            fill_from_source(target)


def fill_from_source(path: Path) -> None:
    """English is the source language: its translation is the source text itself.

    Done on the text (not through an XML library) so that lupdate's own escaping and layout
    stay byte-for-byte, which keeps the staleness check meaningful.
    """
    text = path.read_text(encoding="utf-8")
    filled = _UNFINISHED.sub(r"\1<translation>\2</translation>", text)
    if filled != text:
        path.write_text(filled, encoding="utf-8")


_UNFINISHED = re.compile(
    # [^<]* keeps each match inside one <message> (the texts are XML-escaped).
    r"(<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)"
    # lupdate proposes the translation of the same source in another context ("unfinished"
    # with that text): for English the source is the translation all the same.
    r'<translation type="unfinished">[^<]*</translation>')


def release() -> None:
    QM_DIR.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        subprocess.run(  # noqa: S603 — fixed tool, arguments are our own file names
            [tool("pyside6-lrelease"), str(ts_path(lang)), "-qm",
             str(QM_DIR / f"{CATALOGUE}_{lang}.qm")],
            check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("update", "release"):
        print("usage: build.py update|release", file=sys.stderr)
        return 2
    update() if argv[0] == "update" else release()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
