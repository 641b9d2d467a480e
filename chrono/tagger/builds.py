"""Which build of the tagger's compiled modules runs: each of COMPILED (the chart parser
engine.py with the types of engine.pxd; the others compiled as they are) built by Cython (`make
install`, through setup.py), or the same file as Python.

Python imports a compiled module in preference to its .py, so the choice is made here, when the
package is first imported (chrono/tagger/__init__.py imports this module before anything else of
the package): the .py runs when CHRONO_PURE_PYTHON is set (the tests compare both builds), and
when the compiled file is older than its source or its types (a module edited since `make
install`: that build would run the old code). Without a build (no C compiler) Python finds the
.py by itself.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from typing import Optional

ENGINE = "chrono.tagger.engine"
# The modules setup.py compiles (and the Makefile checks)
COMPILED = ("chrono.tagger.values", "chrono.tagger.words", "chrono.tagger.tokens", ENGINE,
            "chrono.tagger.grammar.base", "chrono.tagger.tense", "chrono.tagger.context")
# The files of one install are written within a second or so of each other, in any order; an
# edit made later is what the age check is for.
STALE_AFTER_SECONDS = 2.0


def compiled_beside(source: Path) -> Optional[Path]:
    """The compiled build of the module whose source is `source` (engine.py → engine.cpython-311-…so)."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        built = source.with_suffix(suffix)
        if built.exists():
            return built
    return None


def usable_build(source: Path) -> Optional[Path]:
    """The compiled build of `source` if it is there, not turned off (CHRONO_PURE_PYTHON) and not
    older than the source and its types (.pxd); else None."""
    built = compiled_beside(source)
    if built is None or os.environ.get("CHRONO_PURE_PYTHON"):
        return None
    newest = max((p.stat().st_mtime for p in (source, source.with_suffix(".pxd")) if p.exists()), default=0.0)
    return built if built.stat().st_mtime + STALE_AFTER_SECONDS >= newest else None


class SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the modules it is given at their .py files, even where a compiled build sits beside
    them; first on sys.meta_path, so the import system still sets the package attributes and
    imports each module when first asked for, in whatever order the modules import each other."""

    def __init__(self, sources: dict[str, Path]):
        self.sources = sources

    def find_spec(self, name, path=None, target=None):
        source = self.sources.get(name)
        return importlib.util.spec_from_file_location(name, source) if source is not None else None


def source_of(module: str) -> Path:
    """chrono.tagger.grammar.base → chrono/tagger/grammar/base.py (the compiled modules are in
    this package)."""
    return Path(__file__).parent.joinpath(*module.split(".")[2:]).with_suffix(".py")


def sources_to_run() -> dict[str, Path]:
    """The modules of COMPILED whose build is there but not to be used: turned off or stale."""
    sources = {module: source_of(module) for module in COMPILED}
    return {module: source for module, source in sources.items()
            if source.exists() and compiled_beside(source) is not None and usable_build(source) is None}


_PASSED_OVER = sources_to_run()
if _PASSED_OVER:
    sys.meta_path.insert(0, SourceFinder(_PASSED_OVER))
