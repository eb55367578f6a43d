"""The short safety checklist shown before the first run of a template."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.model import Venue

TRACK_ITEMS = (
    "I am on a flat, open space without obstacles: a track, a gym floor or a field.",
    "The path behind me is clear of people, objects and slopes.",
    "I wear supportive shoes with good grip.",
    "I will walk backward first, look over my shoulder, and stop if I feel dizzy.",
)
TREADMILL_ITEMS = (
    "The treadmill is set to a slow speed.",
    "I hold the rails until I feel confident.",
    "The safety clip is attached to my clothing.",
    "I wear supportive shoes with good grip, and stop if I feel dizzy.",
)


def checklist_items(venue: Venue) -> tuple[str, ...]:
    return TREADMILL_ITEMS if venue is Venue.TREADMILL else TRACK_ITEMS


class SafetyChecklist(QDialog):
    """Each item must be ticked before the session starts; it can be turned off for good."""

    def __init__(self, template_name: str, venue: Venue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Before you start")
        self.setAccessibleName("Safety checklist")
        layout = QVBoxLayout(self)
        where = "on a treadmill" if venue is Venue.TREADMILL else "on a track or open ground"
        heading = QLabel(f"<b>{template_name}</b>: first run {where}. Please check:")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.items: list[QCheckBox] = []
        for text in checklist_items(venue):
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.toggled.connect(self._update)
            layout.addWidget(box)
            self.items.append(box)
        self.show_again = QCheckBox("Show this checklist before the first run of each template")
        self.show_again.setAccessibleName("Show the safety checklist before first runs")
        self.show_again.setChecked(True)
        layout.addSpacing(8)
        layout.addWidget(self.show_again)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText("Start session")
        self.start_button.setAccessibleName("Start session")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.start_button.setEnabled(all(box.isChecked() for box in self.items))

    def tick_all(self) -> None:
        for box in self.items:
            box.setChecked(True)
