"""Zwift .zwo files parsed safely: no DTDs, no entities, nothing fetched from anywhere."""

from __future__ import annotations

import re
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
    if (unreadable := unreadable_encoding(data)) is not None:
        raise TemplateError([f"line 1: {unreadable}"], source)
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except ParseError as error:
        raise _not_xml(error, source) from None
    except defusedxml.DefusedXmlException:
        raise TemplateError(
            [
                "the XML file declares a DTD or entities, which RetroTimer does not read "
                "(they can fetch other files or expand without end)"
            ],
            source,
        ) from None
    except (ValueError, LookupError):
        # The declaration names an encoding the parser cannot read (Shift_JIS) or that
        # does not exist. (DefusedXmlException is a ValueError too: it is caught above.)
        raise TemplateError([f"line 1: {encoding_words(data)}"], source) from None
    return _element(root)


def _not_xml(error: ParseError, source: str) -> TemplateError:
    line, column = error.position
    reason = str(error).split(":")[0]
    return TemplateError([f"line {line}:{column + 1}: the XML cannot be read: {reason}"], source)


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
# UTF-32 has no reader in the XML parser; its byte-order marks say what it is.
_UTF32_MARKS = (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")


def unreadable_encoding(data: bytes) -> str | None:
    """Why the XML parser cannot read text in this encoding, when its byte-order mark shows
    one it has no reader for (UTF-32); None otherwise."""
    if data.startswith(_UTF32_MARKS):
        return "the file is UTF-32 text, which the XML reader cannot read; save it as UTF-8"
    return None


def encoding_words(data: bytes) -> str:
    """The sentence for an XML declaration naming an encoding the parser cannot read."""
    found = _DECLARED.match(data)
    name = found.group(1).decode("ascii", "replace") if found else "an unknown"
    return (
        f"the file says it is in the {name!r} encoding, which the XML reader cannot read; "
        "save it as UTF-8"
    )


def read_zwo(data: bytes, source: str, default_name: str) -> TemplateReading:
    return zwo_to_template(parse_xml(data, source), default_name)
