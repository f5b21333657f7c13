"""The rate limit's table: keys are packed addresses, and its memory is bounded in bytes."""

from __future__ import annotations

import tracemalloc

import pytest

from app.api.ratelimit import MAX_CLIENTS, MAX_TABLE_BYTES, RateLimitMiddleware, client_key


async def no_app(scope: object, receive: object, send: object) -> None:
    raise AssertionError("not called")


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("203.0.113.9", bytes([203, 0, 113, 9])),
        ("::ffff:203.0.113.9", bytes([203, 0, 113, 9])),
        ("2001:db8:1:2:aaaa::1", bytes.fromhex("20010db800010002")),
        ("2001:db8:1:2:ffff::2", bytes.fromhex("20010db800010002")),
        ("fe80::1%eth0", bytes.fromhex("fe80000000000000")),
        ("testclient", b""),
        ("1.2.3.4, 5.6.7.8", b""),
        ("x" * 15_000, b""),
        ("", b""),
    ],
)
def test_a_client_is_its_packed_address_or_its_ipv6_64(host: str, key: bytes) -> None:
    assert client_key(host) == key


def test_one_ipv6_64_shares_one_bucket() -> None:
    limiter = RateLimitMiddleware(no_app, per_minute=2)
    waits = [limiter.take(f"2001:db8::{n:x}", 100.0) for n in range(1, 4)]
    assert waits == [0.0, 0.0, 30.0]
    assert limiter.take("2001:db8:0:1::1", 100.0) == 0.0


def test_the_bucket_refills_evenly() -> None:
    limiter = RateLimitMiddleware(no_app, per_minute=60)
    assert [limiter.take("203.0.113.9", 0.0) for _ in range(61)][-2:] == [0.0, 1.0]
    assert limiter.take("203.0.113.9", 0.5) == 0.5
    assert limiter.take("203.0.113.9", 1.0) == 0.0
    assert limiter.take("203.0.113.9", 1.0) == 1.0


def test_the_table_of_100000_clients_stays_under_its_byte_bound() -> None:
    limiter = RateLimitMiddleware(no_app, per_minute=60)
    # The widest keys (an IPv6 /64 each), then as many IPv4 clients again: the oldest go.
    hosts = [f"2001:db8:{n >> 16:x}:{n & 0xFFFF:x}::1" for n in range(MAX_CLIENTS)]
    hosts += [f"10.{n >> 16}.{n >> 8 & 255}.{n & 255}" for n in range(MAX_CLIENTS)]
    padding = "x" * 15_000
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for now, host in enumerate(hosts):
            limiter.take(host, float(now))
        # What an attacker sends as its address, new text on every request, is one key.
        for n in range(1_000):
            limiter.take(f"{n}{padding}", float(2 * MAX_CLIENTS + n))
        used = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(limiter) == MAX_CLIENTS
    assert used < MAX_TABLE_BYTES, f"{used} bytes"
