"""The scratch area, CA and timing record shared by the real-Thunderbird tests."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.testbed.ca import TestCA
from tests.thunderbird.tb_harness import copy_profile, run_thunderbird

TIMINGS: list[tuple[str, float]] = []
HOSTS = ["mail.church.test", "imap.example.org", "smtp.example.org"]


@dataclass
class Bed:
    root: Path
    ca: TestCA
    cert: Path
    key: Path
    counter: int = 0

    def work(self, label: str) -> Path:
        self.counter += 1
        slug = re.sub(r"[^A-Za-z0-9]+", "-", label)[:40]
        path = self.root / f"{self.counter:02d}-{slug}"
        path.mkdir()
        return path

    def run(self, label: str, profile: Path, endpoints: dict[int, str],
            logins: list[tuple[str, str]], expect_ports: list[int], smtp: dict[str, int],
            pass_profile: bool = True, work: Path | None = None,
            timeout: float = 60) -> dict[str, Any]:
        """``expect_ports``: incoming logins to wait for; ``smtp``: SMTP key → port that
        must see a login after Marionette's verifyLogon."""
        work = work or self.work(label)
        copy = profile if not pass_profile else copy_profile(profile, work / "profile")
        started = time.monotonic()
        result = run_thunderbird(copy, work, endpoints, ca_pem=self.ca.cert, cert=self.cert,
                                 key=self.key, logins=logins, expect_ports=expect_ports,
                                 smtp=smtp, timeout=timeout, pass_profile=pass_profile)
        TIMINGS.append((label, time.monotonic() - started))
        result["copy"] = str(copy)
        return result
