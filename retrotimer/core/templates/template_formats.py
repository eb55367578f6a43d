"""The two template formats behind one door: tell which a text is in, read it, write it."""

from __future__ import annotations

import enum
import re
from typing import TYPE_CHECKING

from retrotimer.core.templates.template_toml import read_template_toml, template_to_toml
from retrotimer.core.templates.text_syntax import format_template_text, read_template_text
from retrotimer.core.toml_reading import without_bom

if TYPE_CHECKING:
    from retrotimer.core.model import Template
    from retrotimer.core.settings import Settings
    from retrotimer.core.templates.validation import TemplateReading

# A line only TOML has: `format = 1` or a [[segments]] table header.
_TOML_MARK = re.compile(r"^\s*(format\s*=|\[\[\s*segments\s*\]\])", re.MULTILINE)


class TemplateFormat(enum.Enum):
    """TOML files (`format = 1`) or the compact text syntax."""

    TOML = "toml"
    TEXT = "text"

    @property
    def suffix(self) -> str:
        return ".toml" if self is TemplateFormat.TOML else ".txt"


def detect_format(text: str, file_name: str = "") -> TemplateFormat:
    """By the file's suffix when it is .toml or .txt, otherwise by what the text holds."""
    lowered = file_name.lower()
    if lowered.endswith(".toml"):
        return TemplateFormat.TOML
    if lowered.endswith(".txt"):
        return TemplateFormat.TEXT
    return TemplateFormat.TOML if _TOML_MARK.search(without_bom(text)) else TemplateFormat.TEXT


def read_template(
    text: str, file_name: str = "", default_name: str = "", settings: Settings | None = None
) -> TemplateReading:
    """Read a template in whichever format it is; `default_name` names a text-syntax file that
    gives no name of its own."""
    if detect_format(text, file_name) is TemplateFormat.TOML:
        return read_template_toml(text, settings)
    return read_template_text(text, default_name, settings)


def write_template(template: Template, template_format: TemplateFormat) -> str:
    if template_format is TemplateFormat.TOML:
        return template_to_toml(template)
    return format_template_text(template)
