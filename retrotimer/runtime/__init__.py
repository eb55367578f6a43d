"""One session's life in real time, QtCore only: controller, clocks, recording, SessionRun."""
