"""What a record costs: a `@value` or `@builder` beside the dataclass it stands for.

Each kind of class is defined afresh many times (what a module's import pays for each one),
and an instance of each is made, compared, hashed, copied with `replace` and written with
repr. The same five fields every time: two required, three with defaults. Prints JSON: the
best of several repeats, in microseconds to define a class and nanoseconds a call.

    python bench/records.py [--repeats 7]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import timeit
from collections.abc import Callable
from typing import Any

from retrotimer.core.value import replace

FIELDS = """
    a: int
    b: str
    c: float = 1.0
    d: tuple[int, ...] = ()
    e: bool = False
"""
KINDS = {
    "frozen dataclass": (
        "from dataclasses import dataclass",
        "@dataclass(frozen=True, slots=True)",
    ),
    "mutable dataclass": ("from dataclasses import dataclass", "@dataclass(slots=True)"),
    "value": ("from retrotimer.core.value import value", "@value"),
    "builder": ("from retrotimer.core.value import builder", "@builder"),
    "plain class": ("", ""),
}
DEFINITIONS = 200
CALLS = 100_000


def source(kind: str) -> str:
    imports, decorator = KINDS[kind]
    return f"from __future__ import annotations\n{imports}\n{decorator}\nclass Record:\n{FIELDS}"


def define_us(kind: str, repeats: int) -> float:
    code = compile(source(kind), "<record>", "exec")
    runs = timeit.repeat(
        lambda: exec(code, {"__name__": "__main__"}), number=DEFINITIONS, repeat=repeats
    )
    return round(min(runs) / DEFINITIONS * 1e6, 1)


def record_class(kind: str) -> Any:
    scope: dict[str, Any] = {"__name__": "__main__"}
    exec(compile(source(kind), "<record>", "exec"), scope)
    return scope["Record"]


def call_ns(call: Callable[[], object], repeats: int) -> int:
    return round(min(timeit.repeat(call, number=CALLS, repeat=repeats)) / CALLS * 1e9)


def uses_ns(kind: str, repeats: int) -> dict[str, int]:
    record = record_class(kind)
    copy = dataclasses.replace if kind.endswith("dataclass") else replace
    one, same = record(1, "x"), record(1, "x")
    calls: dict[str, Callable[[], object]] = {
        "make": lambda: record(1, "x", 2.0),
        "compare": lambda: one == same,
        "replace": lambda: copy(one, b="y"),
        "repr": lambda: repr(one),
    }
    if kind.startswith("frozen") or kind == "value":
        calls["hash"] = lambda: hash(one)
    return {name: call_ns(call, repeats) for name, call in calls.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    report: dict[str, Any] = {"definitions": DEFINITIONS, "calls": CALLS, "repeats": args.repeats}
    for kind in KINDS:
        report[kind] = {"define_us": define_us(kind, args.repeats)}
        if kind != "plain class":
            report[kind]["use_ns"] = uses_ns(kind, args.repeats)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
