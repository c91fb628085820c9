"""Monotonic deadlines: one for the whole probe, shorter ones nested inside it."""

from __future__ import annotations

import time
from typing import Protocol

from assistant.net.errors import Cancelled, Timeout

# How long a blocking wait lasts before looking at the cancel event again.
POLL_SLICE = 0.1


class CancelToken(Protocol):
    """Anything with ``is_set()``: a :class:`threading.Event`, or :class:`AnyOf` several."""

    def is_set(self) -> bool: ...


class AnyOf:
    """Set when any of its tokens is set: the user's Cancel, or the probe giving up on a
    straggler after the recommendation."""

    def __init__(self, *tokens: CancelToken | None) -> None:
        self._tokens = [t for t in tokens if t is not None]

    def is_set(self) -> bool:
        return any(t.is_set() for t in self._tokens)


class Deadline:
    """A point in time; ``child`` gives a shorter one that never outlives its parent."""

    __slots__ = ("_end",)

    def __init__(self, seconds: float) -> None:
        self._end = time.monotonic() + max(0.0, seconds)

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self._end

    def child(self, seconds: float) -> Deadline:
        child = Deadline(seconds)
        child._end = min(child._end, self._end)
        return child

    def extended(self, seconds: float, cap: Deadline) -> Deadline:
        """This deadline moved ``seconds`` later, never past ``cap`` (time spent waiting for a
        greeting is not taken from the dialogue's own budget)."""
        later = Deadline(0)
        later._end = min(self._end + max(0.0, seconds), cap._end)
        return later

    def slice(self) -> float:
        """How long the next blocking wait may last (short, so Cancel is noticed quickly)."""
        return min(POLL_SLICE, self.remaining())

    def check(self, cancel: CancelToken | None, what: str = "") -> None:
        """Raise :class:`Cancelled` or :class:`Timeout` when it is time to stop."""
        if cancel is not None and cancel.is_set():
            raise Cancelled(what)
        if self.expired:
            raise Timeout(what)
