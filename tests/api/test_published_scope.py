"""Figures, claims, sections, actors and search narrowed to a publisher and to publication
dates (`?publisher=`, `?published_from=`, `?published_to=`), on SQLite and PostgreSQL, over a
small corpus of articles of different publishers and dates beside the seed (which has none)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from tests.api.test_article_delete import BEARER, writable
from tests.api.test_contract import assert_problem

__all__ = ["writable"]  # the fixture, shared with the delete tests

MARKDOWN = {**BEARER, "Content-Type": "text/markdown"}
CORPUS = {
    "harbour": """---
title: Harbour Dredging
publisher: North Desk
published: 2021-03-10
---
The port authority said dredging the harbour turbines cost $12 million in 2020 for China.
""",
    "orchard": """---
title: Orchard Power
publisher: South Wire
published: 2022-06-01
---
Farmers said the orchard turbines earned $3 million in 2021 from Russia.
""",
    "quarry": """---
title: Quarry Turbines
publisher: North Desk
published: 2023-09-15
---
The council said the quarry turbines cost $7 million in 2023 in Venezuela.
""",
}


@pytest.fixture
def corpus(writable: TestClient) -> TestClient:
    for slug, body in CORPUS.items():
        response = writable.post(
            f"/v1/articles?slug={slug}&language=en", content=body, headers=MARKDOWN
        )
        assert response.status_code == 201, response.text
    return writable


def _articles(client: TestClient, path: str, query: str) -> list[str]:
    response = client.get(f"/v1/{path}?{query}&limit=100")
    assert response.status_code == 200, response.text
    return [item["article"] for item in response.json()["items"]]


NORTH = "publisher=North%20Desk"


@pytest.mark.parametrize("path", ["figures", "claims", "sections"])
@pytest.mark.parametrize(
    ("query", "articles"),
    [
        (NORTH, ["harbour", "quarry"]),
        ("publisher=South%20Wire", ["orchard"]),
        ("publisher=north%20desk", []),
        ("published_from=2022-06-01", ["orchard", "quarry"]),
        ("published_from=2022-06-02", ["quarry"]),
        ("published_to=2022-06-01", ["harbour", "orchard"]),
        ("published_to=2021-03-09", []),
        ("published_from=2021-03-10&published_to=2023-09-15", ["harbour", "orchard", "quarry"]),
        (f"{NORTH}&published_from=2022-01-01", ["quarry"]),
    ],
)
def test_lists_hold_only_the_articles_asked_for(
    corpus: TestClient, path: str, query: str, articles: list[str]
) -> None:
    # Each article's own rows, as the unnarrowed list answers them for `?article=`.
    expected = [row for slug in articles for row in _articles(corpus, path, f"article={slug}")]
    found = _articles(corpus, path, query)
    assert found == expected
    assert sorted(set(found)) == articles


def test_figures_of_a_publisher_and_their_facets(corpus: TestClient) -> None:
    answer = corpus.get(f"/v1/figures?{NORTH}&kind=money&facet=article").json()
    assert [(f["article"], f["value"]) for f in answer["items"]] == [
        ("harbour", 12_000_000.0),
        ("quarry", 7_000_000.0),
    ]
    assert answer["facets"]["article"] == [
        {"value": "harbour", "count": 1},
        {"value": "quarry", "count": 1},
    ]


def test_exports_are_narrowed_too(corpus: TestClient) -> None:
    csv = corpus.get(f"/v1/claims?{NORTH}&format=csv").text.splitlines()
    assert [line.split(",")[1] for line in csv[1:]] == ["harbour", "quarry"]
    ndjson = corpus.get("/v1/figures?published_from=2022-01-01&format=ndjson").text.splitlines()
    assert [json.loads(line)["article"] for line in ndjson] == [
        *_articles(corpus, "figures", "article=orchard"),
        *_articles(corpus, "figures", "article=quarry"),
    ]


@pytest.mark.parametrize(
    ("query", "actors"),
    [
        (NORTH, {"china": 1, "venezuela": 1}),
        ("publisher=South%20Wire", {"russia": 1}),
        ("published_from=2022-01-01", {"russia": 1, "venezuela": 1}),
        ("published_to=2020-12-31", {}),
        ("article=orchard&publisher=North%20Desk", {}),
    ],
)
def test_an_actor_is_listed_when_an_article_asked_for_names_it(
    corpus: TestClient, query: str, actors: dict[str, int]
) -> None:
    answer = corpus.get(f"/v1/actors?{query}").json()
    assert {a["id"]: a["mentions"] for a in answer["items"]} == actors
    assert answer["total"] == len(actors)


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        (
            f"q=turbines&{NORTH}",
            [
                ("claim", "quarry"),
                ("section", "quarry"),
                ("claim", "harbour"),
                ("section", "harbour"),
            ],
        ),
        ("q=turbines&published_to=2021-12-31", [("claim", "harbour"), ("section", "harbour")]),
        ("q=turbines&publisher=Nobody", []),
        # An actor is found when an article of the publisher mentions it; the seed names
        # Russia too, but has no publisher.
        ("q=Russia&type=actor&publisher=South%20Wire", [("actor", None)]),
        ("q=Russia&type=actor&publisher=North%20Desk", []),
        ("q=Russia&type=claim&published_from=2022-06-01", [("claim", "orchard")]),
    ],
)
def test_search_is_narrowed_on_either_backend(
    corpus: TestClient, query: str, hits: list[tuple[str, str | None]]
) -> None:
    answer = corpus.get(f"/v1/search?{query}").json()
    # What is found, not its order: the backends rank alike only roughly (docs/search.md).
    found = [(hit["type"], hit["article"]) for hit in answer["items"]]
    assert sorted(found, key=str) == sorted(hits, key=str)
    assert answer["total"] == len(hits)
    counted = {f["value"]: f["count"] for f in answer["facets"]["type"]}
    assert sum(counted.values()) == len(hits)


@pytest.mark.parametrize("path", ["figures", "claims", "sections", "actors", "search?q=gas&"])
@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("published_from=2023-2-1", "published_from"),
        ("published_to=1675209600", "published_to"),
        ("publisher=", "publisher"),
        ("publishd=x", "publishd"),
    ],
)
def test_bad_scope_parameters_are_problems(
    corpus: TestClient, path: str, query: str, name: str
) -> None:
    separator = "" if path.endswith("&") else "?"
    response = corpus.get(f"/v1/{path}{separator}{query}")
    assert_problem(response, 422)
    assert [e["name"] for e in response.json()["errors"]] == [name]


def test_figures_and_claims_name_the_article_to_cite(corpus: TestClient) -> None:
    harbour = {"title": "Harbour Dredging", "publisher": "North Desk", "published": "2021-03-10"}
    figures = corpus.get("/v1/figures?article=harbour&kind=money").json()["items"]
    assert [f["article_meta"] for f in figures] == [harbour]
    claims = corpus.get("/v1/claims?publisher=South%20Wire").json()["items"]
    assert [c["article_meta"] for c in claims] == [
        {"title": "Orchard Power", "publisher": "South Wire", "published": "2022-06-01"}
    ]
    # The seed article says neither who published it nor when.
    seed = corpus.get("/v1/figures?article=russia-china-venezuela&limit=1").json()["items"][0]
    assert seed["article_meta"]["publisher"] is None
    assert seed["article_meta"]["published"] is None
    detail = corpus.get(f"/v1/figures/{figures[0]['id']}").json()
    assert detail["article_meta"] == harbour


def test_search_hits_name_the_article_to_cite(corpus: TestClient) -> None:
    hits = corpus.get("/v1/search?q=Russia&published_from=2022-01-01").json()["items"]
    orchard = {"title": "Orchard Power", "publisher": "South Wire", "published": "2022-06-01"}
    assert sorted(((h["type"], h["article_meta"]) for h in hits), key=str) == [
        ("actor", None),
        ("claim", orchard),
        ("section", orchard),
    ]


@pytest.mark.parametrize("query", ["q=turbines", "q=said", "q=said&type=claim", "q=Russia"])
def test_the_article_facet_counts_every_result_not_the_page(corpus: TestClient, query: str) -> None:
    everything = corpus.get(f"/v1/search?{query}&limit=100").json()
    assert everything["total"] == len(everything["items"])
    counted: dict[str, int] = {}
    for hit in everything["items"]:
        if hit["article"] is not None:
            counted[hit["article"]] = counted.get(hit["article"], 0) + 1
    expected = [
        {"value": article, "count": n}
        for article, n in sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    ]
    first = corpus.get(f"/v1/search?{query}&limit=1").json()
    assert len(first["items"]) == 1
    assert first["facets"]["article"] == everything["facets"]["article"] == expected


def test_the_article_facet_of_a_word_three_articles_share(corpus: TestClient) -> None:
    answer = corpus.get("/v1/search?q=turbines&limit=1").json()
    # Each article's sentence is a claim in the article's one section: two results each.
    assert answer["facets"]["article"] == [
        {"value": "harbour", "count": 2},
        {"value": "orchard", "count": 2},
        {"value": "quarry", "count": 2},
    ]
