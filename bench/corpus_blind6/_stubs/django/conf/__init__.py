"""django.conf.settings: attributes of the module DJANGO_SETTINGS_MODULE names."""
import importlib
import os


class LazySettings:
    def __getattr__(self, name):
        module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
        try:
            return getattr(module, name)
        except AttributeError:
            raise AttributeError("settings has no %s" % name)


settings = LazySettings()
