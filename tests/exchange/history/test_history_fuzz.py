"""Hostile history backups: one odd value refuses one session, in one line, and nothing else.

Any JSON value (an object or a list where text belongs, numbers of thousands of digits, lone
surrogates, escapes) is put at any field of a backup of several sessions. Reading must refuse
the file as a whole with one-line problems, or take every session the change did not touch,
each of which exports and reads back unchanged, within 5 s.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from retrotimer.core.history.history_values import HistorySession
from retrotimer.exchange.history.history_codec import (
    HistoryImportError,
    sessions_from_json,
    sessions_to_csv,
    sessions_to_json,
)
from tests.history_samples import read_whole, sessions

HUGE = "9" * 5000
# Python's json writes no such number: a marker is swapped for it in the text.
HUGE_MARK = "<<a number of thousands of digits>>"
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.just(HUGE_MARK),
    st.just(10**400),
    st.text(st.one_of(st.characters(), st.sampled_from("\x1b\x00\u202e\ud800\udfff")), max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
SESSION_FIELDS = [
    *("id", "template", "venue", "started", "ended", "status", "planned_s", "active_s"),
    *("backward_s", "forward_s", "backward_steps", "rating", "near_stumbles", "notes"),
    *("test_run", "program", "dizzy_or_pain", "plan", "segments", "pauses"),
]
PARTS = {
    "segment": ["index", "kind", "label", "planned_s", "actual_s", "skipped", "steps"],
    "pause": ["start", "end"],
    "program": ["name", "week", "session", "lighter"],
}


def hostile_backup(history: list[HistorySession], data: st.DataObject) -> tuple[str, set[int]]:
    """The backup with one value changed, and the numbers of the sessions the change touched
    (all of them when it is a field of the file itself)."""
    document: dict[str, Any] = json.loads(sessions_to_json(history))
    where = data.draw(st.sampled_from(["file", "session", *PARTS]))
    value = data.draw(values)
    if where == "file":
        document[data.draw(st.sampled_from(["format", "version", "sessions"]))] = value
        touched = set(range(len(history)))
    else:
        number = data.draw(st.integers(0, len(history) - 1))
        touched = {number}
        target = document["sessions"][number]
        if where == "session":
            target[data.draw(st.sampled_from(SESSION_FIELDS))] = value
        elif where == "program":
            target["program"] = {"name": "P", "week": 1, "session": 1}
            target["program"][data.draw(st.sampled_from(PARTS["program"]))] = value
        else:
            listed = target["segments" if where == "segment" else "pauses"]
            if not listed:
                listed.append(value)
            else:
                item = listed[data.draw(st.integers(0, len(listed) - 1))]
                item[data.draw(st.sampled_from(PARTS[where]))] = value
    text = json.dumps(document, ensure_ascii=True).replace(f'"{HUGE_MARK}"', HUGE)
    return text, touched


@settings(
    max_examples=100,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    history=st.lists(sessions(), min_size=1, max_size=3, unique_by=lambda s: s.session_id),
    data=st.data(),
)
def test_one_odd_value_refuses_at_most_its_session_with_one_line(
    history: list[HistorySession], data: st.DataObject
) -> None:
    text, touched = hostile_backup(history, data)
    try:
        reading = sessions_from_json(text)
    except HistoryImportError as refused:
        whole = touched == set(range(len(history))) or HUGE in text
        assert whole, "a file is refused whole only for itself"
        assert all("\n" not in problem for problem in refused.problems)
        event("refused whole")
        return
    event("a session kept aside" if reading.refused else "every session imported")
    for refused_session in reading.refused:
        assert all("\n" not in p and len(p) < 400 for p in refused_session.problems)
    kept_ids = {session.session_id for session in reading.sessions}
    untouched = [s for number, s in enumerate(history) if number not in touched]
    assert {session.session_id for session in untouched} <= kept_ids
    for session in reading.sessions:
        assert read_whole(sessions_to_json([session])) == [session]
        sessions_to_csv([session]).encode("utf-8")
