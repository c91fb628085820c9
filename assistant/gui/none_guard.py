"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

Measured in this project's environment (PySide6-Essentials 6.12.0, CPython 3.11): every call
of a Qt method that returns nothing (``QLabel.setText``, ``QWizard.setButtonText``,
``setVisible`` …) drops one reference to ``None``. None starts with about 14,000 references
once the core is imported, so after that many calls Python aborts with "Fatal Python error:
none_dealloc: deallocating None" — a long session (a volunteer setting up several members in
a row, language switches) or the screenshot run got there. Python 3.12 makes None immortal;
on 3.11 the guard gives it the same property by raising its count far beyond any session.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40  # references; a 64-bit count cannot be run down from here


def keep_none_alive() -> None:
    """Raise None's reference count once (Python 3.11 only; 3.12+ needs nothing)."""
    if sys.version_info >= (3, 12):
        return
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < RESERVE:
        count.value += RESERVE
