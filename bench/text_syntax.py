"""Reading the text syntax at its limits: long lines, a large file, deep nesting (JSON)."""

from __future__ import annotations

import argparse
import json
import time

from retrotimer.core.templates import text_syntax
from retrotimer.core.templates.text_syntax import read_template_text

KIB = 1024


def long_line(size: int) -> str:
    """One line of `size` characters: a length and then kind words, the case that used to
    take time growing with the square of the line."""
    head = "# Long line\n5m "
    words = "walk " * ((size - len(head)) // 5)
    return head + words


def large_file(size: int) -> str:
    """Many ordinary segment lines, `size` characters in all."""
    head = "# Large file\n"
    line = "30s backward walk\n"
    return head + line * ((size - len(head)) // len(line))


def deep_blocks(levels: int) -> str:
    """Repeats inside repeats, one indented line deeper each."""
    lines = ["# Deep"] + [f"{' ' * level}2x" for level in range(levels)]
    return "\n".join([*lines, " " * levels + "30s walk"]) + "\n"


def deep_parentheses(levels: int) -> str:
    return "# Deep\n" + "2x (" * levels + "30s walk" + ")" * levels + "\n"


def best_seconds(text: str, repeat: int) -> dict[str, object]:
    times = []
    reading = read_template_text(text)
    for _ in range(repeat):
        start = time.perf_counter()
        reading = read_template_text(text)
        times.append(time.perf_counter() - start)
    first = reading.problems[0].render() if reading.problems else ""
    return {
        "characters": len(text),
        "seconds": round(min(times), 4),
        "problems": len(reading.problems),
        "first_problem": first[:120],
    }


def run_cases(repeat: int) -> dict[str, object]:
    cases = {
        **{f"line_{size}k": long_line(size * KIB) for size in (16, 32, 64)},
        "file_100kb": large_file(100_000),
        "file_1mb": large_file(1_000_000),
        "bad_lines_100kb": "# Bad lines\n" + "foo\n" * 24_000,
        "blocks_1000_deep": deep_blocks(1000),
        "parentheses_1000_deep": deep_parentheses(1000),
    }
    result: dict[str, object] = {}
    for name, text in cases.items():
        try:
            result[name] = best_seconds(text, repeat)
        except RecursionError:
            result[name] = {"characters": len(text), "error": "RecursionError"}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best counts")
    repeat = parser.parse_args().repeat
    result = {"as_read": run_cases(repeat)}
    # The parser itself, without the line and size limits that refuse such text up front.
    limits = (
        getattr(text_syntax, "MAX_LINE_CHARS", None),
        getattr(text_syntax, "MAX_TEXT_CHARS", None),
    )
    if limits != (None, None):
        text_syntax.MAX_LINE_CHARS = text_syntax.MAX_TEXT_CHARS = 10**9  # type: ignore[attr-defined]
        result["without_limits"] = run_cases(repeat)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
