"""Undo for the template editor: each change swaps one immutable template for another."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from retrotimer.core.model import Template
from retrotimer.core.templates.template_edits import ItemPath

Show = Callable[[Template, list[ItemPath]], None]

# Consecutive changes of the same field merge into one undo step (typing a name letter by
# letter is one change); structural changes never merge.
MERGE_NONE = -1


class TemplateChange(QUndoCommand):
    """Replaces `before` by `after`. `applied`: the change is already on screen (a cell edited
    in place), so the first redo only records it. `select` are the paths to select after it."""

    def __init__(
        self,
        show: Show,
        before: Template,
        after: Template,
        text: str,
        *,
        applied: bool = False,
        merge_id: int = MERGE_NONE,
        select: list[ItemPath] | None = None,
    ) -> None:
        super().__init__(text)
        self._show = show
        self.before = before
        self.after = after
        self._skip_redo = applied
        self._merge_id = merge_id
        self._select = select or []

    def id(self) -> int:
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TemplateChange) or other.id() != self.id():
            return False
        self.after = other.after
        self._select = other._select
        if self.after == self.before:
            self.setObsolete(True)  # typed and then deleted again: nothing to undo
        return True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._show(self.after, self._select)

    def undo(self) -> None:
        self._show(self.before, [])
