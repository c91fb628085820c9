"""Comments and docs cite only what a clone has: files in this repository, or outside sources
by URL, RFC or repository name (docs/background.md gathers those). A citation of a document
only the original authors had (a shared folder's notes, a numbered issue, "reference §4") fails."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from tests.paths import ROOT

SUFFIXES = {".py", ".md", ".sh", ".toml", ".nsi", ".spec", ".html", ".txt", ".ts", ".cfg"}
NAMES = {"Makefile"}
SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache",
             ".pytest_cache", "node_modules"}
THIS = Path(__file__).resolve()
# Files another engineer owns that still carry an outside citation; each entry must still be
# needed (checked below), so it goes when the file is mended.
PENDING: dict[str, str] = {}

_URL = re.compile(r"https?://\S+")
_MD_PATH = re.compile(r"(?<![\w/.-])((?:\.\./|[\w-]+/)*[\w.-]+\.md)\b")
# Another repository's file, cited as "owner/repo path/file.md".
_REPO_BEFORE = re.compile(r"(?<![\w/.-])[\w.-]+/[\w.-]+ $")
_OUTSIDE = re.compile(
    r"(?<![\w/#])[Ii]ssues? #?\d+\b|\breference §|\bnotes? §|research notes|shared folder"
    r"|shared/reference|\bseed/")


def text_files() -> Iterator[Path]:
    stack = [ROOT]
    while stack:
        folder = stack.pop()
        for entry in sorted(folder.iterdir()):
            if entry.is_dir():
                if entry.name not in SKIP_DIRS and not entry.name.endswith(".egg-info"):
                    stack.append(entry)
            elif (entry.suffix in SUFFIXES or entry.name in NAMES) and entry.resolve() != THIS:
                yield entry


def _md_names() -> set[str]:
    return {p.name for p in text_files() if p.suffix == ".md"}


def bad_citations(path: Path, text: str, md_names: set[str]) -> list[str]:
    """Each outside citation in ``text`` as "line: what"."""
    found: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = _URL.sub("", line)
        for match in _OUTSIDE.finditer(line):
            found.append(f"{number}: {match.group(0)!r}")
        for match in _MD_PATH.finditer(line):
            cited = match.group(1)
            if _REPO_BEFORE.search(line[: match.start()]):
                continue
            if "/" in cited:
                exists = (path.parent / cited).is_file() or (ROOT / cited).is_file()
            else:
                exists = cited in md_names
            if not exists:
                found.append(f"{number}: {cited!r} is not a file of the repository")
    return found


def test_comments_and_docs_cite_only_what_the_repository_has() -> None:
    md_names = _md_names()
    problems: list[str] = []
    still_pending: set[str] = set()
    for path in text_files():
        relative = path.relative_to(ROOT).as_posix()
        found = bad_citations(path, path.read_text(encoding="utf-8", errors="replace"), md_names)
        if relative in PENDING and found:
            still_pending.add(relative)
            continue
        problems += [f"{relative}:{item}" for item in found]
    assert not problems, ("outside citations (move the fact into docs/background.md with its "
                          "source, and cite that):\n" + "\n".join(problems))
    mended = PENDING.keys() - still_pending
    assert not mended, f"mended, drop from PENDING: {sorted(mended)}"


def test_each_kind_of_outside_citation_is_found() -> None:
    here = ROOT / "docs" / "x.md"
    text = ("as issue 4 asks\n(reference §4.1)\nsee DESIGN.md\nsee ../shared/reference/qt.md\n"
            "fine: docs/cli.md, cli.md, RFC 6186 §3.4, https://example.org/a/README.md,\n"
            "`owner/repo docs/index.md`\n")
    assert bad_citations(here, text, {"cli.md"}) == [
        "1: 'issue 4'", "2: 'reference §'", "3: 'DESIGN.md' is not a file of the repository",
        "4: 'shared/reference'", "4: '../shared/reference/qt.md' is not a file of the repository",
    ]
