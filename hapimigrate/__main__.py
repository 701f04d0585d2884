"""``python -m hapimigrate``."""

from __future__ import annotations

from hapimigrate.cli import main

if __name__ == "__main__":
    main()
