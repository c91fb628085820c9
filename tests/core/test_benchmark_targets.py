"""The benchmarks' targets (tests/benchmarks/targets.py) are README's: same rows, same words,
and every README target with a limit has a benchmark that checks it."""

from __future__ import annotations

import math

import pytest

from tests.benchmarks.targets import TARGETS, enforce, missed
from tests.paths import ROOT


def figures_table() -> dict[str, list[str]]:
    """README's Figures table: the "what" cell → the row's cells."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## 計測値 / Figures", 1)[1].split("\n## ", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("| what ")]
    return {cells[0]: cells for cells in rows}


def test_every_target_is_readmes() -> None:
    table = figures_table()
    for key, target in TARGETS.items():
        assert target.row in table, f"README's Figures table has no row {target.row!r} ({key})"
        assert table[target.row][2] == target.readme, (
            f"README says {table[target.row][2]!r} for {target.row!r}, "
            f"targets.py {target.readme!r}")


def test_every_readme_limit_is_checked_by_a_benchmark() -> None:
    checked = {t.row for t in TARGETS.values()}
    limited = {what for what, cells in figures_table().items() if "≤" in cells[2]}
    assert limited <= checked, f"no benchmark checks {sorted(limited - checked)}"


def test_every_row_says_when_and_how() -> None:
    for what, cells in figures_table().items():
        assert len(cells) == 5 and cells[3][:4].isdigit() and cells[4], what


def test_a_missed_figure_is_named() -> None:
    assert missed({"ui_stall_ms": 50.0, "probe_ratio": 1.29}) == []
    assert missed({"ui_stall_ms": 50.5, "recommendation_s": math.nan}) == [
        "ui_stall_ms: 50.50 ms misses README's target ≤ 50 ms "
        "(longest UI stall during probe + login against silent servers)",
        "recommendation_s: not measured misses README's target ≤ 2 s "
        "(time to recommendation with 993 and 465 silently dropped)"]
    with pytest.raises(AssertionError, match=r"probe_ratio: 1\.40"):
        enforce({"probe_ratio": 1.4})
