"""The summary dialog asks about dizziness or pain, with the advice, and names the program."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.session.records import SessionOutcome, SessionSummary
from retrotimer.ui.run.summary_dialog import DIZZY_ADVICE, SummaryDialog


def summary() -> SessionSummary:
    return SessionSummary(
        "Learn backward 2.1", SessionOutcome.FINISHED, 960.0, 960.0, 240.0, 0.0, 0, ()
    )


def test_dizzy_or_pain_is_part_of_the_review_and_shows_the_advice(qtbot: QtBot) -> None:
    dialog = SummaryDialog(summary(), program=ProgramRef("Learn to run backward", 2, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.values["Program"].accessibleDescription() == (
        "Learn to run backward, week 2, session 1"
    )
    assert not dialog.review().dizzy_or_pain
    assert dialog.dizzy_advice.isHidden()
    dialog.dizzy.click()
    assert dialog.review().dizzy_or_pain
    assert dialog.dizzy_advice.isVisible() and "see a doctor" in DIZZY_ADVICE


def test_without_a_program_there_is_no_program_line(qtbot: QtBot) -> None:
    dialog = SummaryDialog(summary())
    qtbot.addWidget(dialog)
    assert "Program" not in dialog.values
