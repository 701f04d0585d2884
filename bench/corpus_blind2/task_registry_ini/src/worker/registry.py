"""A tiny task registry: @task("name") functions, run by name from a queue message."""
import logging

log = logging.getLogger("worker")
TASKS = {}


def task(name):
    def register(func):
        TASKS[name] = func
        return func
    return register


def dispatch(cfg, message):
    func = TASKS.get(message["task"])
    if func is None:
        log.error("unknown task %s", message["task"])
        return None
    return func(cfg, *message.get("args", []), **message.get("kwargs", {}))
