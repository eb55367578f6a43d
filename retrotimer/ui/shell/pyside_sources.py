"""PySide6's look at each module imported after it, made without keeping every source in memory."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

# PySide6 asks of every module imported after it whether its source names PySide6 (such a
# module may switch PySide's `__feature__`s). It reads the source through `linecache`, which
# keeps it: about 5 MB of the window's memory at its first paint, for sources nothing shows.
# The same question answered from the file's bytes keeps nothing.


def module_names_pyside(module: ModuleType) -> bool:
    """Whether the module's source file names PySide6 (False without a source file), as
    PySide6's own check answers."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def read_sources_lightly() -> bool:
    """Answer PySide6's question with `module_names_pyside` from now on (PySide6 is imported
    here if it was not), and let go of the sources read for the modules imported before;
    False when this PySide6 asks it in some other way."""
    import PySide6.QtCore  # noqa: F401  (its import installs the check)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", module_names_pyside)  # noqa: B010
    linecache.clearcache()  # a traceback reads what it shows again
    return True
