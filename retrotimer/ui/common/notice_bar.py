"""The notices a runner must see (history recovered, screen will sleep, sound changed, a file
refused): a band across the top of the window that stays until it is dismissed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

# Black on safety yellow, like the run screen's safety banner: it reads in either theme.
BAND_STYLE = "background: #FFD400; color: #000000;"
BUTTON_STYLE = (
    "background: #FFFFFF; color: #000000; border: 2px solid #000000; border-radius: 4px;"
    " padding: 4px 12px;"
)
MAX_NOTICES = 5  # older ones make way: a band taller than this would crowd the screen


class NoticeBar(QFrame):
    """Each notice is a line of text with its own Dismiss button; the band hides when none
    is left. The same notice twice is shown once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notices")
        self.setObjectName("notices")
        self.setStyleSheet(
            f"#notices, #notices QLabel {{ {BAND_STYLE} }}"
            f" #notices QPushButton {{ {BUTTON_STYLE} }}"
            f" #notices QPushButton:focus {{ {BUTTON_STYLE} border-width: 4px; }}"
        )
        self.setAutoFillBackground(True)
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(12, 6, 12, 6)
        self._rows.setSpacing(4)
        self._notices: dict[str, QWidget] = {}
        self.hide()

    def add(self, text: str) -> None:
        if text in self._notices:
            return
        while len(self._notices) >= MAX_NOTICES:
            self.dismiss(next(iter(self._notices)))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        label.setAccessibleName("Notice")
        dismiss = QPushButton("Dismiss")
        dismiss.setAccessibleName("Dismiss the notice")
        dismiss.setAccessibleDescription(text)
        dismiss.clicked.connect(lambda: self.dismiss(text))
        line.addWidget(label, 1)
        line.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self._rows.addWidget(row)
        row.show()  # at once: a layout shows a row added to a shown band only later
        self._notices[text] = row
        self.show()

    def dismiss(self, text: str) -> None:
        row = self._notices.pop(text, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self.setVisible(bool(self._notices))

    def texts(self) -> list[str]:
        return list(self._notices)
