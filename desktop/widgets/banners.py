"""The two banners above the search box: read-only, and notices from opening.

A front desk must see at once why Edit is greyed out, and where a damaged
database file was set aside; both say it in one sentence.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton


class ReadOnlyBanner(QLabel):
    """Says why editing is off; hidden while the database is writable."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("readOnlyBanner")
        self.setWordWrap(True)
        self.setAccessibleName("Read-only notice")

    def show_reason(self, read_only: bool, reason: str | None) -> None:
        if read_only:
            why = reason or "the database is read-only"
            self.setText(
                f"<b>Read-only:</b> {html.escape(why)}. Browsing and printing work; "
                "editing is turned off."
            )
            self.show()
        else:
            self.hide()


class NoticeBanner(QFrame):
    """What happened while opening (a new database, a damaged file set aside).

    Shown until dismissed, so nobody misses where a damaged file went.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("noticeBanner")
        self.setAccessibleName("Notice")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dismiss = QToolButton(text="Dismiss")
        dismiss.setAccessibleName("Dismiss notice")
        dismiss.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(dismiss)

    def show_notices(self, notices: list[str]) -> None:
        self.label.setText(" ".join(notices))
        self.setVisible(bool(notices))
