#!/usr/bin/env python
"""cron: 0 7 * * MON  python run_reports.py"""
import logging
import sys

from agency import db, reports


def main():
    logging.basicConfig(level=logging.INFO)
    db.connect()
    n = reports.weekly_reports()
    logging.info("posted %d reports", n)
    return 0 if n else 1


if __name__ == "__main__":
    sys.exit(main())
