"""Page layout: headings stay with their text, logos print or are left out with a reason."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage, QTextCursor

from db.settings import save_settings
from desktop.printing.handouts import catalogue, compose
from desktop.printing.printer import (
    PAGE_TOKEN,
    PAGES_TOKEN,
    PrintableHandout,
    _Pages,
    _splits_badly,
    keep_headings_with_text,
    render_pdf,
)


def _page(y: float, page_h: float) -> int:
    return int(y // page_h)


def _orphans(pages: _Pages) -> list[str]:
    """Headings whose next line of text starts on a later page."""
    doc = pages.body
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    found = []
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        if block.blockFormat().headingLevel() and nxt.isValid():
            top = layout.blockBoundingRect(block).top()
            next_line = layout.blockBoundingRect(nxt).top()
            if nxt.layout().lineCount():
                next_line += nxt.layout().lineAt(0).rect().bottom() - 1
            if _page(top, page_h) != _page(next_line, page_h):
                found.append(block.text())
        block = nxt
    return found


def _widows(pages: _Pages) -> list[str]:
    """Paragraphs split so that a single line sits alone at the foot or head of a page."""
    doc = pages.body
    found = []
    block = doc.begin()
    while block.isValid():
        if _splits_badly(doc.documentLayout(), block, doc.pageSize().height()):
            found.append(block.text())
        block = block.next()
    return found


def _empty_blocks(pages: _Pages) -> list[str]:
    """Blocks with text that were never laid out (and so would not print)."""
    doc = pages.body
    block = doc.begin()
    found = []
    while block.isValid():
        if block.text().strip() and block.layout().lineCount() == 0:
            found.append(block.text())
        block = block.next()
    return found


@pytest.mark.parametrize("large", [False, True])
def test_no_heading_is_left_at_the_bottom_of_a_page_in_any_handout(store, qapp, large):
    for info in catalogue(store.db):
        pages = _Pages(compose(store.db, info.name, large_print=large))
        assert _orphans(pages) == [], info.name
        assert _empty_blocks(pages) == [], info.name
        assert _widows(pages) == [], info.name


def _synthetic(heading_at: int) -> PrintableHandout:
    paras = "".join(f"<p>Paragraph {i} with some ordinary words in it.</p>" for i in range(60))
    body = paras.replace(
        f"<p>Paragraph {heading_at} ",
        "<h2>A heading near the bottom</h2>"
        f"<p>First line after the heading. Paragraph {heading_at} ",
    )
    return PrintableHandout(
        title="Synthetic",
        body_html=f"<html><body>{body}</body></html>",
        header_html="<p>Header</p>",
        footer_html=f"<p>Page {PAGE_TOKEN} of {PAGES_TOKEN}</p>",
    )


def test_a_heading_that_would_end_a_page_moves_to_the_next(qapp):
    # Find where page 1 ends, then put a heading on its last line.
    probe = _Pages(_synthetic(10_000))
    doc = probe.body
    page_h = doc.pageSize().height()
    last_on_first_page = max(
        i
        for i in range(60)
        if _page(
            doc.documentLayout().blockBoundingRect(doc.findBlockByNumber(i)).bottom() - 1,
            page_h,
        )
        == 0
    )
    pages = _Pages(_synthetic(last_on_first_page))
    assert _orphans(pages) == []
    text = " ".join(
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO(render_pdf(_synthetic(last_on_first_page))[0])).pages[1:2]
    )
    assert "A heading near the bottom First line after the heading" in text


def test_keep_headings_is_a_no_op_when_nothing_straddles(qapp):
    pages = _Pages(_synthetic(10_000))
    assert keep_headings_with_text(pages.body) == 0


def test_headings_inside_a_framed_note_keep_the_note_whole(store, qapp):
    pages = _Pages(compose(store.db, "dry-needling-aftercare"))
    doc = pages.body
    page_h = doc.pageSize().height()
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            top = layout.blockBoundingRect(doc.findBlock(table.firstPosition())).top()
            bottom = layout.blockBoundingRect(doc.findBlock(table.lastPosition())).bottom()
            assert _page(top, page_h) == _page(bottom - 1, page_h), block.text()
        block = block.next()


def _logo(path, color="#1b3a5c"):
    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def test_a_logo_prints_in_the_header(store, qapp, tmp_path):
    save_settings(store.db, {"clinic_logo": str(_logo(tmp_path / "logo.png"))})
    handout = compose(store.db, "acupuncture-aftercare")
    assert handout.logo is not None and handout.notes == []
    reader = PdfReader(io.BytesIO(render_pdf(handout)[0]))
    for page in reader.pages:
        assert len(page.images) >= 1


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda p: p / "gone.png", "does not exist"),
        (lambda p: (p / "broken.png").write_bytes(b"\x89PNG not really") and p / "broken.png",
         "could not be read"),
        (lambda p: p, "does not exist"),  # a folder is not a logo
    ],
)  # fmt: skip
def test_a_missing_or_broken_logo_prints_without_it_and_says_why(store, qapp, tmp_path, make, why):
    save_settings(store.db, {"clinic_logo": str(make(tmp_path)), "clinic_name": "Riverside"})
    handout = compose(store.db, "acupuncture-aftercare")
    assert handout.logo is None
    assert len(handout.notes) == 1 and why in handout.notes[0]
    assert "left out" in handout.notes[0]
    reader = PdfReader(io.BytesIO(render_pdf(handout)[0]))
    assert "Riverside" in reader.pages[0].extract_text()
    assert all(len(page.images) == 0 for page in reader.pages)
