"""The coach on a real runner's calendar: their own rhythm, long breaks, frequency, time zones,
settings that change, pausing and resuming, and easing in after a hard start."""

from __future__ import annotations

from retrotimer.core.history.calendar_days import DAY_S
from retrotimer.core.history.session_figures import real_session_figures
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.programs.builtin_programs import LEARN, builtin_program
from retrotimer.core.programs.coach_vocabulary import Decision
from retrotimer.core.programs.lighter import half_backward
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.programs.program_view import view_program
from retrotimer.core.settings import Settings
from retrotimer.core.value import replace
from tests.core.programs.program_history import (
    START,
    day,
    other_session,
    propose,
    ran,
    small_program,
    view,
)

LEARN_PROGRAM = builtin_program(LEARN)
assert LEARN_PROGRAM is not None
DAILY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def learn_up_to(week: int, *, spacing: tuple[int, ...] = (0, 2, 4)) -> list[object]:
    """Every session of weeks 1 to `week` - 1 done well on Mon, Wed and Fri."""
    return [
        ran(LEARN_PROGRAM, 7 * (w - 1) + spacing[s - 1], w, s, number=3 * w + s)
        for w in range(1, week)
        for s in (1, 2, 3)
    ]


def test_a_once_a_week_runner_moves_on_a_session_a_week() -> None:
    sunday = 6
    entries = [
        ran(LEARN_PROGRAM, sunday + 7 * n, 1 + n // 3, 1 + n % 3, number=n) for n in range(7)
    ]
    proposal = propose(LEARN_PROGRAM, entries, day(sunday + 49), days=("sun",))
    assert (proposal.decision, proposal.week, proposal.session) == (Decision.CONTINUE, 3, 2)


def test_starting_once_a_week_the_coach_gives_the_usual_advice() -> None:
    proposal = propose(LEARN_PROGRAM, [], day(0), days=("sun",))
    assert proposal.decision is Decision.START
    assert proposal.reasons[1].startswith("2-3 sessions a week, with a rest day between, is")
    assert len(propose(LEARN_PROGRAM, [], day(0)).reasons) == 1


def test_three_sessions_in_one_day_count_once() -> None:
    entries = [ran(LEARN_PROGRAM, 0, 1, s, number=s) for s in (1, 2, 3)]
    proposal = propose(LEARN_PROGRAM, entries, day(2))
    assert (proposal.week, proposal.session) == (1, 2)
    assert "at most 3 sessions in 7 days, and one a day" in proposal.reasons[0]


def test_five_days_a_week_move_the_program_no_faster_than_three() -> None:
    weekdays = [d for d in range(28) if d % 7 < 5]
    entries = []
    for number, on in enumerate(weekdays):
        proposal = propose(LEARN_PROGRAM, entries, day(on), days=DAILY[:5])
        entries.append(ran(LEARN_PROGRAM, on, proposal.week, proposal.session, number=number))
    after = propose(LEARN_PROGRAM, entries, day(28), days=DAILY[:5])
    assert (after.week, after.session) == (5, 1)


def test_a_break_of_two_months_goes_back_to_the_walking_weeks() -> None:
    assert LEARN_PROGRAM.walking_weeks == (1, 2, 3)
    entries = learn_up_to(10)
    last = 7 * 8 + 4
    months = propose(LEARN_PROGRAM, entries, day(last + 62))
    assert (months.decision, months.week, months.session) == (Decision.STEP_BACK, 3, 1)
    assert months.reasons[0].endswith("back to week 3, walking backward before you jog again.")
    month = propose(LEARN_PROGRAM, entries, day(last + 40))
    assert month.week == 8
    year = propose(LEARN_PROGRAM, entries, day(last + 365))
    assert (year.week, year.session) == (1, 1)
    assert year.reasons[0].endswith("the program starts again from week 1.")


def test_a_20_second_try_does_not_end_a_six_week_break() -> None:
    entries = learn_up_to(6)
    last = 7 * 4 + 4
    short_try = ran(LEARN_PROGRAM, last + 42, 6, 1, "stopped", number=99)
    tried = replace(short_try, backward_s=20.0)
    proposal = propose(LEARN_PROGRAM, [*entries, tried], day(last + 44))
    assert (proposal.decision, proposal.week) == (Decision.STEP_BACK, 4)
    assert proposal.reasons[0].startswith("44 days since your last backward session")


def test_a_daily_backward_warm_up_is_no_reason_to_rest() -> None:
    entries = learn_up_to(9)  # the last on Friday, day 53
    warm_ups = [other_session(day_, 180.0, number=100 + day_) for day_ in range(54, 57)]
    proposal = propose(LEARN_PROGRAM, [*entries, *warm_ups], day(56))
    assert proposal.decision is Decision.ADVANCE


def test_a_session_in_tokyo_then_one_in_los_angeles_both_count() -> None:
    tokyo, los_angeles = 9 * 3600, -8 * 3600
    # Monday 08:00 in Tokyo is Sunday 23:00 UTC; Monday 18:00 in Los Angeles is later.
    first = ran(LEARN_PROGRAM, 0, 1, 1)
    first = replace(first, started_utc_s=day(0) * DAY_S + 8 * 3600 - tokyo, utc_offset_s=tokyo)
    second = ran(LEARN_PROGRAM, 2, 1, 2, number=1)
    second = replace(
        second, started_utc_s=day(1) * DAY_S + 18 * 3600 - los_angeles, utc_offset_s=los_angeles
    )
    proposal = propose(LEARN_PROGRAM, [first, second], day(1))
    assert (proposal.decision, proposal.week, proposal.session) == (Decision.REST, 1, 3)
    assert proposal.reasons[0].startswith("You ran backward today")
    assert propose(LEARN_PROGRAM, [first, second], day(3)).decision is Decision.CONTINUE


def test_a_cadence_changed_later_does_not_rewrite_a_finished_week() -> None:
    slow = Settings(cadence_backward_walk=60)
    entries = [ran(LEARN_PROGRAM, 2 * n, 1, n + 1, number=n, settings=slow) for n in range(3)]
    for settings in (slow, Settings(), Settings(cadence_backward_walk=240)):
        proposal = propose(LEARN_PROGRAM, entries, day(7), settings=settings)
        assert (proposal.decision, proposal.week) == (Decision.ADVANCE, 2)


def test_always_taking_the_lighter_option_in_week_1_never_loops_back() -> None:
    entries = []
    for number in range(12):
        proposal = propose(LEARN_PROGRAM, entries, day(2 * number))
        assert proposal.week == 1 and proposal.decision is not Decision.STEP_BACK
        assert not any("back to week 1" in reason for reason in proposal.reasons)
        entries.append(
            ran(LEARN_PROGRAM, 2 * number, 1, proposal.session, lighter=True, number=number)
        )


def test_three_hard_sessions_in_week_1_make_the_lighter_one_lead_until_a_week_of_it_goes_well() -> (
    None
):
    hard = [ran(LEARN_PROGRAM, 2 * n, 1, 1, "rated_hard", number=n) for n in range(3)]
    eased = propose(LEARN_PROGRAM, hard, day(6))
    assert eased.template == half_backward(LEARN_PROGRAM.weeks[0].sessions[0])
    assert eased.ref.lighter and eased.lighter == eased.template
    advice = eased.reasons[-1]
    assert "treadmill with rails" in advice and "spotter" in advice
    assert '"hard" and "too hard"' in advice and "see a doctor" in advice
    entries = list(hard)
    for n, on in enumerate((7, 9, 11)):
        proposal = propose(LEARN_PROGRAM, entries, day(on))
        assert proposal.ref.lighter and proposal.session == n + 1
        entries.append(ran(LEARN_PROGRAM, on, 1, n + 1, lighter=True, number=10 + n))
    full = propose(LEARN_PROGRAM, entries, day(14))
    assert not full.ref.lighter and (full.week, full.session) == (1, 1)
    assert full.reasons[0].startswith("The lighter sessions of week 1 done: 3 sessions")


def test_resuming_a_paused_program_starts_its_week_again() -> None:
    entries = [
        *learn_up_to(3),
        ran(LEARN_PROGRAM, 14, 3, 1, "dizzy", number=50),
        ran(LEARN_PROGRAM, 18, 3, 1, "pain", number=51),
    ]
    assert propose(LEARN_PROGRAM, entries, day(30)).paused
    resumed = (WallTime(day(25) * DAY_S + 7 * 3600, 3600),)
    proposal = propose(LEARN_PROGRAM, entries, day(26), resumed=resumed)
    assert (proposal.decision, proposal.week, proposal.session) == (Decision.REPEAT, 3, 1)
    assert proposal.reasons[0].startswith("You resumed the program on Friday 27 March")
    # Asked about a day before the resume, it was paused.
    assert view(LEARN_PROGRAM, entries, day(24), resumed=resumed).proposal.paused is False


def test_reasons_say_only_what_the_runner_reported() -> None:
    entries = [ran(LEARN_PROGRAM, 2 * n, 1, n + 1, "unrated", number=n) for n in range(3)]
    proposal = propose(LEARN_PROGRAM, entries, day(7))
    assert proposal.reasons[0].startswith("Week 1 done: 3 sessions, not rated. On to week 2")
    assert not any("near-stumble" in reason for reason in proposal.reasons)


def test_sessions_before_the_start_day_and_after_the_asked_day_are_not_seen() -> None:
    entries = [ran(LEARN_PROGRAM, -3, 1, 1), ran(LEARN_PROGRAM, 5, 1, 1, number=1)]
    asked = view(LEARN_PROGRAM, [entries[0]], day(4))
    assert (asked.proposal.decision, asked.proposal.session) == (Decision.START, 1)
    assert view(LEARN_PROGRAM, entries, day(7), START).proposal.session == 2


def test_asked_about_an_earlier_day_the_coach_sees_what_had_happened_by_then() -> None:
    entries = [ran(LEARN_PROGRAM, 0, 1, 1), ran(LEARN_PROGRAM, 2, 1, 2, number=1)]
    end_of_day_1 = (day(1) + 1) * DAY_S
    asked = view(LEARN_PROGRAM, entries, day(1), happened_by=end_of_day_1)
    assert asked.program is LEARN_PROGRAM
    assert (asked.proposal.decision, asked.proposal.session) == (Decision.REST, 2)
    # A session started at the very moment asked about has happened.
    moment = entries[1].started_utc_s
    assert view(LEARN_PROGRAM, entries, day(2), happened_by=moment).proposal.session == 3
    assert view(LEARN_PROGRAM, entries, day(2), happened_by=moment - 1).proposal.session == 2


def test_a_resume_counts_from_its_moment_even_with_later_sessions_left_out() -> None:
    entries = [
        ran(LEARN_PROGRAM, 0, 1, 1, "dizzy"),
        ran(LEARN_PROGRAM, 4, 1, 1, "pain", number=1),
        ran(LEARN_PROGRAM, 12, 1, 1, number=2),
    ]
    resumed = (WallTime(day(10) * DAY_S + 7 * 3600, 0),)
    asked = view(
        LEARN_PROGRAM, entries, day(11), resumed=resumed, happened_by=(day(11) + 1) * DAY_S
    )
    assert not asked.proposal.paused
    assert asked.proposal.reasons[0] == (
        "You resumed the program on Thursday 12 March: week 1 starts again from its first "
        "session. Stop and rest if the dizziness or pain comes back."
    )
    at_the_resume = view(
        LEARN_PROGRAM, entries, day(10), resumed=resumed, happened_by=resumed[0].utc_s
    )
    assert not at_the_resume.proposal.paused
    just_before = view(
        LEARN_PROGRAM, entries, day(10), resumed=resumed, happened_by=resumed[0].utc_s - 1
    )
    assert just_before.proposal.paused


def test_a_resume_before_the_program_was_paused_does_nothing() -> None:
    entries = [ran(LEARN_PROGRAM, 0, 1, 1, "dizzy"), ran(LEARN_PROGRAM, 4, 1, 1, "pain", number=1)]
    # Resumed at the very moment the second report's session started: not yet paused then.
    resumed = (WallTime(entries[1].started_utc_s, 0),)
    assert propose(LEARN_PROGRAM, entries, day(9), resumed=resumed).paused


def test_a_break_is_carried_out_once_on_the_calendar_too() -> None:
    entries = learn_up_to(4)  # weeks 1-3 done, the last on Friday, day 18
    asked = view(LEARN_PROGRAM, entries, day(18 + 16))
    assert (asked.proposal.decision, asked.proposal.week) == (Decision.STEP_BACK, 3)
    assert asked.calendar(1)[0].week == 3


def test_three_sessions_in_seven_days_say_when_the_next_counts() -> None:
    entries = [ran(LEARN_PROGRAM, day_, 1, n + 1, number=n) for n, day_ in enumerate((0, 2, 4))]
    proposal = propose(LEARN_PROGRAM, entries, day(6), days=DAILY)
    assert proposal.reasons[0] == (
        "3 sessions in the last 7 days: the next one counts from Monday 9 March."
    )
    assert propose(LEARN_PROGRAM, entries, day(7), days=DAILY).decision is Decision.ADVANCE


def test_the_day_a_week_may_begin_is_no_rest_day() -> None:
    small = small_program()  # two sessions a week: no 3 in 7 days to wait for
    entries = [ran(small, 0, 1, 1), ran(small, 1, 1, 2, number=1)]
    assert propose(small, entries, day(5), days=DAILY).reasons[0] == (
        "Week 2 begins on Sunday 8 March: a program week takes at least 6 days."
    )
    assert propose(small, entries, day(6), days=DAILY).decision is Decision.ADVANCE


def test_the_advice_on_rhythm_is_given_at_the_start_only() -> None:
    once = propose(LEARN_PROGRAM, [ran(LEARN_PROGRAM, 6, 1, 1)], day(13), days=("sun",))
    assert once.decision is Decision.CONTINUE and len(once.reasons) == 1


def test_a_program_with_no_next_one_suggests_none() -> None:
    alone = replace(LEARN_PROGRAM, next_program="")
    entries = [
        ran(alone, 7 * (w - 1) + 2 * (s - 1), w, s, number=3 * w + s)
        for w in range(1, 11)
        for s in (1, 2, 3)
    ]
    proposal = propose(alone, entries, day(70))
    assert proposal.reasons[-1] == "All 10 weeks done: keep the level with week 10."


def test_without_walking_weeks_a_long_break_goes_back_to_week_1_and_says_nothing_of_walking() -> (
    None
):
    jogging = replace(LEARN_PROGRAM, weeks=LEARN_PROGRAM.weeks[3:])
    assert jogging.walking_weeks == ()
    entries = [
        ran(jogging, 7 * (w - 1) + 2 * (s - 1), w, s, number=3 * w + s)
        for w in range(1, 6)
        for s in (1, 2, 3)
    ]
    proposal = propose(jogging, entries, day(32 + 62))
    assert proposal.week == 1
    assert proposal.reasons[0].endswith(": back to week 1.")


def test_a_view_without_its_path_proposes_the_same() -> None:
    entries = learn_up_to(3)
    choice = ProgramChoice(LEARN, START)
    sessions = real_session_figures(entries)
    whole = view_program(LEARN_PROGRAM, choice, sessions, day(15), Settings())
    bare = view_program(LEARN_PROGRAM, choice, sessions, day(15), Settings(), with_path=False)
    assert bare.proposal == whole.proposal and len(whole.path.steps) == 6
    assert bare.path.steps == ()
