"""Protocols the core and the UI use, implemented by storage and audio and injected by app.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from retrotimer.core.history import (
    HistoryEntry,
    HistorySession,
    Pause,
    Review,
    SessionEnd,
    SessionStart,
    SessionTotals,
)
from retrotimer.core.model import Template
from retrotimer.core.plan import Plan
from retrotimer.core.records import SegmentRecord
from retrotimer.core.session_events import Event
from retrotimer.core.settings import Settings, StepsAs
from retrotimer.core.templates.library import ImportedTemplate, LibraryEntry, TrashedTemplate
from retrotimer.core.templates.template_formats import TemplateFormat
from retrotimer.core.templates.validation import TemplateReading


class TemplateRepository(Protocol):
    """Built-in and user templates. Failing operations raise LibraryError (name problems) or
    TemplateError (a template or file with errors), each with a message for the user."""

    def entries(self) -> tuple[LibraryEntry, ...]:
        """Built-ins first, then the user's templates by name, then files that cannot be read."""
        ...

    def get(self, name: str) -> Template: ...

    def save(self, template: Template, *, replacing: str | None = None) -> None:
        """Save a user template. `replacing` names the template it was loaded as (None for a
        new one); any other template of the same name is never overwritten."""
        ...

    def rename(self, old_name: str, new_name: str) -> None: ...

    def duplicate(self, name: str, new_name: str | None = None) -> Template:
        """Copy a built-in or user template into the user's templates, under the first free
        name ("NAME (2)", "NAME (3)"...) unless named."""
        ...

    def delete(self, name: str) -> TrashedTemplate:
        """Move a user template to the trash, from where `restore` brings it back."""
        ...

    def trash(self) -> tuple[TrashedTemplate, ...]: ...

    def restore(self, trash_id: str) -> str:
        """Bring a template back from the trash; returns its name (with a suffix if taken)."""
        ...

    def import_file(self, path: str) -> ImportedTemplate: ...

    def export_file(
        self, name: str, path: str, template_format: TemplateFormat, *, overwrite: bool = False
    ) -> None: ...


class SettingsRepository(Protocol):
    """Where the user's settings live between runs."""

    def load(self) -> Settings: ...

    def save(self, settings: Settings) -> None: ...


class ScreenAwake(Protocol):
    """Keeps the display from sleeping while held; `hold` and `release` may repeat."""

    @property
    def held(self) -> bool: ...

    def hold(self) -> None: ...

    def release(self) -> None: ...


class HistoryUnavailable(Exception):
    """The history cannot be written or read just now (read-only or full disk, I/O error).

    The message is written for the user. Whatever was being written can be tried again.
    """


@dataclass(frozen=True, slots=True)
class ImportResult:
    """How many sessions an import added, how many it completed (a session already in the
    history that lacked segments, pauses, its end or its review: a backup of a session the
    disk refused part-way) with how many segments, and how many it skipped as already whole."""

    added: int
    skipped: int
    completed: int = 0
    segments_added: int = 0

    def describe(self) -> str:
        """One sentence for the user: "Imported 1 session; completed 1 ...; skipped 0 ..."."""
        parts = [f"Imported {self.added} session{'s' * (self.added != 1)}"]
        if self.completed:
            # Completed without segments: what it gained was its end, review or pauses.
            gained = (
                f" with {self.segments_added} more segment{'s' * (self.segments_added != 1)}"
                if self.segments_added
                else ""
            )
            parts.append(f"completed {self.completed} already in the history{gained}")
        parts.append(f"skipped {self.skipped} already in the history")
        return "; ".join(parts) + "."


class HistoryWriter(Protocol):
    """What recording a session needs. Every call commits before it returns, and may be
    repeated after a HistoryUnavailable without harm."""

    def begin_session(self, start: SessionStart) -> None: ...

    def record_segment(
        self, session_id: str, record: SegmentRecord, totals: SessionTotals, at_utc_s: float
    ) -> None: ...

    def record_pause(self, session_id: str, pause: Pause) -> None:
        """A pause began (no end yet) or ended; the pause is known by its start, so writing
        it again with its end completes it."""
        ...

    def end_session(self, session_id: str, end: SessionEnd) -> None: ...

    def set_review(self, session_id: str, review: Review) -> None: ...


class HistoryRepository(HistoryWriter, Protocol):
    """The session history: recording, reading, reviewing, deleting with undo, import."""

    def list_sessions(self, *, include_deleted: bool = False) -> list[HistoryEntry]: ...

    def get_session(self, session_id: str) -> HistorySession | None: ...

    def all_sessions(self) -> list[HistorySession]: ...

    def delete_session(self, session_id: str, at_utc_s: float) -> None: ...

    def restore_session(self, session_id: str) -> None: ...

    def purge_deleted(self) -> int: ...

    def import_sessions(self, sessions: Sequence[HistorySession]) -> ImportResult: ...


class HistoryTransfer(Protocol):
    """Files in and out of the history: `file_format` is "csv" or "json"; paths are text.

    `export_to` returns how many sessions it wrote; `import_from` reads a JSON export and
    raises ValueError, with a message for the user, for a file that is not one (nothing is
    imported then). Either raises HistoryUnavailable when the disk refuses.
    """

    def export_to(self, path: str, file_format: str) -> int: ...

    def import_from(self, path: str) -> ImportResult: ...


class CueSink(Protocol):
    """Turns session events into sound. Never raises for audio trouble; it goes quiet instead.

    Call `load` with the plan before its session starts (custom labels are rendered then),
    pass every event of the controller to `handle`, and `close` when the window closes.
    """

    @property
    def backend_name(self) -> str: ...

    def load(self, plan: Plan) -> None: ...

    def handle(self, event: Event) -> None: ...

    def apply_settings(self, settings: Settings) -> None:
        """Voice, beeps, step ticks, next-up, halfway, volume and mute, from now on; muting
        silences what is sounding now as well."""

    def preview_volume(self) -> None:
        """A short beep at the volume now set, so that a change can be judged by ear
        (nothing while muted)."""

    def close(self) -> None: ...


class ExchangeRefused(Exception):
    """A file for another tool that was not written; the message says why, for the user."""


class ExchangeFiles(Protocol):
    """Workout and activity files of other tools: FIT, TCX, intervals.icu text, Zwift."""

    def read_workout(self, path: str) -> TemplateReading | None:
        """The template in a FIT, intervals.icu or Zwift file; None for TOML or the text
        syntax. Raises TemplateError when the file cannot be read at all."""

    def export_workout(
        self, template: Template, path: str, file_format: str, settings: Settings, steps_as: StepsAs
    ) -> None:
        """Write `template` as "fit" or "icu"; an existing file is replaced (the dialog
        asked). Raises ExchangeRefused."""

    def export_session(self, session: HistorySession, path: str, file_format: str) -> None:
        """Write a recorded session as a "fit" or "tcx" activity. Raises ExchangeRefused."""
