"""What a Laravel ``config('services.hubspot.key')`` reads: the value the
project's ``config/services.php`` gives that path (``env('HUBSPOT_API_KEY')``),
so that the same key read through ``config()`` and through ``env()`` is one key,
not two. Found from the PHP file upwards (the directory holding ``artisan`` or
``composer.json``); None where the project or the entry cannot be seen."""

from __future__ import annotations

import os
from functools import lru_cache

from hapimigrate.foreign import php_syntax as syn


def env_name(node) -> str | None:
    """``X`` for ``getenv('X')``, ``env('X')``, ``$_ENV['X']``, ``$_SERVER['X']``."""
    node = syn.unwrap(node)
    if node is None:
        return None
    if syn.call_name(node).rsplit("\\", 1)[-1] in ("getenv", "env"):
        args = syn.arguments(node)
        return syn.literal(syn.value(args[0])) if args else None
    if node.type == "subscript_expression" and len(node.named_children) == 2:
        base, index = node.named_children
        if syn.variable(base) in ("_ENV", "_SERVER"):
            return syn.literal(index)
    return None


def config_path(node) -> str | None:
    """``services.hubspot.key`` for ``config('services.hubspot.key')``."""
    node = syn.unwrap(node)
    if node is None or syn.call_name(node).rsplit("\\", 1)[-1] != "config":
        return None
    args = syn.arguments(node)
    return syn.literal(syn.value(args[0])) if args else None


def env_of_config(path: str, dotted: str) -> str | None:
    """The environment variable the project's configuration reads for
    ``dotted``, for the PHP file at ``path``; None when not seen."""
    if not path or "." not in dotted:
        return None
    project = _project(os.path.dirname(os.path.abspath(path)))
    if project is None:
        return None
    name, *keys = dotted.split(".")
    return _lookup(os.path.join(project, "config", name + ".php"), tuple(keys))


@lru_cache(maxsize=64)
def _project(directory: str) -> str | None:
    for _ in range(12):
        if os.path.isfile(os.path.join(directory, "artisan")) or os.path.isfile(
            os.path.join(directory, "composer.json")
        ):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent
    return None


@lru_cache(maxsize=64)
def _lookup(config_file: str, keys: tuple[str, ...]) -> str | None:
    try:
        with open(config_file, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    tree = syn.parse(data)
    returned = next(
        (n for n in syn.walk(tree.root_node) if n.type == "return_statement"), None
    )
    value = (
        syn.unwrap(returned.named_children[0])
        if returned is not None and returned.named_children
        else None
    )
    for key in keys:
        if not syn.is_array(value) or syn.entries(value) is None:
            return None
        found = syn.entry(value, key)
        value = syn.unwrap(found.value) if found is not None else None
    return env_name(value)
