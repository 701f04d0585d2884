"""Plugins are modules crmsync.plugins.<name> exposing a `Client` class."""
import importlib


def load(name):
    module = importlib.import_module("crmsync.plugins.%s" % name)
    return getattr(module, "Client")


def build(conf):
    cls = load(conf["plugin"])
    return cls.from_config(conf)
