"""Names in any script survive a C or Latin-1 locale: ASCII file names, escapes on the terminal."""

from __future__ import annotations

import os
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
