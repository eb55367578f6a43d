"""History files: export and import, and keeping a session the database could not take."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from retrotimer.core.history.history_ports import (
    HistoryRepository,
    HistoryUnavailable,
    ImportResult,
)
from retrotimer.core.history.history_values import HistorySession
from retrotimer.exchange.history.history_codec import (
    HistoryImportError,
    sessions_from_json,
    sessions_to_csv,
    sessions_to_json,
)
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.user_files import (
    NotUtf8Text,
    UserFileError,
    decode_user_text,
    read_user_file,
)

# Larger than years of daily sessions; a bigger file is not one of ours.
MAX_IMPORT_BYTES = 200 * 1024 * 1024


def read_import_file(path: Path) -> list[HistorySession]:
    """The sessions of a JSON export; HistoryImportError says why a file cannot be imported."""
    try:
        text = decode_user_text(read_user_file(path, MAX_IMPORT_BYTES, what="history export"))
    except UserFileError as error:
        raise HistoryImportError([error.reason]) from None
    except NotUtf8Text as error:
        raise HistoryImportError([f"not a RetroTimer history export: {error}"]) from None
    return sessions_from_json(text)


def save_unsaved(sessions: Iterable[HistorySession], folders: Iterable[Path]) -> Path | None:
    """Write sessions the history could not take to a backup file in the first folder that
    accepts it (`history import` reads it); None when no folder does."""
    listed = list(sessions)
    if not listed:
        return None
    text = sessions_to_json(listed)
    name = f"unsaved-session-{listed[0].session_id}.json"
    for folder in [*folders, Path(tempfile.gettempdir())]:
        target = folder / name
        try:
            write_atomic(target, text, make_folder=True)
        except OSError:
            continue
        return target
    return None


class JsonCsvHistoryFiles:
    """Export and import files for a history (implements the JsonCsvHistoryFiles port)."""

    def __init__(self, repository: HistoryRepository) -> None:
        self._repository = repository

    def export_to(self, path: str, file_format: str) -> int:
        if file_format not in ("csv", "json"):
            raise ValueError(f"unknown export format {file_format!r} (csv or json)")
        sessions = self._repository.all_sessions()
        text = sessions_to_json(sessions) if file_format == "json" else sessions_to_csv(sessions)
        try:
            write_atomic(Path(path), text)
        except OSError as error:
            raise HistoryUnavailable(str(error)) from error
        return len(sessions)

    def import_from(self, path: str) -> ImportResult:
        return self._repository.import_sessions(read_import_file(Path(path)))
