"""The template language: TOML, text syntax, kinds, validation, edits, formats, built-ins."""
