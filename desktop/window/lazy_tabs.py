"""Record tabs built the first time they are needed, not at start-up.

The window opens on its home page, and most days only a few of the ten
record tabs are ever opened. Building all of them at start-up (their lists,
filters, detail panes and the style sheet applied to every widget) was about
half of the window's start-up time and ~7 MB of its peak memory. So each tab
sits in the bar as an empty placeholder with its label, icon and tooltip; the
first time the tab is shown, or the window asks for the view (to open a
record, refresh after an edit, print), the view is built and takes the
placeholder's place at the same index. From then on `tabs.indexOf(view)` and
`tabs.currentWidget()` are the view itself, as if it had always been there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Generic, TypeVar

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.views import TabSpec

View = TypeVar("View", bound=QWidget)


class _Placeholder(QWidget):
    """Holds a tab's place in the bar until its view is built."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class LazyViews(Mapping[str, View], Generic[View]):
    """The window's record tabs by name; reading one builds it if it is not built yet.

    `specs` are the tabs in order (`desktop.views.TAB_SPECS`): the bar is
    filled from them without importing a tab's module. `build(cls)` makes
    the view from its class (the window connects its signals there);
    `built_views()` lists only the views that exist, for work that a view
    not yet built does not need (it reads fresh data when it is built).
    """

    def __init__(
        self,
        tabs: QTabWidget,
        specs: Sequence[TabSpec],
        build: Callable[[type[View]], View],
        label: Callable[[TabSpec], str],
    ) -> None:
        self._tabs = tabs
        self._specs = {spec.name: spec for spec in specs}
        self._build = build
        self._built: dict[str, View] = {}
        self._placeholders: dict[str, _Placeholder] = {}
        for name, spec in self._specs.items():
            placeholder = _Placeholder(name)
            self._placeholders[name] = placeholder
            tabs.addTab(placeholder, label(spec))
        # Connected before the window's own handlers, so they see the built view.
        tabs.currentChanged.connect(self._on_current_changed)

    def __getitem__(self, name: str) -> View:
        view = self._built.get(name)
        if view is None:
            if name not in self._specs:
                raise KeyError(name)
            view = self._materialize(name)
        return view

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def specs(self) -> list[TabSpec]:
        """Every tab, built or not, in tab order."""
        return list(self._specs.values())

    def spec_for_kind(self, kind: str) -> TabSpec | None:
        """The tab that lists and opens records of `kind`, if any."""
        return next((spec for spec in self._specs.values() if kind in spec.kinds), None)

    def is_built(self, name: str) -> bool:
        return name in self._built

    def built_views(self) -> list[View]:
        """The views built so far, in tab order."""
        return [self._built[n] for n in self._specs if n in self._built]

    def _on_current_changed(self, index: int) -> None:
        widget = self._tabs.widget(index)
        if isinstance(widget, _Placeholder):
            self[widget.name]  # builds it and puts it in the placeholder's place

    def _materialize(self, name: str) -> View:
        view = self._build(self._specs[name].load())
        self._built[name] = view
        placeholder = self._placeholders.pop(name)
        index = self._tabs.indexOf(placeholder)
        was_current = self._tabs.currentIndex() == index
        text = self._tabs.tabText(index)
        tip = self._tabs.tabToolTip(index)
        tab_icon = self._tabs.tabIcon(index)
        # The swap is not a change of tab: nobody hears of it.
        blocked = self._tabs.blockSignals(True)
        try:
            self._tabs.insertTab(index, view, tab_icon, text)
            self._tabs.setTabToolTip(index, tip)
            if was_current:  # the view becomes current before the placeholder goes,
                self._tabs.setCurrentIndex(index)  # so no other tab is shown meanwhile
            self._tabs.removeTab(index + 1)
        finally:
            self._tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return view
