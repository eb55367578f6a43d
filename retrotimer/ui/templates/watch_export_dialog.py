"""Export for watch: a template as a FIT workout (or intervals.icu text), and where it goes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QDir, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.model import Item, Repeat, Template
from retrotimer.core.ports import ExchangeFiles, ExchangeRefused
from retrotimer.core.settings import Settings, StepsAs

# (format, what the list says, suffix, file filter)
FORMATS = (
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


def default_file_name(name: str, suffix: str) -> str:
    stem = re.sub(r"\W+", "-", name.casefold()).strip("-_") or "workout"
    return stem[:60] + suffix


class WatchExportDialog(QDialog):
    """Signal: `exported(str)` with the path written."""

    exported = Signal(str)

    def __init__(
        self,
        template: Template,
        exchange: ExchangeFiles,
        settings: Settings,
        parent: QWidget | None = None,
        folder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export for watch")
        self.setAccessibleName("Export for watch")
        self._template = template
        self._exchange = exchange
        self._settings = settings
        self.file_dialog: QFileDialog | None = None
        self._folder = folder or QDir.homePath()
        self._build()
        self._format_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{self._template.name}</b>")
        title.setAccessibleName("Template")
        layout.addWidget(title)
        form = QFormLayout()
        self.format_box = QComboBox()
        self.format_box.setAccessibleName("Format")
        for _code, text, _suffix, _filter in FORMATS:
            self.format_box.addItem(text)
        self.format_box.currentIndexChanged.connect(lambda _index: self._format_changed())
        form.addRow("&Format:", self.format_box)

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
        form.addRow("Counted steps:", steps)
        steps.setEnabled(has_steps(self._template.items))
        self.steps_widget = steps

        where = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.choose_file)
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)
        file_label = QLabel("F&ile:")
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, where)
        self.replace_box = QCheckBox("Replace the file if it exists")
        form.addRow("", self.replace_box)
        layout.addLayout(form)

        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.where_label.setAccessibleName("Where the file goes")
        layout.addWidget(self.where_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export messages")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # ---- choices -------------------------------------------------------------------------
    @property
    def file_format(self) -> str:
        return FORMATS[self.format_box.currentIndex()][0]

    @property
    def steps_as(self) -> StepsAs:
        return StepsAs.LAP if self.steps_lap.isChecked() else StepsAs.TIME

    def _format_changed(self) -> None:
        _code, _text, suffix, _filter = FORMATS[self.format_box.currentIndex()]
        fit = self.file_format == "fit"
        self.where_label.setText(WHERE_IT_GOES[self.file_format])
        self.steps_widget.setEnabled(fit and has_steps(self._template.items))
        current = self.path_edit.text().strip()
        if current:
            self.path_edit.setText(str(Path(current).with_suffix(suffix)))
        else:
            name = default_file_name(self._template.name, suffix)
            self.path_edit.setText(str(Path(self._folder) / name))

    def choose_file(self) -> None:
        _code, _text, suffix, name_filter = FORMATS[self.format_box.currentIndex()]
        dialog = QFileDialog(self, "Export for watch")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(suffix.lstrip("."))
        dialog.selectFile(self.path_edit.text())
        dialog.fileSelected.connect(self._file_chosen)
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        dialog.open()

    def _file_chosen(self, path: str) -> None:
        self.path_edit.setText(path)
        self.replace_box.setChecked(True)  # the file dialog asked about replacing it

    # ---- export --------------------------------------------------------------------------
    def export(self) -> bool:
        """Write the file; on a problem say it here and keep the dialog open. True when done."""
        path = self.path_edit.text().strip()
        if not path:
            self.message.setText("Choose the file to write.")
            return False
        if Path(path).exists() and not self.replace_box.isChecked():
            self.message.setText(
                f"{path} already exists. Tick \u201cReplace the file\u201d or choose another name."
            )
            return False
        try:
            self._exchange.export_workout(
                self._template, path, self.file_format, self._settings, self.steps_as
            )
        except (ExchangeRefused, OSError, ValueError) as error:
            self.message.setText(f"Nothing was exported: {error}")
            return False
        self.exported.emit(path)
        self.accept()
        return True
