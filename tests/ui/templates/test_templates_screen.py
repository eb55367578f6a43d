"""The Templates screen on a real library in a private folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from retrotimer.core.model import Length
from retrotimer.core.templates.template_formats import TemplateFormat
from retrotimer.core.templates.template_toml import parse_template_toml
from retrotimer.core.templates.text_syntax import parse_template_text
from retrotimer.core.value import replace
from retrotimer.ui.templates.segment_model import LENGTH
from retrotimer.ui.templates.templates_screen import TemplatesScreen
from tests.factories import first_steps
from tests.ui.conftest import Harness

EDIT = Qt.ItemDataRole.EditRole


def open_screen(harness: Harness) -> TemplatesScreen:
    window = harness.show()
    window.tabs.setCurrentWidget(window.templates_screen)
    return window.templates_screen


def names(screen: TemplatesScreen) -> list[str]:
    return [screen.list.item(row).text() for row in range(screen.list.count())]


def test_the_library_lists_built_ins_first_and_they_are_read_only(
    library_harness: Harness,
) -> None:
    screen = open_screen(library_harness)
    listed = names(screen)
    assert listed[0] == "First steps backward  (built-in)"
    assert listed[5] == "Backward sprints  (built-in)"
    assert listed[6:] == ["First steps", "Mixed", "Treadmill steps"]
    assert screen.loaded is not None and screen.loaded.name == "First steps backward"
    assert screen.editor.read_only
    assert not screen.buttons["delete"].isEnabled()
    assert screen.buttons["duplicate"].isEnabled()


def test_duplicating_a_built_in_gives_an_editable_copy_the_run_screen_offers(
    library_harness: Harness,
) -> None:
    screen = open_screen(library_harness)
    screen.select("Short backward jogs")
    screen.buttons["duplicate"].click()
    assert screen.loaded is not None and screen.loaded.name == "Short backward jogs (2)"
    assert not screen.editor.read_only
    assert "your own copy" in screen.message.text()
    offered = [
        library_harness.run.template_box.itemText(i)
        for i in range(library_harness.run.template_box.count())
    ]
    assert "Short backward jogs (2)" in offered


def test_edit_save_and_the_run_screen_runs_the_new_version(harness: Harness) -> None:
    screen = open_screen(harness)
    assert screen.loaded is not None and screen.loaded.name == "First steps"
    editor = screen.editor
    editor.model.setData(editor.model.index_of((0,), LENGTH), 90, EDIT)
    assert not screen.buttons["run"].isEnabled()  # save first
    editor.save_button.click()
    assert harness.library.get("First steps").items[0].length == Length.seconds(90)  # type: ignore[union-attr]
    assert not editor.is_dirty
    screen.buttons["run"].click()
    assert harness.window.tabs.currentWidget() is harness.run
    assert harness.run.plan is not None and harness.run.plan.total_s == pytest.approx(188)


def test_renaming_by_editing_the_name(harness: Harness, qtbot: object) -> None:
    screen = open_screen(harness)
    screen.editor.name_edit.setText("")
    harness.qtbot.keyClicks(screen.editor.name_edit, "Gentle steps")
    screen.editor.save_button.click()
    listed = names(screen)
    assert "Gentle steps" in listed and "First steps" not in listed
    assert harness.window.windowTitle() == "RetroTimer — Gentle steps"


@pytest.mark.parametrize("taken", ["Mixed", "mixed", "MIXED", "  Mixed "])
def test_a_name_that_is_taken_is_told_live_whatever_its_case(harness: Harness, taken: str) -> None:
    screen = open_screen(harness)
    screen.editor.name_edit.setText("")
    harness.qtbot.keyClicks(screen.editor.name_edit, taken)
    said = "\n".join(problem.message for problem in screen.editor.problem_list)
    if taken.strip() == "Mixed":
        assert 'The name "Mixed" is already used by another template' in said
    else:
        assert f'The name "{taken.strip()}" is taken by "Mixed": names are the same' in said
    assert not screen.editor.save_button.isEnabled()
    assert screen.editor.is_dirty and screen.editor.template.name == taken
    harness.qtbot.keyClicks(screen.editor.name_edit, " 2")
    assert screen.editor.save_button.isEnabled()  # the template's own name never counts
    screen.editor.name_edit.setText("")
    harness.qtbot.keyClicks(screen.editor.name_edit, "FIRST STEPS")
    assert screen.editor.save_button.isEnabled()


def test_a_name_taken_meanwhile_is_refused_on_save_and_nothing_is_lost(
    harness: Harness,
) -> None:
    screen = open_screen(harness)
    screen.editor.name_edit.setText("")
    harness.qtbot.keyClicks(screen.editor.name_edit, "Steady")
    harness.library.save(replace(first_steps(), name="steady"))  # elsewhere
    screen.editor.save_button.click()
    assert screen.error_box is not None
    assert "already used" in screen.message.text()
    screen.error_box.accept()
    assert screen.editor.is_dirty
    assert screen.editor.template.name == "Steady"
    assert harness.library.get("First steps") == first_steps()


def test_a_new_template_is_added_when_saved(harness: Harness) -> None:
    screen = open_screen(harness)
    screen.buttons["new"].click()
    assert screen.editor.template.name == "New template"
    assert screen.editor.is_dirty and screen.editor.save_button.isEnabled()
    screen.editor.save_button.click()
    assert "New template" in names(screen)
    assert harness.library.get("New template").items  # a warm-up to start from


def test_delete_goes_to_the_trash_and_can_be_undone(harness: Harness) -> None:
    screen = open_screen(harness)
    screen.select("Mixed")
    screen.list.setFocus()
    harness.qtbot.keyClick(screen.list, Qt.Key.Key_Delete)
    assert "Mixed" not in names(screen)
    assert "trash" in screen.message.text()
    assert [trashed.name for trashed in harness.library.trash()] == ["Mixed"]
    screen.buttons["undo_delete"].click()
    assert "Mixed" in names(screen)
    assert screen.loaded is not None and screen.loaded.name == "Mixed"


def test_import_a_text_file_whose_name_is_taken(harness: Harness, tmp_path: Path) -> None:
    screen = open_screen(harness)
    source = tmp_path / "mixed.txt"
    source.write_text("# Mixed\n2m warm-up walk\n4x (20 steps backward walk, 30s walk)\n", "utf-8")
    screen.choose_import()
    dialog = screen.file_dialog
    assert dialog is not None
    dialog.selectFile(str(source))
    dialog.accept()
    assert "Mixed (2)" in names(screen)
    assert "was taken" in screen.message.text()
    assert screen.loaded is not None and screen.loaded.name == "Mixed (2)"


def test_import_opens_on_every_file_it_can_read(harness: Harness) -> None:
    screen = open_screen(harness)
    screen.choose_import()
    dialog = screen.file_dialog
    assert dialog is not None
    assert dialog.selectedNameFilter().startswith("Templates and workouts (")
    shown = dialog.selectedNameFilter().split("(")[1].rstrip(")").split()
    assert shown == ["*.toml", "*.txt", "*.fit", "*.tcx", "*.zwo"]
    dialog.reject()


def test_a_bad_import_says_where_and_changes_nothing(harness: Harness, tmp_path: Path) -> None:
    screen = open_screen(harness)
    before = names(screen)
    source = tmp_path / "bad.txt"
    source.write_text("# Bad\n5m warm-up walk\n3x\n  12 parsecs walk\n", "utf-8")
    screen.import_file(str(source))
    assert names(screen) == before
    assert "bad.txt:4:" in screen.message.text()
    assert screen.error_box is not None
    screen.error_box.accept()


@pytest.mark.parametrize("template_format", list(TemplateFormat))
def test_export_in_either_format(
    harness: Harness, tmp_path: Path, template_format: TemplateFormat
) -> None:
    screen = open_screen(harness)
    target = tmp_path / f"first{template_format.suffix}"
    screen.export_file(str(target), template_format)
    text = target.read_text("utf-8")
    read = parse_template_toml if template_format is TemplateFormat.TOML else parse_template_text
    assert read(text) == first_steps()
    assert "Exported" in screen.message.text()


def test_export_through_the_file_dialog(harness: Harness, tmp_path: Path) -> None:
    screen = open_screen(harness)
    screen.choose_export()
    dialog = screen.file_dialog
    assert dialog is not None
    dialog.selectFile(str(tmp_path / "steps.txt"))
    dialog.accept()
    assert parse_template_text((tmp_path / "steps.txt").read_text("utf-8")) == first_steps()


def answer(screen_question: QMessageBox | None, button: QMessageBox.StandardButton) -> None:
    assert screen_question is not None
    clicked = screen_question.button(button)
    assert clicked is not None
    clicked.click()


def test_leaving_unsaved_changes_asks_first(harness: Harness) -> None:
    screen = open_screen(harness)
    editor = screen.editor
    editor.model.setData(editor.model.index_of((0,), LENGTH), 99, EDIT)
    screen.select("Mixed")
    answer(screen.question, QMessageBox.StandardButton.Cancel)
    assert screen.loaded is not None and screen.loaded.name == "First steps"
    assert editor.is_dirty
    screen.select("Mixed")
    answer(screen.question, QMessageBox.StandardButton.Save)
    assert screen.loaded is not None and screen.loaded.name == "Mixed"
    assert harness.library.get("First steps").items[0].length == Length.seconds(99)  # type: ignore[union-attr]
    editor.model.setData(editor.model.index_of((0,), LENGTH), 11, EDIT)
    screen.select("Treadmill steps")
    answer(screen.question, QMessageBox.StandardButton.Discard)
    assert screen.loaded is not None and screen.loaded.name == "Treadmill steps"
    assert harness.library.get("Mixed").items[0].length == Length.seconds(10)  # type: ignore[union-attr]


def test_closing_with_unsaved_changes_asks_first(harness: Harness) -> None:
    screen = open_screen(harness)
    editor = screen.editor
    editor.model.setData(editor.model.index_of((0,), LENGTH), 75, EDIT)
    harness.window.close()
    assert harness.window.isVisible()
    answer(harness.window.close_question, QMessageBox.StandardButton.Save)
    assert not harness.window.isVisible()
    assert harness.library.get("First steps").items[0].length == Length.seconds(75)  # type: ignore[union-attr]


def test_a_file_that_cannot_be_read_is_listed_and_explained(harness: Harness) -> None:
    (harness.paths.templates / "broken.toml").write_text("format = 1\nname = 3\n", "utf-8")
    screen = open_screen(harness)
    screen.refresh()
    listed = names(screen)
    assert "broken.toml  (cannot be read)" in listed
    screen.select("broken.toml")
    assert not screen.editor.isEnabled()
    assert "broken.toml cannot be read" in screen.message.text()
    assert not screen.buttons["run"].isEnabled()
