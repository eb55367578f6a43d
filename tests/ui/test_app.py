"""The composition root: the window opened as `retrotimer` opens it, on real stores and a real
cue player, each of its wires followed to where it leads; a second instance refused."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from retrotimer.app import close_desktop, open_desktop, open_history
from retrotimer.audio.cue_player import PREVIEW_TONE
from retrotimer.audio.pcm import gain_for_volume
from retrotimer.audio.playback import BackendFactory
from retrotimer.core.history.calendar_days import local_day
from retrotimer.core.history.history_values import SessionStart
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Venue
from retrotimer.core.programs.builtin_programs import LEARN
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.core.session.session_machine import SessionState
from retrotimer.core.value import replace
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.wall_clock import system_wall_clock
from retrotimer.storage.instance_lock import InstanceLock, lock_path
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.program_store import ProgramLibrary
from tests.audio.fakes import FakeBackend
from tests.cli_runner import retrotimer
from tests.storage.disk_faults import fill_up, small_disk


class Opened:
    """`open_desktop` as `run_gui` calls it, with a fake clock to drive the sessions."""

    def __init__(
        self, qtbot: QtBot, paths: AppPaths, backends: Mapping[str, BackendFactory] | None = None
    ) -> None:
        self.clock = FakeClock()
        self.desktop = open_desktop(
            paths, clock=self.clock, precise_wait=None, audio_backends=backends
        )
        qtbot.addWidget(self.desktop.window)
        self.window = self.desktop.window
        self.closed = False

    def run_for(self, seconds: float) -> None:
        controller = self.window.run_screen.controller
        assert controller is not None
        for _ in range(round(seconds * 2)):
            self.clock.advance(0.5)
            controller.poll()

    def start_past_the_checklist(self) -> None:
        self.window.run_screen.start()
        checklist = self.window.run_screen.checklist  # a first run, with the default settings
        assert checklist is not None
        checklist.tick_all()
        checklist.accept()

    def stop(self) -> None:
        self.window.run_screen.stop_now()
        assert self.window.run_screen.state is SessionState.STOPPED
        self.window.summary_dialog.reject()  # type: ignore[union-attr]

    def close(self) -> str | None:
        """Close the window, then what `run_gui` closes after it (once)."""
        if self.closed:
            return None
        self.closed = True
        self.window.close()
        return close_desktop(self.desktop)


@pytest.fixture
def opened(qtbot: QtBot, app_paths: AppPaths) -> Iterator[Opened]:
    made = Opened(qtbot, app_paths)
    yield made
    made.close()


def test_a_session_lands_in_the_real_history_and_its_files(
    opened: Opened, app_paths: AppPaths, tmp_path: Path
) -> None:
    window = opened.window
    assert window.run_screen.template is not None
    assert window.run_screen.template.name == "First steps backward"  # the built-in library
    assert opened.desktop.cues.built is None, "no sound is wanted yet"
    opened.start_past_the_checklist()
    assert opened.desktop.cues.backend_name == "silent"  # RETROTIMER_AUDIO
    opened.run_for(10.0)
    opened.stop()
    screen = window.history_screen
    assert screen.model.rowCount() == 1
    exported = tmp_path / "history.json"
    screen.export_to(str(exported), "json")
    (session,) = json.loads(exported.read_text(encoding="utf-8"))["sessions"]
    assert session["status"] == "stopped"
    assert screen.buttons["session"].isEnabled()  # other tools' files
    screen.select_session(session["id"])
    screen.delete_current()

    assert opened.close() is None  # everything was in the history
    history, _ = open_history(app_paths)  # the lock was let go
    assert history is not None
    try:
        assert history.store.list_sessions(include_deleted=True) == [], "purged at exit"
    finally:
        history.close()


def test_settings_changes_reach_the_cue_player(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RETROTIMER_AUDIO", "simpleaudio")
    device = FakeBackend("simpleaudio")
    made = Opened(qtbot, app_paths, {"simpleaudio": lambda: device})
    cues = made.desktop.cues
    settings = made.window.parts.settings
    try:
        # The Run screen's session, which gives the speaker its plan, is made once painted.
        with qtbot.waitSignal(made.window.first_painted):
            made.window.show()
        settings.update(replace(settings.current, volume=0.3))
        cues.preview_volume()  # builds the player, with the settings of now
        assert cues.backend_name == "simpleaudio"
        assert device.played[-1] == (PREVIEW_TONE, pytest.approx(gain_for_volume(0.3)))
        player = cues.built
        assert player is not None
        speech = player.speech_plan
        assert speech is not None and speech.lines, "the loaded plan has words"
        settings.update(replace(settings.current, voice=False))
        speech = player.speech_plan
        assert speech is not None and speech.lines == ()
        stops, played = device.stops, len(device.played)
        settings.update(replace(settings.current, muted=True))
        assert device.stops == stops + 1, "muting silences at once"
        cues.preview_volume()
        assert len(device.played) == played
    finally:
        assert made.close() is None
    assert device.closed, "the speaker is let go with the window"


def test_a_followed_program_opens_on_today(qtbot: QtBot, app_paths: AppPaths) -> None:
    ProgramLibrary(app_paths).choose(ProgramChoice(LEARN, local_day(system_wall_clock())))
    made = Opened(qtbot, app_paths)
    try:
        assert made.window.tabs.currentWidget() is made.window.today_tab
    finally:
        made.close()


def test_a_settings_file_kept_aside_is_told_first(qtbot: QtBot, app_paths: AppPaths) -> None:
    app_paths.settings_file.write_bytes(b"volume = 7.0\n")
    made = Opened(qtbot, app_paths)
    try:
        (told,) = made.desktop.startup
        assert told.startswith("The settings file could not be used as it was")
        assert made.desktop.notices == ()
    finally:
        made.close()


def test_without_a_history_the_window_says_why(qtbot: QtBot, app_paths: AppPaths) -> None:
    lock_path(app_paths).mkdir()  # the instance lock cannot be made
    made = Opened(qtbot, app_paths)
    try:
        assert made.desktop.history is None
        (notice,) = made.desktop.notices
        assert notice.startswith("History is not available:")
        screen = made.window.history_screen
        assert not screen.isEnabled() and screen.message.text() == notice
        assert made.window.parts.transfer is None
    finally:
        assert made.close() is None


def test_sessions_the_history_refuses_are_kept_at_exit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with small_disk(tmp_path / "stick") as stick:
        # The history's disk fills up; the cache folder lives on another that has room.
        (stick / "cache").symlink_to(tmp_path, target_is_directory=True)
        monkeypatch.setenv("RETROTIMER_HOME", str(stick))
        made = Opened(qtbot, AppPaths.from_environment().ensure())
        try:
            made.start_past_the_checklist()
            fill_up(stick)
            made.run_for(10.0)
            made.stop()
        finally:
            message = made.close()
    (kept,) = tmp_path.glob("unsaved-session-*.json")
    backup = stick / "cache" / kept.name
    assert message == (
        f"The history could not be written, so the last session went to {backup}. "
        f"Once it can be written, restore it with: retrotimer history import {backup}"
    )
    (session,) = json.loads(kept.read_text(encoding="utf-8"))["sessions"]
    assert session["status"] == "stopped"


def test_a_session_left_running_is_reported_at_start(app_paths: AppPaths) -> None:
    history, _ = open_history(app_paths)
    assert history is not None
    history.store.begin_session(
        SessionStart("abc", "First steps", "{}", Venue.TRACK, WallTime(1714980600.0, 0), 600.0)
    )
    history.close()  # as if the app had died mid-session
    history, notices = open_history(app_paths)
    assert history is not None
    try:
        assert len(notices) == 1 and "kept as interrupted" in notices[0]
        assert history.store.list_sessions()[0].status.value == "interrupted"
    finally:
        history.close()


def test_a_second_instance_refuses_with_a_message(app_paths: AppPaths) -> None:
    lock = InstanceLock.for_paths(app_paths)
    lock.acquire()
    try:
        result = retrotimer("--quit-after", "0.3")
    finally:
        lock.release()
    assert result.returncode == 1
    assert "another RetroTimer is running" in result.stderr
    assert not (app_paths.config / "window.ini").exists()


def test_the_history_and_the_coach_wait_for_the_first_paint(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    """However long the history, the window is painted first: its database is opened and
    checked, a dead instance's session recovered and the coach asked just after."""
    dead, _ = open_history(app_paths)
    assert dead is not None
    dead.store.begin_session(
        SessionStart("abc", "First steps", "{}", Venue.TRACK, WallTime(1714980600.0, 0), 600.0)
    )
    dead.close()  # as if the app had died mid-session
    ProgramLibrary(app_paths).choose(ProgramChoice(LEARN, local_day(system_wall_clock())))
    made = Opened(qtbot, app_paths)
    try:
        window, history = made.window, made.desktop.history
        assert history is not None and not history.store.database.is_open
        assert window.tabs.currentWidget() is window.today_tab
        assert window.today_panel.view is None, "Today is filled after the first paint"
        assert made.desktop.notices == ()
        with qtbot.waitSignal(window.first_painted):
            window.show()
        qtbot.waitUntil(lambda: window.today_panel.view is not None)
        assert history.store.database.is_open
        assert history.store.list_sessions()[0].status.value == "interrupted"
        (notice,) = window.notices.texts()
        assert "(First steps) did not finish; it is kept as interrupted" in notice
    finally:
        made.close()


def test_a_program_that_is_not_installed_is_told_after_the_first_paint(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    ProgramLibrary(app_paths).choose(ProgramChoice("Gone", local_day(system_wall_clock())))
    made = Opened(qtbot, app_paths)
    try:
        window = made.window
        assert made.desktop.startup == ()
        assert window.tabs.currentWidget() is window.today_tab, "a program is chosen"
        with qtbot.waitSignal(window.first_painted):
            window.show()
        qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.run_screen)
        assert not window.tabs.isTabVisible(window.tabs.indexOf(window.today_tab))
        (notice,) = window.notices.texts()
        assert notice.startswith("The program you follow, 'Gone', is not installed")
    finally:
        made.close()
