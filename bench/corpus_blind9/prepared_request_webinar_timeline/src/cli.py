import argparse
import logging

from webinar_sync.sync import sync_webinar


def main(argv=None):
    parser = argparse.ArgumentParser(description="Copy Zoom webinar attendance to HubSpot timelines")
    parser.add_argument("webinar_id")
    parser.add_argument("--topic", default="Webinar")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.INFO)
    return sync_webinar(args.webinar_id, args.topic)


if __name__ == "__main__":
    main()
