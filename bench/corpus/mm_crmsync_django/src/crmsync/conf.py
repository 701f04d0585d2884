"""Tiny stand-in for django.conf.settings so the sync code can run in cron
without booting the whole site (see README, "running the sync standalone")."""

import importlib
import os


class LazySettings(object):
    _wrapped = None

    def _setup(self):
        module_name = os.environ.get("CRMSYNC_SETTINGS_MODULE", "crmsync.settings")
        self._wrapped = importlib.import_module(module_name)

    def __getattr__(self, name):
        if self._wrapped is None:
            self._setup()
        return getattr(self._wrapped, name)


settings = LazySettings()
