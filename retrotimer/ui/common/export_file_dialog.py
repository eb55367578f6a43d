"""A dialog that writes one file: its format, where it goes, replacing it, and what went wrong."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from retrotimer.core.exchange.exchange_ports import ExchangeRefused

# (format, what the list says, suffix, file filter)
FormatRow = tuple[str, str, str, str]


class ExportFileDialog(QDialog):
    """Signal: `exported(str)` with the path written.

    A subclass builds its own widgets, hands them to `_lay_out`, reacts to a new format in
    `_format_chosen`; the file is written by the `write` it was given.
    """

    exported = Signal(str)

    def __init__(
        self,
        title: str,
        formats: Sequence[FormatRow],
        default_name: Callable[[str], str],
        write: Callable[[str, str], None],
        parent: QWidget | None = None,
        folder: str | None = None,
    ) -> None:
        """`write(path, format)` writes the file, raising ExchangeRefused, OSError or
        ValueError to refuse (said in the dialog, which then stays open)."""
        super().__init__(parent)
        self._write = write
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._title = title
        self._formats = tuple(formats)
        self._default_name = default_name  # the file name for a suffix, in the folder below
        self._folder = folder or QDir.homePath()
        self.file_dialog: QFileDialog | None = None
        self.format_box = QComboBox()
        self.format_box.setAccessibleName("Format")
        for _code, text, _suffix, _filter in self._formats:
            self.format_box.addItem(text)
        self.format_box.currentIndexChanged.connect(lambda _index: self._format_changed())
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File")
        self.replace_box = QCheckBox("Replace the file if it exists")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export messages")

    def _lay_out(
        self, heading: QWidget, notes: QWidget, rows: Sequence[tuple[str, QWidget]] = ()
    ) -> None:
        """Heading, the form (format, the subclass's `rows`, file, replace), notes, buttons."""
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        form = QFormLayout()
        form.addRow("&Format:", self.format_box)
        for label, widget in rows:
            form.addRow(label, widget)
        where = QHBoxLayout()
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.choose_file)
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)
        file_label = QLabel("F&ile:")
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, where)
        form.addRow("", self.replace_box)
        layout.addLayout(form)
        layout.addWidget(notes)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._format_changed()

    # ---- choices -------------------------------------------------------------------------
    @property
    def file_format(self) -> str:
        return self._formats[self.format_box.currentIndex()][0]

    def _format_chosen(self, file_format: str) -> None:
        """Hook: show what belongs to this format; the file's suffix is already taken care of."""

    def _format_changed(self) -> None:
        _code, _text, suffix, _filter = self._formats[self.format_box.currentIndex()]
        self._format_chosen(self.file_format)
        current = self.path_edit.text().strip()
        if current:
            self.path_edit.setText(str(Path(current).with_suffix(suffix)))
        else:
            self.path_edit.setText(str(Path(self._folder) / self._default_name(suffix)))

    def choose_file(self) -> None:
        _code, _text, suffix, name_filter = self._formats[self.format_box.currentIndex()]
        dialog = QFileDialog(self, self._title)
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
            self._write(path, self.file_format)
        except (ExchangeRefused, OSError, ValueError) as error:
            self.message.setText(f"Nothing was exported: {error}")
            return False
        self.exported.emit(path)
        self.accept()
        return True
