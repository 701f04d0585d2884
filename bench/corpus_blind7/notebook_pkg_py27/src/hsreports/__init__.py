from .reports import Reports  # noqa: F401
