"""The sessions table reads the rows it shows a page at a time, sorted by the history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from retrotimer.core.history.history_ports import HistoryUnavailable
from retrotimer.core.history.history_values import HistoryEntry, Review
from retrotimer.core.history.session_order import SessionOrder
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.ui.history.history_model import (
    COLUMNS,
    DURATION,
    FELT,
    ID_ROLE,
    PAGE_ROWS,
    TEMPLATE,
    WIDEST,
    HistoryTableModel,
    fit_columns,
)
from retrotimer.ui.history.history_texts import date_text
from tests.history_samples import DAY, MONDAY_2024_05_06, segment, session

SESSIONS = 2 * PAGE_ROWS + 50


class CountedStore(HistoryStore):
    """The real store, counting the pages it is asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.pages: list[tuple[SessionOrder, int]] = []

    def session_page(self, order: SessionOrder, offset: int, limit: int) -> list[HistoryEntry]:
        self.pages.append((order, offset))
        return super().session_page(order, offset, limit)


@pytest.fixture(scope="module")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "history.sqlite"
    store = HistoryStore(path)
    store.import_sessions(
        session(
            number,
            MONDAY_2024_05_06 + number * DAY / 2,
            segments=(segment(0, actual_s=60.0 + (number * 37) % 600),),
            template=f"Template {number % 9}",
            review=Review(rating=number % 5 + 1),
        )
        for number in range(SESSIONS)
    )
    store.close()
    return path


@pytest.fixture
def store(history_file: Path) -> Iterator[CountedStore]:
    counted = CountedStore(history_file)
    yield counted
    counted.close()


def shown(qtbot: QtBot, model: HistoryTableModel) -> QTableView:
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.setSortingEnabled(True)
    fit_columns(table)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_only_the_pages_of_the_rows_shown_are_read(qtbot: QtBot, store: CountedStore) -> None:
    model = HistoryTableModel(store)
    model.reload()
    assert model.rowCount() == SESSIONS and store.pages == []
    table = shown(qtbot, model)
    qtbot.waitUntil(lambda: bool(store.pages))  # painted
    assert store.pages == [(SessionOrder(), 0)], "the first screenful is in the first page"
    newest = store.list_sessions()
    assert model.index(0, TEMPLATE).data() == newest[0].template_name
    assert model.index(0, 0).data() == date_text(newest[0])
    table.scrollToBottom()
    qtbot.waitUntil(lambda: len(store.pages) == 2)
    assert model.index(SESSIONS - 1, 0).data(ID_ROLE) == newest[-1].session_id
    assert [offset for _, offset in store.pages] == [0, 2 * PAGE_ROWS], "the middle is unread"
    model.reload()
    assert model.index(0, 0).data(ID_ROLE) == newest[0].session_id
    assert store.pages[-1] == (SessionOrder(), 0), "a reload reads again"


def test_sorting_by_a_column_is_the_history_s_order_and_keeps_the_selection(
    qtbot: QtBot, store: CountedStore
) -> None:
    model = HistoryTableModel(store)
    model.reload()
    table = shown(qtbot, model)
    chosen = model.index(5, 0)
    table.selectionModel().setCurrentIndex(
        chosen,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    session_id = chosen.data(ID_ROLE)
    table.sortByColumn(DURATION, Qt.SortOrder.AscendingOrder)
    expected = store.session_page(model.order, 0, SESSIONS)
    assert [model.index(row, 0).data(ID_ROLE) for row in range(SESSIONS)] == [
        entry.session_id for entry in expected
    ]
    current = table.currentIndex()
    assert current.data(ID_ROLE) == session_id
    assert current.row() == next(i for i, e in enumerate(expected) if e.session_id == session_id)
    assert table.selectionModel().isRowSelected(current.row())
    assert model.row_of(session_id) == current.row()
    table.sortByColumn(FELT, Qt.SortOrder.DescendingOrder)
    ratings = [store.session_page(model.order, row, 1)[0].rating for row in range(0, SESSIONS, 50)]
    assert ratings == sorted(ratings, reverse=True)
    assert table.currentIndex().data(ID_ROLE) == session_id


def test_a_saved_review_shows_without_reading_the_history_again(
    qtbot: QtBot, store: CountedStore
) -> None:
    model = HistoryTableModel(store)
    model.reload()
    shown(qtbot, model)
    session_id = model.index(3, 0).data(ID_ROLE)
    read = len(store.pages)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_review(session_id, Review(rating=2))
    assert changed.args[0].row() == 3
    assert model.index(3, FELT).data().startswith("2 · ")
    assert len(store.pages) == read


class Unreadable(HistoryStore):
    def session_page(self, order: SessionOrder, offset: int, limit: int) -> list[HistoryEntry]:
        raise HistoryUnavailable("the disk reported an input/output error")


def test_rows_that_cannot_be_read_are_empty_and_say_why(qtbot: QtBot, history_file: Path) -> None:
    broken = Unreadable(history_file)
    model = HistoryTableModel(broken)
    model.reload()
    with qtbot.waitSignal(model.unreadable) as told:
        assert model.index(0, TEMPLATE).data() is None
    assert "input/output error" in told.args[0]
    assert model.rowCount() == SESSIONS
    broken.close()


def test_columns_fit_their_widest_text_without_reading_a_row(
    qtbot: QtBot, store: CountedStore
) -> None:
    model = HistoryTableModel(store)
    model.reload()
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    fit_columns(table)
    metrics = table.fontMetrics()
    for column, sample in enumerate(WIDEST):
        if column != TEMPLATE:
            assert table.columnWidth(column) > metrics.horizontalAdvance(sample)
            assert table.columnWidth(column) > metrics.horizontalAdvance(COLUMNS[column])
    assert store.pages == []
