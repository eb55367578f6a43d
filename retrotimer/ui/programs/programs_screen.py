"""The Programs screen: the catalogue, the weeks as a grid, following, and what comes next."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.programs.beyond_program import keep_level, next_step
from retrotimer.core.programs.journey import journey
from retrotimer.core.programs.placement import start_advice
from retrotimer.core.programs.week_grid import CellState, week_grid
from retrotimer.core.value import replace
from retrotimer.ui.common.modal import open_modal
from retrotimer.ui.programs.completion_dialog import AfterProgram, CompletionDialog
from retrotimer.ui.programs.placement_dialog import PlacementDialog
from retrotimer.ui.programs.training_days_row import TrainingDaysRow

if TYPE_CHECKING:
    from retrotimer.core.programs.program_model import Program
    from retrotimer.core.programs.program_view import ProgramView
    from retrotimer.core.settings import Settings
    from retrotimer.ui.programs.followed_program import FollowedProgram
    from retrotimer.ui.programs.program_following import ProgramFollowing


def _wrapped(*, bold: bool = False, scale: float = 1.0) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label


class ProgramsScreen(QWidget):
    """Shows the program selected in the catalogue; the one followed is selected first."""

    def __init__(
        self,
        following: ProgramFollowing,
        followed: FollowedProgram,
        settings: Callable[[], Settings],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Programs")
        self._following = following
        self._followed = followed
        self._settings = settings
        self._programs: list[Program] = []
        self.view: ProgramView | None = None
        self.placement_dialog: PlacementDialog | None = None
        self.completion_dialog: CompletionDialog | None = None

        self.catalogue = QListWidget()
        self.catalogue.setAccessibleName("Programs")
        self.catalogue.setMaximumWidth(320)
        self.name_label = _wrapped(bold=True, scale=1.6)
        self.description_label = _wrapped()
        self.advice_label = _wrapped()
        self.advice_label.setAccessibleName("Who starts where")
        self.status_label = _wrapped(bold=True, scale=1.2)
        self.status_label.setAccessibleName("Where you stand")
        self.grid = QTableWidget()
        self.grid.setAccessibleName("Weeks and sessions")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # One line a week, each the same height: the weeks read as a ladder.
        self.grid.setWordWrap(False)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.horizontalHeader().setAccessibleName("Sessions")
        self.grid.verticalHeader().setAccessibleName("Weeks")
        # Nothing in the grid is selected, so its corner selects nothing either.
        self.grid.setCornerButtonEnabled(False)
        corner = self.grid.findChild(QAbstractButton)
        if corner is not None:
            corner.setAccessibleName("Corner of the weeks and sessions")
        self.start_button = QPushButton("Start this program…")
        self.stop_button = QPushButton("Stop following")
        self.next_button = QPushButton("Your journey and what next…")
        self.days = TrainingDaysRow(())
        self.days_button = QPushButton("Train on these days")
        for button in (self.start_button, self.stop_button, self.next_button, self.days_button):
            button.setAccessibleName(button.text().rstrip("…"))

        buttons = QHBoxLayout()
        for button in (self.start_button, self.next_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        days_row = QHBoxLayout()
        days_row.addWidget(self.days, 1)
        days_row.addWidget(self.days_button, 0, Qt.AlignmentFlag.AlignTop)
        self.days_box = QWidget()
        self.days_box.setLayout(days_row)
        detail = QVBoxLayout()
        for widget in (
            self.name_label,
            self.description_label,
            self.advice_label,
            self.status_label,
        ):
            detail.addWidget(widget)
        detail.addWidget(self.grid, 1)
        detail.addWidget(self.days_box)
        detail.addLayout(buttons)
        columns = QHBoxLayout(self)
        columns.addWidget(self.catalogue)
        columns.addLayout(detail, 1)

        self.catalogue.currentRowChanged.connect(lambda _row: self._show_selected())
        self.start_button.clicked.connect(self.ask_placement)
        self.stop_button.clicked.connect(lambda: self._following.choose(None))
        self.days_button.clicked.connect(self._change_days)
        self.next_button.clicked.connect(self.open_completion)

    # ---- what is shown ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the programs and the followed one again; keep the selection if it is there."""
        programs = self._following.programs
        self._programs = programs.programs() if programs is not None else []
        self.view = self._followed.view()
        wanted = self.selected.name if self.selected else None
        if wanted is None and self.view is not None:
            wanted = self.view.program.name
        blocked = self.catalogue.blockSignals(True)
        try:
            self.catalogue.clear()
            for program in self._programs:
                mark = " (following)" if self._is_followed(program) else ""
                item = QListWidgetItem(f"{program.name}{mark}\n{len(program.weeks)} weeks")
                item.setData(Qt.ItemDataRole.UserRole, program.name)
                self.catalogue.addItem(item)
            names = [program.name for program in self._programs]
            self.catalogue.setCurrentRow(names.index(wanted) if wanted in names else 0)
        finally:
            self.catalogue.blockSignals(blocked)
        self._show_selected()

    def select(self, name: str) -> None:
        names = [program.name for program in self._programs]
        if name in names:
            self.catalogue.setCurrentRow(names.index(name))

    @property
    def selected(self) -> Program | None:
        row = self.catalogue.currentRow()
        return self._programs[row] if 0 <= row < len(self._programs) else None

    def _is_followed(self, program: Program) -> bool:
        return self.view is not None and self.view.program.name == program.name

    def _show_selected(self) -> None:
        program = self.selected
        if program is None:
            return
        followed = self._is_followed(program)
        view = self.view if followed else None
        self.name_label.setText(program.name)
        self.description_label.setText(program.description)
        self.advice_label.setText(start_advice(program))
        self.status_label.setText(self._status(program, view))
        complete = view is not None and view.proposal.complete
        self.start_button.setVisible(not followed)
        self.stop_button.setVisible(followed)
        self.next_button.setVisible(complete)
        self.days_box.setVisible(followed)
        if view is not None:
            for day, box in self.days.boxes.items():
                box.setChecked(day in view.choice.training_days)
        self._fill_grid(program, view)

    def _status(self, program: Program, view: ProgramView | None) -> str:
        per_week = max(len(week.sessions) for week in program.weeks)
        if view is None:
            return f"{len(program.weeks)} weeks, up to {per_week} sessions a week."
        proposal = view.proposal
        if proposal.complete:
            return f"Complete: all {proposal.weeks} weeks done. Well done!"
        if proposal.paused:
            return "Paused: see a doctor or physiotherapist before you go on."
        return (
            f"You follow this program: week {proposal.week} of {proposal.weeks}, next session "
            f"{proposal.week}.{proposal.session}."
        )

    def _fill_grid(self, program: Program, view: ProgramView | None) -> None:
        grid = week_grid(
            program,
            self._settings(),
            view.path if view else None,
            view.proposal if view else None,
        )
        columns = max(len(row) for row in grid)
        self.grid.clear()
        self.grid.setRowCount(len(grid))
        self.grid.setColumnCount(columns + 1)
        self.grid.setHorizontalHeaderLabels(
            ["Focus", *(f"Session {n}" for n in range(1, columns + 1))]
        )
        walking = set(program.walking_weeks)
        self.grid.setVerticalHeaderLabels(
            [
                f"Week {n}{' (walking)' if n in walking else ''}"
                for n in range(1, len(program.weeks) + 1)
            ]
        )
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, columns + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row in grid:
            week = row[0].week
            focus = QTableWidgetItem(program.week(week).focus)
            focus.setToolTip(focus.text())
            self.grid.setItem(week - 1, 0, focus)
            for cell in row:
                item = QTableWidgetItem(cell.text)
                item.setToolTip(program.week(cell.week).sessions[cell.session - 1].name)
                if cell.state is not CellState.AHEAD:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.grid.setItem(cell.week - 1, cell.session, item)

    # ---- starting, days, stopping, and after the last week -------------------------------
    def ask_placement(self) -> PlacementDialog | None:
        program = self.selected
        if program is None:
            return None
        days = self.view.choice.training_days if self.view else self.days.days()
        self.placement_dialog = open_modal(
            PlacementDialog(program, self._settings(), days, self), self._placed
        )
        return self.placement_dialog

    def _placed(self, dialog: PlacementDialog, result: int) -> None:
        self.placement_dialog = None
        if result == PlacementDialog.DialogCode.Accepted:
            self._following.choose(dialog.choice(self._followed.today()))

    def _change_days(self) -> None:
        if self.view is not None:
            choice = replace(self.view.choice, training_days=self.days.days())
            self._following.choose(choice)

    def open_completion(self) -> CompletionDialog | None:
        """The celebration of the followed program, when it is complete."""
        view = self.view
        if view is None or not view.proposal.complete:
            return None
        done = journey(view.program, view.path)
        self.completion_dialog = open_modal(
            CompletionDialog(done, view.program.next_program, self), self._after
        )
        return self.completion_dialog

    def _after(self, dialog: CompletionDialog, _result: int) -> None:
        self.completion_dialog = None
        view = self.view
        if view is None:
            return
        if dialog.after is AfterProgram.KEEP_LEVEL:
            self._following.choose(keep_level(view.choice))
        elif dialog.after is AfterProgram.NEXT_STEP:
            chosen = next_step(view.program, view.choice, self._followed.today())
            if chosen is not None:
                self._following.choose(chosen)
