"""Run by Python at start-up when ``hapimigrate verify run`` has put this folder
first on ``PYTHONPATH``: starts hapimigrate's request watcher, then runs the
``sitecustomize`` this one shadows (the interpreter's or the virtualenv's), if any.
Watches nothing unless ``verify run`` asked for it; never stops the program."""

import os
import sys


def _install():
    try:
        import _hapimigrate_interposer
    except Exception:
        return
    try:
        _hapimigrate_interposer.install()
    except Exception:
        pass


def _chain():
    """The next ``sitecustomize`` on the path, run as if it were the only one."""
    if sys.version_info[0] < 3:  # not watched; leave Python 2 alone
        return
    import importlib.machinery
    import importlib.util

    here = os.path.dirname(os.path.abspath(__file__))
    path = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitecustomize"] = module
    spec.loader.exec_module(module)


_install()
_chain()
