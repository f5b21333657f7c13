"""CORS: Starlette's middleware, with a cheaper path for requests that carry no Origin.

Most requests (scripts, curl, server-side clients) send no Origin header. For those Starlette's
middleware only adds `Vary: Origin` to the response, but it builds header mappings for the
request and for every response to do so: about a third of a cached answer's time in process
(docs/performance.md). Here such a request gets exactly that header, written straight into the
raw header list; preflights and requests with an Origin take Starlette's own path. A refused
preflight is a problem+json 400, like every other error, instead of Starlette's plain text.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.middleware import cors
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from app.api.problems import PROBLEM_JSON
from app.models.schemas import Problem


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

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        # "Disallowed CORS origin, headers": what the browser asked for that is not allowed.
        detail = bytes(response.body).decode()
        problem = Problem(title="Bad Request", status=400, detail=f"{detail}.")
        headers = {
            k: v for k, v in response.headers.items() if k not in ("content-type", "content-length")
        }
        return Response(
            problem.model_dump_json(exclude_none=True),
            status_code=400,
            headers=headers,
            media_type=PROBLEM_JSON,
        )
