"""All the API's routes, composed in one place."""

from fastapi import APIRouter

from app.api.routes import (
    actors,
    article_upload,
    articles,
    claims,
    explorer,
    figures,
    health,
    search,
    sections,
)

API_PREFIX = "/v1"

api_router = APIRouter(prefix=API_PREFIX)
for module in (articles, article_upload, sections, actors, figures, claims, search):
    api_router.include_router(module.router)

root_router = APIRouter()
root_router.include_router(health.router)
root_router.include_router(explorer.router)
