"""Jinja2 rendering shared by the detail panes and the handouts.

One environment, autoescaped, so the screen and the paper say the same thing
and no text from the database is ever read as HTML. Point codes and modality
names inside text become `filiform://KIND/KEY` links that the window opens.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from db import vocab
from db.codes import find_codes_in_prose
from db.paths import TEMPLATES_DIR
from db.plain_text import citation_spans
from desktop.rendering import bytecode_dir

if TYPE_CHECKING:
    from jinja2 import Environment

LINK_SCHEME = "filiform"
_TRP_KEY = re.compile(r"\bTrP-[A-Za-z-]+[A-Za-z]\b")


def record_url(kind: str, key: str) -> str:
    return f"{LINK_SCHEME}://{kind}/{key}"


def parse_record_url(url: str) -> tuple[str, str] | None:
    """('points', 'ST36') for 'filiform://points/ST36'; None for anything else."""
    prefix = f"{LINK_SCHEME}://"
    if not url.startswith(prefix):
        return None
    kind, _, key = url[len(prefix) :].partition("/")
    return (kind, key) if kind and key else None


@lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every modality name, longest first (so "dry needling"
    wins over "needling"); compiled once per set of names, not once per name
    and text: with thousands of names that was seconds per detail page."""
    ordered = sorted(names, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _link_spans(text: str, names: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, url) for every code or modality name in text, non-overlapping."""
    spans = [(s, e, record_url("points", code)) for s, e, code in find_codes_in_prose(text)]
    spans += [
        (m.start(), m.end(), record_url("points", m.group(0))) for m in _TRP_KEY.finditer(text)
    ]
    if names:
        keys = {name.lower(): key for name, key in names.items()}
        for m in _names_pattern(tuple(names)).finditer(text):
            spans.append((m.start(), m.end(), record_url("modalities", keys[m.group(0).lower()])))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int, str]] = []
    end = -1
    for span in spans:
        if span[0] >= end:
            chosen.append(span)
            end = span[1]
    return chosen


def linkify_text(text: Any, names: Mapping[str, str] | None = None) -> Markup:
    """Escape text and turn point codes (and modality names) into links."""
    if text is None:
        return Markup("")
    text = str(text)
    out: list[str] = []
    pos = 0
    for start, end, url in _link_spans(text, names or {}):
        out.append(str(escape(text[pos:start])))
        out.append(f'<a href="{escape(url)}">{escape(text[start:end])}</a>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _linkify_filter(context: Any, text: Any) -> Markup:
    return linkify_text(text, context.get("link_names") or {})


def _linkify_cited_filter(context: Any, text: Any) -> Markup:
    """Like linkify, with author-year citations set apart in small grey type.

    Patient text stays readable on screen while the citation stays beside the
    fact it supports.
    """
    if text is None:
        return Markup("")
    text = str(text)
    names = context.get("link_names") or {}
    out: list[str] = []
    pos = 0
    for start, end in citation_spans(text):
        out.append(str(linkify_text(text[pos:start], names)))
        out.append(f' <span class="cite">{escape(text[start:end].strip())}</span>')
        pos = end
    out.append(str(linkify_text(text[pos:], names)))
    return Markup("".join(out))


def _paragraphs(text: Any) -> Markup:
    """Escaped text with blank lines as paragraph breaks and single newlines as <br>."""
    if not text:
        return Markup("")
    parts = re.split(r"\n\s*\n", str(text).strip())
    return Markup("".join(f"<p>{escape(p)}</p>".replace("\n", "<br>") for p in parts))


def environment() -> Environment:
    """The one Jinja2 environment; Jinja2 is imported on first use, not at start-up."""
    return _environment(bytecode_dir())


@lru_cache(maxsize=1)
def _environment(cache_dir: Path | None) -> Environment:
    from jinja2 import (
        Environment,
        FileSystemBytecodeCache,
        FileSystemLoader,
        StrictUndefined,
        pass_context,
        select_autoescape,
    )

    cache = None
    if cache_dir is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            cache = FileSystemBytecodeCache(str(cache_dir))
        except OSError:
            cache = None  # a cache is an optimisation; render without it
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html", "htm", "xml"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=cache,
    )
    env.filters["linkify"] = pass_context(_linkify_filter)
    env.filters["linkify_cited"] = pass_context(_linkify_cited_filter)
    env.filters["paragraphs"] = _paragraphs
    env.globals["record_url"] = record_url
    # The vocabularies (db/vocab.py), so a template never spells out a label.
    env.globals["AFTERCARE_LEVEL"] = vocab.AFTERCARE_LEVEL
    env.globals["CALL_LEVELS"] = vocab.CALL_LEVELS
    env.globals["PHASE"] = vocab.PHASE
    return env


def render(template_name: str, **context: Any) -> str:
    """Render a template from resources/templates with autoescaping on."""
    context.setdefault("link_names", {})
    return environment().get_template(template_name).render(**context)
