"""A finished session as a TCX activity (Garmin's Training Center XML), written with the
standard library's ElementTree."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from retrotimer.core.exchange.workout import Intensity

if TYPE_CHECKING:
    from retrotimer.core.exchange.activity import Activity
    from retrotimer.core.sensors.sensor_values import SensorSample

NAMESPACE = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
# Garmin's extension for a runner's cadence and speed in a Trackpoint.
EXTENSION_NAMESPACE = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
TCX_MAX_HEART_RATE = 255  # HeartRateBpm holds a byte
_RESTING = {Intensity.RECOVERY, Intensity.REST}


def _time(activity: Activity, offset_s: float) -> str:
    moment = datetime.fromtimestamp(activity.started_utc_s, UTC) + timedelta(seconds=offset_s)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


# Characters XML 1.0 cannot hold at all (control characters, lone surrogates).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# TCX's names of plans and workouts are tokens (one space between words) of 1 to 15 characters.
PLAN_NAME_CHARS = 15


def plan_name(name: str) -> str:
    """The name as TCX keeps a plan's: spaces collapsed, cut to 15 characters."""
    collapsed = " ".join(_NOT_XML.sub("", name).split())
    return collapsed[:PLAN_NAME_CHARS].rstrip() or "RetroTimer"


def _add(parent: ElementTree.Element, tag: str, text: str | None = None) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag)
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def _tracks(activity: Activity, start: float, end: float) -> list[list[float]]:
    """The lap's record times, split where the timer stood still between two of them."""
    tracks: list[list[float]] = []
    for moment in (t for t in activity.record_times() if start <= t <= end):
        stopped = tracks and any(
            tracks[-1][-1] <= stop.at_s < moment for stop in activity.stops if stop.seconds > 0
        )
        if not tracks or stopped:
            tracks.append([])
        tracks[-1].append(moment)
    return tracks


def _readings(point: ElementTree.Element, sample: SensorSample | None) -> None:
    """What the sensors said at a Trackpoint: the heart rate, and the cadence (in strides a
    minute, as FIT and Garmin's extension count it) and speed in the extension."""
    if sample is None:
        return
    if sample.heart_rate is not None:
        heart = _add(point, "HeartRateBpm")
        _add(heart, "Value", str(min(sample.heart_rate, TCX_MAX_HEART_RATE)))
    if sample.cadence_spm is None and sample.speed_m_s is None:
        return
    extension = _add(_add(point, "Extensions"), f"{{{EXTENSION_NAMESPACE}}}TPX")
    if sample.speed_m_s is not None:
        _add(extension, f"{{{EXTENSION_NAMESPACE}}}Speed", f"{sample.speed_m_s:.3f}")
    if sample.cadence_spm is not None:
        _add(extension, f"{{{EXTENSION_NAMESPACE}}}RunCadence", str(sample.cadence_spm // 2))


def activity_to_tcx(activity: Activity) -> bytes:
    """The TCX document: one Lap per segment with its label in Notes; each lap's Track holds
    a Trackpoint at least every 5 s while the timer ran (TCX has no timer events: a pause is
    a gap between Tracks); the workout's name in the activity's Notes and Training plan."""
    ElementTree.register_namespace("", NAMESPACE)
    ElementTree.register_namespace("ax", EXTENSION_NAMESPACE)
    root = ElementTree.Element(f"{{{NAMESPACE}}}TrainingCenterDatabase")
    activities = _add(root, "Activities")
    node = _add(activities, "Activity")
    node.set("Sport", "Running")
    _add(node, "Id", _time(activity, 0.0))
    for lap in activity.laps:
        lap_node = _add(node, "Lap")
        lap_node.set("StartTime", _time(activity, lap.start_s))
        _add(lap_node, "TotalTimeSeconds", f"{lap.seconds:.3f}")
        _add(lap_node, "DistanceMeters", "0")
        _add(lap_node, "Calories", "0")
        _add(lap_node, "Intensity", "Resting" if lap.intensity in _RESTING else "Active")
        _add(lap_node, "TriggerMethod", "Manual")
        for times in _tracks(activity, lap.start_s, lap.end_s):
            track = _add(lap_node, "Track")
            for moment, sample in zip(times, activity.readings_at(times), strict=True):
                point = _add(track, "Trackpoint")
                _add(point, "Time", _time(activity, moment))
                _readings(point, sample)
        _add(lap_node, "Notes", lap.label)
    # The workout run: its whole name in the activity's notes, and as the plan a training
    # log shows (TCX keeps a plan's name to 15 characters).
    _add(node, "Notes", activity.name)
    training = _add(node, "Training")
    training.set("VirtualPartner", "false")
    plan = _add(training, "Plan")
    plan.set("Type", "Workout")
    plan.set("IntervalWorkout", "true" if len(activity.laps) > 1 else "false")
    _add(plan, "Name", plan_name(activity.name))
    ElementTree.indent(root)
    body: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"
