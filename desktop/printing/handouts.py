"""Compose patient handouts from the database: the catalogue and the HTML.

Handouts are built from whatever the database holds, so a clinic's edits and
any modality added later appear in them without a code change: every
modality gets "What to expect" and "Aftercare", the pairs patients mix up
(acupuncture and dry needling) get "how they differ", and two general
handouts ship. The window can also print any single record or a comparison.

This is the "compose" half of an export (database -> HTML); `desktop.printing.printer`
is the "render" half (HTML -> pages). Text from the database reaches the
templates only through autoescaped Jinja2 (`desktop.rendering.templating.render`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from db.database import Database
from db.errors import FiliformError
from db.frontdesk import glance_rows
from db.guide import AnswersError
from db.kinds import KINDS
from db.plain_text import first_sentence
from db.records import Record, get_record, list_records, records_about
from db.settings import PAPER_SIZES, load_settings
from db.vocab import CALL_LEVELS, PAPER_SIZE, PHASE, one_of
from desktop.printing import body_chart, guide_handout, patient_record, today
from desktop.printing.citations import Citations
from desktop.printing.logo import load_logo, logo_size
from desktop.printing.printer import LOGO_URL, PAGE_TOKEN, PAGES_TOKEN, PrintableHandout
from desktop.printing.qr import QR_SIZE_PX, QR_URL, qr_image, qr_target
from desktop.printing.when_to_call import call_section
from desktop.rendering.record_context import compare_context
from desktop.rendering.templating import render

GENERAL_NOTE = (
    "This handout is general information, not advice about your own health. "
    "Your practitioner decides your care with you."
)
FIRST_APPOINTMENT = "before-your-first-appointment"

# Font sizes (pt) and spacing (px) for normal and large print.
SIZES = {
    False: {"body": 11, "lead": 12, "small": 8, "name": 12, "gap": 8, "pad": 8, "line": 125},
    True: {"body": 16, "lead": 17, "small": 11, "name": 16, "gap": 12, "pad": 10, "line": 120},
}  # fmt: skip


class HandoutError(FiliformError, LookupError):
    """No such handout, or a parameter names no record; one sentence for a person."""


@dataclass(frozen=True)
class HandoutInfo:
    """One entry in the catalogue: what `handout --list` and the menu show."""

    name: str
    title: str
    description: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "title": self.title, "description": self.description}


@dataclass
class _Plan:
    """What a handout needs before the template runs."""

    title: str
    template: str
    context: dict[str, Any]
    modalities: list[str] = field(default_factory=list)  # for the "when to call" notes
    call_levels: tuple[str, ...] = CALL_LEVELS
    brief: bool = False  # a single answer: reasons to call the clinic one line each
    images: dict[str, Any] = field(default_factory=dict)  # URL -> QImage (the body chart)


# ---------------------------------------------------------------- lookups


def _modalities(db: Database) -> list[Record]:
    return list_records(db, "modalities")


def when_to_call(
    db: Database, modalities: Iterable[str], levels: tuple[str, ...] = CALL_LEVELS
) -> list[Record]:
    """Every 'contact the clinic' and 'urgent' note that applies, each once; urgent first."""
    section = call_section(db, modalities, levels)
    return [n.record for n in (*section.urgent, *section.contact)]


def _modality(db: Database, key: str) -> Record:
    record = get_record(db, "modalities", key)
    if record is None or record.get("hidden"):
        raise HandoutError(f"There is no modality '{key}'.")
    return record


# ---------------------------------------------------------------- the handouts


def _what_to_expect(db: Database, key: str) -> _Plan:
    m = _modality(db, key)
    expectations = records_about(db, "expectations", [key])
    phases = [
        (f"{term.text} your session", [e for e in expectations if e["phase"] == term.key])
        for term in PHASE.terms
    ]
    side_effects = [
        s
        for s in records_about(db, "safety", [key], general=False)
        if s["category"] == "adverse events"
    ]
    return _Plan(
        f"{m.title}: what to expect",
        "handouts/what_to_expect.html",
        {
            "lead": f"What happens before, during and after {m.title.lower()}.",
            "modality": m,
            "session": first_sentence(m["session_length"]),
            "phases": [(label, items) for label, items in phases if items],
            "side_effects": side_effects,
        },
        [key],
    )


def _aftercare(db: Database, key: str) -> _Plan:
    m = _modality(db, key)
    notes = records_about(db, "aftercare", [key])
    return _Plan(
        f"{m.title}: aftercare",
        "handouts/aftercare.html",
        {
            "lead": f"What is normal after {m.title.lower()}, and when to call.",
            "modality": m,
            "normal": [n for n in notes if n["level"] == "normal"],
            "watch": [n for n in notes if n["level"] == "watch"],
        },
        [key],
    )


# The pairs patients mix up, each printed as "how they differ" when both are in
# the database. (`paired_with` means "used together", not "confused with".)
VERSUS_PAIRS: tuple[tuple[str, str], ...] = (
    ("acupuncture", "dry-needling"),
    ("dry-needling", "trigger-point-injection"),
)
MAX_SHARED_FAQS = 4  # keeps "how they differ" to about two pages


def _versus(db: Database, a_key: str, b_key: str) -> _Plan:
    a, b = _modality(db, a_key), _modality(db, b_key)
    rows = glance_rows(a, b)
    # FAQs about both whose answers speak of both: the ones that compare them.
    names = (a.title.lower(), b.title.lower())
    shared = [
        f
        for f in list_records(db, "faqs")
        if {a_key, b_key} <= set(f.get("modalities", []))
        and all(n in str(f["answer"]).lower() for n in names)
    ][:MAX_SHARED_FAQS]
    return _Plan(
        f"{a.title} and {b.title.lower()}: how they differ",
        "handouts/versus.html",
        {
            "lead": "Both use thin, solid needles. They come from different traditions.",
            "a": a,
            "b": b,
            "rows": rows,
            "shared_faqs": shared,
        },
        [a_key, b_key],
    )


def _first_appointment(db: Database) -> _Plan:
    before = records_about(db, "expectations", [], phase="before")
    cautions = [
        s
        for s in records_about(db, "safety", [])
        if s["category"] in ("contraindication", "precaution")
    ]
    return _Plan(
        "Before your first needling appointment",
        "handouts/first_appointment.html",
        {
            "lead": "What to tell us, and how to get ready.",
            "before": before,
            "cautions": cautions,
        },
        [],
        # Before any treatment only the urgent notes apply; the fixed "call the
        # clinic" sentence in every handout still covers the rest.
        call_levels=("urgent",),
    )


def _record(db: Database, kind: str, key: str) -> _Plan:
    if kind not in KINDS:
        raise HandoutError(f"'{kind}' is not a kind of record.")
    record = get_record(db, kind, key)
    if record is None:
        raise HandoutError(f"There is no {KINDS[kind].label.lower()} '{key}'.")
    modalities = [record["modality"]] if record.get("modality") else []
    modalities += list(record.get("modalities", []))
    if kind == "modalities":
        modalities.append(key)
    plan = _Plan(
        patient_record.title_of(record),
        "handouts/patient_record.html",
        {
            "record": record,
            "sections": patient_record.sections(kind),
            "aside": patient_record.aside_of(record),
        },
        [m for m in modalities if m != "general"],
        brief=kind in patient_record.SINGLE_ANSWER_KINDS,
    )
    if kind == "points":
        chart = body_chart.point_chart(db, record)
        if chart is not None:
            plan.context.update(chart.template_context())
            plan.images.update(chart.images())
    return plan


def _today(db: Database, params: Mapping[str, Any]) -> _Plan:
    """Today's treatment sheet from the desk's choices (`today.py`); nothing is stored."""
    if not params.get("modality"):
        raise HandoutError("Today's sheet needs a treatment: --modality, e.g. dry-needling.")
    m = _modality(db, str(params["modality"]))
    try:
        sheet = today.today_sheet(
            db,
            m,
            today.split_list(params.get("regions")),
            today.split_list(params.get("points")),
            str(params.get("note") or ""),
        )
    except today.TodayError as e:
        raise HandoutError(str(e)) from None
    context = today.context(db, sheet)
    return _Plan(today.TITLE, "handouts/today.html", context, [m.key], brief=True)


def _where_it_hurts(db: Database, region: str) -> _Plan:
    """`body/REGION`: what both traditions say about pain in one body region."""
    found = body_chart.where_it_hurts_context(db, region)
    if found is None:
        raise HandoutError(f"There is no body region '{region}'.")
    title, context, chart = found
    return _Plan(
        title,
        "handouts/where_it_hurts.html",
        context,
        list(body_chart.BOTH_TRADITIONS),
        images=chart.images(),
    )


def _compare(db: Database, a_key: str, b_key: str) -> _Plan:
    a, b = _modality(db, a_key), _modality(db, b_key)
    context = _compare_context(db, a, b)
    return _Plan(
        f"{a.title} and {b.title} compared",
        "handouts/compare.html",
        context,
        [a_key, b_key],
    )


def _compare_context(db: Database, a: Record, b: Record) -> dict[str, Any]:
    context = dict(compare_context(db, a.key, b.key) or {"a": a, "b": b})
    context.update({"heading_level": 1, "show_sources": False, "show_title": False})
    return context


# ---------------------------------------------------------------- catalogue


def _named(db: Database) -> dict[str, tuple[HandoutInfo, Callable[[], _Plan]]]:
    """Every named handout the database supports, in menu order."""
    found: dict[str, tuple[HandoutInfo, Callable[[], _Plan]]] = {}
    mods = _modalities(db)
    for m in mods:
        found[f"{m.key}-what-to-expect"] = (
            HandoutInfo(
                f"{m.key}-what-to-expect",
                f"{m.title}: what to expect",
                f"What {m.title.lower()} is and what happens before, during and after a session.",
            ),
            lambda k=m.key: _what_to_expect(db, k),
        )
        found[f"{m.key}-aftercare"] = (
            HandoutInfo(
                f"{m.key}-aftercare",
                f"{m.title}: aftercare",
                f"What is normal after {m.title.lower()} and when to call the clinic.",
            ),
            lambda k=m.key: _aftercare(db, k),
        )
    present = {m.key: m for m in mods}
    for a_key, b_key in VERSUS_PAIRS:
        if a_key not in present or b_key not in present:
            continue
        a, b = present[a_key], present[b_key]
        name = f"{a_key}-vs-{b_key}"
        found[name] = (
            HandoutInfo(
                name,
                f"{a.title} and {b.title.lower()}: how they differ",
                f"{a.title} and {b.title.lower()} side by side, in plain words.",
            ),
            lambda x=a_key, y=b_key: _versus(db, x, y),
        )
    found[FIRST_APPOINTMENT] = (
        HandoutInfo(
            FIRST_APPOINTMENT,
            "Before your first needling appointment",
            "What to tell us first (pregnancy, blood thinners, lymphoedema, needle fear, "
            "pacemaker...) and how to get ready.",
        ),
        lambda: _first_appointment(db),
    )
    found[guide_handout.NAME] = (
        HandoutInfo(
            guide_handout.NAME,
            guide_handout.TITLE,
            "Tick-box questions for choosing between acupuncture and dry needling; "
            "with --answers FILE.json, the filled-in result.",
        ),
        lambda: _guide(db, None),
    )
    return found


def _guide(db: Database, answers: Mapping[str, Any] | None) -> _Plan:
    """The blank questionnaire, or the result of `answers` (as the guide dialog gives them)."""
    try:
        page = (
            guide_handout.questionnaire(db)
            if answers is None
            else guide_handout.result_page(db, answers)
        )
    except AnswersError as e:
        raise HandoutError(str(e)) from None
    # Nothing has been done yet, so only the fixed "when to call" sentences apply.
    return _Plan(page.title, page.template, page.context, [], call_levels=())


def catalogue(db: Database) -> list[HandoutInfo]:
    """The named handouts, for `handout --list` and the window's menu."""
    return [info for info, _ in _named(db).values()]


PARAMETERISED = {
    "record": "record/KIND/KEY: any single record, e.g. record/faqs/will-it-hurt",
    "compare": "compare/A/B: two modalities side by side, e.g. compare/acupuncture/dry-needling",
    "today": "today --modality M [--regions R,R] [--points P,P] [--note TEXT]: "
    "today's treatment sheet",
    "body": "body/REGION: where it hurts, with the body chart, e.g. body/heel",
}


def _plan(db: Database, name: str, params: Mapping[str, Any] | None) -> _Plan:
    params = dict(params or {})
    if name == guide_handout.NAME and params.get("answers") is not None:
        return _guide(db, params["answers"])
    head, _, rest = name.partition("/")
    if head == "body" and rest:
        return _where_it_hurts(db, rest)
    if rest and head in PARAMETERISED:
        parts = rest.split("/", 1)
        if len(parts) != 2:
            raise HandoutError(f"Write it as {PARAMETERISED[head].split(':')[0]}.")
        name = head
        keys = ("kind", "key") if head == "record" else ("a", "b")
        params.update(dict(zip(keys, parts, strict=True)))
    if name == today.NAME:
        return _today(db, params)
    if name == "record":
        if not params.get("kind") or not params.get("key"):
            raise HandoutError("A record handout needs a kind and a key.")
        return _record(db, params["kind"], params["key"])
    if name == "compare":
        if not params.get("a") or not params.get("b"):
            raise HandoutError("A comparison handout needs two modalities.")
        return _compare(db, params["a"], params["b"])
    named = _named(db)
    if name not in named:
        raise HandoutError(
            f"There is no handout named '{name}'. Known handouts: {', '.join(named)}."
        )
    return named[name][1]()


# ---------------------------------------------------------------- composing


def format_date(day: date) -> str:
    """'21 November 2026': no day/month order to misread on either side of the Atlantic."""
    return f"{day.day} {day:%B %Y}"


def _tight(sizes: dict[str, int]) -> dict[str, int]:
    """The same type with less space between blocks: pulls a short last page back."""
    return {
        **sizes,
        "gap": max(3, sizes["gap"] * 3 // 5),
        "pad": max(4, sizes["pad"] - 3),
        "line": 112,
    }


def _clinic_header(
    clinic: dict[str, Any], sizes: dict[str, int], today: date | None
) -> tuple[str, dict[str, Any], list[str]]:
    """The header HTML, the images it shows (logo, QR code) and notes on what was left out."""
    logo, problem = load_logo(clinic["clinic_logo"])
    notes = [problem] if problem else []
    contact = [
        f"Phone {clinic['clinic_phone']}" if clinic["clinic_phone"] else "",
        clinic["clinic_email"],
        clinic["clinic_website"],
    ]
    address = ", ".join(
        line.strip() for line in clinic["clinic_address"].splitlines() if line.strip()
    )
    target = qr_target(clinic)
    qr = qr_image(target)
    images = {LOGO_URL: logo, QR_URL: qr}
    header = render(
        "handouts/header.html",
        clinic=clinic,
        sizes=sizes,
        contact=[c for c in contact if c],
        address=address,
        date=format_date(today or date.today()),
        logo=logo is not None,
        logo_size=logo_size(logo) if logo is not None else (0, 0),
        logo_url=LOGO_URL,
    )
    return header, {k: v for k, v in images.items() if v is not None}, notes


def _qr_context(clinic: dict[str, Any], has_qr: bool) -> dict[str, Any]:
    """What the contact block under "When to call" shows beside the QR code."""
    booking = bool(clinic.get("clinic_booking_url"))
    return {
        "qr": has_qr,
        "qr_url": QR_URL,
        "qr_size": QR_SIZE_PX,
        "qr_caption": "Scan to book your next visit" if booking else "Scan to visit our website",
        "qr_text": clinic.get("clinic_booking_url") or clinic.get("clinic_website") or "",
    }


def _body(
    db: Database, plan: _Plan, clinic: dict[str, Any], sizes: dict[str, int], images: dict
) -> str:
    context = dict(plan.context)
    context.setdefault("lead", "")
    context.setdefault("show_title", True)
    citations = Citations(db, enabled=bool(clinic.get("handout_sources", True)))
    common = {"clinic": clinic, "sizes": sizes}
    return render(
        plan.template,
        **common,
        title=plan.title,
        calls=call_section(db, plan.modalities, plan.call_levels),
        calls_brief=plan.brief,
        cite=citations.text,
        cite_add=citations.add,
        citations=citations,
        **_qr_context(clinic, QR_URL in images),
        **{k: v for k, v in context.items() if k not in common},
    )


def compose(
    db: Database,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    paper: str | None = None,
    large_print: bool | None = None,
    today: date | None = None,
) -> PrintableHandout:
    """Build a handout's HTML from the database: the 'compose' half of an export.

    `paper` and `large_print` default to the clinic's settings. Raises
    HandoutError for an unknown handout or a record that does not exist.
    """
    plan = _plan(db, name, params)
    clinic = load_settings(db)
    paper = (paper or clinic["paper_size"]).lower()
    if paper not in PAPER_SIZES:
        raise HandoutError(f"Paper size must be {one_of(PAPER_SIZE)}, not '{paper}'.")
    large = clinic["large_print"] if large_print is None else large_print
    sizes = SIZES[bool(large)]
    header, images, notes = _clinic_header(clinic, sizes, today)
    images.update(plan.images)
    footer = render(
        "handouts/footer.html",
        clinic=clinic,
        sizes=sizes,
        note=GENERAL_NOTE,
        page_token=PAGE_TOKEN,
        pages_token=PAGES_TOKEN,
    )
    return PrintableHandout(
        title=plan.title,
        body_html=_body(db, plan, clinic, sizes, images),
        tight_body_html=_body(db, plan, clinic, _tight(sizes), images),
        header_html=header,
        footer_html=footer,
        paper=paper,
        base_points=sizes["body"],
        logo=images.get(LOGO_URL),
        images=images,
        notes=notes,
    )
