"""Workers that import the codemod while the command is still starting.

A run that finds a candidate file pays for LibCST and the fixers (about 0.16 s
of imports, more than the rest of a small tree's run) before its first
candidate. So, at the start of a command that looks at files (check, diff,
apply, report, baseline), once the modules the workers share with the CLI are
imported (:mod:`hapimigrate.run`) and before the rest of the CLI's imports,
:func:`start` forks a process that makes those imports and waits, while the
parent imports the CLI, walks the tree and reads the files. The run (:func:`hapimigrate.run.process_files`)
takes it with :func:`take` and hands it the work with :meth:`Warm.map`: the
warm process forks the other workers from itself (they share its imports for
nothing), and each takes its tasks (a candidate, or a batch of paths to read)
one or two at a time from the parent, which puts the results back in order. A
run with no work for it ends it unused (:meth:`Warm.close`); so does the end of
the process.

Only where ``os.fork`` and descriptor passing are (POSIX), with two cores or
more, and only for the program itself (``hapimigrate ...``, ``python -m
hapimigrate ...``; not when another program imports the CLI), and not for
``--jobs 1``. A worker that dies hands its unfinished tasks back to the others,
or to the parent. The results are those the parent would make: only where
they are made changes.
"""

from __future__ import annotations

import os
import pickle
import select
import socket
import struct
import sys
from collections import deque
from typing import Any, Callable, Iterator, Sequence

COMMANDS = frozenset({"check", "diff", "apply", "report", "baseline"})
# options after which the run never happens, or reads standard input alone
_NO_RUN = frozenset({"-h", "--help", "--show-settings", "-", "--merge"})
_HEADER = struct.Struct("!Q")
IN_FLIGHT = 2  # tasks a worker holds: one it works on, one waiting
MAX_WORKERS = 64  # descriptors passed in one message (far above any core count)

_started: Warm | None = None


def wanted(argv: Sequence[str]) -> bool:
    """Whether the command line asks for a run a warm worker can serve: one of
    COMMANDS, no help, no standard input, not ``--jobs 1``."""
    words = list(argv[1:])
    command = next((w for w in words if not w.startswith("-")), None)
    if command not in COMMANDS:
        return False
    rest = words[words.index(command) + 1 :]
    for at, word in enumerate(rest):
        if word in _NO_RUN or word in ("-j1", "--jobs=1"):
            return False
        if word in ("-j", "--jobs") and rest[at + 1 : at + 2] == ["1"]:
            return False
    return True


def is_program(argv: Sequence[str]) -> bool:
    """Whether this process is the ``hapimigrate`` program (its console script
    or ``python -m hapimigrate``), not another program importing the CLI."""
    if not argv:
        return False
    name = os.path.basename(argv[0])
    here = os.path.dirname(os.path.abspath(__file__))
    return name == "hapimigrate" or os.path.abspath(argv[0]) == os.path.join(
        here, "__main__.py"
    )


def start(argv: Sequence[str] | None = None) -> None:
    """Fork the warm process, where it can help (see the module's docstring)."""
    global _started
    argv = sys.argv if argv is None else argv
    if (
        _started is not None
        or not hasattr(os, "fork")
        or not hasattr(socket, "send_fds")
        or (os.cpu_count() or 1) < 2
        or not is_program(argv)
        or not wanted(argv)
    ):
        return
    ours, theirs = socket.socketpair()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: measured by the parent's tests
        ours.close()
        _zygote(theirs)
    theirs.close()
    _started = Warm(pid, ours)
    import atexit

    atexit.register(_started.close)


def take() -> Warm | None:
    """The warm process, once (a run takes it; later runs do without)."""
    global _started
    warm, _started = _started, None
    return warm


class Warm:
    """The parent's end of the warm process."""

    def __init__(self, pid: int, channel: socket.socket) -> None:
        self.pid = pid
        self.channel: socket.socket | None = channel
        self.finished = False  # whether it did all the work it was handed

    def close(self) -> None:
        """End the warm process: unused or interrupted, at once (its workers
        end at the end of their task, their channels closed); after its work,
        once it and its workers have seen the end of their channels and ended
        (then their CPU time counts among this process's children's, as a
        pool's would)."""
        channel, self.channel = self.channel, None
        if channel is None:
            return
        channel.close()
        try:
            if not self.finished:
                import signal

                os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass

    def map(
        self,
        function: Callable[[Any, Any], Any],
        items: Sequence[Any],
        options: object,
        workers: int,
    ) -> Iterator[Any]:
        """``function(item, options)`` of each item, in their order, made by up
        to ``workers`` processes (in this one for the items no worker is left
        to make). ``function`` is pickled by name, as a pool's would be."""

        def fallback(item: Any) -> Any:
            return function(item, options)

        channel = self.channel
        if channel is None or not items:
            self.close()
            yield from (fallback(item) for item in items)
            return
        count = max(1, min(workers, len(items), MAX_WORKERS))
        pairs = [socket.socketpair() for _ in range(count - 1)]
        try:
            socket.send_fds(channel, [b"W"], [theirs.fileno() for _, theirs in pairs])
            _send(channel, (function, options))
        except Exception:  # gone, or the work cannot be handed over: done here
            for pair in pairs:
                for end in pair:
                    end.close()
            self.close()
            yield from (fallback(item) for item in items)
            return
        for _, theirs in pairs:
            theirs.close()
        channels = [channel] + [ours for ours, _ in pairs]
        try:
            yield from _dispatch(channels, items, fallback)
            self.finished = True  # let them end by themselves
        finally:  # else (an error, an interrupted run) end them now
            for ours, _ in pairs:
                ours.close()
            self.close()


def _dispatch(
    channels: list[socket.socket], items: Sequence[Any], fallback: Callable[[Any], Any]
) -> Iterator[Any]:
    """Hand the items out, a few at a time to each channel; yield the results
    in the items' order as soon as they are all there up to it."""
    pending = deque(range(len(items)))
    held: dict[socket.socket, deque[int]] = {c: deque() for c in channels}
    done: dict[int, Any] = {}
    alive = list(channels)

    def feed(channel: socket.socket) -> bool:
        try:
            while pending and len(held[channel]) < IN_FLIGHT:
                index = pending.popleft()
                held[channel].append(index)
                _send(channel, (index, items[index]))
        except OSError:
            return False
        return True

    def drop(channel: socket.socket) -> None:
        """A worker gone: its tasks go to the others (or to ``fallback``)."""
        alive.remove(channel)
        pending.extendleft(reversed(held.pop(channel)))
        for other in list(alive):
            if other in alive and not feed(other):
                drop(other)

    for channel in channels:
        if channel in alive and not feed(channel):
            drop(channel)
    following = 0
    while following < len(items):
        if following in done:
            yield done.pop(following)
            following += 1
            continue
        if not alive:  # no worker left: the rest here, in order
            yield fallback(items[following])
            following += 1
            continue
        readable, _, _ = select.select(alive, [], [])
        for channel in readable:
            if channel not in alive:  # dropped meanwhile
                continue
            try:
                message = _receive(channel)
            except (OSError, EOFError, pickle.UnpicklingError):
                message = None
            if message is None:
                drop(channel)
                continue
            index, result = message
            held[channel].remove(index)
            done[index] = result
            if channel in alive and not feed(channel):
                drop(channel)


def _zygote(channel: socket.socket) -> None:  # pragma: no cover - in the child
    """The warm process: import, wait for work, fork the other workers."""
    status = 0
    try:
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):  # nothing of ours to print; no pipe held open
            os.dup2(quiet, fd)
        os.close(quiet)
        import gc

        from hapimigrate import dataclass_cache

        gc.disable()  # the imports leave no cycles to collect: 4% of their time
        dataclass_cache.import_codemod()
        # nor need the collections of the work look at what they made: 5% of it
        gc.freeze()
        gc.enable()
        _, fds, _, _ = socket.recv_fds(channel, 1, MAX_WORKERS)
        message = _receive(channel)
        if message is None:
            return
        function, options = message
        if fds:  # what each would fill on its first candidate, filled once
            _warm_up(options)
        gc.freeze()  # the workers share these objects' pages, untouched
        forked = []
        for at, fd in enumerate(fds):
            pid = os.fork()
            if pid == 0:
                channel.close()
                for other in fds[at + 1 :]:
                    os.close(other)
                _serve(socket.socket(fileno=fd), function, options)
                return
            forked.append(pid)
            os.close(fd)
        _serve(channel, function, options)
        for pid in forked:  # they end when the parent closes their channels
            os.waitpid(pid, 0)
    except BaseException:
        status = 1
    finally:
        os._exit(status)


# Processed by the warm process before it forks the other workers: what a
# process fills on its first candidate (the catalogs' tables and patterns, the
# providers' visitor names, the ABCs' caches: about 14 ms of CPU) is then
# filled once for all of them, for 7 ms more.
_SAMPLE = b"""import requests


def contacts(key):
    return requests.get("https://api.hubapi.com/contacts/v1/contacts?hapikey=" + key)
"""


def _warm_up(options: object) -> None:  # pragma: no cover - in the child
    """Process _SAMPLE with the run's options, and drop its result (a worker
    takes any of a run's files, in any order: nothing a file leaves changes
    another's result). Its path is one no file can have (below the null
    device)."""
    from hapimigrate.model import RunOptions
    from hapimigrate.python import module

    if not isinstance(options, RunOptions):
        return
    try:
        module.process_source(
            os.path.join(os.devnull, "warm-up.py"),
            _SAMPLE,
            options,
            findings_only=options.scan_text,  # as the run's files go (check)
        )
    except Exception:  # a bug the sample meets: its run reports it, if it meets it
        pass


def _serve(
    channel: socket.socket, work: Callable[[Any, Any], Any], options: object
) -> None:  # pragma: no cover - in a worker
    while True:
        task = _receive(channel)
        if task is None:
            return
        index, item = task
        _send(channel, (index, work(item, options)))


def _send(channel: socket.socket, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    channel.sendall(_HEADER.pack(len(data)) + data)


def _receive(channel: socket.socket) -> Any:
    """The next message; None at the end of the channel."""
    header = _exactly(channel, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    data = _exactly(channel, size)
    if data is None:
        raise EOFError("a message cut short")
    return pickle.loads(data)


def _exactly(channel: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = channel.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
