"""The rule table: one rule for every phase and fact, and reasons that fill in."""

from __future__ import annotations

import string

import pytest

from retrotimer.core.programs.coach_rules import RULE_FOR, RULES, STANDING_NOTES, index_rules
from retrotimer.core.programs.coach_vocabulary import Action, Fact, Phase, Rule

FIELDS = {
    "name",
    "how",
    "facts",
    "summary",
    "week",
    "session",
    "focus",
    "program",
    "gap",
    "beyond",
    "until",
    "walking",
    "earlier",
    "unwell",
}


def test_every_phase_and_fact_has_exactly_one_rule() -> None:
    assert set(RULE_FOR) == {(phase, fact) for phase in Phase for fact in Fact}
    assert sum(len(rule.phases) for rule in RULES) == len(RULE_FOR)


def test_two_rules_for_one_pair_are_refused() -> None:
    twice = Rule(frozenset({Phase.ENTRY}), Fact.DONE, Action.NOTE, None, "")
    with pytest.raises(ValueError, match="two rules for entry, done"):
        index_rules((twice, twice))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.fact.value}")
def test_reasons_name_only_fields_the_coach_fills_in(rule: Rule) -> None:
    names = {name for _, name, _, _ in string.Formatter().parse(rule.reason) if name}
    assert names <= FIELDS
    assert rule.action is not Action.NONE or (rule.reason == "" and rule.decision is None)


def test_a_paused_program_only_resumes() -> None:
    moving = {Action.NOTE, Action.NONE, Action.REST_TODAY, Action.RESUME}
    assert {RULE_FOR[(Phase.PAUSED, fact)].action for fact in Fact} <= moving
    assert RULE_FOR[(Phase.PAUSED, Fact.RESUMED)].action is Action.RESUME


def test_week_1_never_steps_back() -> None:
    backwards = {Action.BACK_ONE, Action.BACK_TWO, Action.BACK_TO_WALKING, Action.REST_BACK_ONE}
    for phase in (Phase.ENTRY, Phase.EASED):
        for fact in Fact:
            rule = RULE_FOR[(phase, fact)]
            assert rule.action not in backwards, (phase, fact)
            assert "back to week" not in rule.reason


def test_standing_notes_fill_in() -> None:
    complete = STANDING_NOTES[Phase.COMPLETE].format(weeks=3, week=3, next="")
    assert complete == "All 3 weeks done: keep the level with week 3."


def test_the_index_finds_each_rule_by_phase_and_fact() -> None:
    rule = Rule(frozenset({Phase.ENTRY, Phase.EASED}), Fact.DONE, Action.NOTE, None, "x")
    assert dict(index_rules((rule,))) == {
        (Phase.ENTRY, Fact.DONE): rule,
        (Phase.EASED, Fact.DONE): rule,
    }
