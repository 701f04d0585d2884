"""``verify token``: the token the migrated code will send, read the way that code
reads it, what HubSpot says it may do, and how that compares with what the code
needs.

The token is read through the ``--token-provider`` spec: ``env:NAME`` reads the
variable; any other spec (``module:callable``, a plugin) is imported and evaluated
exactly as the migrated code does (the current folder first on ``sys.path``, as
``python -m`` would). Its value is handed to :mod:`.introspect` and to nothing else;
no message carries it."""

from __future__ import annotations

import importlib
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Mapping

from hapimigrate import providers
from hapimigrate.report import Report
from hapimigrate.verify import introspect, scopes

PRIVATE_APP, OAUTH, SERVICE_KEY, UNKNOWN = (
    "private-app",
    "oauth",
    "service-key",
    "unknown",
)
KINDS = ("auto", PRIVATE_APP, OAUTH, SERVICE_KEY)

_PRIVATE_APP = re.compile(r"^pat-([a-z]{2,4}\d+)-")
# HubSpot's OAuth access tokens are opaque, long and (so far) start with "C"
_OAUTH = re.compile(r"^C[A-Za-z0-9_\-]{30,}={0,2}$")
_PORTAL_KEY = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I
)
EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


class TokenError(Exception):
    """The token could not be read."""


def read_token(spec: str, env: Mapping[str, str] | None = None) -> str:
    """The token the provider ``spec`` gives, as the migrated code gets it."""
    env = os.environ if env is None else env
    try:
        provider = providers.resolve(spec)
    except providers.ProviderError as error:
        raise TokenError(str(error)) from None
    if provider.spec.startswith("env:"):
        name = provider.spec[4:]
        value = env.get(name)
        if not value:
            raise TokenError(
                f"{name} is not set: the token provider {provider.spec} reads it"
            )
        return value.strip()
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        namespace = _imports(provider)
        value = eval(
            compile(provider.expression, "<token provider>", "eval"), namespace
        )
    except Exception as error:
        raise TokenError(
            f"the token provider {provider.spec} failed: {type(error).__name__}: {error}"
        ) from None
    if not isinstance(value, str) or not value.strip():
        raise TokenError(
            f"the token provider {provider.spec} gave {type(value).__name__}, "
            "not a token"
        )
    return value.strip()


def _imports(provider) -> dict:
    namespace: dict = {}
    for needed in provider.imports:
        if needed.name is None:
            importlib.import_module(needed.module)
            top = needed.module.split(".")[0]
            namespace[top] = sys.modules[top]
        else:
            module = importlib.import_module(needed.module)
            try:
                namespace[needed.name] = getattr(module, needed.name)
            except AttributeError:
                namespace[needed.name] = importlib.import_module(
                    f"{needed.module}.{needed.name}"
                )
    return namespace


def kind_of(token: str) -> str:
    """PRIVATE_APP (``pat-na1-...``), OAUTH, or UNKNOWN: no guess beyond the
    token's own shape."""
    if _PRIVATE_APP.match(token) or token.startswith("pat-"):
        return PRIVATE_APP
    if _OAUTH.match(token):
        return OAUTH
    return UNKNOWN


def region(token: str) -> str | None:
    match = _PRIVATE_APP.match(token)
    return match.group(1) if match else None


@dataclass
class Outcome:
    """What ``verify token`` found; rendered by :mod:`.render`, never holding the
    token."""

    kind: str = ""  # "" until the token was read
    region: str | None = None
    info: introspect.TokenInfo | None = None
    comparison: scopes.Comparison | None = None
    expect_hub: str | None = None
    skipped: str = ""  # why nothing was asked
    error: str = ""  # why it could not be checked (exit 2)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # why it fails (exit 1)

    @property
    def hub_matches(self) -> bool | None:
        if self.expect_hub is None or self.info is None or self.info.hub_id is None:
            return None
        return str(self.info.hub_id) == str(self.expect_hub)

    @property
    def exit_code(self) -> int:
        if self.error:
            return EXIT_ERROR
        return EXIT_FAILED if self.problems else EXIT_OK


def verify(
    spec: str,
    report: Report,
    kind: str = "auto",
    api_base: str = introspect.DEFAULT_API_BASE,
    expect_hub: str | None = None,
    env: Mapping[str, str] | None = None,
    asker: introspect.Asker | None = None,
) -> Outcome:
    """Read the token, ask HubSpot about it, compare with ``report``."""
    env = os.environ if env is None else env
    outcome = Outcome(expect_hub=expect_hub)
    try:
        token = read_token(spec, env)
    except TokenError as error:
        outcome.error = str(error)
        return outcome
    outcome.kind = kind_of(token) if kind == "auto" else kind
    outcome.region = region(token)
    if kind == "auto" and _PORTAL_KEY.match(token):
        outcome.kind = "portal-api-key"
        outcome.problems.append(
            "the provider gives a portal API key (a UUID), not an access token: "
            "HubSpot refuses those since 2022-11-30; create a private app (or a "
            "service key) and give its token"
        )
        return outcome
    if outcome.kind == SERVICE_KEY:
        outcome.skipped = (
            "service keys have no documented way to ask HubSpot what they may do: "
            "nothing was checked; compare the key's scopes in HubSpot (Development > "
            "Keys > Service keys) with the scopes below"
        )
        outcome.comparison = scopes.needed_only(report)
        return outcome
    if outcome.kind == UNKNOWN:
        outcome.skipped = (
            "the token is neither a private-app token (pat-...) nor an OAuth access "
            "token as hapimigrate knows them (a service key, or another kind?); "
            "nothing was asked, as no introspection is documented for it; pass "
            "--token-kind if you know its kind"
        )
        outcome.comparison = scopes.needed_only(report)
        return outcome
    client_id = env.get("HUBSPOT_CLIENT_ID") or None
    client_secret = env.get("HUBSPOT_CLIENT_SECRET") or None
    try:
        info = introspect.introspect(
            token,
            outcome.kind,
            api_base,
            client_id=client_id,
            client_secret=client_secret,
            asker=asker,
        )
    except introspect.IntrospectionError as error:
        outcome.error = str(error)
        return outcome
    outcome.info = info
    if info.note:
        outcome.notes.append(info.note)
    if not info.active:
        outcome.problems.append(info.reason or "the token is not active")
        return outcome
    if outcome.hub_matches is False:
        outcome.problems.append(
            f"the token is for hub {info.hub_id}, not {expect_hub} (--expect-hub): "
            "a test token and a production token mixed up?"
        )
    outcome.comparison = scopes.compare(report, info.scopes)
    comparison = outcome.comparison
    if comparison.missing:
        names = ", ".join(m.scope for m in comparison.missing)
        plural = "s" if len(comparison.missing) != 1 else ""
        outcome.problems.append(
            f"the token lacks {len(comparison.missing)} scope{plural}: {names}"
        )
    for group in comparison.unmet_groups:
        outcome.problems.append("the token has none of: " + " | ".join(group.scopes))
    return outcome
