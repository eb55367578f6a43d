"""Sensor samples in the history file: written in batches, read in order, exported, imported."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from retrotimer.core.sensors.sensor_values import SensorSample
from retrotimer.storage.history.history_store import HistoryStore
from tests.history_samples import MONDAY_2024_05_06, make_id, session, start

T = MONDAY_2024_05_06
SAMPLES = (
    SensorSample(T + 1.0, 0, heart_rate=98),
    SensorSample(T + 2.0, 0, heart_rate=101, cadence_spm=112, speed_m_s=1.25),
    SensorSample(T + 3.0, 1, cadence_spm=118),
)


def test_samples_are_written_once_and_read_back_in_order(store: HistoryStore) -> None:
    store.begin_session(start(0))
    store.record_samples(make_id(0), SAMPLES[1:])
    # A batch written again after the disk refused it adds nothing twice.
    store.record_samples(make_id(0), SAMPLES[:2])
    whole = store.get_session(make_id(0))
    assert whole is not None
    assert whole.samples == SAMPLES
    (exported,) = store.all_sessions()
    assert exported.samples == SAMPLES


def test_a_spoiled_sample_row_is_left_out(store: HistoryStore) -> None:
    store.begin_session(start(0))
    store.record_samples(make_id(0), SAMPLES)
    with closing(sqlite3.connect(store.path)) as connection, connection:
        connection.execute("UPDATE samples SET speed = 'fast' WHERE cadence = 112")
    whole = store.get_session(make_id(0))
    assert whole is not None
    assert whole.samples == (SAMPLES[0], SAMPLES[2])


def test_samples_go_with_their_session_when_it_is_purged(store: HistoryStore) -> None:
    store.begin_session(start(0))
    store.record_samples(make_id(0), SAMPLES)
    store.delete_session(make_id(0), T + 100.0)
    assert store.purge_deleted() == 1
    with closing(sqlite3.connect(store.path)) as connection:
        assert connection.execute("SELECT count(*) FROM samples").fetchone() == (0,)


def test_an_import_brings_the_samples_of_a_new_session_and_those_one_lacks(
    store: HistoryStore,
) -> None:
    result = store.import_sessions([session(0, samples=SAMPLES)])
    assert result.added == 1
    store.begin_session(start(1))
    store.record_samples(make_id(1), SAMPLES[:1])
    result = store.import_sessions([session(1, samples=SAMPLES)])
    assert result.completed == 1
    for number in (0, 1):
        whole = store.get_session(make_id(number))
        assert whole is not None
        assert whole.samples == SAMPLES
