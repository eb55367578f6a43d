"""Export session: one recorded session as a FIT or TCX activity for a training log."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from retrotimer.core.file_names import ascii_slug
from retrotimer.ui.common.export_file_dialog import ExportFileDialog, FormatRow
from retrotimer.ui.history.history_texts import date_text

if TYPE_CHECKING:
    from retrotimer.core.exchange.exchange_ports import OtherToolFiles
    from retrotimer.core.history.history_values import HistorySession

FORMATS: tuple[FormatRow, ...] = (
    ("fit", "FIT activity (Garmin Connect, Strava, intervals.icu)", ".fit", "FIT (*.fit)"),
    ("tcx", "TCX activity (Training Center XML)", ".tcx", "TCX (*.tcx)"),
)
WHAT_IT_HOLDS = (
    "One lap per segment, with its label, as you ran it; no GPS. Upload the file in your "
    "training log (Garmin Connect: Import Data; Strava: Upload activity; intervals.icu: "
    "Upload). A session that was stopped or interrupted exports what was recorded."
)


def suggested_session_file_name(session: HistorySession, suffix: str) -> str:
    entry = session.entry
    slug = ascii_slug(entry.template_name, "session", 40)
    return f"{slug}-{entry.session_id[:8]}{suffix}"


class SessionExportDialog(ExportFileDialog):
    """Signal: `exported(str)` with the path written."""

    def __init__(
        self,
        session: HistorySession,
        exchange: OtherToolFiles,
        parent: QWidget | None = None,
        folder: str | None = None,
    ) -> None:
        super().__init__(
            "Export session",
            FORMATS,
            partial(suggested_session_file_name, session),
            self._export_to,
            parent,
            folder,
        )
        self._session = session
        self._exchange = exchange
        entry = session.entry
        laps = len(session.segments)
        title = QLabel(
            f"<b>{entry.template_name}</b>, {date_text(entry)}: {laps} "
            f"segment{'s' if laps != 1 else ''} recorded ({entry.status.value})"
        )
        title.setAccessibleName("Session")
        title.setWordWrap(True)
        holds = QLabel(WHAT_IT_HOLDS)
        holds.setWordWrap(True)
        self._lay_out(title, holds)

    def _export_to(self, path: str, file_format: str) -> None:
        self._exchange.export_session(self._session, path, file_format)
