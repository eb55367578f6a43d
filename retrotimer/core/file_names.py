"""File names from what people type: stable ASCII slugs that every locale and disk can hold."""

from __future__ import annotations

import re
import unicodedata

_HASH_LENGTH = 8
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Names Windows gives to devices: a file "con.toml" cannot be made there.
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


def text_digest(text: str) -> str:
    """A short stable hash of the text (lone surrogates included), to tell names apart."""
    import hashlib  # here, not at start-up: it maps OpenSSL's libcrypto

    data = text.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:_HASH_LENGTH]


def ascii_slug(text: str, fallback: str, max_length: int = 100) -> str:
    """ "Short jogs #2" -> "short-jogs-2", "Rückwärts" -> "ruckwarts".

    Letters lose their accents; what has no ASCII form ("火曜日", emoji) is left out, and
    then the slug ends in a hash of the whole text, so two such names get two file names
    and the same name always the same one. A file name in ASCII can be written under any
    locale (C, Latin-1) and on any file system. At most `max_length` characters."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(char for char in folded if not unicodedata.combining(char))
    slug = _NOT_SLUG.sub("-", kept.encode("ascii", "ignore").decode("ascii")).strip("-")
    lost = any(not char.isascii() and char.isalnum() for char in kept)
    if lost or len(slug) > max_length:
        head = slug[: max_length - _HASH_LENGTH - 1].rstrip("-")
        slug = f"{head or fallback}-{text_digest(text)}"
    slug = slug or fallback
    return f"{slug}-{fallback}" if slug in _WINDOWS_RESERVED else slug
