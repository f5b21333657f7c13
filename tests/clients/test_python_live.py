"""The Python client's sync Client against a real `article-facts serve` on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from article_facts_client import Client, Conflict, RateLimited, Unauthorized, models

from app.core.db import sqlite_path
from tests.conftest import ARTICLE, REPO, copy_database
from tests.test_serving import Served

TOKEN = "live-token"
COUNTRIES = 7  # Of the seed article's actors.
# The seeded article's top-level sections in reading order: the introduction has no number.
LEVEL_1 = [None, *(str(number) for number in range(1, 11))]
TEXT = (Path(__file__).parents[1] / "data" / "chips-race.txt").read_text()


@pytest.fixture(scope="module")
def served(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = tmp_path_factory.mktemp("live") / "facts.db"
    copy_database(sqlite_path(database_url), db)
    server = Served(f"sqlite:///{db}", {"ARTICLE_FACTS_ADMIN_TOKEN": TOKEN})
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_lists_pages_and_resources(served: Served) -> None:
    with Client(served.url) as api:
        assert api.health().status == "ok"
        numbers = [s.number for s in api.iter_sections(level=1, page_size=2)]
        assert numbers == [s.number for s in api.list_sections(level=1).items]
        assert numbers == LEVEL_1
        figures = list(api.iter_figures(sort=models.FigureSort.field_value, page_size=3))
        assert len(figures) == 10
        assert figures[0].value == 60000000000.0
        assert api.get_figure(figures[0].id).quote == "over $60 billion"
        hits = api.search(q="Huawei ZTE")
        assert hits.items[0].id == "c-42ea6e20db27"


def test_exports_stream_every_matching_row(served: Served) -> None:
    with Client(served.url) as api:
        figures = [f.id for f in api.export_figures_ndjson(sort=models.FigureSort.field_value)]
        assert figures == [f.id for f in api.list_figures(sort=models.FigureSort.field_value).items]
        assert len(figures) == 10
        header, *rows = api.export_actors_csv(kind=models.ActorKind.country).splitlines()
        assert header.startswith("id,name,kind,aliases,")
        assert len(rows) == api.list_actors(kind=models.ActorKind.country).total == COUNTRIES


def test_an_unchanged_resource_comes_back_as_a_304(served: Served) -> None:
    statuses: list[int] = []
    with Client(served.url) as api:
        api.http.event_hooks["response"].append(lambda r: statuses.append(r.status_code))
        first = api.get_article(ARTICLE)
        second = api.get_article(ARTICLE)
    assert statuses == [200, 304]
    assert first == second


def test_writes_need_the_token(served: Served) -> None:
    with Client(served.url, token="wrong") as wrong, pytest.raises(Unauthorized):
        wrong.delete_article(ARTICLE)
    with Client(served.url, token=TOKEN) as api:
        article = api.create_article(TEXT, slug="chips-race")
        assert (article.id, api.list_articles().total) == ("chips-race", 2)
        with pytest.raises(Conflict) as caught:
            api.create_article(TEXT, slug="chips-race-again")
        assert caught.value.status == 409
        api.delete_article("chips-race")
        assert api.list_articles().total == 1
    with Client(served.url) as anonymous, pytest.raises(Unauthorized):
        anonymous.delete_article(ARTICLE)


def test_a_rate_limited_client_raises_once_its_wait_is_past_the_bound(database_url: str) -> None:
    server = Served(database_url, {"ARTICLE_FACTS_RATE_LIMIT_PER_MINUTE": "2"})
    try:
        server.wait_ready()
        with Client(server.url, max_retry_wait=1) as api:
            api.list_claims()
            api.list_claims(offset=1)
            with pytest.raises(RateLimited) as caught:
                api.list_claims(offset=2)
        assert caught.value.status == 429
        assert int(caught.value.response.headers["retry-after"]) > 1
    finally:
        server.stop()


def test_the_example_runs(served: Served) -> None:
    example = REPO / "clients" / "python" / "examples" / "money_figures.py"
    env = {"PYTHONPATH": str(REPO / "clients" / "python" / "src")}
    done = subprocess.run(
        [sys.executable, str(example), served.url],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    )
    lines = done.stdout.splitlines()
    assert [line.strip().split("  ")[0] for line in lines[:2]] == [
        "over $60 billion",
        "over $11 billion",
    ]
    assert lines[2:] == ["2 money figures", "404: No actor with id 'atlantis'."]
