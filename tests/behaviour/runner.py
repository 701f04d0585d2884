"""Run one case of a scenario in this (fresh) process and write what it did as JSON.

    python -m tests.behaviour.runner run SRC SCENARIO CASE PHASE OUT [--cap N] [--time-limit S]
    python -m tests.behaviour.runner describe SRC SCENARIO OUT

``run`` installs the recording fakes, puts SRC first on ``sys.path`` (then the SDK
stand-ins, then everything installed), changes to SRC, imports SCENARIO and calls
``case_<name>(credential)`` where ``credential(name)`` is ``key-<name>`` before migration
and ``tok-<name>`` after. It writes a ``CaseRun`` (every request, and the exception the
case raised, if any). The environment is the caller's business: the harness passes a
clean one. ``describe`` writes the scenario's ``ENV``, ``CASE_ENV``, docstring and case
names, for the harness to plan the runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import sys
import traceback
import types
from typing import Any, Callable

from tests.behaviour import fakes, sdk
from tests.behaviour.records import PHASES, CaseRun, Failure, case_run_to_dict

SCENARIO_MODULE = "_behaviour_scenario"
HARNESS_ROOT = os.path.dirname(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
)


class CaseTimeout(BaseException):
    """The case ran past its time limit."""


def load_scenario(path: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(SCENARIO_MODULE, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[SCENARIO_MODULE] = module
    spec.loader.exec_module(module)
    return module


def case_names(module: types.ModuleType) -> list[str]:
    """The ``case_*`` functions in the order the scenario defines them."""
    found = [
        (getattr(value, "__code__").co_firstlineno, name)
        for name, value in vars(module).items()
        if name.startswith("case_") and callable(value) and hasattr(value, "__code__")
    ]
    return [name for _, name in sorted(found)]


def isolate(src_dir: str) -> None:
    """``sys.path``: SRC first, no trace of the harness; the harness's own packages are
    dropped from ``sys.modules`` so a project may have a ``tests`` package of its own.
    """
    harness = {HARNESS_ROOT, "", "."}
    kept = [p for p in sys.path if os.path.abspath(p or ".") not in harness and p]
    sys.path[:] = [src_dir, *kept]
    for name in list(sys.modules):
        if name == "tests" or name.startswith("tests."):
            del sys.modules[name]
    os.chdir(src_dir)


def credential_for(phase: str) -> Callable[[str], str]:
    prefix = "key" if phase == "before" else "tok"

    def credential(name: str) -> str:
        return f"{prefix}-{name}"

    return credential


def run_case(
    src_dir: str,
    scenario_path: str,
    case: str,
    phase: str,
    cap: int,
    time_limit: float,
) -> CaseRun:
    src_dir = os.path.abspath(src_dir)
    scenario_path = os.path.abspath(scenario_path)
    recorder = fakes.Recorder(src_dir, cap=cap)
    fakes.install(recorder)
    sdk.install(recorder, src_dir)
    isolate(src_dir)
    try:
        scenario = load_scenario(scenario_path)
        function = getattr(scenario, case, None)
        if not callable(function):
            return CaseRun(case, phase, (), harness_error=f"no function {case}")
        recorder.set_responses(getattr(scenario, "RESPONSES", ()) or ())
    except Exception as error:  # noqa: BLE001 - a broken scenario is a harness error
        return CaseRun(case, phase, (), harness_error=f"scenario: {error!r}")

    def on_alarm(signum: int, frame: Any) -> None:
        raise CaseTimeout(f"the case ran for more than {time_limit} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    error: Failure | None = None
    try:
        function(credential_for(phase))
    except fakes.RequestCapReached:
        pass
    except BaseException as exc:  # noqa: BLE001 - the case's exception is the result
        error = describe_exception(exc, recorder)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return CaseRun(
        case=case,
        phase=phase,
        requests=tuple(recorder.requests),
        error=error,
        capped=recorder.capped,
    )


def describe_exception(exc: BaseException, recorder: fakes.Recorder) -> Failure:
    frames = traceback.extract_tb(exc.__traceback__)
    message = str(exc)
    if isinstance(exc, SystemExit):
        message = f"exit status {exc.code!r}"
    return Failure(
        type=type(exc).__name__,
        message=message[:500],
        frames=recorder.frames((f.filename, f.lineno or 0, f.name) for f in frames),
    )


def describe(src_dir: str, scenario_path: str) -> dict[str, Any]:
    scenario_path = os.path.abspath(scenario_path)
    recorder = fakes.Recorder(src_dir, cap=0)
    fakes.install(recorder)
    sdk.install(recorder, os.path.abspath(src_dir))
    isolate(os.path.abspath(src_dir))
    scenario = load_scenario(scenario_path)
    env = dict(getattr(scenario, "ENV", {}) or {})
    case_env = dict(getattr(scenario, "CASE_ENV", {}) or {})
    return {
        "doc": (scenario.__doc__ or "").strip(),
        "env": {str(k): str(v) for k, v in env.items()},
        "case_env": {
            str(case): {str(k): str(v) for k, v in (values or {}).items()}
            for case, values in case_env.items()
        },
        "cases": case_names(scenario),
    }


def write_json(path: str, data: Any) -> None:
    temporary = path + ".part"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    os.replace(temporary, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.behaviour.runner")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run")
    run.add_argument("src")
    run.add_argument("scenario")
    run.add_argument("case")
    run.add_argument("phase", choices=PHASES)
    run.add_argument("out")
    run.add_argument("--cap", type=int, default=fakes.DEFAULT_CAP)
    run.add_argument("--time-limit", type=float, default=15.0)
    info = commands.add_parser("describe")
    info.add_argument("src")
    info.add_argument("scenario")
    info.add_argument("out")
    args = parser.parse_args(argv)
    out = os.path.abspath(args.out)
    if args.command == "describe":
        write_json(out, describe(args.src, args.scenario))
        return 0
    result = run_case(
        args.src, args.scenario, args.case, args.phase, args.cap, args.time_limit
    )
    write_json(out, case_run_to_dict(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
