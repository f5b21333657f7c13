"""The docs pages, with every asset served by the service: they work offline, under a CSP
that allows no inline script."""

from __future__ import annotations

from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_ASSETS_URL = "/static/docs"
DOCS_ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
OWN_ASSETS_URL = "/static/app"
OWN_ASSETS_DIR = Path(__file__).resolve().parents[2] / "static"

SWAGGER_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Swagger UI</title>
<link rel="icon" href="{assets}/favicon.png">
<link rel="stylesheet" href="{assets}/swagger-ui.css">
</head>
<body data-openapi-url="{openapi}">
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{own}/swagger-init.js"></script>
</body>
</html>
"""

REDOC_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - ReDoc</title>
<link rel="icon" href="{assets}/favicon.png">
</head>
<body>
<redoc spec-url="{openapi}"></redoc>
<script src="{assets}/redoc.standalone.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    router = APIRouter(include_in_schema=False)
    values = {
        "title": escape(app.title),
        "openapi": escape(app.openapi_url or "/openapi.json"),
        "assets": DOCS_ASSETS_URL,
        "own": OWN_ASSETS_URL,
    }
    swagger = SWAGGER_PAGE.format(**values)
    redoc = REDOC_PAGE.format(**values)

    @router.get("/docs")
    async def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger)

    @router.get("/redoc")
    async def redoc_ui() -> HTMLResponse:
        return HTMLResponse(redoc)

    app.include_router(router)
    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=DOCS_ASSETS_DIR), name="docs-assets")
    app.mount(OWN_ASSETS_URL, StaticFiles(directory=OWN_ASSETS_DIR), name="app-assets")
