"""Stand-ins for HubSpot's Python SDKs, importable in a case as if installed.

``hubspot`` (hubspot-api-client), ``hubspot3`` and ``hapi`` (hapipy) are served by an
import hook placed ahead of everything installed but behind the project's own ``src/``
(a project that vendors a module of that name keeps it). Any submodule imports
(``from hubspot.crm.contacts import SimplePublicObjectInput, ApiException``,
``from hubspot3.pipelines import PipelineClient``), and every method call on a client
records a pseudo request:

    SDK https://api.hubapi.com/__sdk__/<sdk>/<method.chain>?hapikey=<api_key>
        Authorization: Bearer <access_token>
        body: {"args": [...], "kwargs": {...}}

so that the comparison treats ``api_key=`` like ``?hapikey=`` and ``access_token=`` like
a Bearer header (hapipy sends ``access_token`` as a query parameter, as it did). Calls
return the scenario's JSON for that URL when an entry matches (objects with attribute
access for hubspot-api-client, plain JSON for the others), else a permissive empty value
that is falsy, iterates as empty and answers any attribute; an entry with a status of 400
or more raises the SDK's exception.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import types
from typing import Any, Sequence
from urllib.parse import urlencode

from tests.behaviour.fakes import Recorder

SDKS = ("hubspot", "hubspot3", "hapi")
BASE = "https://api.hubapi.com/__sdk__"


class Permissive:
    """A value that answers anything: wraps canned JSON, or stands for nothing."""

    def __init__(self, data: Any = None) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        data = self._data
        if isinstance(data, dict) and name in data:
            return wrap(data[name])
        return Permissive()

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(self._data, dict):
            self._data[name] = value

    def __getitem__(self, key: Any) -> Any:
        try:
            return wrap(self._data[key])  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return Permissive()

    def __iter__(self) -> Any:
        data = self._data
        if isinstance(data, list):
            return iter([wrap(item) for item in data])
        return iter(data if isinstance(data, dict) else ())

    def __len__(self) -> int:
        return len(self._data) if isinstance(self._data, (list, dict)) else 0

    def __bool__(self) -> bool:
        return bool(self._data)

    def __call__(self, *args: Any, **kwargs: Any) -> Permissive:
        return Permissive()

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, Permissive):
            return self._data == other._data
        return self._data == other

    def __hash__(self) -> int:
        return id(self)

    def __str__(self) -> str:
        return "" if self._data is None else str(self._data)

    def __repr__(self) -> str:
        return f"Permissive({self._data!r})"

    def get(self, key: str, default: Any = None) -> Any:
        data = self._data
        return wrap(data.get(key, default)) if isinstance(data, dict) else default

    def to_dict(self) -> Any:
        return self._data if self._data is not None else {}


def wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Permissive(value)
    if isinstance(value, list):
        return [wrap(item) for item in value]
    return value


def jsonable(value: Any, depth: int = 0) -> Any:
    """Arguments of an SDK call as JSON, for the pseudo request's body."""
    if depth > 8:
        return repr(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [jsonable(v, depth + 1) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, dict):
        return {str(k): jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, Model):
        return {
            "__model__": type(value).__name__,
            "args": jsonable(value._args, depth + 1),
            **{k: jsonable(v, depth + 1) for k, v in value._kwargs.items()},
        }
    if isinstance(value, Permissive):
        return jsonable(value._data, depth + 1)
    return repr(value)


class Model:
    """Any SDK class that is neither a client nor an exception: keeps its arguments."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._args = args
        self._kwargs = kwargs
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return None

    def to_dict(self) -> dict[str, Any]:
        return dict(self._kwargs)


class SdkError(Exception):
    """Base of every exception class the stand-ins hand out."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args)
        self.status = kwargs.get("status", args[0] if args else None)
        self.reason = kwargs.get("reason")
        self.body = kwargs.get("body")
        self.http_resp = kwargs.get("http_resp")


class SdkState:
    """The recorder and the exception classes, shared by every stand-in module."""

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder
        self.errors: dict[tuple[str, str], type[SdkError]] = {}

    def error(self, sdk: str, name: str) -> type[SdkError]:
        key = (sdk, name)
        if key not in self.errors:
            self.errors[key] = type(name, (SdkError,), {"__module__": sdk})
        return self.errors[key]

    def call(
        self,
        sdk: str,
        chain: str,
        credentials: dict[str, Any],
        args: Sequence[Any],
        kwargs: dict[str, Any],
    ) -> Any:
        query, headers = [], []
        for name, value in credentials.items():
            if value is None:
                continue
            if name == "access_token" and sdk != "hapi":
                headers.append(("Authorization", f"Bearer {value}"))
            else:
                query.append(
                    ("access_token" if name == "access_token" else "hapikey", value)
                )
        url = f"{BASE}/{sdk}/{chain}"
        if query:
            url += "?" + urlencode(query)
        body = json.dumps(
            {"args": jsonable(list(args)), "kwargs": jsonable(kwargs)}, sort_keys=True
        )
        canned = self.recorder.record(
            f"sdk:{sdk}", "SDK", url, headers, body, sdk_call=f"{sdk}:{chain}"
        )
        if canned.status >= 400:
            name = "HubspotError" if sdk in ("hubspot3", "hapi") else "ApiException"
            raise self.error(sdk, name)(status=canned.status, reason=canned.reason)
        if not canned.matched:
            return Permissive()
        return wrap(canned.data) if sdk == "hubspot" else canned.data


STATE: SdkState | None = None


def _state() -> SdkState:
    if STATE is None:
        raise RuntimeError("SDK stand-ins used outside the behaviour runner")
    return STATE


class Chain:
    """An attribute chain under a client (``client.crm.contacts.basic_api``); calling
    it records one SDK call with the client's credentials at that moment."""

    def __init__(self, sdk: str, root: Any, path: tuple[str, ...]) -> None:
        self._sdk, self._root, self._path = sdk, root, path

    def __getattr__(self, name: str) -> Chain:
        if name.startswith("__"):
            raise AttributeError(name)
        return Chain(self._sdk, self._root, self._path + (name,))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _state().call(
            self._sdk, ".".join(self._path), self._root._credentials(), args, kwargs
        )


# --- hubspot-api-client ----------------------------------------------------------------


class HubSpot:
    """``HubSpot(api_key=..., access_token=..., developer_api_key=...)``."""

    def __init__(
        self,
        api_key: Any = None,
        access_token: Any = None,
        developer_api_key: Any = None,
        **kwargs: Any,
    ) -> None:
        self.api_key = api_key
        self.access_token = access_token
        self.developer_api_key = developer_api_key
        self.options = kwargs

    def _credentials(self) -> dict[str, Any]:
        return {
            "api_key": self.api_key,
            "developer_api_key": self.developer_api_key,
            "access_token": self.access_token,
        }

    def __getattr__(self, name: str) -> Chain:
        if name.startswith("_"):
            raise AttributeError(name)
        return Chain("hubspot", self, (name,))


class Client:
    """``hubspot.Client.create(...)``."""

    @classmethod
    def create(cls, *args: Any, **kwargs: Any) -> HubSpot:
        return HubSpot(*args, **kwargs)


class Configuration:
    """The generated clients' configuration: ``api_key`` is a mapping (``hapikey``)."""

    def __init__(
        self,
        host: Any = None,
        api_key: Any = None,
        access_token: Any = None,
        **kwargs: Any,
    ) -> None:
        self.host = host
        self.api_key = dict(api_key or {})
        self.access_token = access_token
        self.options = kwargs


class ApiClient:
    def __init__(self, configuration: Any = None, *args: Any, **kwargs: Any) -> None:
        self.configuration = configuration or Configuration()


class GeneratedApi:
    """``BasicApi(api_client)`` and the like: calls use the client's configuration."""

    def __init__(self, api_client: Any = None, *args: Any, **kwargs: Any) -> None:
        self.api_client = api_client or ApiClient()

    def _credentials(self) -> dict[str, Any]:
        config = getattr(self.api_client, "configuration", None)
        keys = getattr(config, "api_key", None) or {}
        return {
            "api_key": keys.get("hapikey") if isinstance(keys, dict) else keys,
            "developer_api_key": (
                keys.get("developer_hapikey") if isinstance(keys, dict) else None
            ),
            "access_token": getattr(config, "access_token", None),
        }

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return Chain("hubspot", self, (type(self).__name__, name))


# --- hubspot3 and hapipy ----------------------------------------------------------------


class LegacyClient:
    """hubspot3's ``Hubspot3`` and per-API clients, hapipy's clients."""

    SDK = "hubspot3"

    def __init__(
        self,
        api_key: Any = None,
        access_token: Any = None,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        self.api_key = api_key
        self.access_token = access_token
        self.options = kwargs

    def _credentials(self) -> dict[str, Any]:
        return {"api_key": self.api_key, "access_token": self.access_token}

    def __getattr__(self, name: str) -> Chain:
        if name.startswith("_"):
            raise AttributeError(name)
        prefix = () if type(self).__name__ == "Hubspot3" else (type(self).__name__,)
        return Chain(self.SDK, self, prefix + (name,))


# --- the import hook --------------------------------------------------------------------


def _module_getattr(module: types.ModuleType, sdk: str) -> Any:
    cache: dict[str, Any] = {}

    def __getattr__(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name not in cache:
            cache[name] = _member(module, sdk, name)
        return cache[name]

    return __getattr__


def _member(module: types.ModuleType, sdk: str, name: str) -> Any:
    if name[:1].islower():
        return importlib.import_module(f"{module.__name__}.{name}")
    in_errors = module.__name__.rsplit(".", 1)[-1] in ("error", "errors", "exceptions")
    if in_errors or name.endswith(("Exception", "Error", "NotFound", "Timeout")):
        return _state().error(sdk, name)
    if sdk == "hubspot":
        if name == "Configuration":
            return Configuration
        if name == "ApiClient":
            return ApiClient
        if name.endswith("Api"):
            return type(name, (GeneratedApi,), {"__module__": module.__name__})
    elif name.endswith("Client") or name == "Hubspot3":
        base = LegacyClient if sdk == "hubspot3" else HapiClient
        return type(name, (base,), {"__module__": module.__name__})
    return type(name, (Model,), {"__module__": module.__name__})


class HapiClient(LegacyClient):
    SDK = "hapi"


class SdkFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves the SDK stand-ins unless the project's src/ has a module of that name."""

    def __init__(self, src_dir: str) -> None:
        self.src_dir = src_dir

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        top = fullname.split(".")[0]
        if top not in SDKS or self._shadowed(top):
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def _shadowed(self, top: str) -> bool:
        base = os.path.join(self.src_dir, top)
        return os.path.isdir(base) or os.path.isfile(base + ".py")

    def create_module(self, spec: Any) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        name = module.__name__
        sdk = name.split(".")[0]
        module.__path__ = []  # a package: any submodule imports
        module.__file__ = f"<behaviour stand-in for {name}>"
        if name == "hubspot":
            module.HubSpot = HubSpot  # type: ignore[attr-defined]
            module.Client = Client  # type: ignore[attr-defined]
        if name == "hubspot3":
            module.Hubspot3 = _member(module, sdk, "Hubspot3")  # type: ignore
        module.__getattr__ = _module_getattr(module, sdk)  # type: ignore[attr-defined]


def install(recorder: Recorder, src_dir: str) -> None:
    global STATE
    STATE = SdkState(recorder)
    sys.meta_path.insert(0, SdkFinder(os.path.abspath(src_dir)))
