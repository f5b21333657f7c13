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


LOWY = ActorEntry(id="lowy", name="Lowy Institute", kind=ActorKind.ORGANIZATION)
COUNCIL = ActorEntry(id="council", name="Atlantic Council", kind=ActorKind.ORGANIZATION)
CENTRE = ActorEntry(id="centre", name="Centre for Port Studies", kind=ActorKind.ORGANIZATION)
SUMMIT = ActorEntry(id="g20", name="G20", kind=ActorKind.GROUP)
ROE = ActorEntry(
    id="jane-roe", name="Jane Roe", kind=ActorKind.PERSON, aliases=("Roe",), reviewed=False
)


def affiliation_of_roe(body: str) -> str | None:
    text = f"Title\n\n{body}\n"
    sentences = split_sentences(read_document(text)).body()
    actors = [ROSNEFT, RUSSIA, DENMARK, LOWY, COUNCIL, CENTRE, SUMMIT, ROE]
    return {a.id: a for a in affiliate(text, sentences, actors)}["jane-roe"].affiliation


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A longer apposition, its actor after the last preposition.
        ("Jane Roe, a visiting senior research fellow at the Lowy Institute, said so.", "lowy"),
        ("Jane Roe, director of the Europe programme at the Atlantic Council, said so.", "council"),
        ("Jane Roe, who said at the Atlantic Council that talks would fail, left.", None),
        ("Jane Roe, speaking at the Lowy Institute, said so.", None),
        # An office after a possessive.
        ("Jane Roe, Russia's deputy foreign minister, said so.", "russia"),
        ("Jane Roe, Rosneft's chief economist, said so.", "rosneft"),
        ("Jane Roe, Russia's best-known novelist, said so.", None),
        # "of" or "at" right after the name; "at" only before an organisation.
        ("Jane Roe of the Lowy Institute said so.", "lowy"),
        ("Analysts such as Jane Roe at Rosneft said so.", "rosneft"),
        ("Leaders met Jane Roe at the G20 in Osaka.", None),
        # A relative clause of leading.
        ("Jane Roe, who heads Rosneft, said so.", "rosneft"),
        ("Jane Roe, who has led Russia since 2021, said so.", "russia"),
        ("Jane Roe, who visited Russia in May, said so.", None),
        # An office before the name, after a possessive, an acronym or with a comma.
        ("Rosneft's chief executive Jane Roe said so.", "rosneft"),
        ("Rosneft (RN) chief executive Jane Roe said so.", "rosneft"),
        ("Russia's foreign minister, Jane Roe, said so.", "russia"),
        ("His Danish counterpart, Jane Roe, said so.", "denmark"),
        ("Rosneft analyst Jane Roe said so.", "rosneft"),
        ("Danish Foreign Ministry spokesman Jane Roe said so.", "denmark"),
        ("President of Russia Jane Roe said so.", "russia"),
        # An organisation inside another's name is the one meant.
        ("Jane Roe, a fellow at the Lowy Institute's Centre for Port Studies, said so.", "centre"),
        # A name that goes on is an organisation nobody proposed, not the country in it.
        ("Jane Roe, a director of the Russian Steel Union, said so.", None),
    ],
)
def test_more_introductions_of_a_person(body: str, expected: str | None) -> None:
    assert affiliation_of_roe(body) == expected


PORTLINE = ActorEntry(id="portline", name="Portline", kind=ActorKind.COMPANY, reviewed=False)
CITGO = ActorEntry(id="citgo", name="Citgo", kind=ActorKind.COMPANY, reviewed=False)


def country_of(body: str, org: ActorEntry) -> str | None:
    text = f"Title\n\n{body}\n"
    sentences = split_sentences(read_document(text)).body()
    actors = [ROSNEFT, RUSSIA, DENMARK, org]
    return {a.id: a for a in affiliate(text, sentences, actors)}[org.id].affiliation


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Portline, Denmark's largest container carrier, cut its routes.", "denmark"),
        ("Portline of Denmark cut its routes.", "denmark"),
        ("Portline, Russia's biggest critic, spoke.", None),
        ("Portline, Rosneft's shipping arm, cut its routes.", "rosneft"),
        ("Portline sailed to Denmark.", None),
    ],
)
def test_more_introductions_of_an_organisation(body: str, expected: str | None) -> None:
    assert country_of(body, PORTLINE) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Danish Maritime Authority", "denmark"),
        ("Russian Railways", "russia"),
        ("Export Credit Bank of Denmark", "denmark"),
        ("Technical University of Denmark", None),  # named for where it is
        ("Nordic Shipping Council", None),
    ],
)
def test_an_organisation_named_for_its_country(name: str, expected: str | None) -> None:
    org = ActorEntry(id="org", name=name, kind=ActorKind.ORGANIZATION, reviewed=False)
    assert country_of(f"The {name} said so.", org) == expected


MINISTRY = ActorEntry(
    id="finance-ministry", name="Ministry of Finance", kind=ActorKind.ORGANIZATION
)
AUTHORITY = ActorEntry(
    id="canal-authority", name="Suez Canal Authority", kind=ActorKind.ORGANIZATION, reviewed=False
)
RABIE = ActorEntry(id="osama-rabie", name="Osama Rabie", kind=ActorKind.PERSON, reviewed=False)


def affiliations(body: str, *entries: ActorEntry) -> dict[str, str | None]:
    text = f"Title\n\n{body}\n"
    sentences = split_sentences(read_document(text)).body()
    return {a.id: a.affiliation for a in affiliate(text, sentences, [*entries, SECHIN])}


def test_a_minister_of_a_topic_works_for_the_ministry_of_that_topic() -> None:
    body = "The Ministry of Finance said so. Finance Minister Igor Sechin agreed."
    assert affiliations(body, MINISTRY)["igor-sechin"] == "finance-ministry"
    # A topic no ministry of the article has, or two ministries of it: none.
    assert affiliations("Defence Minister Igor Sechin agreed.", MINISTRY)["igor-sechin"] is None


def test_an_office_of_the_organisation_the_noun_names_back() -> None:
    body = (
        "Revenue of the Suez Canal Authority fell. Osama Rabie, the authority's chairman, said so."
    )
    assert affiliations(body, AUTHORITY, RABIE)["osama-rabie"] == "canal-authority"
    body = "Rosneft lost money. Osama Rabie, the authority's chairman, said so."
    assert affiliations(body, ROSNEFT, RABIE)["osama-rabie"] is None


def test_its_office_or_an_opening_office_after_an_organisation_is_named() -> None:
    assert affiliation("Rosneft grew after its founder, Igor Sechin, arrived.") == "rosneft"
    body = "Rosneft reported results. Chief executive Igor Sechin said the group would grow."
    assert affiliation(body) == "rosneft"
    # No organisation named before: none.
    assert affiliation("Chief executive Igor Sechin said the group would grow.") is None


def test_a_title_after_an_office_and_a_comma() -> None:
    assert affiliation("Russia's leader, Capt. Igor Sechin, arrived.") == "russia"
