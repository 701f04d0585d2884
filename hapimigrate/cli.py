"""The ``hapimigrate`` command: parse options, call the run, hand the results to an
output. The run lives in :mod:`hapimigrate.run`, the counters and exit codes in
:class:`hapimigrate.summary.Summary`."""

from __future__ import annotations

from hapimigrate import dataclass_cache, warm

with dataclass_cache.cached("cli"):  # what the workers share with the CLI
    from hapimigrate import run
# then: the workers import LibCST while the CLI is imported and the tree is
# read (see hapimigrate.warm)
warm.start()

import dataclasses
import functools
import os
import re
import sys
from dataclasses import dataclass
from typing import Iterator

with dataclass_cache.cached("cli"):  # the records' methods, compiled once
    import click
    from click.core import ParameterSource

    from hapimigrate import (
        __version__,
        baseline,
        config,
        discover,
        providers,
        suppress,
    )
    from hapimigrate import hubspot, prefilter, rules
    from hapimigrate import report as reporting
    from hapimigrate.hubspot.lifecycle import DateError, parse_date
    from hapimigrate.model import (
        CALLS_DATED,
        CALLS_UNLISTED,
        FileResult,
        RunOptions,
        Site,
        Status,
    )
    from hapimigrate.output import findings as findings_output
    from hapimigrate.output import report_json, progress, console, report_text
    from hapimigrate.summary import Summary

REPORT_FORMATS = ("text", "json", "markdown", "pr")
CHECK_FORMATS = ("text", "json", "github", "sarif")
VERIFY_FORMATS = ("text", "json")


@dataclass(frozen=True)
class Settings:
    """The options every command that takes PATHs shares."""

    paths: tuple[str, ...]
    token_provider: str
    jobs: int | None
    quiet: bool
    verbose: bool
    color: bool | None  # None: colour on a terminal
    exclude: discover.Excludes
    root: str = "."  # the project root: see config.py
    stdin_filename: str | None = None  # PATHS is "-": the name it is shown by

    def stdout_color(self, to_file: bool = False) -> bool:
        if to_file:
            return False
        return self.color if self.color is not None else sys.stdout.isatty()


def config_error(message: str) -> click.ClickException:
    """A wrong [tool.hapimigrate]: exit 2 before anything runs."""
    error = click.ClickException(message)
    error.exit_code = 2
    return error


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
        help="Colour the output: auto colours a terminal, unless NO_COLOR is set "
        "(FORCE_COLOR forces it).",
    )
    @click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        help="Skip matching paths (repeatable; replaces the configured list). "
        "A GLOB with / is relative to the current folder, one from "
        "[tool.hapimigrate] to its pyproject.toml.",
    )
    @click.option(
        "--extend-exclude",
        multiple=True,
        metavar="GLOB",
        help="Skip matching paths, besides the excluded ones (repeatable).",
    )
    @click.option(
        "--force-exclude",
        is_flag=True,
        help="Apply excludes to files named on the command line too (pre-commit).",
    )
    @click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        help="Read [tool.hapimigrate] (or a top-level table) from FILE, not the "
        "nearest pyproject.toml.",
    )
    @click.option(
        "--show-settings",
        is_flag=True,
        help="Print the resolved settings and where each comes from, and exit.",
    )
    @functools.wraps(command)
    def wrapper(**options):
        ctx = click.get_current_context()
        try:
            loaded = config.load(options["paths"], options.pop("config_file"))
        except config.ConfigError as error:
            raise config_error(str(error))
        show = options.pop("show_settings")
        resolved = config.merge(
            loaded,
            ctx.info_name or "",
            options,
            lambda name: ctx.get_parameter_source(name)
            not in (None, ParameterSource.DEFAULT),
        )
        options = resolved.options
        if show:
            labels = {p.name: max(p.opts, key=len) for p in ctx.command.params}
            click.echo(config.show(resolved, ctx.info_name or "", labels), nl=False)
            sys.exit(0)
        excludes = discover.Excludes(
            options.pop("exclude") + options.pop("extend_exclude"),
            bool(options.pop("force_exclude")),
        )
        shared = (
            "paths",
            "token_provider",
            "jobs",
            "quiet",
            "verbose",
            "color",
        )
        # options a command does without (see _without) keep their defaults
        settings = Settings(
            tuple(options["paths"]),
            options.get("token_provider", providers.DEFAULT_SPEC),
            options["jobs"],
            bool(options["quiet"]),
            bool(options["verbose"]),
            console.color_choice(options.get("color", "auto")),
            excludes,
            loaded.root,
        )
        own = {k: v for k, v in options.items() if k not in shared}
        if "stdin_filename" in own:  # see stdin_option
            settings = dataclasses.replace(
                settings, stdin_filename=own.pop("stdin_filename")
            )
        sys.exit(command(settings, **own))

    return wrapper


def _without(*names: str):
    """Leave out shared options that do nothing for a command (``--color`` where
    nothing is coloured, ``--token-provider`` where nothing is rewritten): not
    shown in its help, refused on its command line."""

    def decorate(command: click.Command) -> click.Command:
        command.params = [p for p in command.params if p.name not in names]
        return command

    return decorate


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


stdin_option = click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With PATHS '-': the name of the file read from standard input (its "
    "kind, and the path shown).",
)
interactive_option = click.option(
    "--interactive",
    "-i",
    is_flag=True,
    help="Show each file's sites and diff, and ask: rewrite, skip, skip and add "
    "a suppression comment, or quit (a terminal only).",
)


observed_option = click.option(
    "--observed",
    "observed_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Merge what `verify run --observed FILE` saw: resolves unknown endpoints "
    "and SDK calls with the requests really made.",
)


class _Program(click.Group):
    """The command group. Run as the program (``hapimigrate ...``, ``python -m
    hapimigrate ...``) for a command that reads files, it ends, once the command
    is done and its output flushed, without the interpreter's teardown (freeing
    every object of every module: about 10 ms for nothing, as the process ends):
    see :func:`_leave`. Called by another program (``main([...])``), it returns
    or raises as click does."""

    def main(self, *args: object, **kwargs: object) -> object:
        if args or kwargs or not _is_the_script() or not warm.wanted(sys.argv):
            return super().main(*args, **kwargs)  # type: ignore[arg-type]
        try:
            return super().main()
        except SystemExit as done:
            _leave(done)
            raise


def _is_the_script() -> bool:
    """Whether the script this process runs is the program (its console script,
    or ``python -m hapimigrate``), not another program that calls ``main()``
    with the program's arguments (it may go on after the SystemExit)."""
    script = getattr(sys.modules.get("__main__"), "__file__", None)
    return (
        script is not None
        and warm.is_program(sys.argv)
        and os.path.abspath(script) == os.path.abspath(sys.argv[0])
    )


def _leave(done: SystemExit) -> None:
    """End the process as ``done`` would, less the teardown: the exit handlers
    run (the warm process is ended and waited for), the output is flushed, then
    ``os._exit``. Not when another thread runs (the interpreter waits for it),
    nor for an exit with a message, nor when the output cannot be flushed (the
    interpreter reports it): those end as usual."""
    import atexit

    code = done.code
    if code is not None and type(code) is not int:
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        return
    os._exit(code or 0)


@click.group(cls=_Program, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="hapimigrate")
def main() -> None:
    """Migrate HubSpot hapikey code to access tokens (Authorization: Bearer)."""


modernize_option = click.option(
    "--modernize",
    is_flag=True,
    help="Also rewrite v3/v4 paths to their date-based (2026-03) twin, where "
    "HubSpot's request and response schemas are identical.",
)


@main.command()
@report_option
@modernize_option
@stdin_option
@shared_options
def diff(settings: Settings, report_file: str | None, modernize: bool = False) -> int:
    """Show, as a unified diff, what `apply` would change. Writes nothing.
    PATHS '-' reads standard input.

    Exit 0 when nothing would change, 1 when something would, 2 on error."""
    _check_writable(report_file, "--report")
    summary = _migrate(settings, Summary("diff"), write=False, modernize=modernize)
    _finish(settings, summary, report_file)
    return summary.exit_code


@main.command()
@report_option
@modernize_option
@interactive_option
@click.option(
    "--baseline",
    "review_baseline",
    type=click.Path(dir_okay=False),
    help="With --interactive: answer b records a skipped file's findings in this "
    "baseline (for check --baseline).",
)
@stdin_option
@shared_options
def apply(
    settings: Settings,
    report_file: str | None,
    modernize: bool = False,
    interactive: bool = False,
    review_baseline: str | None = None,
) -> int:
    """Rewrite the files in place, listing each. PATHS '-' reads standard input
    and prints the migrated text.

    Exit 0 when every site was migrated, 1 when some need a person (or uses
    remain that only check finds), 2 on error."""
    _check_writable(report_file, "--report")
    reviewer = None
    if review_baseline:
        if not interactive:
            raise click.UsageError("apply --baseline goes with --interactive")
        _check_writable(review_baseline, "--baseline")
        if os.path.exists(review_baseline):
            try:  # not a baseline: refused now, not at the first "b"
                baseline.load(review_baseline)
            except baseline.BaselineError as error:
                raise config_error(str(error))
    if interactive:
        if _reads_stdin(settings):
            raise click.UsageError(
                "--interactive reads answers from standard input: not with '-'"
            )
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise click.UsageError("--interactive needs a terminal")
        from hapimigrate import review

        def write(text: str) -> None:
            progress.clear()
            click.echo(text, nl=False, color=settings.stdout_color())

        reviewer = review.Review(
            sys.stdin.readline,
            write,
            settings.stdout_color(),
            settings.token_provider,
            review_baseline,
        )
    summary = _migrate(
        settings, Summary("apply"), write=True, modernize=modernize, reviewer=reviewer
    )
    _finish(settings, summary, report_file)
    return summary.exit_code


@_without("color")
@main.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="pr: a pull-request body in Markdown.",
)
@click.option(
    "--merge",
    is_flag=True,
    help="PATHS are JSON reports (report --format json, apply --report FILE.json), "
    "one per repository: combine them into one table.",
)
@output_option
@observed_option
@stdin_option
@shared_options
def report(
    settings: Settings,
    output_format: str,
    output: str | None,
    observed_file: str | None = None,
    merge: bool = False,
) -> int:
    """Report every site and HubSpot call, the endpoints, the OAuth scopes the
    token needs and each endpoint's lifecycle. Changes nothing. -o FILE picks the
    format from its extension (.json, .md) unless --format is given; --format pr
    writes a pull-request body. With --merge, PATHS are JSON reports of several
    repositories, combined into one table. Exit 0, or 2 on error."""
    _check_writable(output, "--output")
    output_format = _format_of(output_format, output, _format_for)
    if merge:
        return _merge_reports(settings, output_format, output, observed_file)
    summary = Summary("report")
    for result in _results(
        settings,
        summary,
        machine=output_format != "text" or bool(output),
        calls=CALLS_UNLISTED,
    ):
        summary.sites.extend(result.sites)
        _count_error(settings, summary, result)
    built = reporting.build(summary.sites, settings.token_provider)
    built = _with_observed(built, observed_file)
    _emit(settings, _render(built, output_format), output)
    return summary.exit_code


@_without("token_provider")
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
    help="Uses in comments and docstrings count too; so do developer keys and "
    "endpoints with an announced end date.",
)
@click.option(
    "--fail-before",
    metavar="DATE",
    help="Also fail on calls to endpoints whose announced date (sunset, end of "
    "support) comes before DATE (YYYY-MM-DD).",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 even when there are findings (errors still exit 2).",
)
@stdin_option
@shared_options
def check(
    settings: Settings,
    output_format: str,
    output: str | None,
    baseline_file: str | None,
    since: str | None,
    strict: bool,
    fail_before: object = None,
    exit_zero: bool = False,
) -> int:
    """Fail (exit 1) when hapikey usage is found: in Python, notebooks, JavaScript,
    shell, configuration and templates; or a Python call to an endpoint HubSpot has
    retired (calls to endpoints with an announced date are notes: --strict,
    --fail-before). -o FILE picks the format from its extension (.json, .sarif)
    unless --format is given. Exit 0 when clean, 2 on error."""
    _check_writable(output, "--output")
    output_format = _format_of(output_format, output, _check_format_for)
    summary = Summary("check", exit_zero=exit_zero)
    machine = output_format != "text" or bool(output)
    try:  # a value from [tool.hapimigrate] may be a TOML date already
        horizon = parse_date(fail_before) if fail_before else None
    except DateError as error:
        raise click.BadParameter(str(error), param_hint="--fail-before")
    findings = _findings(settings, summary, strict, machine)
    if baseline_file:
        try:
            findings = baseline.new_findings(findings, baseline.load(baseline_file))
        except baseline.BaselineError as error:
            raise click.UsageError(str(error))
    if since:
        from hapimigrate import gitdiff  # git only when asked: not at start-up

        try:
            added = gitdiff.added_lines(since, settings.paths)
        except gitdiff.GitError as error:
            raise click.UsageError(f"--since: {error}")
        findings = [s for s in findings if gitdiff.is_added(added, s.path, s.line)]
    if output_format == "json":
        rendered = report_json.render(
            reporting.build(findings, settings.token_provider)
        )
    elif output_format == "github":
        rendered = findings_output.github(findings)
    elif output_format == "sarif":
        rendered = findings_output.sarif(findings)
    else:
        rendered = findings_output.text(findings, settings.stdout_color(bool(output)))
    _emit(settings, rendered, output)
    failing_findings = [s for s in findings if rules.fails(s, strict, horizon)]
    summary.failing = len(failing_findings)
    if not settings.quiet and output_format == "text":
        tail = findings_output.noted(
            [s for s in findings if not rules.fails(s, strict, horizon)]
        )
        failing = summary.failing
        _err(
            settings,
            f"hapimigrate: {failing} finding{'s' if failing != 1 else ''}{tail}, "
            + discover.files_looked_at(summary.files),
        )
    return summary.exit_code


@_without("token_provider", "color")
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
def baseline_command(settings: Settings, output: str, strict: bool) -> int:
    """Record today's findings, so that `check --baseline` fails only on new ones.
    The file holds paths, rule ids and fingerprints: no line numbers, no keys."""
    _check_writable(output, "--output")
    summary = Summary("baseline")
    findings = _findings(settings, summary, strict, machine=True)
    try:  # an existing baseline keeps its entries for the paths not looked at
        counts, kept = baseline.recorded(findings, output, settings.paths)
    except baseline.BaselineError as error:
        raise config_error(f"{error}; not overwritten (remove it, or use -o)")
    if summary.errors:
        _err(settings, f"hapimigrate: {output} not written: the run had errors (above)")
        return summary.exit_code
    _write_text(output, baseline.dump(counts, settings.root, output))
    if not settings.quiet:
        more = f" ({kept} kept for paths not looked at)" if kept else ""
        _err(
            settings,
            f"hapimigrate: {len(findings)} findings recorded in {output}{more}, "
            + discover.files_looked_at(summary.files),
        )
    return summary.exit_code


def _findings(
    settings: Settings, summary: Summary, strict: bool, machine: bool
) -> list[Site]:
    findings: list[Site] = []
    for result in _results(
        settings, summary, machine, checking=True, strict=strict, calls=CALLS_DATED
    ):
        _count_error(settings, summary, result)
        if result.sites:
            text = (result.original or b"").decode(result.encoding, errors="replace")
            findings += suppress.unsuppressed(result.sites, text)
    return findings


@main.group()
def scaffold() -> None:
    """Write ready-made code for the migrated app."""


@scaffold.command()
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="Where to write the module, e.g. myapp/hubspot_oauth.py "
              "(- for standard output).")  # fmt: skip
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def oauth(output: str, force: bool) -> None:
    """A dependency-free OAuth token provider (refresh-token grant, cached,
    thread-safe), and the --token-provider line to use it: the module name is
    the path's, relative to here (less a leading src/)."""
    from importlib import resources

    from hapimigrate import templates

    template = (
        resources.files("hapimigrate.templates")
        .joinpath("oauth_provider.py")
        .read_text()
    )
    if output == "-":
        click.echo(template, nl=False)
        click.echo(
            "hapimigrate: save it as a module of your app (myapp/hubspot_oauth.py), "
            "then: hapimigrate apply --token-provider "
            "myapp.hubspot_oauth:get_access_token PATH...",
            err=True,
        )
        return
    if os.path.exists(output) and not force:
        raise click.UsageError(f"{output} exists (use --force to overwrite)")
    name = templates.import_name(output)
    os.makedirs(os.path.dirname(output) or ".", exist_ok=True)
    _write_text(output, template)
    click.echo(f"wrote {output}", err=True)
    for was, now in name.renames:
        click.echo(
            f"hapimigrate: rename {was} to {now}: a module is imported by a name "
            "made of letters, digits and _",
            err=True,
        )
    if name.root != ".":
        click.echo(
            f"hapimigrate: the module imports as {name.dotted} when {name.root} "
            "is on the import path (an installed src/ layout package, or "
            f"PYTHONPATH={name.root})",
            err=True,
        )
    click.echo(
        f"hapimigrate apply --token-provider {name.dotted}:get_access_token PATH..."
    )


@main.group()
def verify() -> None:
    """Prove the migrated app works: the token's scopes, and the requests it
    really makes."""


def _paths_optional(command: click.Command) -> click.Command:
    """PATHS may be left out (the current folder, or none with --from-report)."""
    for param in command.params:
        if param.name == "paths":
            param.required = False
    return command


@_without("color")  # nothing in its output is coloured
@_paths_optional
@verify.command(name="token")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(VERIFY_FORMATS),
    default="text",
    show_default=True,
)
@output_option
@click.option(
    "--expect-hub",
    metavar="ID",
    help="Fail unless the token is for this HubSpot account (hub / portal id).",
)
@click.option(
    "--token-kind",
    type=click.Choice(["auto", "private-app", "oauth", "service-key"]),
    default="auto",
    show_default=True,
    help="What the token is: auto tells private-app tokens (pat-...) and OAuth "
    "access tokens by their shape.",
)
@click.option(
    "--api-base",
    default="https://api.hubapi.com",
    show_default=True,
    metavar="URL",
    help="Where to ask about the token (HTTPS; plain http only for localhost).",
)
@click.option(
    "--from-report",
    "report_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Compare with the sites of this JSON report (apply --report FILE.json): "
    "after apply, the code no longer shows what needs the token.",
)
@observed_option
@shared_options
def verify_token(
    settings: Settings,
    output_format: str,
    output: str | None,
    expect_hub: str | None,
    token_kind: str,
    api_base: str,
    report_file: str | None,
    observed_file: str | None,
) -> int:
    """Ask HubSpot what the provider's token may do, and compare with the scopes
    the code in PATHS needs: missing scopes, extra ones, the hub, the expiry.
    The token is sent to --api-base only, and never printed.

    Exit 0 when the token has what the code needs (or its kind cannot be asked:
    service keys), 1 when it does not (or is expired, or for another hub), 2 when
    HubSpot cannot be asked (network, 401, rate limit) or on error."""
    from dataclasses import replace

    from hapimigrate.verify import introspect, render
    from hapimigrate.verify import scopes as verify_scopes
    from hapimigrate.verify import token as token_check

    _check_writable(output, "--output")
    try:
        api_base = introspect.check_api_base(api_base)
    except ValueError as error:
        raise click.UsageError(str(error))
    summary = Summary("verify")
    sites: list[Site] = []
    paths = settings.paths or (() if report_file or observed_file else (".",))
    if paths:
        scan = replace(settings, paths=paths)
        for result in _results(scan, summary, machine=True, calls=CALLS_UNLISTED):
            sites.extend(result.sites)
            _count_error(settings, summary, result)
    if report_file:
        try:
            sites += verify_scopes.sites_from_report(report_file)
        except verify_scopes.ReportFileError as error:
            raise click.UsageError(f"--from-report: {error}")
    built = _with_observed(
        reporting.build(sites, settings.token_provider), observed_file
    )
    outcome = token_check.verify(
        settings.token_provider, built, token_kind, api_base, expect_hub
    )
    if output_format == "json":
        rendered = render.token_json(outcome)
    else:
        rendered = render.token_text(outcome)
    _emit(settings, rendered, output)
    if outcome.exit_code or not settings.quiet:
        _err(settings, render.token_summary(outcome))
    return max(outcome.exit_code, summary.exit_code)


@verify.command(name="run", context_settings={"allow_interspersed_args": False})
@click.option(
    "--observed",
    "observed_file",
    type=click.Path(dir_okay=False, writable=True),
    help="Write every (method, endpoint) seen, and the violations, to FILE "
    "(JSON), for `report --observed FILE`.",
)
@click.option(
    "--hubspot-host",
    "hosts",
    multiple=True,
    metavar="HOST[:PORT]",
    help="Watch requests to this host too, as HubSpot's (a local stand-in, a "
    "recording proxy); repeatable.",
)
@click.option(
    "--old-key-env",
    "key_vars",
    multiple=True,
    metavar="NAME",
    help="A variable holding the old API key, whose value must not be sent "
    "(default HUBSPOT_API_KEY); repeatable.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print violations only.")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def verify_run(
    observed_file: str | None,
    hosts: tuple[str, ...],
    key_vars: tuple[str, ...],
    quiet: bool,
    command: tuple[str, ...],
) -> None:
    """Run COMMAND (your tests, a dry run) and watch every request its Python
    processes make to HubSpot: one sending hapikey or the old key, one without
    `Authorization: Bearer`, or one to a retired endpoint is a violation, shown
    with the file and line of your code that made it.

    Exit 1 on a violation, else the command's own exit status (2 when no Python
    process could be watched).

        hapimigrate verify run --observed observed.json -- pytest -q"""
    from hapimigrate.verify import observed as verify_observed
    from hapimigrate.verify import render
    from hapimigrate.verify import run as verify_runner

    _check_writable(observed_file, "--observed")  # before the command runs
    for name in key_vars:
        if not name.isidentifier():
            raise click.BadParameter(
                f"not a variable name: {name!r}", param_hint="--old-key-env"
            )
    try:
        outcome = verify_runner.run(
            command, hosts, key_vars or verify_runner.DEFAULT_KEY_VARS
        )
    except verify_runner.CommandError as error:
        click.echo(f"hapimigrate: error: {error}", err=True)
        sys.exit(error.status)
    seen = verify_observed.from_watched(outcome.watched, os.getcwd())
    if observed_file:
        _write_text(observed_file, verify_observed.dump(seen))
    if not outcome.watched.processes:
        click.echo(render.nothing_watched(outcome.status), err=True, nl=False)
        sys.exit(2)
    click.echo(render.run_text(seen, outcome.status, quiet), err=True, nl=False)
    sys.exit(1 if seen.violations else outcome.status)


def _with_observed(built: reporting.Report, observed_file: str | None):
    """``built`` with what `verify run --observed` saw merged in."""
    if not observed_file:
        return built
    from hapimigrate.verify import observed

    try:
        return observed.merge(built, observed.load(observed_file))
    except observed.ObservedError as error:
        raise click.UsageError(f"--observed: {error}")


def _err(settings: Settings, message: str) -> None:
    progress.clear()
    click.echo(message, err=True, color=settings.color)


def _emit(settings: Settings, rendered: str, output: str | None) -> None:
    if output:
        _write_text(output, rendered)
    else:
        progress.clear()
        click.echo(rendered, nl=False, color=settings.color)


def _render(built: reporting.Report, output_format: str) -> str:
    if output_format == "json":
        return report_json.render(built)
    if output_format == "pr":  # read from the JSON, as report --merge reads it
        from hapimigrate.output import report_pr

        return report_pr.render_json_report(report_json.render(built))
    return report_text.render(built, markdown=output_format == "markdown")


def _merge_reports(
    settings: Settings, output_format: str, output: str | None, observed: str | None
) -> int:
    """report --merge: every file read and checked before anything is printed."""
    from hapimigrate.output import report_merge, report_pr

    if observed:
        raise click.UsageError("--observed goes with a tree, not with --merge")
    try:
        merged = report_merge.load_all(settings.paths)
    except report_merge.MergeError as error:
        raise config_error(f"--merge: {error}")  # exit 2, the file named
    render = {
        "json": report_merge.render_json,
        "markdown": report_merge.render_markdown,
        "pr": report_pr.render_merged,
    }.get(output_format, report_merge.render_text)
    _emit(settings, render(merged), output)
    return 0


def _format_of(given: str, output: str | None, by_extension) -> str:
    """The format asked for, or, when none was (the default, ``text``), the one
    the extension of ``-o FILE`` names."""
    source = click.get_current_context().get_parameter_source("output_format")
    if output and given == "text" and source in (None, ParameterSource.DEFAULT):
        return by_extension(output)
    return given


def _check_format_for(path: str) -> str:
    extension = os.path.splitext(path)[1].lower()
    return {".json": "json", ".sarif": "sarif"}.get(extension, "text")


def _format_for(path: str) -> str:
    extension = os.path.splitext(path)[1].lower()
    return {".json": "json", ".md": "markdown", ".markdown": "markdown"}.get(
        extension, "text"
    )


class OutputError(click.ClickException):
    """An output file that cannot be written: exit 2, like every error."""

    exit_code = 2

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")


def _check_writable(path: str | None, option: str) -> None:
    """Fail (exit 2) now, before anything is rewritten, when ``path`` cannot be
    written: a missing folder, no permission, a folder by that name."""
    if not path or path == "-":
        return
    existed = os.path.lexists(path)
    try:
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError as error:
        raise OutputError(path, f"{error.strerror or error} ({option})")
    if not existed:
        os.unlink(path)


def _write_text(path: str, content: str) -> None:
    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
    except OSError as error:
        raise OutputError(path, error.strerror or str(error))


def _finish(settings: Settings, summary: Summary, report_file: str | None) -> None:
    """The scope summary on stderr, and the report file if one was asked for."""
    built = reporting.build(summary.sites, settings.token_provider, summary.changed)
    if report_file:
        _write_text(report_file, _render(built, _format_for(report_file)))
    if not settings.quiet and summary.sites:
        _err(settings, report_text.scope_summary(built))


def _results(
    settings: Settings,
    summary: Summary,
    machine: bool,
    checking: bool = False,
    strict: bool = False,
    modernize: bool = False,
    calls: str = "",
) -> Iterator[FileResult]:
    """The FileResults of every file below the paths, with a progress line on a
    terminal."""
    try:
        provider = providers.resolve(settings.token_provider)
        providers.check_findable(settings.token_provider, settings.paths)
    except providers.ProviderError as error:
        raise click.UsageError(str(error))
    if _reads_stdin(settings):
        return _stdin_results(
            settings,
            summary,
            RunOptions(
                provider,
                settings.verbose,
                scan_text=checking,
                strict=strict,
                modernize=modernize,
                calls=calls,
            ),
        )
    try:
        found = run.find_files(settings.paths, settings.exclude, text_files=checking)
    except discover.MissingPath as missing:
        raise click.BadParameter(f"{missing} does not exist", param_hint="PATHS")
    summary.files = len(found.files)
    summary.skipped = sum(1 for s in found.skipped if not s.error)
    for skipped in found.skipped:
        if skipped.error:  # a folder that cannot be read: the run is incomplete
            summary.errors += 1
            _err(settings, f"{skipped.path}: error: {skipped.reason}")
        elif settings.verbose:
            _err(settings, f"{skipped.path}: skipped: {skipped.reason}")
    if not found.files and not settings.quiet:
        _err(settings, discover.nothing_found(settings.paths, found.skipped, checking))
    try:
        hubspot.today()  # HAPIMIGRATE_TODAY, when set, must be a date
    except DateError as error:
        raise click.UsageError(str(error))
    options = RunOptions(
        provider,
        settings.verbose,
        scan_text=checking,
        strict=strict,
        modernize=modernize,
        calls=calls,
        runner_files=found.runner_files,
    )
    results = run.results(found.files, options, settings.jobs)
    if (
        not checking
        and found.files
        and (_inside_a_project(settings.paths) or settings.exclude.patterns)
    ):
        # excluded files are read, never written: a module there may read a
        # definition, or import a carrier, the run's files change
        from hapimigrate import stdin  # files named alone: decided in their project

        results = iter(stdin.in_project(list(found.files), options, list(results)))
    wanted = progress.wanted(settings.quiet, machine)
    return progress.progress(results, len(found.files), wanted)


def _inside_a_project(paths: tuple[str, ...]) -> bool:
    """Whether the paths named are files, or folders below their project's root
    (``apply app`` in a repository whose ``scripts/`` read ``app``'s modules):
    their rewrites are decided within the project, whose other files are read,
    never written (:func:`hapimigrate.stdin.in_project`)."""
    from hapimigrate import stdin

    if all(map(os.path.isfile, paths)):
        return True
    folders = [os.path.abspath(p) for p in paths if os.path.isdir(p)]
    if not folders:
        return False
    root = stdin.project_root(tuple(paths))
    return any(folder != root for folder in folders)


def _count_error(settings: Settings, summary: Summary, result: FileResult) -> None:
    if result.error:
        summary.errors += 1
        _err(settings, f"{result.path}: error: {result.error}")


def _reads_stdin(settings: Settings) -> bool:
    """PATHS is ``-``: one file, read from standard input."""
    if "-" not in settings.paths:
        if settings.stdin_filename:
            raise click.UsageError("--stdin-filename goes with the path '-'")
        return False
    if len(settings.paths) > 1:
        raise click.UsageError("'-' (standard input) cannot go with other paths")
    return True


def _stdin_results(
    settings: Settings, summary: Summary, options: RunOptions
) -> Iterator[FileResult]:
    from hapimigrate import stdin

    try:
        hubspot.today()  # HAPIMIGRATE_TODAY, when set, must be a date
    except DateError as error:
        raise click.UsageError(str(error))
    data = sys.stdin.buffer.read()
    name = settings.stdin_filename
    excludes = settings.exclude
    if name and getattr(excludes, "force", False) and excludes.match(name, False):
        # --force-exclude: an excluded name is passed over (apply - echoes it)
        return iter([FileResult(name, original=data)])
    summary.files = 1
    return iter([stdin.process(name, data, options, excludes)])


def _migrate(
    settings: Settings,
    summary: Summary,
    write: bool,
    modernize: bool = False,
    reviewer: "review.Review | None" = None,
) -> Summary:
    """diff and apply: every result shown (a diff) or written, but what a
    suppression comment silences; then the uses only check can find."""
    color = settings.stdout_color()
    piped = _reads_stdin(settings)
    handled: set[str] = set()  # files a front end found uses in
    results = _results(settings, summary, machine=piped and write, modernize=modernize)
    held_back: dict[str, bytes] = {}  # review: files left as they are
    if write and reviewer is not None:
        # a file removing a key definition other files read until their own
        # rewrite comes last: it is refused if one of those is not rewritten
        ordered = list(results)
        results = iter(
            [r for r in ordered if not r.removed_keys]
            + [r for r in ordered if r.removed_keys]
        )
    for result in results:
        if result.sites or result.changed:
            handled.add(result.path)
        honoured = suppress.honour(result)
        result = honoured.result
        summary.suppressed += len(honoured.suppressed)
        if piped and write:  # apply -: the text out, as black - does
            summary.sites.extend(result.sites)
            _show_sites(settings, result)
            _count_error(settings, summary, result)
            summary.changed += result.changed
            _echo_bytes(result.new if result.changed else result.original or b"")
            continue
        marked = False  # the rewrite is suppression comments (review: "s")
        if write and reviewer is not None and result.changed and not result.error:
            reader = _still_read(result, held_back)
            if reader is not None:
                result = _held(result, reader)
            else:
                result, marked = _reviewed(settings, summary, reviewer, result)
            if not result.changed or marked:
                held_back[result.path] = result.original or b""
        summary.sites.extend(result.sites)
        _show_sites(settings, result)
        _count_error(settings, summary, result)
        if not result.changed:
            continue
        if not write:
            from hapimigrate.output import diff as diff_output  # not for check

            summary.changed += 1
            patch = diff_output.patch(result)
            _echo_bytes(diff_output.colored_patch(patch) if color else patch)
        elif _write(settings, result):
            if marked:
                if not settings.quiet:
                    _err(settings, f"marked {result.path} ({suppress.COMMENT})")
                continue
            summary.changed += 1
            summary.rewritten.append(result.path)
            if not settings.quiet:
                _err(settings, f"rewrote {result.path}")
        else:
            summary.errors += 1
    if not piped:
        summary.elsewhere.extend(_uses_elsewhere(settings, summary, handled))
        for site in summary.elsewhere if not settings.quiet else ():
            _err(settings, console.site_line(site))
    if not settings.quiet:
        hardcoded = console.hardcoded_keys(summary.sites)
        if hardcoded:
            _err(settings, hardcoded)
        verb = "rewritten" if write else "would change"
        _err(
            settings,
            console.summary(
                verb,
                summary.changed,
                summary.sites,
                summary.errors,
                summary.skipped,
                suppressed=summary.suppressed,
                elsewhere=len(summary.elsewhere),
            )
            + ", "
            + discover.files_looked_at(summary.files),
        )
    return summary


def _echo_bytes(data: bytes) -> None:
    """Bytes to standard output as they are (a diff in the file's encoding)."""
    progress.clear()
    click.echo(data, nl=False)


def _still_read(result: FileResult, held_back: dict[str, bytes]) -> str | None:
    """The first file left as it is in this review that names a key definition
    ``result`` removes (``crm.API_KEY`` in digest.py, whose rewrite was to stop
    reading it), if any."""
    for name in result.removed_keys:
        word = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
        for path, text in held_back.items():
            if word.search(text):
                return f"{name} (read by {os.path.basename(path)})"
    return None


def _held(result: FileResult, reader: str) -> FileResult:
    """``result`` left as it is: it removes ``reader``'s definition."""
    why = (
        f"removes {reader}, a file left as it is in this review: accept that "
        "file's rewrite first, or keep both as they are"
    )
    held = tuple(
        (
            dataclasses.replace(s, status=Status.MANUAL, reason=why)
            if s.status == Status.REWRITE
            else s
        )
        for s in result.sites
    )
    return dataclasses.replace(result, sites=held, new=None)


def _reviewed(
    settings: Settings, summary: Summary, reviewer: "review.Review", result: FileResult
) -> tuple[FileResult, bool]:
    """apply --interactive: the result as the person decided it, and whether
    its new bytes are the original with suppression comments."""
    from hapimigrate import review

    answer = reviewer.ask(result)
    if answer.answer == review.ACCEPT:
        return result, False
    why = {
        review.SKIP: "skipped in review",
        review.QUIT: "not reviewed (quit)",
        review.BASELINE: f"skipped in review, recorded in {reviewer.baseline}",
    }.get(answer.answer, "")
    if answer.answer == review.BASELINE:
        assert reviewer.baseline is not None
        _record_in_baseline(settings, reviewer.baseline, result.path)
    if answer.answer == review.SUPPRESS:
        silenced = [s for s in result.sites if s.status == Status.REWRITE]
        summary.suppressed += len(silenced)
        left = tuple(s for s in result.sites if s not in silenced)
        return dataclasses.replace(result, sites=left, new=answer.new), True
    held = tuple(
        (
            dataclasses.replace(s, status=Status.MANUAL, reason=why)
            if s.status == Status.REWRITE
            else s
        )
        for s in result.sites
    )
    return dataclasses.replace(result, sites=held, new=None), False


def _record_in_baseline(settings: Settings, location: str, path: str) -> None:
    """Record ``path``'s findings, as ``hapimigrate baseline`` would, in the
    baseline at ``location``, keeping its entries for every other path."""
    options = RunOptions(
        providers.resolve(settings.token_provider),
        settings.verbose,
        scan_text=True,
        calls=CALLS_DATED,
    )
    checked = run.process_file(path, options)
    if checked.error:
        raise OutputError(location, f"{path}: {checked.error}")
    text = (checked.original or b"").decode(checked.encoding, errors="replace")
    findings = suppress.unsuppressed(checked.sites, text)
    try:
        counts, _ = baseline.recorded(findings, location, [path])
    except baseline.BaselineError as error:
        raise config_error(str(error))
    _write_text(location, baseline.dump(counts, settings.root, location))


def _uses_elsewhere(
    settings: Settings, summary: Summary, handled: set[str]
) -> list[Site]:
    """The uses diff and apply cannot migrate but check finds: in files of other
    languages no front end found uses in (one without a front end, named or
    walked), and on the shell and magic lines of notebooks. Suppressed ones
    aside."""
    try:
        provider = providers.resolve(settings.token_provider)
        found = run.find_files(settings.paths, settings.exclude, text_files=True)
    except (providers.ProviderError, discover.MissingPath):
        return []
    seen = {(s.path, s.line, s.column) for s in summary.sites}
    candidates = [
        path
        for path in found.files
        if path.endswith(".ipynb")
        or (path not in handled and not path.endswith(prefilter.PYTHON_SUFFIXES))
    ]
    options = RunOptions(provider, settings.verbose, scan_text=True)
    sites: list[Site] = []
    for result in run.results(candidates, options, settings.jobs):  # redacted
        if result.error or not result.sites or result.original is None:
            continue
        text = result.original.decode(result.encoding, errors="replace")
        sites += [
            s
            for s in suppress.unsuppressed(result.sites, text)
            if (s.path, s.line, s.column) not in seen
            and s.status in (Status.MANUAL, Status.UNPARSED)
        ]
    return sites


def _show_sites(settings: Settings, result: FileResult) -> None:
    if settings.quiet:
        return
    for site in result.sites:
        if settings.verbose or site.status != Status.REWRITE:
            _err(settings, console.site_line(site))


def _write(settings: Settings, result: FileResult) -> bool:
    assert result.new is not None and result.original is not None
    from hapimigrate.source import ChangedOnDisk, write_atomic  # not for check

    try:
        write_atomic(result.path, result.new, result.original)
    except ChangedOnDisk as error:
        _err(settings, f"{result.path}: error: {error}; not overwritten")
        return False
    except OSError as error:
        _err(settings, f"{result.path}: error: cannot write: {error.strerror or error}")
        return False
    return True
