"""One module per tab of the main window.

`TAB_CLASSES` is the order of the tabs; Ctrl+1 to Ctrl+9 follow it, and the
first seven are the ones the issue names. The Body tab comes last, so no
Ctrl+number the front desk already knows moves; it has Ctrl+B
(`EXTRA_TAB_SHORTCUTS`).
"""

from __future__ import annotations

from desktop.views.aftercare import AftercareTab
from desktop.views.base import RecordTab
from desktop.views.body import BodyTab
from desktop.views.compare import CompareTab
from desktop.views.expectations import ExpectationsTab
from desktop.views.faqs import FaqsTab
from desktop.views.modalities import ModalitiesTab
from desktop.views.points import PointsTab
from desktop.views.rationales import RationalesTab
from desktop.views.safety import SafetyTab
from desktop.views.sources import SourcesTab

TAB_CLASSES = (
    ModalitiesTab,
    PointsTab,
    ExpectationsTab,
    AftercareTab,
    CompareTab,
    FaqsTab,
    SourcesTab,
    RationalesTab,
    SafetyTab,
    BodyTab,
)

EXTRA_TAB_SHORTCUTS = {"body": "Ctrl+B"}

__all__ = ["TAB_CLASSES", "EXTRA_TAB_SHORTCUTS", "RecordTab", "CompareTab", "BodyTab"]
