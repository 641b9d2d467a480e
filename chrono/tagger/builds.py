"""Which build of the chart parser runs: chrono/tagger/engine.py compiled by Cython (with the
types of engine.pxd; built by `make install` through setup.py) or the same file as Python.

Python imports a compiled module in preference to its .py, so the choice is made here, when the
package is first imported (chrono/tagger/__init__.py imports this module before the parser):
the .py runs when CHRONO_PURE_PYTHON is set (the tests compare both builds), and when the
compiled file is older than its source or its types (engine.py edited since `make install`: that
build would run the old parser). Without a build (no C compiler) Python finds the .py by itself.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from typing import Optional

ENGINE = "chrono.tagger.engine"
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


def load_source(module: str, source: Path) -> None:
    """Import `module` from its .py file, even where a compiled build of it sits beside it."""
    if module in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(module, source)
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.modules[module] = loaded
    try:
        spec.loader.exec_module(loaded)
    except BaseException:
        del sys.modules[module]
        raise


ENGINE_SOURCE = Path(__file__).with_name("engine.py")
if ENGINE_SOURCE.exists() and compiled_beside(ENGINE_SOURCE) is not None and usable_build(ENGINE_SOURCE) is None:
    load_source(ENGINE, ENGINE_SOURCE)
