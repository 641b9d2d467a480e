"""Build step for the optional compiled parts; everything else is in pyproject.toml:

- the trigger scan, chrono/tagger/fastscan.pyx (Cython);
- the chart parser, chrono/tagger/engine.py compiled as it is, with the types of
  chrono/tagger/engine.pxd (Cython's pure Python mode: one source for both builds).

Without Cython or a C compiler the package installs as pure Python: chrono.tagger.tokens uses its
pure-Python scan and chrono/tagger/__init__.py loads engine.py itself (same output, slower)."""
from setuptools import setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """A failed compilation is reported, not fatal: the pure-Python source is the fallback."""

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


def extensions():
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("chrono: Cython missing; using pure Python")
        return []
    # annotation_typing off: engine.py's annotations are for mypy; its C types are in engine.pxd
    return cythonize(["chrono/tagger/fastscan.pyx", "chrono/tagger/engine.py"],
                     compiler_directives={"language_level": 3, "annotation_typing": False}, quiet=True)


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
