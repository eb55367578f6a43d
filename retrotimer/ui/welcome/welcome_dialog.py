"""The first-run welcome: where to start, what the safety cues mean, and the runner's cadence."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.session.plan import compile_plan
from retrotimer.core.settings import CADENCE_RANGE, Settings
from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.value import replace
from retrotimer.ui.common.formatting import totals_in_minutes_text
from retrotimer.ui.common.modal import open_modal
from retrotimer.ui.welcome.step_tapper import TARGET_STEPS, StepTapper

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.programs.program_model import Program
    from retrotimer.runtime.clock import Clock

# The runner reads this standing up, perhaps in running clothes at arm's length.
TEXT_SCALE = 1.25
TITLE = "Welcome to RetroTimer"
PREFERRED_WIDTH = 980


def reminder_points(reminder_interval_s: int) -> tuple[str, ...]:
    """The safety cues, in the words the runner will hear, and what to do on each."""
    return (
        f"<b>“Look over your shoulder”</b>: on a track or open ground you hear this as each "
        f"backward part starts and every {reminder_interval_s} seconds during it. Turn your "
        "head and check that the way behind you is clear.",
        "<b>“Hold the rails”</b>: on a treadmill you hear this instead, once a minute. Keep "
        "the speed slow and both hands on the rails until you feel steady.",
        "<b>“Stop and turn around”</b>: at the end of a backward part, come to a stop first, "
        "then turn. Never change direction on the move.",
        "Feel dizzy or off balance? Press Space to pause, and rest.",
    )


def _scaled(font: QFont, scale: float, *, bold: bool = False) -> QFont:
    scaled = QFont(font)
    scaled.setPointSizeF(font.pointSizeF() * scale)
    scaled.setBold(bold)
    return scaled


def _paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class WelcomeDialog(QDialog):
    """Shown once, on the first start. Done keeps the cadence shown; Skip (or Esc) keeps the
    settings as they were. Either way `settings_after()` marks the first run as done.

    Start here offers the program first (when there is one to offer), then the template."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        suggested: Template = BUILTIN_TEMPLATES[0],
        parent: QWidget | None = None,
        program: Program | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._suggested = suggested
        self._program = program
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setFont(_scaled(self.font(), TEXT_SCALE))

        heading = QLabel(TITLE)
        heading.setFont(_scaled(self.font(), 1.6, bold=True))
        heading.setAccessibleName(TITLE)
        intro = _paragraph(
            "RetroTimer guides you through backward running sessions with big digits you can "
            "read from a few metres away and spoken cues, so you need not watch the screen."
        )
        intro.setFont(self.font())  # set on each text: an application style sheet stops
        # fonts from passing from the dialog to its children

        columns = QHBoxLayout()
        columns.setSpacing(18)
        left = QVBoxLayout()
        left.addWidget(self._start_here())
        left.addWidget(self._reminders())
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self._cadence_box(clock))
        right.addStretch(1)
        columns.addLayout(right, 1)

        self.buttons = QDialogButtonBox()
        self.done_button = QPushButton("Done")
        self.done_button.setAccessibleName("Done: keep this cadence")
        self.skip_button = QPushButton("Skip")
        self.skip_button.setAccessibleName("Skip: change nothing")
        for button in (self.done_button, self.skip_button):
            button.setFont(self.font())
        self.buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        self.done_button.setDefault(True)  # Enter means Done (once the button is in the dialog)

        self.setTabOrder(self.follow_program or self.open_suggested, self.tapper)
        self.setTabOrder(self.tapper, self.cadence)
        self.setTabOrder(self.cadence, self.start_over)
        self.setTabOrder(self.start_over, self.done_button)
        self.setTabOrder(self.done_button, self.skip_button)
        self.tapper.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        # Qt opens a window at most 2/3 of the screen high, which clips the wrapped text on a
        # 1280x800 laptop: take the height the text needs at a comfortable width instead.
        available = (self.parentWidget() or self).screen().availableGeometry()
        width = min(max(self.sizeHint().width(), PREFERRED_WIDTH), available.width())
        height = min(self.heightForWidth(width), available.height())
        self.resize(width, max(height, self.minimumSizeHint().height()))

    # ---- sections ------------------------------------------------------------------------
    def _start_here(self) -> QGroupBox:
        box = QGroupBox("Start here")
        box.setFont(_scaled(self.font(), 1.0, bold=True))
        layout = QVBoxLayout(box)
        self.choices = QButtonGroup(self)
        self.follow_program: QRadioButton | None = None
        if self._program is not None:
            program = html.escape(self._program.name)
            plan_of_weeks = _paragraph(
                f"<b>{program}</b>: {html.escape(self._program.description)}"
            )
            plan_of_weeks.setFont(self.font())
            self.follow_program = self._choice(f"Follow “{self._program.name}” from today", layout)
            layout.addWidget(plan_of_weeks)
        # Worked out from the plan by the window's own rule, so both say the same length.
        plan = compile_plan(self._suggested, self._settings)
        self.totals = QLabel(f"In all: {totals_in_minutes_text(plan.total_s, plan.backward_s)}")
        self.totals.setAccessibleName("Length of the suggested session")
        self.totals.setFont(self.font())
        self.open_suggested = self._choice(
            f"Open “{self._suggested.name}” on the Run screen", layout
        )
        # With a program offered first, the template is the smaller choice: its name and length.
        if self._program is None:
            name = html.escape(self._suggested.name)
            about = html.escape(self._suggested.description)
            description = _paragraph(f"<b>{name}</b>: {about}")
            description.setFont(self.font())
            layout.addWidget(description)
        layout.addWidget(self.totals)
        self.look_around = self._choice("Neither: look around first", layout)
        (self.follow_program or self.open_suggested).setChecked(True)
        return box

    def _choice(self, text: str, layout: QVBoxLayout) -> QRadioButton:
        button = QRadioButton(text)
        button.setAccessibleName(text)
        button.setFont(self.font())
        self.choices.addButton(button)
        layout.addWidget(button)
        return button

    def _reminders(self) -> QGroupBox:
        box = QGroupBox("While you move backward")
        box.setFont(_scaled(self.font(), 1.0, bold=True))
        points = "".join(
            f"<li>{point}</li>" for point in reminder_points(self._settings.reminder_interval_s)
        )
        self.reminder_text = _paragraph(f"<ul style='margin-left: -20px'>{points}</ul>")
        self.reminder_text.setFont(self.font())
        layout = QVBoxLayout(box)
        layout.addWidget(self.reminder_text)
        return box

    def _cadence_box(self, clock: Clock) -> QGroupBox:
        box = QGroupBox("Your cadence")
        box.setFont(_scaled(self.font(), 1.0, bold=True))
        explanation = _paragraph(
            "RetroTimer turns steps into seconds with your cadence: the steps you take in a "
            "minute walking backward. Walk backward in a clear space and press Space each "
            f"time a foot lands, {TARGET_STEPS} steps in a row (a presenter remote's buttons "
            "work too). Or type the number."
        )
        explanation.setFont(self.font())
        self.tapper = StepTapper(clock)
        self.tapper.setFont(self.font())
        self.tapper.measured.connect(self._measured)

        low, high = CADENCE_RANGE
        self.cadence = QSpinBox()
        self.cadence.setRange(low, high)
        self.cadence.setValue(self._settings.cadence_backward_walk)
        self.cadence.setSuffix(" steps a minute")
        self.cadence.setAccessibleName("Backward walking cadence, steps a minute")
        self.cadence.setFont(self.font())
        label = QLabel("Backward &walking cadence:")
        label.setBuddy(self.cadence)
        label.setFont(self.font())
        self.start_over = QPushButton("Start &over")
        self.start_over.setAccessibleName("Start the step count over")
        self.start_over.setFont(self.font())
        self.start_over.clicked.connect(self._start_over)
        later = _paragraph("Jogging and sprinting cadences are in Settings.")
        later.setFont(self.font())

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.cadence, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(explanation)
        layout.addWidget(self.tapper)
        layout.addLayout(row)
        layout.addWidget(self.start_over, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(later)
        return box

    # ---- behaviour -----------------------------------------------------------------------
    def _measured(self, steps_per_minute: int) -> None:
        self.cadence.setValue(steps_per_minute)

    def _start_over(self) -> None:
        self.tapper.reset()
        self.tapper.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        # A number typed but not yet confirmed with Enter still counts.
        self.cadence.interpretText()
        super().accept()

    def settings_after(self) -> Settings:
        """The settings to save once the dialog has closed."""
        if self.result() != QDialog.DialogCode.Accepted:
            return replace(self._settings, first_run_done=True)
        return replace(
            self._settings, first_run_done=True, cadence_backward_walk=self.cadence.value()
        )

    def template_to_open(self) -> str | None:
        """The template the Run screen should show, if the runner accepted the suggestion."""
        if self.result() == QDialog.DialogCode.Accepted and self.open_suggested.isChecked():
            return self._suggested.name
        return None

    def program_to_follow(self) -> str | None:
        """The program to follow from today, if the runner chose it."""
        chosen = self.follow_program
        accepted = self.result() == QDialog.DialogCode.Accepted
        if self._program is None or chosen is None or not chosen.isChecked() or not accepted:
            return None
        return self._program.name


WelcomeAnswered = Callable[[Settings, "str | None", "str | None"], None]


def open_welcome(
    parent: QWidget,
    settings: Settings,
    clock: Clock,
    answered: WelcomeAnswered,
    suggested: Template = BUILTIN_TEMPLATES[0],
    program: Program | None = None,
) -> WelcomeDialog:
    """Open the welcome over `parent` (window-modal, so the window behind stays painted) and,
    when it closes, call `answered(settings to save, template to open or None)`.

    The caller saves the settings (which mark the first run as done whatever the answer) and
    shows the template; the dialog deletes itself afterwards.
    """
    return open_modal(
        WelcomeDialog(settings, clock, suggested, parent, program),
        lambda dialog, _result: answered(
            dialog.settings_after(), dialog.template_to_open(), dialog.program_to_follow()
        ),
    )
