"""Whom a proposed person works for, from an apposition or an office before the name."""

from __future__ import annotations

import pytest

from app.ingest.affiliations import affiliate
from app.ingest.curated import ActorEntry
from app.ingest.stages import read_document, split_sentences
from app.models.vocabulary import ActorKind

ROSNEFT = ActorEntry(id="rosneft", name="Rosneft", kind=ActorKind.COMPANY)
RUSSIA = ActorEntry(id="russia", name="Russia", kind=ActorKind.COUNTRY, aliases=("Russian",))
SECHIN = ActorEntry(
    id="igor-sechin", name="Igor Sechin", kind=ActorKind.PERSON, aliases=("Sechin",), reviewed=False
)


def affiliation(body: str, person: ActorEntry = SECHIN) -> str | None:
    text = f"Title\n\n{body}\n"
    sentences = split_sentences(read_document(text)).body()
    found = {a.id: a for a in affiliate(text, sentences, [ROSNEFT, RUSSIA, person])}
    return found[person.id].affiliation


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Igor Sechin, head of Rosneft, arrived.", "rosneft"),
        ("Igor Sechin, the chief executive of the Rosneft board, arrived.", "rosneft"),
        ("Igor Sechin, speaking of Rosneft, said so.", None),
        ("Igor Sechin, a long-time adviser at Rosneft, arrived.", "rosneft"),
        ("Rosneft chief Igor Sechin arrived.", "rosneft"),
        ("Russian Deputy Prime Minister Igor Sechin arrived.", "russia"),
        ("Igor Sechin arrived. He runs Rosneft.", None),
        ("Rosneft and Igor Sechin arrived.", None),
        # The first introduction wins.
        ("Igor Sechin, head of Rosneft, spoke. Russian official Sechin agreed.", "rosneft"),
    ],
)
def test_an_introduction_gives_the_affiliation(body: str, expected: str | None) -> None:
    assert affiliation(body) == expected


HELIX = ActorEntry(id="helix", name="Helix Shipping", kind=ActorKind.ORGANIZATION, reviewed=False)
DENMARK = ActorEntry(id="denmark", name="Denmark", kind=ActorKind.COUNTRY, aliases=("Danish",))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Danish carrier Helix Shipping cut its routes.", "denmark"),
        ("Helix Shipping, the Danish carrier, cut its routes.", "denmark"),
        ("Denmark's Helix Shipping cut its routes.", "denmark"),
        ("Danish officials met Helix Shipping.", None),
        ("Helix Shipping, the Danish government said, cut its routes.", None),
        # An organisation belongs to a country, not to another organisation.
        ("Rosneft chief Helix Shipping cut its routes.", None),
    ],
)
def test_an_organisation_gets_its_country(body: str, expected: str | None) -> None:
    text = f"Title\n\n{body}\n"
    sentences = split_sentences(read_document(text)).body()
    found = {a.id: a for a in affiliate(text, sentences, [ROSNEFT, DENMARK, HELIX])}
    assert found["helix"].affiliation == expected


def test_a_curated_person_keeps_what_the_curated_file_says() -> None:
    curated = SECHIN.model_copy(update={"reviewed": True})
    assert affiliation("Igor Sechin, head of Rosneft, arrived.", curated) is None
