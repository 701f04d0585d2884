"""``verify run``: the user's command, run with the interposer on ``PYTHONPATH``.

The command inherits this process's standard streams and environment, plus:
``PYTHONPATH`` with the interposer first, and ``HAPIMIGRATE_VERIFY_*`` saying where
to write, which hosts are HubSpot and which variables hold the old key (names only:
the watched process reads their values itself). What it wrote is read back once the
command has ended, and the folder is removed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Mapping, Sequence

from hapimigrate.hubspot.urls import HUBSPOT_HOST
from hapimigrate.verify import interposer, records

DIR_ENV = "HAPIMIGRATE_VERIFY_DIR"
HOSTS_ENV = "HAPIMIGRATE_VERIFY_HOSTS"
HOST_PATTERN_ENV = "HAPIMIGRATE_VERIFY_HOST_PATTERN"
KEY_VARS_ENV = "HAPIMIGRATE_VERIFY_KEY_VARS"
DEFAULT_KEY_VARS = ("HUBSPOT_API_KEY",)

# what shells answer when a command cannot be run
NOT_FOUND, NOT_EXECUTABLE = 127, 126


class CommandError(Exception):
    """The command could not be started; ``status`` is the shell's exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Outcome:
    status: int  # the command's exit status (128 + N when killed by signal N)
    watched: records.Watched


def environment(
    base: Mapping[str, str],
    directory: str,
    hosts: Sequence[str] = (),
    key_vars: Sequence[str] = DEFAULT_KEY_VARS,
) -> dict[str, str]:
    """``base`` plus what the interposer needs."""
    env = dict(base)
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = interposer.DIRECTORY + (os.pathsep + path if path else "")
    env[DIR_ENV] = directory
    env[HOSTS_ENV] = json.dumps([h.lower() for h in hosts])
    env[HOST_PATTERN_ENV] = HUBSPOT_HOST.pattern
    env[KEY_VARS_ENV] = json.dumps(list(key_vars))
    return env


def run(
    command: Sequence[str],
    hosts: Sequence[str] = (),
    key_vars: Sequence[str] = DEFAULT_KEY_VARS,
    cwd: str | None = None,
    base_env: Mapping[str, str] | None = None,
) -> Outcome:
    """Run ``command`` watched, wait for it, and read what was seen."""
    root = os.path.abspath(cwd or os.getcwd())
    directory = tempfile.mkdtemp(prefix="hapimigrate-verify-")
    try:
        env = environment(
            os.environ if base_env is None else base_env, directory, hosts, key_vars
        )
        status = _wait(_start(command, env, cwd))
        return Outcome(status, records.read(directory, root))
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _start(command: Sequence[str], env: dict[str, str], cwd: str | None):
    try:
        return subprocess.Popen(list(command), env=env, cwd=cwd)
    except FileNotFoundError:
        raise CommandError(f"{command[0]}: command not found", NOT_FOUND) from None
    except PermissionError:
        raise CommandError(f"{command[0]}: permission denied", NOT_EXECUTABLE) from None
    except OSError as error:
        raise CommandError(
            f"{command[0]}: cannot run: {error.strerror or error}", NOT_EXECUTABLE
        ) from None


def _wait(process: subprocess.Popen) -> int:
    """The command's status. Ctrl-C reaches the command (it is in our process
    group); we wait for it to end rather than leave it behind."""
    while True:
        try:
            status = process.wait()
            break
        except KeyboardInterrupt:
            continue
    if status < 0:  # killed by a signal: report it as a shell does
        return 128 - status
    return status
