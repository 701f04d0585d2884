"""tenacity's retry decorator, enough of it: retry on any exception up to the stop."""
import functools


class stop_after_attempt:
    def __init__(self, n):
        self.n = n


def wait_exponential(**kw):
    return None


def wait_fixed(seconds):
    return None


def retry_if_exception_type(*types):
    return types


def retry(*dargs, stop=None, wait=None, retry=None, reraise=False, **kw):
    def decorate(fn):
        attempts = stop.n if stop is not None else 3

        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            for attempt in range(attempts):
                try:
                    return fn(*args, **kwargs)
                except Exception:
                    if attempt == attempts - 1:
                        raise

        return wrapped

    if dargs and callable(dargs[0]):
        return decorate(dargs[0])
    return decorate
