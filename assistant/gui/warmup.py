"""Imports what the later pages need while the member reads the first one.

Start-up only builds the welcome page. Once it has been painted, small steps run on the UI
thread, one per event-loop turn (each ≤ ~20 ms here: the window icon, then the other pages'
modules with the Qt classes they use). Then the core, whose network layer alone takes ~80 ms
in one piece, is imported on a plain background thread. That thread only imports: it holds the
GIL at most for Python's switch interval at a time, so the window stays responsive (stalls of
a few milliseconds, see tests/benchmarks/bench_ui_stall.py), and it is done long before a
member can reach the server check, whose worker would otherwise import the core while the page
switches (a measured 40–80 ms stall). One after the other, not together: sharing the GIL with
the thread would double the UI-thread steps.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
POLL_MS = 20  # how often the UI thread looks whether the background imports have finished


def import_all(modules: Iterable[str]) -> None:
    """Import ``modules`` now, so that their first real use finds them loaded."""
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:  # raised again, with its context, where the module is used
            log.exception("warm-up could not import %s", name)


class Warmup(QObject):
    """``steps`` one per event-loop turn, then ``background_modules`` on a thread; started by
    the first paint of the watched widget (or :meth:`start`)."""

    def __init__(self, steps: Iterable[Callable[[], object]], background_modules: Iterable[str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = deque(steps)
        self._background = tuple(background_modules)
        self._thread: threading.Thread | None = None
        self._watched: QWidget | None = None
        self.started = False
        self.done = False

    def after_first_paint(self, widget: QWidget) -> None:
        self._watched = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._watched = None
            self.start()  # the timer fires after this paint has reached the screen
        return False

    def start(self) -> None:
        if not self.started:
            self.started = True
            gc.freeze()  # see _step: the imports below would trigger full collections
            QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        if self._pending:
            self._pending.popleft()()
            QTimer.singleShot(0, self, self._step)
        elif self._thread is None:
            # Not a daemon: leaving the program waits for an import under way instead of
            # cutting it off.
            self._thread = threading.Thread(target=import_all, args=(self._background,),
                                            name="warm-up imports")
            self._thread.start()
            QTimer.singleShot(POLL_MS, self, self._step)
        elif self._thread.is_alive():
            QTimer.singleShot(POLL_MS, self, self._step)
        else:
            # What start-up made lives as long as the program: spare every later full
            # collection the walk through it (~12 ms here with the GIL held, 20–30 ms in the
            # larger test process: a UI stall of that length, e.g. during the probe).
            gc.freeze()
            self.done = True
