"""What a run comes to: the exit codes each command derives from its counters,
and the summary line of diff and apply."""

from __future__ import annotations

from hapimigrate.model import Kind, Site, Status
from hapimigrate.output import console
from hapimigrate.summary import Summary


def site(status: Status, kind: Kind = Kind.URL, path: str = "a.py") -> Site:
    return Site(path, 3, 1, 3, 9, kind, status)


def test_apply_exits_1_while_uses_it_cannot_migrate_remain():
    summary = Summary("apply", sites=[site(Status.REWRITE)])
    assert summary.exit_code == 0
    summary.elsewhere.append(site(Status.MANUAL, Kind.TEXT, "app.sh"))
    assert (summary.pending, summary.exit_code) == (1, 1)
    summary.errors = 1
    assert summary.exit_code == 2  # an error comes first


def test_check_exit_zero_hides_findings_never_errors():
    summary = Summary("check", failing=3, exit_zero=True)
    assert summary.exit_code == 0
    summary.errors = 1
    assert summary.exit_code == 2
    assert Summary("check", failing=3).exit_code == 1


def test_the_summary_line_counts_what_is_left_and_points_to_check():
    sites = [site(Status.REWRITE), site(Status.UNPARSED, Kind.TEXT, "b.py")]
    line = console.summary("rewritten", 1, sites, 0, 0, suppressed=2, elsewhere=3)
    assert line == (
        "hapimigrate: 1 file rewritten, 1 site migrated, 1 in files that do not "
        "parse, 3 outside Python (other languages, notebook shell lines): not "
        "migrated, see hapimigrate check, 2 suppressed by a comment"
    )
    quiet = console.summary("would change", 0, [], 0, 0)
    assert quiet == "hapimigrate: 0 files would change, 0 sites migrated"


def test_colour_from_the_environment():
    assert console.color_choice("auto", {}) is None  # a terminal decides
    assert console.color_choice("auto", {"NO_COLOR": "1"}) is False
    assert console.color_choice("auto", {"NO_COLOR": ""}) is None  # empty: unset
    assert console.color_choice("auto", {"FORCE_COLOR": "1"}) is True
    assert console.color_choice("auto", {"FORCE_COLOR": "0"}) is None
    assert console.color_choice("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}) is False
    assert console.color_choice("never", {"FORCE_COLOR": "1"}) is False
    assert console.color_choice("always", {"NO_COLOR": "1"}) is True
