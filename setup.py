"""Build step for the optional compiled parts; everything else is in pyproject.toml:

- the trigger scan, chrono/tagger/fastscan.pyx (Cython);
- the chart parser, chrono/tagger/engine.py compiled as it is, with the types of
  chrono/tagger/engine.pxd (Cython's pure Python mode: one source for both builds);
- the tagger's other hot modules, compiled as they are: chrono/tagger/values.py, words.py,
  tokens.py, grammar/base.py (the rules' element tests), tense.py and context.py.

Without Cython or a C compiler the package installs as pure Python: chrono.tagger.tokens uses its
pure-Python scan and chrono/tagger/builds.py loads the .py files itself (same output, slower)."""
import os

from setuptools import setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """A failed compilation is reported, not fatal: the pure-Python source is the fallback. The
    modules are compiled side by side, one per core."""

    def finalize_options(self):
        super().finalize_options()
        if not self.parallel:
            self.parallel = os.cpu_count() or 1

    def run(self):
        try:
            super().run()
        except Exception as err:  # noqa: BLE001 - no compiler, no headers: install without it
            print(f"chrono: compiled parts not built ({err}); using pure Python")

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as err:  # noqa: BLE001
            print(f"chrono: {ext.name} not built ({err}); using its pure-Python source")


# Compiled without a .pxd: Cython runs the same code with fewer interpreter steps (the pure build
# of chrono/tagger/builds.py runs the .py files; tests/test_compiled_engine.py compares the two).
AS_THEY_ARE = ["chrono/tagger/values.py", "chrono/tagger/words.py", "chrono/tagger/tokens.py",
               "chrono/tagger/grammar/base.py", "chrono/tagger/tense.py", "chrono/tagger/context.py"]


def extensions():
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("chrono: Cython missing; using pure Python")
        return []
    # annotation_typing off: engine.py's annotations are for mypy; its C types are in engine.pxd
    return cythonize(["chrono/tagger/fastscan.pyx", "chrono/tagger/engine.py", *AS_THEY_ARE],
                     compiler_directives={"language_level": 3, "annotation_typing": False}, quiet=True,
                     nthreads=os.cpu_count() or 1)


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
