"""The client's address: the peer, or the right-most untrusted hop a trusted proxy reports."""

from __future__ import annotations

import json
import logging
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network

import pytest
from fastapi.testclient import TestClient

from app.api.client_address import MAX_HOPS, TrustedProxies, parse_address
from app.core.config import Settings
from app.main import create_app

PROXIES = TrustedProxies([ip_network("10.0.0.0/8"), ip_network("fd00::/8")])
PEER = ip_address("10.0.0.2")


def client(chain: bytes | str, peer: IPv4Address | IPv6Address = PEER) -> str:
    raw = chain.encode("latin-1") if isinstance(chain, str) else chain
    return str(PROXIES.client(raw, peer))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("203.0.113.9", "203.0.113.9"),
        (" 203.0.113.9 ", "203.0.113.9"),
        ("203.0.113.9:4711", "203.0.113.9"),
        ("2001:db8::1", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("fe80::1%eth0", "fe80::1"),
    ],
)
def test_addresses_are_read_in_every_form_proxies_write(text: str, expected: str) -> None:
    assert str(parse_address(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "unknown",
        "_hidden",
        "example.org",
        "203.0.113",
        "203.0.113.9:",
        "203.0.113.9:http",
        "[2001:db8::1",
        "[2001:db8::1]x",
        "[2001:db8::1]:",
        "2001:db8::1:80:x",
        "1.2.3.4\x00",
        "fe80::1%" + "a" * 100,
        "1" * 5_000,
    ],
)
def test_anything_else_is_no_address(text: str) -> None:
    assert parse_address(text) is None


def test_the_right_most_untrusted_hop_is_the_client() -> None:
    # What the client wrote (198.51.100.1) is left of what our proxies added.
    assert client("198.51.100.1, 203.0.113.9, 10.1.2.3") == "203.0.113.9"
    assert client("203.0.113.9") == "203.0.113.9"
    assert client("203.0.113.9,10.1.2.3,10.4.5.6") == "203.0.113.9"


def test_ipv6_hops_are_read_and_trusted_by_network() -> None:
    assert client("2001:db8::7, [fd00::5]:8080") == "2001:db8::7"
    assert client("[2001:db8::7]:1234, 10.9.9.9, fd12::1") == "2001:db8::7"


def test_a_chain_of_trusted_proxies_only_is_its_left_most() -> None:
    assert client("10.7.7.7, 10.8.8.8") == "10.7.7.7"


def test_garbage_before_the_client_falls_back_to_the_peer() -> None:
    assert client("unknown, 10.1.2.3") == "10.0.0.2"
    assert client("203.0.113.9, _proxy, 10.1.2.3") == "10.0.0.2"
    assert client("") == "10.0.0.2"
    assert client(",") == "10.0.0.2"
    # Garbage left of the client is never read.
    assert client("<script>, 203.0.113.9") == "203.0.113.9"


def test_an_oversize_header_costs_no_more_than_its_last_hops() -> None:
    padding = "x" * 15_000
    assert client(f"{padding}, 203.0.113.9") == "203.0.113.9"
    assert client(f"203.0.113.9, {padding}") == "10.0.0.2"
    assert client(",".join(["203.0.113.9"] * 8_000)) == "203.0.113.9"
    trusted = ", ".join(["10.1.1.1"] * MAX_HOPS)
    assert client(f"198.51.100.1, {trusted}") == "10.0.0.2"
    assert client(trusted) == "10.1.1.1"
    assert client(bytes(range(256)) * 60) == "10.0.0.2"


def requests_from(
    settings: Settings, peer: str, forwarded: list[str], per_minute: int = 2
) -> list[int]:
    app = create_app(
        settings.model_copy(
            update={
                "rate_limit_per_minute": per_minute,
                "trusted_proxies": (ip_network("10.0.0.0/8"),),
            }
        )
    )
    with TestClient(app, client=(peer, 40000)) as test_client:
        return [
            test_client.get("/v1/articles", headers={"X-Forwarded-For": f}).status_code
            for f in forwarded
        ]


def test_behind_a_trusted_proxy_each_client_has_its_own_bucket(settings: Settings) -> None:
    forwarded = [f"198.51.100.{n}, 10.0.0.{n}" for n in range(1, 4) for _ in range(3)]
    statuses = requests_from(settings, "10.0.0.2", forwarded)
    assert statuses == [200, 200, 429] * 3


def test_an_untrusted_peer_cannot_name_another_client(settings: Settings) -> None:
    forwarded = [f"198.51.100.{n}" for n in range(1, 6)]
    assert requests_from(settings, "203.0.113.9", forwarded) == [200, 200, 429, 429, 429]


def test_the_access_log_names_the_forwarded_client_and_proto_sets_the_scheme(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings.model_copy(update={"trusted_proxies": (ip_network("::1/128"),)}))
    with TestClient(app, client=("::1", 40000)) as test_client:
        with caplog.at_level(logging.INFO, logger="app.access"):
            page = test_client.get(
                "/v1/sections?limit=1",
                headers={"X-Forwarded-For": "2001:db8::9", "X-Forwarded-Proto": "https"},
            )
        link = test_client.get(
            "/v1/sections?limit=1", headers={"X-Forwarded-Proto": "gopher"}
        ).headers["link"]
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "app.access"]
    assert [line["client"] for line in lines] == ["2001:db8::9"]
    assert page.headers["link"].startswith("<https://")
    assert link.startswith("<http://")
