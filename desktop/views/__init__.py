"""One module per tab of the main window, loaded when the tab is first built.

`TAB_SPECS` is the order of the tabs; Ctrl+1 to Ctrl+9 follow it, and the
first seven are the ones the issue names. The Body tab comes last, so no
Ctrl+number the front desk already knows moves; it has Ctrl+B
(`EXTRA_TAB_SHORTCUTS`). A spec says what the tab bar and the window need
before a tab is built (its name, title and the kinds of record it opens) and
where its class lives, so a start-up imports none of the tab modules; each
class repeats its spec's name, title and kinds (tests/test_lazy_tabs.py
checks that they agree). `RecordTab`, `CompareTab` and `BodyTab` can still
be imported from here; they load on first use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TabSpec:
    """A tab before it is built: what the bar shows and which records it opens."""

    name: str  # short id: "points"
    title: str  # the tab's title: "Points"
    kinds: tuple[str, ...]  # kinds of record it opens; the first is its list's
    module: str  # the module that holds its class
    class_name: str

    def load(self) -> type[Any]:
        """The tab's class (importing its module the first time)."""
        return getattr(importlib.import_module(self.module), self.class_name)


TAB_SPECS: tuple[TabSpec, ...] = (
    TabSpec(
        "modalities", "Modalities", ("modalities",), "desktop.views.modalities", "ModalitiesTab"
    ),
    TabSpec("points", "Points", ("points", "point_links"), "desktop.views.points", "PointsTab"),
    TabSpec(
        "expectations",
        "Session expectations",
        ("expectations",),
        "desktop.views.expectations",
        "ExpectationsTab",
    ),
    TabSpec("aftercare", "Aftercare", ("aftercare",), "desktop.views.aftercare", "AftercareTab"),
    TabSpec("compare", "Compare", (), "desktop.views.compare", "CompareTab"),
    TabSpec("faqs", "Patient questions", ("faqs",), "desktop.views.faqs", "FaqsTab"),
    TabSpec("sources", "Sources", ("sources",), "desktop.views.sources", "SourcesTab"),
    TabSpec(
        "rationales",
        "Point selection",
        ("rationales",),
        "desktop.views.rationales",
        "RationalesTab",
    ),
    TabSpec("safety", "Safety", ("safety",), "desktop.views.safety", "SafetyTab"),
    TabSpec("body", "Body: where it hurts", (), "desktop.views.body", "BodyTab"),
)

EXTRA_TAB_SHORTCUTS = {"body": "Ctrl+B"}

_CLASSES = {
    "RecordTab": "desktop.views.base",
    "CompareTab": "desktop.views.compare",
    "BodyTab": "desktop.views.body",
}


def __getattr__(name: str) -> Any:
    """`from desktop.views import RecordTab` still works, loading the module then."""
    if name in _CLASSES:
        return getattr(importlib.import_module(_CLASSES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["TAB_SPECS", "TabSpec", "EXTRA_TAB_SHORTCUTS", "RecordTab", "CompareTab", "BodyTab"]
