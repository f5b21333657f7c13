"""`DELETE /v1/articles/{id}`: an article and every fact only it holds, gone in one step."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Response

from app.api.admin import AdminDep
from app.api.deps import DatabaseDep, SettingsDep
from app.api.errors import problem_responses
from app.api.params import IdPath
from app.ingest.curated import CuratedError, load_curated
from app.ingest.load_checks import LoadError, UnknownArticleError
from app.ingest.loader import load
from app.ingest.seed import CURATED_FILE

router = APIRouter(prefix="/articles", tags=["articles"])


@router.delete(
    "/{article_id}",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422, 429, 503),
)
def delete_article(
    _: AdminDep, article_id: IdPath, settings: SettingsDep, database: DatabaseDep
) -> Response:
    """Deletes the article with its sections, figures, claims, mentions, search rows and the
    actors no other article names: 204, or 404 for an unknown id. Atomic like a load."""
    try:
        curated = load_curated(settings.seed_dir / CURATED_FILE)
        load(settings.database_url, [], curated.actors, delete=[article_id])
    except UnknownArticleError as exc:
        raise HTTPException(404, str(exc)) from None
    except (CuratedError, LoadError) as exc:
        raise HTTPException(422, str(exc)) from None
    # The serving process switches to the new data (and drops its response cache) first.
    database.refresh(force=True)
    return Response(status_code=204)
