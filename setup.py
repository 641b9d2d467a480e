"""Build step for the optional compiled scan (chrono/tagger/fastscan.pyx); everything else is in
pyproject.toml. Without Cython or a C compiler the package installs as pure Python, and
chrono.tagger.tokens uses its pure-Python scan (same output, slower)."""
from setuptools import setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """A failed compilation is reported, not fatal: the pure-Python scan is the fallback."""

    def run(self):
        try:
            super().run()
        except Exception as err:  # noqa: BLE001 - no compiler, no headers: install without it
            print(f"chrono: compiled scan not built ({err}); using the pure-Python scan")

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as err:  # noqa: BLE001
            print(f"chrono: {ext.name} not built ({err}); using the pure-Python scan")


def extensions():
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("chrono: Cython missing; using the pure-Python scan")
        return []
    return cythonize(["chrono/tagger/fastscan.pyx"], compiler_directives={"language_level": 3}, quiet=True)


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
