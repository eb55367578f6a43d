"""The speech queue: phrases one after another, never two at once, stale sentences dropped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrotimer.audio.pcm import Clip, silence
from retrotimer.audio.speech_queue import (
    PHRASE_GAP_S,
    SENTENCE_GAP_S,
    STALE_AFTER_S,
    SpeechQueue,
    Utterance,
)
from retrotimer.core.session.speech_plan import SpeechRank


def phrase(name: str, seconds: float) -> Clip:
    return silence(name, seconds, 1000)


def run(queue: SpeechQueue, until: float) -> list[tuple[float, Clip]]:
    """Call `due` exactly when the queue asks to be woken, as the cue player's timer does."""
    started: list[tuple[float, Clip]] = []
    while (wake := queue.wake_at()) is not None and wake <= until:
        started += [(wake, clip) for clip in queue.due(wake).clips]
    return started


def test_a_sentence_is_spoken_phrase_after_phrase() -> None:
    queue = SpeechQueue()
    a, b = phrase("a", 0.5), phrase("b", 0.3)
    queue.push(Utterance((a, b), not_before=10.0))
    assert queue.wake_at() == 10.0
    assert queue.due(9.99).clips == []
    assert queue.due(10.0).clips == [a]
    assert queue.due(10.2).clips == []  # still speaking
    assert queue.wake_at() == pytest.approx(10.5 + PHRASE_GAP_S)
    assert queue.due(10.5 + PHRASE_GAP_S).clips == [b]
    assert queue.wake_at() is None
    assert queue.quiet_from == pytest.approx(10.5 + PHRASE_GAP_S + 0.3 + SENTENCE_GAP_S)


def test_a_second_sentence_waits_for_the_first() -> None:
    queue = SpeechQueue()
    first, second = phrase("first", 1.0), phrase("second", 0.2)
    queue.push(Utterance((first,), 0.0))
    queue.push(Utterance((second,), 0.1))
    assert run(queue, 5.0) == [(0.0, first), (pytest.approx(1.0 + SENTENCE_GAP_S), second)]


def test_a_sentence_that_would_start_too_late_is_dropped_whole() -> None:
    queue = SpeechQueue()
    long_one = phrase("long", STALE_AFTER_S + 1)
    queue.push(Utterance((long_one,), 0.0))
    queue.push(Utterance((phrase("halfway", 0.4), phrase("now", 0.2)), 0.5))
    queue.push(Utterance((phrase("next", 0.3),), STALE_AFTER_S))
    names = [clip.name for _, clip in run(queue, 100.0)]
    assert names == ["long", "next"]


def test_clear_forgets_the_queue_and_frees_the_voice() -> None:
    queue = SpeechQueue()
    queue.push(Utterance((phrase("a", 2.0), phrase("b", 1.0)), 0.0))
    assert [c.name for c in queue.due(0.0).clips] == ["a"]
    queue.clear(0.5)
    assert queue.pending == 0 and queue.wake_at() is None
    assert not queue.speaking(0.5)
    queue.push(Utterance((phrase("paused", 0.4),), 0.5))
    assert [c.name for c in queue.due(0.5).clips] == ["paused"]


@given(
    st.lists(
        st.tuples(
            st.floats(0, 20, allow_nan=False),
            st.lists(st.floats(0.05, 2.0, allow_nan=False), min_size=1, max_size=4),
        ),
        max_size=8,
    )
)
def test_speech_never_overlaps_and_keeps_order(
    requests: list[tuple[float, list[float]]],
) -> None:
    queue = SpeechQueue(stale_after_s=1000.0)
    requests.sort(key=lambda request: request[0])
    expected: list[str] = []
    for number, (at, lengths) in enumerate(requests):
        clips = tuple(phrase(f"{number}.{i}", length) for i, length in enumerate(lengths))
        expected += [clip.name for clip in clips]
        queue.push(Utterance(clips, at))
    started = run(queue, 10_000.0)
    assert [clip.name for _, clip in started] == expected
    for (start, clip), (next_start, _) in zip(started, started[1:], strict=False):
        assert next_start >= start + clip.duration_s + PHRASE_GAP_S - 1e-9
    for at, clip in started:
        number = int(clip.name.split(".")[0])
        assert at >= requests[number][0]


def test_safety_words_cut_off_lower_speech_and_its_rest_is_dropped() -> None:
    queue = SpeechQueue()
    queue.push(Utterance((phrase("backward walk", 1.0), phrase("15", 0.4)), 0.0))
    assert [c.name for c in queue.due(0.0).clips] == ["backward walk"]
    queue.push(Utterance((phrase("shoulder", 1.3),), 0.3, SpeechRank.SAFETY))
    assert queue.wake_at() == 0.3  # not after the sentence being spoken
    due = queue.due(0.3)
    assert due.cut_off and [c.name for c in due.clips] == ["shoulder"]
    assert [clip.name for _, clip in run(queue, 100.0)] == []  # "15" is not said after it


def test_safety_words_go_before_lower_words_waiting_at_the_same_moment() -> None:
    queue = SpeechQueue()
    queue.push(Utterance((phrase("walk", 0.5),), 1.0))
    queue.push(Utterance((phrase("next", 0.5),), 1.0, SpeechRank.NEXT_UP))
    queue.push(Utterance((phrase("turn", 1.2),), 1.0, SpeechRank.SAFETY))
    started = run(queue, 100.0)
    assert [clip.name for _, clip in started] == ["turn", "walk", "next"]
    assert started[0][0] == 1.0


def test_safety_words_wait_for_safety_words_and_are_never_dropped_as_late() -> None:
    queue = SpeechQueue()
    queue.push(Utterance((phrase("turn", STALE_AFTER_S + 2),), 0.0, SpeechRank.SAFETY))
    queue.push(Utterance((phrase("shoulder", 1.0),), 0.0, SpeechRank.SAFETY))
    queue.push(Utterance((phrase("walk", 1.0),), 0.0))
    assert queue.due(0.0).clips[0].name == "turn"
    later = STALE_AFTER_S + 2 + SENTENCE_GAP_S
    due = queue.due(later)
    assert not due.cut_off and [c.name for c in due.clips] == ["shoulder"]
    # The lower sentence, now far past its moment, is dropped.
    assert [clip.name for _, clip in run(queue, 100.0)] == []


@given(
    st.lists(
        st.tuples(
            st.floats(0, 20, allow_nan=False),
            st.floats(0.05, 2.0, allow_nan=False),
            st.sampled_from(SpeechRank),
        ),
        max_size=10,
    )
)
def test_safety_words_wait_only_for_safety_words(
    requests: list[tuple[float, float, SpeechRank]],
) -> None:
    queue = SpeechQueue()
    requests.sort(key=lambda request: request[0])
    for number, (at, length, rank) in enumerate(requests):
        queue.push(Utterance((phrase(str(number), length),), at, rank))
    started: list[tuple[float, Clip]] = []
    while (wake := queue.wake_at()) is not None:
        started += [(wake, clip) for clip in queue.due(wake).clips]
    safety_end = float("-inf")
    for at, clip in started:
        due, _, rank = requests[int(clip.name)]
        if rank is SpeechRank.SAFETY:
            # At its moment, or straight after the safety words before it: never later.
            assert at == pytest.approx(max(due, safety_end))
            safety_end = at + clip.duration_s + SENTENCE_GAP_S
    said = {int(clip.name) for _, clip in started}
    assert all(i in said for i, r in enumerate(requests) if r[2] is SpeechRank.SAFETY)
