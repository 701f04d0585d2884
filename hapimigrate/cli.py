"""The ``hapimigrate`` command: options, exit codes and output; nothing else."""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass

import click
from click.core import ParameterSource

from hapimigrate import __version__, config, discover, engine, providers
from hapimigrate.model import FileResult, Site, Status
from hapimigrate.output import diff as diff_output
from hapimigrate.output import text
from hapimigrate.source import ChangedOnDisk, write_atomic

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Settings:
    paths: tuple[str, ...]
    token_provider: str
    jobs: int | None
    quiet: bool
    verbose: bool
    color: bool | None
    exclude: tuple[str, ...]


def shared_options(command):
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
        color = {"auto": None, "always": True, "never": False}[options["color"]]
        settings = Settings(
            tuple(options["paths"]),
            options["token_provider"],
            options["jobs"],
            bool(options["quiet"]),
            bool(options["verbose"]),
            color,
            tuple(options["exclude"]),
        )
        sys.exit(command(settings))

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hapimigrate")
def main() -> None:
    """Migrate HubSpot hapikey code to access tokens (Authorization: Bearer)."""


@main.command()
@shared_options
def diff(settings: Settings) -> int:
    """Show, as a unified diff, what `apply` would change. Writes nothing.

    Exit 0 when nothing would change, 1 when something would, 2 on error."""
    outcome = _run(settings, write=False)
    if outcome.errors:
        return EXIT_ERROR
    return EXIT_FOUND if outcome.changed else EXIT_CLEAN


@main.command()
@shared_options
def apply(settings: Settings) -> int:
    """Rewrite the files in place.

    Exit 0 when every site was migrated, 1 when some need a person, 2 on error."""
    outcome = _run(settings, write=True)
    if outcome.errors:
        return EXIT_ERROR
    pending = any(s.status in (Status.MANUAL, Status.UNPARSED) for s in outcome.sites)
    return EXIT_FOUND if pending else EXIT_CLEAN


@dataclass
class Outcome:
    changed: int = 0
    errors: int = 0
    skipped: int = 0
    sites: tuple[Site, ...] = ()


def _err(settings: Settings, message: str) -> None:
    click.echo(message, err=True, color=settings.color)


def _run(settings: Settings, write: bool) -> Outcome:
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
            patch = diff_output.unified_diff(result)
            use_color = (
                settings.color if settings.color is not None else sys.stdout.isatty()
            )
            click.echo(
                diff_output.colored(patch) if use_color else patch,
                nl=False,
                color=use_color,
            )
    outcome.sites = tuple(sites)
    if not settings.quiet:
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
