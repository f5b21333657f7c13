"""Reading one new article: what input is refused and why, and what preparing it returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.ingest.article import (
    MAX_ARTICLE_BYTES,
    IngestError,
    article_slug,
    prepare_article,
    read_article,
)
from app.ingest.curated import ActorEntry, ClaimOverride, Curated
from app.ingest.pipeline import ArticleFacts
from app.ingest.seed import Seed
from app.models.vocabulary import ActorKind, ClaimKind
from tests.conftest import ARTICLE, SEED_DIR

SHORT = "Gas Deals\n\nNorway sold gas to Germany. The European Investment Bank lent €2 billion.\n"


def prepare(
    text: str,
    curated: Curated,
    *,
    slug: str | None = None,
    title: str | None = None,
    annotations: Curated | None = None,
) -> tuple[ArticleFacts, list[ActorEntry]]:
    return prepare_article(
        text,
        source_name="a.txt",
        slug=slug,
        title=title,
        annotations=annotations,
        curated=curated,
    )


# --- read_article ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        (b"", 400, "a.txt: empty: there is no text to read"),
        (b" \n\t\r\n ", 400, "a.txt: empty: there is no text to read"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            415,
            "a.txt: binary data, not text (a NUL byte at byte 8)",
        ),
        (
            b"Title\n\nCaf\xe9 au lait.\n",
            415,
            "a.txt: not UTF-8 text (invalid continuation byte at byte 10); save it as UTF-8",
        ),
        (b"\xff\xfeT\x00i\x00", 415, "a.txt: UTF-16 text; save it as UTF-8"),
        (
            b"Title\n\n" + b"\x01\x02\x03\x04" * 10 + b" some words.\n",
            415,
            "a.txt: binary data, not text (40 control characters in 60)",
        ),
        (
            b"Only a title\n\n\n",
            422,
            "a.txt: no text after the title 'Only a title'; the first line is the title and "
            "the article's body follows it",
        ),
    ],
)
def test_unreadable_input_says_what_is_wrong(data: bytes, status: int, message: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_article(data, source_name="a.txt")
    assert (caught.value.status, str(caught.value)) == (status, message)


def test_input_over_the_limit_is_refused_before_decoding() -> None:
    with pytest.raises(IngestError) as caught:
        read_article(b"x" * (MAX_ARTICLE_BYTES + 1), source_name="big.txt")
    assert caught.value.status == 413
    assert str(caught.value) == (
        "big.txt: too large: the limit is 2,097,152 bytes (2 MiB), this is 2,097,153 bytes"
    )


def test_input_at_the_limit_is_read() -> None:
    data = b"Title\n\n" + b"word " * ((MAX_ARTICLE_BYTES - 8) // 5) + b"\n"
    assert len(data) <= MAX_ARTICLE_BYTES
    assert read_article(data, source_name="a.txt").startswith("Title\n\nword word")


def test_text_is_kept_exactly_but_for_a_byte_order_mark() -> None:
    data = "\ufeffTitle\r\n\r\nBody – with “quotes”.\r\n".encode()
    assert read_article(data, source_name="a.txt") == "Title\r\n\r\nBody – with “quotes”.\r\n"


# --- article_slug ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Russia and China in Latin America", "russia-and-china-in-latin-america"),
        ("Chávez’s Legacy: 1999–2013", "chavez-s-legacy-1999-2013"),
        (
            "Oil, Power and Patience: How the Gulf Producers Are Managing the Energy Transition",
            "oil-power-and-patience-how-the-gulf-producers-are-managing",
        ),
        ("a" * 70, "a" * 60),
        ("¿¡!?", "article-48938597e4"),
        ("中文", "article-72726d8818"),
        ("日本", "article-cf2abf0c5b"),
    ],
)
def test_article_slug(title: str, slug: str) -> None:
    assert article_slug(title) == slug
    assert len(article_slug(title)) <= 60


# --- prepare_article ------------------------------------------------------------------------


def test_the_seed_article_prepared_as_new_gives_the_seed_facts(seed: Seed) -> None:
    text = (SEED_DIR / f"{ARTICLE}.txt").read_bytes().decode("utf-8")
    facts, actors = prepare_article(
        text,
        source_name=f"{ARTICLE}.txt",
        slug=ARTICLE,
        title=None,
        annotations=None,
        curated=seed.curated,
    )
    assert facts.article.fingerprint == seed.articles[0].article.fingerprint
    assert actors == list(seed.curated.actors)


def test_slug_defaults_to_the_title_and_title_can_be_replaced() -> None:
    facts, _ = prepare(SHORT, Curated())
    assert (facts.article.id, facts.article.title) == ("gas-deals", "Gas Deals")
    facts, _ = prepare(SHORT, Curated(), title="  North Sea Gas ")
    assert (facts.article.id, facts.article.title) == ("north-sea-gas", "North Sea Gas")
    facts, _ = prepare(SHORT, Curated(), slug="gas", title="North Sea Gas")
    assert facts.article.id == "gas"


@pytest.mark.parametrize("slug", ["Not A Slug", "double--hyphen", "-start", "a" * 61, "ümlaut"])
def test_a_bad_slug_is_refused(slug: str) -> None:
    with pytest.raises(IngestError) as caught:
        prepare(SHORT, Curated(), slug=slug)
    assert caught.value.status == 422
    assert str(caught.value).startswith(f"slug {slug!r}: use lower-case letters")


@pytest.mark.parametrize("title", ["", "   ", "Two\nlines", "x" * 301])
def test_a_bad_title_is_refused(title: str) -> None:
    with pytest.raises(IngestError) as caught:
        prepare(SHORT, Curated(), title=title)
    assert (caught.value.status, str(caught.value)) == (
        422,
        "title: one line of 1 to 300 characters, please",
    )


def test_actors_are_the_curated_ones_and_what_the_article_mentions(seed: Seed) -> None:
    facts, actors = prepare(SHORT, seed.curated)
    ids = [a.id for a in actors]
    assert ids[: len(seed.curated.actors)] == [a.id for a in seed.curated.actors]
    assert ids[len(seed.curated.actors) :] == ["germany", "norway", "european-investment-bank"]
    bank = actors[-1]
    assert (bank.kind, bank.reviewed) == (ActorKind.ORGANIZATION, False)
    assert all(a.reviewed for a in actors[:-1])
    assert sorted({m.actor_id for m in facts.mentions}) == [
        "european-investment-bank",
        "germany",
        "norway",
    ]


def test_annotations_add_actors_and_win_over_curated_entries(seed: Seed) -> None:
    annotations = Curated(
        actors=(
            ActorEntry(id="norway", name="Norway", kind=ActorKind.COUNTRY, aliases=("Oslo",)),
            ActorEntry(id="gas-deals", name="gas", kind=ActorKind.POLICY),
        )
    )
    facts, actors = prepare(SHORT, seed.curated, annotations=annotations)
    assert [a.id for a in actors if a.id in ("norway", "gas-deals")] == ["norway", "gas-deals"]
    assert {m.surface for m in facts.mentions if m.actor_id == "gas-deals"} == {"gas"}


def test_annotations_that_clash_with_the_curated_names_are_refused(seed: Seed) -> None:
    annotations = Curated(
        actors=(ActorEntry(id="moscow-city", name="Moscow", kind=ActorKind.CITY),)
    )
    with pytest.raises(IngestError) as caught:
        prepare(SHORT, seed.curated, annotations=annotations)
    assert caught.value.status == 422
    assert str(caught.value) == (
        "the annotations do not fit the curated facts: "
        "name 'Moscow' belongs to both 'russia' and 'moscow-city'"
    )


def test_an_override_for_this_article_that_matches_nothing_is_refused() -> None:
    annotations = Curated(
        claims=(
            ClaimOverride(
                article="gas-deals", text="No such sentence here.", kind=ClaimKind.FORECAST
            ),
        )
    )
    with pytest.raises(IngestError) as caught:
        prepare(SHORT, Curated(), annotations=annotations)
    assert caught.value.status == 422
    assert str(caught.value) == (
        "gas-deals: curated entries match nothing in the text: 'No such sentence here.'"
    )


def test_progress_names_each_step() -> None:
    heard: list[str] = []
    text = "T\n\n1. One\nFirst. Second.\n\n2. Two\nThird.\n"
    prepare_article(
        text,
        source_name="t",
        slug=None,
        title=None,
        annotations=None,
        curated=Curated(),
        progress=heard.append,
    )
    assert heard == ["structure", "sentences", "actors (5 sentences)", "figures", "claims"]


def test_text_without_a_body_is_refused_by_prepare_too() -> None:
    with pytest.raises(IngestError) as caught:
        prepare("Just a title\n", Curated())
    assert caught.value.status == 422


def test_data_folder_holds_only_labelled_pairs() -> None:
    folder = Path(__file__).parents[1] / "data"
    articles = sorted(p.stem for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    keys = sorted(p.name.removesuffix(".expected.toml") for p in folder.glob("*.expected.toml"))
    assert articles == keys


_TOKENS = st.sampled_from(
    [
        "Russia",
        "Moscow",
        "Georgia",
        "Tbilisi",
        "US$5",
        "$11 billion",
        "over",
        "60%",
        "per cent",
        "between 2005 and 2013",
        "from 2026",
        "15 to 27",
        "years",
        "the",
        "Bank",
        "(SCO)",
        "Shanghai Cooperation Organisation",
        "company",
        "Gazprom",
        "Neft",
        "People’s Republic of China",
        "N’Djamena",
        "by a quarter",
        "Seven of the eight",
        "members",
        "and",
        ".",
        ",",
        ";",
        ":",
        "\n",
        "\n\n",
        "\n\n1. Heading\n\n",
        "## Part\n",
        "- item",
        "Share this:",
        "Tags: a, b",
        "Mr.",
        "U.S.",
        "€",
        "¥3.9 trillion",
        "—",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=60))
def test_any_text_either_reads_with_exact_offsets_or_fails_clearly(tokens: list[str]) -> None:
    text = "A Title\n\n" + " ".join(tokens) + "\n"
    try:
        facts, actors = prepare(text, Curated())
    except IngestError as exc:
        error: IngestError | None = exc
    else:
        error = None
    if error is not None:
        assert error.status == 422  # a heading with no body after it: "no text after the title"
        return
    body = facts.article.source_text
    assert all(body[c.start : c.end] == c.text for c in facts.claims)
    assert all(body[f.start : f.end] == f.quote for f in facts.figures)
    assert all(body[m.start : m.end] == m.surface for m in facts.mentions)
    assert {m.actor_id for m in facts.mentions} <= {a.id for a in actors}
