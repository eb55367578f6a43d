"""Names in any script survive a C or Latin-1 locale: ASCII file names, escapes on the terminal."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from retrotimer.storage.paths import AppPaths
from retrotimer.storage.templates.template_store import TemplateStore
from tests.cli_runner import retrotimer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="locales as POSIX has them")
NAME = "火曜日 Rückwärts"
# Without UTF-8 mode, the C locale makes file names and the terminal ASCII.
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


@pytest.mark.slow
def test_a_name_in_any_script_is_imported_and_listed_under_the_c_locale(
    tmp_path: Path,
) -> None:
    source = tmp_path / "tuesday.toml"
    source.write_text(
        f'format = 1\nname = "{NAME}"\n\n[[segments]]\nkind = "walk"\nseconds = 30\n',
        encoding="utf-8",
    )
    imported = retrotimer("templates", "import", str(source), env=C_LOCALE)
    assert imported.returncode == 0, imported.stderr
    assert "\\u706b\\u66dc\\u65e5 R\\xfcckw\\xe4rts" in imported.stdout
    listed = retrotimer("templates", "list", env=C_LOCALE)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    (stored,) = TemplateStore.from_paths(AppPaths.from_environment()).listing().templates
    assert stored.name == NAME
    assert stored.path.name.isascii()


def latin1_locale() -> str | None:
    """An installed Latin-1 locale (`locale-gen de_DE.ISO-8859-1` makes one), else None."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    names = listed.stdout.split()
    return next((n for n in names if n.lower().replace("-", "").endswith("iso88591")), None)


@pytest.mark.slow
def test_a_name_in_any_script_is_imported_and_listed_under_a_latin1_locale(
    tmp_path: Path,
) -> None:
    name = latin1_locale()
    if name is None:
        pytest.skip("no Latin-1 locale is installed (locale-gen de_DE.ISO-8859-1 makes one)")
    latin1 = {"LC_ALL": name, "LANG": name, "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    source = tmp_path / "tuesday.toml"
    source.write_text(
        f'format = 1\nname = "{NAME}"\n\n[[segments]]\nkind = "walk"\nseconds = 30\n',
        encoding="utf-8",
    )
    for args in (["templates", "import", str(source)], ["templates", "list"]):
        # The terminal of this locale takes Latin-1, not the UTF-8 the tests read.
        result = retrotimer(*args, env=latin1, timeout=60, encoding="latin-1")
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        # What Latin-1 can show is shown in it; the rest is escaped, never an error.
        assert "\\u706b\\u66dc\\u65e5 Rückwärts" in result.stdout
    (stored,) = TemplateStore.from_paths(AppPaths.from_environment()).listing().templates
    assert stored.name == NAME
    assert stored.path.name.isascii()
