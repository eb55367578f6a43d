"""Zwift .zwo files parsed safely (no DTDs, no entities, nothing fetched) in any encoding."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from retrotimer.core.exchange.zwo_mapping import ZwoElement, zwo_to_template
from retrotimer.core.templates.validation import Problem, Severity, TemplateError, TemplateReading

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


def parse_xml(data: bytes, source: str) -> tuple[ZwoElement, Problem | None]:
    """The document's root element, and a warning when the text was read as Windows-1252;
    TemplateError with one sentence for XML that is broken, in no encoding it says it is
    in, or tries to declare a DTD or entities (external files, "billion laughs")."""
    text, warning = xml_text(data, source)
    try:
        root = defusedxml.ElementTree.fromstring(text, forbid_dtd=True)
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
    return _element(root), warning


def _not_xml(error: ParseError, source: str) -> TemplateError:
    line, column = error.position
    reason = str(error).split(":")[0]
    return TemplateError([f"line {line}:{column + 1}: the XML cannot be read: {reason}"], source)


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
# Byte-order marks and the encodings they mark, longest first (UTF-32's starts like UTF-16's),
# then how an XML document without one begins in UTF-32 and UTF-16 ("<" or "<?").
_MARKS = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)
# Windows editors save files without a declaration in their own code page: Zwift reads them.
WINDOWS_ENCODING = "cp1252"


def marked_encoding(data: bytes) -> str | None:
    """The encoding the start of an XML document shows (a byte-order mark, or "<" in UTF-16
    or UTF-32), or None when only a declaration can tell."""
    return next((name for mark, name in _MARKS if data.startswith(mark)), None)


def xml_text(data: bytes, source: str) -> tuple[str, Problem | None]:
    """The file's text in the encoding its byte-order mark or declaration names, else UTF-8,
    else Windows-1252 (with a warning saying so); TemplateError naming the encoding and the
    place of the first byte that is not text in it."""
    marked = marked_encoding(data)
    declared = _DECLARED.match(data)
    name = marked or (declared.group(1).decode("ascii", "replace") if declared else None)
    if name is None:
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            name = WINDOWS_ENCODING
    try:
        text = data.decode(name)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        what = (
            f"the file is neither UTF-8 nor Windows-1252 ({WINDOWS_ENCODING}) text"
            if name == WINDOWS_ENCODING and not declared
            else f"the file says it is in the {name!r} encoding"
        )
        raise TemplateError(
            [
                f"line {line}:{column}: {what}, but byte 0x{data[error.start]:02x} is not text "
                "in it; save the file as UTF-8"
            ],
            source,
        ) from None
    except (LookupError, ValueError):
        # No such codec, one that is not for text, or a name no codec can have (a NUL in it).
        raise TemplateError(
            [f"line 1: the file says it is in the {name!r} encoding, which no reader knows"],
            source,
        ) from None
    if name == WINDOWS_ENCODING and not declared:
        return text, Problem(
            Severity.WARNING,
            f"the file is not UTF-8; it was read as Windows-1252 ({WINDOWS_ENCODING}) text",
        )
    return text, None


def read_zwo(data: bytes, source: str, default_name: str) -> TemplateReading:
    root, warning = parse_xml(data, source)
    reading = zwo_to_template(root, default_name)
    if warning is None:
        return reading
    return TemplateReading(reading.template, (warning, *reading.problems))
