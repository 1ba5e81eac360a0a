"""What each record template needs besides the record itself, in one place.

The detail panes and the printed handouts render the same partials
(`resources/templates/records/<kind>.html`, `compare.html`); building their
context here means the screen and the paper show the same related records.
No Qt import: the CLI and the handouts use this without a display.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from db import records as rec
from db.database import Database
from db.frontdesk import glance_rows
from db.records import Record
from desktop.rendering.templating import render


def base_context(db: Database) -> dict[str, Any]:
    """Context every record template accepts: link names and modality names."""
    names = rec.modality_names(db)
    return {"link_names": {n: k for k, n in names.items()}, "modality_names": names}


def record_context(db: Database, record: Record) -> dict[str, Any]:
    """The full context for `records/<record.kind>.html`."""
    ctx = base_context(db)
    ctx["record"] = record
    sources = record.get("sources", [])
    ctx["cited"] = rec.records_by_keys(db, "sources", sources) if sources else []
    kind = record.kind
    if kind == "modalities":
        ctx["safety"] = rec.safety_for_modality(db, record.key, limit=RELATED_SHOWN)
        ctx["rationales"] = _capped(
            ctx, "rationales", rec.rationales_for_modality(db, record.key, limit=RELATED_SHOWN + 1)
        )
    elif kind == "points":
        ctx["links"] = rec.point_links(db, record.key)
        ctx["rationales"] = _capped(
            ctx, "rationales", rec.rationales_for_point(db, record.key, limit=RELATED_SHOWN + 1)
        )
    elif kind == "point_links":
        ctx["point_a"] = rec.get_record(db, "points", record.get("a", ""))
        ctx["point_b"] = rec.get_record(db, "points", record.get("b", ""))
    elif kind == "rationales":
        ctx["points"] = rec.records_by_keys(db, "points", record.get("points", []))
    elif kind == "sources":
        ctx["citing"] = _capped(
            ctx, "citing", rec.records_citing(db, record.key, limit=CITING_SHOWN + 1), CITING_SHOWN
        )
    return ctx


def _capped(ctx: dict[str, Any], name: str, found: list, shown: int | None = None) -> list:
    """The first `shown` related records; `{name}_more` says when there were more.

    A detail pane lists related records, not all of them: a database with
    thousands of notes on one modality once took seconds to render its page.
    """
    shown = RELATED_SHOWN if shown is None else shown
    ctx[f"{name}_more"] = len(found) > shown
    return found[:shown]


# How many related records a detail pane lists (the shipped content has at
# most 17 rationales for a modality and 413 records citing one source).
RELATED_SHOWN = 40
CITING_SHOWN = 500


def compare_context(db: Database, a_key: str, b_key: str) -> dict[str, Any] | None:
    """Context for `compare.html`, or None when either modality is missing."""
    a = rec.get_record(db, "modalities", a_key)
    b = rec.get_record(db, "modalities", b_key)
    if a is None or b is None:
        return None
    ctx = base_context(db)
    ctx.update(
        a=a,
        b=b,
        glance=glance_rows(a, b),
        a_aftercare=rec.aftercare_for_modality(db, a_key, general=False),
        b_aftercare=rec.aftercare_for_modality(db, b_key, general=False),
    )
    return ctx


def render_record(db: Database, record: Record, **extra: Any) -> str:
    """One record's partial as an HTML fragment (escaped)."""
    ctx = record_context(db, record)
    ctx.update(extra)
    return render(f"records/{record.kind}.html", **ctx)


def render_compare(db: Database, a_key: str, b_key: str, **extra: Any) -> str | None:
    """The side-by-side comparison fragment, or None if a modality is missing."""
    ctx = compare_context(db, a_key, b_key)
    if ctx is None:
        return None
    ctx.update(extra)
    return render("compare.html", **ctx)


def render_page(body: str, zoom: int | None = None) -> str:
    """Wrap a rendered fragment in the screen page (detail.html) with its CSS."""
    ctx: dict[str, Any] = {"body": Markup(body)}
    if zoom is not None:
        ctx["zoom"] = int(zoom)
    return render("detail.html", **ctx)
