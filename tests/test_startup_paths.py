"""Start-up, fourth round (issue #15 item 16): what the critical path of a small
``check`` no longer does, each with the fact it relies on. No timings here
(``bench/startup.py`` has them)."""

from __future__ import annotations

import subprocess
import sys


def _visitor_classes() -> set[type]:
    import libcst
    from libcst._batched_visitor import BatchableCSTVisitor

    from hapimigrate import dataclass_cache

    dataclass_cache.import_codemod()  # the codemod's own visitors, too

    def below(cls: type) -> set[type]:
        found: set[type] = set()
        for sub in cls.__subclasses__():
            found |= {sub} | below(sub)
        return found

    return (
        below(BatchableCSTVisitor)
        | below(libcst.CSTVisitor)
        | below(libcst.CSTTransformer)
    )


def test_visitor_names_are_those_inspect_getmembers_finds():
    """LibCST finds a batched visitor's methods with inspect.getmembers; the
    speed-up reads the classes' dictionaries: the same names, same order."""
    from hapimigrate.python import speedups

    classes = _visitor_classes()
    assert len(classes) > 10
    for cls in classes:
        assert speedups._visitor_names(cls) == speedups._visitor_names_by_getmembers(
            cls
        ), cls


def test_a_visitor_override_and_a_no_op_are_told_apart():
    import libcst
    from libcst._batched_visitor import BatchableCSTVisitor

    from hapimigrate.python import speedups

    class Base(BatchableCSTVisitor):
        def visit_Name(self, node: libcst.Name) -> None:
            pass

    class Child(Base):
        visit_Name = libcst.CSTVisitor.visit_Name  # a no-op again

        def leave_Call(self, node: libcst.Call) -> None:
            pass

    assert speedups._visitor_names(Base) == ("visit_Name",)
    assert speedups._visitor_names(Child) == ("leave_Call",)
    assert speedups._visitor_names(Child) == speedups._visitor_names_by_getmembers(
        Child
    )


def test_the_dataclass_cache_is_read_whole(tmp_path):
    """marshal.load on a file reads it a few bytes at a time (ten times slower
    than reading it whole): the cache is read with one read."""
    probe = (
        "import io, marshal, sys\n"
        "from hapimigrate import dataclass_cache\n"
        f"path = {str(tmp_path / 'cache')!r}\n"
        "open(path, 'wb').write(marshal.dumps({'x': compile('1', '<s>', 'eval')}))\n"
        "reads = []\n"
        "real = io.open\n"
        "class Counting(io.FileIO):\n"
        "    def read(self, *a):\n"
        "        reads.append(a)\n"
        "        return super().read(*a)\n"
        "    def readinto(self, b):\n"
        "        reads.append('into')\n"
        "        return super().readinto(b)\n"
        "import builtins\n"
        "builtins.open = lambda p, m='r': Counting(p, m)\n"
        "known = dataclass_cache._load(path)\n"
        "builtins.open = real\n"
        "assert list(known) == ['x'], known\n"
        "print(len(reads))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert int(done.stdout) <= 2  # one read, and the one that finds the end


LEGACY = (
    "import requests\n\n"
    "def owners(key):\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + key)\n"
)
TREE_WIDE = ("tree_developer", "tree_settings", "tree_values", "tree_writers")


def _loaded_after(statement: str) -> set[str]:
    probe = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_check_imports_no_tree_wide_pass_and_diff_does(tmp_path):
    """check runs no tree-wide pass (run.results returns its results as they
    are): it does not import their modules; diff does."""
    (tmp_path / "legacy.py").write_text(LEGACY)

    def loaded(command: str, code: int) -> set[str]:
        statement = (
            "from hapimigrate.cli import main\n"
            f"try:\n    main([{command!r}, '-q', '--jobs', '1', {str(tmp_path)!r}])\n"
            f"except SystemExit as done:\n    assert done.code == {code}, done.code"
        )
        return {m.rsplit(".", 1)[-1] for m in _loaded_after(statement)}

    assert "libcst" in loaded("check", 1)  # a candidate was migrated
    assert not set(TREE_WIDE) & loaded("check", 1)
    assert set(TREE_WIDE) <= loaded("diff", 1)


def test_the_program_ends_with_all_its_output_and_its_exit_code(tmp_path):
    """A program run of check or diff ends by os._exit (no teardown): its output,
    longer than the output buffer, all there, the exit code as click makes it, the
    same as the CLI called in this process."""
    from click.testing import CliRunner

    from hapimigrate.cli import main
    from tests.conftest import run_cli

    for n in range(60):
        (tmp_path / f"m{n:02}.py").write_text(LEGACY.replace("owners", f"owners{n}"))
    for command in (["check", "--format", "json"], ["diff"]):
        done = run_cli(*command, "--jobs", "2", str(tmp_path))
        here = CliRunner().invoke(main, [*command, "--jobs", "1", str(tmp_path)])
        assert done.returncode == here.exit_code == 1
        assert len(done.stdout) > 8192  # io.DEFAULT_BUFFER_SIZE
        assert done.stdout == here.stdout
    missing = run_cli("check", str(tmp_path / "missing"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_leaving_waits_for_other_threads_and_runs_the_exit_handlers(tmp_path):
    """_leave ends the process only when no other thread runs, after the exit
    handlers; else the interpreter ends it as usual (and joins the thread)."""
    probe = (
        "import atexit, sys, threading\n"
        "from hapimigrate import cli\n"
        "atexit.register(print, 'handler ran')\n"
        "go = threading.Event()\n"
        "if sys.argv[1] == 'thread':\n"
        "    threading.Thread(target=lambda: (go.wait(), print('joined'))).start()\n"
        "try:\n"
        "    raise SystemExit(3)\n"
        "except SystemExit as done:\n"
        "    cli._leave(done)\n"
        "    print('not left', flush=True)\n"
        "    go.set()\n"
        "    raise\n"
    )
    alone = subprocess.run(
        [sys.executable, "-c", probe, "alone"], capture_output=True, text=True
    )
    assert (alone.returncode, alone.stdout) == (3, "handler ran\n")
    waited = subprocess.run(
        [sys.executable, "-c", probe, "thread"], capture_output=True, text=True
    )
    assert waited.returncode == 3
    assert waited.stdout == "not left\njoined\nhandler ran\n"
