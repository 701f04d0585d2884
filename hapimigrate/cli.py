"""The ``hapimigrate`` command: options, exit codes and output; nothing else."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import sys
from dataclasses import dataclass, field

import click
from click.core import ParameterSource

from hapimigrate import (
    __version__,
    baseline,
    config,
    discover,
    engine,
    gitdiff,
    providers,
    suppress,
)
from hapimigrate import report as reporting
from hapimigrate.model import FileResult, Site, Status
from hapimigrate.output import diff as diff_output
from hapimigrate.output import findings as findings_output
from hapimigrate.output import json_report, progress, text, text_report
from hapimigrate.source import ChangedOnDisk, write_atomic

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
REPORT_FORMATS = ("text", "json", "markdown")
CHECK_FORMATS = ("text", "json", "github", "sarif")


@dataclass(frozen=True)
class Settings:
    paths: tuple[str, ...]
    token_provider: str
    jobs: int | None
    quiet: bool
    verbose: bool
    color: bool | None
    exclude: tuple[str, ...]
    extra: dict = field(default_factory=dict)  # the command's own options


def shared_options(command):
    """PATHS and the options every command takes, with [tool.hapimigrate] defaults."""

    @click.argument("paths", nargs=-1, required=True, type=click.Path())
    @click.option(
        "--token-provider",
        default=providers.DEFAULT_SPEC,
        show_default=True,
        help="Where migrated code gets its token: env:NAME, module:callable, or a plugin name.",
    )
    @click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes (default: all cores).",
    )
    @click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
    @click.option(
        "--verbose",
        "-v",
        is_flag=True,
        help="List every site; tracebacks for internal errors.",
    )
    @click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
    )
    @click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        help="Skip matching paths (repeatable).",
    )
    @functools.wraps(command)
    def wrapper(**options):
        ctx = click.get_current_context()
        try:
            defaults = config.load(options["paths"])
        except config.ConfigError as error:
            raise click.UsageError(str(error))
        for name, value in defaults.items():
            if ctx.get_parameter_source(name) == ParameterSource.DEFAULT:
                options[name] = tuple(value) if name == "exclude" else value
        shared = (
            "paths",
            "token_provider",
            "jobs",
            "quiet",
            "verbose",
            "color",
            "exclude",
        )
        settings = Settings(
            tuple(options["paths"]),
            options["token_provider"],
            options["jobs"],
            bool(options["quiet"]),
            bool(options["verbose"]),
            {"auto": None, "always": True, "never": False}[options["color"]],
            tuple(options["exclude"]),
            {k: v for k, v in options.items() if k not in shared},
        )
        sys.exit(command(settings))

    return wrapper


output_option = click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE, not stdout.",
)
report_option = click.option(
    "--report",
    "report_file",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write the scope report to FILE (.json, .md or text).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hapimigrate")
def main() -> None:
    """Migrate HubSpot hapikey code to access tokens (Authorization: Bearer)."""


@main.command()
@report_option
@shared_options
def diff(settings: Settings) -> int:
    """Show, as a unified diff, what `apply` would change. Writes nothing.

    Exit 0 when nothing would change, 1 when something would, 2 on error."""
    outcome = _run(settings, write=False)
    _finish(settings, outcome)
    if outcome.errors:
        return EXIT_ERROR
    return EXIT_FOUND if outcome.changed else EXIT_CLEAN


@main.command()
@report_option
@shared_options
def apply(settings: Settings) -> int:
    """Rewrite the files in place.

    Exit 0 when every site was migrated, 1 when some need a person, 2 on error."""
    outcome = _run(settings, write=True)
    _finish(settings, outcome)
    if outcome.errors:
        return EXIT_ERROR
    pending = any(s.status in (Status.MANUAL, Status.UNPARSED) for s in outcome.sites)
    return EXIT_FOUND if pending else EXIT_CLEAN


@main.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
)
@output_option
@shared_options
def report(settings: Settings) -> int:
    """Report every site, the endpoints it calls and the OAuth scopes the new
    token needs. Changes nothing. Exit 0, or 2 on error."""
    outcome = _run(settings, write=False, show=False)
    built = reporting.build(outcome.sites, settings.token_provider)
    rendered = _render(built, settings.extra["output_format"])
    if settings.extra.get("output"):
        _write_text(settings.extra["output"], rendered)
    else:
        click.echo(rendered, nl=False)
    return EXIT_ERROR if outcome.errors else EXIT_CLEAN


@main.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(CHECK_FORMATS),
    default="text",
    show_default=True,
)
@output_option
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    help="Fail only on findings not in this baseline.",
)
@click.option(
    "--since", metavar="REF", help="Only findings on lines added since git REF."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Uses in comments and docstrings count too; so do developer keys.",
)
@shared_options
def check(settings: Settings) -> int:
    """Fail (exit 1) when hapikey usage is found: in Python, notebooks, JavaScript,
    shell, configuration and templates. Exit 0 when clean, 2 on error."""
    outcome = Outcome()
    findings = _findings(settings, outcome)
    extra = settings.extra
    if extra.get("baseline_file"):
        try:
            findings = baseline.new_findings(
                findings, baseline.load(extra["baseline_file"])
            )
        except baseline.BaselineError as error:
            raise click.UsageError(str(error))
    if extra.get("since"):
        try:
            added = gitdiff.added_lines(extra["since"], settings.paths)
        except gitdiff.GitError as error:
            raise click.UsageError(f"--since: {error}")
        findings = [s for s in findings if gitdiff.is_added(added, s.path, s.line)]
    output_format = extra["output_format"]
    if output_format == "json":
        rendered = json_report.render(
            reporting.build(findings, settings.token_provider)
        )
    elif output_format == "github":
        rendered = findings_output.github(findings)
    elif output_format == "sarif":
        rendered = findings_output.sarif(findings)
    else:
        use_color = (
            settings.color if settings.color is not None else sys.stdout.isatty()
        )
        rendered = findings_output.text(
            findings, bool(use_color and not extra.get("output"))
        )
    if extra.get("output"):
        _write_text(extra["output"], rendered)
    else:
        click.echo(rendered, nl=False, color=settings.color)
    failing = [s for s in findings if extra.get("strict") or s.status != Status.KEPT]
    if not settings.quiet and output_format == "text":
        notes = len(findings) - len(failing)
        tail = (
            f" ({notes} developer key{'s' if notes != 1 else ''} noted)"
            if notes
            else ""
        )
        _err(
            settings,
            f"hapimigrate: {len(failing)} finding{'s' if len(failing) != 1 else ''}{tail}",
        )
    if outcome.errors:
        return EXIT_ERROR
    return EXIT_FOUND if failing else EXIT_CLEAN


@main.command(name="baseline")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=".hapimigrate-baseline.json",
    show_default=True,
)
@click.option(
    "--strict", is_flag=True, help="Record uses in comments and docstrings too."
)
@shared_options
def baseline_command(settings: Settings) -> int:
    """Record today's findings, so that `check --baseline` fails only on new ones.
    The file holds paths, rule ids and fingerprints: no line numbers, no keys."""
    outcome = Outcome()
    findings = _findings(settings, outcome)
    _write_text(settings.extra["output"], baseline.dump(findings))
    if not settings.quiet:
        _err(
            settings,
            f"hapimigrate: {len(findings)} findings recorded in {settings.extra['output']}",
        )
    return EXIT_ERROR if outcome.errors else EXIT_CLEAN


def _findings(settings: Settings, outcome: Outcome) -> list[Site]:
    findings: list[Site] = []
    for result in _results(settings, outcome, checking=True):
        if result.error:
            outcome.errors += 1
            _err(settings, f"{result.path}: error: {result.error}")
        if result.sites:
            text = (result.original or b"").decode(result.encoding, errors="replace")
            findings += suppress.unsuppressed(result.sites, text)
    return findings


@main.group()
def scaffold() -> None:
    """Write ready-made code for the migrated app."""


@scaffold.command()
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False),
              help="Where to write the module, e.g. myapp/hubspot_oauth.py.")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def oauth(output: str, force: bool) -> None:
    """A dependency-free OAuth token provider (refresh-token grant, cached,
    thread-safe), and the --token-provider line to use it."""
    from importlib import resources

    if os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists (use --force to overwrite)")
    template = (
        resources.files("hapimigrate.templates")
        .joinpath("oauth_provider.py")
        .read_text()
    )
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    _write_text(output, template)
    module = _module_name(output)
    click.echo(f"wrote {output}", err=True)
    click.echo(f"hapimigrate apply --token-provider {module}:get_access_token PATH...")


def _module_name(path: str) -> str:
    """``myapp/hubspot_oauth.py`` -> ``myapp.hubspot_oauth`` (relative to here)."""
    relative = os.path.normpath(os.path.relpath(path))
    stem = os.path.splitext(relative)[0]
    return stem.replace(os.sep, ".").lstrip(".")


@dataclass
class Outcome:
    changed: int = 0
    errors: int = 0
    skipped: int = 0
    sites: tuple[Site, ...] = ()


def _err(settings: Settings, message: str) -> None:
    click.echo(message, err=True, color=settings.color)


def _render(built: reporting.Report, output_format: str) -> str:
    if output_format == "json":
        return json_report.render(built)
    return text_report.render(built, markdown=output_format == "markdown")


def _format_for(path: str) -> str:
    extension = os.path.splitext(path)[1].lower()
    return {".json": "json", ".md": "markdown", ".markdown": "markdown"}.get(
        extension, "text"
    )


def _write_text(path: str, content: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
    except OSError as error:
        raise click.FileError(path, error.strerror)


def _finish(settings: Settings, outcome: Outcome) -> None:
    """The scope summary on stderr, and the report file if one was asked for."""
    built = reporting.build(outcome.sites, settings.token_provider, outcome.changed)
    report_file = settings.extra.get("report_file")
    if report_file:
        _write_text(report_file, _render(built, _format_for(report_file)))
    if not settings.quiet and outcome.sites:
        _err(settings, text_report.scope_summary(built))


def _results(settings: Settings, outcome: Outcome, checking: bool = False):
    """The FileResults of every file below the paths."""
    try:
        provider = providers.resolve(settings.token_provider)
    except providers.ProviderError as error:
        raise click.UsageError(str(error))
    files: list[str] = []
    try:
        for found in discover.discover(
            settings.paths, settings.exclude, text_files=checking
        ):
            if isinstance(found, discover.Skipped):
                outcome.skipped += 1
                if settings.verbose:
                    _err(settings, f"{found.path}: skipped: {found.reason}")
            else:
                files.append(found)
    except discover.MissingPath as missing:
        raise click.BadParameter(f"{missing} does not exist", param_hint="PATHS")
    strict = bool(settings.extra.get("strict"))
    job = engine.Job(provider, settings.verbose, scan_text=checking, strict=strict)
    results = engine.process_files(files, job, settings.jobs)
    machine = settings.extra.get("output_format", "text") != "text" or bool(
        settings.extra.get("output")
    )
    shown = progress.progress(
        results, len(files), progress.wanted(settings.quiet, machine)
    )
    return shown if checking else _keep_imported_keys(shown, files, job)


def _module_stem(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    return (
        os.path.basename(os.path.dirname(os.path.abspath(path)))
        if stem == "__init__"
        else stem
    )


def _keep_imported_keys(results, files: list[str], job: engine.Job):
    """A dead key definition another module of the tree may read (it names both
    the key and the defining module) is not removed: such files are migrated
    again with those names protected. Other results pass straight through; these
    come last, once the tree has been searched."""
    deferred = []
    for result in results:
        if result.removed_keys:
            deferred.append(result)
        else:
            yield result
    if not deferred:
        return
    proposed = {r.path: r.removed_keys for r in deferred}
    stems = {path: _module_stem(path) for path in proposed}
    needed = {name.encode() for keys in proposed.values() for name in keys}
    needed |= {stem.encode() for stem in stems.values()}
    containing: dict[bytes, set[str]] = {}  # word -> the files that hold it
    for path in files:
        try:
            with open(path, "rb") as handle:
                words = set(re.findall(rb"\w+", handle.read())) & needed
        except OSError:
            continue
        for word in words:
            containing.setdefault(word, set()).add(path)
    again = {}
    for path, keys in proposed.items():
        readers = containing.get(stems[path].encode(), set()) - {path}
        protected = frozenset(
            k for k in keys if containing.get(k.encode(), set()) & readers
        )
        if protected:
            again[path] = engine.process_file(
                path, dataclasses.replace(job, protected=protected)
            )
    for result in deferred:
        yield again.get(result.path, result)


def _run(settings: Settings, write: bool, show: bool = True) -> Outcome:
    outcome = Outcome()
    sites: list[Site] = []
    for result in _results(settings, outcome):
        sites.extend(result.sites)
        if show:
            _show_sites(settings, result)
        if result.error:
            outcome.errors += 1
            _err(settings, f"{result.path}: error: {result.error}")
        if not result.changed:
            continue
        if write:
            if _write(settings, result):
                outcome.changed += 1
            else:
                outcome.errors += 1
        else:
            outcome.changed += 1
            if show:
                patch = diff_output.unified_diff(result)
                use_color = (
                    settings.color
                    if settings.color is not None
                    else sys.stdout.isatty()
                )
                click.echo(
                    diff_output.colored(patch) if use_color else patch,
                    nl=False,
                    color=use_color,
                )
    outcome.sites = tuple(sites)
    if show and not settings.quiet:
        verb = "rewritten" if write else "would change"
        _err(
            settings,
            text.summary(verb, outcome.changed, sites, outcome.errors, outcome.skipped),
        )
    return outcome


def _show_sites(settings: Settings, result: FileResult) -> None:
    if settings.quiet:
        return
    for site in result.sites:
        if settings.verbose or site.status != Status.REWRITE:
            _err(settings, text.site_line(site))


def _write(settings: Settings, result: FileResult) -> bool:
    assert result.new is not None and result.original is not None
    try:
        write_atomic(result.path, result.new, result.original)
    except ChangedOnDisk as error:
        _err(settings, f"{result.path}: error: {error}; not overwritten")
        return False
    except OSError as error:
        _err(settings, f"{result.path}: error: cannot write: {error.strerror or error}")
        return False
    return True
