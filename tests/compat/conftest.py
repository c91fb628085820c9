"""Fixtures of the compat tests: the other server software (tests/testbed/compat.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.testbed import Testbed
from tests.testbed.compat import CompatBed, start_compat
from tests.testbed.need import need


@pytest.fixture(scope="session")
def compat(testbed: Testbed) -> Iterator[CompatBed]:
    """Courier+Exim, Cyrus+Sendmail and OpenSMTPD sites; each starts on its first use."""
    need("mmdebstrap", "unshare", "chroot", "mount")
    with start_compat(testbed, keep=os.environ.get("TESTBED_KEEP") == "1") as bed:
        yield bed
