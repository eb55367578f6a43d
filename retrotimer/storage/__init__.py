"""Files and databases: paths, settings, templates and history on disk."""
