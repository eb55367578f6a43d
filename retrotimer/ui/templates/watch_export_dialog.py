"""Export for watch: a template as a FIT workout (or intervals.icu text), and where it goes."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from retrotimer.core.file_names import ascii_slug
from retrotimer.core.model import Item, Repeat, Template
from retrotimer.core.settings import Settings, StepsAs
from retrotimer.ui.common.export_file_dialog import ExportFileDialog, FormatRow

if TYPE_CHECKING:
    from retrotimer.core.exchange.exchange_ports import OtherToolFiles

FORMATS: tuple[FormatRow, ...] = (
    ("fit", "FIT workout, for a Garmin watch", ".fit", "FIT workout (*.fit)"),
    ("icu", "intervals.icu workout text", ".txt", "Text (*.txt)"),
)
WHERE_IT_GOES = {
    "fit": "Connect the watch by USB and copy the .fit file into its GARMIN/NewFiles folder "
    "(on older watches GARMIN/Workouts). After you unplug it, the workout is under "
    "Training > Workouts.",
    "icu": "In intervals.icu, add a workout to your library and paste the text into its "
    "description: the steps appear as you paste.",
}


def has_steps(items: tuple[Item, ...]) -> bool:
    return any(
        has_steps(item.items) if isinstance(item, Repeat) else item.length.is_steps
        for item in items
    )


def suggested_workout_file_name(name: str, suffix: str) -> str:
    return ascii_slug(name, "workout", 60) + suffix


class WatchExportDialog(ExportFileDialog):
    """Signal: `exported(str)` with the path written."""

    def __init__(
        self,
        template: Template,
        exchange: OtherToolFiles,
        settings: Settings,
        parent: QWidget | None = None,
        folder: str | None = None,
    ) -> None:
        super().__init__(
            "Export for watch",
            FORMATS,
            partial(suggested_workout_file_name, template.name),
            self._export_to,
            parent,
            folder,
        )
        self._template = template
        self._exchange = exchange
        self._settings = settings
        title = QLabel(f"<b>{template.name}</b>")
        title.setAccessibleName("Template")
        self.steps_widget = self._steps_choice()
        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.where_label.setAccessibleName("Where the file goes")
        self._lay_out(title, self.where_label, [("Counted steps:", self.steps_widget)])

    def _steps_choice(self) -> QWidget:
        steps = QWidget()
        column = QVBoxLayout(steps)
        column.setContentsMargins(0, 0, 0, 0)
        self.steps_time = QRadioButton("as a time, at your cadence")
        self.steps_lap = QRadioButton("as an open step: press the lap button when done")
        self.steps_group = QButtonGroup(self)
        for button in (self.steps_time, self.steps_lap):
            self.steps_group.addButton(button)
            column.addWidget(button)
        chosen = self._settings.watch_steps_as
        (self.steps_lap if chosen is StepsAs.LAP else self.steps_time).setChecked(True)
        self.steps_note = QLabel(
            "Either way the step's notes say how many steps, and to look over your shoulder "
            "(on a treadmill: to hold the rails)."
        )
        self.steps_note.setWordWrap(True)
        column.addWidget(self.steps_note)
        steps.setEnabled(has_steps(self._template.items))
        return steps

    # ---- choices -------------------------------------------------------------------------
    @property
    def steps_as(self) -> StepsAs:
        return StepsAs.LAP if self.steps_lap.isChecked() else StepsAs.TIME

    def _format_chosen(self, file_format: str) -> None:
        self.where_label.setText(WHERE_IT_GOES[file_format])
        self.steps_widget.setEnabled(file_format == "fit" and has_steps(self._template.items))

    def _export_to(self, path: str, file_format: str) -> None:
        self._exchange.export_workout(
            self._template, path, file_format, self._settings, self.steps_as
        )
