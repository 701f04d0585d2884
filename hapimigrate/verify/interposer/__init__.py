"""The interposer ``hapimigrate verify run`` puts on the watched command's
``PYTHONPATH``: ``sitecustomize.py`` (loaded by every Python process that starts
with that path) and ``_hapimigrate_interposer.py`` (the watcher it installs).

Both are standard library only, and run in the user's interpreter, which may not
be able to import hapimigrate: the rest of the package never imports them except
:data:`DIRECTORY` and the pure helpers of the watcher (:func:`template_path`)."""

from __future__ import annotations

import os

DIRECTORY = os.path.dirname(os.path.abspath(__file__))
