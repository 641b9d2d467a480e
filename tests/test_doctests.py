"""The Arabic examples in module docstrings are run, so they stay true."""
import doctest

import pytest

import chrono
import chrono.normalize
import chrono.pipeline
import chrono.read.decode
import chrono.resolve
import chrono.tagger
import chrono.tagger.grammar
import chrono.tagger.values
import chrono.tagger.words


@pytest.mark.parametrize("module", [chrono, chrono.normalize, chrono.read.decode, chrono.tagger.values, chrono.resolve,
                                    chrono.pipeline, chrono.tagger, chrono.tagger.grammar, chrono.tagger.words])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
