"""Where the tests find the repository and its sample church profile (no Qt, no test bed)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PROFILE = ROOT / "resources" / "profiles" / "sample-church.mailsetup"
