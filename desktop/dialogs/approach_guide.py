"""The "Which approach fits me?" guide at the desk: one question at a time, then the result.

Keyboard first, because a receptionist goes through it with a patient at the
counter: the number keys tick answer 1, 2, 3...; Up and Down move between
answers and Space ticks; Enter goes on; Backspace or Alt+Left goes back; the
result prints with Ctrl+P. Nothing is stored: closing the guide forgets the
answers. The questions and every word of the result come from the database
(`db.guide`), so the clinic's edits show here and on paper alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.connection import Store
from db.guide import GuideResult, Question, load_guide, score
from desktop.printing.guide_handout import PART_HEADINGS, TITLE, result_context
from desktop.rendering.templating import render
from desktop.widgets.detail import DetailBrowser

Answers = dict[str, list[str]]
QUESTION_KEYS = (
    "1-9: tick · ↑↓ and Space · Enter: next · Backspace: back · Ctrl+P: print · Esc: close"
)
RESULT_KEYS = "Enter or Ctrl+P: print · Backspace: back to the questions · Esc: close"
NO_QUESTIONS = (
    "The guide's questions are not in this database. "
    "A content update or Edit > Hidden records… brings them back."
)


class QuestionPage(QWidget):
    """One question: its text, its hint and a tick box (or round button) per answer."""

    def __init__(self, question: Question, number: int, count: int) -> None:
        super().__init__()
        self.question = question
        self.setAccessibleName(f"Question {number} of {count}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.step = QLabel(
            f"Question {number} of {count} · {PART_HEADINGS.get(question.part, question.part)}"
        )
        self.step.setAccessibleName("Step")
        self.step.setStyleSheet("color: #5b6670;")
        layout.addWidget(self.step)
        self.title = QLabel(question.text)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        keys = "Press a number to tick it." if question.several else "Press a number to choose."
        self.hint = QLabel(f"{question.hint} {keys}".strip())
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: #5b6670;")
        layout.addWidget(self.hint)

        answer_font = QFont(self.font())
        answer_font.setPointSizeF(answer_font.pointSizeF() * 1.15)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not question.several)
        self.buttons: list[QAbstractButton] = []
        for i, option in enumerate(question.options, start=1):
            text = f"{i}   {option.label}" if i < 10 else option.label
            button: QAbstractButton = QCheckBox(text) if question.several else QRadioButton(text)
            button.setAccessibleName(option.label)
            button.setProperty("option_key", option.key)
            button.setFont(answer_font)
            self.group.addButton(button, i)
            self.buttons.append(button)
            layout.addWidget(button)
        self.group.buttonToggled.connect(self._on_toggled)
        layout.addStretch(1)

    def chosen(self) -> list[str]:
        return [str(b.property("option_key")) for b in self.buttons if b.isChecked()]

    def toggle(self, number: int) -> bool:
        """Tick (or untick) answer `number`, as the number keys do; False if there is none."""
        if not 1 <= number <= len(self.buttons):
            return False
        button = self.buttons[number - 1]
        if not button.isEnabled():
            return True
        button.setChecked(not button.isChecked() if self.question.several else True)
        button.setFocus()
        return True

    def focus_first(self) -> None:
        checked = [b for b in self.buttons if b.isChecked()]
        target = checked[0] if checked else (self.buttons[0] if self.buttons else None)
        if target is not None:
            target.setFocus()

    def move_focus(self, step: int) -> None:
        """Up and Down go from answer to answer, without wrapping."""
        if not self.buttons:
            return
        current = next((i for i, b in enumerate(self.buttons) if b.hasFocus()), -1)
        target = max(0, min(len(self.buttons) - 1, current + step))
        self.buttons[target].setFocus()

    def clear(self) -> None:
        self.group.setExclusive(False)
        for b in self.buttons:
            b.setChecked(False)
        self.group.setExclusive(not self.question.several)

    def _is_neutral(self, button: QAbstractButton) -> bool:
        """'None of these', 'Not sure', 'No preference': an answer that says nothing else."""
        option = self.question.options[self.buttons.index(button)]
        return not any(option.weights.values()) and not option.reason and not option.tell

    def _on_toggled(self, button: QAbstractButton, checked: bool) -> None:
        """Ticking 'None of these' clears the other ticks, and ticking another clears it."""
        if checked and self.question.several:
            neutral = self._is_neutral(button)
            for other in self.buttons:
                if other is not button and other.isChecked() and self._is_neutral(other) != neutral:
                    other.setChecked(False)
        self._apply_limit()

    def _apply_limit(self) -> None:
        """A question that takes at most N ticks greys out the rest once N are ticked."""
        most = self.question.most
        if not most:
            return
        full = len(self.chosen()) >= most
        for b in self.buttons:
            b.setEnabled(b.isChecked() or not full)


class ApproachGuideDialog(QDialog):
    """The guide: question pages, then the result with Print."""

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        print_result: Callable[[Answers], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.guide = load_guide(store.db)
        self.print_result = print_result
        self.result: GuideResult | None = None
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setMinimumSize(480, 400)
        # Fits inside the window even on a 1024x600 screen.
        room = parent.size() if parent is not None else None
        self.resize(
            min(780, room.width() - 40) if room else 780,
            min(640, room.height() - 20) if room else 640,
        )

        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.question_pages: list[QuestionPage] = []
        count = len(self.guide.questions)
        for number, question in enumerate(self.guide.questions, start=1):
            page = QuestionPage(question, number, count)
            for button in page.buttons:
                button.installEventFilter(self)
            self.question_pages.append(page)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.pages.addWidget(scroll)
        self.result_view = DetailBrowser("Guide result")
        self.pages.addWidget(self.result_view)
        layout.addWidget(self.pages, 1)

        self.keys_hint = QLabel(QUESTION_KEYS)
        self.keys_hint.setStyleSheet("color: #5b6670;")
        layout.addWidget(self.keys_hint)

        row = QHBoxLayout()
        self.back_button = QPushButton("◀ Back")
        self.again_button = QPushButton("Start again")
        self.print_button = QPushButton("Print…")
        self.next_button = QPushButton("Next ▶")
        self.close_button = QPushButton("Close")
        for button in (self.back_button, self.again_button, self.print_button, self.close_button):
            button.setAutoDefault(False)
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.go_back)
        self.again_button.clicked.connect(self.start_again)
        self.print_button.clicked.connect(self.print_now)
        self.next_button.clicked.connect(self.go_next)
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.back_button)
        row.addWidget(self.again_button)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.next_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_now)
        QShortcut(QKeySequence("Alt+Left"), self, activated=self.go_back)
        if not self.question_pages:
            self.result_view.show_message(NO_QUESTIONS)
            self.pages.setCurrentWidget(self.result_view)
        self._show(0 if self.question_pages else len(self.question_pages))

    # where we are -------------------------------------------------------------

    @property
    def index(self) -> int:
        return self.pages.currentIndex()

    def on_result(self) -> bool:
        return self.index == len(self.question_pages)

    def current_page(self) -> QuestionPage | None:
        return None if self.on_result() else self.question_pages[self.index]

    def answers(self) -> Answers:
        """What is ticked, by question key (unanswered questions left out)."""
        return {p.question.key: p.chosen() for p in self.question_pages if p.chosen()}

    # moving -------------------------------------------------------------------

    def _show(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        last = len(self.question_pages)
        on_result = index == last
        self.back_button.setEnabled(index > 0)
        self.print_button.setVisible(on_result and bool(self.question_pages))
        self.next_button.setVisible(not on_result)
        self.next_button.setText("Show the result ▶" if index == last - 1 else "Next ▶")
        self.keys_hint.setText(RESULT_KEYS if on_result else QUESTION_KEYS)
        if on_result:
            self.print_button.setDefault(True)
            self.result_view.setFocus()
        else:
            self.next_button.setDefault(True)
            self.question_pages[index].focus_first()

    def go_next(self) -> None:
        if self.on_result():
            return
        if self.index == len(self.question_pages) - 1:
            self.show_result()
        else:
            self._show(self.index + 1)

    def go_back(self) -> None:
        if self.index > 0:
            self._show(self.index - 1)

    def start_again(self) -> None:
        for page in self.question_pages:
            page.clear()
        self.result = None
        self._show(0)

    def show_result(self) -> GuideResult:
        self.result = score(self.guide, self.answers())
        context = result_context(self.result)
        self.result_view.show_fragment(render("guide/_result.html", screen=True, **context))
        self._show(len(self.question_pages))
        return self.result

    def print_now(self) -> None:
        """Print the result (showing it first if the last question is not reached yet)."""
        if not self.question_pages or self.print_result is None:
            return
        if not self.on_result():
            self.show_result()
        self.print_result(self.answers())

    # keys ---------------------------------------------------------------------

    def _number_key(self, event: QKeyEvent) -> bool:
        page = self.current_page()
        key = event.key()
        if page is None or not (Qt.Key.Key_1 <= key <= Qt.Key.Key_9):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        return page.toggle(key - Qt.Key.Key_0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down between answers and the number keys, before a tick box sees them."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            page = self.current_page()
            if page is not None and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                page.move_focus(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if self._number_key(event):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._number_key(event):
            return
        if event.key() == Qt.Key.Key_Backspace and self.index > 0:
            self.go_back()
            return
        super().keyPressEvent(event)
