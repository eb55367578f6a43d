"""The Today panel: what it says about a proposal, and what Start, Lighter and Space do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from retrotimer.core.history.program_ref import ProgramRef
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.programs.coach import Proposal
from retrotimer.core.settings import Settings
from retrotimer.ui.programs.today_panel import TodayPanel
from retrotimer.ui.programs.today_texts import today_view, week_schedule
from tests.core.programs.program_history import START, day, propose, ran
from tests.core.programs.program_history import view as program_view


def learn_after_week_one() -> object:
    learn = builtin_program(LEARN)
    assert learn is not None
    entries = [ran(learn, 2 * n, 1, n + 1, number=n) for n in range(3)]
    return propose(learn, entries, day(7), START)


def test_the_view_names_program_place_session_reasons_and_lighter() -> None:
    proposal = learn_after_week_one()
    view = today_view(proposal, Settings())  # type: ignore[arg-type]
    assert view.program == LEARN
    assert view.place == "Week 2 of 10 · Session 1 of 3"
    assert view.decision == "NEW WEEK"
    assert view.session == "Learn backward 2.1 · 3.3 backward minutes · 15 min in all"
    assert view.outline == (
        "5m warm-up walk",
        '11x (30 steps backward walk, 20s walk "turn around and reset")',
        "3m cool-down walk",
    )
    assert view.reasons.startswith('Week 1 done: 3 sessions, rated "easy", "easy" and "easy"')
    assert view.lighter == "Lighter: Learn backward 1.1, 2.4 backward minutes"
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


def after_pain(days: int = 1) -> Proposal:
    """Learn to run backward `days` after a session on which the runner felt pain."""
    learn = builtin_program(LEARN)
    assert learn is not None
    return propose(learn, [ran(learn, 0, 1, 1, "pain")], day(days), START)


def test_while_the_coach_rests_for_a_report_the_view_says_rest_first() -> None:
    view = today_view(after_pain(), Settings())
    assert (view.decision, view.start_label) == ("REST DAY", "Start anyway")
    assert view.caution == (
        "You reported pain after a session. Rest today; if it persists or comes back, see a "
        "doctor before you run backward again."
    )
    assert today_view(after_pain(days=4), Settings()).caution == ""


def test_after_a_report_space_rests_and_starting_is_small_and_deliberate(qtbot: QtBot) -> None:
    panel = TodayPanel()
    qtbot.addWidget(panel)
    panel.show_proposal(after_pain(), Settings())
    panel.resize(1280, 760)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    panel.setFocus()
    assert panel.caution_label.isVisible() and "reported pain" in panel.caution_label.text()
    assert panel.rest_button.isVisible()
    assert panel.rest_button.width() > 2 * panel.start_button.width()
    assert panel.start_button.action() == "Start anyway"
    assert panel.start_button.keys_label.text() == "Shift+S"
    started: list[object] = []
    panel.start_requested.connect(lambda *args: started.append(args))
    with qtbot.waitSignal(panel.rest_requested):
        qtbot.keyClick(panel, Qt.Key.Key_Space)
    assert started == [], "Space does not start after a report"
    assert panel.rest_button.action() == "Resting today" and not panel.rest_button.isEnabled()
    with qtbot.assertNotEmitted(panel.rest_requested):
        qtbot.keyClick(panel, Qt.Key.Key_Space)
    with qtbot.waitSignal(panel.start_requested) as anyway:
        qtbot.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    assert anyway.args[1] == ProgramRef(LEARN, 1, 1), "the week begins again after the report"
    panel.show_proposal(after_pain(), Settings())
    assert panel.rest_button.action() == "Rest today" and panel.rest_button.isEnabled()
    panel.show_proposal(after_pain(days=4), Settings())
    assert panel.rest_button.isHidden() and not panel.caution_label.isVisible()
    assert panel.start_button.keys_label.text() == "Space"


def test_the_week_schedule_says_done_today_and_the_days_planned() -> None:
    learn = builtin_program(LEARN)
    assert learn is not None
    first = ran(learn, 0, 1, 1)
    # START is a Monday: session 1 done, Wednesday is today, Friday the day planned for 1.3.
    seen = program_view(learn, [first], day(2))
    assert week_schedule(seen) == "This week: 1.1 done · 1.2 today · 1.3 Friday 6 March"
    paused = program_view(
        learn, [ran(learn, 0, 1, 1, "dizzy"), ran(learn, 2, 1, 1, "pain")], day(3)
    )
    assert paused.proposal.paused and week_schedule(paused) == ""
