"""The template editor: name and venue, the segments table, a plan preview, undo and redo."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.model import Template, Venue
from retrotimer.core.plan import compile_plan
from retrotimer.core.settings import Settings
from retrotimer.core.template_edits import (
    EditError,
    ItemPath,
    children,
    duplicate_items,
    insert_items,
    move_items,
    remove_items,
    wrap_in_repeat,
)
from retrotimer.ui.run_texts import clock_text
from retrotimer.ui.segment_delegate import SegmentDelegate
from retrotimer.ui.segment_model import COLUMNS, SegmentModel, new_segment
from retrotimer.ui.template_undo import TemplateChange
from retrotimer.ui.theme import run_colours
from retrotimer.ui.timeline_bar import TimelineBar

VENUES = (
    (Venue.TRACK, "Track or open ground"),
    (Venue.TREADMILL, "Treadmill"),
    (Venue.ANY, "Anywhere"),
)
MERGE_NAME, MERGE_DESCRIPTION = 1, 2
DEFAULT_REPEAT = 2


class TemplateEditor(QWidget):
    """Edits one template. Signals: `save_requested(Template)`; `dirty_changed(bool)`."""

    save_requested = Signal(object)
    dirty_changed = Signal(bool)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Template editor")
        self._settings = settings
        self._saved = Template("New template", (new_segment(),))
        self._template = self._saved
        self._read_only = False
        self._was_dirty = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(lambda _clean: self._update_state())
        self.model = SegmentModel(self._template, self)
        self.model.edited.connect(self._cell_edited)
        self.model.moved.connect(lambda after, text, paths: self._change(after, text, paths))
        self._build()
        self._show(self._template, [])

    # ---- building ----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Template name")
        self.name_edit.textEdited.connect(self._name_edited)
        self.venue_box = QComboBox()
        self.venue_box.setAccessibleName("Venue")
        for venue, text in VENUES:
            self.venue_box.addItem(text, venue)
        self.venue_box.activated.connect(self._venue_chosen)
        self.description_edit = QLineEdit()
        self.description_edit.setAccessibleName("Description")
        self.description_edit.setPlaceholderText("Who it is for, what it builds")
        self.description_edit.textEdited.connect(self._description_edited)
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Venue:", self.venue_box)
        form.addRow("&Description:", self.description_edit)
        layout.addLayout(form)
        self.read_only_note = QLabel(
            "Built-in templates cannot be changed: use Duplicate to make your own version."
        )
        self.read_only_note.setWordWrap(True)
        layout.addWidget(self.read_only_note)

        tools = QHBoxLayout()
        self.edit_actions: dict[str, QAction] = {}
        self.tool_buttons: dict[str, QPushButton] = {}
        for name, text, keys, handler in (
            ("add", "&Add segment", "Ctrl+Return", self.add_segment),
            ("remove", "&Remove", "Delete", self.remove_selected),
            ("duplicate", "D&uplicate", "Ctrl+D", self.duplicate_selected),
            ("wrap", "&Wrap in repeat…", "Ctrl+R", self.wrap_selected),
            ("up", "Move u&p", "Alt+Up", lambda: self.move_selected(-1)),
            ("down", "Move do&wn", "Alt+Down", lambda: self.move_selected(1)),
        ):
            self._tool(tools, name, text, keys, handler)
        tools.addStretch(1)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")]
        )
        for name, action, can_change in (
            ("undo", self.undo_action, self.undo_stack.canUndoChanged),
            ("redo", self.redo_action, self.undo_stack.canRedoChanged),
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QPushButton(name.capitalize())
            button.setAccessibleName(name.capitalize())
            button.clicked.connect(action.trigger)
            button.setEnabled(False)
            can_change.connect(button.setEnabled)
            tools.addWidget(button)
            self.edit_actions[name] = action
            self.tool_buttons[name] = button
        layout.addLayout(tools)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Editor views")
        self.tree = QTreeView()
        self.tree.setAccessibleName("Segments")
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(SegmentDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 190)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        self.tabs.addTab(self.tree, "&Segments")
        layout.addWidget(self.tabs, 1)

        self.preview = TimelineBar(run_colours(self._settings.theme))
        self.preview.setAccessibleName("Plan preview")
        self.totals = QLabel()
        self.totals.setAccessibleName("Plan totals")
        layout.addWidget(self.preview)
        layout.addWidget(self.totals)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.setAccessibleName("Revert to the saved template")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save template")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self._save_clicked)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def _tool(
        self, row: QHBoxLayout, name: str, text: str, keys: str, handler: Callable[[], None]
    ) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(handler)
        self.addAction(action)
        button = QPushButton(text)
        plain = text.replace("&", "").rstrip("…")
        button.setAccessibleName(plain)
        button.setToolTip(f"{plain} ({QKeySequence(keys).toString()})")
        button.clicked.connect(handler)
        row.addWidget(button)
        self.edit_actions[name] = action
        self.tool_buttons[name] = button

    # ---- loading and state -------------------------------------------------------------------
    def load(self, template: Template, *, read_only: bool = False) -> None:
        """Start editing `template`; the undo history starts afresh."""
        self._saved = template
        self._read_only = read_only
        self.model.set_read_only(read_only)
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
        return self._template != self._saved

    def mark_saved(self, template: Template) -> None:
        """The template was saved as shown (perhaps under a cleaned-up name)."""
        self._saved = template
        if template != self._template:
            self._show(template, [])
        self.undo_stack.setClean()
        self._update_state()

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings
        self.preview.set_colours(run_colours(settings.theme))
        self._update_preview()

    # ---- edits ---------------------------------------------------------------------------------
    def _change(
        self,
        after: Template,
        text: str,
        select: list[ItemPath] | None = None,
        *,
        applied: bool = False,
        merge_id: int = -1,
    ) -> None:
        if after == self._template or self._read_only:
            return
        command = TemplateChange(
            self._show,
            self._template,
            after,
            text,
            applied=applied,
            merge_id=merge_id,
            select=select,
        )
        if applied:
            self._template = after
            self._after_change()
        self.undo_stack.push(command)

    def _cell_edited(self, after: Template, text: str) -> None:
        self._change(after, text, applied=True)

    def _name_edited(self, text: str) -> None:
        self._change(dataclasses.replace(self._template, name=text), "Rename", merge_id=MERGE_NAME)

    def _description_edited(self, text: str) -> None:
        after = dataclasses.replace(self._template, description=text)
        self._change(after, "Change description", merge_id=MERGE_DESCRIPTION)

    def _venue_chosen(self, index: int) -> None:
        venue = self.venue_box.itemData(index)
        self._change(dataclasses.replace(self._template, venue=venue), "Change venue")

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
        if self.is_dirty:
            self._change(self._saved, "Revert")

    def _save_clicked(self) -> None:
        if self.is_dirty and not self._read_only:
            self.save_requested.emit(self._template)

    # ---- showing ------------------------------------------------------------------------------
    def _show(self, template: Template, select: list[ItemPath]) -> None:
        self._template = template
        self.model.set_template(template)
        self.tree.expandAll()
        if select:
            self.select_paths(select)
        self._after_change()

    def _after_change(self) -> None:
        template = self._template
        for field, value in (
            (self.name_edit, template.name),
            (self.description_edit, template.description),
        ):
            if field.text() != value:
                field.setText(value)
        self.venue_box.setCurrentIndex(max(0, self.venue_box.findData(template.venue)))
        self._update_preview()
        self._update_state()

    def _update_preview(self) -> None:
        try:
            plan = compile_plan(self._template, self._settings)
        except (ValueError, ZeroDivisionError):
            self.preview.set_plan(None)
            self.totals.setText("")
            return
        self.preview.set_plan(plan)
        self.totals.setText(
            f"Total {clock_text(plan.total_s)}  ·  backward {clock_text(plan.backward_s)}  ·  "
            f"{plan.backward_steps} backward steps  ·  {len(plan.segments)} segments"
        )

    def _update_state(self) -> None:
        editable = not self._read_only
        selected = bool(self.tree.selectionModel().selectedRows(0)) if editable else False
        for name in ("remove", "duplicate", "wrap", "up", "down"):
            self.edit_actions[name].setEnabled(selected)
            self.tool_buttons[name].setEnabled(selected)
        self.edit_actions["add"].setEnabled(editable)
        self.tool_buttons["add"].setEnabled(editable)
        for field in (self.name_edit, self.description_edit):
            field.setReadOnly(not editable)
        self.venue_box.setEnabled(editable)
        self.read_only_note.setVisible(self._read_only)
        dirty = self.is_dirty
        self.save_button.setEnabled(dirty and editable)
        self.revert_button.setEnabled(dirty and editable)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    @property
    def columns(self) -> tuple[str, ...]:
        return COLUMNS
