"""Parameter types shared by several routes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Depends, Path, Query
from pydantic import BeforeValidator

from app.queries.published import Published

# No stored text holds a NUL, and PostgreSQL refuses one in any string it is sent: a NUL is a
# bad parameter (422), said in the OpenAPI document too, never a database error.
NO_NUL = r"^[^\x00]*$"

# Ids are slugs or short hashes; anything longer cannot match and is refused early.
IdQuery = Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL)]
# A NUL in a path id cannot match an id: the queries answer 404 (see app/queries/common.py).
IdPath = Annotated[str, Path(max_length=200)]
# A figure's unit code, as the figures list and an actor's figures filter on it.
UnitQuery = Annotated[
    str | None,
    Query(min_length=1, max_length=20, pattern=NO_NUL, description='"USD", "percent", "year"...'),
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _iso_date_only(value: Any) -> Any:
    """A date parameter is YYYY-MM-DD, as its `format: date` says. Pydantic alone also reads
    a number as a Unix time (`?published_to=-1.5e-167` was 1970-01-01)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("Input should be a date as YYYY-MM-DD")
    return value


# A calendar date, written YYYY-MM-DD and nothing else.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]

# What Python's str.isspace() calls space, named one by one: `\s` differs between ECMAScript
# (the document's regular expressions) and Python (the fuzzer's and the service's).
PY_SPACE = r"\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# One line holding something besides space (a title: the service strips it, then needs it).
ONE_LINE = rf"^[^\x00\n\r]*[^\x00{PY_SPACE}][^\x00\n\r]*$"
# An http(s) address with a host and no space or control character (app/ingest/metadata.py);
# a host in brackets (an IPv6 address, which urlsplit checks) is not offered.
_URL_CHAR = rf"[^\x00-\x20{PY_SPACE}]"
_HOST_CHAR = rf"[^/?#\[\]\x00-\x20{PY_SPACE}]"
HTTP_URL = rf"^[hH][tT][tT][pP][sS]?://{_HOST_CHAR}+(?:[/?#]{_URL_CHAR}*)?$"


# Async, so FastAPI calls it in place rather than on a worker thread.
async def published_scope(
    publisher: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            pattern=NO_NUL,
            description="Only from the articles of exactly this publisher.",
        ),
    ] = None,
    published_from: Annotated[
        IsoDate | None,
        Query(description="Only from articles published on this date (YYYY-MM-DD) or later."),
    ] = None,
    published_to: Annotated[
        IsoDate | None,
        Query(description="Only from articles published on this date (YYYY-MM-DD) or earlier."),
    ] = None,
) -> Published:
    """The articles a list is narrowed to; an article with no `published` date is outside
    any date range."""
    return Published(
        publisher=publisher,
        published_from=published_from.isoformat() if published_from else None,
        published_to=published_to.isoformat() if published_to else None,
    )


PublishedDep = Annotated[Published, Depends(published_scope)]
