"""Settings' Bluetooth sensors: scan, pair and forget a heart-rate strap and a footpod."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.sensors.pairing import forgetting, paired_device, with_paired
from retrotimer.core.sensors.sensor_kinds import LinkState, SensorKind
from retrotimer.core.value import replace

if TYPE_CHECKING:
    from retrotimer.core.sensors.sensor_ports import SensorLink
    from retrotimer.core.sensors.sensor_values import SensorDevice, SensorStatus
    from retrotimer.core.settings import Settings
    from retrotimer.runtime.sensor_feed import SensorFeed

SCAN_S = 8.0
KIND_WORDS = {SensorKind.HEART_RATE: "Heart-rate strap", SensorKind.FOOTPOD: "Footpod"}
STATE_WORDS = {LinkState.CONNECTED: "connected", LinkState.SEARCHING: "searching"}


def device_text(device: SensorDevice) -> str:
    return f"{KIND_WORDS[device.kind]}: {device.name} ({device.address})"


class SensorSettingsBox(QGroupBox):
    """Shows the paired sensors with a Forget button each, scans for others and pairs the one
    chosen; `applied(settings)` gives the settings with what was paired, forgotten and
    ticked here. Nothing is paired before Save."""

    def __init__(
        self, settings: Settings, feed: SensorFeed, link: SensorLink, parent: QWidget | None = None
    ) -> None:
        super().__init__("Heart rate and footpod (Bluetooth)", parent)
        self.setAccessibleName("Bluetooth sensors")
        self._link = link
        self._saved = settings
        self._paired = {kind: paired_device(settings, kind) for kind in SensorKind}
        readings = feed.readings()
        self._states = {
            SensorKind.HEART_RATE: readings.heart_rate_link,
            SensorKind.FOOTPOD: readings.footpod_link,
        }
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self._paired_labels: dict[SensorKind, QLabel] = {}
        self.forget_buttons: dict[SensorKind, QPushButton] = {}
        for row, kind in enumerate(SensorKind):
            label = QLabel()
            label.setAccessibleName(f"Paired {KIND_WORDS[kind].lower()}")
            button = QPushButton("Forget")
            button.setAccessibleName(f"Forget the {KIND_WORDS[kind].lower()}")
            button.clicked.connect(lambda _checked=False, kind=kind: self.forget(kind))
            grid.addWidget(label, row, 0)
            grid.addWidget(button, row, 1)
            self._paired_labels[kind] = label
            self.forget_buttons[kind] = button
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        scan_row = QHBoxLayout()
        self.scan_button = QPushButton("&Look for sensors")
        self.scan_button.setAccessibleName("Look for sensors")
        self.scan_button.clicked.connect(self.scan)
        self.status = QLabel("Wear the strap (wet its pads) or take a step with the footpod.")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Sensor search")
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.status, 1)
        layout.addLayout(scan_row)
        self.found = QListWidget()
        self.found.setAccessibleName("Sensors found")
        self.found.setMaximumHeight(64)
        self.found.itemDoubleClicked.connect(lambda _item: self.pair_chosen())
        layout.addWidget(self.found)
        self.pair_button = QPushButton("&Pair the one chosen")
        self.pair_button.setAccessibleName("Pair the sensor chosen")
        self.pair_button.clicked.connect(self.pair_chosen)
        self.pair_button.setEnabled(False)
        self.found.currentItemChanged.connect(
            lambda item, _old: self.pair_button.setEnabled(item is not None)
        )
        self.speak = QCheckBox("Say my &heart rate when a segment ends")
        self.speak.setAccessibleName("Say the heart rate when a segment ends")
        self.speak.setChecked(settings.speak_heart_rate)
        choices = QHBoxLayout()
        choices.addWidget(self.pair_button)
        choices.addStretch(1)
        choices.addWidget(self.speak)
        layout.addLayout(choices)
        self.count_steps = QCheckBox("End step-counted segments on the &footpod's steps")
        self.count_steps.setAccessibleName("End step-counted segments on the footpod's steps")
        self.count_steps.setToolTip(
            "A backward segment counted in steps ends when the footpod has counted them, "
            "sooner or later than its planned time (at most twice as long). Without a "
            "footpod signal it ends at its planned time."
        )
        self.count_steps.setChecked(settings.footpod_ends_steps)
        layout.addWidget(self.count_steps)
        feed.scan_finished.connect(self.show_found)
        feed.status_changed.connect(self._show_state)
        self._show_paired()

    def scan(self) -> None:
        self.scan_button.setEnabled(False)
        self.found.clear()
        self.status.setText(f"Looking for sensors for {SCAN_S:g} seconds…")
        self._link.scan(SCAN_S)

    def show_found(self, found: Sequence[SensorDevice], problem: str) -> None:
        self.scan_button.setEnabled(True)
        self.found.clear()
        for device in found:
            item = QListWidgetItem(device_text(device))
            item.setData(Qt.ItemDataRole.UserRole, device)
            self.found.addItem(item)
        if problem:
            self.status.setText(problem)
        elif not found:
            self.status.setText("No heart-rate strap or footpod found. Is it awake and near?")
        else:
            self.status.setText("Choose one and pair it; Save keeps it.")
            self.found.setCurrentRow(0)

    def pair_chosen(self) -> None:
        item = self.found.currentItem()
        if item is None:
            return
        device: SensorDevice = item.data(Qt.ItemDataRole.UserRole)
        self._paired[device.kind] = device
        self._show_paired()

    def forget(self, kind: SensorKind) -> None:
        self._paired[kind] = None
        self._show_paired()

    def _show_state(self, status: SensorStatus) -> None:
        self._states[status.kind] = status.state
        self._show_paired()

    def paired_text(self, kind: SensorKind) -> str:
        """The paired sensor of this kind, and whether it is connected now (as saved)."""
        device = self._paired[kind]
        if device is None:
            return f"{KIND_WORDS[kind]}: none"
        state = STATE_WORDS.get(self._states[kind])
        heard = state is not None and device == paired_device(self._saved, kind)
        return device_text(device) + (f": {state}" if heard else "")

    def _show_paired(self) -> None:
        for kind, label in self._paired_labels.items():
            label.setText(self.paired_text(kind))
            self.forget_buttons[kind].setEnabled(self._paired[kind] is not None)

    def applied(self, settings: Settings) -> Settings:
        for kind, device in self._paired.items():
            settings = (
                forgetting(settings, kind) if device is None else with_paired(settings, device)
            )
        return replace(
            settings,
            speak_heart_rate=self.speak.isChecked(),
            footpod_ends_steps=self.count_steps.isChecked(),
        )
