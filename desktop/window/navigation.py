"""Back and forward through what was shown, like a browser.

An entry is ("record", kind, key) or ("compare", a, b). Opening something
new after going back drops the forward entries, as browsers do.
"""

from __future__ import annotations

Entry = tuple[str, str, str]
MAX_ENTRIES = 200


class History:
    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._index = -1

    def push(self, entry: Entry) -> None:
        if self.current() == entry:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(entry)
        if len(self._entries) > MAX_ENTRIES:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def current(self) -> Entry | None:
        return self._entries[self._index] if 0 <= self._index < len(self._entries) else None

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Entry | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> Entry | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._entries[self._index]
