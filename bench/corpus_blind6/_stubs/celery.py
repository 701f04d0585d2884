"""Celery stand-in: tasks run eagerly (``.delay``/``.apply_async`` call the function)."""
import functools


class _Result:
    def __init__(self, value):
        self.value = value

    def get(self, timeout=None):
        return self.value


class Celery:
    def __init__(self, main=None, broker=None, **kw):
        self.main = main
        self.conf = {}
        self.tasks = {}

    def config_from_object(self, obj, namespace=None):
        pass

    def task(self, *dargs, bind=False, autoretry_for=(), max_retries=3, **kw):
        def decorate(fn):
            @functools.wraps(fn)
            def call(*args, **kwargs):
                if bind:
                    return fn(_Bound(call), *args, **kwargs)
                return fn(*args, **kwargs)

            call.delay = lambda *a, **k: _Result(call(*a, **k))
            call.apply_async = lambda args=(), kwargs=None, **o: _Result(call(*args, **(kwargs or {})))
            call.name = "%s.%s" % (fn.__module__, fn.__name__)
            self.tasks[call.name] = call
            return call

        if dargs and callable(dargs[0]):
            return decorate(dargs[0])
        return decorate

    def send_task(self, name, args=(), kwargs=None, **o):
        return _Result(self.tasks[name](*args, **(kwargs or {})))


class _Bound:
    def __init__(self, call):
        self.call = call
        self.request = type("R", (), {"retries": 0})()

    def retry(self, exc=None, countdown=None):
        raise exc


def shared_task(*a, **k):
    return Celery().task(*a, **k)
