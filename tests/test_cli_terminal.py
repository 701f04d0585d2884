"""hapimigrate on a real (pseudo-)terminal: the progress line is erased before
anything else is printed. ``Terminal`` runs a command on a pty and reads its
output until a text appears (the overall timeout is only a guard: every wait is
for output the command is bound to print)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

GUARD = 120.0  # seconds; never reached unless the command hangs


class Terminal:
    """A command with its stdin, stdout and stderr on one pseudo-terminal."""

    def __init__(self, args: list[str], cwd, env: dict[str, str] | None = None):
        environment = {
            k: v
            for k, v in os.environ.items()
            if k not in ("CI", "NO_COLOR", "FORCE_COLOR")
        }
        environment.update(env or {})
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hapimigrate", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=environment,
            close_fds=True,
        )
        os.close(slave)
        self.output = b""
        self._seen = 0  # output before this offset was matched already

    def read_until(self, marker: str) -> str:
        """The output up to and including the next ``marker``."""
        wanted = marker.encode()
        deadline = time.monotonic() + GUARD
        while wanted not in self.output[self._seen :]:
            if not self._read(deadline):
                raise AssertionError(
                    f"{marker!r} never came; output:\n{self.output.decode(errors='replace')}"
                )
        end = self.output.index(wanted, self._seen) + len(wanted)
        text = self.output[self._seen : end].decode(errors="replace")
        self._seen = end
        return text

    def send(self, line: str) -> None:
        os.write(self.master, line.encode() + b"\n")

    def finish(self) -> int:
        """Read to the end; the exit status."""
        deadline = time.monotonic() + GUARD
        while self._read(deadline):
            pass
        status = self.process.wait(timeout=max(1.0, deadline - time.monotonic()))
        os.close(self.master)
        return status

    def _read(self, deadline: float) -> bool:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            self.process.kill()
            raise AssertionError("the command hung")
        ready, _, _ = select.select([self.master], [], [], remaining)
        if not ready:
            return True  # the deadline check above ends it
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: every end of the pty's other side is closed
            return False
        self.output += data
        return bool(data)


LEGACY = (
    "import os\nimport requests\n\n"
    "def deals():\n"
    '    return requests.get("https://api.hubapi.com/deals/v1/deal/paged?hapikey="'
    ' + os.environ["HUBSPOT_API_KEY"])\n'
)


def test_the_progress_line_is_erased_before_the_diff_and_the_summary(tmp_path):
    (tmp_path / "crm.py").write_text(LEGACY)
    terminal = Terminal(["diff", "crm.py"], tmp_path, {"NO_COLOR": "1"})
    assert terminal.finish() == 1
    output = terminal.output.decode()
    assert "hapimigrate: 1/1 files\r\x1b[K--- a/crm.py" in output
    assert "files---" not in output and "fileshapimigrate" not in output
    assert "\x1b[3" not in output  # NO_COLOR: no colour on a terminal
    coloured = Terminal(["diff", "crm.py"], tmp_path)
    assert coloured.finish() == 1
    assert "\x1b[32m+" in coloured.output.decode()  # a terminal: colour


def test_a_pipe_gets_no_progress_line(tmp_path):
    (tmp_path / "crm.py").write_text(LEGACY)
    result = subprocess.run(
        [sys.executable, "-m", "hapimigrate", "diff", "crm.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "files" not in result.stderr.split("hapimigrate: 1 file")[0]
    assert "\r" not in result.stderr
