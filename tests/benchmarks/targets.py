"""README's benchmark targets in one place; each benchmark checks its figures against them
and fails (pytest) or exits 1 (run as a script) naming every figure that missed.
tests/core/test_benchmark_targets.py checks that README's Figures table says the same."""

from __future__ import annotations

import math
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NoReturn


@dataclass(frozen=True)
class Target:
    row: str  # the "what" cell of README's Figures table
    readme: str  # the "target" cell, exactly as README writes it
    limit: float  # the figure must be <= limit
    unit: str


TARGETS = {
    "probe_ratio": Target("probe wall time / slowest endpoint, 50 ms latency proxy, 7 endpoints",
                          "≤ 1.3", 1.3, ""),
    "recommendation_s": Target("time to recommendation with 993 and 465 silently dropped",
                               "≤ 2 s", 2.0, "s"),
    "ui_stall_ms": Target("longest UI stall during probe + login against silent servers",
                          "≤ 50 ms", 50.0, "ms"),
    "bundle_compressed_mb": Target("bundle size on disk / .tar.gz / .zip",
                                   "≤ 45 MB compressed", 45.0, "MB"),
    "frozen_over_bare": Target("frozen / bare QWizard (cold / warm)", "≤ 1.3", 1.3, ""),
}


def missed(figures: Mapping[str, float]) -> list[str]:
    """One line per figure over its target (a figure that could not be taken, NaN, misses)."""
    lines = []
    for key, value in figures.items():
        target = TARGETS[key]
        if math.isnan(value) or value > target.limit:
            shown = "not measured" if math.isnan(value) else f"{value:.2f} {target.unit}".strip()
            lines.append(f"{key}: {shown} misses README's target {target.readme} ({target.row})")
    return lines


def enforce(figures: Mapping[str, float]) -> None:
    """For the pytest entry points: fail naming every missed figure."""
    lines = missed(figures)
    if lines:
        raise AssertionError("benchmark missed its targets:\n" + "\n".join(lines))


def exit_with(figures: Mapping[str, float]) -> NoReturn:
    """For the script entry points: print what missed and exit 1, else exit 0."""
    lines = missed(figures)
    for line in lines:
        print(line, file=sys.stderr)
    sys.exit(1 if lines else 0)
