"""Fixtures for the window tests: a real settings store, a fake clock, a recording screen-awake."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from retrotimer.app import wire_parts
from retrotimer.core.history.wall_time import WallTime
from retrotimer.core.model import Length, Segment, SegmentKind, Template, Venue
from retrotimer.core.ports import CueSink
from retrotimer.core.sensors.sensor_ports import SensorLink
from retrotimer.core.session.plan import Cue, Plan
from retrotimer.core.session.session_machine import Event, SessionState
from retrotimer.core.settings import Settings
from retrotimer.runtime.clock import FakeClock
from retrotimer.runtime.run_parts import RunParts
from retrotimer.runtime.sensor_feed import SensorFeed
from retrotimer.storage.history.history_store import HistoryStore
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import SettingsStore
from retrotimer.storage.templates.template_library import TemplateLibrary
from retrotimer.storage.templates.template_store import TemplateStore
from retrotimer.ui.run.run_screen import RunScreen
from retrotimer.ui.shell.main_window import MainWindow
from tests.factories import first_steps, simple


class RecordingCues:
    """A CueSink that remembers what it was given (the sound itself is the audio tests')."""

    backend_name = "recording"

    def __init__(self) -> None:
        self.plans: list[Plan] = []
        self.events: list[Event] = []
        self.heart_rates: list[int] = []
        self.settings: list[Settings] = []
        self.previews: list[float | None] = []
        self.held: list[bool] = []
        self.closed = False

    def load(self, plan: Plan, get_ready: Sequence[Cue]) -> None:
        self.plans.append(plan)

    def hold(self, held: bool) -> None:
        self.held.append(held)

    def wait_ready(self, timeout_s: float) -> bool:
        return True  # a recording is always ready; tests/runtime/ tests a slow speaker

    def handle(self, event: Event) -> None:
        self.events.append(event)

    def say_heart_rate(self, bpm: int) -> None:
        self.heart_rates.append(bpm)

    def apply_settings(self, settings: Settings) -> None:
        self.settings.append(settings)

    def preview_volume(self) -> None:
        """Remembers the volume the preview beep would sound at."""
        self.previews.append(self.settings[-1].volume if self.settings else None)

    def close(self) -> None:
        self.closed = True


class RecordingAwake:
    """A ScreenAwake that remembers what it was asked to do."""

    def __init__(self) -> None:
        self.held = False
        self.calls: list[str] = []

    def hold(self) -> None:
        self.calls.append("hold")
        self.held = True

    def release(self) -> None:
        self.calls.append("release")
        self.held = False


def treadmill_steps() -> Template:
    template = first_steps(Venue.TREADMILL)
    return Template("Treadmill steps", template.items, template.description, Venue.TREADMILL)


def mixed() -> Template:
    """Every direction in one short session: 10 s warm-up, 12 s backward jog (with a note),
    8 s forward run, 6 s rest, 10 s cool-down."""
    template = simple(
        Segment(SegmentKind.WARMUP, Length.seconds(10)),
        Segment(SegmentKind.BACKWARD_JOG, Length.seconds(12), None, "short quick steps"),
        Segment(SegmentKind.FORWARD_RUN, Length.seconds(8)),
        Segment(SegmentKind.REST, Length.seconds(6)),
        Segment(SegmentKind.COOLDOWN, Length.seconds(10)),
    )
    return Template("Mixed", template.items, "", Venue.TRACK)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform cannot pass size hints on to a window system and says so each
    # time a window's constraints change; under a real X server the message never appears.
    for item in items:
        item.add_marker(
            pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")
        )


MONDAY_0730_UTC = 1714980600.0  # 2024-05-06 07:30 UTC


# No get-ready by default so tests reach the segments directly; tests of it set it.
TEST_SETTINGS = Settings(get_ready_s=0, safety_checklist=False)


class Harness:
    """A shown main window with its fake clock and recording parts; a real cue player given
    as `speaker` hears the sessions and the settings instead of the recording one."""

    def __init__(
        self,
        qtbot: QtBot,
        paths: AppPaths,
        settings: Settings,
        builtins: Sequence[Template] = (),
        speaker: CueSink | None = None,
        sensor_link: SensorLink | None = None,
    ) -> None:
        self.qtbot = qtbot
        self.paths = paths
        self.store = SettingsStore(paths)
        self.store.save(settings)
        self.clock = FakeClock(1000.0)
        self.awake = RecordingAwake()
        self.cues = RecordingCues()
        # A real library on a private folder; the tests' own templates are the user's.
        names = [template.name for template in builtins]
        self.library = TemplateLibrary(TemplateStore.from_paths(paths, names), tuple(builtins))
        for template in (first_steps(), treadmill_steps(), mixed()):
            self.library.save(template)
        # A real SQLite history; its wall clock moves with the fake clock from a Monday.
        self.history = HistoryStore(paths.history_db)
        # The sensors' news, when a link (the radio's stand-in) is given.
        self.feed = SensorFeed(self.clock) if sensor_link is not None else None
        # Wired as the app wires its window, with the fake clock and the recording parts.
        self.parts = wire_parts(
            paths,
            self.store,
            RunParts(
                clock=self.clock,
                wall_clock=self.wall_clock,
                cues=speaker if speaker is not None else self.cues,
                awake=self.awake,
                sensors=self.feed,
            ),
            self.history,
            library=self.library,
            sensors=self.feed,
            sensor_link=sensor_link,
        )
        self.settings = self.parts.settings
        self.runs = self.parts.runs
        self.parts.memory.setValue("run/last_template", "First steps")
        self.window = self.make_window()

    def wall_clock(self) -> WallTime:
        return WallTime(MONDAY_0730_UTC + (self.clock.now - 1000.0), 7200)

    def make_window(self) -> MainWindow:
        window = MainWindow(self.parts)
        self.qtbot.addWidget(window)
        return window

    def show(self) -> MainWindow:
        self.window.show()
        self.qtbot.waitExposed(self.window)
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: self.window.isActiveWindow())
        return self.window

    def dismiss_summary(self) -> None:
        """Close the summary of the session just ended without saving a review."""
        dialog = self.window.summary_dialog
        assert dialog is not None, "no summary is open"
        dialog.reject()

    @property
    def run(self) -> RunScreen:
        return self.window.run_screen

    def run_for(self, seconds: float, step: float = 0.5) -> None:
        """Let time pass as the controller's timer would see it, polling every `step`."""
        controller = self.run.controller
        assert controller is not None
        end = self.clock.now + seconds
        while self.clock.now < end - 1e-9:
            self.clock.now = min(end, self.clock.now + step)
            controller.poll()

    def run_until(self, predicate: object, limit_s: float = 600) -> None:
        assert callable(predicate)
        controller = self.run.controller
        assert controller is not None
        end = self.clock.now + limit_s
        while not predicate():
            assert self.clock.now < end, "the session never got there"
            self.clock.advance(0.5)
            controller.poll()

    def position(self) -> float:
        controller = self.run.controller
        assert controller is not None
        return controller.view().position_s

    def state(self) -> SessionState | None:
        return self.run.state


@pytest.fixture(autouse=True)
def restore_app_look(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that switches the theme must not change how the next test looks."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet, style = app.palette(), app.styleSheet(), app.style().name()
    yield
    app.setStyle(style)
    app.setPalette(palette)
    app.setStyleSheet(sheet)


@pytest.fixture
def app_paths(private_home: Path) -> AppPaths:
    return AppPaths.from_environment().ensure()


@pytest.fixture
def library_harness(qtbot: QtBot, app_paths: AppPaths) -> Iterator[Harness]:
    """A window whose library has the real built-in templates too."""
    from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES

    made = Harness(qtbot, app_paths, TEST_SETTINGS, BUILTIN_TEMPLATES)
    yield made
    made.window.close()
    made.history.close()


@pytest.fixture
def harness(qtbot: QtBot, app_paths: AppPaths) -> Iterator[Harness]:
    made = Harness(qtbot, app_paths, TEST_SETTINGS)
    yield made
    made.window.close()
    made.history.close()
