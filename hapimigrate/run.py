"""A run: the files below the paths, each through its front end, in a pool.

    discover -> prefilter -> one file (python module | notebook | other text)
             -> FileResult, in the order of the files
             -> the tree-wide pass: key definitions other modules read stay

Nothing here writes files or prints: the commands decide what to do with results.
"""

from __future__ import annotations

import dataclasses
import os
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from hapimigrate import carriers, discover, foreign, prefilter, textscan
from hapimigrate import dataclass_cache, hubspot, keys, name_uses, warm
from hapimigrate.analysis import session_entries, session_uses
from hapimigrate.python import prepare
from hapimigrate.tree_imports import (
    SET_BY,
    env_aliases,
    importable_names,
    imported_names,
    read,
)
from hapimigrate.model import UNPLACED_KEY, FileResult, RunOptions, Status

if TYPE_CHECKING:  # the pool's modules are imported when a pool starts
    from concurrent.futures import Future, ProcessPoolExecutor

# Below this many candidate files a pool costs more than it saves: an extra
# process importing LibCST (150-200 ms) costs more than a handful of candidates
# take (about 13 ms each), more so on a busy machine (the standard library
# without its tests, 797 files and 8 candidates: 0.53 s serial, 0.76 s with the
# pool that used to start at the first candidate, load 2.5).
POOL_THRESHOLD = 16
# From this many candidates the warm process forks a second worker (see
# _warm_candidates): forked from it, a worker costs no import.
WARM_SECOND = 2
# From this many files the workers read them too: the parent hands them out in
# batches of SPLIT_BATCH, and only walks the tree. Reading and
# prefiltering (about 20 files a millisecond) was then the parent's, and the
# workers waited for it (the 10x standard library: 7,970 files, 80 candidates).
SPLIT_FILES = 3000
SPLIT_BATCH = 128
NOT_PYTHON = "not Python: migrate by hand to an Authorization: Bearer header"


@dataclass(frozen=True)
class Found:
    """What discovery yields: the files to process and those passed over."""

    files: tuple[str, ...]
    skipped: tuple[discover.Skipped, ...]
    # a CI job's, a test runner's, a container's configuration: where the old
    # variable may still be set (tree_runner_env), not files to migrate
    runner_files: tuple[str, ...] = ()


def find_files(
    paths: tuple[str, ...], excludes: tuple[str, ...], text_files: bool
) -> Found:
    """The files below ``paths``; raises :class:`discover.MissingPath`."""
    from hapimigrate.runner_files import runner

    files, skipped, runners = [], [], []
    # diff/apply/report also walk the languages with a front end (JavaScript,
    # TypeScript, PHP): migrated with their extra, else named as migratable
    for found in discover.discover(paths, excludes, text_files=True):
        where = found.path if isinstance(found, discover.Skipped) else found
        if isinstance(found, str) and runner(where) is not None:
            runners.append(where)
        if not (
            text_files
            or where in paths
            or prefilter.is_python(where)
            or prefilter.is_notebook(where)
            or foreign.extra_for(where) is not None
            or (isinstance(found, discover.Skipped) and found.error)
        ):
            continue
        if isinstance(found, discover.Skipped):
            skipped.append(found)
        else:
            files.append(found)
    return Found(tuple(files), tuple(skipped), tuple(runners))


def results(
    files: Iterable[str], options: RunOptions, jobs: int | None = None
) -> Iterator[FileResult]:
    """A result per file. A migration that removes dead key definitions waits
    for the tree-wide pass, which keeps those another module may read."""
    files = list(files)
    processed = process_files(files, options, jobs)
    if options.scan_text:
        return map(_without_key_values, processed)  # check rewrites nothing
    return map(_without_key_values, _tree_wide(list(processed), files, options))


def _without_key_values(result: FileResult) -> FileResult:
    """``result`` whose sites' reasons, which may quote the code, show no
    hard-coded key's value (``several keys are sent ('0f1e...', ...)``): every
    report, log and baseline is made from these."""
    sites = tuple(
        dataclasses.replace(site, reason=keys.without_values(site.reason))
        for site in result.sites
    )
    if all(new.reason == old.reason for new, old in zip(sites, result.sites)):
        return result
    return dataclasses.replace(result, sites=sites)


def _tree_wide(
    first: list[FileResult], files: list[str], options: RunOptions
) -> Iterator[FileResult]:
    """The tree-wide passes: carriers across modules (:mod:`hapimigrate.carriers`),
    then the names other modules read (:func:`_keep_keys_read_elsewhere`). The
    second may leave a use the first migrated; such a carrier is refused and
    both run again (a carrier is refused at most once, so this ends)."""
    try:
        return _passes(first, files, options)
    except Exception as error:  # a bug of ours must not stop the run, nor write
        detail = (
            traceback.format_exc()
            if options.verbose
            else f"{type(error).__name__}: {error}"
        )
        return iter(
            [
                (
                    dataclasses.replace(
                        r, new=None, error=f"internal error (tree-wide pass): {detail}"
                    )
                    if r.changed or r.exports
                    else r
                )
                for r in first
            ]
        )


def _passes(
    first: list[FileResult], files: list[str], options: RunOptions
) -> Iterator[FileResult]:
    # the tree-wide passes' modules: not imported by a run that has none (check)
    from hapimigrate import tree_developer, tree_settings, tree_values, tree_writers
    from hapimigrate import tree_sdk_reads
    from hapimigrate import tree_leftovers
    from hapimigrate import tree_runner_env
    from hapimigrate import tree_endpoints
    from hapimigrate import tree_returned_keys
    from hapimigrate import tree_hosts
    from hapimigrate import tree_instances
    from hapimigrate import tree_wrapper_hosts
    from hapimigrate import tree_wanted
    from hapimigrate import tree_tasks
    from hapimigrate import tree_tests
    from hapimigrate import tree_token_checks
    from hapimigrate import tree_handed_urls
    from hapimigrate.analysis import auth_producers

    refused: dict[carriers.Key, str] = {}
    searched: dict[tuple[str, str], str | None] = {}  # tasks' producers
    everything = frozenset((c.path, c.name) for r in first for c in r.exports)
    # one key under two names (HAPIKEY = API_KEY) is one key, not two portals
    first, options = _names_of_one_key(first, files, options)
    # helpers sending URLs their callers take from other modules' constants
    first, options = tree_handed_urls.prepare(first, files, options, process_file)
    # another module setting a key's variable (a runner, a CLI): its readers stay
    first, options, writes = tree_writers.prepare(first, files, options, process_file)
    # helpers of keyless modules that other modules hand keyed URLs: sinks now
    first, options, wanted = tree_wanted.prepare(first, files, options, process_file)
    everything |= {(c.path, c.name) for r in first for c in r.exports}
    while True:
        step = carriers.resolve(first, files, options, process_file, refused)
        # a task another file enqueues: its key parameter stays, the step again
        queued = tree_tasks.enqueued(step.results, files, options, searched)
        if queued:
            options = dataclasses.replace(
                options, enqueued=(*options.enqueued, *queued)
            )
            again = {path for path, _, _ in queued}
            first = [
                process_file(r.path, options) if r.path in again else r for r in first
            ]
            continue
        # a reader may hand a helper a URL another module returns: asked then
        grown = tree_wanted.prepare(
            first, files, options, process_file, wanted, step.results
        )
        if grown[2].tried != wanted.tried:  # a helper more: the step again
            first, options, wanted = grown
            everything |= {(c.path, c.name) for r in first for c in r.exports}
            continue
        wanted = grown[2]  # with the calls the readers showed, for the reasons
        asked: dict[str, RunOptions] = {}
        final = list(
            _keep_keys_read_elsewhere(
                step.results,
                files,
                options,
                step.options,
                frozenset(step.migrated),
                asked,
            )
        )
        # modules other modules use for developer-key APIs stay as they are, as
        # do readers of a set variable that a fixer rewrote all the same
        final = tree_developer.hold_developer_uses(
            final, _as_migrated(writes.developer, final), files
        )
        # and those whose requests read a value another module changes
        final = tree_values.hold_changed_values(final, files)
        # or whose SDK client's api_key another module reads (None after)
        final = tree_sdk_reads.hold_key_reads(final, files)
        # or a base URL its own module rebinds at run time (global, globals())
        final = tree_hosts.hold_rebound_hosts(final, files)
        # or one another module changes, read through a helper of a third
        final = tree_hosts.hold_helper_hosts(final, files)
        # or a client class whose instances other modules reach out of the
        # carriers step's sight and redirect, or read the key holder of
        final = tree_instances.hold_escaped_instances(final, files)
        # or a wrapper handed another host's URL, or a form submission's
        final = tree_wrapper_hosts.hold_handed_hosts(final, files)
        final = tree_writers.hold_readers(final, writes)
        # a developer-key subclass given its base's original methods: only
        # where the base's migration changed nothing else
        final = _hold_unsafe_copies(final, files)
        # a function or class taking a token now, one of whose own uses of the
        # key is left for a person: that use would get the token as a key
        final = _hold_half_migrated_owners(final)
        # one web-session entry sent by several views: all migrate, or none
        final = session_entries.hold_split_entries(final)
        undone = carriers.broken(final, step.migrated)
        if not undone or set(refused) >= everything:
            # a module reading another's host constant that may be another host
            # run again, a file keeps what the tree-wide pass asked of it
            per_path = {**step.options, **asked}
            final = _imported_hosts(list(final), files, options, per_path)
            # a start-up check of a key whose every send reads the token now
            # tests the token, and the key's definition may go (below)
            final = tree_token_checks.rewrite_checks(
                final, files, options, per_path, process_file, _original_place
            )
            # a module a pass above held stays held (review 17's T20)
            was = {r.path: r.changed for r in step.results}
            held = frozenset(r.path for r in final if was.get(r.path) and not r.changed)
            final = tree_settings.resolve(
                final, files, options, per_path, process_file, held
            )
            final = tree_writers.reword(final, writes)
            final = tree_wanted.reword(final, wanted)  # helpers not wanted: why
            # a function returning the key, called only by other modules: where
            final = tree_returned_keys.reword(final, files)
            # auth helpers handing out the key as request kwargs (auth_producers)
            final = auth_producers.migrate(list(final), files, options)
            # tests expecting the key of code migrated here: the token, if proven
            final = tree_tests.rewrite_tests(list(final), files, options)
            # what still reads or sets the old variable, said
            # a wrapper's endpoints, from its calls in other modules (report)
            final = tree_endpoints.resolve(list(final), files)
            final = tree_leftovers.report(final, files)
            # CI jobs, test runners, containers setting the old variable
            return iter(tree_runner_env.report(final, options))
        refused = {**undone, **refused}  # a carrier is refused at most once


HALF_MIGRATED = (
    "migrating this would make {} take a token (its callers would pass tokens), "
    "but its use of the key at line {} is left for a person: that use would get "
    "the token as a key, so nothing in this module changes; its uses change "
    "together, by hand"
)


def _hold_half_migrated_owners(results: list[FileResult]) -> list[FileResult]:
    """A module whose rewrite makes a function or class take a token (its
    callers pass tokens now) while one of that owner's own sites stays for a
    person: the caller's token would reach that site, which still sends it as
    ``hapikey`` (review 17's T5). Such a module stays as it is."""
    from hapimigrate.tree_hold import hold

    out = []
    for result in results:
        left = [
            s
            for owner in result.token_parameters
            if result.changed
            for s in result.sites
            if s.status == Status.MANUAL
            and (s.enclosing == owner or s.enclosing.startswith(owner + "."))
        ]
        if left:
            owner = left[0].enclosing.split(".")[0]
            reason = HALF_MIGRATED.format(owner, left[0].line)
            result = hold(result, lambda site: None, reason)
        out.append(result)
    return out


def _as_migrated(
    texts: Iterable[tuple[str, bytes]], results: list[FileResult]
) -> list[tuple[str, bytes]]:
    """Each module's text as the results leave it: a developer-key call that
    now calls its own copy of a helper (``call_with_developer_key``) no longer
    uses the helper."""
    new = {r.path: r.new for r in results if r.changed and r.new is not None}
    return [(path, new.get(path, data)) for path, data in texts]


def _rebound(
    names: tuple[str, ...], home: str, files: list[str], reached: str = ""
) -> str | None:
    """Where a module other than ``home`` rebinds one of ``names``, the names
    the copies read (``base.API_ROOT = url``, ``setattr(base, "API_ROOT", ...)``,
    ``mock.patch("app.base.requests")``): the copies read their own module's
    binding, which is not changed; or reaches a copied method through the
    class's name (``reached``: ``BaseClient.(_call)``), which runs the base's."""
    import builtins

    names = tuple(n for n in names if not hasattr(builtins, n))
    words = "|".join(re.escape(n) for n in names)
    stem = re.escape(os.path.splitext(os.path.basename(home))[0])
    patterns = [reached] if reached else []
    if names:
        patterns += [
            rf"\.\s*(?:{words})\s*=(?!=)",
            rf"setattr\([^)\n]*['\"](?:{words})['\"]",
            rf"['\"](?:[\w.]*\.)?{stem}\.(?:{words})['\"]",  # patch("app.base.requests")
        ]
    if not patterns:
        return None
    written = re.compile("|".join(patterns).encode())
    for path in files:
        if os.path.abspath(path) == os.path.abspath(home):
            continue
        data = _read(path)
        found = written.search(data) if data else None
        if found:
            line = data.count(b"\n", 0, found.start()) + 1
            return f"{os.path.basename(path)}:{line}, which rebinds or reaches what they read"
    return None


def _bound_twice(result: FileResult, names: tuple[str, ...]) -> str | None:
    """A name the copies read that the module's migrated text binds twice (its
    own migration imports ``Request`` too): which one the copies get is not
    the one they read before."""
    from hapimigrate.python import developer_split

    import libcst as cst

    try:
        bound = developer_split.module_bindings(cst.parse_module(result.new or b""))
    except cst.ParserSyntaxError:
        return "its migrated text"
    twice = sorted(n for n in names if bound.get(n) == "several")
    return (
        f"{twice[0]}, bound twice in this module after the migration" if twice else None
    )


def _hold_unsafe_copies(
    results: list[FileResult], files: list[str]
) -> list[FileResult]:
    """A module whose developer-key subclass took copies of its base's methods
    (:mod:`hapimigrate.python.developer_split`) stays as it is when the base's
    migration changed more than those methods (its constructor, a helper they
    call): the copies would not keep the subclass's requests as they were. Its
    carrier uses undone, the carriers step blocks the base."""
    if not any(r.developer_copies for r in results):
        return results
    from hapimigrate.python import developer_split
    from hapimigrate.tree_hold import hold

    by_path = {os.path.abspath(r.path): r for r in results}
    out = []
    for result in results:
        for base_path, base_class, methods, imported in result.developer_copies:
            base = by_path.get(os.path.abspath(base_path))
            if base is None or base.original is None or base.error:
                what = "its module"
            elif not base.changed:
                what = "nothing (it stays as it is)"
            elif base_class.endswith("()"):  # a function copied for a caller
                what = developer_split.function_changed_elsewhere(
                    base.original, base.new, base_class[:-2], methods
                )
            else:
                what = developer_split.changed_elsewhere(
                    base.original, base.new, base_class, methods
                )
            reached = (
                ""
                if base_class.endswith("()")
                else rf"\b{re.escape(base_class)}\s*\.\s*(?:"
                + "|".join(map(re.escape, methods))
                + r")\b"
            )
            what = (
                what
                or _rebound(imported, base_path, files, reached)
                or _bound_twice(result, imported)
            )
            if what is not None and base_class.endswith("()"):
                reason = COPY_UNSAFE.format(base_class, what)
                result = hold(result, lambda site: None, reason)
                break
            if what is not None:
                reason = COPIES_UNSAFE.format(base_class, what, ", ".join(methods))
                result = hold(result, lambda site: None, reason)
                break
        out.append(result)
    return out


COPY_UNSAFE = (
    "the migration of {} changes {} too, so the copy made here for the "
    "developer key would not send as before: split its calls by hand"
)
COPIES_UNSAFE = (
    "the migration of {} changes {} too, so a developer-key subclass keeping "
    "copies of its {} would not send as before: split its requests by hand"
)


def _imported_hosts(
    results: list[FileResult],
    files: list[str],
    options: RunOptions,
    per_path: dict[str, RunOptions],
) -> list[FileResult]:
    """A rewritten module that imports another module's URL constant whose
    value may be another host (``if MOCK: BASE_URL = "http://mock..."``) is
    decided again knowing it; only a module no carrier ties to others (its
    result stands alone)."""
    from hapimigrate import hubspot
    from hapimigrate.tree_imports import imported_constants, modules_of

    modules: dict[str, str] | None = None
    out = []
    for result in results:
        if result.changed and not (result.exports or result.carrier_uses):
            if modules is None:
                modules = modules_of(files)
            known = imported_constants(result.path, modules)
            hosts = [hubspot.host(value) for _, value in known]
            if any(h is not None and not hubspot.is_hubspot_host(h) for h in hosts):
                base = per_path.get(result.path, options)
                again = process_file(
                    result.path, dataclasses.replace(base, constants=known)
                )
                result = _held_by(result, again)
        out.append(result)
    return out


def _held_by(result: FileResult, again: FileResult) -> FileResult:
    """``result`` unchanged, its rewrites manual, where deciding ``again``
    (knowing more) leaves one of them for a person: the reason is that one's."""
    left = {
        (s.line, s.column): s.reason for s in again.sites if s.status == Status.MANUAL
    }
    turned = [
        s
        for s in result.sites
        if s.status == Status.REWRITE and (s.line, s.column) in left
    ]
    if again.error or not turned:
        return result
    first = left[(turned[0].line, turned[0].column)]
    sites = tuple(
        (
            dataclasses.replace(
                s, status=Status.MANUAL, reason=left.get((s.line, s.column), first)
            )
            if s.status == Status.REWRITE
            else s
        )
        for s in result.sites
    )
    return dataclasses.replace(result, new=None, sites=sites)


def _names_of_one_key(
    first: list[FileResult], files: list[str], options: RunOptions
) -> tuple[list[FileResult], RunOptions]:
    """A module that sends ``config.API_KEY`` and ``config.HAPIKEY`` was told
    they are several keys; where the tree says they are one (``HAPIKEY =
    API_KEY``, both the same variable: ``tree_imports.env_aliases``), it is
    decided again knowing it, and so is every later run of the tree's passes."""
    from hapimigrate.decide import SEVERAL_KEYS

    several = SEVERAL_KEYS[: SEVERAL_KEYS.index("{")]
    told = [
        i
        for i, r in enumerate(first)
        if any(s.reason.startswith(several) for s in r.sites)
    ]
    if not told:
        return first, options
    aliases = env_aliases(files)
    if not aliases:
        return first, options
    options = dataclasses.replace(options, key_aliases=tuple(sorted(aliases.items())))
    first = list(first)
    for i in told:
        first[i] = process_file(first[i].path, options)
    return first, options


def process_file(path: str, options: RunOptions) -> FileResult:
    """Read, migrate and describe one file. Never raises for bad input."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return FileResult(path, error=f"cannot read: {error.strerror or error}")
    return _process_data(path, data, options)


def _process_data(
    path: str, data: bytes, options: RunOptions, part: object = prepare.UNSLICED
) -> FileResult:
    """process_file of the bytes read; ``part``: see :func:`_prepared`."""
    try:
        wanted = options.carriers or options.dead_settings or options.sent_elsewhere
        wanted = wanted or any(p == path for p, _ in options.wanted_sinks)
        if not wanted and not prefilter.may_hold_site(path, data):
            return FileResult(path)
        if prefilter.is_notebook(path):
            dataclass_cache.import_codemod()  # LibCST only when needed
            from hapimigrate.python import notebooks

            return notebooks.process_notebook(path, data, options)
        if prefilter.is_python(path):
            dataclass_cache.import_codemod()
            from hapimigrate.python import module

            # check reads only the sites and errors of a file (not a
            # notebook's cells, spliced back by their rewrite)
            return module.process_source(
                path, data, options, part, findings_only=options.scan_text
            )
        return _text_file(path, data, options)
    except RecursionError:
        return textscan.unparsed(path, data, "too deeply nested to parse", options)
    except Exception as error:  # a bug of ours must not stop the run
        detail = (
            traceback.format_exc()
            if options.verbose
            else f"{type(error).__name__}: {error}"
        )
        return FileResult(path, original=data, error=f"internal error: {detail}")


def _text_file(path: str, data: bytes, options: RunOptions) -> FileResult:
    """A file that is not Python: a language with a front end (JavaScript,
    TypeScript, PHP) goes through it when its extra is installed; else only
    ``check`` looks inside, and diff/apply say which extra would migrate it."""
    syntax = textscan.family(path)
    if syntax is None or b"\0" in data:
        return FileResult(path)
    language = foreign.front_end(path)
    if language is not None:
        return language.process(path, data, options)
    extra = foreign.extra_for(path)
    if not options.scan_text and extra is None:
        return FileResult(path)
    hint = f'; pip install "hapimigrate[{extra}]" migrates this file' if extra else ""
    text = data.decode("utf-8", errors="replace")
    sites = textscan.text_sites(
        path, text, syntax, Status.MANUAL, NOT_PYTHON + hint, strict=options.strict
    )
    if hint:  # an SDK client's advice too
        sites = [
            (
                s
                if s.reason.endswith(hint) or s.status != Status.MANUAL
                else dataclasses.replace(s, reason=s.reason + hint)
            )
            for s in sites
        ]
    return FileResult(path, tuple(sites), original=data)


def process_files(
    paths: Iterable[str], options: RunOptions, jobs: int | None = None
) -> Iterator[FileResult]:
    """A result per path: files that cannot hold a site first (one cheap read,
    here), then the candidates in the order of ``paths``, in other processes
    when that pays.

    When the command forked warm workers as it started (:mod:`hapimigrate.warm`),
    they take the candidates, however few: they imported LibCST while this
    process read the files. Else a pool starts while the files are still being
    read, once POOL_THRESHOLD candidates are found. With SPLIT_FILES files or
    more, the workers read them too (:func:`_split`). Which files go to other
    processes decides nothing about their results, nor their order, only where
    they are made."""
    paths = list(paths)
    workers = jobs or os.cpu_count() or 1
    ready = warm.take()  # the workers the command forked as it started
    if ready is not None and workers < 2:
        ready.close()
        ready = None
    if workers > 1 and len(paths) >= SPLIT_FILES:
        yield from _split(paths, options, workers, ready)
        return
    if ready is not None:
        yield from _warm_candidates(paths, options, workers, ready)
        return
    candidates: list[str] = []
    pool: ProcessPoolExecutor | None = None
    futures: list[Future[FileResult]] = []
    try:
        for path in paths:
            if not _candidate(path):
                yield FileResult(path)
                continue
            candidates.append(path)
            if pool is None and workers > 1 and len(candidates) >= POOL_THRESHOLD:
                from concurrent.futures import ProcessPoolExecutor

                pool = ProcessPoolExecutor(max_workers=workers)
                futures = [pool.submit(process_file, p, options) for p in candidates]
            elif pool is not None:
                futures.append(pool.submit(process_file, path, options))
        if pool is None:
            for path in candidates:
                yield process_file(path, options)
            return
        for future in futures:
            yield future.result()
    finally:
        if pool is not None:
            for future in futures:
                future.cancel()
            pool.shutdown(wait=True)


def _warm_candidates(
    paths: list[str], options: RunOptions, workers: int, ready: warm.Warm
) -> Iterator[FileResult]:
    """process_files with the warm workers (:mod:`hapimigrate.warm`): the warm
    process imported LibCST while this one read the files, and takes the
    candidates, with a second worker it forks from two candidates on where a
    core is free (there, the standard library's 8 candidates take about 50 ms
    less; the pages both processes then copy as they write cost about 30 ms
    of CPU, 8% of the run). This process prepares the candidates as it hands
    them out (see _Handed)."""
    candidates: list[tuple[str, bytes | None]] = []
    for path in paths:
        data = _read(path)
        if data is None or prefilter.may_hold_site(path, data):
            candidates.append((path, data))
        else:
            yield FileResult(path)
    several = workers if len(candidates) >= WARM_SECOND and _spare_core() else 1
    items = _Handed(candidates, options)
    yield from ready.map(_process_handed, items, options, several)


def _spare_core() -> bool:
    """Whether the machine has a core to spare for a second worker: its
    1-minute load average below its cores (where it cannot be read, assumed).
    On a busy machine the second worker saves nothing and its copied pages
    cost CPU (the standard library at load 16: 1.72 -> 1.95 s)."""
    try:
        load = os.getloadavg()[0]
    except (OSError, AttributeError):
        return True
    return load < (os.cpu_count() or 1)


class _Handed:
    """The warm workers' tasks (a sequence), made as they are handed out: the
    first a path (a worker may be waiting for it), each later one the file's
    bytes read here and, for a Python candidate, its part for LibCST
    (:func:`_prepared`), made while the workers take the earlier ones."""

    def __init__(self, candidates: list[tuple[str, bytes | None]], options: RunOptions):
        self.candidates = candidates
        self.options = options
        self.handed = 0

    def __len__(self) -> int:
        return len(self.candidates)

    def __getitem__(self, index: int) -> str | tuple:
        path, data = self.candidates[index]
        self.handed += 1
        if self.handed == 1 or data is None:
            return path
        part = _prepared(path, data, self.options)
        return (path, data) if part is prepare.UNSLICED else (path, data, part)


def _prepared(path: str, data: bytes, options: RunOptions) -> object:
    """:func:`prepare.reduced` of a Python candidate the codemod takes, as
    process_file would make it (else UNSLICED: made where it is needed, or
    not at all; and where it raises, so that the error is reported as
    process_file reports it)."""
    if not prefilter.is_python(path) or not prepare.needs_codemod(data, options):
        return prepare.UNSLICED
    try:
        return prepare.reduced(data, options)
    except Exception:
        return prepare.UNSLICED


def _process_handed(item: str | tuple, options: RunOptions) -> FileResult:
    """In a warm worker: process_file of a path, or of the bytes the parent
    read, with the part it made for LibCST if it made one."""
    if isinstance(item, str):
        return process_file(item, options)
    return _process_data(*item[:2], options, *item[2:])


def _read(path: str) -> bytes | None:
    """The file's bytes; None if unreadable (process_file reports it). By the
    descriptor, in one read of the size the file has (and one more that finds
    its end), without a file object: a third less time than ``open().read()``
    on the 10x standard library's 8,000 files."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        chunks = [os.read(fd, os.fstat(fd).st_size + 1)]
        while chunks[-1]:  # until the end, as open().read() reads
            chunks.append(os.read(fd, 1 << 20))
        return chunks[0] if len(chunks) == 2 else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _split(
    paths: list[str],
    options: RunOptions,
    workers: int,
    ready: warm.Warm | None = None,
) -> Iterator[FileResult]:
    """process_files for a big tree: the workers read the files too, a batch at
    a time; the results come back in process_files' order (the files that
    cannot hold a site as their batches come back, then the candidates). The
    warm workers when there are (``ready``), else a pool."""
    chunks = [
        paths[start : start + SPLIT_BATCH]
        for start in range(0, len(paths), SPLIT_BATCH)
    ]
    if ready is not None:
        held: list[FileResult] = []
        for batch in ready.map(_batch, chunks, options, workers):
            for candidate, result in batch:
                if candidate:
                    held.append(result)
                else:
                    yield result
        yield from held
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers)
    batches: list[Future[list[tuple[bool, FileResult]]]] = []
    held = []
    try:
        for chunk in chunks:
            batches.append(pool.submit(_batch, chunk, options))
        for batch in batches:
            for candidate, result in batch.result():
                if candidate:
                    held.append(result)
                else:
                    yield result
        yield from held
    finally:
        for batch in batches:
            batch.cancel()
        pool.shutdown(wait=True)


def _batch(paths: list[str], options: RunOptions) -> list[tuple[bool, FileResult]]:
    """In a worker: each file's result, and whether it was a candidate (an
    unreadable file is one: process_file reports it); each file read once."""
    done = []
    for path in paths:
        data = _read(path)
        if data is None:
            done.append((True, process_file(path, options)))
        elif prefilter.may_hold_site(path, data):
            done.append((True, _process_data(path, data, options)))
        else:
            done.append((False, FileResult(path)))
    return done


def _candidate(path: str) -> bool:
    """Whether a file may hold a site; unreadable files are candidates, so that
    process_file reports them."""
    data = _read(path)
    return data is None or prefilter.may_hold_site(path, data)


def _keep_keys_read_elsewhere(
    results: Iterable[FileResult],
    files: list[str],
    options: RunOptions,
    per_path: dict[str, RunOptions] | None = None,
    carried: frozenset[tuple[str, str]] = frozenset(),
    asked_out: dict[str, RunOptions] | None = None,
) -> Iterator[FileResult]:
    """The tree-wide pass. A file's rewrite may depend on what other modules of
    the tree do with its names: a dead key definition they read must stay; a
    function whose parameter now carries a token must not be called by them (they
    may pass configured keys); a session given a header must not have its headers
    replaced by them. Another module counts when it names both the thing and the
    defining module. Such files are migrated again, knowing it; other results pass
    straight through, and these come last, once the tree has been searched.
    ``asked_out`` gets the options each file migrated again was run with (a
    later pass running one again must keep what they say: its key definitions
    other modules read)."""
    from hapimigrate import tree_handed, tree_settings
    from hapimigrate.analysis import session_proof

    deferred = []
    ahead = []  # passed through, in order; a file deferred only for its classes
    # keeps its place among them (the others come last, as they always did)
    handed: dict[str, tuple[tree_handed.Handing, ...]] = {}
    for result in results:
        # functions taking what other modules' callers hand in (their headers,
        # their own key): a caller's credential must not meet the token
        handed[result.path] = tree_handed.handing(result)
        if (
            result.removed_keys
            or result.token_parameters
            or result.session_headers
            or result.session_factories
            or result.parameter_hosts
            or result.parameter_sessions
            or result.session_classes
            or result.provider_keys
        ):
            deferred.append(result)
        elif result.class_reads or handed[result.path]:
            deferred.append(result)
            ahead.append(result)
        else:
            ahead.append(result)
    if not deferred:
        yield from ahead
        return
    # two configured keys anywhere in the tree (settings.HUBSPOT_API_KEY here,
    # settings.HUBSPOT_SANDBOX_API_KEY there) must not become one token
    identities = {
        key
        for r in deferred
        for key, _ in r.provider_keys
        if not key.startswith(UNPLACED_KEY)  # a free name may be any of them
    }
    if identities:  # keys a use chooses between, left manual: sent all the same
        identities |= {key for r in (*ahead, *deferred) for key in r.chosen_keys}
    if len(identities) > 1:
        # crm.API_KEY elsewhere is API_KEY = os.environ.get("HUBSPOT_API_KEY") of crm
        aliases = env_aliases(files)
        identities = {aliases.get(key, key) for key in identities}
    several = (
        tuple(sorted({label for r in deferred for _, label in r.provider_keys}))
        if len(identities) > 1
        else ()
    )
    if 0 < len(several) < len(identities):  # KEY here and KEY there: by what they read
        several = tuple(sorted(identities))
    stems = {r.path: importable_names(r.path) for r in deferred}
    # developer-key subclasses keeping copies of their base's requests (no token)
    from hapimigrate.python.developer_split import kept_subclasses

    keeping = kept_subclasses({id(r): r for r in (*ahead, *deferred)}.values())
    # the names whose use elsewhere matters: few and distinctive, so each file is
    # scanned for them only (a byte scan, then a word-boundary check where found);
    # whether a file that names one imports the module is asked of it alone
    needed: set[bytes] = set()
    for r in deferred:
        needed |= {n.encode() for n in (*r.removed_keys, *r.token_parameters)}
        needed |= {s.encode() for s in (*r.session_headers, *r.session_factories)}
        needed |= {f.encode() for f in r.parameter_hosts}
        needed |= {
            w.encode() for e in r.parameter_sessions for w in session_proof.words(e)
        }
        needed |= {c.encode() for c, _ in (*r.class_reads, *r.session_classes)}
        needed |= {b"getattr"} if r.token_parameters else set()
        needed |= {name.encode() for _, name in r.imported_keys}
        needed |= {h.word.encode() for h in handed[r.path]}
    bounded = {w: re.compile(rb"\b" + re.escape(w) + rb"\b") for w in needed}
    containing: dict[bytes, set[str]] = {}  # name -> the files that hold it
    texts: dict[str, bytes] = {}
    for path in files if needed else ():
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        words = {w for w in needed if w in data and bounded[w].search(data)}
        for word in words:
            containing.setdefault(word, set()).add(path)
        if words:
            texts[path] = data
    # the modules other modules read keys from (settings.py), by importable name
    wanted = {module for r in deferred for module, _ in r.imported_keys}
    files_named: dict[str, list[str]] = {}
    for path in files:
        stem = os.path.splitext(os.path.basename(path))[0]
        if stem in wanted:
            files_named.setdefault(stem, []).append(path)
    imports: dict[str, set[bytes]] = {}

    def imported(reader: str) -> set[bytes]:
        if reader not in imports:
            imports[reader] = imported_names(texts[reader], reader)
        return imports[reader]

    first_pass = {r.path: r for r in (*ahead, *deferred)}
    migrated_texts = _MigratedTexts(texts, first_pass)
    read_once: dict[str, bytes] = {}

    def source(path: str) -> bytes:
        """A file's original text, read once for the pass."""
        if path in texts:
            return texts[path]
        if path not in read_once:
            read_once[path] = read(path)
        return read_once[path]

    def holding(word: str) -> set[str]:
        """The files whose text names ``word`` (every file read for a word
        the scan above did not look for)."""
        if word.encode() in needed:
            return containing.get(word.encode(), set())
        pattern = re.compile(rb"\b" + re.escape(word.encode()) + rb"\b")
        return {p for p in files if pattern.search(source(p))}

    readers_migrated: dict[str, dict[str, set[str]]] = {}
    asked: dict[str, RunOptions] = {}
    again = {}
    for result in deferred:
        path = result.path

        def named(name: str) -> set[str]:
            """Other modules that name ``name`` and import this module."""
            return {
                reader
                for reader in containing.get(name.encode(), set()) - {path}
                if any(s.encode() in imported(reader) for s in stems[path])
            }

        # another module naming the key only as its variable (os.environ["KEY"])
        # does not read this module's definition (first_reader: ""), nor does one
        # whose migration drops its reads (checked again on its final text below)
        first_readers = {
            k: _original_place(
                tree_settings.first_reader(k, named(k), migrated_texts),
                named(k),
                migrated_texts,
                texts,
            )
            for k in result.removed_keys
            if named(k)
        }
        protected = frozenset(k for k, where in first_readers.items() if where)
        kept_readers = tuple((k, first_readers[k]) for k in sorted(protected))
        readers_migrated[path] = {
            k: named(k)
            for k, where in first_readers.items()
            if not where and tree_settings.first_reader(k, named(k), texts)
        }
        shared = {
            f
            for f in result.token_parameters
            if (path, f) not in carried  # its callers were given tokens
            and any(name_uses.may_pass_arguments(r, texts[r], f) for r in named(f))
        }
        # getattr(tasks, name)(KEY): a module calling this one's functions by
        # name may pass any of them a configured key
        if any(
            re.search(
                rb"\bgetattr\(\s*(?:"
                + b"|".join(re.escape(s.encode()) for s in stems[path])
                + rb")\s*,",
                texts[r],
            )
            for r in named("getattr")
        ):
            shared |= set(result.token_parameters)
        shared |= {
            s
            for s in result.session_headers
            if any(session_uses.replaces_headers(texts[r], s) for r in named(s))
            or (
                (path, s) not in carried  # its readers' requests were looked at
                and any(
                    session_uses.requests_elsewhere(texts[r], s)
                    or session_uses.handed_on(texts[r], s) is not None
                    for r in named(s)
                )
            )
        }
        # a session made by a function other modules call: they may send it
        # anywhere (their requests are not followed)
        shared |= {f for f in result.session_factories if named(f)}
        # a function whose request's host comes from its parameters, called by
        # other modules: they may give it any host
        shared |= {f"hosts:{f}" for f in result.parameter_hosts if named(f)}
        # a function sending through the session its callers hand in: what
        # other modules' calls hand it must be shown to be plain clients
        shared |= session_proof.elsewhere(
            path, result.parameter_sessions, holding, source
        )
        # a class holding the session: other modules' instances of it must send
        # to HubSpot only, and stay where they are made
        shared |= {
            f"{c}()"  # its instances
            for c, attribute in result.session_classes
            if any(
                session_uses.held_elsewhere(texts[r], c, attribute) is not None
                for r in named(c)
            )
        }
        # a subclass elsewhere that sets an attribute the rewritten class reads
        # (its key, its base URL) would send another key, or to another host
        shared |= {
            c
            for c, attributes in result.class_reads
            if any(
                _overrides(texts[r], c, attributes, keeping.get(_split_key(r, path, c)))
                for r in named(c)
            )
            or _overridden_below(c, attributes, named(c), source, files)
        }
        # an instance's key attribute read elsewhere (c.api_key sent to an audit
        # log): it holds the token now
        shared |= {
            f"{c}.{held}"
            for c, attributes in result.class_reads
            if c in result.token_parameters  # its constructor's key is a token now
            for r in named(c)
            for held in _key_reads(texts[r], c, attributes)
        }
        # a caller elsewhere handing a rewritten function its own credential
        # (a method's: in its class's whole hierarchy, mixins, their users)
        shared |= {
            found
            for h in handed[path]
            for r, text in tree_handed.callers(path, h, named(h.word), texts, files)
            for found in tree_handed.handed_in(r, text, h)
        }
        mixed = several if result.provider_keys else ()
        guarded = tuple(
            (name, where)
            for module, name in result.imported_keys
            for where in _guards_in(files_named.get(module, ()), name, texts)[:1]
        )
        # config.HUBSPOT_KEY = sys.argv[1] in another module: a key per run
        written = tuple(
            (name, where)
            for module, name in result.imported_keys
            for where in _attribute_writes(
                sorted(containing.get(name.encode(), set()) - {path}),
                module,
                name,
                texts,
            )[:1]
        )
        asked[path] = dataclasses.replace(
            (per_path or {}).get(path, options),
            protected=protected,
            kept_readers=kept_readers,
            shared_elsewhere=frozenset(shared),
            several_keys=mixed,
            guarded_elsewhere=(  # and the variables other modules set
                *guarded,
                *(per_path or {}).get(path, options).guarded_elsewhere,
            ),
            written_elsewhere=written,
        )
        if protected or shared or mixed or guarded or written:
            again[path] = process_file(path, asked[path])
    # a reader whose migration was to drop its reads of a key may read it still
    # (run again above, its sites left for a person): the definition stays
    final_texts = _MigratedTexts(texts, {**first_pass, **again})
    for path, keys in readers_migrated.items():
        late = {
            k: _original_place(where, readers, final_texts, texts)
            for k, readers in keys.items()
            for where in [tree_settings.first_reader(k, readers, final_texts)]
            if where
        }
        if late:
            before = asked[path]
            asked[path] = dataclasses.replace(
                before,
                protected=before.protected | frozenset(late),
                kept_readers=tuple(sorted((*before.kept_readers, *late.items()))),
            )
            again[path] = process_file(path, asked[path])
    if asked_out is not None:
        asked_out.update((path, asked[path]) for path in again)
    in_place = {id(r) for r in ahead}
    yield from (again.get(r.path, r) for r in ahead)
    yield from (again.get(r.path, r) for r in deferred if id(r) not in in_place)


def _original_place(
    where: str, paths: Iterable[str], after: Mapping[str, bytes], before: dict
) -> str:
    """``digest.py:7`` of a migrated text as the line of the original text
    that reads the same (the migration adds imports above it); unchanged when
    the line is not found there."""
    marked = where.startswith(SET_BY)
    place = where[len(SET_BY) :] if marked else where
    base, _, number = place.rpartition(":")
    if not number.isdigit():
        return where
    for path in sorted(paths):
        if os.path.basename(path) != base:
            continue
        lines = after[path].split(b"\n")
        line = lines[int(number) - 1] if int(number) <= len(lines) else None
        original = before.get(path, b"").split(b"\n")
        if line is not None and line in original:
            found = f"{base}:{original.index(line) + 1}"
            return SET_BY + found if marked else found
    return where


class _MigratedTexts(Mapping[str, bytes]):
    """The texts of the files that name a needed word, as ``results`` leave
    them (the original text of a file they do not change, or whose rewrite a
    suppression comment holds back: ``diff``/``apply`` honour those later)."""

    def __init__(self, texts: dict[str, bytes], results: dict[str, FileResult]):
        self.texts, self.results = texts, results
        self._honoured: dict[str, bytes | None] = {}  # each file's, once

    def __getitem__(self, path: str) -> bytes:
        from hapimigrate import suppress

        if path not in self._honoured:
            result = self.results.get(path)
            new = None
            if result is not None and result.changed and result.new is not None:
                honoured = suppress.honour(result).result
                new = honoured.new if honoured.changed else None
            self._honoured[path] = new
        new = self._honoured[path]
        return new if new is not None else self.texts[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def _attribute_writes(
    paths: Iterable[str], module: str, name: str, texts: dict[str, bytes]
) -> list[str]:
    """Where modules set ``module.name`` (``config.HUBSPOT_KEY = args.key``,
    ``setattr(config, "HUBSPOT_KEY", ...)``); as ``path:line``."""
    stem = re.escape(module.rsplit(".", 1)[-1].encode())
    word = re.escape(name.encode())
    writes = re.compile(
        rb"(?m)^[ \t]*(?:\w+\.)*"
        + stem
        + rb"\."
        + word
        + rb"[ \t]*=(?!=)|\bsetattr\(\s*"
        rb"(?:\w+\.)*" + stem + rb"\s*,\s*['\"]" + word + rb"['\"]"
    )
    found = []
    for path in paths:
        data = texts.get(path)
        match = writes.search(data) if data is not None else None
        if match is not None:
            line = data.count(b"\n", 0, match.start()) + 1
            found.append(f"{os.path.basename(path)}:{line}")
    return found


def _guards_in(paths: Iterable[str], name: str, texts: dict[str, bytes]) -> list[str]:
    """Where modules test a key by its name: ``if not KEY``, ``ENABLED =
    bool(KEY)``, ``KEY is None``, ``assert KEY``; as ``path:line``."""
    word = re.escape(name.encode())
    uses = re.compile(rb"^[^\n]*\b" + word + rb"\b[^\n]*$", re.MULTILINE)
    found = []
    for path in paths:
        data = texts.get(path)
        if data is None:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
        for match in uses.finditer(data):
            if _TEST_LINE.match(match.group(0)) or (
                _FLAG_LINE.match(match.group(0)) and _TESTING.search(match.group(0))
            ):
                line = data.count(b"\n", 0, match.start()) + 1
                found.append(f"{os.path.basename(path)}:{line}")
                break
    return found


_TEST_LINE = re.compile(rb"^\s*(?:if|elif|while|assert)\b")
_FLAG_LINE = re.compile(rb"^\s*\w+\s*(?::[^=]+)?=(?!=)")  # ENABLED = ...
_TESTING = re.compile(rb"\b(?:bool|len)\(|\bnot\b|\bis\s+(?:not\s+)?None\b|[!=]=")


_KEYISH = re.compile(r"(?i)key|token|secret|cred|auth")


def _key_reads(text: bytes, cls: str, attributes: tuple[str, ...]) -> list[str]:
    """The attributes named like a credential that a module reads on an
    instance of ``cls`` it makes (``c = Client(); c.api_key``,
    ``self.hub = Client(); self.hub.api_key``, ``Client().api_key``)."""
    held = [a for a in attributes if _KEYISH.search(a)]
    if not held:
        return []
    made = rb"(?:\w+\.)*" + re.escape(cls.encode()) + rb"\("
    instances = {
        re.escape(m)
        for m in re.findall(rb"((?:self\.)?\w+)[ \t]*(?::[^=\n]*)?=[ \t]*" + made, text)
    }
    receivers = [made + rb"[^()]*\)", *instances]
    found = []
    for name in held:
        reads = re.compile(
            rb"(?<![\w.])(?:"
            + b"|".join(receivers)
            + rb")\."
            + re.escape(name.encode())
            + rb"\b(?![ \t]*=[^=])"
        )
        if reads.search(text):
            found.append(name)
    return found


def _sets_a_path(match: re.Match[bytes]) -> bool:
    """``ENDPOINT = "contacts/v1"`` in a subclass's body: a host or path
    attribute set to a literal that cannot take the base's requests to another
    host."""
    if match.group(1) is not None or match.group(2) is None:
        return False
    name = re.match(rb"\s*(\w+)", match.group(0))
    if name is None or not hubspot.HOST_NAME.search(name.group(1).decode()):
        return False  # not a host or path attribute (its key?)
    import ast  # only here: the start-up path does without it

    try:
        value = ast.literal_eval(match.group(2).decode("utf-8").strip())
    except (ValueError, SyntaxError, UnicodeDecodeError):
        return False
    return isinstance(value, str) and hubspot.cannot_leave_hubspot(value)


def _overridden_below(
    cls: str,
    attributes: tuple[str, ...],
    readers: Iterable[str],
    source: Callable[[str], bytes],
    files: list[str],
    depth: int = 0,
) -> bool:
    """Whether a subclass of a subclass (``SandboxClient(PortalClient)`` in a
    third module, ``PortalClient(Client)`` in a reader of ``cls``'s module)
    sets what ``cls``'s requests read: the readers' subclasses of ``cls``,
    followed into the modules that name and import them, a few levels down.
    ``source``: a file's text."""
    if depth >= 3:
        return False
    for reader in readers:
        header = _subclass_header([cls.encode()])
        stems = {s.encode() for s in importable_names(reader)}
        for found in header.finditer(source(reader)):
            sub = found.group(1)
            word = re.compile(rb"\b" + re.escape(sub) + rb"\b")
            below = [
                path
                for path in files
                if path != reader
                and path.endswith(".py")
                and word.search(source(path))
                and stems & imported_names(source(path), path)
            ]
            name = sub.decode()
            if any(_overrides(source(p), name, attributes) for p in below):
                return True
            if _overridden_below(name, attributes, below, source, files, depth + 1):
                return True
    return False


def _subclass_header(bases: list[bytes]) -> re.Pattern[bytes]:
    """``class Sub(... Base ...):`` at column 0 for any of ``bases``; group 1
    names the subclass."""
    return re.compile(
        rb"^class[ \t]+(\w+)[ \t]*\([^)]*\b(?:"
        + b"|".join(re.escape(n) for n in bases)
        + rb")\b[^)]*\)",
        re.M,
    )


def _split_key(reader: str, home: str, cls: str) -> tuple[str, str, str]:
    return (os.path.abspath(reader), os.path.abspath(home), cls)


def _overrides(
    text: bytes,
    cls: str,
    attributes: tuple[str, ...],
    keeping: frozenset[str] | None = None,
) -> bool:
    """Whether a module subclasses ``cls`` and its subclass sets one of
    ``attributes`` (``API_KEY = ...`` in its body, ``self.BASE = ...``); not
    one of ``keeping``, which keeps copies of the requests (its developer key,
    no token: :mod:`hapimigrate.python.developer_split`)."""
    if not attributes:
        return False
    # the class, or the name an import gives it (from base import Client as C)
    spellings = [cls.encode()] + re.findall(
        rb"\b" + re.escape(cls.encode()) + rb"[ \t]+as[ \t]+(\w+)", text
    )
    header = _subclass_header(spellings)
    names = b"|".join(re.escape(a.encode()) for a in attributes)
    sets = re.compile(  # an attribute, or a method it calls (def url(self, ...))
        rb"^[ \t]+((?:self|cls)\.)?(?:" + names + rb")[ \t]*=(?!=)(.*)"
        rb"|^[ \t]+(?:async[ \t]+)?def[ \t]+(?:" + names + rb")[ \t]*\(",
        re.M,
    )
    for match in header.finditer(text):
        if match.group(1).decode() in (keeping or ()):
            continue
        # the body ends at the next line of code at column 0 (not a comment)
        end = re.compile(rb"^[^\s#]", re.M).search(text, match.end())
        body = text[match.end() : end.start() if end else len(text)]
        if any(not _sets_a_path(m) for m in sets.finditer(body)):
            return True
        if re.search(rb"__dict__|\bvars\([ \t]*self\b|\bsetattr\([ \t]*self\b", body):
            return True  # self.__dict__.update(key=...): any attribute
    # an instance's attribute set from outside (c = Client(); c.api_key = ...)
    if re.search(
        rb"\b(?<!self\.)(?<!cls\.)(?!self\b|cls\b)[A-Za-z_]\w*\.(?:"
        + names
        + rb")[ \t]*=(?!=)|\bsetattr\([^,]+,\s*['\"](?:"
        + names
        + rb")['\"]",
        text,
    ):
        return True
    # HubSpotClient(base_url="https://mirror...") or a URL of another host given
    # to the constructor: the attribute it sets is another host
    calls = re.compile(rb"\b" + re.escape(cls.encode()) + rb"\(([^()]*)\)")
    hosts = [a for a in attributes if hubspot.HOST_NAME.search(a)]  # not keys: the
    # carriers step follows the credentials callers pass
    keywords = (
        re.compile(
            rb"\b(?:"
            + b"|".join(re.escape(a.encode()) for a in hosts)
            + rb")[ \t]*=(?!=)"
        )
        if hosts
        else None
    )
    for call in calls.finditer(text):
        arguments = call.group(1)
        if hubspot.OTHER_HOST_URL.search(arguments.decode("utf-8", "replace")) or (
            keywords is not None and keywords.search(arguments)
        ):
            return True
    return False
