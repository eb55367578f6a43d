"""TCX workout files (Garmin Training Center) read with the same safe XML parse as Zwift's."""

from __future__ import annotations

from retrotimer.core.exchange.tcx_steps import NO_WORKOUT, tcx_to_template
from retrotimer.core.exchange.zwo_mapping import local_name
from retrotimer.core.templates.validation import TemplateError, TemplateReading
from retrotimer.exchange.workouts.zwo_file import parse_xml


def read_tcx_workout(data: bytes, source: str, default_name: str) -> TemplateReading:
    """The file's first workout as a template; TemplateError for a TCX file that holds none
    (an activity) or XML that cannot be read."""
    root, warning = parse_xml(data, source)
    if not any(local_name(child.tag) == "Workouts" for child in root.children):
        raise TemplateError([NO_WORKOUT], source)
    reading = tcx_to_template(root, default_name)
    if warning is None:
        return reading
    return TemplateReading(reading.template, (warning, *reading.problems))
