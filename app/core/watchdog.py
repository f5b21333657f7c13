"""A deadline for blocking work on a database connection: past it, the socket is shut down.

A paused database server (SIGSTOP, a frozen VM) and a silent network partition look alike to a
client: the connection stays open and no answer ever comes. The server's `statement_timeout`
cannot end the wait (the server is not running), nor can TCP keepalives or `tcp_user_timeout`
(a paused server's kernel still acknowledges every byte), and the driver waits in `poll()` for
ever, holding its thread. The watchdog ends that wait: at the deadline it shuts the socket
down, the driver's wait returns at once with "server closed the connection", the pool discards
the connection, and the thread is free again.

The socket is shut down through a duplicate of its descriptor, taken when the watch starts and
closed when it ends: the connection's own descriptor may be closed (and its number reused by
another socket) while the watch runs, and a duplicate still names the one socket it was made
for. One daemon thread serves every watch; it sleeps until the earliest deadline, and a watch
ended in time costs a lock, a `dup()` and a `close()`.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import socket
import threading
import time
from functools import lru_cache


class Watch:
    """One connection's deadline; `fired` tells its owner why the connection broke."""

    __slots__ = ("deadline", "fd", "fired")

    def __init__(self, fd: int, deadline: float) -> None:
        self.fd = fd
        self.deadline = deadline
        self.fired = False


class Watchdog:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Watch]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        # A forked child has the parent's watches but not its thread: it starts afresh.
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        self._cond = threading.Condition()
        self._heap = []
        self._thread = None

    def watch(self, fd: int, seconds: float) -> Watch:
        """Starts watching the socket `fd`: shut down in `seconds` unless `release`d before."""
        watch = Watch(os.dup(fd), time.monotonic() + seconds)
        with self._cond:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="db-watchdog", daemon=True)
                self._thread.start()
            first = not self._heap or watch.deadline < self._heap[0][0]
            heapq.heappush(self._heap, (watch.deadline, next(self._order), watch))
            # Otherwise the thread already wakes before this deadline.
            if first:
                self._cond.notify()
        return watch

    def release(self, watch: Watch) -> None:
        """Ends the watch; its entry leaves the heap when the thread next reaches it."""
        with self._cond:
            self._close(watch)

    def _run(self) -> None:
        with self._cond:
            while True:
                while self._heap and self._heap[0][2].fd < 0:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                self._fire(heapq.heappop(self._heap)[2])

    def _fire(self, watch: Watch) -> None:
        watch.fired = True
        try:
            sock = socket.socket(fileno=watch.fd)
        except OSError:
            self._close(watch)
            return
        watch.fd = -1
        # An OSError: already disconnected.
        with sock, contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    @staticmethod
    def _close(watch: Watch) -> None:
        if watch.fd >= 0:
            os.close(watch.fd)
            watch.fd = -1


@lru_cache(maxsize=1)
def watchdog() -> Watchdog:
    """The process's watchdog (its thread starts with the first watch)."""
    return Watchdog()
