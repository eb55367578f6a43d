"""intervals.icu workout text for runs: read `Nx` sections and `- 5m` steps, and write them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrotimer.core.exchange.kind_words import kind_from_words
from retrotimer.core.exchange.workout_reading import SUPPORTED_LENGTHS, dropped_targets_warning
from retrotimer.core.model import Item, Length, Repeat, Segment, SegmentKind, Template
from retrotimer.core.session.plan import segment_seconds
from retrotimer.core.settings import Settings
from retrotimer.core.templates.validation import (
    MAX_LABEL,
    MAX_NAME,
    Problem,
    Severity,
    TemplateReading,
    validate_template,
)

# A step line: a dash, a space, then free text, a length and targets.
STEP_LINE = re.compile(r"^\s*-\s")
# Numbers have at most 9 digits: far beyond any length, and always convertible.
_DURATION = re.compile(
    r"^(?=\d)(?:(?P<h>\d{1,9})h)?(?:(?P<m>\d{1,9})m(?:(?P<ms>\d{1,9})s?)?)?(?:(?P<s>\d{1,9})s)?$",
    re.IGNORECASE,
)
_DISTANCE = re.compile(r"^\d+(?:\.\d+)?(?:km|mtr|mi|yd)$", re.IGNORECASE)
_REPEAT = re.compile(r"\b(\d{1,9})\s*x\b", re.IGNORECASE)
_STOCK_PREFIX = {kind.label.casefold(): kind for kind in SegmentKind}


def is_icu_text(text: str) -> bool:
    """intervals.icu's mark: at least one `- ` step line."""
    return any(STEP_LINE.match(line) for line in text.splitlines())


def _seconds(token: str) -> int | None:
    match = _DURATION.match(token)
    if match is None or not any(match.group(name) for name in ("h", "m", "s")):
        return None
    parts = {name: int(match.group(name) or 0) for name in ("h", "m", "ms", "s")}
    return parts["h"] * 3600 + parts["m"] * 60 + parts["ms"] + parts["s"]


def _target(token: str, line_tokens: set[str]) -> str | None:
    """What kind of target a token after the length sets, or None for an ordinary word."""
    low = token.casefold()
    if low in ("hr", "lthr") or "hr" in line_tokens and re.match(r"^z?\d", low):
        return "heart rate"
    if low == "pace" or "/km" in low or "/mi" in low or "pace" in line_tokens and "%" in low:
        return "pace"
    if low.endswith("rpm"):
        return "cadence"
    if low == "ramp":
        return "ramp"
    if "%" in low or re.match(r"^\d+w$", low) or low == "ftp" or re.match(r"^z\d$", low):
        return "power"
    if re.match(r"^[\d.%/:-]+$", low):
        return "power"
    return None


@dataclass(frozen=True, slots=True)
class _Section:
    count: int | None
    fallback: SegmentKind
    items: list[Segment]


def _label_and_kind(text: str, fallback: SegmentKind) -> tuple[SegmentKind, str | None]:
    head, colon, rest = text.partition(":")
    if colon and head.strip().casefold() in _STOCK_PREFIX:
        kind, label = _STOCK_PREFIX[head.strip().casefold()], rest.strip()
    else:
        kind, label = kind_from_words(text, fallback), text.strip()
    if not label or label.casefold() == kind.label.casefold():
        return kind, None
    return kind, label[:MAX_LABEL].rstrip()


def _step(
    line: str, number: int, fallback: SegmentKind, problems: list[Problem], dropped: set[str]
) -> Segment | None:
    tokens = STEP_LINE.sub("", line, count=1).split()
    lowered = {token.casefold() for token in tokens}
    for index, token in enumerate(tokens):
        if _DISTANCE.match(token):
            problems.append(
                Problem(
                    Severity.ERROR,
                    f"a length given as a distance ({token}) cannot be used; {SUPPORTED_LENGTHS}: "
                    "write a time such as 5m, 30s or 1m30",
                    number,
                    1,
                )
            )
            return None
        seconds = _seconds(token)
        if seconds is None:
            continue
        words = tokens[:index]
        for after in tokens[index + 1 :]:
            target = _target(after, lowered)
            if target is None:
                words.append(after)
            else:
                dropped.add(target)
        kind, label = _label_and_kind(" ".join(words), fallback)
        return Segment(kind, Length.seconds(seconds), label)
    problems.append(
        Problem(
            Severity.ERROR,
            f"this step has no length; {SUPPORTED_LENGTHS}: write a time such as 5m, 30s or 1m30",
            number,
            1,
        )
    )
    return None


def read_icu_text(text: str, default_name: str) -> TemplateReading:
    """A template from intervals.icu workout text; every problem names its line."""
    problems: list[Problem] = []
    dropped: set[str] = set()
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
            segment = _step(line, number, fallback, problems, dropped)
            if segment is not None:
                (section.items if section else items).append(segment)
            continue
        close()
        repeat = _REPEAT.search(line)
        # A heading's words ("Warmup", "Recovery") give the kind of its steps that say none.
        heading = kind_from_words(_REPEAT.sub("", line))
        section = _Section(int(repeat.group(1)) if repeat else None, heading, [])
    close()
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


def _step_text(segment: Segment, settings: Settings) -> str:
    seconds = max(1, round(segment_seconds(segment, settings)))
    label = segment.label
    if label is None:
        words = segment.kind.label
    elif kind_from_words(label) is segment.kind:
        words = label
    else:
        # Say the kind so that reading the text back gives the same kind of segment.
        words = f"{segment.kind.label}: {label}"
    return f"- {words} {icu_duration(seconds)}"


def _flat(items: tuple[Item, ...]) -> list[Segment]:
    segments: list[Segment] = []
    for item in items:
        if isinstance(item, Repeat):
            segments.extend(_flat(item.items) * item.count)
        else:
            segments.append(item)
    return segments


def template_to_icu(template: Template, settings: Settings) -> str:
    """The template as intervals.icu text. Steps become times at the runner's cadence, and
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
