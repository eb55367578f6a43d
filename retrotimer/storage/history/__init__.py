"""The session history in SQLite: schema, opening, rows, pauses, import."""
