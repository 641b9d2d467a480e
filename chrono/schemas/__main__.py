"""`python -m chrono.schemas [--check]`: regenerate (or check) the shipped JSON Schemas."""
from __future__ import annotations

import sys

from chrono.schemas import stale, write_all


def main(argv: list[str]) -> int:
    if "--check" in argv:
        names = stale()
        for name in names:
            print(f"stale: chrono/schemas/{name} (run python -m chrono.schemas)", file=sys.stderr)
        return 1 if names else 0
    for name in write_all():
        print(f"wrote chrono/schemas/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
