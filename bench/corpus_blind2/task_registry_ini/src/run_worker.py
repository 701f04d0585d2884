"""Poll a JSON-lines queue file and dispatch each message (cron: * * * * *)."""
import json
import logging
import sys

from worker import config, tasks  # noqa: F401  (tasks registers itself)
from worker.registry import dispatch


def main(queue_path):
    cfg = config.load()
    logging.basicConfig(level=cfg.log_level)
    results = []
    with open(queue_path) as handle:
        for line in handle:
            if line.strip():
                results.append(dispatch(cfg, json.loads(line)))
    return results


if __name__ == "__main__":
    main(sys.argv[1])
