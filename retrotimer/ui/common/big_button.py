"""A large push button: the action in big letters, its keys in small letters beneath."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class BigButton(QPushButton):
    """The labels pass clicks through to the button; the accessible name is the action."""

    def __init__(self, action: str, keys: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(0)
        self.action_label = QLabel(action)
        self.keys_label = QLabel(keys)
        for label, scale, bold in ((self.action_label, 1.8, True), (self.keys_label, 1.0, False)):
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(bold)
            label.setFont(font)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        self.setAccessibleName(action)
        # The labels may clip in a narrow window rather than force the window wider.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def action(self) -> str:
        return self.action_label.text()

    def set_action(self, action: str) -> None:
        self.action_label.setText(action)
        self.setAccessibleName(action)

    def set_keys(self, keys: str) -> None:
        self.keys_label.setText(keys)

    def sizeHint(self) -> QSize:
        width = max(self.action_label.sizeHint().width(), self.keys_label.sizeHint().width())
        return QSize(width + 24, 72)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 48)
