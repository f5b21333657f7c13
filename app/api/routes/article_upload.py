"""`POST /v1/articles`: the ingest pipeline over HTTP, for programs."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from app.api.admin import AdminDep
from app.api.deps import DatabaseDep, SettingsDep
from app.api.errors import problem_responses
from app.api.params import NO_NUL
from app.ingest.article import (
    MAX_ARTICLE_BYTES,
    IngestError,
    prepare_article,
    read_document,
    too_large,
)
from app.ingest.curated import CuratedError, load_curated
from app.ingest.language import release_model
from app.ingest.loader import IdConflictError, LoadError, load
from app.ingest.metadata import MAX_AUTHORS, MAX_NAME_CHARS, MAX_URL_CHARS, MetadataError, checked
from app.ingest.pipeline import PipelineError
from app.ingest.seed import CURATED_FILE
from app.models.schemas import ArticlePublic
from app.queries import articles as queries
from app.queries.rows import SqlAlchemyRows

router = APIRouter(prefix="/articles", tags=["articles"])
TEXT_TYPES = ("text/plain", "text/markdown")
# A web page: its main text is extracted, its metadata read (app/ingest/html.py).
PAGE_TYPE = "text/html"
BODY_TYPES = (*TEXT_TYPES, PAGE_TYPE)
# What an uploaded article's `source` says, where a file's name would be.
UPLOAD_SOURCE = "POST /v1/articles"


def media_type(request: Request) -> str:
    """The body's media type, lower-case, without parameters."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def article_body(request: Request) -> bytes:
    """The request body, refused past the size limit before it is all read."""
    if media_type(request) not in BODY_TYPES:
        raise HTTPException(
            415, "Send the article as text/plain or text/markdown (UTF-8), or as text/html."
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_ARTICLE_BYTES:
        raise HTTPException(413, str(too_large("the body", int(declared))))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_ARTICLE_BYTES:
            raise HTTPException(413, str(too_large("the body", None)))
        chunks.append(chunk)
    return b"".join(chunks)


@router.post(
    "",
    status_code=201,
    responses={
        200: {"description": "The same text was loaded before: nothing changed."},
        **problem_responses(400, 401, 403, 409, 413, 415, 422, 503),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {t: {"schema": {"type": "string"}} for t in BODY_TYPES},
        }
    },
)
def create_article(
    _: AdminDep,
    request: Request,
    body: Annotated[bytes, Depends(article_body)],
    settings: SettingsDep,
    database: DatabaseDep,
    response: Response,
    slug: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=60,
            pattern=NO_NUL,
            description="Defaults to the title's slug.",
        ),
    ] = None,
    title: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=300,
            pattern=NO_NUL,
            description="Defaults to the text's first line.",
        ),
    ] = None,
    source_url: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_URL_CHARS,
            pattern=NO_NUL,
            description="Where the article was published (http or https).",
        ),
    ] = None,
    publisher: Annotated[
        str | None,
        Query(
            min_length=1, max_length=MAX_NAME_CHARS, pattern=NO_NUL, description="Who published it."
        ),
    ] = None,
    author: Annotated[
        list[str] | None,
        Query(max_length=MAX_AUTHORS, description="An author; repeat for several, in order."),
    ] = None,
    published: Annotated[dt.date | None, Query(description="Publication date, YYYY-MM-DD.")] = None,
    language: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=35,
            pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$",
            description="The text's language, a BCP 47 tag (`es-ES`) of which the ISO 639-1 "
            "code is kept. Default: what the page or front matter declares, else detected.",
        ),
    ] = None,
) -> ArticlePublic:
    """Reads a text, Markdown or HTML article into facts and stores it: 201 when written, 200
    when the same text was there already. A changed text under the same slug replaces its
    facts. A web page's main text is extracted (its headings kept) and its metadata read."""
    try:
        # Given as parameters, a value wins over what the text's front matter declares.
        given = checked(
            source_url=source_url,
            publisher=publisher,
            authors=author or [],
            published=published.isoformat() if published else None,
            language=language,
        )
        text, declared = read_document(
            body, source_name="the body", html=media_type(request) == PAGE_TYPE
        )
        curated = load_curated(settings.seed_dir / CURATED_FILE)
        facts, actors = prepare_article(
            text,
            source_name=UPLOAD_SOURCE,
            slug=slug,
            title=title,
            annotations=None,
            curated=curated,
            meta=declared.merged(given),
        )
        report = load(settings.database_url, [facts], actors)
    except IngestError as exc:
        raise HTTPException(exc.status, str(exc)) from None
    except MetadataError as exc:
        raise HTTPException(422, str(exc)) from None
    except IdConflictError as exc:
        raise HTTPException(409, str(exc)) from None
    except (CuratedError, PipelineError, LoadError) as exc:
        raise HTTPException(422, str(exc)) from None
    finally:
        release_model()  # a serving process holds the language model only while it reads
    database.refresh(force=True)
    article_id = facts.article.id
    if article_id in report.written:
        response.headers["Location"] = f"/v1/articles/{article_id}"
    else:
        response.status_code = 200
    with database.session() as session:
        found = queries.get_article(SqlAlchemyRows(session.connection()), article_id)
    return ArticlePublic.model_validate(found)
