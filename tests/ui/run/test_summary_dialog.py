"""The summary dialog: the rating in words, dizziness and pain reported apart with the advice,
a layout that never spills over the notes, and the program named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from retrotimer.core.history.history_values import Review
from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.session.records import SessionOutcome, SessionSummary
from retrotimer.ui.run.summary_dialog import REPORT_HINT, SummaryDialog, plain_words


def summary() -> SessionSummary:
    return SessionSummary(
        "Learn backward 2.1", SessionOutcome.FINISHED, 960.0, 960.0, 240.0, 0.0, 0, ()
    )


def shown_dialog(qtbot: QtBot) -> SummaryDialog:
    dialog = SummaryDialog(summary(), program=ProgramRef("Learn to run backward", 2, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_rating_button_says_what_it_means(qtbot: QtBot) -> None:
    dialog = shown_dialog(qtbot)
    assert [button.text() for button in dialog.rating_buttons] == [
        "&1\nvery easy",
        "&2\neasy",
        "&3\njust right",
        "&4\nhard",
        "&5\ntoo hard",
    ]
    assert dialog.rating_buttons[4].accessibleName() == 'Rating 5 "too hard"'
    dialog.rating_buttons[3].click()
    assert dialog.review().rating == 4, "higher is harder"


@pytest.mark.parametrize(
    ("tick", "expected"),
    [
        (("dizzy",), Review(near_stumbles=0, dizzy=True)),
        (("pain",), Review(near_stumbles=0, pain=True)),
        (("dizzy", "pain"), Review(near_stumbles=0, dizzy=True, pain=True)),
    ],
)
def test_dizziness_and_pain_are_two_reports_with_the_advice(
    qtbot: QtBot, tick: tuple[str, ...], expected: Review
) -> None:
    dialog = shown_dialog(qtbot)
    assert dialog.values["Program"].accessibleDescription() == (
        "Learn to run backward, week 2, session 1"
    )
    assert dialog.review() == Review(near_stumbles=0)
    assert dialog.dizzy_advice.accessibleDescription() == plain_words(REPORT_HINT)
    for name in tick:
        getattr(dialog, name).click()
    assert dialog.review() == expected
    assert not dialog.review().dizzy_or_pain, "a new review never sets the old report"
    assert "see a doctor" in dialog.dizzy_advice.accessibleDescription()


def box_of(widget: QWidget, dialog: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def test_ticking_dizzy_or_pain_moves_nothing_and_overlaps_nothing(qtbot: QtBot) -> None:
    dialog = shown_dialog(qtbot)
    size = dialog.size()
    before = {name: box_of(getattr(dialog, name), dialog) for name in ("notes", "buttons")}
    dialog.dizzy.click()
    dialog.pain.click()
    layout = dialog.layout()
    assert layout is not None
    layout.activate()
    notes, buttons, advice = (
        box_of(widget, dialog) for widget in (dialog.notes, dialog.buttons, dialog.dizzy_advice)
    )
    assert not notes.intersects(buttons) and not notes.intersects(advice)
    assert advice.height() >= dialog.dizzy_advice.sizeHint().height(), "the advice is whole"
    assert dialog.rect().contains(buttons)
    assert {"notes": notes, "buttons": buttons} == before, "Save and Skip stay where they were"
    assert dialog.size() == size


def test_without_a_program_there_is_no_program_line(qtbot: QtBot) -> None:
    dialog = SummaryDialog(summary())
    qtbot.addWidget(dialog)
    assert "Program" not in dialog.values
