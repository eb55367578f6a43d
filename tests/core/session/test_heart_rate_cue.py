"""The spoken heart rate: its words, its rank, and where it has room."""

from __future__ import annotations

from retrotimer.core.model import Length, Segment, SegmentKind
from retrotimer.core.session.cue_sounds import Phrase, SpeechRank
from retrotimer.core.session.heart_rate_cue import ROOM_AFTER_S, heart_rate_fits, heart_rate_sound
from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import Settings
from tests.factories import simple


def test_the_words_come_last_of_everything_said() -> None:
    sound = heart_rate_sound(142)
    assert sound.speech == tuple(Phrase(word) for word in ("heart rate", "1", "hundred", "42"))
    assert sound.rank is max(SpeechRank) and sound.tone is None and not sound.interrupt


def test_it_is_said_where_the_next_segment_leaves_room_and_at_the_end() -> None:
    plan = compile_plan(
        simple(
            Segment(SegmentKind.WALK, Length.seconds(30)),
            Segment(SegmentKind.BACKWARD_WALK, Length.seconds(ROOM_AFTER_S - 1)),
            Segment(SegmentKind.WALK, Length.seconds(ROOM_AFTER_S)),
        ),
        Settings(),
    )
    assert [heart_rate_fits(plan, index) for index in range(3)] == [False, True, True]
