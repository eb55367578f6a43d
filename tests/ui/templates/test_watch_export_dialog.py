"""File > Export for watch, and workouts from other tools imported on the Templates screen."""

from __future__ import annotations

from pathlib import Path

from retrotimer.core.settings import StepsAs
from retrotimer.ui.templates.templates_screen import TemplatesScreen
from retrotimer.ui.templates.watch_export_dialog import WatchExportDialog
from tests.exchange.fit_reading import fit_steps
from tests.ui.conftest import Harness


def open_dialog(harness: Harness, name: str = "First steps") -> WatchExportDialog:
    window = harness.show()
    window.templates_screen.select(name)
    window.watch_action.trigger()
    assert window.tabs.currentWidget() is window.templates_screen
    dialog = window.templates_screen.watch_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_dialog_writes_a_fit_workout_with_steps_as_lap(
    harness: Harness, tmp_path: Path
) -> None:
    dialog = open_dialog(harness)
    assert dialog.path_edit.text().endswith("first-steps.fit")
    assert dialog.steps_time.isChecked() and dialog.steps_widget.isEnabled()
    assert "GARMIN/NewFiles" in dialog.where_label.text()
    target = tmp_path / "watch.fit"
    dialog.path_edit.setText(str(target))
    dialog.steps_lap.setChecked(True)
    dialog.export_button.click()
    assert not dialog.isVisible()
    steps = fit_steps(target)
    assert steps[1]["duration_type"] == "open"
    assert steps[1]["notes"] == "15 steps backward, look over your shoulder"
    screen: TemplatesScreen = harness.window.templates_screen
    assert f"for a watch to {target}" in screen.message.text()


def test_an_existing_file_is_kept_unless_replacing_is_ticked(
    harness: Harness, tmp_path: Path
) -> None:
    dialog = open_dialog(harness)
    target = tmp_path / "mine.fit"
    target.write_bytes(b"keep me")
    dialog.path_edit.setText(str(target))
    assert dialog.export() is False
    assert "already exists" in dialog.message.text() and target.read_bytes() == b"keep me"
    dialog.replace_box.setChecked(True)
    assert dialog.export() is True
    assert target.read_bytes() != b"keep me"


def test_intervals_icu_text_needs_no_steps_choice(harness: Harness, tmp_path: Path) -> None:
    dialog = open_dialog(harness)
    dialog.format_box.setCurrentIndex(1)
    assert dialog.path_edit.text().endswith("first-steps.txt")
    assert not dialog.steps_widget.isEnabled()
    target = tmp_path / "icu.txt"
    dialog.path_edit.setText(str(target))
    assert dialog.export() is True
    assert target.read_text(encoding="utf-8").splitlines()[2] == "2x"


ZWO = (
    '<workout_file><name>Zwift retro</name><workout><Warmup Duration="300" Power="0.5"/>'
    '<SteadyState Duration="60"/></workout></workout_file>'
)


def test_a_zwift_file_is_imported_with_its_warning(harness: Harness, tmp_path: Path) -> None:
    screen = harness.show().templates_screen
    path = tmp_path / "zwift.zwo"
    path.write_text(ZWO, encoding="utf-8")
    screen.import_file(str(path))
    assert screen.loaded is not None and screen.loaded.name == "Zwift retro"
    assert "Power targets were dropped" in screen.message.text()


def test_a_file_that_cannot_be_mapped_is_refused_and_nothing_saved(
    harness: Harness, tmp_path: Path
) -> None:
    screen = harness.show().templates_screen
    before = [entry.name for entry in screen.entries()]
    path = tmp_path / "ride.zwo"
    path.write_text(
        '<workout_file><workout><FreeRide Duration="an hour"/></workout></workout_file>', "utf-8"
    )
    screen.import_file(str(path))
    assert 'Duration="an hour" is not a number of seconds' in screen.message.text()
    assert screen.error_box is not None
    screen.error_box.close()
    assert [entry.name for entry in screen.entries()] == before


def test_the_setting_chooses_how_steps_go_to_the_watch(harness: Harness) -> None:
    window = harness.show()
    window.open_settings()
    settings_dialog = window.settings_dialog
    assert settings_dialog is not None
    settings_dialog.watch_steps.setCurrentIndex(settings_dialog.watch_steps.findData(StepsAs.LAP))
    settings_dialog.accept()
    dialog = open_dialog(harness)
    assert dialog.steps_lap.isChecked() and dialog.steps_as is StepsAs.LAP


def test_a_file_not_in_the_encoding_it_declares_is_told_in_the_window(
    harness: Harness, tmp_path: Path
) -> None:
    screen = harness.show().templates_screen
    before = [entry.name for entry in screen.entries()]
    path = tmp_path / "tokyo.zwo"
    path.write_bytes(
        '<?xml version="1.0" encoding="windows-1252"?><workout_file><name>火曜日</name>'
        "</workout_file>".encode()
    )
    screen.import_file(str(path))
    assert "says it is in the 'windows-1252' encoding, but byte 0x81" in screen.message.text()
    assert screen.error_box is not None
    screen.error_box.close()
    assert [entry.name for entry in screen.entries()] == before
