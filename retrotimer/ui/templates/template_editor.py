"""The template editor's behaviour: edits with undo, text kept in step, live validation."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from retrotimer.core.session.plan import compile_plan
from retrotimer.core.templates.library import NameTaken, name_key
from retrotimer.core.templates.template_edits import (
    EditError,
    ItemPath,
    children,
    duplicate_items,
    insert_items,
    move_items,
    remove_items,
    wrap_in_repeat,
)
from retrotimer.core.templates.text_rules import normal_name
from retrotimer.core.templates.validation import (
    Problem,
    Severity,
    TemplateReading,
    validate_template,
)
from retrotimer.core.value import replace
from retrotimer.ui.common.formatting import counted, total_clock_text
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.templates.segment_model import COLUMNS, new_segment
from retrotimer.ui.templates.template_editor_layout import TemplateEditorLayout
from retrotimer.ui.templates.template_undo import TemplateChange

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.settings import Settings

# Consecutive typing in one field is one undo step.
MERGE_NAME, MERGE_DESCRIPTION, MERGE_TEXT = 1, 2, 3
DEFAULT_REPEAT = 2


def name_taken(name: str, existing: str) -> Problem:
    """The problem Save would refuse the name with (NameTaken), for the live check; a name
    that differs only in case says which template has it."""
    name = normal_name(name)
    message = str(NameTaken(name))
    if name != existing:
        message = (
            f'The name "{name}" is taken by "{existing}": names are the same whatever their '
            "case; choose another."
        )
    return Problem(Severity.ERROR, message, field="name")


class TemplateEditor(TemplateEditorLayout):
    """Edits one template. Signals: `save_requested(Template)`; `dirty_changed(bool)`."""

    save_requested = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self._settings = settings
        self._saved = self.model.template
        self._template = self._saved
        self._read_only = False
        self._new = False
        self._was_dirty = False
        # The text tab's reading while it does not give a usable template (None: in step).
        self._text_reading: TemplateReading | None = None
        self._problems: list[Problem] = []
        self._taken: dict[str, str] = {}  # the library's other templates, by name key
        self._connect()
        self._show(self._template, [])

    def _connect(self) -> None:
        self.undo_stack.cleanChanged.connect(lambda _clean: self._update_state())
        self.model.edited.connect(self._cell_edited)
        self.model.moved.connect(lambda after, text, paths: self._change(after, text, paths))
        self.name_edit.textEdited.connect(self._name_edited)
        self.venue_box.activated.connect(self._venue_chosen)
        # Set from the template with its signals blocked, so this hears only typing.
        self.description_edit.textChanged.connect(
            lambda: self._description_edited(self.description_edit.toPlainText())
        )
        handlers = {
            "add": self.add_segment,
            "remove": self.remove_selected,
            "duplicate": self.duplicate_selected,
            "wrap": lambda: self.wrap_selected(),
            "up": lambda: self.move_selected(-1),
            "down": lambda: self.move_selected(1),
        }
        for name, handler in handlers.items():
            self.edit_actions[name].triggered.connect(handler)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        self.text_view.read.connect(self._text_read)
        self.problems.chosen.connect(self.go_to_problem)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self._save_clicked)

    # ---- loading and state -------------------------------------------------------------------
    def load(self, template: Template, *, read_only: bool = False, new: bool = False) -> None:
        """Start editing `template`; the undo history starts afresh. A `new` template counts
        as unsaved from the start."""
        self._new = new
        self._saved = template
        self._read_only = read_only
        self.model.set_read_only(read_only)
        self.text_view.setReadOnly(read_only)
        self.undo_stack.clear()
        self._show(template, [])

    @property
    def template(self) -> Template:
        return self._template

    @property
    def saved_template(self) -> Template:
        return self._saved

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def is_dirty(self) -> bool:
        """Changed since saved, or text typed that does not make a template yet."""
        return self._new or self._template != self._saved or self._text_reading is not None

    @property
    def problem_list(self) -> list[Problem]:
        return list(self._problems)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self._problems)

    def mark_saved(self, template: Template) -> None:
        """The template was saved as shown (perhaps under a cleaned-up name)."""
        self._new = False
        self._saved = template
        if template != self._template:
            self._show(template, [])
        self.undo_stack.setClean()
        self._update_state()

    def set_taken_names(self, names: Iterable[str]) -> None:
        """The names of the library's other templates: the live check says as Save would
        that a name is taken, whatever its case."""
        self._taken = {name_key(name): name for name in names}
        self._update_problems()

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings
        self.text_view.set_settings(settings)
        self.preview.set_colours(run_colours(settings.theme))
        self._update_preview()
        self._update_problems()

    # ---- edits ---------------------------------------------------------------------------------
    def _change(
        self,
        after: Template,
        text: str,
        select: list[ItemPath] | None = None,
        *,
        applied: bool = False,
        merge_id: int = -1,
        from_text: bool = False,
    ) -> None:
        if after == self._template or self._read_only:
            return
        command = TemplateChange(
            self._show,
            self._template,
            after,
            text,
            applied=applied or from_text,
            merge_id=merge_id,
            select=select,
        )
        if from_text:
            # Shown at once and without rewriting the text the user is typing.
            self._template = after
            self.model.set_template(after)
            self.tree.expandAll()
            self._after_change(from_text=True)
        elif applied:
            self._template = after
            self._after_change()
        self.undo_stack.push(command)

    def _text_read(self, reading: TemplateReading) -> None:
        if reading.ok and reading.template is not None:
            self._text_reading = None
            if reading.template == self._template:
                self._update_problems()
                self._update_state()
            else:
                self._change(reading.template, "Edit text", merge_id=MERGE_TEXT, from_text=True)
            return
        self._text_reading = reading
        self._update_problems()
        self._update_state()

    def go_to_problem(self, problem: Problem) -> None:
        """Show where a problem is: the text at its line, or its row of the table."""
        if problem.line is not None and self._text_reading is not None:
            self.tabs.setCurrentWidget(self.text_view)
            self.text_view.go_to(problem.line, problem.column or 1)
        elif problem.path:
            self.tabs.setCurrentWidget(self.tree)
            self.select_paths([problem.path])
            self.tree.setFocus()
        elif problem.field == "name":
            self.name_edit.setFocus()

    def _cell_edited(self, after: Template, text: str) -> None:
        self._change(after, text, applied=True)

    def _name_edited(self, text: str) -> None:
        self._change(replace(self._template, name=text), "Rename", merge_id=MERGE_NAME)

    def _description_edited(self, text: str) -> None:
        after = replace(self._template, description=text)
        self._change(after, "Change description", merge_id=MERGE_DESCRIPTION)

    def _venue_chosen(self, index: int) -> None:
        venue = self.venue_box.itemData(index)
        self._change(replace(self._template, venue=venue), "Change venue")

    def selected_paths(self) -> list[ItemPath]:
        rows = self.tree.selectionModel().selectedRows(0)
        return sorted(self.model.path_of(index) for index in rows)

    def select_paths(self, paths: list[ItemPath]) -> None:
        selection = self.tree.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for path in paths:
            index = self.model.index_of(path)
            if index.isValid():
                selection.select(index, flags)
        if paths:
            current = self.model.index_of(paths[-1])
            selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.tree.scrollTo(current)

    def add_segment(self) -> None:
        paths = self.selected_paths()
        place = (*paths[-1][:-1], paths[-1][-1] + 1) if paths else (len(self._template.items),)
        after = insert_items(self._template, place, [new_segment()])
        self._change(after, "Add segment", [place])

    def remove_selected(self) -> None:
        paths = self.selected_paths()
        if paths:
            self._change(remove_items(self._template, paths), "Remove")

    def duplicate_selected(self) -> None:
        paths = self.selected_paths()
        if paths:
            after, copies = duplicate_items(self._template, paths)
            self._change(after, "Duplicate", copies)

    def wrap_selected(self, count: int | None = None) -> None:
        paths = self.selected_paths()
        if not paths:
            return
        if count is None:
            count, accepted = QInputDialog.getInt(
                self,
                "Wrap in a repeat",
                "Repeat the selection how many times?",
                DEFAULT_REPEAT,
                1,
                100,
            )
            if not accepted:
                return
        try:
            after, place = wrap_in_repeat(self._template, paths, count)
        except EditError as error:
            self.totals.setText(str(error).capitalize())
            return
        self._change(after, "Wrap in repeat", [place])

    def move_selected(self, offset: int) -> None:
        """Alt+Up and Alt+Down: the keyboard's drag and drop, within the block."""
        paths = self.selected_paths()
        if not paths or len({path[:-1] for path in paths}) != 1:
            return
        parent = paths[0][:-1]
        row = paths[0][-1] - 1 if offset < 0 else paths[-1][-1] + 2
        if not 0 <= row <= len(children(self._template.items, parent)):
            return
        after, moved = move_items(self._template, paths, parent, row)
        self._change(after, "Move", moved)

    def revert(self) -> None:
        if self._template != self._saved:
            self._change(self._saved, "Revert")
        elif self._text_reading is not None:
            self._after_change()  # the text back as the template is

    def _save_clicked(self) -> None:
        if self.save_button.isEnabled():
            self.save_requested.emit(self._template)

    # ---- showing ------------------------------------------------------------------------------
    def _show(self, template: Template, select: list[ItemPath]) -> None:
        self._template = template
        self.model.set_template(template)
        self.tree.expandAll()
        if select:
            self.select_paths(select)
        self._after_change()

    def _after_change(self, *, from_text: bool = False) -> None:
        template = self._template
        if not from_text:
            self._text_reading = None
            self.text_view.show_template(template)
        if self.name_edit.text() != template.name:
            self.name_edit.setText(template.name)
        if self.description_edit.toPlainText() != template.description:
            with QSignalBlocker(self.description_edit):
                self.description_edit.setPlainText(template.description)
        self.venue_box.setCurrentIndex(max(0, self.venue_box.findData(template.venue)))
        self._update_preview()
        self._update_problems()
        self._update_state()

    def _update_problems(self) -> None:
        if self._text_reading is not None:
            problems = list(self._text_reading.problems)
        else:
            problems = validate_template(self._template, self._settings)
            existing = self._taken.get(name_key(self._template.name))
            if existing is not None:
                problems.insert(0, name_taken(self._template.name, existing))
        self._problems = problems
        self.problems.show_problems(problems)
        self.model.set_problems(
            {problem.path: problem.sentence() for problem in problems if problem.path}
            if self._text_reading is None
            else {}
        )
        errors = sum(problem.is_error for problem in problems)
        if self._text_reading is not None:
            self.status.setText(
                "The text has errors: the table shows the last version that worked. "
                "Fix the text, or undo, to go on."
            )
        elif errors:
            self.status.setText(f"{errors} error{'s' if errors > 1 else ''} to fix before saving.")
        else:
            self.status.setText("No problems found.")

    def _update_preview(self) -> None:
        try:
            plan = compile_plan(self._template, self._settings)
        except (ValueError, ZeroDivisionError):
            self.preview.set_plan(None)
            self.totals.setText("")
            return
        self.preview.set_plan(plan)
        self.totals.setText(
            f"Total {total_clock_text(plan.total_s)}  ·  "
            f"backward {total_clock_text(plan.backward_s)}  ·  "
            f"{counted(plan.backward_steps, 'backward step')}  ·  "
            f"{counted(len(plan.segments), 'segment')}"
        )

    def _update_state(self) -> None:
        # While the text cannot be read, the table waits: edits there would overwrite it.
        editable = not self._read_only and self._text_reading is None
        self.model.set_read_only(not editable)
        selected = bool(self.tree.selectionModel().selectedRows(0)) if editable else False
        for name in ("remove", "duplicate", "wrap", "up", "down"):
            self.edit_actions[name].setEnabled(selected)
            self.tool_buttons[name].setEnabled(selected)
        self.edit_actions["add"].setEnabled(editable)
        self.tool_buttons["add"].setEnabled(editable)
        self.name_edit.setReadOnly(not editable)
        self.description_edit.setReadOnly(not editable)
        self.venue_box.setEnabled(editable)
        self.read_only_note.setVisible(self._read_only)
        dirty = self.is_dirty
        self.save_button.setEnabled(dirty and editable and not self.has_errors)
        self.revert_button.setEnabled(dirty and not self._read_only)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    @property
    def columns(self) -> tuple[str, ...]:
        return COLUMNS
