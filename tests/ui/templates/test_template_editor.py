"""The template editor: table edits, structure edits, drag and drop, undo and redo, preview."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox
from pytestqt.qtbot import QtBot

from retrotimer.core.model import Length, Repeat, Segment, SegmentKind, Template, Venue
from retrotimer.core.settings import Settings
from retrotimer.ui.templates.problem_list import MAX_SHOWN
from retrotimer.ui.templates.segment_model import CAP, KIND, LABEL, LENGTH, NOTE, UNIT
from retrotimer.ui.templates.template_editor import TemplateEditor
from tests.factories import first_steps

EDIT = Qt.ItemDataRole.EditRole


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[TemplateEditor]:
    widget = TemplateEditor(Settings())
    qtbot.addWidget(widget)
    widget.load(first_steps())
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def cell(editor: TemplateEditor, path: tuple[int, ...], column: int) -> QModelIndex:
    return editor.model.index_of(path, column)


def test_the_table_shows_segments_and_repeats(editor: TemplateEditor) -> None:
    model = editor.model
    assert model.rowCount() == 3
    assert cell(editor, (0,), KIND).data() == "Warm-up walk"
    assert cell(editor, (0,), LENGTH).data() == "60"
    assert cell(editor, (0,), UNIT).data() == "seconds"
    assert cell(editor, (1,), KIND).data() == "Repeat"
    assert cell(editor, (1,), LENGTH).data() == "2 ×"
    assert model.rowCount(cell(editor, (1,), KIND)) == 2
    assert cell(editor, (1, 0), LENGTH).data() == "15"
    assert cell(editor, (1, 0), UNIT).data() == "steps"
    assert cell(editor, (1, 1), LABEL).data() == "turn around and reset"
    assert editor.totals.text().startswith("Total 2:38")
    assert "30 backward steps" in editor.totals.text()


def test_editing_cells_changes_the_template_and_undo_puts_it_back(editor: TemplateEditor) -> None:
    model = editor.model
    original = editor.template
    assert model.setData(cell(editor, (0,), LENGTH), 120, EDIT)
    assert model.setData(cell(editor, (1, 0), KIND), "backward_jog", EDIT)
    assert model.setData(cell(editor, (1, 0), UNIT), "seconds", EDIT)
    assert model.setData(cell(editor, (1,), LENGTH), 4, EDIT)
    assert model.setData(cell(editor, (2,), NOTE), "stretch after", EDIT)
    template = editor.template
    assert template.items[0] == Segment(SegmentKind.WARMUP, Length.seconds(120))
    repeat = template.items[1]
    assert isinstance(repeat, Repeat) and repeat.count == 4
    assert repeat.items[0] == Segment(SegmentKind.BACKWARD_JOG, Length.seconds(15))
    assert template.items[2].note == "stretch after"  # type: ignore[union-attr]
    assert editor.is_dirty and editor.save_button.isEnabled()
    assert editor.undo_stack.count() == 5
    for _ in range(5):
        editor.undo_action.trigger()
    assert editor.template == original
    assert not editor.is_dirty
    assert cell(editor, (0,), LENGTH).data() == "60"
    editor.redo_action.trigger()
    assert editor.template.items[0] == Segment(SegmentKind.WARMUP, Length.seconds(120))


def test_a_label_typed_in_the_table(editor: TemplateEditor, qtbot: QtBot) -> None:
    index = cell(editor, (0,), LABEL)
    editor.tree.setCurrentIndex(index)
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert field is not None and field.accessibleName() == "Label"
    qtbot.keyClicks(field, "easy start")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: editor.template.items[0].label == "easy start")  # type: ignore[union-attr]


def test_the_arrow_keys_reach_every_cell_so_f2_edits_any_of_them(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    tree = editor.tree
    tree.setFocus()
    tree.setCurrentIndex(cell(editor, (0,), KIND))
    for _ in range(LABEL):
        qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.currentIndex() == cell(editor, (0,), LABEL)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert field is not None and field.accessibleName() == "Label"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert tree.currentIndex().column() == LABEL - 1
    # A repeat's first cell still folds: Left closes it, Right opens it, then moves on.
    repeat = cell(editor, (1,), KIND)
    tree.setCurrentIndex(repeat)
    tree.expand(repeat)
    qtbot.keyClick(tree, Qt.Key.Key_Left)
    assert not tree.isExpanded(repeat) and tree.currentIndex() == repeat
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.isExpanded(repeat) and tree.currentIndex() == repeat
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    assert tree.currentIndex() == cell(editor, (1,), LENGTH)


def test_the_kind_and_length_editors(editor: TemplateEditor, qtbot: QtBot) -> None:
    editor.tree.setCurrentIndex(cell(editor, (2,), KIND))
    editor.tree.edit(cell(editor, (2,), KIND))
    box = QApplication.focusWidget()
    assert isinstance(box, QComboBox) and box.accessibleName() == "Kind"
    box.setCurrentIndex(box.findData("rest"))
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.template.items[2].kind is SegmentKind.REST)  # type: ignore[union-attr]
    editor.tree.setCurrentIndex(cell(editor, (1,), LENGTH))
    editor.tree.edit(cell(editor, (1,), LENGTH))
    spin = QApplication.focusWidget()
    assert isinstance(spin, QSpinBox) and spin.accessibleName() == "Repeat count"
    spin.setValue(6)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.template.items[1].count == 6)  # type: ignore[union-attr]


def test_repeat_rows_edit_only_their_count(editor: TemplateEditor) -> None:
    model = editor.model
    assert not model.flags(cell(editor, (1,), KIND)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(cell(editor, (1,), LENGTH)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(cell(editor, (1,), LABEL), "nope", EDIT)
    assert not model.setData(cell(editor, (0,), LENGTH), "many", EDIT)  # not a number


def test_add_remove_duplicate_and_wrap(editor: TemplateEditor) -> None:
    editor.select_paths([(0,)])
    editor.tool_buttons["add"].click()
    assert editor.template.items[1] == Segment(SegmentKind.WALK, Length.seconds(30))
    assert editor.selected_paths() == [(1,)]
    editor.tool_buttons["duplicate"].click()
    assert editor.template.items[2] == editor.template.items[1]
    editor.select_paths([(1,), (2,)])
    editor.wrap_selected(3)
    wrapped = editor.template.items[1]
    assert isinstance(wrapped, Repeat) and wrapped.count == 3 and len(wrapped.items) == 2
    assert editor.selected_paths() == [(1,)]
    editor.tool_buttons["remove"].click()
    assert editor.template == first_steps()
    assert editor.undo_stack.count() == 4
    editor.undo_action.trigger()
    assert isinstance(editor.template.items[1], Repeat)


def test_wrap_refuses_items_of_different_blocks(editor: TemplateEditor) -> None:
    editor.select_paths([(0,), (1, 0)])
    editor.wrap_selected(2)
    assert editor.template == first_steps()
    assert "same block" in editor.totals.text()


def test_move_up_and_down_from_the_keyboard(editor: TemplateEditor, qtbot: QtBot) -> None:
    editor.select_paths([(1, 1)])
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    repeat = editor.template.items[1]
    assert isinstance(repeat, Repeat)
    assert repeat.items[0].label == "turn around and reset"  # type: ignore[union-attr]
    assert editor.selected_paths() == [(1, 0)]
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.template == first_steps()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.template != first_steps()


def test_drag_and_drop_moves_rows(editor: TemplateEditor) -> None:
    model = editor.model
    data = model.mimeData([cell(editor, (2,), KIND)])
    # Dropped onto the repeat: into it, at its end.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, cell(editor, (1,), KIND))
    repeat = editor.template.items[1]
    assert isinstance(repeat, Repeat) and repeat.items[-1].kind is SegmentKind.COOLDOWN
    assert editor.selected_paths() == [(1, 2)]
    data = model.mimeData([cell(editor, (1, 0), KIND), cell(editor, (1, 0), LABEL)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert editor.template.items[0].kind is SegmentKind.BACKWARD_WALK  # type: ignore[union-attr]
    assert isinstance(editor.template.items[2], Repeat)
    data = model.mimeData([cell(editor, (2,), KIND)])  # a repeat into itself: refused
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, cell(editor, (2,), KIND))
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.template == first_steps()


def test_typing_a_name_is_one_undo_step(editor: TemplateEditor, qtbot: QtBot) -> None:
    editor.name_edit.selectAll()
    qtbot.keyClicks(editor.name_edit, "My steps")
    assert editor.template.name == "My steps"
    assert editor.undo_stack.count() == 1
    editor.venue_box.setCurrentIndex(editor.venue_box.findData(Venue.TREADMILL))
    editor.venue_box.activated.emit(editor.venue_box.currentIndex())
    assert editor.template.venue is Venue.TREADMILL
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.name_edit.text() == "First steps"
    assert editor.template == first_steps()


def test_the_description_takes_lines_and_typing_it_is_one_undo_step(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    field = editor.description_edit
    assert field.height() >= 3 * field.fontMetrics().lineSpacing()
    field.selectAll()
    qtbot.keyClicks(field, "For a first week.")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "Builds to 2 minutes.")
    assert editor.template.description == "For a first week.\nBuilds to 2 minutes."
    assert editor.undo_stack.count() == 1
    editor.undo_action.trigger()
    assert field.toPlainText() == first_steps().description
    assert editor.template == first_steps()
    editor.redo_action.trigger()
    assert field.toPlainText() == "For a first week.\nBuilds to 2 minutes."


def test_save_and_revert(editor: TemplateEditor) -> None:
    saved: list[Template] = []
    dirty: list[bool] = []
    editor.save_requested.connect(saved.append)
    editor.dirty_changed.connect(dirty.append)
    assert not editor.save_button.isEnabled()
    editor.model.setData(cell(editor, (0,), LENGTH), 90, EDIT)
    assert dirty == [True]
    editor.save_button.click()
    assert saved == [editor.template]
    editor.mark_saved(editor.template)
    assert dirty == [True, False]
    assert not editor.save_button.isEnabled()
    editor.model.setData(cell(editor, (0,), LENGTH), 30, EDIT)
    editor.revert_button.click()
    assert editor.template.items[0].length == Length.seconds(90)  # type: ignore[union-attr]
    assert not editor.is_dirty


def test_built_in_templates_are_read_only(editor: TemplateEditor) -> None:
    editor.load(first_steps(), read_only=True)
    assert editor.read_only_note.isVisible()
    assert editor.name_edit.isReadOnly()
    assert not editor.model.flags(cell(editor, (0,), LABEL)) & Qt.ItemFlag.ItemIsEditable
    assert not editor.model.setData(cell(editor, (0,), LABEL), "x", EDIT)
    editor.select_paths([(0,)])
    assert not editor.tool_buttons["remove"].isEnabled()
    assert not editor.tool_buttons["add"].isEnabled()
    editor.add_segment()
    assert editor.template == first_steps()


def test_the_text_tab_follows_the_table(editor: TemplateEditor) -> None:
    text = editor.text_view.toPlainText()
    assert text.startswith("# First steps\nvenue: track\n")
    assert "2x\n  15 steps backward walk\n" in text
    editor.model.setData(cell(editor, (1, 0), LENGTH), 20, EDIT)
    assert "  20 steps backward walk\n" in editor.text_view.toPlainText()
    editor.undo_action.trigger()
    assert "  15 steps backward walk\n" in editor.text_view.toPlainText()


def test_the_table_follows_the_text(editor: TemplateEditor, qtbot: QtBot) -> None:
    view = editor.text_view
    editor.tabs.setCurrentWidget(view)
    text = view.toPlainText().replace("20s cool-down walk", "2m cool-down walk")
    view.setPlainText(text)
    assert editor.template.items[2].length == Length.seconds(120)  # type: ignore[union-attr]
    assert cell(editor, (2,), LENGTH).data() == "120"
    assert view.toPlainText() == text  # the user's text is left as typed
    view.moveCursor(view.textCursor().MoveOperation.End)
    qtbot.keyClicks(view, "1m walk")
    assert editor.template.items[-1] == Segment(SegmentKind.WALK, Length.seconds(60))
    assert editor.undo_stack.count() == 1  # typing in the text is one undo step
    editor.undo_action.trigger()
    assert editor.template == first_steps()
    assert view.toPlainText().endswith("20s cool-down walk\n")


def test_text_with_errors_is_kept_and_explained(editor: TemplateEditor, qtbot: QtBot) -> None:
    view = editor.text_view
    good = editor.template
    view.setPlainText(view.toPlainText() + "7 parsecs sideways\n")
    assert editor.template == good  # the table keeps the last version that worked
    assert view.toPlainText().endswith("7 parsecs sideways\n")  # nothing typed is lost
    texts = editor.problems.texts()
    assert texts == [
        'Error: line 10, column 3: Expected a unit after "7": s, m, steps or metres; '
        'found "parsecs".'
    ]
    assert editor.problems.isVisible()
    assert "The text has errors" in editor.status.text()
    assert editor.is_dirty and not editor.save_button.isEnabled()
    assert not editor.model.flags(cell(editor, (0,), LABEL)) & Qt.ItemFlag.ItemIsEditable
    editor.tabs.setCurrentWidget(editor.tree)
    editor.go_to_problem(editor.problems.problems[0])
    assert editor.tabs.currentWidget() is view
    assert view.textCursor().blockNumber() == 9
    assert view.textCursor().positionInBlock() == 2
    editor.revert_button.click()
    assert not editor.problems.isVisible()
    assert editor.status.text() == "No problems found."
    assert not editor.is_dirty


def test_one_click_on_a_problem_goes_to_its_line_and_to_its_row(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    view, problems = editor.text_view, editor.problems
    view.setPlainText(view.toPlainText() + "7 parsecs sideways\n")
    editor.tabs.setCurrentWidget(editor.tree)

    def click_first_problem() -> None:
        spot = problems.visualItemRect(problems.item(0)).center()
        qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=spot)

    click_first_problem()
    assert editor.tabs.currentWidget() is view
    assert (view.textCursor().blockNumber(), view.textCursor().positionInBlock()) == (9, 2)
    editor.revert_button.click()
    editor.model.setData(cell(editor, (1, 0), LENGTH), 1500, EDIT)
    editor.tabs.setCurrentWidget(view)
    click_first_problem()
    assert editor.tabs.currentWidget() is editor.tree
    assert editor.selected_paths() == [(1, 0)]


def test_live_validation_names_the_row_and_blocks_saving(editor: TemplateEditor) -> None:
    editor.model.setData(cell(editor, (1, 0), LENGTH), 1500, EDIT)
    assert editor.has_errors
    (problem,) = editor.problem_list
    assert problem.path == (1, 0)
    assert "1500 steps is too many" in editor.problems.texts()[0]
    assert editor.status.text() == "1 error to fix before saving."
    assert not editor.save_button.isEnabled()
    tinted = cell(editor, (1, 0), KIND).data(Qt.ItemDataRole.BackgroundRole)
    assert tinted is not None
    assert "too many" in cell(editor, (1, 0), KIND).data(Qt.ItemDataRole.ToolTipRole)
    assert cell(editor, (0,), KIND).data(Qt.ItemDataRole.BackgroundRole) is None
    editor.go_to_problem(problem)
    assert editor.selected_paths() == [(1, 0)]
    editor.model.setData(cell(editor, (1, 0), LENGTH), 20, EDIT)
    assert not editor.has_errors and editor.save_button.isEnabled()


def test_an_empty_name_and_a_backward_start_are_reported(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    editor.name_edit.selectAll()
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Delete)
    assert any("needs a name" in text for text in editor.problems.texts())
    editor.select_paths([(0,)])
    editor.remove_selected()
    warnings = [text for text in editor.problems.texts() if text.startswith("Warning:")]
    assert warnings and "warm up" in warnings[0]


def test_invisible_characters_typed_in_the_name_or_a_label_are_named(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    editor.name_edit.end(False)
    editor.name_edit.insert("\u202e")  # as a paste would; QTest cannot type it
    assert editor.template.name == "First steps\u202e"
    assert any("U+202E (RIGHT-TO-LEFT OVERRIDE)" in text for text in editor.problems.texts())
    assert not editor.save_button.isEnabled()
    editor.undo_action.trigger()
    editor.model.setData(cell(editor, (1, 1), LABEL), "turn\x00", EDIT)
    (problem,) = editor.problem_list
    assert problem.path == (1, 1) and "U+0000 (NUL)" in problem.message


def test_a_huge_paste_in_the_text_tab_is_refused_without_reading_it(editor: TemplateEditor) -> None:
    view = editor.text_view
    good = editor.template
    view.setPlainText(view.toPlainText() + "5m " + "walk " * 10_000 + "\n")
    assert editor.template == good
    (text,) = editor.problems.texts()
    assert "characters long; a line can hold at most 2000" in text


def test_thousands_of_problems_show_the_first_and_how_many_more(
    editor: TemplateEditor, qtbot: QtBot
) -> None:
    view = editor.text_view
    view.setPlainText("# T\n" + "foo\n" * 2000)
    problems = editor.problems
    assert len(problems.problems) == 2000
    assert problems.count() == MAX_SHOWN + 1
    assert problems.texts()[-1] == f"…and {2000 - MAX_SHOWN} more; fix the ones above first."
    with qtbot.assertNotEmitted(problems.chosen):
        problems.itemActivated.emit(problems.item(MAX_SHOWN))
    with qtbot.waitSignal(problems.chosen) as chosen:
        problems.itemActivated.emit(problems.item(0))
    assert chosen.args == [problems.problems[0]]


def test_a_segment_becomes_open_or_a_distance_with_a_most_time_in_the_table(
    editor: TemplateEditor,
) -> None:
    model = editor.model
    walk = cell(editor, (1, 0), UNIT)
    assert not model.flags(cell(editor, (1, 0), CAP)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(cell(editor, (1, 0), CAP), 90, EDIT)
    assert model.setData(walk, "open", EDIT)
    assert cell(editor, (1, 0), LENGTH).data() == ""
    assert not model.flags(cell(editor, (1, 0), LENGTH)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(cell(editor, (1, 0), CAP), 90, EDIT)
    assert cell(editor, (1, 0), CAP).data() == "90"
    repeat = editor.template.items[1]
    assert isinstance(repeat, Repeat)
    assert repeat.items[0] == Segment(SegmentKind.BACKWARD_WALK, Length.open(cap_s=90))
    assert "open max 1m30s backward walk" in editor.text_view.toPlainText()
    assert model.setData(cell(editor, (1, 0), UNIT), "metres", EDIT)
    repeat = editor.template.items[1]
    assert isinstance(repeat, Repeat)
    assert repeat.items[0] == Segment(SegmentKind.BACKWARD_WALK, Length.metres(100, cap_s=90))
    assert model.setData(cell(editor, (1, 0), CAP), 0, EDIT)  # none: waits for the press
    assert model.setData(cell(editor, (1, 0), UNIT), "seconds", EDIT)
    repeat = editor.template.items[1]
    assert isinstance(repeat, Repeat)
    assert repeat.items[0] == Segment(SegmentKind.BACKWARD_WALK, Length.seconds(100))
