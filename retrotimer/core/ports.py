"""Protocols the core and the UI use, implemented by storage and audio and injected by app.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.session.plan import Cue, Plan
    from retrotimer.core.session.session_events import Event
    from retrotimer.core.settings import Settings
    from retrotimer.core.templates.library import ImportedTemplate, LibraryEntry, TrashedTemplate
    from retrotimer.core.templates.template_formats import TemplateFormat


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

    def add_new(self, template: Template, source: str) -> ImportedTemplate:
        """Save a template read from `source` (another tool's file) as a new user template,
        under the first free name, as `import_file` does."""
        ...

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


class CueSink(Protocol):
    """Turns session events into sound. Never raises for audio trouble; it goes quiet instead.

    Call `load` with the plan before its session starts (custom labels are rendered then),
    `hold` the output while the session is under way, pass every event of the controller to
    `handle`, and `close` when the window closes.
    """

    @property
    def backend_name(self) -> str: ...

    def load(self, plan: Plan, get_ready: Sequence[Cue]) -> None:
        """The plan the events to come belong to, and its session's get-ready cues."""

    def hold(self, held: bool) -> None:
        """Held: open the sound output and keep it running, for steady timing (a session is
        under way). Let go: release it once quiet. Nothing is opened before the first hold,
        and nothing runs while let go."""

    def wait_ready(self, timeout_s: float) -> bool:
        """While held, block until sound can be heard, at most `timeout_s` (0: just look).

        The get-ready countdown waits for it: a cue played before the output takes sound is
        lost. False when the time ran out (the session may go on; say so to the runner).
        """

    def handle(self, event: Event) -> None: ...

    def say_heart_rate(self, bpm: int) -> None:
        """At a segment's end: say the heart rate after the words due then, if the settings
        ask for it."""

    def apply_settings(self, settings: Settings) -> None:
        """Voice, beeps, step ticks, next-up, halfway, volume and mute, from now on; muting
        silences what is sounding now as well."""

    def preview_volume(self) -> None:
        """A short beep at the volume now set, so that a change can be judged by ear
        (nothing while muted)."""

    def close(self) -> None: ...
