"""The keys dialog: every key by a name a runner reads, and none of its text clipped."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from retrotimer.ui.run.keys_help import KeysHelp, keys_table_html
from retrotimer.ui.run.run_keys import BINDINGS
from tests.ui.common.text_fit import clipped_texts


def test_keypad_keys_are_named_plainly() -> None:
    table = keys_table_html()
    assert "Num" not in table
    assert "+ (also on the keypad)" in table
    assert "- (also on the keypad)" in table or "− (also on the keypad)" in table
    for binding in BINDINGS.values():
        assert binding.text in table


def test_the_keys_dialog_shows_all_of_its_text(qtbot: QtBot) -> None:
    dialog = KeysHelp()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert clipped_texts(dialog) == []
