"""The ``hapimigrate`` command: options, exit codes and output; nothing else."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field

import click
from click.core import ParameterSource

from hapimigrate import __version__, config, discover, engine, providers
from hapimigrate import report as reporting
from hapimigrate.model import FileResult, Site, Status
from hapimigrate.output import diff as diff_output
from hapimigrate.output import json_report, text, text_report
from hapimigrate.source import ChangedOnDisk, write_atomic

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
REPORT_FORMATS = ("text", "json", "markdown")


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
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE, not stdout.",
)
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


def _run(settings: Settings, write: bool, show: bool = True) -> Outcome:
    try:
        provider = providers.resolve(settings.token_provider)
    except providers.ProviderError as error:
        raise click.UsageError(str(error))
    files: list[str] = []
    outcome = Outcome()
    try:
        for found in discover.discover(settings.paths, settings.exclude):
            if isinstance(found, discover.Skipped):
                outcome.skipped += 1
                if settings.verbose:
                    _err(settings, f"{found.path}: skipped: {found.reason}")
            else:
                files.append(found)
    except discover.MissingPath as missing:
        raise click.BadParameter(f"{missing} does not exist", param_hint="PATHS")
    job = engine.Job(provider, settings.verbose)
    sites: list[Site] = []
    for result in engine.process_files(files, job, settings.jobs):
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
