"""A program that cannot be used: what reading, finding, choosing or saving one raises."""

from __future__ import annotations

from retrotimer.core.templates.validation import TemplateError


class ProgramError(TemplateError):
    """A program that cannot be used, with every problem found (shown like a template's)."""
