"""Go > Which approach fits me?… : the guide at the desk, and printing its result.

`open_approach_guide(window)` is the one entry point: the menu action calls
it, and the home page (issue 12) can link to it, or trigger the window's
`approach_guide` action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.actions.api import WindowApi

if TYPE_CHECKING:  # the guide and the printing side load when first used, not at start-up
    from desktop.dialogs.approach_guide import Answers, ApproachGuideDialog

SHORTCUT = "Ctrl+G"


def print_guide_result(window: WindowApi, answers: Answers) -> None:
    """Compose the filled-in result as a handout and open the print dialog for it."""
    from desktop.actions import print_actions  # the printing side loads when used
    from desktop.printing.guide_handout import NAME
    from desktop.printing.handouts import HandoutError, compose

    try:
        handout = compose(window.store.db, NAME, {"answers": answers})
    except HandoutError as e:
        window.statusBar().showMessage(f"Cannot print the result: {e}", print_actions.STATUS_MS)
        return
    print_actions.print_handout(window, handout)


def open_approach_guide(window: WindowApi) -> ApproachGuideDialog:
    """Open the guide (window-modal, not blocking) on its first question."""
    from desktop.dialogs.approach_guide import ApproachGuideDialog

    dialog = ApproachGuideDialog(
        window.store, window, print_result=lambda answers: print_guide_result(window, answers)
    )
    window.guide_dialog = dialog
    dialog.open()
    return dialog


def install(window: WindowApi) -> None:
    """Go > Which approach fits me?… (Ctrl+G), named `approach_guide`."""
    window.menu_registry.separator("go")
    window.menu_registry.add(
        "approach_guide",
        "Which approach &fits me?…",
        lambda _=False: open_approach_guide(window),
        [SHORTCUT],
        "go",
    )
