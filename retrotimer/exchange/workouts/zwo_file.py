"""Zwift .zwo files parsed safely: no DTDs, no entities, nothing fetched from anywhere."""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from retrotimer.core.exchange.zwo_mapping import ZwoElement, zwo_to_template
from retrotimer.core.templates.validation import TemplateError, TemplateReading

# A Zwift file is four levels deep (workout_file, workout, a step, its text events); what
# lies deeper is of no use, and following it could exhaust the stack.
MAX_DEPTH = 8


def _element(node: Element, depth: int = 0) -> ZwoElement:
    children = () if depth >= MAX_DEPTH else tuple(_element(child, depth + 1) for child in node)
    return ZwoElement(
        tag=node.tag,
        attributes=dict(node.attrib),
        text=node.text or "",
        children=children,
    )


def parse_xml(data: bytes, source: str) -> ZwoElement:
    """The document's root element; TemplateError with one sentence for XML that is broken or
    tries to declare a DTD or entities (external files, "billion laughs" expansions)."""
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise TemplateError(
            [
                "the XML file declares a DTD or entities, which RetroTimer does not read "
                "(they can fetch other files or expand without end)"
            ],
            source,
        ) from None
    except ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise TemplateError(
            [f"line {line}:{column + 1}: the XML cannot be read: {reason}"],
            source,
        ) from None
    return _element(root)


def read_zwo(data: bytes, source: str, default_name: str) -> TemplateReading:
    return zwo_to_template(parse_xml(data, source), default_name)
