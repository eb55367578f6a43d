"""The template editor's widgets: fields, tool buttons, segments tree, text tab, preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.model import Template, Venue
from retrotimer.ui.common.actions import text_action
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.common.timeline_bar import TimelineBar
from retrotimer.ui.templates.problem_list import ProblemList
from retrotimer.ui.templates.segment_delegate import SegmentDelegate
from retrotimer.ui.templates.segment_model import KIND, LABEL, SegmentModel, new_segment
from retrotimer.ui.templates.segment_tree import SegmentTree
from retrotimer.ui.templates.template_text import TemplateTextView

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings

DESCRIPTION_LINES = 3
VENUES = (
    (Venue.TRACK, "Track or open ground"),
    (Venue.TREADMILL, "Treadmill"),
    (Venue.ANY, "Anywhere"),
)
# Structural edits: name, button text, key. Alt+Up/Down are the keyboard's drag and drop.
TOOLS = (
    ("add", "&Add segment", "Ctrl+Return"),
    ("remove", "&Remove", "Delete"),
    ("duplicate", "D&uplicate", "Ctrl+D"),
    ("wrap", "&Wrap in repeat…", "Ctrl+R"),
    ("up", "Move u&p", "Alt+Up"),
    ("down", "Move d&own", "Alt+Down"),
)


class TemplateEditorLayout(QWidget):
    """The widgets; TemplateEditor connects them to what they do."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Template editor")
        self.undo_stack = QUndoStack(self)
        self.model = SegmentModel(Template("New template", (new_segment(),)), self)
        self._build(settings)

    def _build(self, settings: Settings) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Template name")
        self.venue_box = QComboBox()
        self.venue_box.setAccessibleName("Venue")
        for venue, text in VENUES:
            self.venue_box.addItem(text, venue)
        # A few lines: a description says who a template is for and what it builds.
        self.description_edit = QPlainTextEdit()
        self.description_edit.setAccessibleName("Description")
        self.description_edit.setPlaceholderText("Who it is for, what it builds")
        self.description_edit.setTabChangesFocus(True)
        lines = self.description_edit.fontMetrics().lineSpacing() * DESCRIPTION_LINES
        self.description_edit.setFixedHeight(lines + 12)
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Venue:", self.venue_box)
        form.addRow("&Description:", self.description_edit)
        layout.addLayout(form)
        self.read_only_note = QLabel(
            "Built-in templates cannot be changed: use Duplicate to make your own version."
        )
        self.read_only_note.setWordWrap(True)
        layout.addWidget(self.read_only_note)

        # Two rows, so that the editor fits a narrow window.
        tools, more_tools = QHBoxLayout(), QHBoxLayout()
        self.edit_actions: dict[str, QAction] = {}
        self.tool_buttons: dict[str, QPushButton] = {}
        for number, (name, text, keys) in enumerate(TOOLS):
            self._tool(tools if number < 4 else more_tools, name, text, keys)
        tools.addStretch(1)
        more_tools.addStretch(1)
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
            more_tools.addWidget(button)
            self.edit_actions[name] = action
            self.tool_buttons[name] = button
        layout.addLayout(tools)
        layout.addLayout(more_tools)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Editor views")
        self.tabs.tabBar().setAccessibleName("Editor views")
        self.tree = SegmentTree()
        self.tree.setAccessibleName("Segments")
        self.tree.header().setAccessibleName("Segment columns")
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
        self.tree.setColumnWidth(KIND, 190)
        # Labels are read whole; the note, often empty, takes what is left.
        self.tree.header().setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        self.tabs.addTab(self.tree, "Se&gments")
        self.text_view = TemplateTextView(settings)
        self.tabs.addTab(self.text_view, "Te&xt")
        layout.addWidget(self.tabs, 1)
        self.problems = ProblemList()
        self.problems.setVisible(False)
        self.status = QLabel()
        self.status.setAccessibleName("Template status")
        self.status.setWordWrap(True)
        layout.addWidget(self.problems)
        layout.addWidget(self.status)

        self.preview = TimelineBar(run_colours(settings.theme))
        self.preview.setAccessibleName("Plan preview")
        self.totals = QLabel()
        self.totals.setAccessibleName("Plan totals")
        self.totals.setWordWrap(True)
        layout.addWidget(self.preview)
        layout.addWidget(self.totals)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton("Rever&t")
        self.revert_button.setAccessibleName("Revert to the saved template")
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save template")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

    def _tool(self, row: QHBoxLayout, name: str, text: str, keys: str) -> None:
        action = text_action(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        button = QPushButton(text)
        plain = text.replace("&", "").rstrip("…")
        button.setAccessibleName(plain)
        button.setToolTip(f"{plain} ({QKeySequence(keys).toString()})")
        button.clicked.connect(action.trigger)
        row.addWidget(button)
        self.edit_actions[name] = action
        self.tool_buttons[name] = button
