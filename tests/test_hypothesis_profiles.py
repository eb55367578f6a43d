"""The hypothesis profile comes from HYPOTHESIS_PROFILE: "ci" or, by default, "dev"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SHOW_PROFILE = (
    "import tests.conftest; from hypothesis import settings; "
    "print(settings.default.deadline, settings.default.derandomize, settings.default.print_blob)"
)


def settings_under(
    profile: str | None, *, on_ci_service: bool = False
) -> subprocess.CompletedProcess[str]:
    """The default hypothesis settings once the test set-up is loaded under `profile`, on a
    CI service (where hypothesis tunes its own defaults) or not."""
    env = {
        key: value for key, value in os.environ.items() if key not in {"HYPOTHESIS_PROFILE", "CI"}
    }
    if on_ci_service:
        env["CI"] = "true"
    if profile is not None:
        env["HYPOTHESIS_PROFILE"] = profile
    return subprocess.run(
        [sys.executable, "-c", SHOW_PROFILE],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("profile", "shown"),
    [("ci", "None True True"), ("dev", "0:00:02 False False"), (None, "0:00:02 False False")],
)
@pytest.mark.parametrize("on_ci_service", [False, True])
def test_the_environment_chooses_the_profile(
    profile: str | None, shown: str, on_ci_service: bool
) -> None:
    result = settings_under(profile, on_ci_service=on_ci_service)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == shown


def test_an_unknown_profile_is_refused_by_name() -> None:
    result = settings_under("nightly")
    assert result.returncode != 0
    assert "Profile 'nightly' is not registered" in result.stderr
