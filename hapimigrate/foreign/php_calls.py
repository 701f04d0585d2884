"""HubSpot API calls of a PHP file without a key (code already migrated, or calls
beside the key uses): read-only sites of kind ``call``, so that ``report`` still
lists their endpoints and scopes (one token serves them all) and ``check`` their
lifecycle. As in the other front ends: for ``report`` the calls no key site lists
already; for ``check`` every call to an endpoint with an announced date. A call
is a request the file makes (curl, ``wp_remote_*``, ``file_get_contents``, a
Guzzle or Symfony client, Laravel's ``Http``) whose URL names a HubSpot host, or,
with a host known only at run time, a HubSpot endpoint path."""

from __future__ import annotations

from typing import Iterable, Iterator

from hapimigrate import hubspot
from hapimigrate.foreign import php_flow as flow
from hapimigrate.foreign import php_requests as req
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign import php_urls
from hapimigrate.foreign.php_hosts import hubspot_path
from hapimigrate.hubspot.lifecycle import CURRENT
from hapimigrate.model import CALLS_DATED, Endpoint


def requests(style: flow.Style, root) -> Iterator[flow.Sink]:
    """Every request of the file whose URL argument is written at the call."""
    for node in syn.walk(root, into_scopes=True):
        if node.type == "function_call_expression":
            name = syn.call_name(node)
            args = syn.arguments(node) or []
            if name in ("curl_init", "file_get_contents", *flow.WORDPRESS) and args:
                kind = "curl" if name == "curl_init" else "stream"
                kind = "wp" if name in flow.WORDPRESS else kind
                yield flow.Sink(kind, node, syn.value(args[0]))
            elif (
                name == "curl_setopt"
                and len(args) == 3
                and style.src.text(syn.value(args[1])).strip().upper() == "CURLOPT_URL"
            ):
                yield flow.Sink("curl", node, syn.value(args[2]))
            elif name == "curl_setopt_array" and len(args) == 2:
                options = syn.unwrap(syn.value(args[1]))
                for entry in (
                    (syn.entries(options) or []) if syn.is_array(options) else []
                ):
                    if (
                        entry.key is not None
                        and entry.key.text.strip() == b"CURLOPT_URL"
                    ):
                        yield flow.Sink("curl", node, entry.value)
        elif node.type in ("member_call_expression", "scoped_call_expression"):
            name = node.child_by_field_name("name").text.decode().lower()
            args = syn.arguments(node) or []
            if flow.facade_root(node, style) is not None and name in flow.VERBS:
                if args:
                    yield flow.Sink("laravel", node, syn.value(args[0]))
            elif (
                name in flow.GUZZLE_METHODS
                and node.type == "member_call_expression"
                and style.is_client(node)
            ):
                index = 1 if name.startswith("request") else 0
                if index < len(args):
                    yield flow.Sink("guzzle", node, syn.value(args[index]))


def calls(
    style: flow.Style,
    root,
    mode: str,
    listed: Iterable[Endpoint],
    taken: set[int],
    endpoint_path,
    broken: bool = False,
) -> Iterator[tuple[int, tuple[Endpoint, ...]]]:
    """(offset, endpoints) of each call to report; ``listed``: the endpoints key
    sites list; ``taken``: the requests (call node ids) key sites reach."""
    listed = [e for e in listed if e.path]
    for sink in requests(style, root):
        if sink.call.id in taken:
            continue
        template = php_urls.template(style.src.data, sink.url)
        host = hubspot.host(template)
        if host is not None and not hubspot.is_hubspot_host(host):
            continue
        try:
            method = req.attach(style, sink).method
        except Exception:
            if not broken:
                raise
            continue  # a file that does not parse: a tree it does not expect
        endpoint = Endpoint(None if method == "?" else method, endpoint_path(template))
        if host is None and not hubspot_path(endpoint):
            continue
        if not endpoint.path:
            continue
        if mode == CALLS_DATED:
            life = hubspot.lifecycle_of(endpoint.method, endpoint.path)
            if life is None or life.status == CURRENT:
                continue
        elif any(
            e.path == endpoint.path
            and (e.method == endpoint.method or None in (e.method, endpoint.method))
            for e in listed
        ):
            continue
        yield sink.call.start_byte, (endpoint,)
