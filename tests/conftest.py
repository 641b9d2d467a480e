"""Test-wide settings. Hypothesis is derandomized so that a run is reproducible on any machine
(CI must not pass or fail by luck); set HYPOTHESIS_PROFILE=explore to search with fresh examples."""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
