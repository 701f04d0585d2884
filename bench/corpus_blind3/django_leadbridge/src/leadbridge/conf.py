"""`from leadbridge.conf import settings` -- a stand-in for django.conf.settings."""
import importlib
import os


class _Settings(object):
    def __getattr__(self, name):
        mod = importlib.import_module(os.environ.get("DJANGO_SETTINGS_MODULE", "leadbridge.settings"))
        return getattr(mod, name)


settings = _Settings()
