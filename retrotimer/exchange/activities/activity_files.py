"""Finished sessions as activity files for training logs (FIT, TCX), one door for both."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from retrotimer.core.exchange.activity import activity_from_session
from retrotimer.core.file_names import ascii_slug
from retrotimer.exchange.activities.fit_activity import encode_activity
from retrotimer.exchange.activities.tcx_activity import activity_to_tcx
from retrotimer.exchange.formats import ActivityFormat
from retrotimer.exchange.output_files import write_file_atomic

if TYPE_CHECKING:
    from retrotimer.core.history.history_values import HistoryEntry, HistorySession


def activity_bytes(session: HistorySession, activity_format: ActivityFormat) -> bytes:
    activity = activity_from_session(session)
    if activity_format is ActivityFormat.FIT:
        return encode_activity(activity)
    return activity_to_tcx(activity)


def session_file_name(entry: HistoryEntry, activity_format: ActivityFormat) -> str:
    """ "2026-03-01-0800-short-backward-jogs-1a2b3c4d.fit": sorted by date, unique by id."""
    local = datetime.fromtimestamp(entry.started_utc_s, UTC) + timedelta(seconds=entry.utc_offset_s)
    slug = ascii_slug(entry.template_name, "session", 40)
    return f"{local:%Y-%m-%d-%H%M}-{slug}-{entry.session_id[:8]}{activity_format.suffix}"


def export_session(
    session: HistorySession,
    path: Path,
    activity_format: ActivityFormat,
    *,
    overwrite: bool = False,
) -> None:
    """Write the session's activity file whole or not at all (OutputRefused says why not)."""
    write_file_atomic(path, activity_bytes(session, activity_format), overwrite=overwrite)
