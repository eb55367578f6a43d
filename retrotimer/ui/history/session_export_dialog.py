"""Export session: one recorded session as a FIT or TCX activity for a training log."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QDir, Signal
from PySide6.QtWidgets import (
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
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.history import HistorySession
from retrotimer.core.ports import ExchangeFiles, ExchangeRefused
from retrotimer.ui.history.history_texts import date_text

# (format, what the list says, suffix, file filter)
FORMATS = (
    ("fit", "FIT activity (Garmin Connect, Strava, intervals.icu)", ".fit", "FIT (*.fit)"),
    ("tcx", "TCX activity (Training Center XML)", ".tcx", "TCX (*.tcx)"),
)
WHAT_IT_HOLDS = (
    "One lap per segment, with its label, as you ran it; no GPS. Upload the file in your "
    "training log (Garmin Connect: Import Data; Strava: Upload activity; intervals.icu: "
    "Upload). A session that was stopped or interrupted exports what was recorded."
)


def default_file_name(session: HistorySession, suffix: str) -> str:
    entry = session.entry
    slug = re.sub(r"\W+", "-", entry.template_name.casefold()).strip("-_")[:40] or "session"
    return f"{slug}-{entry.session_id[:8]}{suffix}"


class SessionExportDialog(QDialog):
    """Signal: `exported(str)` with the path written."""

    exported = Signal(str)

    def __init__(
        self,
        session: HistorySession,
        exchange: ExchangeFiles,
        parent: QWidget | None = None,
        folder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export session")
        self.setAccessibleName("Export session")
        self._session = session
        self._exchange = exchange
        self._folder = folder or QDir.homePath()
        self.file_dialog: QFileDialog | None = None
        self._build()
        self._format_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        entry = self._session.entry
        laps = len(self._session.segments)
        title = QLabel(
            f"<b>{entry.template_name}</b>, {date_text(entry)}: {laps} "
            f"segment{'s' if laps != 1 else ''} recorded ({entry.status.value})"
        )
        title.setAccessibleName("Session")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        self.format_box = QComboBox()
        self.format_box.setAccessibleName("Format")
        for _code, text, _suffix, _filter in FORMATS:
            self.format_box.addItem(text)
        self.format_box.currentIndexChanged.connect(lambda _index: self._format_changed())
        form.addRow("&Format:", self.format_box)
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
        holds = QLabel(WHAT_IT_HOLDS)
        holds.setWordWrap(True)
        layout.addWidget(holds)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export messages")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @property
    def file_format(self) -> str:
        return FORMATS[self.format_box.currentIndex()][0]

    def _format_changed(self) -> None:
        suffix = FORMATS[self.format_box.currentIndex()][2]
        current = self.path_edit.text().strip()
        if current:
            self.path_edit.setText(str(Path(current).with_suffix(suffix)))
        else:
            name = default_file_name(self._session, suffix)
            self.path_edit.setText(str(Path(self._folder) / name))

    def choose_file(self) -> None:
        _code, _text, suffix, name_filter = FORMATS[self.format_box.currentIndex()]
        dialog = QFileDialog(self, "Export session")
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
            self._exchange.export_session(self._session, path, self.file_format)
        except (ExchangeRefused, OSError, ValueError) as error:
            self.message.setText(f"Nothing was exported: {error}")
            return False
        self.exported.emit(path)
        self.accept()
        return True
