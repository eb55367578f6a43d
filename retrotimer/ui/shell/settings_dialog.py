"""The Settings dialog: cadences, timing, cues, sound and look, venue, open-step estimates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.model import Venue
from retrotimer.core.session.cue_sounds import SAFETY_TONES
from retrotimer.core.session.plan import CueType
from retrotimer.core.session.tone_names import TONE_WORDS
from retrotimer.core.settings import (
    CADENCE_RANGE,
    MAX_COUNTDOWN_PIPS,
    OPEN_STEP_RANGE,
    PACE_RANGE,
    Settings,
    StepsAs,
    Theme,
)
from retrotimer.core.value import replace
from retrotimer.ui.common.scroll_body import ScrollBody

if TYPE_CHECKING:
    from retrotimer.ui.programs.program_settings_box import ProgramSettingsBox
    from retrotimer.ui.shell.sensor_settings_box import SensorSettingsBox

# Words for a runner; the setting keeps the backends' names (`retrotimer diagnose` shows them).
BACKENDS = (
    ("auto", "Automatic: the first that works"),
    ("qt", "Standard sound output"),
    ("simpleaudio", "Alternative sound output"),
    ("silent", "No sound"),
)
THEMES = (
    (Theme.SYSTEM, "Follow the system"),
    (Theme.DARK, "Dark, high contrast"),
    (Theme.LIGHT, "Light"),
)
VENUES = ((Venue.TRACK, "Track or open ground"), (Venue.TREADMILL, "Treadmill"))
STEPS_AS = (
    (StepsAs.TIME, "A time, at your cadence"),
    (StepsAs.LAP, "An open step: press lap when done"),
)


SAFETY_WORDS = {
    CueType.SHOULDER_CHECK: "look over your shoulder",
    CueType.TURN_AROUND: "stop and turn around",
    CueType.HOLD_RAILS: "hold the rails",
}


def voice_off_cost(beeps: bool) -> str:
    """What the runner loses without the voice, with or without the beeps."""
    if not beeps:
        cues = ", ".join(SAFETY_WORDS.values())
        return (
            "Without the voice and the beeps no cue is heard at all, not even the safety cues: "
            f"{cues}."
        )
    signals = "; ".join(
        f"{TONE_WORDS[SAFETY_TONES[cue]]}, {words}" for cue, words in SAFETY_WORDS.items()
    )
    return f"Without the voice nothing is said, and the safety cues are signals alone: {signals}."


def _spin(low: int, high: int, suffix: str, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


def _combo(name: str, entries: tuple[tuple[object, str], ...]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for value, text in entries:
        box.addItem(text, value)
    return box


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `settings()` gives the result. Every control's range is
    the range `Settings.validate` accepts, so the result is always valid."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        programs: ProgramSettingsBox | None = None,
        sensors: SensorSettingsBox | None = None,
    ) -> None:
        super().__init__(parent)
        # The training program is kept apart from the settings (see docs/ARCHITECTURE.md);
        # the caller builds its box and reads `programs.choice()` after Save.
        self.programs = programs
        # The Bluetooth sensors: what is paired there is saved with the rest.
        self.sensors = sensors
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self._original = settings
        # Two columns, so that the dialog is about 500 px high rather than 800; the columns
        # scroll (the buttons stay) on a screen lower still.
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        low, high = CADENCE_RANGE

        cadence = QGroupBox("Cadence: steps per minute, to time step segments")
        cadence_form = QFormLayout(cadence)
        self.cadence_walk = _spin(low, high, " steps/min", "Backward walk cadence")
        self.cadence_jog = _spin(low, high, " steps/min", "Backward jog cadence")
        self.cadence_sprint = _spin(low, high, " steps/min", "Backward sprint cadence")
        cadence_form.addRow("Backward &walk:", self.cadence_walk)
        cadence_form.addRow("Backward &jog:", self.cadence_jog)
        cadence_form.addRow("Backward s&print:", self.cadence_sprint)
        left.addWidget(cadence)

        timing = QGroupBox("Timing")
        timing_form = QFormLayout(timing)
        self.get_ready = _spin(0, 60, " s", "Get-ready countdown")
        self.pips = _spin(0, MAX_COUNTDOWN_PIPS, " pips", "Countdown pips")
        self.reminder = _spin(5, 120, " s", "Reminder interval")
        self.next_up_lead = _spin(2, 30, " s", "Next-up lead time")
        timing_form.addRow("&Get-ready countdown:", self.get_ready)
        timing_form.addRow("Countdown p&ips before a change:", self.pips)
        timing_form.addRow("&Reminder every (backward):", self.reminder)
        timing_form.addRow("Say what comes ne&xt, before the end:", self.next_up_lead)
        left.addWidget(timing)

        cues = QGroupBox("Cues")
        cues_layout = QVBoxLayout(cues)
        self.voice = QCheckBox("&Voice")
        self.beeps = QCheckBox("&Beeps")
        self.step_ticks = QCheckBox("Step &ticks")
        self.next_up = QCheckBox("Announce what comes &next")
        self.halfway = QCheckBox("&Halfway call on long segments")
        self.checklist = QCheckBox("Safety &checklist before a template's first run")
        cue_row = QHBoxLayout()
        for box in (self.voice, self.beeps, self.step_ticks, self.next_up):
            box.setAccessibleName(box.text().replace("&", ""))
            cue_row.addWidget(box)
        cues_layout.addLayout(cue_row)
        # Turning the voice off must not silently cost the safety words: say what it leaves,
        # in two lines at most (the dialog must fit an 800-pixel-high screen).
        self.voice_off = QLabel()
        self.voice_off.setWordWrap(True)
        self.voice_off.setAccessibleName("Without the voice")
        longest = max(
            self.fontMetrics().horizontalAdvance(voice_off_cost(b)) for b in (True, False)
        )
        self.voice_off.setMinimumWidth(longest // 2 + 8 * self.fontMetrics().averageCharWidth())
        # Its two lines held from the start: a wrapped label's hint is one line until it is
        # laid out, and the dialog sizes itself before that.
        self.voice_off.setMinimumHeight(2 * self.fontMetrics().lineSpacing())
        self.beeps.toggled.connect(lambda beeps: self.voice_off.setText(voice_off_cost(beeps)))
        cues_layout.addWidget(self.voice_off)
        for box in (self.halfway, self.checklist):
            box.setAccessibleName(box.text().replace("&", ""))
            cues_layout.addWidget(box)
        left.addWidget(cues)
        if sensors is not None:
            left.addWidget(sensors)
        left.addStretch(1)

        sound = QGroupBox("Sound and look")
        sound_form = QFormLayout(sound)
        volume_row = QHBoxLayout()
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setAccessibleName("Volume")
        self.volume_value = QLabel()
        self.volume_value.setMinimumWidth(48)
        self.volume.valueChanged.connect(lambda value: self.volume_value.setText(f"{value} %"))
        self.muted = QCheckBox("&Mute")
        self.muted.setAccessibleName("Mute")
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_value)
        volume_row.addWidget(self.muted)
        volume_label = QLabel("&Volume:")
        volume_label.setBuddy(self.volume)
        sound_form.addRow(volume_label, volume_row)
        self.backend = _combo("Sound output", BACKENDS)
        self.theme = _combo("Theme", THEMES)
        self.venue = _combo("Default venue", VENUES)
        sound_form.addRow("Sound &output:", self.backend)
        # One line: a form layout gives a wrapped label one line's height and cuts the rest.
        later = QLabel("A new sound output is used from the next start.")
        sound_form.addRow("", later)
        sound_form.addRow("T&heme:", self.theme)
        sound_form.addRow("Default v&enue:", self.venue)
        self.watch_steps = _combo("Counted steps on a watch", STEPS_AS)
        sound_form.addRow("Counted steps on a &watch:", self.watch_steps)
        right.addWidget(sound)

        # What totals and the coach reckon an open or distance step at; the step itself
        # lasts until the press.
        estimates = QGroupBox("Open and distance steps: estimates for totals")
        estimates_form = QFormLayout(estimates)
        pace_low, pace_high = PACE_RANGE
        self.open_step = _spin(*OPEN_STEP_RANGE, " s", "Open step estimate")
        self.pace_walk = _spin(pace_low, pace_high, " s/100 m", "Backward walk pace")
        self.pace_jog = _spin(pace_low, pace_high, " s/100 m", "Backward jog pace")
        self.pace_sprint = _spin(pace_low, pace_high, " s/100 m", "Backward sprint pace")
        estimates_form.addRow("An open step lasts about:", self.open_step)
        estimates_form.addRow("Backward walk pace:", self.pace_walk)
        estimates_form.addRow("Backward jog pace:", self.pace_jog)
        estimates_form.addRow("Backward sprint pace:", self.pace_sprint)
        right.addWidget(estimates)

        if programs is not None:
            right.addWidget(programs)
        right.addStretch(1)
        self.body_area = ScrollBody(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body_area, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Save")
        for role, name in (
            (QDialogButtonBox.StandardButton.Ok, "Save settings"),
            (QDialogButtonBox.StandardButton.Cancel, "Cancel"),
            (QDialogButtonBox.StandardButton.RestoreDefaults, "Restore defaults"),
        ):
            self.buttons.button(role).setAccessibleName(name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        defaults = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        defaults.clicked.connect(lambda: self.load(Settings()))
        layout.addWidget(self.buttons)
        self.load(settings)

    def load(self, settings: Settings) -> None:
        """Show these values in the controls."""
        self.cadence_walk.setValue(settings.cadence_backward_walk)
        self.cadence_jog.setValue(settings.cadence_backward_jog)
        self.cadence_sprint.setValue(settings.cadence_backward_sprint)
        self.get_ready.setValue(settings.get_ready_s)
        self.pips.setValue(settings.countdown_pips)
        self.reminder.setValue(settings.reminder_interval_s)
        self.next_up_lead.setValue(settings.next_up_lead_s)
        self.open_step.setValue(settings.open_step_s)
        self.pace_walk.setValue(settings.pace_backward_walk)
        self.pace_jog.setValue(settings.pace_backward_jog)
        self.pace_sprint.setValue(settings.pace_backward_sprint)
        self.voice.setChecked(settings.voice)
        self.beeps.setChecked(settings.beeps)
        self.voice_off.setText(voice_off_cost(settings.beeps))
        self.step_ticks.setChecked(settings.step_ticks)
        self.next_up.setChecked(settings.next_up)
        self.halfway.setChecked(settings.halfway)
        self.checklist.setChecked(settings.safety_checklist)
        self.volume.setValue(round(settings.volume * 100))
        self.volume_value.setText(f"{self.volume.value()} %")
        self.muted.setChecked(settings.muted)
        for box, value in (
            (self.backend, settings.audio_backend),
            (self.theme, settings.theme),
            (self.venue, settings.default_venue),
            (self.watch_steps, settings.watch_steps_as),
        ):
            index = box.findData(value)
            box.setCurrentIndex(max(0, index))

    def settings(self) -> Settings:
        """The edited settings (fields this dialog does not show are kept)."""
        edited = replace(
            self._original,
            cadence_backward_walk=self.cadence_walk.value(),
            cadence_backward_jog=self.cadence_jog.value(),
            cadence_backward_sprint=self.cadence_sprint.value(),
            get_ready_s=self.get_ready.value(),
            countdown_pips=self.pips.value(),
            reminder_interval_s=self.reminder.value(),
            next_up_lead_s=self.next_up_lead.value(),
            open_step_s=self.open_step.value(),
            pace_backward_walk=self.pace_walk.value(),
            pace_backward_jog=self.pace_jog.value(),
            pace_backward_sprint=self.pace_sprint.value(),
            voice=self.voice.isChecked(),
            beeps=self.beeps.isChecked(),
            step_ticks=self.step_ticks.isChecked(),
            next_up=self.next_up.isChecked(),
            halfway=self.halfway.isChecked(),
            safety_checklist=self.checklist.isChecked(),
            volume=self.volume.value() / 100,
            muted=self.muted.isChecked(),
            audio_backend=str(self.backend.currentData()),
            theme=self.theme.currentData(),
            default_venue=self.venue.currentData(),
            watch_steps_as=self.watch_steps.currentData(),
        )
        return self.sensors.applied(edited) if self.sensors is not None else edited
