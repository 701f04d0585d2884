#!/usr/bin/env python
"""Minimal manage.py: `python manage.py sync_companies` without the rest of Django."""
import importlib
import os
import sys


def main(argv=None):
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leadbridge.settings")
    if len(argv) < 2:
        print("usage: manage.py <command> [options]")
        return 1
    module = importlib.import_module("leadbridge.management.commands." + argv[1])
    cmd = module.Command()
    return cmd.run_from_argv(argv)


if __name__ == "__main__":
    sys.exit(main())
