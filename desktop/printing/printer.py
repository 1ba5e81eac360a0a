"""Put a composed handout on paper: HTML -> QTextDocument -> QPrinter or PDF.

Qt's QTextDocument.print() has no page header or footer and splits pages
wherever a line falls, so this module paints the pages itself: the clinic
header on top, the body page in the middle, the footer with "Page N of M" at
the bottom. It also moves a heading to the next page when it would otherwise
sit alone at the bottom, away from its text.

The body is laid out at a fixed 96 dots per inch (as a browser does) and the
painter is scaled to the device, so a handout paginates the same on every
screen, printer and PDF.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from db.errors import FiliformError
from db.vocab import PAPER_SIZE, one_of

LAYOUT_DPI = 96
PAGE_TOKEN = "@@PAGE@@"
PAGES_TOKEN = "@@PAGES@@"
LOGO_URL = "filiform-logo:clinic"
# Qt's page size for each paper size of db/vocab.py (tests/test_vocab.py checks they match).
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0  # every side; wider than any printer's unprintable edge
GAP_PX = 14.0  # between header, body and footer
FONT_FAMILY = "DejaVu Sans"
# A group (a framed note, a heading with its first lines) shorter than this
# share of a page is never split across two pages.
KEEP_TOGETHER_SHARE = 0.45
# A last page filled less than this is laid out again with tighter spacing
# (`PrintableHandout.tight_body_html`) if that saves the page.
NEARLY_EMPTY_SHARE = 0.3


class PrintError(FiliformError):
    """The handout could not be written; the message is one sentence for a person."""


@dataclass
class PrintableHandout:
    """Everything needed to paint a handout, with no database behind it.

    `footer_html` holds PAGE_TOKEN and PAGES_TOKEN, filled in for each page.
    """

    title: str
    body_html: str
    header_html: str
    footer_html: str
    paper: str = "a4"
    base_points: float = 11  # body text size; headings scale from it
    logo: QImage | None = None
    notes: list[str] = field(default_factory=list)
    # The same body with less space between blocks, used when it saves a nearly empty page.
    tight_body_html: str | None = None
    images: dict[str, QImage] = field(default_factory=dict)  # resource URL -> image
    # The exact page (e.g. the A5 a print dialog chose); None means `paper`.
    page: QPageSize | None = None


@dataclass
class RenderResult:
    pages: int
    notes: list[str]


def mm_to_px(mm: float) -> float:
    return mm / 25.4 * LAYOUT_DPI


def page_size(paper: str) -> QPageSize:
    try:
        return QPageSize(PAPER_SIZES[paper])
    except KeyError:
        raise PrintError(f"Paper size must be {one_of(PAPER_SIZE)}, not '{paper}'.") from None


def _layout_device() -> QImage:
    """A 96-dpi paint device for layout, so fonts measure the same everywhere."""
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


_DEVICE: QImage | None = None


def _base_font(points: float) -> QFont:
    """The handout font, without ligatures: "ﬁ" and "ﬂ" as one glyph read back as
    odd characters when a PDF is searched, copied or read aloud."""
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _new_document(
    html: str,
    width: float,
    logo: QImage | None = None,
    points: float = 11,
    images: dict[str, QImage] | None = None,
) -> QTextDocument:
    """A document laid out at 96 dpi. `points` is the base size: Qt sizes <h1>-<h3>
    from it (x1.73, x1.44, x1.2) and ignores a CSS font-size on headings."""
    global _DEVICE
    if _DEVICE is None:
        _DEVICE = _layout_device()
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(_DEVICE)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(_base_font(points))
    option = QTextOption()
    option.setUseDesignMetrics(True)
    doc.setDefaultTextOption(option)
    if logo is not None:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_URL), logo)
    for url, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


@dataclass
class _Geometry:
    width: float  # page, in layout px
    height: float
    margin: float
    header_height: float
    footer_height: float

    @property
    def body_top(self) -> float:
        return self.margin + self.header_height + GAP_PX

    @property
    def body_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def body_height(self) -> float:
        return self.height - 2 * self.margin - self.header_height - self.footer_height - 2 * GAP_PX


def _is_heading(block: QTextBlock) -> bool:
    return block.isValid() and block.blockFormat().headingLevel() > 0


def _page_of(y: float, page_height: float) -> int:
    return int(math.floor(y / page_height + 1e-6))


def _break_before(block: QTextBlock) -> None:
    """Start a new page at this block (or at the table that holds it)."""
    cursor = QTextCursor(block)
    table = cursor.currentTable()
    if table is not None:
        fmt = table.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        table.setFormat(fmt)
        return
    fmt = QTextBlockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.mergeBlockFormat(fmt)


def _group_end(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    """Bottom of what stays with a heading: a short next block whole, else its first two lines."""
    rect = layout.blockBoundingRect(block)
    lines = block.layout().lineCount()
    if lines <= 3:
        return rect.bottom()
    return rect.top() + block.layout().lineAt(1).rect().bottom()


def _table_head_end(
    layout: QAbstractTextDocumentLayout, doc: QTextDocument, first: QTextBlock
) -> float:
    """Bottom of a tall framed note's opening: its first row and the first lines of the next."""
    block = first
    for _ in range(2):
        if block.next().isValid() and QTextCursor(block.next()).currentTable() is not None:
            block = block.next()
    return _group_end(layout, block)


def _straddles(top: float, bottom: float, page_h: float) -> bool:
    """True if [top, bottom) crosses a page boundary and does not already start a page."""
    first = _page_of(top, page_h)
    starts_page = top - first * page_h < 1
    return not starts_page and first != _page_of(bottom - 1, page_h)


def _splits_badly(layout: QAbstractTextDocumentLayout, block: QTextBlock, page_h: float) -> bool:
    """A paragraph split so that one line sits alone on either page (a widow or orphan)."""
    lines = block.layout().lineCount()
    if lines < 2 or _is_heading(block):
        return False
    top = layout.blockBoundingRect(block).top()
    first_page = _page_of(top, page_h)
    on_first = sum(
        1
        for i in range(lines)
        if _page_of(top + block.layout().lineAt(i).rect().bottom() - 1, page_h) == first_page
    )
    return 0 < on_first < lines and (on_first < 2 or lines - on_first < 2)


def _first_split(doc: QTextDocument) -> QTextBlock | None:
    """The first heading, short framed note or paragraph that a page boundary splits badly."""
    page_h = doc.pageSize().height()
    layout = doc.documentLayout()
    seen_tables: set[int] = set()
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            if table.firstPosition() not in seen_tables:
                seen_tables.add(table.firstPosition())
                first = doc.findBlock(table.firstPosition())
                top = layout.blockBoundingRect(first).top()
                bottom = layout.blockBoundingRect(doc.findBlock(table.lastPosition())).bottom()
                start = first  # a framed note that moves takes its heading(s) along
                while _is_heading(start.previous()):
                    start = start.previous()
                head = layout.blockBoundingRect(start).top()
                if bottom - top < page_h * KEEP_TOGETHER_SHARE:
                    if _straddles(head, bottom, page_h):
                        return start
                elif _straddles(head, _table_head_end(layout, doc, first), page_h):
                    # Too tall to keep whole (a long clinic-edited note in large
                    # print): keep at least its label and first lines together.
                    return start
        elif _splits_badly(layout, block, page_h):
            start = block  # a paragraph that moves takes its heading(s) along
            while _is_heading(start.previous()):
                start = start.previous()
            top = layout.blockBoundingRect(start).top()
            if top - _page_of(top, page_h) * page_h >= 1:  # moving it helps
                return start
        elif _is_heading(block) and not _is_heading(block.previous()):
            follower = block.next()
            while _is_heading(follower):
                follower = follower.next()
            if follower.isValid():
                top = layout.blockBoundingRect(block).top()
                if _straddles(top, _group_end(layout, follower), page_h):
                    return block
        block = block.next()
    return None


def _bad_splits(doc: QTextDocument) -> int:
    """Paragraphs left split with a single line alone (inside a table, where no break can go)."""
    layout, page_h = doc.documentLayout(), doc.pageSize().height()
    count, block = 0, doc.begin()
    while block.isValid():
        count += _splits_badly(layout, block, page_h)
        block = block.next()
    return count


def keep_headings_with_text(doc: QTextDocument, limit: int = 100) -> int:
    """Move headings (and short framed notes) that would be split from their text.

    QTextDocument has no `page-break-inside: avoid` and no keep-with-next, so
    after layout each heading is checked against the first lines that follow
    it and each framed note against its own height; a page break goes before
    the first one that straddles a page boundary, the whole document is laid
    out again (Qt's incremental relayout can leave later blocks with no lines
    after a format change), and the check repeats. Returns how many moved.
    """
    moved = 0
    while moved < limit:
        block = _first_split(doc)
        if block is None:
            break
        _break_before(block)
        doc.markContentsDirty(0, doc.characterCount())
        moved += 1
    return moved


class _Pages:
    """A laid-out handout: body, header and per-page footers, ready to paint."""

    def __init__(self, handout: PrintableHandout) -> None:
        size = (handout.page or page_size(handout.paper)).size(QPageSize.Unit.Point)
        width = size.width() * LAYOUT_DPI / 72
        height = size.height() * LAYOUT_DPI / 72
        margin = mm_to_px(MARGIN_MM)
        inner = width - 2 * margin
        self.handout = handout
        self.header = _new_document(handout.header_html, inner, handout.logo, images=handout.images)
        # The footer is measured with the widest page numbers it will show.
        probe = handout.footer_html.replace(PAGE_TOKEN, "88").replace(PAGES_TOKEN, "88")
        footer_height = _new_document(probe, inner).size().height()
        self.geometry = _Geometry(width, height, margin, self.header.size().height(), footer_height)
        self.body = self._lay_out(handout.body_html, inner)
        splits = _bad_splits(self.body)
        if handout.tight_body_html and (splits or self._last_page_share() < NEARLY_EMPTY_SHARE):
            tight = self._lay_out(handout.tight_body_html, inner)
            if (tight.pageCount(), _bad_splits(tight)) < (self.body.pageCount(), splits):
                self.body = tight
        self.count = self.body.pageCount()

    def _lay_out(self, html: str, width: float) -> QTextDocument:
        doc = _new_document(
            html, width, points=self.handout.base_points, images=self.handout.images
        )
        doc.setPageSize(QSizeF(width, self.geometry.body_height))
        keep_headings_with_text(doc)
        return doc

    def _last_page_share(self) -> float:
        """How much of the last page the body fills (1.0 for a one-page handout)."""
        pages = self.body.pageCount()
        if pages <= 1:
            return 1.0
        height = self.body.pageSize().height()
        used = self.body.documentLayout().documentSize().height() - (pages - 1) * height
        return max(0.0, used) / height

    def footer(self, page: int) -> QTextDocument:
        html = self.handout.footer_html.replace(PAGE_TOKEN, str(page)).replace(
            PAGES_TOKEN, str(self.count)
        )
        return _new_document(html, self.geometry.body_width, images=self.handout.images)

    def paint(self, painter: QPainter, index: int, scale: float) -> None:
        """Paint page `index` (0-based) with the painter at the page's top-left corner."""
        g = self.geometry
        painter.save()
        painter.scale(scale, scale)
        painter.translate(g.margin, g.margin)
        self.header.drawContents(painter)
        painter.restore()

        painter.save()
        painter.scale(scale, scale)
        painter.translate(g.margin, g.body_top - index * g.body_height)
        clip = QRectF(0, index * g.body_height, g.body_width, g.body_height)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        self.body.documentLayout().draw(painter, context)
        painter.restore()

        painter.save()
        painter.scale(scale, scale)
        painter.translate(g.margin, g.height - g.margin - g.footer_height)
        self.footer(index + 1).drawContents(painter)
        painter.restore()


def paint_handout(device: QPagedPaintDevice, handout: PrintableHandout) -> int:
    """Paint every page onto a printer or PDF writer; returns the page count.

    The device must already have the handout's paper size and no margins
    (full-page coordinates): the margins are part of the page design here.
    """
    pages = _Pages(handout)
    painter = QPainter()
    if not painter.begin(device):
        raise PrintError("The printer or file could not be opened for drawing.")
    try:
        scale = device.logicalDpiX() / LAYOUT_DPI
        for index in range(pages.count):
            if index:
                device.newPage()
            pages.paint(painter, index, scale)
    finally:
        painter.end()
    return pages.count


def page_layout(paper: str, page: QPageSize | None = None) -> QPageLayout:
    """Portrait, the handout's paper (or `page`), no device margins: the design has its own."""
    return QPageLayout(
        page or page_size(paper), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )


def render_pdf(handout: PrintableHandout) -> tuple[bytes, int]:
    """The handout as PDF bytes and its page count; the 'render' half of an export."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(handout.title)
    writer.setCreator("Filiform")
    writer.setResolution(300)
    writer.setPageLayout(page_layout(handout.paper, handout.page))
    count = paint_handout(writer, handout)
    del writer  # finishes the PDF
    buffer.close()
    return bytes(QByteArray(buffer.data()).data()), count


def write_pdf(handout: PrintableHandout, path: Path | str) -> RenderResult:
    """Write the handout to a PDF file, replacing it whole or not at all."""
    path = Path(path)
    data, count = render_pdf(handout)
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise PrintError(f"Cannot write {path}: {e.strerror or e}.") from None
    return RenderResult(count, list(handout.notes))
