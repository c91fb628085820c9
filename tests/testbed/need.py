"""Skip, or under CI=true fail, when a program the test bed needs is missing.

Why: on a developer's machine without the Debian packages the rest of the suite should still
run; in CI (a clean clone that installed them) a missing program is a broken set-up.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

from tests.testbed.procs import MissingProgram, require


def missing(what: str) -> NoReturn:
    """pytest.fail under CI=true, else pytest.skip, naming what is missing and how to fix it."""
    message = f"test bed needs {what}: run `make test-deps` (packaging/system-deps.sh test)"
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def need(*programs: str) -> None:
    """Call at the start of a test (or fixture) that runs these programs itself."""
    for program in programs:
        try:
            require(program)
        except MissingProgram:
            missing(program)
