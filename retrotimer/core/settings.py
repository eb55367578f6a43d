"""User settings the core needs, each checked on its own so one bad value keeps the others."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from typing import Any

from retrotimer.core.model import SegmentKind, Venue
from retrotimer.core.toml_reading import TomlProblem, load_toml, without_bom
from retrotimer.core.toml_reading import check_toml_depth as check_toml_depth
from retrotimer.core.value import field_names, replace, value

# Reading settings field by field:
# - `check_setting(name, value)` checks one field: (value, None), or (None, a message naming
#   the field, the value and the range allowed);
# - `settings_from_mapping(data, lines)` builds Settings from parsed TOML, keeping every good
#   value, with a located SettingProblem for each bad one;
# - `read_settings_text(text)` does it from the file's text and never raises: a leading BOM is
#   allowed, nesting is bounded before tomllib recurses (`check_toml_depth`), and when the
#   text is not valid TOML every `key = value` line that is valid on its own is still kept.


class Theme(enum.Enum):
    """The colour theme of the app."""

    SYSTEM = "system"
    DARK = "dark"
    LIGHT = "light"


class StepsAs(enum.Enum):
    """How a steps-counted segment goes to a watch: a time at the cadence, or a lap-button step."""

    TIME = "time"
    LAP = "lap"


# Kinds without a user cadence (steps per minute) use these; a step is a step either way.
_FALLBACK_CADENCES: dict[SegmentKind, int] = {
    SegmentKind.WARMUP: 100,
    SegmentKind.WALK: 100,
    SegmentKind.COOLDOWN: 100,
    SegmentKind.REST: 100,
    SegmentKind.FORWARD_RUN: 160,
}
CADENCE_RANGE = (40, 240)
# Seconds per 100 m for kinds without a user pace: walking at 5 km/h, running at 10 km/h.
_FALLBACK_PACES: dict[SegmentKind, int] = {
    SegmentKind.WARMUP: 72,
    SegmentKind.WALK: 72,
    SegmentKind.COOLDOWN: 72,
    SegmentKind.REST: 72,
    SegmentKind.FORWARD_RUN: 36,
}
PACE_RANGE = (10, 600)
OPEN_STEP_RANGE = (5, 600)
MAX_COUNTDOWN_PIPS = 5
# The run screen's clock changes once a second (Session.next_display_change), so the timer
# may sleep that long between readings; a clock jump threshold at or below it would take
# every wait for a jump and pause every session at once.
DISPLAY_TICK_S = 1.0
CLOCK_JUMP_RANGE = (DISPLAY_TICK_S + 1.0, 600.0)
AUDIO_BACKENDS = ("auto", "simpleaudio", "qt", "silent")
# A sensor's address and name are short; a longer text is not one a scan gave.
MAX_TEXT_SETTING = 200


@value
class Settings:
    """Everything a user can adjust. Defaults follow the safety advice for beginners."""

    cadence_backward_walk: int = 100
    cadence_backward_jog: int = 160
    cadence_backward_sprint: int = 180
    get_ready_s: int = 5
    countdown_pips: int = 3
    reminder_interval_s: int = 10
    next_up_lead_s: int = 5
    voice: bool = True
    beeps: bool = True
    step_ticks: bool = False
    next_up: bool = True
    halfway: bool = True
    volume: float = 0.8
    muted: bool = False
    audio_backend: str = "auto"
    theme: Theme = Theme.SYSTEM
    default_venue: Venue = Venue.TRACK
    safety_checklist: bool = True
    clock_jump_s: float = 5.0
    # What an open step (one the runner ends with a press) is reckoned to last, for totals,
    # charts and the coach; the session itself waits for the press.
    open_step_s: int = 30
    # Seconds per 100 m, by kind, that a distance step is reckoned to take (3, 6 and 10 km/h
    # backward: a beginner's walk, jog and sprint).
    pace_backward_walk: int = 120
    pace_backward_jog: int = 60
    pace_backward_sprint: int = 36
    # How steps-counted segments are written to a watch's workout file.
    watch_steps_as: StepsAs = StepsAs.TIME
    # Set once the welcome has been shown (accepted or skipped), so it is shown only once.
    first_run_done: bool = False
    # The paired Bluetooth heart-rate strap and footpod: address and name (empty: none).
    heart_rate_address: str = ""
    heart_rate_name: str = ""
    footpod_address: str = ""
    footpod_name: str = ""
    # Say the heart rate when a segment ends, after its other words.
    speak_heart_rate: bool = False
    # A step-counted backward segment ends on the footpod's count of its steps, while the
    # footpod is heard (else at its planned time).
    footpod_ends_steps: bool = False

    def cadence(self, kind: SegmentKind) -> int:
        """Steps per minute used to turn a step count of this kind into seconds."""
        if kind is SegmentKind.BACKWARD_WALK:
            return self.cadence_backward_walk
        if kind is SegmentKind.BACKWARD_JOG:
            return self.cadence_backward_jog
        if kind is SegmentKind.BACKWARD_SPRINT:
            return self.cadence_backward_sprint
        return _FALLBACK_CADENCES[kind]

    def pace(self, kind: SegmentKind) -> int:
        """Seconds per 100 m used to reckon how long a distance of this kind takes."""
        if kind is SegmentKind.BACKWARD_WALK:
            return self.pace_backward_walk
        if kind is SegmentKind.BACKWARD_JOG:
            return self.pace_backward_jog
        if kind is SegmentKind.BACKWARD_SPRINT:
            return self.pace_backward_sprint
        return _FALLBACK_PACES[kind]

    def validate(self) -> list[str]:
        """Messages for values out of range, each naming the field, its value and the range
        allowed; empty when the settings are usable."""
        problems = []
        for name in field_names(Settings):
            _value, problem = check_setting(name, getattr(self, name))
            if problem is not None:
                problems.append(problem)
        return problems


# The fields compile_plan and Session.from_settings read. A change to any other field
# (volume, mute, theme, audio backend...) never rebuilds a plan or a session.
SESSION_FIELDS = frozenset(
    {
        "cadence_backward_walk",
        "cadence_backward_jog",
        "cadence_backward_sprint",
        "get_ready_s",
        "countdown_pips",
        "reminder_interval_s",
        "next_up_lead_s",
        "next_up",
        "halfway",
        "step_ticks",
        "default_venue",
        "clock_jump_s",
        "open_step_s",
        "pace_backward_walk",
        "pace_backward_jog",
        "pace_backward_sprint",
        "footpod_ends_steps",
    }
)


def changes_sessions(old: Settings, new: Settings) -> bool:
    """Whether going from `old` to `new` changes the plan or the session of a template."""
    return any(getattr(old, name) != getattr(new, name) for name in SESSION_FIELDS)


@value
class NumberRule:
    """The numbers a setting allows: words for people, its range and unit."""

    words: str
    low: float
    high: float
    unit: str = ""
    whole: bool = True
    why: str = ""

    def allowed(self) -> str:
        low, high = (f"{bound:g}" for bound in (self.low, self.high))
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.words} must be {low}-{high}{unit}{self.why}"


_CADENCE = ("steps a minute",)
_PACE = ("seconds per 100 m",)
NUMBER_RULES: dict[str, NumberRule] = {
    "cadence_backward_walk": NumberRule("cadence backward walk", *CADENCE_RANGE, *_CADENCE),
    "cadence_backward_jog": NumberRule("cadence backward jog", *CADENCE_RANGE, *_CADENCE),
    "cadence_backward_sprint": NumberRule("cadence backward sprint", *CADENCE_RANGE, *_CADENCE),
    "open_step_s": NumberRule("open step estimate", *OPEN_STEP_RANGE, "seconds"),
    "pace_backward_walk": NumberRule("pace backward walk", *PACE_RANGE, *_PACE),
    "pace_backward_jog": NumberRule("pace backward jog", *PACE_RANGE, *_PACE),
    "pace_backward_sprint": NumberRule("pace backward sprint", *PACE_RANGE, *_PACE),
    "get_ready_s": NumberRule("get-ready countdown", 0, 60, "seconds"),
    "countdown_pips": NumberRule("countdown pips", 0, MAX_COUNTDOWN_PIPS),
    "reminder_interval_s": NumberRule("reminder interval", 5, 120, "seconds"),
    "next_up_lead_s": NumberRule("next-up lead", 2, 30, "seconds"),
    "volume": NumberRule("volume", 0.0, 1.0, whole=False),
    "clock_jump_s": NumberRule(
        "clock jump threshold",
        *CLOCK_JUMP_RANGE,
        "seconds",
        whole=False,
        why=f", more than the display's {DISPLAY_TICK_S:g}-second tick",
    ),
}
_DEFAULTS = Settings()
FIELD_NAMES = field_names(Settings)


def _shown(value: Any) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value[:40] + ("…" if len(value) > 40 else ""))
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and abs(value) >= 10**15:
        return "a number of more than 15 digits"
    return repr(value)


def check_setting(name: str, value: Any) -> tuple[Any, str | None]:
    """One setting on its own: (the value as Settings holds it, None), or (None, a message
    naming the field, the value and what is allowed). `value` may be as TOML gives it
    (a str for an enum, an int for a float) or as Settings holds it."""
    if name not in FIELD_NAMES:
        return None, f"unknown setting {name!r} ignored"
    default = getattr(_DEFAULTS, name)
    head = f"{name} = {_shown(value)}"
    if isinstance(default, enum.Enum):
        kind = type(default)
        choices = ", ".join(member.value for member in kind)
        try:
            return kind(value), None
        except ValueError:
            return None, f"{head}: {name} must be one of {choices}"
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value, None
        return None, f"{head}: {name} must be true or false"
    if isinstance(default, str):
        if not isinstance(value, str):
            return None, f"{head}: {name} must be text"
        if name == "audio_backend" and value not in AUDIO_BACKENDS:
            return None, f"{head}: audio backend must be {', '.join(AUDIO_BACKENDS)}"
        if len(value) > MAX_TEXT_SETTING:
            return None, f"{head}: {name} must be at most {MAX_TEXT_SETTING} characters"
        return value, None
    rule = NUMBER_RULES[name]
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if not number or (rule.whole and not isinstance(value, int)):
        noun = "a whole number" if rule.whole else "a number"
        return None, f"{head}: expected {noun}; {rule.allowed()}"
    if (isinstance(value, float) and not math.isfinite(value)) or not (
        rule.low <= value <= rule.high
    ):
        return None, f"{head}: {rule.allowed()}"
    return (value if rule.whole else float(value)), None


@value
class SettingProblem:
    """A setting that could not be used; `line` is where it was written, when known."""

    field: str
    message: str
    line: int | None = None

    def render(self, source: str = "") -> str:
        place = ":".join(part for part in (source, str(self.line or "")) if part)
        return f"{place}: {self.message}" if place else self.message


@value
class SettingsReading:
    """Settings built field by field: `values` holds every field that could be used (the
    rest are the defaults in `settings`), `problems` one entry for each that could not."""

    settings: Settings
    values: Mapping[str, Any]
    problems: tuple[SettingProblem, ...] = ()


def settings_from_mapping(
    data: Mapping[str, Any], lines: Mapping[str, int] | None = None
) -> SettingsReading:
    """Settings from a mapping such as parsed TOML, keeping every good value; `lines` says
    where each key was written, for the problems."""
    where = lines or {}
    values: dict[str, Any] = {}
    problems: list[SettingProblem] = []
    for key, raw in data.items():
        value, message = check_setting(key, raw)
        if message is None:
            values[key] = value
        else:
            problems.append(SettingProblem(key, message, where.get(key)))
    return SettingsReading(replace(_DEFAULTS, **values), values, tuple(problems))


_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def _key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if (key := _KEY_LINE.match(line)) is not None:
            lines.setdefault(key[1], number)
    return lines


def read_settings_text(text: str) -> SettingsReading:
    """Settings from the text of settings.toml; never raises. A leading BOM is allowed. When
    the text is not valid TOML, each `key = value` line that is valid on its own still counts,
    and the problem says where the text went wrong."""
    text = without_bom(text)
    lines = _key_lines(text)
    try:
        return settings_from_mapping(load_toml(text), lines)
    except TomlProblem as problem:
        broken = SettingProblem("", problem.message, problem.line)
    data: dict[str, Any] = {}
    for line in text.splitlines():
        if _KEY_LINE.match(line) is None:
            continue
        try:
            data.update(load_toml(line))
        except TomlProblem:
            continue
    reading = settings_from_mapping(data, lines)
    return replace(reading, problems=(broken, *reading.problems))
