"""Garmin's FIT SDK behind two calls: encode messages to bytes, decode bytes to messages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from garmin_fit_sdk import FIT_EPOCH_S, Decoder, Encoder, Profile, Stream

from retrotimer.core.templates.validation import TemplateError

MESG_NUM: dict[str, int] = Profile["mesg_num"]

# RetroTimer's own facts travel as developer fields, which other tools and watches ignore.
APPLICATION_ID = list(b"RetroTimer\x00\x00\x00\x00\x00\x01")
_UINT8 = 0x02
_UINT16 = 0x84
_STRING = 0x07
DEVELOPER_FIELDS: dict[int, tuple[str, int]] = {
    0: ("retrotimer_kind", _UINT8),
    1: ("retrotimer_steps", _UINT16),
    2: ("retrotimer_label", _STRING),
}
KIND_FIELD = 0
STEPS_FIELD = 1
LABEL_FIELD = 2


def fit_local_time(utc_s: float, offset_s: int) -> int:
    """A local wall-clock time as FIT counts it (seconds since FIT's epoch, in local time)."""
    return round(utc_s + offset_s) - FIT_EPOCH_S


Message = dict[str, Any]


def _developer_messages() -> tuple[Message, list[tuple[int, Message]]]:
    data_id = {
        "mesg_num": MESG_NUM["DEVELOPER_DATA_ID"],
        "developer_data_index": 0,
        "application_id": APPLICATION_ID,
        "application_version": 1,
    }
    descriptions = [
        (
            number,
            {
                "mesg_num": MESG_NUM["FIELD_DESCRIPTION"],
                "developer_data_index": 0,
                "field_definition_number": number,
                "fit_base_type_id": base_type,
                "field_name": name,
            },
        )
        for number, (name, base_type) in DEVELOPER_FIELDS.items()
    ]
    return data_id, descriptions


def encode_messages(messages: Iterable[Message], *, developer_fields: bool = False) -> bytes:
    """A FIT file of these messages, in order (the first must be file_id); with
    `developer_fields`, RetroTimer's field descriptions follow the file_id."""
    encoder = Encoder()
    listed = list(messages)
    encoder.write_mesg(listed[0])
    if developer_fields:
        data_id, descriptions = _developer_messages()
        encoder.write_mesg(data_id)
        for number, description in descriptions:
            encoder.write_mesg(description)
            encoder.add_developer_field(number, data_id, description)  # type: ignore[arg-type]
    for message in listed[1:]:
        encoder.write_mesg(message)
    return encoder.close()


def decode_messages(data: bytes, source: str) -> dict[str, list[Message]]:
    """Every message of a FIT file by kind ("workout_step_mesgs"); TemplateError with one
    plain sentence when the bytes are not a whole, undamaged FIT file."""
    if not Decoder(Stream.from_byte_array(bytearray(data))).is_fit():
        raise TemplateError(["not a FIT file: it does not start with a FIT header"], source)
    if not Decoder(Stream.from_byte_array(bytearray(data))).check_integrity():
        raise TemplateError(
            [
                "the FIT file is damaged: it is cut short or its checksum does not match; "
                "copy it again from where it came from"
            ],
            source,
        )
    try:
        messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    except Exception as error:  # the SDK raises many kinds on damaged data
        raise TemplateError([f"the FIT file cannot be read: {error}"], source) from None
    if errors:
        raise TemplateError([f"the FIT file cannot be read: {errors[0]}"], source)
    return {str(name): list(found) for name, found in messages.items()}  # type: ignore[call-overload]


def own_developer_keys(messages: dict[str, list[Message]]) -> dict[int, int]:
    """The decoder's keys of RetroTimer's developer fields, by our field number; empty for a
    file another tool wrote."""
    # A damaged or foreign file can give any field any type: only whole numbers and the very
    # application id count.
    ours = {
        entry.get("developer_data_index")
        for entry in messages.get("developer_data_id_mesgs", [])
        if entry.get("application_id") == APPLICATION_ID
        and isinstance(entry.get("developer_data_index"), int)
    }
    keys: dict[int, int] = {}
    for description in messages.get("field_description_mesgs", []):
        number, key = description.get("field_definition_number"), description.get("key")
        index = description.get("developer_data_index")
        if (
            isinstance(number, int)
            and isinstance(key, int)
            and isinstance(index, int)
            and index in ours
            and number in DEVELOPER_FIELDS
            and description.get("field_name") == DEVELOPER_FIELDS[number][0]
        ):
            keys[number] = key
    return keys
