"""The run screen's keys, presenter-remote keys included, as actions with accessible names."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from retrotimer.core.value import value
from retrotimer.ui.common.actions import text_action

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

KEYPAD = Qt.KeyboardModifier.KeypadModifier


@value
class KeyBinding:
    """One command and every key that runs it."""

    name: str
    text: str
    keys: tuple[QKeySequence, ...]


def _keys(*keys: Qt.Key | QKeySequence | str) -> tuple[QKeySequence, ...]:
    return tuple(key if isinstance(key, QKeySequence) else QKeySequence(key) for key in keys)


# Presenter remotes send PageUp/PageDown for their arrows and B or "." for their "blank
# screen" button: B goes back (as the keyboard's B does), "." pauses and resumes.
BINDINGS: dict[str, KeyBinding] = {
    "toggle": KeyBinding(
        "toggle", "Start, pause or resume", _keys(Qt.Key.Key_Space, Qt.Key.Key_Period)
    ),
    # L is the lap key: it ends an open or distance step, as any skip key does.
    "skip": KeyBinding(
        "skip",
        "Skip to the next segment, or end an open step",
        _keys(Qt.Key.Key_Right, Qt.Key.Key_PageDown, "L", "N"),
    ),
    "back": KeyBinding(
        "back",
        "Back to the start of the segment, or the one before",
        _keys(Qt.Key.Key_Left, Qt.Key.Key_PageUp, "B"),
    ),
    "stop": KeyBinding("stop", "Stop the session", _keys(Qt.Key.Key_Escape)),
    "fullscreen": KeyBinding("fullscreen", "Full screen", _keys(Qt.Key.Key_F11, "F")),
    "volume_up": KeyBinding(
        "volume_up",
        "Volume up",
        _keys(
            Qt.Key.Key_Plus,
            Qt.Key.Key_Equal,
            QKeySequence(KEYPAD | Qt.Key.Key_Plus),
        ),
    ),
    "volume_down": KeyBinding(
        "volume_down",
        "Volume down",
        _keys(Qt.Key.Key_Minus, QKeySequence(KEYPAD | Qt.Key.Key_Minus)),
    ),
    "mute": KeyBinding("mute", "Mute or unmute", _keys("M")),
}


def install_actions(owner: QWidget, handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """Actions on `owner`, live whenever it is visible in the active window."""
    actions: dict[str, QAction] = {}
    for name, binding in BINDINGS.items():
        action = text_action(binding.text, owner)
        action.setObjectName(f"action_{name}")
        action.setShortcuts(list(binding.keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setAutoRepeat(False)  # a held key must not skip through the whole session
        action.triggered.connect(handlers[name])
        owner.addAction(action)
        actions[name] = action
    return actions
