"""The domain's closed vocabularies: what kinds of actor, figure and claim there are, and how a
figure compares to its value.

They sit at the bottom of the package: the tables and schemas, the queries, search, the API and
the ingest pipeline all import them from here, so the data layer never depends on the text
pipeline. Each value is part of the public contract (docs/API.md): adding one is a change to
the API, renaming one breaks clients.
"""

from enum import StrEnum


class ActorKind(StrEnum):
    COUNTRY = "country"
    CITY = "city"
    REGION = "region"
    COMPANY = "company"
    ORGANIZATION = "organization"
    PERSON = "person"
    INITIATIVE = "initiative"
    POLICY = "policy"
    GROUP = "group"


class FigureKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    YEAR = "year"
    DATE = "date"
    PERIOD = "period"
    DURATION = "duration"
    COUNT = "count"
    MEASURE = "measure"


class Comparator(StrEnum):
    EQ = "eq"
    GT = "gt"
    GTE = "gte"
    LT = "lt"
    LTE = "lte"
    APPROX = "approx"


class Change(StrEnum):
    """Which way a figure moved: "rose 5%" is a rise, "fell by $2 billion" a fall."""

    RISE = "rise"
    FALL = "fall"


class ReadingLanguage(StrEnum):
    """The languages an article is read in, each with its own rules (ISO 639-1). An article in
    another language is refused; one whose language is undetermined (`und`) is read as English
    (app/ingest/language.py)."""

    EN = "en"
    ES = "es"


class ClaimKind(StrEnum):
    FACT = "fact"
    ASSESSMENT = "assessment"
    FORECAST = "forecast"
    PRESCRIPTION = "prescription"


# Joins an actor's folded names into one stored column (`actor.search_names`); curated names
# may not contain it.
NAME_SEPARATOR = "|"


class ListFormat(StrEnum):
    """What a list answers in: JSON by default; `?format=` or the Accept header asks for one of
    the export formats (docs/API.md, Export)."""

    JSON = "json"
    CSV = "csv"
    NDJSON = "ndjson"


class ExportFormat(StrEnum):
    """The values of `?format=`: JSON needs none, it is the default."""

    CSV = "csv"
    NDJSON = "ndjson"
