"""The detail pane: a record rendered from its template, links opening records."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QImage, QShowEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.rendering.record_context import render_page
from desktop.rendering.templating import parse_record_url

ImageProvider = Callable[[str], "QImage | None"]
log = logging.getLogger(__name__)


@dataclass
class DetailPage:
    """A record's detail HTML and the pictures it refers to by URL (a point's body
    chart): what a tab shows in its pane and the answer pane beside the results."""

    html: str
    images: ImageProvider | None = None


def render_safely(make: Callable[[], DetailPage | None], kind: str, key: str) -> DetailPage | None:
    """The page `make()` renders for a record (None if the record is gone).

    A broken template must not take the window down: the page is then one
    sentence saying the record cannot be shown, and the log has the traceback.
    Used by the tabs' detail panes and the answer pane alike.
    """
    try:
        return make()
    except Exception as error:
        # Jinja2 is loaded by now (pages render with it); importing it at the top
        # would put it on the start-up path before any record is shown.
        from jinja2 import TemplateError

        if not isinstance(error, TemplateError):
            raise
        log.exception("cannot render %s/%s", kind, key)
        return DetailPage(_message(f"This record ({kind}/{key}) cannot be shown right now."))


class DetailBrowser(QTextBrowser):
    """Shows one rendered fragment; `filiform://KIND/KEY` links emit `recordLinkActivated`.

    The fragment is kept so a text-size change re-renders it rather than
    scaling, which keeps headings and tables in proportion. A hidden pane
    renders when it is shown, or when its text is read: a start-up builds
    several panes that nobody sees yet, and rendering their empty-state
    message would load Jinja2 and the page template before the first paint.
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
        self._stale = False  # the fragment or size changed while hidden
        self._later: tuple[Callable[[], str | None], str] | None = None
        # Pictures a fragment refers to by URL (a point's body chart).
        self.image_provider: ImageProvider | None = None

    def show_page(self, page: DetailPage) -> None:
        """Show a record's page with the pictures it refers to."""
        self.image_provider = page.images
        self.show_fragment(page.html)

    def show_fragment(self, fragment: str) -> None:
        self._later = None
        self._fragment = fragment
        if self.isVisible():
            self._render()
            self.verticalScrollBar().setValue(0)
        else:
            self._stale = True

    def loadResource(self, type: int, name: QUrl) -> Any:  # noqa: A002 - Qt's name
        """Images the tab draws itself (the body chart); anything else as usual."""
        if self.image_provider is not None and type == QTextDocument.ResourceType.ImageResource:
            image = self.image_provider(name.toString())
            if image is not None:
                return image
        return super().loadResource(type, name)

    def show_message(self, text: str) -> None:
        """A plain, escaped message in place of a record (empty states)."""
        self.show_fragment(_message(text))

    def show_later(self, make: Callable[[], str | None], if_none: str) -> None:
        """Show the fragment `make()` returns (or the message `if_none`), made only
        when the pane is shown or read: a hidden tab need not render at start-up."""
        self._later = (make, if_none)
        self._stale = True
        if self.isVisible():
            self._catch_up()

    def set_text_size(self, points: int) -> None:
        if points != self._text_size:
            self._text_size = points
            if self._stale or not self.isVisible():
                self._stale = True
                return
            position = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(position)

    def _render(self) -> None:
        self._stale = False
        self.setHtml(render_page(self._fragment, self._text_size))

    def _catch_up(self) -> None:
        """Render what changed while hidden (a new fragment starts at the top)."""
        if self._later is not None:
            make, if_none = self._later
            self._later = None
            made = make()
            self._fragment = made if made is not None else _message(if_none)
        if self._stale:
            self._render()
            self.verticalScrollBar().setValue(0)

    def showEvent(self, event: QShowEvent) -> None:
        self._catch_up()
        super().showEvent(event)

    def toPlainText(self) -> str:  # noqa: N802 - Qt name
        self._catch_up()
        return super().toPlainText()

    def toHtml(self) -> str:  # noqa: N802 - Qt name
        self._catch_up()
        return super().toHtml()

    def document(self) -> QTextDocument:
        self._catch_up()
        return super().document()

    def _on_anchor(self, url: QUrl) -> None:
        target = parse_record_url(url.toString())
        if target:
            self.recordLinkActivated.emit(*target)


def _message(text: str) -> str:
    from html import escape

    return f'<p class="muted">{escape(text)}</p>'
