"""GET /v1/actors and /v1/actors/{id}: the gazetteer, lookups, mention counts and relations.

Mention counts were counted by reading the article: whole-word names and aliases inside the
sections (headings included; the title line and the keywords line are not in any section).
"non-Western" does not name the West; "Western Hemisphere" is its own actor.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient

ARTICLE = "russia-china-venezuela"


def sid(number: str | None) -> str:
    return f"{ARTICLE}-intro" if number is None else f"{ARTICLE}-{number.replace('.', '-')}"


def actors(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/actors", params={"limit": 100, **params})
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def actor(client: TestClient, actor_id: str) -> dict[str, Any]:
    response = client.get(f"/v1/actors/{actor_id}")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("actor_id", "name", "kind", "aliases", "affiliation"),
    [
        ("russia", "Russia", "country", ["Moscow", "Russian", "Russian Federation"], None),
        (
            "china",
            "China",
            "country",
            ["Beijing", "Chinese", "People's Republic of China", "PRC"],
            None,
        ),
        (
            "venezuela",
            "Venezuela",
            "country",
            ["Caracas", "Venezuelan", "Bolivarian Republic of Venezuela"],
            None,
        ),
        (
            "united-states",
            "United States",
            "country",
            ["Washington", "U.S.", "US", "USA", "United States of America"],
            None,
        ),
        ("huawei", "Huawei", "company", [], "china"),
        ("zte", "ZTE", "company", [], "china"),
        ("cnpc", "CNPC", "company", ["China National Petroleum Corporation"], "china"),
        ("rosneft", "Rosneft", "company", [], "russia"),
        ("hugo-chavez", "Hugo Chávez", "person", ["Chávez", "Chavez", "Hugo Chavez"], "venezuela"),
        (
            "belt-and-road-initiative",
            "Belt and Road Initiative",
            "initiative",
            ["BRI", "Belt and Road"],
            "china",
        ),
        ("oil-for-loans", "oil-for-loans", "policy", [], "china"),
        ("monroe-doctrine", "Monroe Doctrine", "policy", [], "united-states"),
        ("latin-america", "Latin America", "region", ["Latin American"], None),
        ("the-west", "the West", "group", ["Western"], None),
        ("eurasian-powers", "Eurasian powers", "group", [], None),
    ],
)
def test_actor_identity(
    client: TestClient,
    actor_id: str,
    name: str,
    kind: str,
    aliases: list[str],
    affiliation: str | None,
) -> None:
    got = actor(client, actor_id)
    assert (got["id"], got["name"], got["kind"]) == (actor_id, name, kind)
    assert got["aliases"] == aliases
    assert got["affiliation"] == affiliation
    assert got["reviewed"] is True


def test_every_curated_actor_is_listed(client: TestClient) -> None:
    body = actors(client)
    assert body["total"] == 24
    assert {a["id"] for a in body["items"]} == {
        "russia",
        "china",
        "venezuela",
        "united-states",
        "cuba",
        "nicaragua",
        "bolivia",
        "latin-america",
        "south-america",
        "caribbean",
        "western-hemisphere",
        "global-south",
        "asia",
        "atlantic",
        "the-west",
        "eurasian-powers",
        "huawei",
        "zte",
        "rosneft",
        "cnpc",
        "hugo-chavez",
        "belt-and-road-initiative",
        "oil-for-loans",
        "monroe-doctrine",
    }


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("moscow", ["russia"]),
        ("MOSCOW", ["russia"]),
        ("Moscow", ["russia"]),
        ("chavez", ["hugo-chavez"]),
        ("Chávez", ["hugo-chavez"]),
        ("CHÁVEZ", ["hugo-chavez"]),
        ("hugo chávez", ["hugo-chavez"]),
        ("u.s.", ["united-states"]),
        ("U.S.", ["united-states"]),
        ("washington", ["united-states"]),
        ("bri", ["belt-and-road-initiative"]),
        ("belt and road", ["belt-and-road-initiative"]),
        ("national petroleum", ["cnpc"]),
        ("huawei", ["huawei"]),
        ("People’s Republic", ["china"]),
        ("caracas", ["venezuela"]),
        ("no such actor", []),
    ],
)
def test_q_matches_a_name_or_alias_ignoring_case_and_accents(
    client: TestClient, q: str, expected: list[str]
) -> None:
    body = actors(client, q=q)
    assert [a["id"] for a in body["items"]] == expected
    assert body["total"] == len(expected)


def test_q_never_matches_across_two_names(client: TestClient) -> None:
    assert actors(client, q="ow|r")["items"] == []
    assert actors(client, q="a|m")["items"] == []


def test_a_blank_q_is_a_422(client: TestClient) -> None:
    response = client.get("/v1/actors", params={"q": "   "})
    assert response.status_code == 422
    assert [e["name"] for e in response.json()["errors"]] == ["q"]


@pytest.mark.parametrize("q", ["\x1f", " \x1c ", "\u3000\x1d"])
def test_a_q_of_separator_characters_matches_no_name(client: TestClient, q: str) -> None:
    # Not blank to the route's pattern, so not to be stripped to an empty needle either.
    assert actors(client, q=q)["total"] == 0


@pytest.mark.parametrize("q", ["\u3000", "\t\u2028", "\x85\xa0"])
def test_unicode_white_space_alone_is_a_blank_q(client: TestClient, q: str) -> None:
    assert client.get("/v1/actors", params={"q": q}).status_code == 422


def test_kind_company_gives_exactly_the_four_companies(client: TestClient) -> None:
    body = actors(client, kind="company")
    # One mention each, so ties are ordered by id.
    assert [(a["id"], a["affiliation"], a["mentions"]) for a in body["items"]] == [
        ("cnpc", "china", 1),
        ("huawei", "china", 1),
        ("rosneft", "russia", 1),
        ("zte", "china", 1),
    ]
    assert body["total"] == 4


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("person", ["hugo-chavez"]),
        ("initiative", ["belt-and-road-initiative"]),
        ("policy", ["monroe-doctrine", "oil-for-loans"]),
        ("group", ["the-west", "eurasian-powers"]),
        ("city", []),
    ],
)
def test_kind_filter(client: TestClient, kind: str, expected: list[str]) -> None:
    assert [a["id"] for a in actors(client, kind=kind)["items"]] == expected


def test_kind_and_q_combine(client: TestClient) -> None:
    assert [a["id"] for a in actors(client, kind="company", q="china")["items"]] == ["cnpc"]
    assert [a["id"] for a in actors(client, kind="country", q="china")["items"]] == ["china"]


# Mentions per actor, and how the surfaces split (counted line by line in the article):
#   russia:        Russia 17, Moscow 9, Russian 2
#   china:         China 19, Beijing 9
#   venezuela:     Venezuela 26 (with "Venezuela’s"), Caracas 11, Venezuelan 5
#   united-states: U.S. 5 (one "U.S.-centered"), Washington 4 (one "Washington’s"),
#                  United States 3
#   the-west:      Western 7 ("non-Western" excluded, "Western Hemisphere" is another actor)
MENTIONS: dict[str, Counter[str]] = {
    "russia": Counter({"Russia": 17, "Moscow": 9, "Russian": 2}),
    "china": Counter({"China": 19, "Beijing": 9}),
    "venezuela": Counter({"Venezuela": 26, "Caracas": 11, "Venezuelan": 5}),
    "united-states": Counter({"U.S.": 5, "Washington": 4, "United States": 3}),
    "the-west": Counter({"Western": 7}),
    "western-hemisphere": Counter({"Western Hemisphere": 3}),
    "latin-america": Counter({"Latin America": 9}),
    "hugo-chavez": Counter({"Chávez": 1, "Hugo Chávez": 1}),
    "belt-and-road-initiative": Counter({"Belt and Road Initiative": 1, "BRI": 1}),
}


@pytest.mark.parametrize(
    ("actor_id", "mentions"),
    [
        ("russia", 28),
        ("china", 28),
        ("venezuela", 42),
        ("united-states", 12),
        ("the-west", 7),
        ("western-hemisphere", 3),
        ("latin-america", 9),
        ("hugo-chavez", 2),
        ("belt-and-road-initiative", 2),
    ],
)
def test_mention_counts(client: TestClient, actor_id: str, mentions: int) -> None:
    listed = {a["id"]: a["mentions"] for a in actors(client)["items"]}
    assert listed[actor_id] == mentions
    in_article = {a["id"]: a["mentions"] for a in actors(client, article=ARTICLE)["items"]}
    assert in_article[actor_id] == mentions
    detail = actor(client, actor_id)
    assert detail["mentions"] == mentions
    assert len(detail["occurrences"]) == mentions
    assert sum(s["mentions"] for s in detail["sections"]) == mentions
    assert Counter(o["quote"] for o in detail["occurrences"]) == MENTIONS[actor_id]
    assert MENTIONS[actor_id].total() == mentions


def test_the_list_is_most_mentioned_first(client: TestClient) -> None:
    items = actors(client)["items"]
    assert [(a["id"], a["mentions"]) for a in items[:5]] == [
        ("venezuela", 42),
        ("china", 28),
        ("russia", 28),
        ("united-states", 12),
        ("latin-america", 9),
    ]
    counts = [a["mentions"] for a in items]
    assert counts == sorted(counts, reverse=True)


def test_non_western_is_not_a_mention_of_the_west(client: TestClient, article_text: str) -> None:
    where = article_text.index("non-Western")
    occurrences = actor(client, "the-west")["occurrences"]
    assert all(not (o["start"] <= where + 4 < o["end"]) for o in occurrences)


# Mentions per section, in reading order ("4" and "2" are headings that name actors).
SECTIONS: dict[str, list[tuple[str | None, int]]] = {
    "russia": [
        (None, 3),
        ("1.1", 1),
        ("1.2", 2),
        ("2", 1),
        ("2.1", 5),
        ("3.1", 1),
        ("4", 1),
        ("4.1", 2),
        ("4.2", 1),
        ("5.1", 1),
        ("5.2", 1),
        ("6.1", 3),
        ("7", 1),
        ("8.1", 1),
        ("9", 1),
        ("10", 3),
    ],
    "china": [
        (None, 3),
        ("1.1", 1),
        ("1.2", 2),
        ("3", 1),
        ("3.1", 3),
        ("3.2", 3),
        ("4", 1),
        ("4.1", 2),
        ("4.2", 1),
        ("5.1", 1),
        ("5.2", 1),
        ("6.1", 3),
        ("7", 1),
        ("8.1", 1),
        ("9", 1),
        ("10", 3),
    ],
    "venezuela": [
        (None, 3),
        ("1", 1),
        ("1.1", 3),
        ("1.2", 4),
        ("2", 1),
        ("2.1", 4),
        ("2.2", 1),
        ("3.1", 2),
        ("3.2", 2),
        ("4", 1),
        ("4.1", 2),
        ("4.2", 2),
        ("5.1", 3),
        ("5.2", 1),
        ("6.1", 3),
        ("6.2", 1),
        ("7", 2),
        ("8.1", 1),
        ("9", 1),
        ("10", 4),
    ],
    "united-states": [
        (None, 2),
        ("1.1", 1),
        ("4.1", 1),
        ("4.2", 2),
        ("5", 1),
        ("5.1", 1),
        ("5.2", 2),
        ("8.2", 2),
    ],
    "hugo-chavez": [("2.1", 2)],
    "huawei": [("3.2", 1)],
}


@pytest.mark.parametrize("actor_id", sorted(SECTIONS))
def test_actor_sections_with_mention_counts(client: TestClient, actor_id: str) -> None:
    got = actor(client, actor_id)["sections"]
    assert [(s["number"], s["mentions"]) for s in got] == SECTIONS[actor_id]
    assert [s["id"] for s in got] == [sid(n) for n, _ in SECTIONS[actor_id]]
    assert {s["article"] for s in got} == {ARTICLE}


def test_huawei_claims_and_figures(client: TestClient) -> None:
    huawei = actor(client, "huawei")
    assert [(c["text"], c["kind"], c["actors"]) for c in huawei["claims"]] == [
        (
            "Companies like Huawei and ZTE have built large parts of the nation’s "
            "telecommunications backbone, including 4G infrastructure and national "
            "identification systems.",
            "fact",
            ["huawei", "zte"],
        )
    ]
    assert huawei["figures"] == []


def test_hugo_chavez_claims_and_figures(client: TestClient) -> None:
    chavez = actor(client, "hugo-chavez")
    assert [c["text"] for c in chavez["claims"]] == [
        "The foundations of the Russia–Venezuela relationship were laid during the presidency "
        "of Hugo Chávez (1999–2013)."
    ]
    assert [(f["quote"], f["period_start"], f["period_end"]) for f in chavez["figures"]] == [
        ("1999–2013", "1999", "2013")
    ]


def test_actor_claims_are_the_claims_filtered_by_actor(client: TestClient) -> None:
    for actor_id in ("china", "united-states", "rosneft"):
        listed = client.get("/v1/claims", params={"actor": actor_id, "limit": 100}).json()
        assert actor(client, actor_id)["claims"] == listed["items"]


def test_actor_figures_are_the_figures_filtered_by_actor(client: TestClient) -> None:
    china = actor(client, "china")
    listed = client.get("/v1/figures", params={"actor": "china", "limit": 100}).json()
    assert china["figures"] == listed["items"]
    assert [f["quote"] for f in china["figures"]] == [
        "two decades",
        "more than 60%",
        "over $60 billion",
        "since 2007",
    ]


def test_huawei_relations(client: TestClient) -> None:
    relations = actor(client, "huawei")["relations"]
    assert [(r["actor"], r["name"], r["relation"], r["claims"]) for r in relations] == [
        ("china", "China", "affiliated_with", 0),
        ("zte", "ZTE", "co_mentioned", 1),
    ]


def test_china_relations_list_its_affiliates(client: TestClient) -> None:
    relations = actor(client, "china")["relations"]
    affiliates = {r["actor"] for r in relations if r["relation"] == "has_affiliate"}
    assert affiliates == {"huawei", "zte", "cnpc", "belt-and-road-initiative", "oil-for-loans"}
    huawei = next(r for r in relations if r["actor"] == "huawei")
    assert (huawei["relation"], huawei["claims"]) == ("has_affiliate", 0)
    assert not any(r["relation"] == "affiliated_with" for r in relations)
    # Russia and Venezuela each share 17 of China's 25 claims.
    co = {r["actor"]: r["claims"] for r in relations if r["relation"] == "co_mentioned"}
    assert (co["russia"], co["venezuela"]) == (17, 17)


def test_rosneft_is_affiliated_with_russia(client: TestClient) -> None:
    relations = actor(client, "rosneft")["relations"]
    assert relations[0] == {
        "actor": "russia",
        "name": "Russia",
        "relation": "affiliated_with",
        "claims": 1,
    }
    russia = {r["actor"]: r["relation"] for r in actor(client, "russia")["relations"]}
    assert russia["rosneft"] == "has_affiliate"


@pytest.mark.parametrize("actor_id", ["russia", "united-states", "hugo-chavez", "cnpc"])
def test_occurrences_quote_the_text_at_their_offsets(
    client: TestClient, article_text: str, actor_id: str
) -> None:
    occurrences = actor(client, actor_id)["occurrences"]
    assert occurrences
    for o in occurrences:
        assert article_text[o["start"] : o["end"]] == o["quote"]
        assert o["article"] == ARTICLE
    starts = [o["start"] for o in occurrences]
    assert starts == sorted(starts)


def test_hugo_chavez_occurrences(client: TestClient, article_text: str) -> None:
    occurrences = actor(client, "hugo-chavez")["occurrences"]
    heading = article_text.index("2.1. A legacy of the Chávez years")
    sentence = article_text.index("presidency of Hugo Chávez")
    assert [(o["quote"], o["start"], o["end"], o["section"]) for o in occurrences] == [
        ("Chávez", heading + 21, heading + 27, sid("2.1")),
        ("Hugo Chávez", sentence + 14, sentence + 25, sid("2.1")),
    ]
