"""The editor's text tab: the template in the text syntax, read back as the user types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from retrotimer.core.templates.text_syntax import format_template_text, read_template_text

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.settings import Settings


class TemplateTextView(QPlainTextEdit):
    """Emits `read(TemplateReading)` after each change the user makes; `show_template` writes
    a template without emitting. Tab moves the focus on (indent with spaces)."""

    read = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._writing = False
        self._default_name = ""
        self.setAccessibleName("Template text")
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setPlaceholderText(
            "# My session\n5m warm-up walk\n6x\n  15 steps backward walk\n"
            '  30s walk "turn around and reset"\n3m cool-down walk'
        )
        self.textChanged.connect(self._changed)

    def set_settings(self, settings: Settings) -> None:
        self._settings = settings

    def show_template(self, template: Template) -> None:
        text = format_template_text(template)
        self._default_name = template.name
        if text == self.toPlainText():
            return
        self._writing = True
        try:
            self.setPlainText(text)
        finally:
            self._writing = False

    def _changed(self) -> None:
        if self._writing:
            return
        self.read.emit(read_template_text(self.toPlainText(), self._default_name, self._settings))

    def go_to(self, line: int, column: int) -> None:
        """Put the cursor where a problem is (1-based, as the messages count)."""
        block = self.document().findBlockByLineNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right, n=max(0, min(column - 1, block.length() - 1))
        )
        self.setTextCursor(cursor)
        self.setFocus()
