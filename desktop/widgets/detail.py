"""The detail pane: a record rendered from its template, links opening records."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.rendering.record_context import render_page
from desktop.rendering.templating import parse_record_url


class DetailBrowser(QTextBrowser):
    """Shows one rendered fragment; `filiform://KIND/KEY` links emit `recordLinkActivated`.

    The fragment is kept so a text-size change re-renders it rather than
    scaling, which keeps headings and tables in proportion.
    """

    recordLinkActivated = Signal(str, str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setMinimumWidth(320)
        self.anchorClicked.connect(self._on_anchor)
        self._fragment = ""
        self._text_size = 11

    def show_fragment(self, fragment: str) -> None:
        self._fragment = fragment
        self._render()
        self.verticalScrollBar().setValue(0)

    def show_message(self, text: str) -> None:
        """A plain, escaped message in place of a record (empty states)."""
        from html import escape

        self.show_fragment(f'<p class="muted">{escape(text)}</p>')

    def set_text_size(self, points: int) -> None:
        if points != self._text_size:
            self._text_size = points
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)

    def _render(self) -> None:
        self.setHtml(render_page(self._fragment, self._text_size))

    def _on_anchor(self, url: QUrl) -> None:
        target = parse_record_url(url.toString())
        if target:
            self.recordLinkActivated.emit(*target)
