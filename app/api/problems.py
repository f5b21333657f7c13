"""Problem bodies for middlewares, which answer before FastAPI's exception handlers run."""

from __future__ import annotations

from http import HTTPStatus

from starlette.types import Send

from app.models.schemas import Problem

PROBLEM_JSON = "application/problem+json"


async def send_problem(
    send: Send, status: int, detail: str, path: str, headers: dict[str, str] | None = None
) -> None:
    body = Problem(
        title=HTTPStatus(status).phrase, status=status, detail=detail, instance=path[:200]
    ).model_dump_json(exclude_none=True)
    raw = body.encode()
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_JSON.encode()),
                (b"content-length", str(len(raw)).encode()),
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": raw})
