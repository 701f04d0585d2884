"""The Celery app. Without Celery installed (local dev, CI) tasks run eagerly."""
import functools
import os

try:
    from celery import Celery
except ImportError:  # pragma: no cover - dev fallback
    Celery = None


class _EagerApp(object):
    """Enough of Celery's API for `@app.task(...)`, `.delay()` and `self.retry()`."""

    class Retry(Exception):
        pass

    def task(self, *dargs, **dkwargs):
        def decorate(func):
            bind = dkwargs.get("bind", False)
            max_retries = dkwargs.get("max_retries", 3)

            class _Task(object):
                retries = 0

                def retry(self_inner, exc=None, countdown=None):
                    if self_inner.retries >= max_retries:
                        raise exc
                    self_inner.retries += 1
                    raise _EagerApp.Retry()

            @functools.wraps(func)
            def run(*args, **kwargs):
                task = _Task()
                while True:
                    try:
                        return func(task, *args, **kwargs) if bind else func(*args, **kwargs)
                    except _EagerApp.Retry:
                        continue

            run.delay = run
            run.apply_async = lambda args=(), kwargs=None, **opts: run(*args, **(kwargs or {}))
            return run

        if dargs and callable(dargs[0]) and not dkwargs:
            return decorate(dargs[0])
        return decorate


if Celery is not None and os.environ.get("CELERY_BROKER_URL"):
    app = Celery("syncjobs", broker=os.environ["CELERY_BROKER_URL"])
else:
    app = _EagerApp()
