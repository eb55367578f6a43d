"""FIT files read back with Garmin's own decoder, as a watch or a training site reads them."""

from __future__ import annotations

from pathlib import Path

from garmin_fit_sdk import Decoder, Stream


def fit_messages(data: bytes) -> dict[str, list[dict[str, object]]]:
    """The messages of a whole FIT file that decodes without an error, by kind."""
    assert Decoder(Stream.from_byte_array(bytearray(data))).check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    return messages  # type: ignore[no-any-return]


def fit_steps(path: Path) -> list[dict[str, object]]:
    """The steps of the FIT workout at `path`."""
    return fit_messages(path.read_bytes())["workout_step_mesgs"]
