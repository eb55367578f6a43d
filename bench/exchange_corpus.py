"""Every file of a folder of other tools' files through the importers: imported or refused.

Usage: python bench/exchange_corpus.py [FOLDER] [--json]
FOLDER defaults to shared/exchange-corpus in a folder above the project. Each file is read as
`templates import` reads it. Whether it holds a workout at all is decided apart from the
importers (FIT: the file_id's type; XML: the root element; text: intervals.icu step lines),
so a workout that is refused shows as such, and the goal is that only files that hold no
workout are refused. Prints a table per format, then the totals (JSON with --json).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from garmin_fit_sdk import Decoder, Stream  # noqa: E402

from retrotimer.core.templates.validation import TemplateError  # noqa: E402
from retrotimer.exchange.workouts.workout_files import (  # noqa: E402
    detect_workout_format,
    is_fit,
    read_workout_data,
    xml_root,
)

CORPUS = Path("shared") / "exchange-corpus"


def default_folder() -> Path:
    """shared/exchange-corpus in the nearest folder above the project that has one."""
    for above in ROOT.parents:
        if (above / CORPUS).is_dir():
            return above / CORPUS
    return ROOT.parent / CORPUS


WORKOUT_ROOTS = {"workout_file", "TrainingCenterDatabase"}


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file: its folder's format, whether it holds a workout, what the importer did."""

    path: str
    group: str
    holds_workout: bool
    imported: bool
    segments: int
    warnings: int
    reason: str


def _fit_type(data: bytes) -> str:
    messages, _ = Decoder(Stream.from_byte_array(bytearray(data))).read()
    file_id = next(iter(messages.get("file_id_mesgs", [])), {})
    return str(file_id.get("type", ""))


def holds_workout(data: bytes) -> bool:
    """Whether the file is a workout, judged without RetroTimer's importers."""
    if is_fit(data):
        return _fit_type(data) == "workout"
    root = xml_root(data)
    if root == "TrainingCenterDatabase":
        return b"<Workouts" in data
    if root is not None:
        return root in WORKOUT_ROOTS
    return detect_workout_format(data) is not None


def _count_segments(items: tuple[object, ...]) -> int:
    total = 0
    for item in items:
        inner = getattr(item, "items", None)
        total += _count_segments(inner) * item.count if inner is not None else 1  # type: ignore[attr-defined]
    return total


def read_one(path: Path, folder: Path) -> FileResult:
    data = path.read_bytes()
    relative = path.relative_to(folder)
    group = relative.parts[0] if len(relative.parts) > 1 else "."
    workout = holds_workout(data)
    try:
        reading = read_workout_data(data, path)
    except TemplateError as error:
        reason = "; ".join(error.problems)
        return FileResult(str(relative), group, workout, False, 0, 0, reason)
    if reading is None:
        return FileResult(str(relative), group, workout, False, 0, 0, "not a foreign workout")
    warnings = len(reading.problems) - len(reading.errors)
    if reading.template is None:
        reason = reading.errors[0].message if reading.errors else "refused"
        return FileResult(str(relative), group, workout, False, 0, warnings, reason)
    segments = _count_segments(reading.template.items)
    return FileResult(str(relative), group, workout, True, segments, warnings, "")


def summary(results: list[FileResult]) -> dict[str, dict[str, int]]:
    groups: dict[str, Counter[str]] = {}
    for result in results:
        counts = groups.setdefault(result.group, Counter())
        counts["files"] += 1
        counts["workouts"] += result.holds_workout
        counts["imported"] += result.imported
        counts["refused"] += not result.imported
        counts["workouts refused"] += result.holds_workout and not result.imported
        counts["others imported"] += not result.holds_workout and result.imported
    total: Counter[str] = Counter()
    for counts in groups.values():
        total.update(counts)
    ordered = {group: dict(counts) for group, counts in sorted(groups.items())}
    return {**ordered, "total": dict(total)}


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if argument != "--json"]
    folder = Path(arguments[0]) if arguments else default_folder()
    if not folder.is_dir():
        sys.exit(f"{folder} is not a folder")
    files = sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix != ".md")
    results = [read_one(path, folder) for path in files]
    totals = summary(results)
    if "--json" in sys.argv:
        print(json.dumps({"totals": totals, "files": [asdict(r) for r in results]}, indent=2))
        return
    for result in results:
        if not result.imported:
            kind = "workout" if result.holds_workout else "not a workout"
            print(f"refused  {result.path} ({kind}): {result.reason}")
    columns = ["files", "workouts", "imported", "refused", "workouts refused", "others imported"]
    print()
    print(f"{'format':<8}" + "".join(f"{name:>18}" for name in columns))
    for group, counts in totals.items():
        print(f"{group:<8}" + "".join(f"{counts.get(name, 0):>18}" for name in columns))


if __name__ == "__main__":
    main()
