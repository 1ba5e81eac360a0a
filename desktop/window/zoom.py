"""Text size (Ctrl+= / Ctrl+- / Ctrl+0): one size for every text in the window, remembered.

Front-desk screens and eyes differ; the size is saved in the preferences the
moment it changes, so a crash does not lose it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from desktop import preferences as prefs


class Sized(Protocol):
    def set_text_size(self, points: int) -> None: ...


class TextZoom:
    """The current text size, applied to every view `views()` returns."""

    def __init__(
        self,
        views: Callable[[], Iterable[Sized]],
        say: Callable[[str, int], None],
        restyle: Callable[[int], None] | None = None,
    ):
        self._views = views
        self._say = say
        self._restyle = restyle  # sets the window's style sheet, where widget fonts live
        self.size = prefs.clamp_text_size(prefs.get_int(prefs.TEXT_SIZE))

    def apply(self) -> None:
        if self._restyle is not None:
            self._restyle(self.size)
        for view in self._views():
            view.set_text_size(self.size)

    def set(self, points: int) -> None:
        self.size = prefs.clamp_text_size(points)
        prefs.set_value(prefs.TEXT_SIZE, self.size)
        self.apply()
        self._say(f"Text size {self.size} pt", 2000)

    def zoom_in(self) -> None:
        self.set(self.size + 1)

    def zoom_out(self) -> None:
        self.set(self.size - 1)

    def reset(self) -> None:
        self.set(int(prefs.DEFAULTS[prefs.TEXT_SIZE]))
