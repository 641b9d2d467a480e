"""Development tools that need the repository (seeds, tests/corpus, golden/): run them from its root,
e.g. `python -m tools.corpus`, `python -m tools.golden`, `python -m tools.bench`. Not part of the package."""
