"""Names in any script survive a C or Latin-1 locale: ASCII file names, escapes on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_store import TemplateStore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="locales as POSIX has them")
NAME = "火曜日 Rückwärts"
# Without UTF-8 mode, the C locale makes file names and the terminal ASCII.
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "retrotimer", *args],
        capture_output=True,
        text=True,
        encoding="ascii",
        errors="strict",
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **C_LOCALE},
        check=False,
        timeout=60,
    )


@pytest.mark.slow
def test_a_name_in_any_script_is_imported_and_listed_under_the_c_locale(
    tmp_path: Path,
) -> None:
    source = tmp_path / "tuesday.toml"
    source.write_text(
        f'format = 1\nname = "{NAME}"\n\n[[segments]]\nkind = "walk"\nseconds = 30\n',
        encoding="utf-8",
    )
    imported = cli("templates", "import", str(source))
    assert imported.returncode == 0, imported.stderr
    assert "\\u706b\\u66dc\\u65e5 R\\xfcckw\\xe4rts" in imported.stdout
    listed = cli("templates", "list")
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    (stored,) = TemplateStore.from_paths(AppPaths.from_environment()).listing().templates
    assert stored.name == NAME
    assert stored.path.name.isascii()
