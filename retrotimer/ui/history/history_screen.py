"""The History screen: progress at a glance, every session, its details, delete with undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.history.history_ports import (
    HistoryFiles,
    HistoryRepository,
    HistoryUnavailable,
)
from retrotimer.core.history.statistics import compute_statistics
from retrotimer.core.programs.program_model import unknown_program_names, unknown_programs_note
from retrotimer.core.value import replace
from retrotimer.ui.common.actions import text_action
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.history.history_details import HistoryDetails
from retrotimer.ui.history.history_model import DATE, ID_ROLE, HistoryTableModel, fit_columns
from retrotimer.ui.history.history_texts import chart_bars, date_text, statistics_text
from retrotimer.ui.history.session_export_dialog import SessionExportDialog
from retrotimer.ui.history.weekly_chart import WeeklyChart

if TYPE_CHECKING:
    from retrotimer.core.exchange.exchange_ports import OtherToolFiles
    from retrotimer.core.history.history_values import Review
    from retrotimer.core.programs.program_source import ProgramSource
    from retrotimer.core.settings import Theme
    from retrotimer.runtime.wall_clock import WallClock
    from retrotimer.ui.common.side_chart import SideChart

EXPORT_FILTERS = {"csv": "Spreadsheet (*.csv)", "json": "Full backup (*.json)"}


class DeleteSession(QUndoCommand):
    """A session marked deleted (the store keeps it until it is purged); undo restores it."""

    def __init__(self, screen: HistoryScreen, session_id: str, text: str) -> None:
        super().__init__(text)
        self._screen = screen
        self._session_id = session_id
        self._done = True  # pushed after the delete succeeded

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._screen.run_history(
            lambda history: history.delete_session(
                self._session_id, self._screen.wall_clock().utc_s
            )
        )

    def undo(self) -> None:
        self._screen.run_history(lambda history: history.restore_session(self._session_id))


class HistoryScreen(QWidget):
    """Past sessions, their details and review, progress and the weekly chart. Signal:
    `refused(str)` when a file could not be imported or exported (the window shows it as a
    notice)."""

    refused = Signal(str)

    def __init__(
        self,
        history: HistoryRepository | None,
        transfer: HistoryFiles | None,
        wall_clock: WallClock,
        theme: Theme,
        problem: str = "",
        parent: QWidget | None = None,
        exchange: OtherToolFiles | None = None,
        *,
        programs: ProgramSource | None = None,
        side_chart: SideChart | None = None,
    ) -> None:
        super().__init__(parent)
        self._programs = programs
        self.side_chart = side_chart
        self.setAccessibleName("History screen")
        self._history = history
        self._transfer = transfer
        self._exchange = exchange
        self.export_dialog: SessionExportDialog | None = None
        self.wall_clock = wall_clock
        self.file_dialog: QFileDialog | None = None
        self.undo_stack = QUndoStack(self)
        self._build(theme)
        if history is None:
            self.setEnabled(False)
            self.tell(problem or "The history is not available.")
        else:
            self.refresh()

    # ---- building -------------------------------------------------------------------------
    def _build(self, theme: Theme) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.statistics = QLabel()
        self.statistics.setAccessibleName("Progress")
        self.statistics.setWordWrap(True)
        self.statistics.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.statistics.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = WeeklyChart(run_colours(theme))
        # Another feature's chart (the program's path) beside the weekly one, when it has one.
        self.charts = QTabWidget()
        self.charts.setAccessibleName("Charts")
        self.charts.tabBar().setAccessibleName("Chart choice")
        # No taller than the chart alone, so the window's smallest size stays as it was.
        self.charts.setMinimumSize(self.chart.minimumSize())
        self.charts.addTab(self.chart, "&Weekly backward minutes")
        if self.side_chart is not None:
            self.charts.addTab(self.side_chart, self.side_chart.title)
            self.charts.setTabVisible(1, False)
        # The charts take their share of the height, not the height they would like: on a
        # laptop's screen the session's segments and review below need it more.
        self.charts.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        top.addWidget(self.statistics, 2)
        top.addWidget(self.charts, 3)
        layout.addLayout(top, 2)

        # Sorted and read a page at a time by the history itself: years of sessions cost
        # what the rows on screen cost.
        self.model = HistoryTableModel(self._history, self)
        self.model.unreadable.connect(lambda why: self.tell(f"The history cannot be read: {why}"))
        self.table = QTableView()
        self.table.setAccessibleName("Sessions")
        self.table.horizontalHeader().setAccessibleName("Session columns")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_changed())
        delete_key = text_action("Delete session", self.table)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete_current)
        self.table.addAction(delete_key)
        self.details = HistoryDetails()
        self.details.review_edited.connect(self.save_review)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([700, 500])
        layout.addWidget(splitter, 5)

        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo delete")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        for name, text, handler in (
            ("delete", "Delete session", self.delete_current),
            ("undo", "Undo delete", self.undo_action.trigger),
            ("csv", "Export CSV…", lambda: self.choose_export("csv")),
            ("json", "Export JSON…", lambda: self.choose_export("json")),
            ("import", "Import JSON…", self.choose_import),
            ("session", "Export session…", self.open_session_export),
        ):
            button = QPushButton(text)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(handler)
            row.addWidget(button)
            self.buttons[name] = button
        self.undo_stack.canUndoChanged.connect(self.buttons["undo"].setEnabled)
        self.buttons["undo"].setEnabled(False)
        self.buttons["session"].setEnabled(self._exchange is not None)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setAccessibleName("History messages")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

    def set_theme(self, theme: Theme) -> None:
        self.chart.set_colours(run_colours(theme))
        if self.side_chart is not None:
            self.side_chart.set_colours(run_colours(theme))

    def tell(self, text: str) -> None:
        self.message.setText(text)

    def _refuse(self, text: str) -> None:
        self.tell(text)
        self.refused.emit(text)

    # ---- reading ------------------------------------------------------------------------------
    def run_history(self, action: Callable[[HistoryRepository], object]) -> bool:
        """Do something to the history and show the result; False (and why) if refused."""
        if self._history is None:
            return False
        try:
            action(self._history)
        except HistoryUnavailable as error:
            self.tell(f"The history cannot be changed just now: {error}")
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        history = self._history
        if history is None:
            return
        self.keep_review()
        current = self.current_session_id()
        try:
            entries = history.list_sessions()
            self.model.reload()
        except HistoryUnavailable as error:
            self.tell(f"The history cannot be read just now: {error}")
            return
        stats = compute_statistics(entries, self.wall_clock())
        self.statistics.setText(
            statistics_text(stats)
            if entries
            else "No sessions yet: run a template and it shows up here."
        )
        self.chart.set_bars(chart_bars(stats.weeks) if entries else [])
        if self.side_chart is not None:
            self.charts.setTabVisible(1, self.side_chart.refresh())
        self.buttons["delete"].setEnabled(bool(entries))
        self.select_session(current)

    def current_session_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select_session(self, session_id: str | None) -> None:
        """Make the session current (the first row when it is not listed)."""
        row = self.model.row_of(session_id) if session_id is not None else None
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row or 0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def _row_changed(self) -> None:
        self.keep_review()
        self._show_current()

    def hideEvent(self, event: QHideEvent) -> None:
        self.keep_review()
        super().hideEvent(event)

    def keep_review(self) -> None:
        """Save the review shown when it was changed and not saved: leaving a session (another
        row, a refresh, another screen) never throws away notes typed for it."""
        session = self.details.session
        if session is None:
            return
        review = self.details.review()
        if review != session.entry.review and self._store_review(session.session_id, review):
            self.tell(f"Review of the session of {date_text(session.entry)} saved.")

    def _store_review(self, session_id: str, review: Review) -> bool:
        """Write the review and show it as saved; False (and why) when it cannot be."""
        if self._history is None:
            return False
        problems = review.problems()
        try:
            if problems:
                raise ValueError("; ".join(problems).capitalize())
            self._history.set_review(session_id, review)
        except (HistoryUnavailable, ValueError) as error:
            self.tell(f"The review was not saved: {error}.")
            return False
        shown = self.details.session
        if shown is not None and shown.session_id == session_id:
            # The details now hold what was saved, so it is not saved twice.
            entry = shown.entry.with_review(review)
            self.details.show_session(replace(shown, entry=entry))
        self.model.set_review(session_id, review)
        return True

    def _show_current(self) -> None:
        session_id = self.current_session_id()
        session = None
        if session_id is not None and self._history is not None:
            try:
                session = self._history.get_session(session_id)
            except HistoryUnavailable as error:
                self.tell(f"The session cannot be read just now: {error}")
        self.details.show_session(session)

    # ---- changing -----------------------------------------------------------------------------
    def save_review(self, session_id: str, review: Review) -> None:
        if self._store_review(session_id, review):
            self.tell("Review saved.")

    def delete_current(self) -> None:
        session_id = self.current_session_id()
        session = self.details.session
        if session_id is None or session is None:
            return
        when = date_text(session.entry)
        deleted = self.run_history(
            lambda history: history.delete_session(session_id, self.wall_clock().utc_s)
        )
        if deleted:
            self.undo_stack.push(DeleteSession(self, session_id, f"Delete the session of {when}"))
            self.tell(f"Deleted the session of {when}. Undo delete (Ctrl+Z) brings it back.")

    # ---- files --------------------------------------------------------------------------------
    def _file_dialog(self, title: str, saving: bool, name_filter: str) -> QFileDialog:
        dialog = QFileDialog(self, title)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(
            QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen
        )
        dialog.setNameFilter(name_filter)
        dialog.setAccessibleName(title)
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        return dialog

    def choose_export(self, file_format: str) -> None:
        dialog = self._file_dialog("Export the history", True, EXPORT_FILTERS[file_format])
        dialog.setDefaultSuffix(file_format)
        dialog.selectFile(f"retrotimer-history.{file_format}")
        dialog.fileSelected.connect(lambda path: self.export_to(path, file_format))
        dialog.open()

    def choose_import(self) -> None:
        dialog = self._file_dialog("Import a history backup", False, EXPORT_FILTERS["json"])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_from)
        dialog.open()

    def export_to(self, path: str, file_format: str) -> None:
        if self._transfer is None:
            return
        try:
            # The file dialog has asked before a file is replaced.
            count = self._transfer.export_to(path, file_format, overwrite=True)
        except (HistoryUnavailable, ValueError) as error:
            self._refuse(f"Nothing was exported: {error}")
            return
        self.tell(f"Exported {count} session{'s' if count != 1 else ''} to {path}.")

    def import_from(self, path: str) -> None:
        if self._transfer is None:
            return
        try:
            result = self._transfer.import_from(path)
        except (HistoryUnavailable, ValueError) as error:
            self._refuse(f"Nothing was imported from {path}: {error}")
            return
        self.refresh()
        said = " ".join(filter(None, (result.describe(), self._unknown_programs())))
        # Sessions left out are a notice that stays, as a refused file is.
        (self._refuse if result.refused else self.tell)(said)

    def _unknown_programs(self) -> str | None:
        """Which programs sessions were run for that are not installed here, if any."""
        if self._programs is None or self._history is None:
            return None
        refs = (entry.program for entry in self._history.list_sessions())
        return unknown_programs_note(unknown_program_names(refs, self._programs.programs()))

    def open_session_export(self) -> None:
        """The Export session dialog for the selected session (FIT or TCX)."""
        session = self.details.session
        if session is None or self._exchange is None:
            self.tell("Select a session to export first.")
            return
        dialog = SessionExportDialog(session, self._exchange, self)
        when = date_text(session.entry)
        dialog.exported.connect(
            lambda path: self.tell(f"Exported the session of {when} to {path}.")
        )
        dialog.finished.connect(lambda _result: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
