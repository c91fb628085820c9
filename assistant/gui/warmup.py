"""Imports what the later pages need while the member reads the first one.

Start-up only builds the first page. Once it has been painted, small steps run on the UI
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
STOP_WAIT_S = 5.0  # how long leaving the program waits for an import under way (~130 ms all)


def import_all(modules: Iterable[str], stop: threading.Event | None = None) -> None:
    """Import ``modules`` now, so that their first real use finds them loaded; ``stop``
    (the program is closing) ends the list between two modules.

    Any failure is only logged, by type: a warm-up must never print a traceback, e.g. when
    Python is already shutting down (an import that registers an atexit hook then raises
    RuntimeError). The module is imported again, with its error, where it is really used."""
    for name in modules:
        if stop is not None and stop.is_set():
            return
        try:
            importlib.import_module(name)
        except Exception as error:  # see the docstring: never a traceback from here
            log.warning("warm-up could not import %s: %s", name, type(error).__name__)


class Warmup(QObject):
    """``steps`` one per event-loop turn, then ``background_modules`` on a thread; started by
    the first paint of the watched widget (or :meth:`start`)."""

    def __init__(self, steps: Iterable[Callable[[], object]], background_modules: Iterable[str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending = deque(steps)
        self._background = tuple(background_modules)
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
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
        if not self.started and not self._stop.is_set():
            self.started = True
            gc.freeze()  # see _step: the imports below would trigger full collections
            gc.enable()  # paused for the start (assistant.cli._wizard)
            QTimer.singleShot(0, self, self._step)

    def stop(self, wait: float = STOP_WAIT_S) -> None:
        """The program is closing: no further step, and the background imports end after the
        module under way, joined here (up to ``wait`` seconds) while Python is still whole.
        Left to the interpreter's own shutdown, that import raised "can't register atexit
        after shutdown" when the window was closed within ~0.1–0.3 s of the start."""
        self._stop.set()
        self._pending.clear()
        if self._thread is not None:
            self._thread.join(wait)

    def _step(self) -> None:
        if self._stop.is_set():
            return
        if self._pending:
            self._pending.popleft()()
            QTimer.singleShot(0, self, self._step)
        elif self._thread is None:
            # Not a daemon: leaving the program waits for an import under way instead of
            # cutting it off (see stop).
            self._thread = threading.Thread(target=import_all,
                                            args=(self._background, self._stop),
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
