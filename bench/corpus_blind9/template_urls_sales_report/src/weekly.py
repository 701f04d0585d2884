"""python weekly.py [--dry-run]"""
import logging
import sys

from salesreport import report


def main(argv):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    text = report.build()
    if "--dry-run" in argv:
        print(text)
        return 0
    report.send(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
