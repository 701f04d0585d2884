"""Prefect 2 style decorators that just call the function (retries honoured)."""
import functools


def task(fn=None, *, retries=0, retry_delay_seconds=0, name=None, **kw):
    def decorate(f):
        @functools.wraps(f)
        def run(*args, **kwargs):
            for attempt in range(retries + 1):
                try:
                    return f(*args, **kwargs)
                except Exception:
                    if attempt == retries:
                        raise

        run.fn = f
        return run

    return decorate(fn) if fn is not None else decorate


def flow(fn=None, **kw):
    def decorate(f):
        return f

    return decorate(fn) if fn is not None else decorate


def get_run_logger():
    import logging

    return logging.getLogger("prefect")
