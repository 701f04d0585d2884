"""RQ-style queue. In production `Queue(connection=Redis())`; locally and in tests
jobs run inline (`WORKER_INLINE=1`)."""
import logging
import os

log = logging.getLogger(__name__)


class InlineQueue(object):
    def __init__(self, name="default"):
        self.name = name
        self.done = []

    def enqueue(self, func, *args, **kwargs):
        log.info("running %s%r inline", func.__name__, args)
        result = func(*args, **kwargs)
        self.done.append((func.__name__, result))
        return result


def get_queue(name="default"):
    if os.environ.get("WORKER_INLINE", "1") == "1":
        return InlineQueue(name)
    from redis import Redis  # pragma: no cover - production only
    from rq import Queue

    return Queue(name, connection=Redis())
