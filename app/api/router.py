"""All the API's routes, composed in one place."""

from fastapi import APIRouter, Depends

from app.api.routes import (
    actors,
    article_delete,
    article_upload,
    articles,
    claims,
    explorer,
    figures,
    health,
    search,
    sections,
)
from app.api.strict import reject_unknown_parameters

API_PREFIX = "/v1"

# Every /v1 operation refuses query parameters it does not declare (app/api/strict.py).
api_router = APIRouter(prefix=API_PREFIX, dependencies=[Depends(reject_unknown_parameters)])
for module in (articles, article_upload, article_delete, sections, actors, figures, claims, search):
    api_router.include_router(module.router)

root_router = APIRouter()
root_router.include_router(health.router)
root_router.include_router(explorer.router)
