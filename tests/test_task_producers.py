"""A task's key parameter (``@app.task def sync_owners(api_key)``): a worker calls
it with what producers enqueued. With no producer in the tree, they are callers
out of sight, as for any function other code imports: the key is their
credential, sent as their Bearer token (the report says callers pass tokens).
A producer in the tree, which is not followed, keeps it manual: another module
calling ``.delay(KEY)``, a beat schedule or a dispatcher naming it by string,
this module's own ``.apply_async(...)``."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

QUEUE = """\
REGISTRY = {}


def task(name):
    def register(fn):
        REGISTRY[name] = fn
        fn.delay = fn
        return fn

    return register


def dispatch(name, *args):
    return REGISTRY[name](*args)
"""
API = """\
import requests

BASE = "https://api.hubapi.com"


def get_owners(api_key):
    return requests.get(BASE + "/owners/v2/owners", params={"hapikey": api_key}).json()
"""
TASKS = """\
from worker.api import get_owners
from worker.queue import task


@task("hubspot.sync_owners")
def sync_owners(api_key):
    return len(get_owners(api_key))
"""
FILES = {
    "worker/__init__.py": "",
    "worker/queue.py": QUEUE,
    "worker/api.py": API,
    "worker/tasks.py": TASKS,
}


def _statuses(results: dict) -> dict:
    return {
        name: {s.status for s in key_sites(result)}
        for name, result in results.items()
        if key_sites(result)
    }


def test_a_task_no_module_enqueues_sends_its_callers_token(tmp_path):
    results = tree(tmp_path, FILES)
    assert _statuses(results) == {
        "worker/api.py": {Status.REWRITE},
        "worker/tasks.py": {Status.REWRITE},
    }
    assert 'headers={"Authorization": "Bearer " + api_key}' in (
        results["worker/api.py"].new.decode()
    )
    assert not results["worker/tasks.py"].changed


def test_it_behaves_as_before(tmp_path):
    project = {f"src/{n}": text for n, text in FILES.items()} | {
        "scenario.py": (
            '"""A worker running a task a producer out of the tree enqueued."""\n'
            "def case_sync(credential):\n"
            "    from worker.tasks import sync_owners\n\n"
            '    sync_owners(credential("key-tenant"))\n'
        )
    }
    behaves(tmp_path / "tasks", project, manual=0)


def _manual_everywhere(results: dict, where: str) -> None:
    assert not any(r.changed for r in results.values())
    statuses = _statuses(results)
    assert statuses["worker/api.py"] == {Status.MANUAL}
    (reason,) = {s.reason for s in key_sites(results["worker/api.py"])}
    assert where in reason, reason


def test_a_beat_schedule_naming_the_task_keeps_it_manual(tmp_path):
    """A review: a beat schedule naming the task by string, with the configured
    key as its argument: migrated, the old key went as a token."""
    schedule = (
        "import os\n"
        'beat_schedule = {"owners": {"task": "worker.tasks.sync_owners", '
        '"schedule": 60.0, "args": (os.environ["HUBSPOT_API_KEY"],)}}\n'
    )
    results = tree(tmp_path, FILES | {"worker/celeryconf.py": schedule})
    _manual_everywhere(results, "celeryconf.py:2")


def test_a_dispatcher_naming_the_registered_task_keeps_it_manual(tmp_path):
    runner = (
        "import os\nfrom worker.queue import dispatch\n\n\n"
        "def main():\n"
        '    dispatch("hubspot.sync_owners", os.environ["HUBSPOT_API_KEY"])\n'
    )
    results = tree(tmp_path, FILES | {"worker/runner.py": runner})
    _manual_everywhere(results, "runner.py:6")


def test_a_producer_in_the_tree_keeps_it_manual(tmp_path):
    view = (
        "import os\nfrom worker.tasks import sync_owners\n\n\n"
        "def trigger():\n"
        '    sync_owners.delay(os.environ["HUBSPOT_API_KEY"])\n'
    )
    results = tree(tmp_path, FILES | {"worker/views.py": view})
    assert not any(r.changed for r in results.values())
    assert _statuses(results)["worker/api.py"] == {Status.MANUAL}


def test_the_task_enqueued_in_its_own_module_keeps_it_manual(tmp_path):
    tasks = TASKS + (
        "\n\ndef kick():\n" '    sync_owners.delay("hubspot-portal-key-from-db")\n'
    )
    results = tree(tmp_path, FILES | {"worker/tasks.py": tasks})
    _manual_everywhere(results, "line 11")


def test_a_task_sending_the_key_itself(tmp_path):
    """The task's own request: its producers' key is sent as their token."""
    own = (
        "import requests\nfrom worker.queue import task\n\n\n"
        '@task("hubspot.deals")\n'
        "def deals(api_key):\n"
        '    return requests.get("https://api.hubapi.com/deals/v1/deal/paged",'
        ' params={"hapikey": api_key, "limit": 10}).json()\n'
    )
    results = tree(
        tmp_path,
        {"worker/__init__.py": "", "worker/queue.py": QUEUE, "worker/deals.py": own},
    )
    (site,) = key_sites(results["worker/deals.py"])
    assert site.status == Status.REWRITE
    assert "callers pass access tokens" in site.reason
    schedule = 'SCHEDULE = [("hubspot.deals", "portal-key")]\n'
    results = tree(
        tmp_path / "scheduled",
        {
            "worker/__init__.py": "",
            "worker/queue.py": QUEUE,
            "worker/deals.py": own,
            "worker/schedule.py": schedule,
        },
    )
    (site,) = key_sites(results["worker/deals.py"])
    assert site.status == Status.MANUAL and "schedule.py:1" in site.reason


def test_a_schedule_in_yaml_keeps_it_manual(tmp_path):
    """Review 18's T1: a beat schedule in YAML with the key's variable."""
    schedule = (
        "owners:\n  task: worker.tasks.sync_owners\n" '  args: ["${HUBSPOT_API_KEY}"]\n'
    )
    (tmp_path / "worker").mkdir()
    (tmp_path / "worker" / "beat.yaml").write_text(schedule)
    results = tree(tmp_path, FILES)
    _manual_everywhere(results, "beat.yaml:2")


def test_its_own_module_naming_it_by_its_celery_name_keeps_it_manual(tmp_path):
    """Review 18's T2: the schedule beside the task names it by the name Celery
    gives it (the module's path), not by a name its decorator gives."""
    tasks = (
        "import os\nfrom worker.api import get_owners\nfrom worker.queue import task\n"
        'SCHEDULE = {"owners": {"task": "worker.tasks.sync_owners",'
        ' "args": (os.environ["HUBSPOT_API_KEY"],)}}\n\n\n'
        '@task("hubspot.sync_owners")\n'
        "def sync_owners(api_key):\n    return len(get_owners(api_key))\n"
    )
    results = tree(tmp_path, FILES | {"worker/tasks.py": tasks})
    _manual_everywhere(results, "tasks.py:4")


def test_a_task_registered_under_a_constant_keeps_it_manual(tmp_path):
    """Review 18's T3: ``@task(SYNC_OWNERS)``: its producers name the constant."""
    tasks = TASKS.replace('@task("hubspot.sync_owners")', "@task(SYNC_OWNERS)").replace(
        "from worker.queue import task\n",
        'from worker.queue import task\n\nSYNC_OWNERS = "hubspot.sync-owners"\n',
    )
    results = tree(tmp_path, FILES | {"worker/tasks.py": tasks})
    _manual_everywhere(results, "name written at run time")


def test_an_actor_name_is_a_registered_name(tmp_path):
    """Review 18's T5: dramatiq's ``actor_name=``, enqueued by that name."""
    tasks = TASKS.replace(
        '@task("hubspot.sync_owners")', '@task(actor_name="owners_sync")'
    ).replace("def task(name):", "def task(name=None, actor_name=None):")
    queue = QUEUE.replace("def task(name):", "def task(name=None, actor_name=None):")
    producer = (
        "import os\n\n\ndef message():\n"
        '    return {"actor_name": "owners_sync", "args": [os.environ["HUBSPOT_API_KEY"]]}\n'
    )
    files = FILES | {
        "worker/tasks.py": tasks,
        "worker/queue.py": queue,
        "worker/producer.py": producer,
    }
    results = tree(tmp_path, files)
    _manual_everywhere(results, "producer.py:5")


def test_a_run_on_some_files_still_sees_the_producers(tmp_path):
    """Review 18's T6: ``apply worker/api.py`` alone (a pre-commit hook) runs on
    it and the modules beside it; a producer among the project's other files
    keeps the task's key parameter manual."""
    from pathlib import Path

    from hapimigrate import run
    from tests.trees import OPTIONS, write

    view = (
        "import os\nfrom worker.tasks import sync_owners\n\n\n"
        "def trigger():\n"
        '    sync_owners.delay(os.environ["HUBSPOT_API_KEY"])\n'
    )
    write(tmp_path, FILES | {"worker/views.py": view})
    paths = [str(tmp_path / n) for n in ("worker/api.py", "worker/tasks.py")]
    results = {Path(r.path).name: r for r in run.results(paths, OPTIONS, jobs=1)}
    assert not any(r.changed for r in results.values())
    (site,) = key_sites(results["api.py"])
    assert site.status == Status.MANUAL and "views.py:6" in site.reason


def test_a_producer_choosing_the_task_by_a_computed_name_keeps_it_manual(tmp_path):
    """Review 18's T15: ``send_task(f"worker.tasks.sync_{kind}", ...)`` names no
    task as written, and may be any of them."""
    view = (
        "import os\nfrom celery import current_app\n\n\n"
        "def trigger(kind):\n"
        '    current_app.send_task(f"worker.tasks.sync_{kind}",'
        ' args=[os.environ["HUBSPOT_API_KEY"]])\n'
    )
    results = tree(tmp_path, FILES | {"worker/views.py": view})
    _manual_everywhere(results, "views.py:6")


def test_a_task_class_s_run_keeps_it_manual(tmp_path):
    """Review 18's T16: Celery's class-based task, sent by its name."""
    tasks = (
        "from celery import Task\nfrom worker.api import get_owners\n\n\n"
        "class SyncOwners(Task):\n"
        '    name = "hubspot.sync_owners"\n\n'
        "    def run(self, api_key):\n"
        "        return len(get_owners(api_key))\n"
    )
    results = tree(tmp_path, FILES | {"worker/tasks.py": tasks})
    _manual_everywhere(results, "task class")


def test_an_aliased_task_decorator_is_a_task(tmp_path):
    """Review 18's T19: ``hubspot_task = app.task(max_retries=3)``, a schedule
    naming the task by string."""
    tasks = TASKS.replace('@task("hubspot.sync_owners")', "@hubspot_task").replace(
        "from worker.queue import task\n",
        'from worker.queue import task\n\nhubspot_task = task("hubspot.sync_owners")\n',
    )
    schedule = (
        "import os\n"
        'beat_schedule = {"owners": {"task": "worker.tasks.sync_owners",'
        ' "args": (os.environ["HUBSPOT_API_KEY"],)}}\n'
    )
    files = FILES | {"worker/tasks.py": tasks, "worker/celeryconf.py": schedule}
    results = tree(tmp_path, files)
    _manual_everywhere(results, "celeryconf.py:2")


def test_its_own_module_naming_it_in_an_f_string_keeps_it_manual(tmp_path):
    """Review 18's T20: ``f"{__name__}.sync_owners"`` in a schedule beside it."""
    tasks = TASKS + (
        '\n\nSCHEDULE = {"owners": {"task": f"{__name__}.sync_owners", "args": ()}}\n'
    )
    results = tree(tmp_path, FILES | {"worker/tasks.py": tasks})
    _manual_everywhere(results, "tasks.py:10")


def test_a_task_name_built_by_format_may_be_any_task(tmp_path):
    """Review 18's T25: a literal formatted with the kind is no one name."""
    view = (
        "import os\nfrom celery import current_app\n\n\n"
        "def trigger(kind):\n"
        '    current_app.send_task("worker.tasks.sync_{}".format(kind),'
        ' args=[os.environ["HUBSPOT_API_KEY"]])\n'
    )
    results = tree(tmp_path, FILES | {"worker/views.py": view})
    _manual_everywhere(results, "views.py:6")


def test_a_path_segment_is_no_mention(tmp_path):
    """A URL naming the API the task reads (``/deals/``) does not enqueue it."""
    api = API.replace("def get_owners(", "def fetch_deals(").replace(
        "/owners/v2/owners", "/deals/v1/deal/paged"
    )
    tasks = TASKS.replace("get_owners", "fetch_deals").replace(
        "def sync_owners(", "def deals("
    )
    results = tree(tmp_path, FILES | {"worker/api.py": api, "worker/tasks.py": tasks})
    assert _statuses(results) == {
        "worker/api.py": {Status.REWRITE},
        "worker/tasks.py": {Status.REWRITE},
    }


def test_a_task_looked_up_in_a_registry_alias_may_be_any_task(tmp_path):
    """Review 18's T29: ``registry = current_app.tasks``; ``registry[path].delay``."""
    view = (
        "import os\nfrom celery import current_app\n\nregistry = current_app.tasks\n\n\n"
        "def trigger(path):\n"
        '    registry[path].delay(os.environ["HUBSPOT_API_KEY"])\n'
    )
    results = tree(tmp_path, FILES | {"worker/views.py": view})
    _manual_everywhere(results, "views.py:8")
