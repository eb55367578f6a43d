"""Qt widgets and the session controller that owns the one timer."""
