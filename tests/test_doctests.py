"""The Arabic examples in module docstrings are run, so they stay true."""
import doctest

import pytest

import chrono
import chrono.normalize
import chrono.pipeline
import chrono.read.decode
import chrono.resolve
import chrono.tag
import chrono.tag.grammar
import chrono.tag.values
import chrono.tag.words


@pytest.mark.parametrize("module", [chrono, chrono.normalize, chrono.read.decode, chrono.tag.values, chrono.resolve,
                                    chrono.pipeline, chrono.tag, chrono.tag.grammar, chrono.tag.words])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
