"""The Qt binding in use must pass Python objects through signals without corrupting them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import enum
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class State(enum.Enum):
        A = "a"

    class Emitter(QObject):
        fired = Signal(object, float)

    app = QCoreApplication([])
    emitter = Emitter()
    received = []
    emitter.fired.connect(lambda value, at: received.append(value))
    for _ in range(2000):
        emitter.fired.emit(True, 1.0)
        emitter.fired.emit(State.A, 2.0)
    print(len(received))
    """
)


def test_objects_through_signals_survive_interpreter_exit() -> None:
    # PySide6 6.12.0 drops a reference per emission and aborts at exit ("bool_dealloc").
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4000"
