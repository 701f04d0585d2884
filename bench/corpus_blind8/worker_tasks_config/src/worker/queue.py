"""A tiny in-process job queue (we outgrew cron, not yet ready for Celery)."""
import logging

log = logging.getLogger(__name__)

REGISTRY = {}


def task(name=None, retries=0):
    def wrap(fn):
        key = name or fn.__name__

        def run(*args, **kwargs):
            for attempt in range(retries + 1):
                try:
                    return fn(*args, **kwargs)
                except Exception:
                    if attempt == retries:
                        raise
                    log.warning("task %s failed, retry %d", key, attempt + 1)

        run.delay = run
        run.__name__ = fn.__name__
        REGISTRY[key] = run
        return run

    return wrap


def enqueue(name, *args, **kwargs):
    return REGISTRY[name](*args, **kwargs)
