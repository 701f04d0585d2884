import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from crm.sync import link_orphans  # noqa: E402


def main(argv):
    key = argv[1] if len(argv) > 1 else None
    print("linked", link_orphans(key))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
