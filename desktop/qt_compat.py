"""Work around a PySide6 6.12 reference-counting bug on Python 3.11.

PySide6 6.12's bindings return None (and sometimes True) without taking a
reference, which is harmless on Python 3.12+, where those objects are
immortal, but on 3.11 every void Qt call (`setText`, `processEvents`, ...)
drops one reference to None. After some tens of thousands of calls None's
count reaches zero and the interpreter aborts with "Fatal Python error:
none_dealloc". Giving None, True and False a huge reference count makes them
effectively immortal, as Python 3.12 does. Call `apply()` before using Qt.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 40
_applied = False


def needed() -> bool:
    """True on interpreters where None, True and False are still mortal."""
    return sys.version_info < (3, 12)


def apply() -> None:
    """Make None, True and False immortal on Python < 3.12 (idempotent)."""
    global _applied
    if _applied or not needed():
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _BOOST:
            count.value += _BOOST
    _applied = True
