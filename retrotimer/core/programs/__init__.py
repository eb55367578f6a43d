"""Training programs: weeks of sessions, their files, the built-in ones, and the coach."""
