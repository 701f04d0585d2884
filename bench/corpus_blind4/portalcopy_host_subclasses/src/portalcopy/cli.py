"""portalcopy command line."""
import argparse
import os

from portalcopy import copy_forms


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--target-key", default=os.environ.get("TARGET_HUBSPOT_API_KEY"))
    p.add_argument("--mirror", action="store_true")
    p.add_argument("command", choices=["forms", "diff-properties"])
    args = p.parse_args(argv)
    if args.command == "forms":
        return copy_forms.copy_forms(args.target_key, use_mirror=args.mirror)
    return copy_forms.compare_deal_properties(args.target_key)


if __name__ == "__main__":
    print(main())
