"""The ceiling: a minimal Starlette app that answers every GET with fixed bytes.

It runs under the same uvicorn options as the service, so the gap between the two is what the
service's own work costs. The body is as long as the service's answer being compared
(`BENCH_BODY_BYTES`).

    uvicorn bench.ceiling:app --host 127.0.0.1 --port 8001
"""

from __future__ import annotations

import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = b"x" * int(os.environ.get("BENCH_BODY_BYTES", "3500"))


async def fixed(_: Request) -> Response:
    return Response(BODY, media_type="application/json")


app = Starlette(routes=[Route("/{path:path}", fixed)])
