"""`python -m chrono.cli` runs the command line (as the `chrono` script does)."""
from chrono.cli import main

main()
