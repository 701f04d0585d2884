"""Minimal task queue: in production tasks go to Redis via rq, in dev/tests they
run inline (TASKS_ALWAYS_EAGER)."""
import functools
import logging

from crm import settings

log = logging.getLogger(__name__)
_registry = {}


class TaskFailed(Exception):
    pass


def task(max_retries=0):
    def decorator(fn):
        name = "%s.%s" % (fn.__module__, fn.__name__)

        @functools.wraps(fn)
        def run(*args, **kwargs):
            attempt = 0
            while True:
                try:
                    return fn(*args, **kwargs)
                except TaskFailed:
                    attempt += 1
                    if attempt > max_retries:
                        log.error("task %s failed for good", name)
                        raise
                    log.warning("retrying %s (%d)", name, attempt)

        def delay(*args, **kwargs):
            if settings.TASKS_ALWAYS_EAGER:
                return run(*args, **kwargs)
            from rq import Queue  # pragma: no cover
            from redis import Redis  # pragma: no cover
            return Queue(connection=Redis()).enqueue(run, *args, **kwargs)  # pragma: no cover

        run.delay = delay
        _registry[name] = run
        return run

    return decorator
