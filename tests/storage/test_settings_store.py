"""Settings persist in a TOML file; bad values fall back to defaults with a message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from retrotimer.core.model import Venue
from retrotimer.core.settings import Settings, Theme
from retrotimer.core.value import replace
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import MAX_SETTINGS_BYTES, SettingsStore


def test_paths_live_under_retrotimer_home(private_home: Path) -> None:
    paths = AppPaths.from_environment()
    assert paths.config == private_home.resolve() / "config"
    assert paths.history_db.parent == private_home.resolve() / "data"
    assert not paths.config.exists()
    paths.ensure()
    assert paths.templates.is_dir() and paths.cache.is_dir()


def test_paths_come_from_platformdirs_without_the_variable() -> None:
    paths = AppPaths.from_environment({})
    assert "RetroTimer" in str(paths.data) or "retrotimer" in str(paths.data).lower()


def test_missing_file_gives_defaults() -> None:
    store = SettingsStore(AppPaths.from_environment())
    assert store.load() == Settings()
    assert store.problems == []


def test_save_and_load_round_trip() -> None:
    store = SettingsStore(AppPaths.from_environment())
    changed = replace(
        Settings(),
        cadence_backward_jog=150,
        theme=Theme.DARK,
        default_venue=Venue.TREADMILL,
        volume=0.5,
        step_ticks=True,
    )
    store.save(changed)
    assert store.load() == changed


def test_bad_values_are_ignored_with_a_message_and_the_rest_kept() -> None:
    paths = AppPaths.from_environment()
    paths.ensure()
    paths.settings_file.write_text(
        'cadence_backward_jog = 150\ntheme = "neon"\nvoice = "yes"\nshoe_size = 44\n',
        encoding="utf-8",
    )
    store = SettingsStore(paths)
    settings = store.load()
    assert settings.cadence_backward_jog == 150
    assert settings.theme is Theme.SYSTEM and settings.voice is True
    text = "\n".join(store.problems)
    assert "theme = 'neon': theme must be one of" in text
    assert "voice = 'yes': voice must be true or false" in text
    assert "unknown setting 'shoe_size'" in text


GOOD = (
    "cadence_backward_walk = 90\n"
    "cadence_backward_jog = 150\n"
    'theme = "dark"\n'
    "voice = false\n"
    "get_ready_s = 8\n"
)
KEPT = replace(
    Settings(),
    cadence_backward_walk=90,
    cadence_backward_jog=150,
    theme=Theme.DARK,
    voice=False,
    get_ready_s=8,
)


def bad_file(text_or_bytes: str | bytes) -> AppPaths:
    paths = AppPaths.from_environment().ensure()
    data = text_or_bytes.encode() if isinstance(text_or_bytes, str) else text_or_bytes
    paths.settings_file.write_bytes(data)
    return paths


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (b"volume = 7.0\n", "line 6: volume = 7.0: volume must be 0-1"),
        (b"volume = nan\n", "volume = nan: volume must be"),
        (b"cadence_backward_sprint = 5\n", "cadence backward sprint must be 40-240"),
        (b"next_up_lead_s = \xff\xfe\n", "line 6 is not UTF-8 text"),
        (b"volume = [\n", "line 6: not valid TOML"),
        (b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "line 6: the file is nested too deeply"),
        (b'muted = "yes"\n', "muted = 'yes': muted must be true or false"),
    ],
)
def test_one_bad_value_or_byte_keeps_every_other_value_and_the_file_aside(
    damage: bytes, named: str
) -> None:
    original = GOOD.encode() + damage
    paths = bad_file(original)
    store = SettingsStore(paths, wall_clock=lambda: 1_714_953_600.0)
    assert store.load() == KEPT
    assert any(named in problem for problem in store.problems), store.problems
    aside = paths.config / "settings-corrupt-20240506T000000Z.toml"
    assert aside.read_bytes() == original
    assert store.notice is not None
    assert store.notice.startswith("The settings file could not be used as it was (")
    assert named.split(" (")[0] in store.notice
    assert store.notice.endswith(
        f"; it was moved to {aside} (nothing was deleted) and the values that could be read "
        "are kept."
    )
    # The file in place now holds what is used: the next start reads it without a word.
    again = SettingsStore(paths)
    assert again.load() == KEPT and again.problems == [] and again.notice is None


def test_a_settings_file_that_is_not_a_file_is_moved_aside_without_blocking() -> None:
    paths = AppPaths.from_environment().ensure()
    os.mkfifo(paths.settings_file)
    store = SettingsStore(paths, wall_clock=lambda: 1_714_953_600.0)
    assert store.load() == Settings()
    assert "is a named pipe (FIFO), not a settings file" in store.problems[0]
    assert (paths.config / "settings-corrupt-20240506T000000Z.toml").is_fifo()
    assert store.notice is not None and "defaults are used" in store.notice


def test_a_settings_file_far_too_big_is_not_read_whole() -> None:
    paths = bad_file(GOOD + "#" * (MAX_SETTINGS_BYTES + 1))
    store = SettingsStore(paths)
    assert store.load() == Settings()
    assert "far too big for a settings file" in store.problems[0]


def test_unknown_settings_are_told_and_the_file_stays() -> None:
    paths = bad_file(GOOD + "shoe_size = 44\n")
    store = SettingsStore(paths)
    assert store.load() == KEPT
    assert store.notice == "Some settings were ignored: unknown setting 'shoe_size' ignored."
    assert paths.settings_file.read_text(encoding="utf-8").endswith("shoe_size = 44\n")


def test_the_first_run_flag_is_saved_with_the_cadence_and_defaults_to_not_done() -> None:
    paths = AppPaths.from_environment()
    store = SettingsStore(paths)
    assert store.load().first_run_done is False
    store.save(replace(Settings(), first_run_done=True, cadence_backward_walk=96))
    assert "first_run_done = true" in paths.settings_file.read_text(encoding="utf-8")
    loaded = store.load()
    assert loaded.first_run_done is True and loaded.cadence_backward_walk == 96
