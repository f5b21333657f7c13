"""Every fact the API serves points at the words it comes from, and keeps its id across loads.

Over every section, claim, figure and actor occurrence: `text[start:end]` is the quote, using
the text the API itself serves at /v1/articles/{id}/text.
"""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.ingest.pipeline import ArticleFacts
from app.ingest.seed import read_seed

ARTICLE = "russia-china-venezuela"
SEED_DIR = Path(__file__).resolve().parents[1] / "seed"
Item = dict[str, Any]


def every(client: TestClient, path: str, limit: int = 100) -> list[Item]:
    """All items of a list, page by page."""
    items: list[Item] = []
    offset = 0
    while True:
        response = client.get(path, params={"limit": limit, "offset": offset})
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        offset += limit
        if offset >= body["total"]:
            assert len(items) == body["total"]
            return items


@pytest.fixture(scope="module")
def text(client: TestClient) -> str:
    response = client.get(f"/v1/articles/{ARTICLE}/text")
    assert response.status_code == 200
    return response.text


@pytest.fixture(scope="module")
def served(client: TestClient) -> dict[str, list[Item]]:
    actors = every(client, "/v1/actors")
    details = [client.get(f"/v1/actors/{a['id']}").json() for a in actors]
    return {
        "sections": every(client, "/v1/sections"),
        "claims": every(client, "/v1/claims"),
        "figures": every(client, "/v1/figures"),
        "actors": actors,
        "occurrences": [o for d in details for o in d["occurrences"]],
    }


def test_the_served_text_is_the_seed_text(text: str, article_text: str) -> None:
    assert text == article_text


def test_the_served_collections_have_the_counted_sizes(served: dict[str, list[Item]]) -> None:
    sizes = {name: len(items) for name, items in served.items()}
    # 154 mentions: russia 28, china 28, venezuela 42, united-states 12, latin-america 9,
    # the-west 7, global-south 4, western-hemisphere 3, atlantic, belt-and-road-initiative,
    # caribbean, eurasian-powers and hugo-chavez 2 each, nine actors named once.
    assert sizes == {
        "sections": 25,
        "claims": 66,
        "figures": 10,
        "actors": 24,
        "occurrences": 154,
    }


@pytest.mark.parametrize("resource", ["sections", "claims", "figures", "actors"])
@pytest.mark.parametrize("limit", [1, 7, 20])
def test_paging_in_small_pages_gives_the_same_items(
    client: TestClient, served: dict[str, list[Item]], resource: str, limit: int
) -> None:
    assert every(client, f"/v1/{resource}", limit=limit) == served[resource]


def test_every_section_span_starts_with_its_heading_and_ends_with_its_body(
    client: TestClient, text: str, served: dict[str, list[Item]]
) -> None:
    for section in served["sections"]:
        span = text[section["start"] : section["end"]]
        assert span == span.strip(), section["id"]
        if section["number"] is not None:
            assert span.startswith(f"{section['number']}. {section['title']}"), section["id"]
        body = client.get(f"/v1/sections/{section['id']}").json()["body"]
        assert span.endswith(body), section["id"]


def test_sections_do_not_overlap_and_keep_reading_order(
    text: str, served: dict[str, list[Item]]
) -> None:
    sections = served["sections"]
    for earlier, later in itertools.pairwise(sections):
        assert earlier["end"] <= later["start"]
        # Only blank lines lie between two sections.
        assert text[earlier["end"] : later["start"]].strip() == ""
    title_end = text.index("\n")
    assert sections[0]["start"] > title_end
    assert sections[-1]["end"] < text.index("SEO keywords included:")


def test_every_claim_quotes_the_text(text: str, served: dict[str, list[Item]]) -> None:
    for claim in served["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"], claim["id"]


def test_every_figure_quotes_the_text(text: str, served: dict[str, list[Item]]) -> None:
    for figure in served["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["quote"], figure["id"]


def test_every_occurrence_quotes_the_text(text: str, served: dict[str, list[Item]]) -> None:
    for occurrence in served["occurrences"]:
        assert text[occurrence["start"] : occurrence["end"]] == occurrence["quote"], occurrence
        # Whole words: neither side runs on into a letter or digit.
        assert not text[occurrence["start"] - 1].isalnum()
        assert not text[occurrence["end"]].isalnum()


def _inside(item: Item, section: Item) -> bool:
    return bool(section["start"] <= item["start"] < item["end"] <= section["end"])


@pytest.mark.parametrize("resource", ["claims", "figures", "occurrences"])
def test_every_fact_lies_inside_its_section(served: dict[str, list[Item]], resource: str) -> None:
    sections = {s["id"]: s for s in served["sections"]}
    for item in served[resource]:
        assert _inside(item, sections[item["section"]]), item


def test_every_figure_of_a_claim_lies_inside_the_claim(served: dict[str, list[Item]]) -> None:
    claims = {c["id"]: c for c in served["claims"]}
    for figure in served["figures"]:
        if figure["claim"] is not None:
            assert _inside(figure, claims[figure["claim"]]), figure
            assert figure["id"] in claims[figure["claim"]]["figures"]
    for claim in served["claims"]:
        assert all(f in {g["id"] for g in served["figures"]} for f in claim["figures"])


def test_every_actor_of_a_claim_is_mentioned_in_it(served: dict[str, list[Item]]) -> None:
    for claim in served["claims"]:
        named = {
            o["actor"]
            for o in _occurrences_with_actor(served)
            if claim["start"] <= o["start"] < claim["end"]
        }
        assert sorted(named) == claim["actors"], claim["text"]


def _occurrences_with_actor(served: dict[str, list[Item]]) -> list[Item]:
    # Occurrences do not carry their actor; match them back through the actors' names.
    names = {name: a["id"] for a in served["actors"] for name in (a["name"], *a["aliases"])}
    return [{**o, "actor": names[o["quote"]]} for o in served["occurrences"]]


@pytest.mark.parametrize("resource", ["sections", "claims", "figures", "actors"])
def test_ids_are_unique(served: dict[str, list[Item]], resource: str) -> None:
    ids = Counter(item["id"] for item in served[resource])
    assert [i for i, n in ids.items() if n > 1] == []


def test_ids_are_unique_across_resources(served: dict[str, list[Item]]) -> None:
    ids = [item["id"] for r in ("sections", "claims", "figures", "actors") for item in served[r]]
    assert len(ids) == len(set(ids))


def _ids(facts: ArticleFacts) -> dict[str, list[str]]:
    return {
        "sections": [s.id for s in facts.sections],
        "claims": [c.id for c in facts.claims],
        "figures": [f.id for f in facts.figures],
        "mentions": [m.id for m in facts.mentions],
    }


def test_ids_are_stable_across_builds() -> None:
    first, second = read_seed(SEED_DIR), read_seed(SEED_DIR)
    assert [a.article.id for a in first.articles] == [a.article.id for a in second.articles]
    for a, b in zip(first.articles, second.articles, strict=True):
        assert _ids(a) == _ids(b)
        assert a.article.fingerprint == b.article.fingerprint
    [facts] = first.articles
    assert {name: len(ids) for name, ids in _ids(facts).items()} == {
        "sections": 25,
        "claims": 66,
        "figures": 10,
        "mentions": 154,
    }


def test_the_served_ids_are_the_built_ids(served: dict[str, list[Item]]) -> None:
    [facts] = read_seed(SEED_DIR).articles
    built = _ids(facts)
    for resource in ("sections", "claims", "figures"):
        assert [item["id"] for item in served[resource]] == built[resource]
