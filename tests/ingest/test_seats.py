"""A capital that stands for an organisation seated there (app/ingest/seats.py)."""

from __future__ import annotations

from app.ingest.curated import ActorEntry
from app.ingest.seats import seated
from app.models.vocabulary import ActorKind

BELGIUM = ActorEntry(
    id="belgium", name="Belgium", kind=ActorKind.COUNTRY, aliases=("Brussels", "Belgian")
)
UNION = ActorEntry(
    id="european-union", name="European Union", kind=ActorKind.ORGANIZATION, aliases=("EU",)
)


def aliases(entries: list[ActorEntry]) -> dict[str, tuple[str, ...]]:
    return {e.id: e.aliases for e in entries}


def test_brussels_is_the_union_in_an_article_that_names_it() -> None:
    assert aliases(seated([BELGIUM, UNION])) == {
        "belgium": ("Belgian",),
        "european-union": ("EU", "Brussels"),
    }


def test_brussels_stays_belgium_s_capital_otherwise() -> None:
    assert seated([BELGIUM]) == [BELGIUM]


def test_a_curated_entry_that_claims_the_name_keeps_it() -> None:
    city = ActorEntry(id="brussels", name="Brussels", kind=ActorKind.CITY)
    assert seated([city, UNION]) == [city, UNION]
