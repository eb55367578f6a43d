"""How the run screen looks: layout, colours per kind and painting, from RunTexts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from retrotimer.core.session.session_machine import SessionState
from retrotimer.ui.common.big_button import BigButton
from retrotimer.ui.common.formatting import (
    about_minutes,
    counted,
    total_clock_text,
    totals_in_minutes_text,
)
from retrotimer.ui.common.kind_style import arrow_description
from retrotimer.ui.common.theme import run_colours
from retrotimer.ui.common.timeline_bar import TimelineBar
from retrotimer.ui.run.mute_mark import MuteMark
from retrotimer.ui.run.run_keys import BINDINGS
from retrotimer.ui.run.run_texts import Look, RunTexts, session_sample
from retrotimer.ui.run.run_widgets import DirectionBadge, FillBar, FittedText, SafetyBanner
from retrotimer.ui.run.sensor_readout import READOUT_SAMPLE

if TYPE_CHECKING:
    from retrotimer.core.session.plan import Plan
    from retrotimer.core.settings import Settings, Theme

TOGGLE_WORDS = {
    SessionState.IDLE: "Start",
    SessionState.COUNTDOWN: "Pause",
    SessionState.RUNNING: "Pause",
    SessionState.PAUSED: "Resume",
    SessionState.FINISHED: "New start",
    SessionState.STOPPED: "New start",
}


BUTTON_STYLE = (
    "QPushButton {{ color: {ink}; background: {back}; border: 2px solid {ink};"
    " border-radius: 6px; }} QPushButton:focus {{ border: 4px solid {ink}; }}"
    " QLabel {{ color: {ink}; }}"
)


def plan_totals_text(plan: Plan) -> str:
    """ "Track · 14:35 · about 15 minutes · 3 backward minutes", by the one totals rule."""
    totals = totals_in_minutes_text(plan.total_s, plan.backward_s)
    return f"{plan.venue.value.capitalize()}  ·  {totals}"


def plan_totals_texts(plan: Plan) -> tuple[str, ...]:
    """The totals from the longest to the shortest, for a narrower and narrower window."""
    backward = counted(about_minutes(plan.backward_s), "backward minute")
    total = total_clock_text(plan.total_s)
    return (plan_totals_text(plan), f"{total}  ·  {backward}", total)


def key_hint(binding: str) -> str:
    """The first keys of a binding, as shown on its button."""
    keys = BINDINGS[binding].keys
    return " · ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys[:3])


class RunDisplay(QWidget):
    """The widgets of the run screen and their colours; RunScreen adds the behaviour."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = run_colours(theme)
        self._background = QColor(self._colours.background)
        self._frame = QColor(self._colours.background)
        self.setAutoFillBackground(False)
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self._layout = layout

        top = QHBoxLayout()
        self.template_box = QComboBox()
        self.template_box.setAccessibleName("Template to run")
        self.template_box.setMinimumContentsLength(16)
        template_label = QLabel("&Template:")
        template_label.setBuddy(self.template_box)
        self.plan_label = QLabel()
        self.plan_label.setAccessibleName("Plan totals")
        self.plan_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._plan_texts: tuple[str, ...] = ("",)
        self.audio_label = QLabel()
        self.audio_label.setAccessibleName("Volume")
        self._top_labels = (template_label, self.plan_label, self.audio_label)
        top_font = QFont(self.font())
        top_font.setPointSizeF(top_font.pointSizeF() * 1.15)
        for label in self._top_labels:
            label.setFont(top_font)
        top.addWidget(template_label)
        top.addWidget(self.template_box)
        top.addSpacing(12)
        top.addWidget(self.plan_label, 1)
        top.addWidget(self.audio_label)
        layout.addLayout(top)

        self.badge = DirectionBadge()
        self.badge.setAccessibleName("Direction")
        # Words take 80 % of their box's height: the line above and below never touch them.
        self.title = FittedText(
            "Backward walk · 15 steps", align=Qt.AlignmentFlag.AlignLeft, height_share=0.8
        )
        self.title.setAccessibleName("Segment")
        self.rep = FittedText("Rep 10 of 10", height_share=0.8)
        self.rep.setAccessibleName("Repetition")
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 5)
        title_row.addWidget(self.rep, 2)

        self.slot = QStackedWidget()
        self.info = FittedText("Stop, then turn around and reset", height_share=0.8)
        self.info.setAccessibleName("Note")
        self.banner = SafetyBanner()
        self.slot.addWidget(self.info)
        self.slot.addWidget(self.banner)
        self.slot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.shout = FittedText("PAUSED", height_share=0.7)
        self.shout.setAccessibleName("Session state")
        self.shout.hide()
        self.digits = FittedText("0:00", height_share=0.94)
        self.digits.setAccessibleName("Time left in the segment")
        self.steps_left = FittedText("00 steps", height_share=0.94)
        self.steps_left.setAccessibleName("Steps left in the segment")
        self.steps_left.share_size_with(self.digits)
        self.steps_left.hide()
        self.mute_mark = MuteMark()
        self.mute_mark.hide()
        # Steps left above the seconds, at one size: stacked, both stay larger than side
        # by side would allow on a 16:10 screen. The muted sign stands beside them.
        counts = QVBoxLayout()
        counts.setSpacing(0)
        counts.addWidget(self.steps_left, 1)
        counts.addWidget(self.digits, 1)
        numbers = QHBoxLayout()
        numbers.setSpacing(0)
        numbers.addWidget(self.mute_mark)
        numbers.addLayout(counts, 1)
        # The heart rate and cadence, shown while a sensor is paired (hidden, it takes no room).
        self.sensor_readout = FittedText(READOUT_SAMPLE, height_share=0.85)
        self.sensor_readout.setAccessibleName("Heart rate and cadence")
        self.sensor_readout.hide()
        self.segment_bar = FillBar()
        self.segment_bar.setAccessibleName("Segment progress")
        self.next_label = FittedText("Next: Backward walk · 15 steps", height_share=0.8)
        self.next_label.setAccessibleName("Next segment")
        self.timeline = TimelineBar(self._colours)
        self.timeline.setAccessibleName("Session progress")
        # Where the session is (segment, time of the total), readable from the treadmill too.
        self.session_label = FittedText("Segment 00 of 00  ·  00:00 of 00:00", height_share=0.8)
        self.session_label.setAccessibleName("Session position")

        # Stretch shares: the digits take about half of the screen's height; paused and
        # get-ready give a third of that to their huge word (a hidden widget takes none).
        layout.addWidget(self.badge, 11)
        layout.addLayout(title_row, 7)
        layout.addWidget(self.slot, 11)
        layout.addWidget(self.shout, 34)
        layout.addLayout(numbers, 66)
        layout.addWidget(self.sensor_readout, 14)
        layout.addWidget(self.segment_bar)
        # What comes next and where the session is share a line: two lines would take the
        # digits' height.
        lower = QHBoxLayout()
        lower.addWidget(self.next_label, 1)
        lower.addWidget(self.session_label, 1)
        layout.addLayout(lower, 8)
        layout.addWidget(self.timeline)

        buttons = QHBoxLayout()
        buttons.setSpacing(14)
        self.toggle_button = self._button("Start", "toggle")
        self.back_button = self._button("Back", "back")
        self.skip_button = self._button("Skip", "skip")
        self.stop_button = self._button("Stop", "stop")
        for button in (self.back_button, self.toggle_button, self.skip_button, self.stop_button):
            buttons.addWidget(button, 2 if button is self.toggle_button else 1)
        layout.addLayout(buttons)

    @property
    def big_buttons(self) -> tuple[BigButton, ...]:
        return (self.toggle_button, self.back_button, self.skip_button, self.stop_button)

    def _button(self, text: str, binding: str) -> BigButton:
        hint = key_hint(binding)
        button = BigButton(text, hint)
        button.setAccessibleDescription(f"{BINDINGS[binding].text}. Keys: {hint}")
        return button

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Bars, buttons and gaps follow the screen's size so the digits keep their share."""
        height = event.size().height()
        scale = min(1.0, max(0.55, height / 900))
        frame = self._frame_width()
        self._layout.setContentsMargins(frame + 12, frame + 4, frame + 12, frame + 4)
        self._layout.setSpacing(round(6 * scale))
        self.segment_bar.setFixedHeight(round(24 * scale))
        self.timeline.setFixedHeight(round(28 * scale))
        for button in self.big_buttons:
            button.setFixedHeight(round(max(52, min(100, height * 0.095))))
        self.mute_mark.setFixedWidth(round(event.size().width() * 0.2))
        super().resizeEvent(event)
        self._fit_plan_text()

    def _set_plan_texts(self, texts: tuple[str, ...]) -> None:
        if texts != self._plan_texts:
            self._plan_texts = texts
            self.plan_label.setToolTip(texts[0])
            self._fit_plan_text()

    def _fit_plan_text(self) -> None:
        """The longest form of the totals that the label's width holds: shortened, not cut."""
        metrics = self.plan_label.fontMetrics()
        room = self.plan_label.contentsRect().width()
        fitting = [text for text in self._plan_texts if metrics.horizontalAdvance(text) <= room]
        self.plan_label.setText(fitting[0] if fitting else self._plan_texts[-1])

    def _frame_width(self) -> int:
        return max(10, min(self.width(), self.height()) // 45)

    # ---- showing ------------------------------------------------------------------------
    def show_texts(self, texts: RunTexts, state: SessionState, plan: Plan, position: float) -> None:
        self.badge.set_direction(texts.arrow, texts.word)
        self.badge.setAccessibleDescription(f"{texts.word}, {arrow_description(texts.arrow)}")
        self.title.set_sample(texts.title)
        self.title.set_text(texts.title)
        self.rep.set_text(texts.rep)
        self.digits.set_sample(texts.digits_sample)
        self.digits.set_text(texts.digits)
        self.steps_left.set_sample(texts.steps_sample or "0 steps")
        self.steps_left.set_text(texts.steps)
        self.steps_left.setVisible(bool(texts.steps))
        self.shout.set_sample(texts.shout or " ")
        self.shout.set_text(texts.shout)
        self.shout.setVisible(bool(texts.shout))
        self.info.set_sample(texts.info or " ")
        self.info.set_text(texts.info)
        self.next_label.set_sample(texts.next or " ")
        self.next_label.set_text(texts.next)
        self.session_label.set_sample(session_sample(plan))
        self.session_label.set_text(texts.session)
        if texts.banner is not None:
            self.banner.set_text(texts.banner)
            self.slot.setCurrentWidget(self.banner)
        else:
            self.slot.setCurrentWidget(self.info)
        self.segment_bar.set_fraction(texts.segment_fraction)
        self.timeline.set_position(None if state is SessionState.IDLE else position)
        self._set_plan_texts(plan_totals_texts(plan))
        self.toggle_button.set_action(TOGGLE_WORDS[state])
        self.skip_button.set_action(texts.skip)
        self.toggle_button.setEnabled(True)
        active = state is not SessionState.IDLE and not state.is_over
        for button in (self.back_button, self.skip_button, self.stop_button):
            button.setEnabled(active)
        self.template_box.setEnabled(not active)
        self._apply_colours(texts)

    def show_empty(self) -> None:
        self.badge.set_direction(self.badge.arrow, "NO TEMPLATE")
        self.title.set_text("Choose or create a template")
        self.rep.set_text("")
        self.digits.set_text("–:––")
        self.info.set_text("")
        self.next_label.set_text("")
        self.session_label.set_text("")
        self._set_plan_texts(("",))
        self.shout.hide()
        self.steps_left.hide()
        self.slot.setCurrentWidget(self.info)
        for button in self.big_buttons:
            button.setEnabled(False)
        self._apply_colours(None)

    def show_sensors(self, text: str | None) -> None:
        """The sensors' line, or none (nothing paired)."""
        self.sensor_readout.setVisible(text is not None)
        if text is not None and text != self.sensor_readout.text():
            self.sensor_readout.set_text(text)

    def show_audio(self, settings: Settings) -> None:
        self.mute_mark.setVisible(settings.muted)
        if settings.muted:
            self.audio_label.setText("<b>MUTED</b>  [M]")
        else:
            self.audio_label.setText(f"Volume {round(settings.volume * 100)} %  [+ / −]")

    def set_theme(self, theme: Theme) -> None:
        self._colours = run_colours(theme)
        self.timeline.set_colours(self._colours)

    # ---- colours ------------------------------------------------------------------------
    def _apply_colours(self, texts: RunTexts | None) -> None:
        """Light: the whole screen in the kind's colour. Dark: black, with a frame and the
        digits in the kind's colour (less glare in a dim gym)."""
        colours = self._colours
        role = texts.role if texts is not None else None
        look = texts.look if texts is not None else Look.NEUTRAL
        frame: QColor | None = None
        if look is Look.PAUSED:
            background, ink = colours.paused_background, colours.paused_ink
            accent, frame = ink, colours.paused_frame
        elif look is Look.GET_READY:
            background = colours.get_ready_background
            ink = accent = colours.get_ready_ink
        elif role is None:
            background, ink, accent = colours.background, colours.foreground, colours.foreground
        elif colours.dark:
            background, ink, accent = colours.background, colours.foreground, colours.fill(role)
            frame = colours.fill(role)
        else:
            background = colours.fill(role)
            ink = accent = colours.on_fill(role)
            frame = colours.fill(role)
        frame = frame if frame is not None else background
        # A tick of the clock changes the digits, not the screen's colours: the whole screen
        # is repainted only when they change (once a second it cost about 0.5 % of a core).
        if (background, frame) != (self._background, self._frame):
            self._background, self._frame = QColor(background), QColor(frame)
            self.update()
        self.badge.set_colour(accent)
        for number in (self.digits, self.steps_left):
            number.set_colour(accent if colours.dark else ink)
        for widget in (
            self.title,
            self.rep,
            self.info,
            self.next_label,
            self.session_label,
            self.shout,
            self.sensor_readout,
        ):
            widget.set_colour(ink)
        self.mute_mark.set_colour(ink)
        self.timeline.set_grey(look is Look.PAUSED)
        track = QColor(ink)
        track.setAlpha(70)
        self.segment_bar.set_colours(accent, track)
        # The app's dark style draws white buttons; on get-ready's white they need ink.
        button_style = BUTTON_STYLE.format(ink=QColor(ink).name(), back=QColor(background).name())
        inverted = colours.dark and look is Look.GET_READY
        for button in self.big_buttons:
            wanted = button_style if inverted else ""
            if button.styleSheet() != wanted:
                button.setStyleSheet(wanted)
        # Style sheets override palettes, so the small labels get their colour directly.
        style = f"color: {QColor(ink).name()};"
        for label in self._top_labels:
            if label.styleSheet() != style:
                label.setStyleSheet(style)

    @property
    def background_colour(self) -> QColor:
        return QColor(self._background)

    @property
    def frame_colour(self) -> QColor:
        return QColor(self._frame)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        if self._frame != self._background:
            width, rect = self._frame_width(), self.rect()
            painter.fillRect(0, 0, rect.width(), width, self._frame)
            painter.fillRect(0, rect.height() - width, rect.width(), width, self._frame)
            painter.fillRect(0, 0, width, rect.height(), self._frame)
            painter.fillRect(rect.width() - width, 0, width, rect.height(), self._frame)
        painter.end()
