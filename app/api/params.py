"""Parameter types shared by several routes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BeforeValidator

# No stored text holds a NUL, and PostgreSQL refuses one in any string it is sent: a NUL is a
# bad parameter (422), said in the OpenAPI document too, never a database error.
NO_NUL = r"^[^\x00]*$"

# Ids are slugs or short hashes; anything longer cannot match and is refused early.
IdQuery = Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL)]
# A NUL in a path id cannot match an id: the queries answer 404 (see app/queries/common.py).
IdPath = Annotated[str, Path(max_length=200)]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _iso_date_only(value: Any) -> Any:
    """A date parameter is YYYY-MM-DD, as its `format: date` says. Pydantic alone also reads
    a number as a Unix time (`?published_to=-1.5e-167` was 1970-01-01)."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("Input should be a date as YYYY-MM-DD")
    return value


# A calendar date, written YYYY-MM-DD and nothing else.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
