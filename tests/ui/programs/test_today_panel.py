"""The Today panel: what it says about a proposal, and what Start, Lighter and Space do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.programs.coach import propose
from retrotimer.core.settings import Settings
from retrotimer.ui.programs.today_panel import TodayPanel
from retrotimer.ui.programs.today_texts import today_view
from tests.core.programs.program_history import START, day, ran


def learn_after_week_one() -> object:
    learn = builtin_program(LEARN)
    assert learn is not None
    entries = [ran(learn, 2 * n, 1, n + 1, number=n) for n in range(3)]
    return propose(learn, entries, day(6), START)


def test_the_view_names_program_place_session_reasons_and_lighter() -> None:
    proposal = learn_after_week_one()
    view = today_view(proposal, Settings())  # type: ignore[arg-type]
    assert view.program == LEARN
    assert view.place == "Week 2 of 10 · Session 1 of 3"
    assert view.decision == "NEW WEEK"
    assert view.session == "Learn backward 2.1 · 4 backward minutes · 16 min in all"
    assert view.outline[0] == "5m warm-up walk" and "  30s backward walk" in view.outline
    assert view.reasons.startswith("Week 1 done: 3 sessions, ratings 4, 4 and 4")
    assert view.lighter == "Lighter: Learn backward 1.1, 2 backward minutes"
    assert view.start_label == "Start"


def test_a_rest_day_still_offers_to_start_anyway() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    view = today_view(propose(learn, [ran(learn, 0, 1, 1)], day(0), START), Settings())
    assert (view.decision, view.start_label) == ("REST DAY", "Start anyway")


def test_start_lighter_and_space(qtbot: QtBot) -> None:
    panel = TodayPanel()
    qtbot.addWidget(panel)
    proposal = learn_after_week_one()
    panel.show_proposal(proposal, Settings())  # type: ignore[arg-type]
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    panel.setFocus()
    with qtbot.waitSignal(panel.start_requested) as started:
        qtbot.keyClick(panel, Qt.Key.Key_Space)
    template, ref = started.args
    assert (template.name, ref) == ("Learn backward 2.1", ProgramRef(LEARN, 2, 1))
    with qtbot.waitSignal(panel.start_requested) as lighter:
        panel.lighter_button.click()
    assert lighter.args[1] == ProgramRef(LEARN, 1, 1, lighter=True)
    with qtbot.waitSignal(panel.other_requested):
        panel.other_button.click()
