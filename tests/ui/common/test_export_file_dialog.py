"""The shared export dialog: format and suffix, the file dialog, and what stops a write."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from retrotimer.ui.common.export_file_dialog import ExportFileDialog, FormatRow

FORMATS: tuple[FormatRow, ...] = (
    ("txt", "Plain text", ".txt", "Text (*.txt)"),
    ("md", "Markdown", ".md", "Markdown (*.md)"),
)


class NoteExportDialog(ExportFileDialog):
    """Writes one line naming its format, so every path through the dialog writes for real."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            "Export note", FORMATS, lambda suffix: f"note{suffix}", self._note, folder=str(folder)
        )
        self.chosen: list[str] = []
        self._lay_out(QLabel("Note"), QLabel("Where it goes"))

    def _format_chosen(self, file_format: str) -> None:
        self.chosen.append(file_format)

    def _note(self, path: str, file_format: str) -> None:
        Path(path).write_text(f"a note as {file_format}\n", encoding="utf-8")


def make(qtbot: QtBot, folder: Path) -> NoteExportDialog:
    dialog = NoteExportDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_default_file_is_in_the_folder_and_a_new_format_keeps_the_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = make(qtbot, tmp_path)
    assert dialog.windowTitle() == "Export note" and dialog.chosen == ["txt"]
    assert dialog.path_edit.text() == str(tmp_path / "note.txt")
    dialog.path_edit.setText(str(tmp_path / "mine.txt"))
    dialog.format_box.setCurrentIndex(1)
    assert dialog.file_format == "md" and dialog.chosen == ["txt", "md"]
    assert dialog.path_edit.text() == str(tmp_path / "mine.md")


def test_export_writes_in_the_chosen_format_and_says_where(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make(qtbot, tmp_path)
    dialog.format_box.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.exported) as blocker:
        dialog.export_button.click()
    assert blocker.args == [str(tmp_path / "note.md")]
    assert (tmp_path / "note.md").read_text(encoding="utf-8") == "a note as md\n"
    assert not dialog.isVisible()


def test_an_empty_file_name_is_asked_for(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make(qtbot, tmp_path)
    dialog.path_edit.setText("  ")
    assert dialog.export() is False
    assert dialog.message.text() == "Choose the file to write." and dialog.isVisible()


def test_a_write_that_fails_is_told_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make(qtbot, tmp_path)
    target = tmp_path / "no such folder" / "note.txt"
    dialog.path_edit.setText(str(target))
    assert dialog.export() is False
    assert dialog.message.text().startswith("Nothing was exported: ")
    assert dialog.isVisible() and not target.exists()


def test_a_file_chosen_in_the_file_dialog_may_be_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make(qtbot, tmp_path)
    target = tmp_path / "chosen.txt"
    dialog.choose_file()
    file_dialog = dialog.file_dialog
    assert file_dialog is not None and file_dialog.windowTitle() == "Export note"
    assert file_dialog.nameFilters() == ["Text (*.txt)"] and file_dialog.defaultSuffix() == "txt"
    file_dialog.selectFile(str(target))
    file_dialog.accept()
    assert dialog.file_dialog is None
    # the file dialog is where replacing a file is asked, so the box follows its answer
    assert dialog.path_edit.text() == str(target) and dialog.replace_box.isChecked()
    assert dialog.export() is True
    assert target.read_text(encoding="utf-8") == "a note as txt\n"
