"""Settings persist in a TOML file; bad values fall back to defaults with a message."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from retrotimer.core.model import Venue
from retrotimer.core.settings import Settings, Theme
from retrotimer.storage.paths import AppPaths
from retrotimer.storage.settings_store import SettingsStore


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
    changed = dataclasses.replace(
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
    assert "theme = 'neon' ignored" in text
    assert "voice = 'yes' ignored" in text
    assert "unknown setting 'shoe_size'" in text


def test_out_of_range_values_fall_back_to_defaults() -> None:
    paths = AppPaths.from_environment()
    paths.ensure()
    paths.settings_file.write_text("cadence_backward_walk = 5\n", encoding="utf-8")
    store = SettingsStore(paths)
    assert store.load() == Settings()
    assert "cadence backward walk must be 40-240" in store.problems[0]


def test_unreadable_file_gives_defaults_and_is_left_alone() -> None:
    paths = AppPaths.from_environment()
    paths.ensure()
    paths.settings_file.write_text("volume = [", encoding="utf-8")
    store = SettingsStore(paths)
    assert store.load() == Settings()
    assert "cannot read settings" in store.problems[0]
    assert paths.settings_file.read_text(encoding="utf-8") == "volume = ["


def test_the_first_run_flag_is_saved_with_the_cadence_and_defaults_to_not_done() -> None:
    paths = AppPaths.from_environment()
    store = SettingsStore(paths)
    assert store.load().first_run_done is False
    store.save(dataclasses.replace(Settings(), first_run_done=True, cadence_backward_walk=96))
    assert "first_run_done = true" in paths.settings_file.read_text(encoding="utf-8")
    loaded = store.load()
    assert loaded.first_run_done is True and loaded.cadence_backward_walk == 96
