"""The Templates screen: the library (built-in and user), the editor, import and export."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.model import Length, Segment, SegmentKind, Template
from retrotimer.core.templates.library import (
    ImportedTemplate,
    LibraryEntry,
    LibraryError,
    TemplateOrigin,
    TrashedTemplate,
    free_name,
    same_name,
)
from retrotimer.core.templates.template_formats import TemplateFormat
from retrotimer.core.templates.validation import TemplateError
from retrotimer.ui.common.actions import text_action
from retrotimer.ui.common.modal import Choice, ask_to_save
from retrotimer.ui.common.scroll_body import ScrollBody
from retrotimer.ui.templates.foreign_import import import_foreign
from retrotimer.ui.templates.template_editor import TemplateEditor
from retrotimer.ui.templates.watch_export_dialog import WatchExportDialog

if TYPE_CHECKING:
    from retrotimer.core.exchange.exchange_ports import OtherToolFiles
    from retrotimer.core.ports import TemplateRepository
    from retrotimer.core.settings import Settings

T = TypeVar("T")

ENTRY_ROLE = Qt.ItemDataRole.UserRole
FILE_FILTERS = {
    TemplateFormat.TOML: "RetroTimer template (*.toml)",
    TemplateFormat.TEXT: "Text syntax (*.txt)",
}
MESSAGE_LINES = 5
FOREIGN_FILTER = (
    "Workouts from other tools: FIT, TCX, Zwift, intervals.icu (*.fit *.tcx *.zwo *.txt)"
)


def entry_text(entry: LibraryEntry) -> str:
    if entry.template is None:
        return f"{entry.name}  (cannot be read)"
    return f"{entry.name}  (built-in)" if entry.read_only else entry.name


class TemplatesScreen(QWidget):
    """Signals: `templates_changed()` after the library changed; `run_requested(str)`."""

    templates_changed = Signal()
    run_requested = Signal(str)

    def __init__(
        self,
        library: TemplateRepository,
        settings: Settings,
        parent: QWidget | None = None,
        exchange: OtherToolFiles | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Templates screen")
        self._library = library
        self._settings = settings
        self._exchange = exchange
        self.watch_dialog: WatchExportDialog | None = None
        self._loaded: LibraryEntry | None = None
        self._original_name: str | None = None  # the user template the editor saves over
        self.last_deleted: TrashedTemplate | None = None
        self.question: QMessageBox | None = None
        self.error_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.editor = TemplateEditor(settings)
        self._build()
        self.editor.save_requested.connect(self.save)
        self.editor.dirty_changed.connect(lambda _dirty: self._update_buttons())
        self.refresh()

    # ---- building -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QHBoxLayout(self)
        splitter = QSplitter()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Library:")
        self.list = QListWidget()
        self.list.setAccessibleName("Template library")
        label.setBuddy(self.list)
        self.list.currentItemChanged.connect(self._current_changed)
        column.addWidget(label)
        column.addWidget(self.list, 1)
        # Above the buttons, so that a message of any length never moves them: the list gives
        # up the height, up to a few lines; a longer message scrolls.
        self.message = QLabel()
        self.message.setAccessibleName("Library messages")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_area = ScrollBody(self.message)
        # Whole lines: a sliver of the next line under the last one looks like a fault.
        self.message_area.setMaximumHeight(MESSAGE_LINES * self.message.fontMetrics().lineSpacing())
        self.message_area.hide()
        column.addWidget(self.message_area)
        self.buttons: dict[str, QPushButton] = {}
        rows = (
            (("new", "&New", self.new_template), ("duplicate", "Du&plicate", self.duplicate)),
            (("delete", "De&lete", self.delete), ("undo_delete", "Undo de&lete", self.undo_delete)),
            (
                ("import", "&Import…", self.choose_import),
                ("export", "E&xport…", self.choose_export),
            ),
            (
                ("run", "Run &this template", self.run_current),
                ("watch", "Export for &watch…", self.open_watch_export),
            ),
        )
        for row in rows:
            line = QHBoxLayout()
            for name, text, handler in row:
                button = QPushButton(text)
                button.setAccessibleName(text.replace("&", "").rstrip("…"))
                button.clicked.connect(handler)
                line.addWidget(button)
                self.buttons[name] = button
            column.addLayout(line)
        delete_key = text_action("Delete template", self.list)
        delete_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.triggered.connect(self.delete)
        self.list.addAction(delete_key)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout.addWidget(splitter)

    # ---- the list ----------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Read the library again; keep (or move to) the selection."""
        wanted = select or (self._loaded.name if self._loaded else None)
        entries = self._library.entries()
        self.list.blockSignals(True)
        self.list.clear()
        for entry in entries:
            item = QListWidgetItem(entry_text(entry))
            item.setData(ENTRY_ROLE, entry)
            if entry.problems:
                item.setToolTip("\n".join(problem.sentence() for problem in entry.problems))
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [entry.name.casefold() for entry in entries]
        row = names.index(wanted.casefold()) if wanted and wanted.casefold() in names else 0
        if entries and (self._loaded is None or select is not None or not self.editor.is_dirty):
            self.list.setCurrentRow(row)
            self._load(entries[row])
        self._update_buttons()

    def entries(self) -> list[LibraryEntry]:
        return [self.list.item(row).data(ENTRY_ROLE) for row in range(self.list.count())]

    def select(self, name: str) -> None:
        for row, entry in enumerate(self.entries()):
            if entry.name.casefold() == name.casefold():
                self.list.setCurrentRow(row)
                return

    def _current_changed(self, current: QListWidgetItem | None, _: object) -> None:
        if current is None:
            return
        entry: LibraryEntry = current.data(ENTRY_ROLE)
        if self._loaded is not None and entry.name == self._loaded.name:
            return
        if self.editor.is_dirty:
            self._restore_selection()
            self._ask_to_leave(entry)
            return
        self._load(entry)

    def _restore_selection(self) -> None:
        self.list.blockSignals(True)
        for row, entry in enumerate(self.entries()):
            if self._loaded is not None and entry.name == self._loaded.name:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def _ask_to_leave(self, entry: LibraryEntry) -> None:
        def answered(choice: Choice) -> None:
            self.question = None
            if choice == Choice.Save and not self.save(self.editor.template):
                return
            if choice in (Choice.Save, Choice.Discard):
                self._load(entry)
                self.select(entry.name)

        self.question = ask_to_save(
            self,
            "Unsaved changes",
            f"Save the changes to \u201c{self.editor.template.name}\u201d first?",
            answered,
        )

    def _load(self, entry: LibraryEntry) -> None:
        self._loaded = entry
        if entry.template is None:
            self._original_name = None
            self.editor.setEnabled(False)
            self.tell(
                f"{entry.location} cannot be read: "
                + " ".join(problem.sentence() for problem in entry.problems)
            )
        else:
            self.editor.setEnabled(True)
            self._original_name = None if entry.read_only else entry.name
            self.editor.load(entry.template, read_only=entry.read_only)
            self._tell_taken_names()
            self.tell("")
        self._update_buttons()

    @property
    def loaded(self) -> LibraryEntry | None:
        return self._loaded

    def _tell_taken_names(self) -> None:
        """The names the editor's template may not take: every other one in the library."""
        own = self._loaded.name if self._loaded is not None else None
        self.editor.set_taken_names(
            entry.name for entry in self.entries() if own is None or not same_name(entry.name, own)
        )

    def _update_buttons(self) -> None:
        entry = self._loaded
        usable = entry is not None and entry.template is not None
        self.buttons["duplicate"].setEnabled(usable)
        self.buttons["delete"].setEnabled(entry is not None and not entry.read_only)
        self.buttons["export"].setEnabled(usable)
        self.buttons["watch"].setEnabled(usable and self._exchange is not None)
        self.buttons["run"].setEnabled(usable and not self.editor.is_dirty)
        self.buttons["undo_delete"].setEnabled(self.last_deleted is not None)

    def tell(self, text: str) -> None:
        self.message.setText(text)
        self.message_area.setVisible(bool(text))

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings
        self.editor.set_settings(settings)

    # ---- library operations ------------------------------------------------------------------
    def _report(self, error: Exception) -> None:
        """Say what went wrong, beside the list and in a box; nothing in the editor is lost."""
        self.tell(str(error))
        box = QMessageBox(QMessageBox.Icon.Warning, "Templates", str(error), parent=self)
        box.setAccessibleName("Template problem")
        box.finished.connect(lambda _result: setattr(self, "error_box", None))
        self.error_box = box
        box.open()

    def _attempt(self, change: Callable[[], T]) -> T | None:
        """Run a change of the library; when it fails, say why (nothing else changes)."""
        try:
            return change()
        except (LibraryError, TemplateError, OSError) as error:
            self._report(error)
            return None

    def _changed(self, message: str, select: str | None = None) -> None:
        """After a change of the library: the list read again, what to show, what happened."""
        self._loaded = None
        self.refresh(select=select)
        self.tell(message)
        self.templates_changed.emit()

    def save(self, template: Template) -> bool:
        """Save the editor's template (renaming the one it was loaded as); True when saved."""

        def saving() -> bool:
            self._library.save(template, replacing=self._original_name)
            return True

        if self._attempt(saving) is None:
            return False
        self._original_name = template.name
        self.editor.mark_saved(template)
        self._changed(f"Saved \u201c{template.name}\u201d.", select=template.name)
        return True

    def new_template(self) -> None:
        if self.editor.is_dirty:
            self.tell("Save or revert the changes first.")
            return
        taken = {entry.name.casefold() for entry in self.entries()}
        template = Template(
            free_name("New template", taken),
            (Segment(SegmentKind.WARMUP, Length.minutes(5)),),
            "",
        )
        self._loaded = LibraryEntry(template.name, TemplateOrigin.USER, template)
        self._original_name = None
        self.list.clearSelection()
        self.editor.setEnabled(True)
        self.editor.load(template, new=True)
        self._tell_taken_names()
        self.editor.name_edit.setFocus()
        self.editor.name_edit.selectAll()
        self._update_buttons()

    def duplicate(self) -> None:
        entry = self._loaded
        if entry is None or entry.template is None:
            return
        copy = self._attempt(lambda: self._library.duplicate(entry.name))
        if copy is not None:
            self._changed(f"Made \u201c{copy.name}\u201d: your own copy to change.", copy.name)

    def delete(self) -> None:
        entry = self._loaded
        if entry is None or entry.read_only or self._original_name is None:
            return
        trashed = self._attempt(lambda: self._library.delete(entry.name))
        if trashed is not None:
            self.last_deleted = trashed
            self._changed(
                f"Moved \u201c{entry.name}\u201d to the trash. Undo delete brings it back."
            )

    def undo_delete(self) -> None:
        trashed = self.last_deleted
        if trashed is None:
            return
        name = self._attempt(lambda: self._library.restore(trashed.trash_id))
        if name is not None:
            self.last_deleted = None
            self._changed(f"Brought back \u201c{name}\u201d.", name)

    def run_current(self) -> None:
        if self._loaded is not None and self._loaded.template is not None:
            self.run_requested.emit(self._loaded.name)

    # ---- files ---------------------------------------------------------------------------------
    def _file_dialog(self, title: str, saving: bool) -> QFileDialog:
        dialog = QFileDialog(self, title)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(
            QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen
        )
        if saving:
            dialog.setNameFilters([*FILE_FILTERS.values(), "All files (*)"])
        else:
            # Opened on every file it can read: a text or FIT file must not look missing.
            foreign = [FOREIGN_FILTER] if self._exchange is not None else []
            readable = "*.toml *.txt" + (" *.fit *.tcx *.zwo" if self._exchange is not None else "")
            everything = f"Templates and workouts ({readable})"
            dialog.setNameFilters([everything, *FILE_FILTERS.values(), *foreign, "All files (*)"])
        dialog.setAccessibleName(title)
        dialog.finished.connect(lambda _result: setattr(self, "file_dialog", None))
        self.file_dialog = dialog
        return dialog

    def choose_import(self) -> None:
        dialog = self._file_dialog("Import a template", saving=False)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        dialog.open()

    def choose_export(self) -> None:
        entry = self._loaded
        if entry is None or entry.template is None:
            return
        dialog = self._file_dialog("Export the template", saving=True)
        dialog.selectFile(entry.name + ".toml")
        dialog.fileSelected.connect(
            lambda path: self.export_file(
                path,
                TemplateFormat.TEXT
                if dialog.selectedNameFilter() == FILE_FILTERS[TemplateFormat.TEXT]
                or path.lower().endswith(".txt")
                else TemplateFormat.TOML,
            )
        )
        dialog.open()

    def _import(self, path: str) -> tuple[ImportedTemplate, str]:
        """The template imported from `path` (another tool's workout, or ours), and warnings."""
        foreign = import_foreign(self._exchange, self._library, path)
        if foreign is not None:
            return foreign.imported, foreign.warnings
        return self._library.import_file(path), ""

    def import_file(self, path: str) -> None:
        outcome = self._attempt(lambda: self._import(path))
        if outcome is None:
            return
        imported, warnings = outcome
        note = (
            f" (as \u201c{imported.name}\u201d: \u201c{imported.requested_name}\u201d was taken)"
            if imported.renamed
            else ""
        )
        warned = f" {warnings}" if warnings else ""
        self._changed(f"Imported \u201c{imported.name}\u201d{note}.{warned}", imported.name)

    def export_file(self, path: str, template_format: TemplateFormat) -> None:
        """Export the selected template; the file dialog has already asked about overwriting."""
        entry = self._loaded
        if entry is None or entry.template is None:
            return

        def exporting() -> bool:
            self._library.export_file(entry.name, path, template_format, overwrite=True)
            return True

        if self._attempt(exporting) is not None:
            self.tell(f"Exported \u201c{entry.name}\u201d to {path}.")

    def open_watch_export(self) -> None:
        """The Export for watch dialog for the selected template."""
        entry = self._loaded
        if entry is None or entry.template is None or self._exchange is None:
            return
        dialog = WatchExportDialog(entry.template, self._exchange, self._settings, self)
        dialog.exported.connect(
            lambda path: self.tell(f"Exported \u201c{entry.name}\u201d for a watch to {path}.")
        )
        dialog.finished.connect(lambda _result: setattr(self, "watch_dialog", None))
        self.watch_dialog = dialog
        dialog.open()
