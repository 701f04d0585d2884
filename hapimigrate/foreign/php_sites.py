"""The sites of one parsed PHP file, each decided: SDK clients, URL strings,
query arrays (``http_build_query``, ``add_query_arg``, ``$q['hapikey'] = ...``),
Guzzle ``'query'`` options and Laravel query arrays. For each: the key cut
(:mod:`.php_urls`), the requests followed (:mod:`.php_flow`), the header planned
(:mod:`.php_requests`), and the verdict: ``kept`` (a developer key or endpoint),
``rewrite`` (form submissions without a token), ``manual`` with the reason (the
first rule that stops it), or ``rewrite`` with every edit of the site."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hapimigrate import hubspot
from hapimigrate.foreign import php_clients
from hapimigrate.foreign import php_given
from hapimigrate.foreign import php_flow as flow
from hapimigrate.foreign import php_keys
from hapimigrate.foreign import php_requests as req
from hapimigrate.foreign import php_sdk
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign import php_urls
from hapimigrate.foreign.php_hosts import (  # noqa: F401 (endpoint_path: php.py)
    auth_kind,
    destination,
    endpoint_path,
    joined,
)
from hapimigrate.foreign import php_values as values
from hapimigrate.foreign.splice import Edit
from hapimigrate.model import Endpoint, Kind, RunOptions, Status

DEVELOPER = "a developer API key (app-level endpoint): it keeps hapikey"


FORM = "form submission: needs no token, the key is removed"


LARAVEL_HTTP = "illuminate\\support\\facades\\http"


# the function the header is given to, for each kind of request
INSERTED = {"curl": "curl_setopt", "stream": "stream_context_create"}


_ENV = re.compile(r"^env:([A-Za-z_][A-Za-z0-9_]*)$")


_OTHER_AUTH = re.compile(r"(?i)access_token|oauth|\bbearer\b")


@dataclass(frozen=True)
class Plan:
    """One site as decided: where, what, and its edits (all of them or none)."""

    start: int
    end: int
    kind: Kind
    status: Status
    reason: str = ""
    edits: tuple[Edit, ...] = ()
    calls: tuple[Endpoint, ...] = ()
    hardcoded: bool = False
    key: str | None = None  # the key's identity, for the two-keys rule
    requests: tuple[int, ...] = ()  # the requests (call node ids) it reaches
    node: object = field(default=None, compare=False)


LARAVEL_CONFIG = (
    "the key is read with {}, from Laravel's configuration, while the migrated "
    "code reads the token with {}: once the configuration is cached (php artisan "
    "config:cache) .env is not loaded, and no token is found. Set the variable in "
    "the process environment, or add the token to that configuration and read it "
    "with config(), by hand"
)
WORDPRESS_OPTION = (
    "the key is the WordPress option {} (set in the admin), while the migrated "
    "code reads the token with {}, which most WordPress hosts do not set: set the "
    "variable in the server's environment, or keep the token in an option and "
    "read it with get_option(), by hand"
)


def token_expression(spec: str) -> tuple[str | None, str]:
    """The PHP expression of the provider's token, or the reason there is none."""
    match = _ENV.match(spec.strip())
    if match:
        return f"getenv('{match.group(1)}')", ""
    return None, (
        f"the token provider {spec} is Python code, which PHP cannot call: "
        "use --token-provider env:NAME for PHP files"
    )


class Finder:
    """The sites of one parsed file, each decided."""

    def __init__(
        self, path: str, data: bytes, tree, options: RunOptions, broken: str = ""
    ) -> None:
        self.broken = broken  # why the file does not parse, if it does not
        self.path = path
        self.data = data
        self.root = tree.root_node
        self.src = syn.Source(data)
        self.token, self.token_problem = token_expression(options.provider.spec)
        self._framework: list = []  # (key identity, settings read): see _origin
        self.keys = php_keys.Keys(self.src, self.root, path)
        self.imports = php_sdk.imported_names(self.root)
        self.style = flow.Style(
            self.src,
            self.token or "''",
            syn.short_arrays(self.src, tree),
            flow.http_clients(
                self.src, self.root, lambda n: php_sdk.resolve(n, self.imports)
            ),
            self.imports.get("http", LARAVEL_HTTP) == LARAVEL_HTTP
            and not flow.declares_class(self.root, "Http"),
            flow.shadowed_functions(self.root),
        )

    # -- finding ---------------------------------------------------------------

    def plans(self) -> list[Plan]:
        found: dict[int, Plan] = {}
        try:
            clients = php_sdk.find(self.src, self.root, self.token or "''", self.path)
        except Exception:
            if not self.broken:
                raise
            clients = []  # a broken file: its SDK clients are left to the text scan
        for client in clients:
            plan = self._guarded(self._sdk, client.node, client)
            found.setdefault(plan.start, plan)
        for node in syn.walk(self.root, into_scopes=True):
            if node.type not in syn.STRINGS and node.type != "heredoc":
                continue
            raw = self.data[node.start_byte : node.end_byte].lower()
            if b"hapikey" not in raw:
                continue
            plan = self._guarded(self._string, node, node)
            if plan is not None:
                found.setdefault(plan.start, plan)
        return [found[k] for k in sorted(found)]

    def _origin(self, key) -> str:
        """Why ``key`` is not the configured key ("" when it is); a configured
        key a web framework's settings store holds is remembered, for the
        note :meth:`framework_notes` adds once its sites are migrated."""
        origin = self.keys.origin(key)
        if not origin and key is not None and self.token:
            read = self.keys.framework_read(key)
            if read is not None:
                self._framework.append((self.keys.identity(key), read))
        return origin

    def framework_notes(self, plans: list[Plan]) -> list[Plan]:
        """A ``setting`` site, left for a person, at each framework settings
        read (Laravel's ``config()``, WordPress's ``get_option()``) of a key
        whose sites now send the token read with ``getenv()`` (``plans`` as
        finally decided, every file-wide rule applied): the framework's
        store is not the process environment (a cached Laravel configuration
        loads no ``.env``; WordPress hosts seldom set variables)."""
        migrated = {p.key for p in plans if p.status == Status.REWRITE and p.key}
        taken = {p.start for p in plans}
        notes = []
        for identity, read in self._framework:
            if identity not in migrated or read.start_byte in taken:
                continue
            taken.add(read.start_byte)
            shown = syn.shown(self.src.text(read), 60)
            name = syn.call_name(read).rsplit("\\", 1)[-1]
            wordpress = name in ("get_option", "get_site_option")
            reason = (WORDPRESS_OPTION if wordpress else LARAVEL_CONFIG).format(
                shown, self.token
            )
            notes.append(self._plan(read, Kind.SETTING, Status.MANUAL, reason))
        return notes

    def _guarded(self, decide, node, *args) -> Plan | None:
        """``decide(*args)``; in a file that does not parse, a tree it does not
        expect makes the site ``unparsed`` instead of stopping the file."""
        try:
            return decide(*args)
        except Exception:
            if not self.broken:
                raise
            return Plan(
                node.start_byte,
                node.end_byte,
                Kind.TEXT,
                Status.UNPARSED,
                self.broken,
                node=node,
            )

    def _hapikey_at(self, node) -> tuple[int, int]:
        at = self.data.lower().find(b"hapikey", node.start_byte, node.end_byte)
        return at, at + len("hapikey")

    def _string(self, node) -> Plan | None:
        value = syn.literal(node)
        parent = node.parent
        if value is not None and value.lower() == "hapikey":
            if (
                parent.type == "array_element_initializer"
                and parent.named_children[0].id == node.id
            ):
                return self._array_key(node, parent)
            if (
                parent.type == "subscript_expression"
                and len(parent.named_children) == 2
                and parent.named_children[1].id == node.id
            ):
                removal = php_urls.from_query_index(self.data, parent)
                return self._url(node, removal, Kind.PARAMS) if removal else None
            if parent.type == "argument":
                call = parent.parent.parent
                args = syn.arguments(call)
                if (
                    syn.call_name(call) == "add_query_arg"
                    and args
                    and args[0].id == parent.id
                ):
                    removal = php_urls.from_add_query_arg(self.data, call, args)
                    return self._url(node, removal, Kind.PARAMS)
            return None
        removal = php_urls.from_string(self.data, node)
        if removal is None:
            return None
        return self._url(node, removal, Kind.URL)

    def _array_key(self, node, element) -> Plan | None:
        array = element.parent
        item = syn.Entry(element, element.named_children[0], element.named_children[-1])
        removal = php_urls.from_query_array(
            self.data, array, item
        ) or php_urls.from_query_variable(self.data, array, item)
        if removal is not None:
            return self._url(node, removal, Kind.PARAMS)
        holder = array.parent
        if holder is not None and holder.type == "array_element_initializer":
            if syn.literal(holder.named_children[0]) == "query":
                return self._guzzle_query(node, item, array, holder)
        if holder is not None and holder.type == "argument":
            call = holder.parent.parent
            if call.type in ("scoped_call_expression", "member_call_expression"):
                return self._laravel_query(node, item, array, holder, call)
        return None

    # -- deciding ----------------------------------------------------------------

    def _plan(
        self, node, kind: Kind, status: Status, reason: str = "", **extra
    ) -> Plan:
        start, end = (
            self._hapikey_at(node)
            if node.type in syn.STRINGS or node.type == "heredoc"
            else (node.start_byte, node.end_byte)
        )
        if start < 0:
            start, end = node.start_byte, node.end_byte
        return Plan(start, end, kind, status, php_keys.mask(reason), node=node, **extra)

    def _calls(self) -> dict:
        """``(is a method call, lower-case name)`` -> the calls of the file."""
        if not hasattr(self, "_call_index"):
            index: dict = {}
            for call in syn.walk(self.root, into_scopes=True):
                if call.type in (
                    "member_call_expression",
                    "nullsafe_member_call_expression",
                    "scoped_call_expression",
                ):
                    name = call.child_by_field_name("name")
                    key = (True, name.text.decode().lower() if name is not None else "")
                elif call.type == "function_call_expression":
                    key = (False, syn.call_name(call))
                else:
                    continue
                index.setdefault(key, []).append(call)
            self._call_index = index
        return self._call_index

    def _open_wrapper(self, node) -> bool:
        """Whether ``node`` is built in a function or a method other code may
        call (not a private method, whose callers are all in its class)."""
        scope = syn.scope_of(node)
        if scope is None or scope.type not in (
            "method_declaration",
            "function_definition",
        ):
            return False
        return not (
            scope.type == "method_declaration"
            and any(
                c.type == "visibility_modifier" and c.text == b"private"
                for c in scope.children
            )
        )

    def _call_sites(self, node) -> list[dict]:
        """For a URL built inside a request wrapper (``function get($path)``), the
        literal arguments each call of the wrapper in this file gives its
        parameters; ``[{}]`` when there is no such call."""
        scope = syn.scope_of(node)
        if scope is None or scope.type not in (
            "method_declaration",
            "function_definition",
        ):
            return [{}]
        name = scope.child_by_field_name("name").text.decode().lower()
        params = scope.child_by_field_name("parameters")
        names = [
            p.child_by_field_name("name").text.decode()[1:]
            for p in params.named_children
            if p.type in ("simple_parameter", "property_promotion_parameter")
        ]
        methods = scope.type == "method_declaration"
        found = []
        for call in self._calls().get((methods, name), ()):
            args = syn.arguments(call)
            if not args:
                continue
            bindings = {}
            for index, argument in enumerate(args[: len(names)]):
                text = syn.literal(syn.value(argument))
                if text is not None:
                    bindings[names[index]] = text
            if bindings and bindings not in found:
                found.append(bindings)
        return found or [{}]

    def _helper_method(self, sink, carrier, name: str) -> str | None:
        """The HTTP method a request in a private helper uses for this site:
        the helper's ``name`` parameter as the site's call gives it (or its
        default); None where that is not a literal."""
        helper = syn.scope_of(sink.call)
        if helper is None or helper.type != "method_declaration" or carrier is None:
            return None
        params = helper.child_by_field_name("parameters").named_children
        index = next(
            (
                i
                for i, p in enumerate(params)
                if p.child_by_field_name("name") is not None
                and p.child_by_field_name("name").text.decode()[1:] == name
            ),
            None,
        )
        if index is None:
            return None
        default = syn.literal(params[index].child_by_field_name("default_value"))
        site = syn.scope_of(carrier)
        methods = set()
        for caller in flow.helper_callers(helper):
            if syn.scope_of(caller) != site:
                continue
            args = syn.arguments(caller)
            if args is None:
                return None
            given = (
                syn.literal(syn.value(args[index])) if index < len(args) else default
            )
            methods.add(given.upper() if given else None)
        return methods.pop() if len(methods) == 1 else None

    def _chosen_host(self, urls) -> str:
        """Why a URL whose host is chosen at run time may go elsewhere: one of
        the hosts it may start with (a ternary's branch, a fallback, a value
        given on another path) is not HubSpot's."""
        for url in urls:
            if url is None:
                continue
            for host in sorted(php_urls.hosts(self.data, flow.climb(url))):
                if not hubspot.is_hubspot_host(host):
                    return (
                        f"the URL's host is chosen at run time and may be {host}, "
                        "not HubSpot: the token must go to HubSpot only"
                    )
        return ""

    def _other_auth(self, nodes) -> str:
        """Another auth mode (OAuth, an access token) beside the key."""
        for node in nodes:
            scope = syn.scope_of(node)
            area = syn.statement_of(node) if scope.type == "program" else scope
            if area is not None and _OTHER_AUTH.search(self.src.text(area)):
                return (
                    "an access token or OAuth beside the key in this code: only the key's "
                    "branch may change, so a person does it"
                )
        return ""

    def _decide(
        self,
        node,
        kind: Kind,
        key,
        hardcoded: bool,
        cut: tuple[Edit, ...],
        cut_reason: str,
        sinks,
        carrier,
        literal: str | None = None,
    ) -> Plan:
        calls = []
        attachments = []
        unbound = []  # (method, URL) with no caller's argument filled in
        if isinstance(sinks, list) and sinks:
            for sink in sinks:
                attached = req.attach(self.style, sink)
                if attached.method and attached.method.startswith("$"):
                    attached = replace(
                        attached,
                        method=self._helper_method(sink, carrier, attached.method[1:]),
                    )
                attachments.append(attached)
                # a request in a helper the URL was handed to: the URL is the
                # caller's expression, not the helper's parameter
                source = sink.url
                if carrier is not None and syn.scope_of(sink.url) != syn.scope_of(
                    carrier
                ):
                    source = carrier
                base = (
                    php_clients.base_of(self.src, self.root, sink.call)
                    if sink.kind == "guzzle"
                    else None
                )
                if self._open_wrapper(source):
                    url = joined(base, php_urls.template(self.data, source))
                    unbound.append((attached.method, url))
                for bindings in self._call_sites(source):
                    url = php_urls.template(self.data, source, bindings=bindings)
                    url = joined(base, url)
                    if (attached.method, url) not in calls:
                        calls.append((attached.method, url))
        elif carrier is not None:
            for bindings in self._call_sites(carrier):
                url = php_urls.template(self.data, carrier, bindings=bindings)
                if (None, url) not in calls:
                    calls.append((None, url))
        else:
            calls.append((None, None))
        endpoints = tuple(
            dict.fromkeys(Endpoint(method, endpoint_path(url)) for method, url in calls)
        )
        hardcoded = hardcoded or self.keys.hardcoded(key)
        requests = tuple(s.call.id for s in sinks) if isinstance(sinks, list) else ()
        common = dict(calls=endpoints, hardcoded=hardcoded, requests=requests)
        key_text = self.src.text(key) if key is not None else ""
        kinds = [auth_kind(method, url) for method, url in calls]
        if key is not None and hubspot.names_developer_key(key_text):
            return self._plan(node, kind, *_named_developer(endpoints), **common)
        if kinds and all(k == hubspot.DEVELOPER_KEY for k in kinds):
            held = (
                self.keys.identity(key)
                if key is not None
                else php_keys.literal_identity(literal or "")
            )
            return self._plan(node, kind, Status.KEPT, DEVELOPER, key=held, **common)
        if hubspot.DEVELOPER_KEY in kinds:
            return self._plan(
                node,
                kind,
                Status.MANUAL,
                "the key goes both to a developer-key endpoint and to an ordinary one",
                **common,
            )
        for _, url in calls:
            host = hubspot.host(url) if url else None
            if host is not None and not hubspot.is_hubspot_host(host):
                return self._plan(
                    node,
                    kind,
                    Status.MANUAL,
                    f"the key is sent to {host}, not to HubSpot",
                    **common,
                )
        if cut_reason:
            return self._plan(node, kind, Status.MANUAL, cut_reason, **common)
        identity = (
            self.keys.identity(key)
            if key is not None
            else php_keys.literal_identity(literal or "")
        )
        if kinds and all(k == hubspot.NO_AUTH for k in kinds):
            return self._plan(
                node, kind, Status.REWRITE, FORM, edits=cut, key=identity, **common
            )
        if hubspot.NO_AUTH in kinds:
            return self._plan(
                node,
                kind,
                Status.MANUAL,
                "the key goes both to a form and to the API",
                **common,
            )
        if self.token_problem:
            return self._plan(node, kind, Status.MANUAL, self.token_problem, **common)
        origin = self._origin(key)
        if origin:
            return self._plan(node, kind, Status.MANUAL, origin, **common)
        if isinstance(sinks, str):
            return self._plan(node, kind, Status.MANUAL, sinks, **common)
        for method, url in calls:
            where = destination(method, url)
            if where:
                return self._plan(node, kind, Status.MANUAL, where, **common)
        where = self._chosen_host([s.url for s in sinks] + [carrier])
        if where:
            return self._plan(node, kind, Status.MANUAL, where, **common)
        built = (
            carrier is not None
            and syn.unwrap(carrier) is not None
            and (
                syn.unwrap(carrier).type
                in ("string", "encapsed_string", "heredoc", "binary_expression")
            )
        )  # the URL itself (not a query string built for one)
        where = php_given.reason(
            self.data, [carrier if built else None, *(s.url for s in sinks)]
        )
        for sink in sinks if not where else ():
            where = php_given.chain_base_reason(self.data, sink.call)
            if where:
                break
            if sink.kind == "guzzle":
                options = php_clients.creations(self.src, self.root, sink.call)
                where = php_given.base_reason(self.data, options)
                if where:
                    break
            receiver = sink.call.child_by_field_name("object")
            if receiver is not None and not any(
                hubspot.host(url or "") for _, url in calls
            ):  # a relative URL goes to its client's base_uri
                where = php_given.client_reason(self.data, receiver)
                if where:
                    break
        if where:
            return self._plan(node, kind, Status.MANUAL, where, **common)
        for method, url in unbound:
            where = destination(method, url)
            if where:
                name = syn.enclosing(carrier) or "its function"
                return self._plan(
                    node,
                    kind,
                    Status.MANUAL,
                    f"{where} (the URL's host comes from the arguments of {name}(), "
                    "which code in other files may call with other URLs)",
                    **common,
                )
        other = self._other_auth([node, *(s.call for s in sinks)])
        if other:
            return self._plan(node, kind, Status.MANUAL, other, **common)
        for sink in sinks:
            added = INSERTED.get(sink.kind, "")
            if added in self.style.shadowed:
                return self._plan(
                    node,
                    kind,
                    Status.MANUAL,
                    f"this file declares or imports its own {added}(), which the "
                    "header would be given to: migrate it by hand",
                    **common,
                )
            if sink.kind == "guzzle":
                other = php_clients.default_auth(self.src, self.root, sink.call)
                if other:
                    return self._plan(node, kind, Status.MANUAL, other, **common)
        edits = list(cut)
        for attached in attachments:
            if attached.reason:
                return self._plan(node, kind, Status.MANUAL, attached.reason, **common)
            edits.extend(attached.edits)
        return self._plan(
            node, kind, Status.REWRITE, edits=tuple(edits), key=identity, **common
        )

    # -- the families ------------------------------------------------------------

    def _url(self, node, removal: php_urls.Removal, kind: Kind) -> Plan:
        carrier = removal.carrier
        if carrier is None:  # the key cannot be cut: its requests still count
            carrier = flow.climb(node)
        sinks = flow.follow(self.style, carrier)
        if not removal.reason and removal.drops_question and flow.extended(carrier):
            removal = replace(
                removal,
                reason="text is added to the URL after the key: cutting its '?' "
                "would join that text to the path",
            )
        return self._decide(
            node,
            kind,
            removal.key,
            removal.hardcoded,
            removal.edits,
            removal.reason,
            sinks,
            carrier,
            removal.literal,
        )

    def _sdk(self, client: php_sdk.Client) -> Plan:
        node = client.node
        name = (
            node.child_by_field_name("name")
            if node.type == "scoped_call_expression"
            else None
        )
        anchor = name or node
        key_text = self.src.text(client.key) if client.key is not None else ""
        hardcoded = self.keys.hardcoded(client.key)
        endpoints, kinds = php_sdk.calls(client)
        common = dict(hardcoded=hardcoded, calls=endpoints)
        if client.key is not None and hubspot.names_developer_key(key_text):
            status, reason = _named_developer(endpoints)
            return self._plan(
                anchor,
                Kind.SDK,
                status,
                (
                    "a developer API key: it keeps its key"
                    if status == Status.KEPT
                    else reason
                ),
                **common,
            )
        if kinds == {hubspot.DEVELOPER_KEY}:
            return self._plan(
                anchor,
                Kind.SDK,
                Status.KEPT,
                "the client calls developer-key endpoints only (webhooks): it "
                "keeps its key",
                key=self.keys.identity(client.key) if client.key is not None else None,
                **common,
            )
        if hubspot.DEVELOPER_KEY in kinds:
            return self._plan(
                anchor,
                Kind.SDK,
                Status.MANUAL,
                "the client is used both for developer-key endpoints (webhooks) and "
                "for others: which key it holds, a person decides",
                **common,
            )
        if php_sdk.TIMELINE in kinds:
            return self._plan(
                anchor,
                Kind.SDK,
                Status.MANUAL,
                "the client calls the timeline API, whose event types take a "
                "developer key: which key it holds, a person decides",
                **common,
            )
        elsewhere = php_given.sdk_reason(self.data, client.node)
        if elsewhere:
            return self._plan(anchor, Kind.SDK, Status.MANUAL, elsewhere, **common)
        if client.reason:
            return self._plan(anchor, Kind.SDK, Status.MANUAL, client.reason, **common)
        handed = php_sdk.handed_on(client)
        if handed:
            return self._plan(anchor, Kind.SDK, Status.MANUAL, handed, **common)
        if self.token_problem:
            return self._plan(
                anchor, Kind.SDK, Status.MANUAL, self.token_problem, **common
            )
        origin = self._origin(client.key)
        if origin:
            return self._plan(anchor, Kind.SDK, Status.MANUAL, origin, **common)
        return self._plan(
            anchor,
            Kind.SDK,
            Status.REWRITE,
            edits=client.edits,
            key=self.keys.identity(client.key),
            **common,
        )

    def _options_use(self, name: str, assignment):
        """``$options = [...]`` given to one call later in the function: that
        ``argument`` and the ``$options[...] = ...`` writes; a reason; or None
        when the options go nowhere a request is seen."""
        reads, writes, stop = [], [], None
        for use in syn.uses(syn.scope_of(assignment), name):
            if use.start_byte < assignment.end_byte:
                continue
            if stop is not None and use.start_byte >= stop:
                break
            assigned = syn.assignment_of(use)
            if assigned is not None:
                if assigned[1] != "=":
                    return f"${name} is changed with {assigned[1]}"
                stop = assigned[0].end_byte
                continue
            outer = use.parent
            while outer is not None and outer.type == "subscript_expression":
                if outer.parent is None or outer.parent.type != "subscript_expression":
                    break
                outer = outer.parent
            if outer is not None and outer.type == "subscript_expression":
                if syn.assignment_of(outer) is not None:
                    writes.append(outer)
                    continue
            reads.append(use)
        if len(reads) != 1 or reads[0].parent.type != "argument":
            return None if not reads else f"${name} is used by more than one call"
        return reads[0].parent, writes

    def _guzzle_query(self, node, item, query, holder) -> Plan | None:
        options = holder.parent
        argument = options.parent if options is not None else None
        writes = []
        if argument is not None and argument.type == "assignment_expression":
            name = syn.variable(argument.child_by_field_name("left"))
            right = argument.child_by_field_name("right")
            if name is None or right is None or right.id != options.id:
                return None
            found = self._options_use(name, argument)
            if isinstance(found, str):
                return self._plan(node, Kind.PARAMS, Status.MANUAL, found)
            if found is None:
                return None
            argument, writes = found
        if argument is None or argument.type != "argument":
            return None
        call = argument.parent.parent
        args = syn.arguments(call)
        key = item.value
        hardcoded = self.keys.hardcoded(key)
        if args is None:
            return self._plan(
                node,
                Kind.PARAMS,
                Status.MANUAL,
                "the request has named or unpacked arguments",
            )
        index = next(i for i, a in enumerate(args) if a.id == argument.id)
        url = None
        if call.type == "object_creation_expression":
            cls = next(
                (
                    c
                    for c in call.named_children
                    if c.type in ("name", "qualified_name")
                ),
                None,
            )
            if php_sdk.resolve(cls, self.imports) != "guzzlehttp\\client" or index != 0:
                return None
            base = syn.entry(options, "base_uri")
            url = base.value if base is not None else None
            method = None
            reason = self._client_reach(call, url)
            if reason:
                return self._plan(node, Kind.PARAMS, Status.MANUAL, reason)
        elif call.type in (
            "member_call_expression",
            "nullsafe_member_call_expression",
        ) and self.style.is_client(call):
            name = call.child_by_field_name("name").text.decode().lower()
            if name not in flow.GUZZLE_METHODS:
                return None
            url_index = 1 if name.startswith("request") else 0
            if index != url_index + 1:
                return None
            url = syn.value(args[url_index])
            method = (
                (syn.literal(syn.value(args[0])) or "").upper() or None
                if name.startswith("request")
                else name.removesuffix("async").upper()
            )
        else:
            return None
        template = php_urls.template(self.data, url) if url is not None else None
        defaults = ""
        if call.type != "object_creation_expression":
            template = joined(php_clients.base_of(self.src, self.root, call), template)
            defaults = php_clients.default_auth(self.src, self.root, call)
        calls = (Endpoint(method, endpoint_path(template)),)
        common = dict(calls=calls, hardcoded=hardcoded, requests=(call.id,))
        kind_of = auth_kind(method, template)
        if hubspot.names_developer_key(self.src.text(key)):
            return self._plan(node, Kind.PARAMS, *_named_developer(calls), **common)
        if kind_of == hubspot.DEVELOPER_KEY:
            return self._plan(
                node,
                Kind.PARAMS,
                Status.KEPT,
                DEVELOPER,
                key=self.keys.identity(key),
                **common,
            )
        where = (
            destination(method, template)
            or (self._chosen_host([url]) if url is not None else "")
            or defaults
            or php_given.reason(self.data, [url])
            or (
                php_given.base_reason(
                    self.data, php_clients.creations(self.src, self.root, call)
                )
                or (
                    php_given.client_reason(
                        self.data, call.child_by_field_name("object")
                    )
                    if hubspot.host(template or "") is None  # relative: its base_uri's
                    else ""
                )
                if call.type != "object_creation_expression"
                else ""
            )
        )
        if where:
            return self._plan(node, Kind.PARAMS, Status.MANUAL, where, **common)
        for write in writes:
            written = values.subscript_key(self.style, write)
            if written == "headers" or "authorization" in self.src.text(write).lower():
                return self._plan(
                    node,
                    Kind.PARAMS,
                    Status.MANUAL,
                    "the request's headers are set again later",
                    **common,
                )
        cut = syn.remove_entry(query, item.node)
        header = None
        if cut is None and _may_hold_query(template):
            # Guzzle's query option replaces the URL's own: an empty one keeps
            # that (without it, the URL's ?count=250 would be sent)
            cut = Edit(query.start_byte, query.end_byte, b"[]")
        if cut is None:
            cut = syn.remove_entry(options, holder)
            if cut is None:  # the options were the query alone: they become the header
                bearer = f"'headers' => " + self.style.array(
                    f"'Authorization' => {self.style.bearer}"
                )
                cut, header = (
                    Edit(holder.start_byte, holder.end_byte, bearer.encode()),
                    (),
                )
        if kind_of == hubspot.NO_AUTH:
            if header is not None:
                return self._plan(
                    node,
                    Kind.PARAMS,
                    Status.MANUAL,
                    "the query holds nothing but the key: remove it by hand",
                    **common,
                )
            return self._plan(
                node,
                Kind.PARAMS,
                Status.REWRITE,
                FORM,
                edits=(cut,),
                key=self.keys.identity(key),
                **common,
            )
        if header is None:
            merged = req.merge_headers(self.style, options, writes)
            if merged.reason:
                return self._plan(
                    node, Kind.PARAMS, Status.MANUAL, merged.reason, **common
                )
            header = merged.edits
        return self._finish(node, key, hardcoded, (cut, *header), calls, call)

    def _client_reach(self, creation, base) -> str:
        """Why default headers on a Guzzle client could reach another host
        (see :mod:`.php_clients`)."""
        return php_clients.reach(self.src, creation, base)

    def _finish(self, node, key, hardcoded, edits, calls, call) -> Plan:
        common = dict(calls=calls, hardcoded=hardcoded, requests=(call.id,))
        if self.token_problem:
            return self._plan(
                node, Kind.PARAMS, Status.MANUAL, self.token_problem, **common
            )
        origin = self._origin(key)
        if origin:
            return self._plan(node, Kind.PARAMS, Status.MANUAL, origin, **common)
        other = self._other_auth([node, call])
        if other:
            return self._plan(node, Kind.PARAMS, Status.MANUAL, other, **common)
        return self._plan(
            node,
            Kind.PARAMS,
            Status.REWRITE,
            edits=tuple(edits),
            key=self.keys.identity(key),
            **common,
        )

    def _laravel_query(self, node, item, array, holder, call) -> Plan | None:
        if flow.facade_root(call, self.style) is None:
            return None
        name = call.child_by_field_name("name").text.decode().lower()
        args = syn.arguments(call)
        if (
            name not in ("get", "head")
            or not args
            or len(args) != 2
            or args[1].id != holder.id
        ):
            return None
        key = item.value
        hardcoded = self.keys.hardcoded(key)
        url = syn.value(args[0])
        template = php_urls.template(self.data, url)
        method = name.upper()
        calls = (Endpoint(method, endpoint_path(template)),)
        kind_of = auth_kind(method, template)
        common = dict(calls=calls, hardcoded=hardcoded, requests=(call.id,))
        if hubspot.names_developer_key(self.src.text(key)):
            return self._plan(node, Kind.PARAMS, *_named_developer(calls), **common)
        if kind_of == hubspot.DEVELOPER_KEY:
            return self._plan(
                node,
                Kind.PARAMS,
                Status.KEPT,
                DEVELOPER,
                key=self.keys.identity(key),
                **common,
            )
        where = (
            destination(method, template)
            or self._chosen_host([url])
            or php_given.reason(self.data, [url])
            or php_given.chain_base_reason(self.data, call)
        )
        if where:
            return self._plan(node, Kind.PARAMS, Status.MANUAL, where, **common)
        cut = syn.remove_entry(array, item.node) or (
            Edit(array.start_byte, array.end_byte, b"[]")
            if _may_hold_query(template)  # the query given replaces the URL's
            else Edit(args[0].end_byte, args[1].end_byte, b"")
        )
        if kind_of == hubspot.NO_AUTH:
            return self._plan(
                node,
                Kind.PARAMS,
                Status.REWRITE,
                FORM,
                edits=(cut,),
                key=self.keys.identity(key),
                **common,
            )
        reason = req.laravel_auth(self.style, call)
        if reason:
            return self._plan(node, Kind.PARAMS, Status.MANUAL, reason, **common)
        return self._finish(
            node, key, hardcoded, (cut, req.with_token(self.style, call)), calls, call
        )


DEVELOPER_NAME_TOKEN_ENDPOINT = (
    "the key's name says developer key, but it goes to an endpoint that takes an "
    "access token: a portal key named for an environment? decide by hand"
)


def _named_developer(calls) -> tuple[Status, str]:
    """A key named like a developer key: kept, unless it goes to an endpoint
    known to take an access token (a developer key never worked there, so it
    is a portal key with a developer-sounding name: a person decides)."""
    for call in calls:
        path, method = call.path, call.method
        if path and hubspot.auth_kind(method, path) is None:
            if hubspot.scopes_for(method or "GET", path) is not None:
                return Status.MANUAL, DEVELOPER_NAME_TOKEN_ENDPOINT
    return Status.KEPT, DEVELOPER


def _may_hold_query(template: str | None) -> bool:
    """Whether a URL may carry a query of its own (a ``?``, or a URL known
    only at run time: not a path parameter's hole), which a request's query
    option replaces."""
    return template is None or "?" in template or template.startswith("{")
