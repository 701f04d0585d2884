"""urllib3 pools and their ``fields=`` (issue #12).

``pool = urllib3.PoolManager(...)`` makes requests as ``pool.request(method,
url, fields=..., headers=...)``. urllib3 encodes ``fields`` into the query
for GET, HEAD, DELETE and OPTIONS (``request_encode_url``), and into the body
for the other methods (``request_encode_body``, form-encoded or multipart)::

    http.request("GET", BASE + "/owners/v2/owners", fields={"hapikey": KEY})
    # GET https://api.hubapi.com/owners/v2/owners?hapikey=KEY

so a key in the fields of a GET went in the query, as ``params=`` would send
it, and it migrates as params do: the key leaves the mapping, the request gets
``headers={"Authorization": ...}`` (which urllib3 sends instead of the pool's
default headers: :func:`header_fit.defaults_replaced` says when that would
lose some). A key in the fields of a POST went in the body, where HubSpot
never read it as the token: that stays for a person, as does a method known
only at run time.

:func:`is_pool` tells a name bound to a pool in its module (``pool`` is no
client's usual name), :func:`fields_role` what ``fields=`` is to a request.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext

POOLS = frozenset(
    {
        "urllib3.PoolManager",
        "urllib3.poolmanager.PoolManager",
        "urllib3.ProxyManager",
        "urllib3.poolmanager.ProxyManager",
        "urllib3.HTTPConnectionPool",
        "urllib3.HTTPSConnectionPool",
        "urllib3.connectionpool.HTTPConnectionPool",
        "urllib3.connectionpool.HTTPSConnectionPool",
        "urllib3.connection_from_url",
        "urllib3.connectionpool.connection_from_url",
    }
)
# the methods whose fields urllib3 encodes into the URL's query
QUERY_METHODS = frozenset({"GET", "HEAD", "DELETE", "OPTIONS"})
IN_BODY = "fields (urllib3 encodes them into the body of a {})"
UNKNOWN_METHOD = "fields (urllib3 encodes them into the query or the body, by a method known only at run time)"


def is_pool(ctx: ModuleContext, node: cst.BaseExpression) -> bool:
    """``pool`` whose every binding here is a urllib3 pool made by a known
    constructor (``pool = urllib3.PoolManager(...)``)."""
    return values.always_assigned(
        ctx,
        node,
        lambda value: isinstance(value, cst.Call)
        and bool(ctx.qualified_names(value.func) & POOLS),
    )


def fields_role(method: str | None) -> str:
    """What ``fields=`` is to a request of ``method``: ``params`` when urllib3
    puts it in the query; else where it goes, for the reason."""
    if method is None:
        return UNKNOWN_METHOD
    if method.upper() in QUERY_METHODS:
        return "params"
    return IN_BODY.format(method.upper())
