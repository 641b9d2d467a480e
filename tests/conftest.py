"""Test-wide settings. Hypothesis is derandomized so that a run is reproducible on any machine
(CI must not pass or fail by luck); set HYPOTHESIS_PROFILE=explore to search with fresh examples."""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_terminal_summary(terminalreporter):
    """List the screenshots the browser tests took (`record_property("screenshot", uri)`), as
    links: they live in pytest's temporary folder, never in the user's out/."""
    uris = [value for reports in terminalreporter.stats.values() for report in reports
            for name, value in getattr(report, "user_properties", ()) if name == "screenshot"]
    if uris:
        terminalreporter.write_sep("-", "screenshots")
        for uri in dict.fromkeys(uris):
            terminalreporter.write_line(uri)
