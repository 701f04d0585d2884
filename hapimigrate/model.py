"""The records every stage shares: one ``Site`` per hapikey use (and, when the run
asks, per HubSpot call and per versioned path: kinds ``call`` and ``version``), one
``FileResult`` per file, the ``RunOptions`` a run hands each file, and the token
provider the migrated code calls. All frozen, small and picklable. This module imports nothing
of hapimigrate's, so every stage can import it without importing its caller."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

# The identity of a key expression that names no configuration entry for sure (a
# free name): such keys are not compared across modules. See analysis.origins.
UNPLACED_KEY = "?"


class Status(str, Enum):
    """What was done with a site."""

    REWRITE = "rewrite"  # migrated (or would be, in a dry run)
    MANUAL = "manual"  # needs a person; ``reason`` says why
    KEPT = "kept"  # must keep its hapikey (developer API key); left alone on purpose
    UNPARSED = "unparsed"  # the file could not be parsed; found by a text scan


class Kind(str, Enum):
    """Which family of code the site belongs to."""

    URL = "url"  # hapikey=... inside a URL string
    PARAMS = "params"  # a query-parameter mapping with a "hapikey" key
    SESSION = "session"  # session-level params (session.params)
    SDK = "sdk"  # a HubSpot SDK client built with api_key=
    TEXT = "text"  # found by the text scanner (file did not parse)
    GUARD = "guard"  # a test of the old key that outlives its migrated uses
    SETTING = "setting"  # a key setting nothing reads any more, in a settings module
    ARGUMENT = (
        "argument"  # a key passed to another module's function that takes a token
    )
    CALL = "call"  # a HubSpot API call without a key (report, check): read-only
    VERSION = "version"  # a v3/v4 path with a 2026-03 twin (diff/apply --modernize)


@dataclass(frozen=True)
class Wrapper:
    """A function whose parameter gives a request's path, none of its own
    module's calls saying which: ``HubSpotAPI.get`` (a module-level class's
    method) or ``get_json``, its positional parameters after ``self``, the one
    giving the path and the URL template naming it (``https://api.hubapi.com
    {path}``); the method's parameter when the method is one too. Other
    modules' calls give the endpoints (:mod:`hapimigrate.tree_endpoints`)."""

    function: str
    positional: tuple[str, ...]
    parameter: str
    template: str
    method_parameter: str = ""


@dataclass(frozen=True)
class Endpoint:
    """A HubSpot API call: HTTP method and path template (``/deals/v1/deal/{}``);
    None where the source does not tell. ``via``: the wrapper whose callers in
    other modules tell the path (not part of the call's identity)."""

    method: str | None
    path: str | None
    via: Wrapper | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Site:
    """One use of a HubSpot API key in a file. Lines and columns are 1-based."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: Kind
    status: Status
    reason: str = ""
    calls: tuple[Endpoint, ...] = ()  # what the site calls (a wrapper calls many)
    hardcoded_key: bool = False
    enclosing: str = ""  # the class and function around it: "Client._request"
    fingerprint: str = ""  # see hapimigrate.fingerprint
    in_comment: bool = False  # found in a comment or docstring (check --strict)
    cell: int | None = None  # notebooks: the 1-based cell number ...
    cell_line: int | None = None  # ... and the line in it (``line`` is the file's)

    @property
    def method(self) -> str | None:
        methods = {c.method for c in self.calls}
        return methods.pop() if len(methods) == 1 else None

    @property
    def endpoint(self) -> str | None:
        paths = {c.path for c in self.calls}
        return paths.pop() if len(paths) == 1 else None


@dataclass(frozen=True)
class FileResult:
    """What one file yields: its sites, its new bytes when it changes, or an error."""

    path: str
    sites: tuple[Site, ...] = ()
    original: bytes | None = field(default=None, repr=False)
    new: bytes | None = field(default=None, repr=False)
    encoding: str = "utf-8"
    error: str | None = None
    removed_keys: tuple[str, ...] = ()  # dead key definitions the rewrite removes
    # functions (or classes) whose parameter now carries a token: their callers in
    # other modules must pass tokens too
    token_parameters: tuple[str, ...] = ()
    # module-level sessions given an Authorization header: other modules must not
    # replace their headers
    session_headers: tuple[str, ...] = ()
    # module-level functions that return a session given the header: other
    # modules calling them must not be sending elsewhere with it
    session_factories: tuple[str, ...] = ()
    # task functions (``@app.task``) whose key parameter was taken as the
    # caller's credential, with the names they are registered under: another
    # module enqueueing one hands it what is not seen (see tree_tasks)
    tasks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # module-level functions (no task decorator) whose key parameter was taken
    # as the caller's credential: a queue or a scheduler may name one by its
    # dotted path ("pkg.jobs.sync", "pkg.jobs:sync") and hand it a key (tree_tasks)
    callables: tuple[str, ...] = ()
    # functions (or classes, for methods) whose rewritten request's host comes
    # from their parameters: other modules calling them may give any host
    parameter_hosts: tuple[str, ...] = ()
    # functions (or classes) whose rewritten request goes through a session or
    # client their callers hand in: another module's may carry its own
    # Authorization (analysis/caller_sessions)
    parameter_sessions: tuple[str, ...] = ()
    # functions ("Client.get") whose header goes only where the key went (beside
    # it, under its condition) or only to HubSpot's hosts (a host guard): the
    # URLs their callers hand them need no check
    guarded_functions: tuple[str, ...] = ()
    # of those, the ones guarded by the code's own condition (``"hubspot" in
    # url``): a URL known only at run time may be a form submission's
    condition_guarded: tuple[str, ...] = ()
    # classes holding a session given the header: (class, attribute), the
    # attribute "" for a requests.Session subclass; other modules' instances
    # must not send it elsewhere
    session_classes: tuple[tuple[str, str], ...] = ()
    # classes whose methods were rewritten, with the self/cls attributes those
    # methods read: a subclass elsewhere that sets one may send another key or
    # to another host
    class_reads: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the configured keys rewritten to the provider's token: (identity, label);
    # two different ones in a tree would be mixed up by one token
    provider_keys: tuple[tuple[str, str], ...] = ()
    # configured keys a use of this module chooses between, or that a use left
    # manual still sends (analysis.sent_keys): with another migrated elsewhere,
    # two portals' keys would become one
    chosen_keys: tuple[str, ...] = ()
    # the keys read from other modules (settings.HUBSPOT_API_KEY): (module, name)
    imported_keys: tuple[tuple[str, str], ...] = ()
    # module-level values that carry the key to requests in other modules
    # (PARAMS = {"hapikey": KEY} in constants.py), migratable if those are
    exports: tuple["Carrier", ...] = ()
    # what became of each use of another module's carrier here
    carrier_uses: tuple["CarrierUse", ...] = ()
    # developer-key subclasses given their base's original methods: (the base's
    # path, its class, the methods copied); the base must change nothing else
    developer_copies: tuple[
        tuple[str, str, tuple[str, ...], tuple[str, ...]], ...
    ] = ()  # (..., the module-level names the copies read: none rebound elsewhere)

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.original


@dataclass(frozen=True)
class Carrier:
    """A module-level value carrying the key, defined in ``path`` (importable as
    ``module``) and sent by other modules: a URL (kind url, its template in
    ``url``) or a params mapping (kind params). ``identity``/``label`` name the
    key as :func:`hapimigrate.analysis.origins.config_key` does. ``blocked``: why
    it cannot change (then its uses are manual sites, so that requests it reaches
    are not half-migrated)."""

    path: str
    module: str
    name: str
    kind: Kind
    identity: str
    label: str
    url: str = ""
    blocked: str = ""
    used_here: bool = False  # its own module sends it too (and migrates that)
    placeholders: bool = False  # a template whose key field its senders fill
    # a function (or class) whose parameter now takes a token, not a key: its
    # callers elsewhere pass the provider's token instead of configured keys
    parameter: str = ""
    position: int = -1  # the parameter's place among positional arguments
    returns: bool = False  # a module-level function returning the value (a URL helper)
    # a function that now sends the token with whatever URL its parameter gets:
    # callers elsewhere must hand it HubSpot URLs only
    helper: bool = False
    # with ``helper``: the function adds the key itself to whatever URL it gets,
    # so every call had it; other modules' calls must give HubSpot's hosts
    own_key: bool = False
    # with ``own_key``: the token goes only where the key's own condition sent
    # it (``if "hubspot" in url:``), other hosts get nothing; but that condition
    # may admit form submissions, which must still not get it
    guarded: bool = False
    # with ``guarded``: the condition may let a form URL through (``"hubspot"
    # in url``), so a caller's URL known only at run time may be one
    admits_forms: bool = False
    # the key is this field of what the parameter gets (``.hubspot_key`` of a
    # config object): callers pass objects, which cannot become the token
    field: str = ""
    # a class whose constructor takes the token: the attributes its requests
    # read through ``self`` (a subclass or an instance setting one changes
    # them) and those holding the key (a subclass reading one gets a token)
    reads: tuple[str, ...] = ()
    holders: tuple[str, ...] = ()
    # a subclass in another module inheriting that constructor: the class it
    # inherits it from (it changes only with it, and its callers with it)
    base: str = ""
    # with ``parameter``: the function also runs in another auth mode without
    # the key (an OAuth branch): callers' configured keys read leniently
    # (``os.getenv``, a name bound to it) become a token read leniently
    optional: bool = False
    # with ``returns``: the function's positional parameters, so that a call
    # giving one that names a host or a key is seen (``api_url(p, MIRROR)``)
    parameters: tuple[str, ...] = ()
    # a session (kind session): why its module cannot give it requests' auth
    # hook, which keeps the token to HubSpot's hosts ("" when it can); whether
    # its own requests need the hook (some go elsewhere), and the HubSpot hosts
    # they name (the hook's)
    unguarded: str = ""
    guarded: bool = False
    hosts: tuple[str, ...] = ()
    # with ``helper``: a function of a module holding no key, made a sink because
    # other modules hand it URLs with the key (:mod:`hapimigrate.tree_wanted`):
    # every call of it must hand it one that migrates; and its request's method
    # (literal, or the parameter and place that give it), for its callers' report
    wanted: bool = False
    method: str = ""
    method_parameter: str = ""
    method_position: int = -1
    # with ``wanted``: the helper's parameter that takes headers, merged into
    # every request it makes (``get_json(url, headers=None)``): its callers
    # handing it keyed URLs pass the header there, the helper stays as it is
    # (:mod:`hapimigrate.fixers.helper_headers`)
    headers: str = ""
    # with ``headers``: its parameter sent only as its requests' params, and
    # its place: a caller's keyed mapping given there drops the key too
    params: str = ""
    params_position: int = -1
    # with ``returns``: the positional parameters of a URL helper of the
    # defining module, whose fields its callers' arguments fill (their endpoints)
    renders: tuple[str, ...] = ()
    # with ``placeholders`` and no key here: the template's literal text and
    # the ``%`` fields of it its senders fill with the key (``1`` of
    # ``"/owners/v2/owners/%s?hapikey=%s"``), for them to drop that argument
    template: str = ""
    key_fields: tuple[int | str, ...] = ()
    # a functools.partial() of a request function binding the key in its
    # params (``post = partial(requests.post, params={"hapikey": KEY})``): the
    # function's name (``post``) and how many arguments it binds by position;
    # its readers' calls are its requests (:mod:`hapimigrate.fixers.partial_readers`)
    partial: str = ""
    partial_bound: int = 0


@dataclass(frozen=True)
class CarrierUse:
    """One use of another module's carrier: its status and reason here."""

    path: str  # the carrier's module
    name: str
    status: Status
    reason: str
    where: str  # "reader.py:12"
    # a helper's call giving it another host's URL (without the key): the helper
    # may still change, if it sends the token to HubSpot's hosts only
    guarded: bool = False
    # a session's: the HubSpot hosts its requests here name, and why they
    # could not be served by the auth hook another module's use may need
    hosts: tuple[str, ...] = ()
    unguardable: str = ""


@dataclass(frozen=True)
class CarrierOutcome:
    """For the defining module: what its readers made of a carrier. ``status``
    REWRITE or KEPT when every use was; MANUAL with ``reason`` otherwise."""

    name: str
    status: Status
    reason: str = ""
    guarded: bool = False  # a helper (a session) some callers give other hosts' URLs
    hosts: tuple[str, ...] = ()  # a session's: the HubSpot hosts its readers name


@dataclass(frozen=True)
class Import:
    """``import module`` when ``name`` is None, else ``from module import name``."""

    module: str
    name: str | None = None


@dataclass(frozen=True)
class TokenProvider:
    """Where migrated code gets its token: ``expression`` evaluates to it at request
    time and needs ``imports``; ``spec`` is what the user wrote."""

    spec: str
    imports: tuple[Import, ...]
    expression: str


@dataclass(frozen=True)
class RunOptions:
    """How every file of a run is processed (not the command line: see cli)."""

    provider: TokenProvider
    verbose: bool = False  # tracebacks for internal errors
    scan_text: bool = False  # check: also non-Python files, and uses the codemod misses
    strict: bool = False  # check --strict: uses in comments and docstrings count too
    protected: frozenset[str] = frozenset()  # key names other modules read
    # where another module reads each protected name ("health.py:7"): its kept
    # definition is reported (python.dead_keys)
    kept_readers: tuple[tuple[str, str], ...] = ()
    # names other modules use so that rewriting them here is unsafe: functions they
    # call with keys, sessions whose headers they replace
    shared_elsewhere: frozenset[str] = frozenset()
    # the tree's configured keys, when it sends more than one: each is manual
    several_keys: tuple[str, ...] = ()
    # key names that are one configured key (HAPIKEY = API_KEY, API_KEY =
    # os.environ.get("HUBSPOT_API_KEY") of a settings module): name -> the key
    key_aliases: tuple[tuple[str, str], ...] = ()
    # key name -> where another module tests it ("settings.py:4"): uses stay manual
    guarded_elsewhere: tuple[tuple[str, str], ...] = ()
    # key name -> where another module sets it (config.KEY = sys.argv[1]): each
    # run's key would become one token; uses stay manual
    written_elsewhere: tuple[tuple[str, str], ...] = ()
    remove_dead_keys: bool = True  # off for notebook cells, which share their names
    # the tree sends its one configured key nowhere any more (tree_token_checks):
    # a module's presence tests of its migrated key test the token instead
    token_checks: bool = False
    # diff/apply --modernize: v3/v4 paths whose 2026-03 twin has identical schemas
    # become date-based paths (sites of kind "version")
    modernize: bool = False
    # HubSpot API calls as sites of kind "call", for their endpoints' lifecycle:
    # CALLS_UNLISTED (report: those no key site lists already), CALLS_DATED
    # (check: every call to an endpoint with an announced date), or "" (none)
    calls: str = ""
    # readers: other modules' carriers this module imports (see Carrier)
    carriers: tuple[Carrier, ...] = ()
    # the defining module: what became of its carriers in the modules sending them
    sent_elsewhere: tuple[CarrierOutcome, ...] = ()
    # readers: the string constants they import from the tree's modules, as the
    # code names them ("HUBSPOT_URL", "http.HUBSPOT_URL") -> their text
    constants: tuple[tuple[str, str], ...] = ()
    # modules whose helpers' callers hand in other modules' URL constants: those
    # constants, known to each run of the module (see tree_handed_urls)
    handed_constants: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    # key settings (HUBSPOT_API_KEY in settings.py) the migrated modules stopped
    # reading, with where another still reads one ("health.py:7"; "": nowhere):
    # those read nowhere go, the others are reported (python.dead_settings)
    dead_settings: tuple[tuple[str, str], ...] = ()
    # helpers of modules holding no key that other modules hand keyed URLs:
    # (path, function), run as sinks of those URLs (see tree_wanted)
    wanted_sinks: tuple[tuple[str, str], ...] = ()
    # tasks the tree enqueues (or names) outside their module: (path, function,
    # where: "beat.py:12"); their key parameters stay manual (see tree_tasks)
    enqueued: tuple[tuple[str, str, str], ...] = ()
    # runner configurations of the walked paths (run.Found.runner_files): the
    # tree-wide pass reports those still setting a migrated key's variable
    runner_files: tuple[str, ...] = ()


CALLS_UNLISTED, CALLS_DATED = "unlisted", "dated"
