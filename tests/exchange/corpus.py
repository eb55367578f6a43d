"""The shared corpus of other tools' files, when the machine has it; tests skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]
_CORPUS = Path("shared") / "exchange-corpus"


def corpus_folder() -> Path | None:
    """shared/exchange-corpus in the nearest folder above the project that has one."""
    return next((above / _CORPUS for above in _ROOT.parents if (above / _CORPUS).is_dir()), None)


def corpus_file(relative: str) -> Path:
    """A file of the corpus; the test is skipped when the corpus is not on this machine."""
    folder = corpus_folder()
    if folder is None or not (folder / relative).is_file():
        pytest.skip(f"the exchange corpus ({relative}) is not on this machine")
    return folder / relative
