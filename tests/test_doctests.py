"""The Arabic examples in module docstrings are run, so they stay true."""
import doctest

import pytest

import chrono
import chrono.normalize
import chrono.pipeline
import chrono.read.decode
import chrono.resolve
import chrono.tag.values


@pytest.mark.parametrize("module", [chrono.normalize, chrono.tag.values, chrono.resolve, chrono.pipeline, chrono,
                                    chrono.read.decode])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
