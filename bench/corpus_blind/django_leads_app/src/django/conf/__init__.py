import importlib
import os


class ImproperlyConfigured(Exception):
    pass


class LazySettings(object):
    _wrapped = None

    def __getattr__(self, name):
        if self._wrapped is None:
            module = os.environ.get("DJANGO_SETTINGS_MODULE", "leadsite.settings")
            self._wrapped = importlib.import_module(module)
        return getattr(self._wrapped, name)


settings = LazySettings()
