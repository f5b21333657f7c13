"""`POST /v1/articles`: the ingest pipeline over HTTP, for programs."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import StringConstraints

from app.api.admin import AdminDep
from app.api.article_body import (
    PAGE_TYPE,
    REQUEST_BODY,
    article_body,
    media_type,
    refuse_control_characters,
)
from app.api.deps import DatabaseDep, SettingsDep
from app.api.errors import problem_responses
from app.api.params import HTTP_URL, NO_NUL, ONE_LINE, IsoDate
from app.core.config import Settings
from app.ingest.article import (
    MAX_ARTICLE_BYTES,
    MAX_SLUG_CHARS,
    IngestError,
    prepare_article,
    read_document,
)
from app.ingest.curated import SLUG, CuratedError, load_curated
from app.ingest.load_checks import IdConflictError, LoadError
from app.ingest.loader import load
from app.ingest.metadata import MAX_AUTHORS, MAX_NAME_CHARS, MAX_URL_CHARS, MetadataError, checked
from app.ingest.model_workers import WorkerRecognizer, detect_in_worker
from app.ingest.pipeline import PipelineError
from app.ingest.recognizer import Recognizer, RecognizerError, spacy_installed
from app.ingest.seed import CURATED_FILE
from app.models.schemas import ArticlePublic
from app.queries import articles as queries
from app.queries.rows import SqlAlchemyRows

router = APIRouter(prefix="/articles", tags=["articles"])
# What an uploaded article's `source` says, where a file's name would be.
UPLOAD_SOURCE = "POST /v1/articles"


def server_recognizer(settings: Settings) -> Recognizer | None:
    """The recognizer the settings name, run in a worker process: the server never loads a
    model (app/ingest/model_workers.py). None reads with rules only."""
    wanted = settings.recognizer
    if wanted == "none" or (wanted == "auto" and not spacy_installed()):
        return None
    return WorkerRecognizer(settings.recognizer_model, settings.recognizer_timeout)


RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The same text was loaded before: nothing changed."},
    **problem_responses(400, 401, 403, 409, 413, 414, 415, 422, 429, 503),
}
for status, description in {
    400: "The body is empty or only whitespace, or the title parameter is not one line.",
    401: "No bearer token, or a wrong one (with `WWW-Authenticate: Bearer`).",
    403: "Writing is disabled: the server has no ARTICLE_FACTS_ADMIN_TOKEN.",
    409: "The text is stored already under another slug, or a section id would clash.",
    413: f"The body is over {MAX_ARTICLE_BYTES:,} bytes (2 MiB).",
    414: "The URL is over 8 KiB: the parameters' lengths allow more than that together.",
    415: "Not text/plain, text/markdown or text/html, not UTF-8, or a control character in a text.",
    422: "A parameter is invalid, or the text is not an article: no body after its title, "
    "front matter that is not valid, a title that makes no slug, a page without main text; "
    "or it is written in a language other than English or Spanish (declared or detected).",
    429: "Over the rate limit (ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE): see `Retry-After`.",
}.items():
    RESPONSES[status]["description"] = description


@router.post(
    "",
    status_code=201,
    responses=RESPONSES,
    openapi_extra={"requestBody": REQUEST_BODY},
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
            max_length=MAX_SLUG_CHARS,
            pattern=SLUG.pattern,
            description="Lower-case letters, digits and single hyphens (a bad one is a 422 "
            "naming `slug`, like any bad parameter). Defaults to the title's slug.",
        ),
    ] = None,
    title: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=300,
            pattern=ONE_LINE,
            description="Defaults to the text's first line.",
        ),
    ] = None,
    source_url: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=MAX_URL_CHARS,
            pattern=HTTP_URL,
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
        list[Annotated[str, StringConstraints(max_length=MAX_NAME_CHARS, pattern=NO_NUL)]] | None,
        Query(max_length=MAX_AUTHORS, description="An author; repeat for several, in order."),
    ] = None,
    published: Annotated[IsoDate | None, Query(description="Publication date, YYYY-MM-DD.")] = None,
    language: Annotated[
        str | None,
        Query(
            min_length=2,
            max_length=35,
            # Only the languages read (English, Spanish) or `und`: any other is refused here.
            pattern=r"^([Ee][Nn]|[Ee][Ss]|[Uu][Nn][Dd])([-_][A-Za-z0-9]{1,8})*$",
            description="The text's language, a BCP 47 tag (`es-ES`) of which the ISO 639-1 "
            "code is kept: English (`en`), Spanish (`es`) or undetermined (`und`, read as "
            "English). Default: what the page or front matter declares, else detected.",
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
        if media_type(request) != PAGE_TYPE:
            refuse_control_characters(body.decode("utf-8"))
        meta = declared.merged(given)
        if meta.language is None:
            # Detected in a worker process: the server never loads the detector's model.
            meta = replace(meta, language=detect_in_worker(text, settings.recognizer_timeout))
        curated = load_curated(settings.seed_dir / CURATED_FILE)
        facts, actors = prepare_article(
            text,
            source_name=UPLOAD_SOURCE,
            slug=slug,
            title=title,
            annotations=None,
            curated=curated,
            meta=meta,
            recognizer=server_recognizer(settings),
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
    except RecognizerError as exc:
        raise HTTPException(503, f"the language detector failed: {exc}") from None
    database.refresh(force=True)
    article_id = facts.article.id
    if article_id in report.written:
        response.headers["Location"] = f"/v1/articles/{article_id}"
    else:
        response.status_code = 200
    with database.session() as session:
        found = queries.get_article(SqlAlchemyRows(session.connection()), article_id)
    return ArticlePublic.model_validate(found)
