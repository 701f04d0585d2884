"""A tiny task registry: functions register by name, the queue consumer runs them.
(We dropped Celery in 2018; the decorator keeps the same shape.)"""
import logging
import time

log = logging.getLogger(__name__)
TASKS = {}


class Retry(Exception):
    pass


def task(name=None, retries=0, delay=1.0):
    def register(fn):
        TASKS[name or fn.__name__] = (fn, retries, delay)
        return fn
    return register


def run(name, *args, **kwargs):
    fn, retries, delay = TASKS[name]
    attempt = 0
    while True:
        try:
            return fn(*args, **kwargs)
        except Retry:
            attempt += 1
            if attempt > retries:
                raise
            log.info("retrying %s (%d/%d)", name, attempt, retries)
            time.sleep(delay * attempt)


def consume(messages):
    """messages: [{"task": name, "args": [...], "kwargs": {...}}]"""
    return [run(m["task"], *m.get("args", ()), **m.get("kwargs", {})) for m in messages]
