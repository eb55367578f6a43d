"""Screens built the first time they are shown, in their own tab's place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from retrotimer.core.programs.builtin_programs import LEARN
from retrotimer.core.programs.program_choice import ProgramChoice
from retrotimer.ui.shell.lazy_tab import LazyTab
from tests.ui.conftest import Harness


class Built:
    def __init__(self) -> None:
        self.screens: list[QWidget] = []

    def __call__(self) -> QWidget:
        self.screens.append(QLabel(f"screen {len(self.screens) + 1}"))
        return self.screens[-1]


def tabs_with_a_lazy_one(qtbot: QtBot) -> tuple[QTabWidget, LazyTab, Built, list[QWidget]]:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "&First")
    shown: list[QWidget] = []
    tabs.currentChanged.connect(lambda _index: shown.append(tabs.currentWidget()))
    build = Built()
    lazy = LazyTab(tabs, "&Lazy", build)
    tabs.addTab(QLabel("last"), "L&ast")
    return tabs, lazy, build, shown


def test_the_screen_is_built_when_its_tab_is_first_shown_and_takes_its_place(
    qtbot: QtBot,
) -> None:
    tabs, lazy, build, shown = tabs_with_a_lazy_one(qtbot)
    tabs.show()
    assert build.screens == [] and lazy.built is None
    tabs.setCurrentIndex(1)
    (screen,) = build.screens
    assert lazy.built is screen and lazy.screen() is screen
    assert tabs.currentWidget() is screen and tabs.indexOf(screen) == 1
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&First", "&Lazy", "L&ast"]
    assert len(shown) == 1, "a listener hears the showing once"
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert build.screens == [screen], "built once"
    assert shown[-1] is screen


def test_a_screen_asked_for_is_built_without_being_shown(qtbot: QtBot) -> None:
    tabs, lazy, build, shown = tabs_with_a_lazy_one(qtbot)
    screen = lazy.screen()
    assert build.screens == [screen] and tabs.indexOf(screen) == 1
    assert tabs.currentIndex() == 0 and shown == []
    tabs.setCurrentWidget(screen)
    assert tabs.currentWidget() is screen and build.screens == [screen]


def test_the_window_builds_templates_history_and_programs_when_they_are_first_shown(
    harness: Harness,
) -> None:
    window = harness.show()
    pages = [window.tabs.widget(i) for i in range(window.tabs.count())]
    assert [type(page).__name__ for page in pages] == [
        "QWidget",  # Today, hidden while no program is followed
        "RunScreen",
        "QWidget",
        "QWidget",
        "QWidget",
    ]
    harness.qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    history = window.tabs.currentWidget()
    assert type(history).__name__ == "HistoryScreen" and history is window.history_screen
    assert window.history_screen.statistics.text(), "filled as it is shown"
    assert type(window.tabs.widget(2)).__name__ == "QWidget", "Templates is still not built"
    window.tabs.setCurrentIndex(2)
    assert window.tabs.currentWidget() is window.templates_screen
    assert type(window.tabs.widget(4)).__name__ == "QWidget", "Programs is still not built"
    harness.qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    programs = window.tabs.currentWidget()
    assert type(programs).__name__ == "ProgramsScreen" and programs is window.programs_screen
    assert window.programs_screen.catalogue.count(), "filled as it is built"


def test_today_is_built_once_a_program_is_followed(harness: Harness) -> None:
    window = harness.show()
    assert type(window.tabs.widget(0)).__name__ == "QWidget"
    assert not window.tabs.isTabVisible(0)
    assert window.following.choose(ProgramChoice(LEARN, window.followed.today()))
    assert type(window.tabs.widget(0)).__name__ == "TodayTab"
    assert window.tabs.isTabVisible(0)
    assert window.today_panel.start_button.isVisibleTo(window.today_tab)
