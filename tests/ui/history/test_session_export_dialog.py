"""File > Export session: the selected session as a FIT or TCX activity."""

from __future__ import annotations

from pathlib import Path

from tcxreader.tcxreader import TCXReader

from retrotimer.ui.history.session_export_dialog import SessionExportDialog
from tests.exchange.fit_reading import fit_messages
from tests.ui.conftest import Harness
from tests.ui.history.test_history_screen import SESSIONS, open_history


def open_dialog(harness: Harness, number: int = 2) -> SessionExportDialog:
    screen = open_history(harness)
    screen.select_session(SESSIONS[number].session_id)
    harness.window.session_export_action.trigger()
    dialog = screen.export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_stopped_session_exports_to_fit_with_its_laps(harness: Harness, tmp_path: Path) -> None:
    dialog = open_dialog(harness)  # Charlie: stopped after the backward jog
    assert dialog.path_edit.text().endswith(".fit")
    target = tmp_path / "charlie.fit"
    dialog.path_edit.setText(str(target))
    assert dialog.export() is True
    messages = fit_messages(target.read_bytes())
    assert len(messages["lap_mesgs"]) == 2
    assert messages["session_mesgs"][0]["total_timer_time"] == 390.0
    assert "Exported the session of" in harness.window.history_screen.message.text()


def test_tcx_is_read_by_an_independent_reader(harness: Harness, tmp_path: Path) -> None:
    dialog = open_dialog(harness, 3)
    dialog.format_box.setCurrentIndex(1)
    assert dialog.path_edit.text().endswith(".tcx")
    target = tmp_path / "delta.tcx"
    dialog.path_edit.setText(str(target))
    assert dialog.export() is True
    read = TCXReader().read(str(target), only_gps=False)
    assert len(read.laps) == 3
    assert sum(lap.duration for lap in read.laps) == 1080.0


def test_without_a_selection_the_screen_says_so(harness: Harness) -> None:
    screen = open_history(harness, [])
    harness.window.session_export_action.trigger()
    assert screen.export_dialog is None
    assert "Select a session" in screen.message.text()
