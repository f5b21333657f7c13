"""Which address a request comes from: its peer, or the client a trusted proxy names.

Everything that tells clients apart (the rate limit, the access log, `request.client`) reads
`scope["client"]`; this middleware, outermost, is the one place that may change it, and only
when the peer is one of `ARTICLE_FACTS_TRUSTED_PROXIES` (default: none, so by default a header
changes nothing). `article-facts serve` turns uvicorn's own proxy handling off, which would
otherwise believe any `X-Forwarded-For` sent from 127.0.0.1 (app/core/serving.py).

What it decides:
- `X-Forwarded-For` is read from the right. Every proxy appends the address it saw, so only the
  entries our own proxies added can be believed; the first address from the right that is not
  a trusted proxy is the client. Whatever a client wrote itself sits further left, unread.
- Several `X-Forwarded-For` headers are one list, in their order.
- An entry that is not an IP address (`unknown`, an obfuscated name, garbage, anything longer
  than `MAX_ENTRY_BYTES`) met before the client: the peer is the client. Header text never
  becomes a client's identity.
- At most `MAX_HOPS` entries are read; a chain of more trusted proxies than that: the peer.
  Every entry trusted (a request made by a proxy itself): the left-most.
- The client is written as the address's normal text with port 0 (`::ffff:1.2.3.4` is
  `1.2.3.4`, an IPv6 zone is dropped), so one client has one spelling.
- `X-Forwarded-Proto` from a trusted proxy sets the scheme when it is `http` or `https`.
"""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address, IPv6Address, ip_address

from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.config import IPNetwork

IPAddress = IPv4Address | IPv6Address
# The longest address with a port, `[ffff:...:255.255.255.255]:65535`, is 53 characters.
MAX_ENTRY_BYTES = 64
MAX_HOPS = 16
SCHEMES = {b"http": "http", b"https": "https"}


def parse_address(text: bytes | str) -> IPAddress | None:
    """An address as proxies write it (`1.2.3.4`, `1.2.3.4:80`, `::1`, `[::1]:80`), or None."""
    raw = text.encode("latin-1") if isinstance(text, str) else text
    raw = raw.strip()
    if not raw or len(raw) > MAX_ENTRY_BYTES:
        return None
    if raw.startswith(b"["):  # [v6] or [v6]:port
        raw, bracket, port = raw[1:].partition(b"]")
        if not bracket or (port and not (port[:1] == b":" and port[1:].isdigit())):
            return None
    elif raw.count(b":") == 1:  # v4:port
        raw, _, port = raw.partition(b":")
        if not port.isdigit():
            return None
    try:
        address = ip_address(raw.decode("ascii"))
    except ValueError:
        return None
    if isinstance(address, IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.scope_id is not None:
            return IPv6Address(address.packed)
    return address


class TrustedProxies:
    def __init__(self, networks: Iterable[IPNetwork]) -> None:
        self.networks = tuple(networks)

    def __contains__(self, address: IPAddress) -> bool:
        return any(address in network for network in self.networks)

    def client(self, forwarded_for: bytes, peer: IPAddress) -> IPAddress:
        """The right-most untrusted address of the chain; the peer when the chain is unusable."""
        entries = forwarded_for.rsplit(b",", MAX_HOPS)
        unread = len(entries) > MAX_HOPS
        address = peer
        for entry in reversed(entries[1:] if unread else entries):
            found = parse_address(entry)
            if found is None:
                return peer
            if found not in self:
                return found
            address = found
        return peer if unread else address


class ClientAddressMiddleware:
    def __init__(self, app: ASGIApp, *, trusted: Iterable[IPNetwork]) -> None:
        self.app = app
        self.trusted = TrustedProxies(trusted)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client") if scope["type"] == "http" else None
        peer = parse_address(client[0]) if client else None
        if peer is not None and peer in self.trusted:
            chain = [v for k, v in scope["headers"] if k == b"x-forwarded-for"]
            if chain:
                scope["client"] = (str(self.trusted.client(b",".join(chain), peer)), 0)
            proto = [v for k, v in scope["headers"] if k == b"x-forwarded-proto"]
            scheme = SCHEMES.get(proto[-1].rpartition(b",")[2].strip().lower()) if proto else None
            if scheme:
                scope["scheme"] = scheme
        await self.app(scope, receive, send)
