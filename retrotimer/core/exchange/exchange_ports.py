"""What the window needs of other tools' files (FIT, TCX, intervals.icu, Zwift)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistorySession
    from retrotimer.core.model import Template
    from retrotimer.core.settings import Settings, StepsAs
    from retrotimer.core.templates.validation import TemplateReading


class ExchangeRefused(Exception):
    """A file for another tool that was not written; the message says why, for the user."""


class OtherToolFiles(Protocol):
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
