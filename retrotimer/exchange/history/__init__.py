"""The history's own files: the JSON backup and CSV, export and import."""
