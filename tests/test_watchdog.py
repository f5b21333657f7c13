"""The watchdog cuts a socket at its deadline, and only a socket still watched then."""

from __future__ import annotations

import socket
import time

from app.core.watchdog import Watchdog


def test_the_watchdog_shuts_a_socket_down_at_its_deadline_and_not_before() -> None:
    dog = Watchdog()
    ours, theirs = socket.socketpair()
    with ours, theirs:
        ours.settimeout(5)  # a watchdog that never fires fails the test, not hangs it
        released = dog.watch(ours.fileno(), 0.05)
        dog.release(released)
        cut = dog.watch(ours.fileno(), 0.2)
        started = time.monotonic()
        assert ours.recv(1) == b""  # a blocked read ends: the socket is shut down
        waited = time.monotonic() - started
        dog.release(cut)  # after it fired: nothing left to do
    assert (released.fired, cut.fired) == (False, True)
    assert 0.15 < waited < 1
