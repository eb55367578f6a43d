"""History files: export and import, and keeping a session the database could not take."""

from __future__ import annotations

import errno
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.file_names import ascii_slug, text_digest
from retrotimer.core.history.history_ports import (
    HistoryRepository,
    HistoryUnavailable,
    ImportResult,
)
from retrotimer.core.value import replace
from retrotimer.storage.atomic import write_atomic
from retrotimer.storage.user_files import (
    NotUtf8Text,
    UserFileError,
    decode_user_text,
    read_user_file,
)

# The codec (csv, JSON, uuid) is imported by the functions that read or write a file: the
# window holds these files' object from its start, and uses it when the history is exported.
if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession
    from retrotimer.exchange.history.history_codec import HistoryReading

# Fifteen years of daily sessions, read in about two seconds (bench/readers.py); a bigger
# file is not one of ours.
MAX_IMPORT_BYTES = 16 * 1024 * 1024


def read_import_file(path: Path) -> HistoryReading:
    """The sessions of a JSON export, and those it holds that cannot be imported;
    HistoryImportError says why a file cannot be imported at all."""
    from retrotimer.exchange.history.history_codec import HistoryImportError, sessions_from_json

    try:
        text = decode_user_text(read_user_file(path, MAX_IMPORT_BYTES, what="history export"))
    except UserFileError as error:
        raise HistoryImportError([error.reason]) from None
    except NotUtf8Text as error:
        # Placed as every reader of a user's file places it: a backup may be whole but for one
        # byte an editor changed.
        raise HistoryImportError([f"line {error.line}:{error.column}: {error}"]) from None
    return sessions_from_json(text)


def save_unsaved(sessions: Iterable[HistorySession], folders: Iterable[Path]) -> Path | None:
    """Write sessions the history could not take to a backup file in the first folder that
    accepts it (`history import` reads it); None when no folder does."""
    from retrotimer.exchange.history.history_codec import sessions_to_json

    listed = list(sessions)
    if not listed:
        return None
    return _write_first(
        sessions_to_json(listed), f"unsaved-session-{listed[0].session_id}.json", folders
    )


def keep_refused(reading: HistoryReading, source: Path, folders: Iterable[Path]) -> Path | None:
    """Write the sessions of `source` that could not be imported, as the file held them, to
    "not-imported-NAME-HASH.json" in the first folder that accepts it (the same file for the
    same refusals, so a second import writes nothing new); None when none were refused or no
    folder accepts it."""
    from retrotimer.exchange.history.history_codec import refused_to_json

    if not reading.refused:
        return None
    text = refused_to_json(reading.refused, reading.version)
    name = f"not-imported-{ascii_slug(source.stem, 'history', 60)}-{text_digest(text)}.json"
    return _write_first(text, name, folders)


def with_refusals(
    result: ImportResult, reading: HistoryReading, source: Path, folders: Sequence[Path]
) -> ImportResult:
    """The result of importing `reading`'s sessions, with the sessions it refused told and
    kept aside."""
    if not reading.refused:
        return result
    kept = keep_refused(reading, source, folders)
    return replace(
        result,
        refused=tuple(refused.describe() for refused in reading.refused),
        kept_in=str(kept) if kept is not None else None,
    )


def _write_first(text: str, name: str, folders: Iterable[Path]) -> Path | None:
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

    def __init__(self, repository: HistoryRepository, keep_in: Sequence[Path] = ()) -> None:
        """`keep_in`: where sessions an import refuses are kept, in order of preference."""
        self._repository = repository
        self._keep_in = tuple(keep_in)

    def export_to(self, path: str, file_format: str, *, overwrite: bool = False) -> int:
        if file_format not in ("csv", "json"):
            raise ValueError(f"unknown export format {file_format!r} (csv or json)")
        from retrotimer.exchange.history.history_codec import sessions_to_csv, sessions_to_json

        sessions = self._repository.all_sessions()
        text = sessions_to_json(sessions) if file_format == "json" else sessions_to_csv(sessions)
        try:
            write_atomic(Path(path), text, overwrite=overwrite)
        except UserFileError as error:
            if error.errno == errno.EEXIST:
                raise FileExistsError(str(error)) from None
            raise HistoryUnavailable(str(error)) from error
        return len(sessions)

    def import_from(self, path: str) -> ImportResult:
        reading = read_import_file(Path(path))
        result = self._repository.import_sessions(reading.sessions)
        return with_refusals(result, reading, Path(path), self._keep_in)
