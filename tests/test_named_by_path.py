"""A plain function whose key parameter is taken as its callers' credential
(``def sync(api_key): requests.get(..., params={"hapikey": api_key})``): its
callers in Python are followed, but a job queue or a scheduler calls it by its
dotted path with what it was handed there (``q.enqueue("pkg.jobs.sync", KEY)``,
APScheduler's ``add_job("pkg.jobs:sync", args=[KEY])``, a YAML schedule). Such a
mention anywhere in the project keeps the function manual: migrated, the old
key would go as a Bearer token."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

JOBS = """\
import requests

URL = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"


def sync(api_key, count=100):
    return requests.get(URL, params={"hapikey": api_key, "count": count}).json()
"""
FILES = {"pkg/__init__.py": "", "pkg/jobs.py": JOBS}


def _jobs(results: dict) -> tuple[set, str]:
    sites = key_sites(results["pkg/jobs.py"])
    return {s.status for s in sites}, " ".join(s.reason for s in sites)


def test_with_no_such_mention_its_callers_pass_tokens(tmp_path):
    caller = "from pkg import jobs\n\n\ndef run(token):\n    return jobs.sync(token)\n"
    results = tree(tmp_path, FILES | {"pkg/cli.py": caller})
    assert _jobs(results)[0] == {Status.REWRITE}
    assert '"Bearer " + api_key' in results["pkg/jobs.py"].new.decode()


def test_an_rq_enqueue_by_dotted_path_keeps_it_manual(tmp_path):
    producer = (
        "import os\nfrom rq import Queue\n\nq = Queue()\n\n\n"
        "def schedule():\n"
        '    q.enqueue("pkg.jobs.sync", os.environ["HUBSPOT_API_KEY"], 50)\n'
    )
    results = tree(tmp_path, FILES | {"pkg/producer.py": producer})
    statuses, reason = _jobs(results)
    assert statuses == {Status.MANUAL}
    assert "producer.py:8" in reason
    assert not results["pkg/jobs.py"].changed


def test_an_apscheduler_job_by_module_colon_name_keeps_it_manual(tmp_path):
    producer = (
        "import os\n\n\ndef start(scheduler):\n"
        '    scheduler.add_job("pkg.jobs:sync", "interval", minutes=5,\n'
        '                      args=[os.environ["HUBSPOT_API_KEY"]])\n'
    )
    results = tree(tmp_path, FILES | {"pkg/clock.py": producer})
    assert _jobs(results)[0] == {Status.MANUAL}


def test_a_yaml_schedule_beside_the_package_keeps_it_manual(tmp_path):
    """The schedule is no Python file and lies beside the package, outside
    the folder the Python files share."""
    schedule = 'jobs:\n  - func: pkg.jobs:sync\n    args: ["${HUBSPOT_API_KEY}"]\n'
    results = tree(tmp_path, FILES | {"schedule.yaml": schedule})
    statuses, reason = _jobs(results)
    assert statuses == {Status.MANUAL}
    assert "schedule.yaml:2" in reason


def test_a_name_built_from_the_module_name_keeps_it_manual(tmp_path):
    jobs = JOBS + (
        "\n\ndef kick(queue, key):\n" '    queue.enqueue(f"{__name__}.sync", key)\n'
    )
    results = tree(tmp_path, FILES | {"pkg/jobs.py": jobs})
    assert _jobs(results)[0] == {Status.MANUAL}


def test_an_attribute_call_in_code_is_a_caller_not_a_path(tmp_path):
    """``jobs.sync(token)`` in Python is a call, followed as any; only a
    string or another kind of file names the function by its path."""
    caller = "from pkg import jobs\n\n\ndef run(token):\n    return jobs.sync(token)\n"
    results = tree(tmp_path, FILES | {"pkg/cli.py": caller, "NOTES.txt": "see run\n"})
    assert _jobs(results)[0] == {Status.REWRITE}


def test_a_sibling_service_of_a_monorepo_is_searched(tmp_path):
    """Run on one service of a repository (its own pyproject.toml): another
    service of the repository may enqueue the function by its path."""
    from hapimigrate import providers, run
    from hapimigrate.model import RunOptions

    (tmp_path / ".git").mkdir()
    worker = tmp_path / "services" / "worker"
    (worker / "pkg").mkdir(parents=True)
    (worker / "pyproject.toml").write_text("[project]\nname = 'worker'\n")
    (worker / "pkg" / "__init__.py").write_text("")
    (worker / "pkg" / "jobs.py").write_text(JOBS)
    api = tmp_path / "services" / "api"
    api.mkdir(parents=True)
    (api / "views.py").write_text(
        "import os\n\n\ndef kick(queue):\n"
        '    queue.enqueue("pkg.jobs.sync", os.environ["HUBSPOT_API_KEY"])\n'
    )
    paths = [str(worker / "pkg" / "__init__.py"), str(worker / "pkg" / "jobs.py")]
    options = RunOptions(providers.resolve(None))
    (jobs,) = [
        r for r in run.results(paths, options, jobs=1) if r.path.endswith("jobs.py")
    ]
    assert {s.status for s in key_sites(jobs)} == {Status.MANUAL}
    assert "views.py:5" in " ".join(s.reason for s in key_sites(jobs))


def test_a_module_imported_by_name_names_its_functions(tmp_path):
    """A review: "run a job by name" looks the function up on a module
    imported by its name; the module's name alone is the mention."""
    runner = (
        "import importlib\nimport os\n\nJOBS_MODULE = 'pkg.jobs'\n\n\n"
        "def main(name):\n"
        "    job = getattr(importlib.import_module(JOBS_MODULE), name)\n"
        '    return job(os.environ["HUBSPOT_API_KEY"])\n'
    )
    results = tree(tmp_path, FILES | {"pkg/runjob.py": runner})
    statuses, reason = _jobs(results)
    assert statuses == {Status.MANUAL}
    assert "runjob.py:4" in reason


def test_a_path_through_the_package_re_exporting_it(tmp_path):
    producer = (
        "import os\n\n\ndef kick(q):\n"
        '    q.enqueue("pkg.sync", os.environ["HUBSPOT_API_KEY"], 50)\n'
    )
    files = FILES | {"pkg/__init__.py": "from .jobs import sync\n", "app.py": producer}
    assert _jobs(tree(tmp_path, files))[0] == {Status.MANUAL}


def test_a_path_made_from_the_package_name(tmp_path):
    producer = (
        "import os\n\n\ndef kick(q):\n"
        '    q.enqueue(f"{__package__}.jobs.sync", os.environ["HUBSPOT_API_KEY"])\n'
    )
    assert _jobs(tree(tmp_path, FILES | {"pkg/kick.py": producer}))[0] == {
        Status.MANUAL
    }


def test_a_schedule_in_a_multi_line_string(tmp_path):
    producer = (
        "import os\n\nSCHEDULE = '''\n- func: pkg.jobs.sync\n  cron: '0 * * * *'\n'''\n"
        "\n\ndef start(scheduler, jobs):\n"
        "    for job in jobs:\n"
        '        scheduler.cron(job["cron"], func=job["func"],\n'
        '                       args=[os.environ["HUBSPOT_API_KEY"]])\n'
    )
    statuses, reason = _jobs(tree(tmp_path, FILES | {"pkg/clock.py": producer}))
    assert statuses == {Status.MANUAL}
    assert "clock.py:4" in reason


def test_a_partial_path_in_prose_is_no_mention(tmp_path):
    """``jobs.sync`` in a README is not the path a queue needs (``pkg.jobs.sync``):
    a repository's docs naming a module's function in passing change nothing."""
    caller = "from pkg import jobs\n\n\ndef run(token):\n    return jobs.sync(token)\n"
    notes = "Call jobs.sync or client.get to refresh.\n"
    files = FILES | {"pkg/cli.py": caller, "README.md": notes}
    assert _jobs(tree(tmp_path, files))[0] == {Status.REWRITE}


def test_ignored_and_data_files_are_not_read(tmp_path):
    """A review: a repository's git-ignored exports (1.5 GB of CSV) were read
    whole for each search. What .gitignore leaves out, and data files, are
    not searched: a schedule is neither."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("exports/\n")
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "jobs.yaml").write_text("func: pkg.jobs:sync\n")
    (tmp_path / "runs.csv").write_text("when,func\n2026-11-30,pkg.jobs.sync\n")
    caller = "from pkg import jobs\n\n\ndef run(token):\n    return jobs.sync(token)\n"
    assert _jobs(tree(tmp_path, FILES | {"pkg/cli.py": caller}))[0] == {Status.REWRITE}


def test_a_path_completed_at_run_time_names_every_function(tmp_path):
    """A review: ``f"pkg.jobs.{job}"`` names whichever function ``job`` holds."""
    producer = (
        "import os\n\nNIGHTLY = ['sync']\n\n\ndef schedule(q):\n"
        "    for job in NIGHTLY:\n"
        '        q.enqueue(f"pkg.jobs.{job}", os.environ["HUBSPOT_API_KEY"])\n'
    )
    statuses, reason = _jobs(tree(tmp_path, FILES | {"pkg/producer.py": producer}))
    assert statuses == {Status.MANUAL}
    assert "producer.py:8" in reason


def test_a_named_pipe_in_the_repository_is_not_read(tmp_path):
    """A review: a FIFO in the repository (a supervisor's socket file) made the
    search wait for ever on opening it. Only regular files are read."""
    import os
    import subprocess
    import sys

    (tmp_path / ".git").mkdir()
    caller = "from pkg import jobs\n\n\ndef run(token):\n    return jobs.sync(token)\n"
    for name, text in (FILES | {"pkg/cli.py": caller}).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    os.mkfifo(tmp_path / "events.pipe")
    done = subprocess.run(
        [sys.executable, "-m", "hapimigrate", "diff", str(tmp_path / "pkg")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr  # something to change, and done
