"""backoff.on_exception, enough of it."""
import functools


def expo(*a, **kw):
    return None


def on_exception(wait_gen, exception, max_tries=3, **kw):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            for attempt in range(max_tries):
                try:
                    return fn(*args, **kwargs)
                except exception:
                    if attempt == max_tries - 1:
                        raise

        return wrapped

    return decorate
