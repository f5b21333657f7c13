"""The explorer: a page at `/` for browsing the facts, built on the service's own /v1 API.

It is static HTML with ES modules and a stylesheet under `/static/app/explorer/` (mounted by
`docs.install`): no build step, nothing loaded from elsewhere, and no inline script, so it runs
under the strict Content-Security-Policy every HTML response carries.
"""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.api.routes.docs import OWN_ASSETS_DIR

EXPLORER_DIR = OWN_ASSETS_DIR / "explorer"

router = APIRouter(include_in_schema=False)


@cache
def _page() -> str:
    return (EXPLORER_DIR / "index.html").read_text(encoding="utf-8")


@router.get("/")
async def explorer() -> HTMLResponse:
    """The explorer page; its state lives in the query string (`/?q=...`, `/?section=...`)."""
    return HTMLResponse(_page())
