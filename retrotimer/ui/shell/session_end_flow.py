"""A session's end: the summary asked, its review saved, and where the runner goes next."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from retrotimer.core.history.history_values import Review
    from retrotimer.core.session.records import SessionSummary
    from retrotimer.runtime.session_run import SessionRun
    from retrotimer.ui.programs.followed_program import FollowedProgram
    from retrotimer.ui.run.summary_dialog import SummaryDialog


class SessionEndHost(Protocol):
    """What the flow asks of the window it runs in."""

    closing: bool

    def isFullScreen(self) -> bool: ...  # noqa: N802 (Qt's name)
    def toggle_fullscreen(self) -> None: ...
    def refresh_history(self) -> None: ...
    def refresh_today(self) -> bool: ...
    def show_today(self) -> None: ...
    def show_program_completion(self) -> None: ...
    def tell(self, message: str) -> None: ...


class SessionEndFlow:
    """After a session with active time: the summary dialog over `parent`; its review saved
    with the session; then Today's advice to rest after a report of feeling unwell, or the
    program's completion. `reviewed(summary, review or None)` is called once per session."""

    def __init__(
        self,
        parent: QWidget,
        host: SessionEndHost,
        followed: FollowedProgram,
        reviewed: Callable[[SessionSummary, Review | None], None],
    ) -> None:
        self._parent = parent
        self._host = host
        self._followed = followed
        self._reviewed = reviewed
        self.dialog: SummaryDialog | None = None

    def ended(self, run: SessionRun) -> None:
        host = self._host
        host.refresh_history()
        host.refresh_today()
        summary = run.summary
        assert summary is not None, "a session ends with its summary"
        if summary.active_s <= 0 or host.closing:
            self._reviewed(summary, None)
            return
        if host.isFullScreen():
            host.toggle_fullscreen()
        from retrotimer.ui.common.modal import open_modal
        from retrotimer.ui.run.summary_dialog import SummaryDialog

        self.dialog = open_modal(
            SummaryDialog(summary, self._parent, program=run.program),
            lambda dialog, result: self._answered(run, dialog, result),
        )

    def _answered(self, run: SessionRun, dialog: SummaryDialog, result: int) -> None:
        self.dialog = None
        host = self._host
        review = dialog.review() if result == dialog.DialogCode.Accepted else None
        if review is not None and run.save_review(review):
            host.tell("Review saved with the session.")
            host.refresh_history()
        elif review is not None:
            host.tell(
                "The history cannot be written just now: the review is kept with the session "
                "and saved as soon as it can."
            )
        if host.refresh_today() and review is not None and review.felt_unwell:
            host.show_today()  # straight to the advice to rest, where Space rests
        elif run.program is not None and self._program_just_completed():
            host.show_program_completion()
        self._reviewed(dialog.summary, review)

    def _program_just_completed(self) -> bool:
        # The journey reads the coach's path: imported after a session, not with the window.
        from retrotimer.core.programs.journey import just_completed

        view = self._followed.view()
        return view is not None and just_completed(view.path)
