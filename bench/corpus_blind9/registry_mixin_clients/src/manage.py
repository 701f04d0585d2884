import sys

from app import jobs

COMMANDS = {
    "link": jobs.link_contacts_to_companies,
    "webhooks": jobs.ensure_webhooks,
}


def main(argv):
    if len(argv) < 2 or argv[1] not in COMMANDS:
        print("usage: manage.py {%s}" % "|".join(COMMANDS))
        return 2
    print(COMMANDS[argv[1]]())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
