"""Comparing sources, on SQLite and PostgreSQL: a figure's related figures in other articles
(`GET /v1/figures/{id}/related`), whether they agree, and an actor's figures across articles
in time order (`GET /v1/actors/{id}/figures?sort=period`), over a small corpus of articles
written for these tests beside the seed (whose figures are related to none of theirs)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.models.schemas import FigurePage, FigurePublic, RelatedFigure, RelatedFigurePage
from tests.api.test_article_delete import BEARER, writable
from tests.api.test_contract import assert_problem
from tests.api.test_export_csv import module_bytes

__all__ = ["writable"]  # the fixture, shared with the delete tests

MARKDOWN = {**BEARER, "Content-Type": "text/markdown"}
CORPUS = {
    "harbour": """---
title: Harbour Credit
publisher: North Desk
published: 2021-03-10
---
China has extended over $60 billion in credit to Venezuela since 2007.
""",
    "orchard": """---
title: Orchard Loans
publisher: South Wire
published: 2022-06-01
---
Venezuela has received $62 billion in credits from China since 2007.
""",
    "quarry": """---
title: Quarry Debts
publisher: North Desk
published: 2023-09-15
---
Venezuela has taken $50 billion in credit from China since 2010.

Venezuela sold about $8 billion of oil exports to China in 2019.
""",
    "delta": """---
title: Delta Lending
publisher: East Post
---
China has lent Venezuela between $55 billion and $65 billion in credit since 2007.

Venezuela sold about $9 billion of oil exports to China in 2019.
""",
}
SEED = "russia-china-venezuela"


@pytest.fixture
def corpus(writable: TestClient) -> TestClient:
    for slug, body in CORPUS.items():
        response = writable.post(
            f"/v1/articles?slug={slug}&language=en", content=body, headers=MARKDOWN
        )
        assert response.status_code == 201, response.text
    return writable


def _money(client: TestClient, article: str, quote: str) -> str:
    items = client.get(f"/v1/figures?article={article}&kind=money").json()["items"]
    [found] = [item["id"] for item in items if item["quote"] == quote]
    return str(found)


def _related(client: TestClient, figure_id: str, query: str = "") -> list[tuple[Any, ...]]:
    response = client.get(f"/v1/figures/{figure_id}/related?{query}")
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["total"] == int(response.headers["x-total-count"])
    return [
        (item["article"], item["quote"], item["agrees"], item["similarity"])
        for item in answer["items"]
    ]


def test_over_60_billion_agrees_with_62_and_the_range_not_with_50(corpus: TestClient) -> None:
    over_60 = _money(corpus, "harbour", "over $60 billion")
    # Most alike first, then the newest article, the undated last.
    assert _related(corpus, over_60) == [
        ("quarry", "$50 billion", False, 1.0),
        ("delta", "between $55 billion and $65 billion", True, 1.0),
        ("orchard", "$62 billion", True, 0.92),
    ]
    # From the other side: "$62 billion" agrees with "over $60" and the range, not with 50.
    assert _related(corpus, _money(corpus, "orchard", "$62 billion")) == [
        ("quarry", "$50 billion", False, 0.92),
        ("harbour", "over $60 billion", True, 0.92),
        ("delta", "between $55 billion and $65 billion", True, 0.92),
    ]
    # About 8 billion (7.2-8.8) and about 9 billion (8.1-9.9) meet.
    assert _related(corpus, _money(corpus, "delta", "about $9 billion")) == [
        ("quarry", "about $8 billion", True, 1.0),
    ]


def test_a_related_figure_is_a_figure_with_its_article_to_cite(corpus: TestClient) -> None:
    over_60 = _money(corpus, "harbour", "over $60 billion")
    answer = corpus.get(f"/v1/figures/{over_60}/related?limit=1&offset=1").json()
    [item] = answer["items"]
    figure = corpus.get(f"/v1/figures/{item['id']}").json()
    assert item == {**figure, "agrees": True, "similarity": 1.0}
    delta = {"title": "Delta Lending", "publisher": "East Post", "published": None}
    assert item["article_meta"] == delta
    assert (answer["total"], answer["limit"], answer["offset"]) == (3, 1, 1)


def test_the_seed_article_alone_has_no_related_figures(corpus: TestClient) -> None:
    for figure in corpus.get(f"/v1/figures?article={SEED}&limit=100").json()["items"]:
        response = corpus.get(f"/v1/figures/{figure['id']}/related")
        assert response.json() == {"items": [], "total": 0, "limit": 20, "offset": 0}


def test_deleting_or_replacing_an_article_regroups_its_figures(corpus: TestClient) -> None:
    over_60 = _money(corpus, "harbour", "over $60 billion")
    assert corpus.delete("/v1/articles/quarry", headers=BEARER).status_code == 204
    assert _related(corpus, over_60) == [
        ("delta", "between $55 billion and $65 billion", True, 1.0),
        ("orchard", "$62 billion", True, 0.92),
    ]
    assert _related(corpus, _money(corpus, "delta", "about $9 billion")) == []
    # Orchard now says 58 billion, for 2015 on: still related, no longer agreeing.
    text = CORPUS["orchard"].replace("$62 billion", "$58 billion").replace("2007", "2015")
    response = corpus.post("/v1/articles?slug=orchard&language=en", content=text, headers=MARKDOWN)
    assert response.status_code == 201, response.text
    assert _related(corpus, over_60) == [
        ("delta", "between $55 billion and $65 billion", True, 1.0),
        ("orchard", "$58 billion", False, 0.92),
    ]


def test_an_unknown_figure_or_a_bad_page_is_a_problem(corpus: TestClient) -> None:
    assert_problem(corpus.get("/v1/figures/f-000000000000/related"), 404)
    assert_problem(corpus.get("/v1/figures/x/related?limit=101"), 422)


def test_an_actor_s_figures_as_a_timeline(corpus: TestClient) -> None:
    response = corpus.get("/v1/actors/venezuela/figures?sort=period&kind=money&limit=100")
    assert response.status_code == 200, response.text
    answer = response.json()
    assert [(f["article"], f["quote"], f["period_start"]) for f in answer["items"]] == [
        ("russia-china-venezuela", "over $11 billion", "2005"),
        ("harbour", "over $60 billion", "2007"),
        ("orchard", "$62 billion", "2007"),
        # Both undated: by id.
        ("russia-china-venezuela", "over $60 billion", "2007"),
        ("delta", "between $55 billion and $65 billion", "2007"),
        ("quarry", "$50 billion", "2010"),
        ("quarry", "about $8 billion", "2019"),
        ("delta", "about $9 billion", "2019"),
    ]
    assert answer["total"] == 8


def test_an_actor_s_figures_in_document_order_are_those_of_the_figure_list(
    corpus: TestClient,
) -> None:
    mine = corpus.get("/v1/actors/venezuela/figures?unit=USD&limit=100").json()
    listed = corpus.get("/v1/figures?actor=venezuela&unit=USD&limit=100").json()
    assert mine == listed
    assert [f["article"] for f in mine["items"]] == [
        "delta",
        "delta",
        "harbour",
        "orchard",
        "quarry",
        "quarry",
        "russia-china-venezuela",
        "russia-china-venezuela",
    ]


def test_an_unknown_actor_or_sort_is_a_problem(corpus: TestClient) -> None:
    assert_problem(corpus.get("/v1/actors/atlantis/figures"), 404)
    response = corpus.get("/v1/actors/venezuela/figures?sort=time")
    assert_problem(response, 422)
    assert [e["name"] for e in response.json()["errors"]] == ["sort"]


def test_the_openapi_example_is_a_real_answer(corpus: TestClient) -> None:
    spec = corpus.get("/openapi.json").json()
    [example] = spec["components"]["schemas"]["RelatedFigurePage"]["examples"]
    over_60 = _money(corpus, "harbour", "over $60 billion")
    assert corpus.get(f"/v1/figures/{over_60}/related?limit=1").json() == example


def test_pages_are_their_schemas_serialisation_and_export(corpus: TestClient) -> None:
    over_60 = _money(corpus, "harbour", "over $60 billion")
    response = corpus.get(f"/v1/figures/{over_60}/related")
    page = RelatedFigurePage.model_validate_json(response.content)
    assert response.content == page.model_dump_json().encode()
    timeline = corpus.get("/v1/actors/china/figures?sort=period")
    written = FigurePage.model_validate_json(timeline.content).model_dump_json()
    assert timeline.content == written.encode()
    csv = corpus.get(f"/v1/figures/{over_60}/related?format=csv").text.splitlines()
    assert csv[0].endswith(",article_meta.published,agrees,similarity")
    assert [line.rsplit(",", 2)[1:] for line in csv[1:]] == [
        ["false", "1.0"],
        ["true", "1.0"],
        ["true", "0.92"],
    ]
    related = response.json()["items"]
    as_csv = corpus.get(f"/v1/figures/{over_60}/related?format=csv").content
    assert as_csv == module_bytes(RelatedFigure, related)
    as_csv = corpus.get("/v1/actors/china/figures?sort=period&format=csv").content
    assert as_csv == module_bytes(FigurePublic, timeline.json()["items"])


def test_an_export_of_an_unknown_figure_or_actor_is_a_404_before_it_streams(
    corpus: TestClient,
) -> None:
    assert_problem(corpus.get("/v1/figures/0/related?all=true"), 404)
    assert_problem(corpus.get("/v1/actors/atlantis/figures?all=true&format=csv"), 404)
    over_60 = _money(corpus, "harbour", "over $60 billion")
    rows = corpus.get(f"/v1/figures/{over_60}/related?all=true&format=ndjson").text.splitlines()
    assert len(rows) == 3
