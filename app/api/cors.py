"""CORS: Starlette's middleware, with a cheaper path for requests that carry no Origin.

Most requests (scripts, curl, server-side clients) send no Origin header. For those Starlette's
middleware only adds `Vary: Origin` to the response, but it builds header mappings for the
request and for every response to do so: about a third of a cached answer's time in process
(docs/performance.md). Here such a request gets exactly that header, written straight into the
raw header list; preflights and requests with an Origin take Starlette's own path.
"""

from __future__ import annotations

from starlette.middleware import cors
from starlette.types import Message, Receive, Scope, Send


def vary_origin(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`MutableHeaders(raw=headers)["Vary"] = ", ".join([*getlist("Vary"), "Origin"])`: the
    values of every Vary header and Origin, joined in the first one's place."""
    found = [i for i, (key, _) in enumerate(headers) if key == b"vary"]
    if not found:
        return [*headers, (b"vary", b"Origin")]
    value = b", ".join([*(headers[i][1] for i in found), b"Origin"])
    kept = [h for i, h in enumerate(headers) if i not in found[1:]]
    kept[found[0]] = (b"vary", value)
    return kept


class CORSMiddleware(cors.CORSMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or any(key == b"origin" for key, _ in scope["headers"]):
            await super().__call__(scope, receive, send)
            return

        async def varied(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": vary_origin(list(message.get("headers", ())))}
            await send(message)

        await self.app(scope, receive, varied)
