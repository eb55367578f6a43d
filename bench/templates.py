"""Template reading and the store's listing: TOML against the text syntax, side by side (JSON)."""

from __future__ import annotations

import json
import sys
import tempfile
import timeit
from collections.abc import Callable
from typing import Any

from retrotimer.core.templates.builtin_templates import BUILTIN_TEMPLATES
from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.text_syntax import format_template_text, read_template_text
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_store import TemplateStore

STORE_SIZES = (10, 100, 500)


def per_call_us(function: Callable[[], Any], number: int, calls: int = 1) -> float:
    """Best of five runs, in microseconds for each of the `calls` calls `function` makes."""
    best = min(timeit.repeat(function, number=number, repeat=5))
    return round(best / number / calls * 1e6, 1)


def formats() -> dict[str, dict[str, float]]:
    tomls = [template_to_toml(t) for t in BUILTIN_TEMPLATES]
    texts = [format_template_text(t) for t in BUILTIN_TEMPLATES]
    count = len(BUILTIN_TEMPLATES)
    return {
        "read_us_per_template": {
            "toml": per_call_us(lambda: [read_template_toml(t) for t in tomls], 200, count),
            "text": per_call_us(lambda: [read_template_text(t) for t in texts], 200, count),
        },
        "write_us_per_template": {
            "toml": per_call_us(
                lambda: [template_to_toml(t) for t in BUILTIN_TEMPLATES], 500, count
            ),
            "text": per_call_us(
                lambda: [format_template_text(t) for t in BUILTIN_TEMPLATES], 500, count
            ),
        },
    }


def listing_ms(size: int) -> float:
    with tempfile.TemporaryDirectory() as home:
        paths = AppPaths.from_environment({"RETROTIMER_HOME": home}).ensure()
        for index in range(size):
            template = BUILTIN_TEMPLATES[index % len(BUILTIN_TEMPLATES)]
            text = template_to_toml(template).replace(template.name, f"{template.name} {index}")
            (paths.templates / f"t{index}.toml").write_text(text, encoding="utf-8")
        store = TemplateStore.from_paths(paths)
        assert len(store.listing().templates) == size
        return round(per_call_us(store.listing, 3) / 1000, 2)


def main() -> None:
    result = {
        "python": sys.version.split()[0],
        "formats": formats(),
        "store_listing_ms": {str(size): listing_ms(size) for size in STORE_SIZES},
    }
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
