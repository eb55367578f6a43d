"""Turn a TEMPLATE argument of the command line into a template."""

from __future__ import annotations

from pathlib import Path

from retrotimer.core.model import Template
from retrotimer.core.template_toml import TemplateError, parse_template_toml


def load_template_argument(argument: str) -> Template:
    """A TOML file path; raises TemplateError with a message for the user."""
    path = Path(argument)
    if not path.is_file():
        raise TemplateError([f"no template file {argument!r}"])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError([f"cannot read the file: {error}"], str(path)) from None
    return parse_template_toml(text, str(path))
