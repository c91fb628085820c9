"""Closing the wizard right after its start: the warm-up's background imports must end
before Python shuts down (they used to print "can't register atexit after shutdown")."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.paths import ROOT

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("quit_after_ms", [50, 100, 120, 140, 160, 200, 250, 300])
def test_quitting_during_the_warm_up_is_clean(quit_after_ms: int) -> None:
    # The window closes while the core is being imported on the warm-up thread (which
    # starts after the first paint, ~0.1–0.3 s here): the moment moves with the machine's
    # load, hence several delays.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "MAIL_ASSISTANT_SMOKE_MS": str(quit_after_ms)}
    done = subprocess.run([sys.executable, "-m", "assistant"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert '"smoke": 1' in done.stdout
    for sign in ("Traceback", "Error", "Exception ignored"):
        assert sign not in done.stderr, done.stderr
