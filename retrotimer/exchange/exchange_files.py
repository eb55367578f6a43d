"""The OtherToolFiles port for the window: other tools' files through the modules beside this."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from retrotimer.core.exchange.exchange_ports import OtherToolFiles
    from retrotimer.core.history.history_values import HistorySession
    from retrotimer.core.model import Template
    from retrotimer.core.settings import Settings, StepsAs
    from retrotimer.core.templates.validation import TemplateReading

# The FIT SDK's profile is a megabyte of Python: it is imported when a file is first read or
# written, not while the window starts.


class ExchangeFiles:
    """Reads foreign workouts and writes workouts and activities; app.py hands it to the UI."""

    def read_workout(self, path: str) -> TemplateReading | None:
        from retrotimer.exchange.workouts.workout_files import read_workout_file

        return read_workout_file(Path(path))

    def export_workout(
        self, template: Template, path: str, file_format: str, settings: Settings, steps_as: StepsAs
    ) -> None:
        from retrotimer.exchange.formats import WorkoutFormat
        from retrotimer.exchange.workouts.workout_files import export_workout

        export_workout(
            template,
            Path(path),
            WorkoutFormat(file_format),
            settings,
            steps_as=steps_as,
            created=datetime.now(UTC),
            overwrite=True,
        )

    def export_session(self, session: HistorySession, path: str, file_format: str) -> None:
        from retrotimer.exchange.activities.activity_files import export_session
        from retrotimer.exchange.formats import ActivityFormat

        export_session(session, Path(path), ActivityFormat(file_format), overwrite=True)


if TYPE_CHECKING:

    def _is_the_port(files: ExchangeFiles) -> OtherToolFiles:
        return files
