"""intervals.icu workout text for runs: `Nx` sections, `- 5m` steps with prompts, both ways."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from retrotimer.core.exchange.kind_words import kind_from_words
from retrotimer.core.exchange.timed_prompts import prompt_pieces
from retrotimer.core.exchange.workout_reading import dropped_targets_warning
from retrotimer.core.model import Item, Length, Prompt, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.plan import segment_seconds
from retrotimer.core.templates.text_rules import MAX_NOTE
from retrotimer.core.templates.validation import (
    MAX_LABEL,
    MAX_NAME,
    Problem,
    Severity,
    TemplateReading,
    validate_template,
)
from retrotimer.core.value import builder, field, replace, value

if TYPE_CHECKING:
    from retrotimer.core.settings import Settings

# A step line: a dash, a space, then free text, a length and targets.
STEP_LINE = re.compile(r"^\s*-\s")
# Numbers have at most 9 digits: far beyond any length, and always convertible.
_DURATION = re.compile(
    r"^(?=\d)(?:(?P<h>\d{1,9})h)?(?:(?P<m>\d{1,9})m(?:(?P<ms>\d{1,9})s?)?)?(?:(?P<s>\d{1,9})s)?$",
    re.IGNORECASE,
)
# The short forms: 5' (minutes), 30" (seconds), 1'30" (both).
_SHORT_DURATION = re.compile(r"""^(?=\d)(?:(?P<m>\d{1,9})')?(?:(?P<s>\d{1,9})")?$""")
_DISTANCE = re.compile(
    r"^(?P<amount>\d{1,9}(?:\.\d{1,6})?)(?P<unit>km|mtr|meters|metres|m|mi|yds|yd|yards)$",
    re.IGNORECASE,
)
_METRES_IN = {
    "km": 1000.0,
    "mtr": 1.0,
    "meters": 1.0,
    "metres": 1.0,
    "m": 1.0,
    "mi": 1609.344,
    "yd": 0.9144,
    "yds": 0.9144,
    "yards": 0.9144,
}
# intervals.icu's "m" is minutes; a step of this many minutes or more is no step a runner
# plans ("100m 3:30/km"), so it is read as metres, and said.
METRES_NOT_MINUTES = 100
_REPEAT = re.compile(r"\b(\d{1,9})\s*x\b", re.IGNORECASE)
# A timed prompt: "33^words" says the words 33 s into the step; "<!>" ends the prompts.
_TIMED_PROMPT = re.compile(r"(?:^|\s)(\d{1,9})\^")
PROMPTS_END = "<!>"
PRESS_LAP = re.compile(r"\bpress\s+lap\b", re.IGNORECASE)
_STOCK_PREFIX = {kind.label.casefold(): kind for kind in SegmentKind}


def is_icu_text(text: str) -> bool:
    """intervals.icu's mark: at least one `- ` step line."""
    return any(STEP_LINE.match(line) for line in text.splitlines())


def _seconds(token: str) -> int | None:
    match = _DURATION.match(token) or _SHORT_DURATION.match(token)
    if match is None:
        return None
    found = match.groupdict()
    if not (found.get("h") or found.get("m") or found.get("s")):
        return None
    hours, minutes, seconds = (int(found.get(name) or 0) for name in ("h", "m", "s"))
    return hours * 3600 + minutes * 60 + int(found.get("ms") or 0) + seconds


def _metres(token: str) -> int | None:
    match = _DISTANCE.match(token)
    if match is None:
        return None
    unit = match.group("unit").casefold()
    amount = float(match.group("amount"))
    if unit == "m" and ("." in match.group("amount") or amount < METRES_NOT_MINUTES):
        return None
    return max(1, round(amount * _METRES_IN[unit]))


_EFFORT = re.compile(r"^rpe\d")
_NUMBERED = re.compile(r"^z?\d")
_ZONES = re.compile(r"^z\d(-z\d)?$")
_WATTS = re.compile(r"^\d+w$")
_FIGURES = re.compile(r"^[\d.%/:-]+$")
_OPTION_WORDS = {"hr": "heart rate"}
_TARGET_WORDS = {"freeride": "free ride", "maxeffort": "max effort", "ramp": "ramp"}


def _target(token: str, line_tokens: set[str]) -> str | None:
    """What kind of target a token sets, or None for an ordinary word."""
    low = token.casefold()
    if "=" in low:
        # Options such as hr=1s (heart-rate smoothing) or power=3s.
        name = low.split("=")[0]
        return _OPTION_WORDS.get(name, name or "option")
    if low in _TARGET_WORDS:
        return _TARGET_WORDS[low]
    if _EFFORT.match(low):
        return "perceived effort"
    if low in ("hr", "lthr") or "hr" in line_tokens and _NUMBERED.match(low):
        return "heart rate"
    if "pace" in line_tokens and _ZONES.match(low):
        return "pace"
    if low == "pace" or "/km" in low or "/mi" in low or "pace" in line_tokens and "%" in low:
        return "pace"
    if low.endswith("rpm"):
        return "cadence"
    if "%" in low or _WATTS.match(low) or low == "ftp" or _ZONES.match(low):
        return "power"
    if _FIGURES.match(low):
        return "power"
    return None


@value
class _Section:
    count: int | None
    fallback: SegmentKind
    items: list[Segment]
    # The heading's words when they name no kind ("Strides", "Main set"): its steps' note.
    title: str | None = None


def names_a_kind(words: str) -> bool:
    """Whether the words choose a kind themselves, whatever the fallback would be."""
    return kind_from_words(words, SegmentKind.REST) is kind_from_words(words, SegmentKind.WALK)


def _label_and_kind(text: str, fallback: SegmentKind) -> tuple[SegmentKind, str | None]:
    head, colon, rest = text.partition(":")
    if colon and head.strip().casefold() in _STOCK_PREFIX:
        kind, label = _STOCK_PREFIX[head.strip().casefold()], rest.strip()
    else:
        kind, label = kind_from_words(text, fallback), text.strip()
    if not label or label.casefold() == kind.label.casefold():
        return kind, None
    return kind, label


def _prompt_text(text: str) -> tuple[str, list[Prompt]]:
    """The words said at the step's start, and the timed prompts ("33^words") after them."""
    parts = _TIMED_PROMPT.split(text)
    prompts: list[Prompt] = []
    for offset, words in zip(parts[1::2], parts[2::2], strict=True):
        prompts += prompt_pieces(int(offset), words)
    return parts[0].strip(), prompts


@builder
class _StepReading:
    """A step line's length (a time or a distance) and the words that follow it."""

    seconds: int | None = None
    metres: int | None = None
    words: list[str] = field(default_factory=list)


def _step_reading(
    tokens: list[str], lowered: set[str], dropped: set[str], label_words: list[str]
) -> _StepReading:
    reading = _StepReading()
    for token in tokens:
        if reading.seconds is None and reading.metres is None:
            metres = _metres(token)
            seconds = None if metres is not None else _seconds(token)
            if metres is not None or seconds is not None:
                reading.metres, reading.seconds = metres, seconds
                continue
        target = _target(token, lowered)
        if target is None:
            (reading.words if reading.seconds or reading.metres else label_words).append(token)
        else:
            dropped.add(target)
    return reading


def _step(
    line: str, number: int, fallback: SegmentKind, problems: list[Problem], dropped: set[str]
) -> tuple[Segment | None, bool]:
    """The step's segment (None when refused), and whether a bare "m" was read as metres."""
    body = STEP_LINE.sub("", line, count=1)
    pressed = PRESS_LAP.search(body) is not None
    body = PRESS_LAP.sub(" ", body)
    prompts: list[Prompt] = []
    words: list[str] = []
    if PROMPTS_END in body:
        said, _, body = body.rpartition(PROMPTS_END)
        first, prompts = _prompt_text(said)
        words = first.split()
    tokens = body.split()
    lowered = {token.casefold() for token in tokens}
    length = _step_reading(tokens, lowered, dropped, words)
    metres_for_minutes = length.metres is not None and any(
        re.fullmatch(r"\d+m", token, re.IGNORECASE) and _metres(token) for token in tokens
    )
    if length.seconds is None and length.metres is None and not pressed:
        problems.append(
            Problem(
                Severity.ERROR,
                "this step has no length; write a time (5m, 30s, 1m30, 5', 1'30\"), a distance "
                "(400mtr, 2km, 1mi) or press lap",
                number,
                1,
            )
        )
        return None, False
    text = " ".join(words + length.words)
    first, timed = _prompt_text(text) if not prompts else (text, [])
    prompts = timed + prompts
    kind, label = _label_and_kind(first, fallback)
    if label is not None and len(label) > MAX_LABEL:
        # Words too long for a label are said as a prompt at the start, never cut.
        prompts = prompt_pieces(0, label) + prompts
        label = None
    if length.metres is not None:
        made = Length.metres(length.metres)
    elif pressed:
        # "10m press lap": ended by the lap button, or by itself after the time given.
        made = Length.open(length.seconds)
    else:
        made = Length.seconds(length.seconds or 0)
    return Segment(kind, made, label, prompts=tuple(prompts)), metres_for_minutes


def _metres_warning(lines: list[int]) -> Problem:
    where = ", ".join(str(line) for line in lines)
    return Problem(
        Severity.WARNING,
        f"a length in m of {METRES_NOT_MINUTES} or more (line {where}) was read as metres: "
        "intervals.icu's m means minutes, but no step lasts that long; write mtr or km to be "
        "sure",
    )


def read_icu_text(text: str, default_name: str) -> TemplateReading:
    """A template from intervals.icu workout text; every problem names its line."""
    problems: list[Problem] = []
    dropped: set[str] = set()
    metres_lines: list[int] = []
    items: list[Item] = []
    section: _Section | None = None

    def close() -> None:
        nonlocal section
        if section is not None and section.count is not None and section.items:
            items.append(Repeat(section.count, tuple(section.items)))
        elif section is not None:
            items.extend(section.items)
        section = None

    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            close()
            continue
        if STEP_LINE.match(line):
            fallback = section.fallback if section else SegmentKind.FORWARD_RUN
            segment, as_metres = _step(line, number, fallback, problems, dropped)
            metres_lines += [number] if as_metres else []
            if segment is not None and section is not None:
                section.items.append(replace(segment, note=section.title))
            elif segment is not None:
                items.append(segment)
            continue
        close()
        repeat = _REPEAT.search(line)
        # A heading's words ("Warmup", "Recovery") give the kind of its steps that say none;
        # words that name no kind are shown with each of its steps.
        words = " ".join(_REPEAT.sub("", line).split())
        heading = kind_from_words(words)
        title = words if words and not names_a_kind(words) else None
        count = int(repeat.group(1)) if repeat else None
        section = _Section(count, heading, [], title[:MAX_NOTE] if title else None)
    close()
    if metres_lines:
        problems.insert(0, _metres_warning(metres_lines))
    warning = dropped_targets_warning(dropped)
    if warning is not None:
        problems.insert(0, warning)
    template = Template(default_name[:MAX_NAME].rstrip() or "intervals.icu workout", tuple(items))
    if not any(problem.is_error for problem in problems):
        problems.extend(validate_template(template))
    if any(problem.is_error for problem in problems):
        return TemplateReading(None, tuple(problems))
    return TemplateReading(template, tuple(problems))


# ---- writing ---------------------------------------------------------------------------
def icu_duration(seconds: int) -> str:
    """5m, 30s, 1m30s."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest}s"
    return f"{minutes}m" if not rest else f"{minutes}m{rest}s"


def icu_distance(metres: int) -> str:
    """0.4km, 1.609km: a distance as intervals.icu reads it (its m is minutes)."""
    return f"{metres / 1000:.3f}".rstrip("0").rstrip(".") + "km"


def _length_text(segment: Segment, settings: Settings) -> str:
    length = segment.length
    if length.is_distance:
        return icu_distance(length.amount)
    if length.is_open:
        return "press lap" if length.cap_s is None else f"{icu_duration(length.cap_s)} press lap"
    return icu_duration(max(1, round(segment_seconds(segment, settings))))


def _step_text(segment: Segment, settings: Settings) -> str:
    label = segment.label
    if label is None:
        words = segment.kind.label
    elif kind_from_words(label) is segment.kind:
        words = label
    else:
        # Say the kind so that reading the text back gives the same kind of segment.
        words = f"{segment.kind.label}: {label}"
    if segment.prompts:
        timed = " ".join(f"{prompt.offset_s}^{prompt.text}" for prompt in segment.prompts)
        words += f" {timed} {PROMPTS_END}"
    return f"- {words} {_length_text(segment, settings)}"


def _flat(items: tuple[Item, ...]) -> list[Segment]:
    segments: list[Segment] = []
    for item in items:
        if isinstance(item, Repeat):
            segments.extend(_flat(item.items) * item.count)
        else:
            segments.append(item)
    return segments


def template_to_icu(template: Template, settings: Settings) -> str:
    """The template as intervals.icu text. Steps become times at the runner's cadence, open
    steps "press lap" (a cap its time), distances kilometres (a cap is not written), and
    repeats inside repeats are written out (intervals.icu has one level), so totals stay."""
    lines: list[str] = []
    for item in template.items:
        if isinstance(item, Repeat):
            if lines and lines[-1]:
                lines.append("")
            lines.append(f"{item.count}x")
            lines.extend(_step_text(segment, settings) for segment in _flat(item.items))
            lines.append("")
        else:
            lines.append(_step_text(item, settings))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
