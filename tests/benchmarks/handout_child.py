"""Handout export timings, in their own Qt process (run by `run.py`).

    python tests/benchmarks/handout_child.py DB_PATH NAME REPEAT

NAME `@today` composes the Today's-treatment sheet with typical desk choices
(`TODAY_CHOICES`), or prints {"skipped": reason} when main has none.
The figure is what a person waits for after choosing "Export PDF": compose
the handout from the database (`desktop.printing.handouts.compose`) and render it to
PDF bytes (`desktop.printing.render_pdf`; writing the file is left out, the
disk is not Filiform's). The baseline renders the same body HTML with a
QTextDocument alone, printed to a QPdfWriter with the same page size and
resolution: no database, no header or footer, no pagination logic. Runs are
interleaved so background load hits both alike. Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
# What a desk picks for a typical sheet: a treatment, two regions, a point, a note.
TODAY_CHOICES = {
    "modality": "dry-needling",
    "regions": "neck-back,shoulder",
    "points": "GB21",
    "note": "Next appointment: Tuesday at 10.",
}


def main(db_path: str, name: str, repeat: int) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication, QPdfWriter, QTextDocument

    from db.connection import open_store
    from desktop.printing.handouts import compose
    from desktop.printing.printer import page_layout, render_pdf

    app = QGuiApplication([sys.argv[0]])  # noqa: F841 - text layout needs one
    store = open_store(db_path, read_only=True)
    params: dict[str, str] = {}
    if name == "@today":  # Today's treatment sheet: the desk's choices for one patient
        from desktop.printing import handouts

        if "today" not in getattr(handouts, "PARAMETERISED", {}):
            store.close()
            return {"skipped": "no Today's-treatment handout on main"}
        name = "today"
        params = dict(TODAY_CHOICES)

    def export() -> tuple[float, float, int, str]:
        started = time.perf_counter()
        handout = compose(store.db, name, params)
        composed = time.perf_counter()
        _data, pages = render_pdf(handout)
        done = time.perf_counter()
        return (done - started) * 1000, (composed - started) * 1000, pages, handout.body_html

    def baseline(html: str, paper: str) -> tuple[float, int]:
        started = time.perf_counter()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(300)
        writer.setPageLayout(page_layout(paper))
        doc = QTextDocument()
        doc.setHtml(html)
        doc.print_(writer)
        pages = doc.pageCount()
        del writer
        buffer.close()
        return (time.perf_counter() - started) * 1000, pages

    first_ms, _, pages, html = export()  # also warms template compilation and fonts
    paper = compose(store.db, name, params).paper
    baseline(html, paper)
    export_ms, compose_ms, base_ms = [], [], []
    base_pages = 0
    for _ in range(repeat):
        total, composing, pages, _html = export()
        export_ms.append(total)
        compose_ms.append(composing)
        ms, base_pages = baseline(html, paper)
        base_ms.append(ms)
    store.close()
    return {
        "name": name,
        "pages": pages,
        "baseline_pages": base_pages,
        "first_ms": first_ms,
        "export_ms": export_ms,
        "compose_ms": compose_ms,
        "baseline_ms": base_ms,
    }


if __name__ == "__main__":
    result = main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
    print(json.dumps(result), flush=True)
