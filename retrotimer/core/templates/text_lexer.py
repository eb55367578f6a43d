"""Splits one line of the template text syntax into words, quoted text and punctuation."""

from __future__ import annotations

import enum

from retrotimer.core.templates.text_rules import shown_text, visible
from retrotimer.core.value import value

_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t"}
_HEX = frozenset("0123456789abcdefABCDEF")
_PUNCTUATION = {"(": "LPAREN", ")": "RPAREN", ",": "COMMA"}


class TokenType(enum.Enum):
    WORD = "word"
    STRING = "string"
    LPAREN = "("
    RPAREN = ")"
    COMMA = ","


@value
class Token:
    """A piece of a line; `column` is 1-based and `text` is unescaped for strings."""

    type: TokenType
    text: str
    column: int

    def shown(self) -> str:
        """The token as the user wrote it, for messages."""
        if self.type is TokenType.STRING:
            return f'the quoted text "{visible(self.text)}"'
        return shown_text(self.text)


class SyntaxProblem(Exception):
    """A mistake in the text at a column, saying what was expected there."""

    def __init__(self, column: int, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def read_string(line: str, start: int) -> tuple[str, int]:
    """The quoted text starting at line[start] == '"': its unescaped value and the index after."""
    out: list[str] = []
    index = start + 1
    while index < len(line):
        char = line[index]
        if char == '"':
            return "".join(out), index + 1
        if char == "\\":
            escape = line[index + 1 : index + 2]
            if escape in _ESCAPES:
                out.append(_ESCAPES[escape])
                index += 2
                continue
            width = {"u": 4, "U": 8}.get(escape, 0)
            digits = line[index + 2 : index + 2 + width]
            if width and len(digits) == width and all(c in _HEX for c in digits):
                value = int(digits, 16)
                if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
                    out.append(chr(value))
                    index += 2 + width
                    continue
            raise SyntaxProblem(
                index + 1,
                f'unknown escape "\\{visible(escape)}" in quoted text: write \\\\ for a '
                'backslash and \\" for a quote',
            )
        out.append(char)
        index += 1
    raise SyntaxProblem(start + 1, "expected a closing double quote for this text")


def tokenize(line: str) -> list[Token]:
    """Tokens of a line; a `#` outside quotes starts a comment that runs to the end."""
    tokens: list[Token] = []
    index = 0
    while index < len(line):
        char = line[index]
        if char.isspace():
            index += 1
        elif char == "#":
            break
        elif char == '"':
            text, index_after = read_string(line, index)
            tokens.append(Token(TokenType.STRING, text, index + 1))
            index = index_after
        elif char in _PUNCTUATION:
            tokens.append(Token(TokenType[_PUNCTUATION[char]], char, index + 1))
            index += 1
        else:
            end = index
            while end < len(line) and not (
                line[end].isspace() or line[end] in _PUNCTUATION or line[end] in '"#'
            ):
                end += 1
            tokens.append(Token(TokenType.WORD, line[index:end], index + 1))
            index = end
    return tokens


def quote(text: str) -> str:
    """Text in double quotes with the escapes `read_string` reads back."""
    out = []
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif not (char.isprintable() or char == " "):
            # Line and paragraph separators and other invisible characters are written as
            # escapes, so the text stays on one visible line.
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
