"""`from shopsync.conf import settings`, django.conf style: the module named by
SHOPSYNC_SETTINGS, loaded on first attribute access."""
import importlib
import os


class LazySettings(object):
    def __init__(self):
        self._wrapped = None

    def _setup(self):
        name = os.environ.get("SHOPSYNC_SETTINGS", "shopsync.settings.prod")
        self._wrapped = importlib.import_module(name)

    def __getattr__(self, name):
        if self._wrapped is None:
            self._setup()
        return getattr(self._wrapped, name)


settings = LazySettings()
