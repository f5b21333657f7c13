"""Loading: atomic, idempotent, verified against the text."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.ingest import loader
from app.ingest.curated import ActorEntry, Curated
from app.ingest.load_checks import IdConflictError, LoadError
from app.ingest.loader import load
from app.ingest.pipeline import ArticleFacts, build_article
from app.ingest.seed import Seed, read_seed
from app.models.vocabulary import ActorKind
from bench import corpus
from tests.conftest import SEED_DIR


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path, seed: Seed) -> Path:
    path = tmp_path / "facts.db"
    load(f"sqlite:///{path}", seed.articles, seed.curated.actors)
    return path


def rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_first_load_writes_every_fact(db: Path) -> None:
    assert (rows(db, "article"), rows(db, "section"), rows(db, "figure")) == (1, 25, 10)


def test_loading_the_same_seed_again_changes_nothing(db: Path, seed: Seed) -> None:
    before, stat = digest(db), db.stat()
    report = load(f"sqlite:///{db}", read_seed(SEED_DIR).articles, seed.curated.actors)
    assert not report.changed
    assert report.unchanged == ["russia-china-venezuela"]
    assert digest(db) == before
    assert (db.stat().st_ino, db.stat().st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_an_offset_that_does_not_match_the_text_aborts_and_keeps_the_old_database(
    db: Path, seed: Seed
) -> None:
    before = digest(db)
    facts = read_seed(SEED_DIR).articles[0]
    facts.article = facts.article._replace(fingerprint="changed")
    first = facts.figures[0]
    facts.figures[0] = first._replace(start=first.start + 1)
    with pytest.raises(LoadError, match=rf"figure {first.id}: text\[\d+:\d+\] is "):
        load(f"sqlite:///{db}", [facts], seed.curated.actors)
    assert digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == [
        "facts.db",
        "facts.db.lock",
        "facts.db.search",
    ]


def test_a_crash_in_the_middle_of_writing_keeps_the_old_database(
    db: Path, seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(db)
    facts = read_seed(SEED_DIR).articles[0]
    facts.article = facts.article._replace(fingerprint="changed")

    def crash(_: object) -> object:
        yield [facts.article]
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "_row_groups", crash)
    with pytest.raises(KeyboardInterrupt):
        load(f"sqlite:///{db}", [facts], seed.curated.actors)
    assert digest(db) == before
    assert not (db.parent / ".facts.db.loading").exists()


def test_a_changed_actor_is_rewritten_in_place(db: Path, seed: Seed) -> None:
    actors = [
        a.model_copy(update={"aliases": (*a.aliases, "Kremlin")}) if a.id == "russia" else a
        for a in seed.curated.actors
    ]
    report = load(f"sqlite:///{db}", seed.articles, actors)
    assert (report.actors_changed, report.written) == (1, [])
    with sqlite3.connect(db) as conn:
        aliases = conn.execute("SELECT aliases FROM actor WHERE id = 'russia'").fetchone()[0]
    assert aliases == '["Moscow", "Russian", "Russian Federation", "Kremlin"]'


def test_a_new_version_of_an_article_replaces_its_facts(db: Path, seed: Seed) -> None:
    facts = read_seed(SEED_DIR).articles[0]
    facts.article = facts.article._replace(fingerprint="a new version")
    dropped = facts.figures.pop().id
    facts.claim_figures = [link for link in facts.claim_figures if link.figure_id != dropped]
    facts.figure_actors = [link for link in facts.figure_actors if link.figure_id != dropped]
    report = load(f"sqlite:///{db}", [facts], seed.curated.actors)
    assert report.written == ["russia-china-venezuela"]
    assert rows(db, "figure") == 9


def test_an_unknown_affiliation_is_refused_before_anything_is_written() -> None:
    entry = ActorEntry(id="x", name="X", kind=ActorKind.COMPANY, affiliation="nowhere")
    with pytest.raises(ValueError, match="unknown affiliation 'nowhere'"):
        Curated(actors=(entry,))


FACT_TABLES = [
    "article",
    "section",
    "mention",
    "claim",
    "figure",
    "claim_actor",
    "claim_figure",
    "figure_actor",
    "figure_related",
    "figure_card",
    "figure_bucket",
]


def facts_of(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the fact tables, but when a load wrote each article (its time stamps)."""
    with sqlite3.connect(path) as conn:
        facts = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall()) for t in FACT_TABLES}
        names = [row[1] for row in conn.execute("PRAGMA table_info(article)")]
    stamps = [names.index("added"), names.index("updated")]
    facts["article"] = [
        tuple(v for i, v in enumerate(r) if i not in stamps) for r in facts["article"]
    ]
    return facts


def synthetic(
    seed: Seed, start: int, count: int, slugs: list[str] | None = None
) -> list[ArticleFacts]:
    """Synthetic articles (bench/corpus.py), under other slugs when given."""
    made = list(corpus.articles(count, start=start))
    names = slugs or [slug for slug, _ in made]
    return [
        build_article(text, slug=name, source_name=f"{name}.txt", curated=seed.curated)
        for name, (_, text) in zip(names, made, strict=True)
    ]


def test_articles_replaced_in_batches_leave_the_facts_of_a_fresh_load(
    tmp_path: Path, seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "WRITE_BATCH", 2)
    monkeypatch.setattr(loader, "SLUGS_PER_STATEMENT", 2)
    first = [*seed.articles, *synthetic(seed, 0, 4)]
    slugs = [facts.article.id for facts in first[1:4]]
    final = [first[0], *synthetic(seed, 100, 3, slugs), first[4]]
    replaced, fresh = tmp_path / "replaced.db", tmp_path / "fresh.db"
    load(f"sqlite:///{replaced}", first, seed.curated.actors)
    report = load(f"sqlite:///{replaced}", final, seed.curated.actors)
    assert (report.written, report.unchanged) == (slugs, [first[0].article.id, first[4].article.id])
    load(f"sqlite:///{fresh}", final, seed.curated.actors)
    assert facts_of(replaced) == facts_of(fresh)


def test_a_slug_given_twice_is_written_in_its_last_version(tmp_path: Path, seed: Seed) -> None:
    [old, new] = synthetic(seed, 0, 2, ["twice", "twice"])
    db = tmp_path / "facts.db"
    load(f"sqlite:///{db}", [old, new], seed.curated.actors)
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT fingerprint FROM article WHERE id = 'twice'").fetchall()
    assert stored == [(new.article.fingerprint,)]


def test_two_articles_of_one_load_that_make_one_section_id_write_nothing(
    db: Path, seed: Seed
) -> None:
    before = digest(db)
    text = "Foo\n\n1. A\n\nx.\n\n2. B\n\ny.\n\n2.1 C\n\nz.\n"
    first = build_article(text, slug="foo", source_name="foo.txt", curated=seed.curated)
    text = "Foo two\n\n1. Only\n\nRussia lent money.\n"
    second = build_article(text, slug="foo-2", source_name="foo-2.txt", curated=seed.curated)
    with pytest.raises(IdConflictError, match="'foo-2-1', which article 'foo' already has"):
        load(f"sqlite:///{db}", [first, second], seed.curated.actors)
    assert digest(db) == before


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_bare_cr_line_endings_make_the_same_facts(seed: Seed, newline: str) -> None:
    text = seed.articles[0].article.source_text
    assert "\r" not in text

    # One character for "\n": a bare CR keeps every offset; CRLF shifts them, so compare text.
    def facts(source: str) -> list[tuple[str, ...]]:
        built = build_article(source, slug="x", source_name="x.txt", curated=seed.curated)
        return [
            *((s.title, _lf(source[s.start : s.end])) for s in built.sections),
            *((c.kind, source[c.start : c.end]) for c in built.claims),
            *((f.kind, source[f.start : f.end]) for f in built.figures),
            *((m.actor_id, source[m.start : m.end]) for m in built.mentions),
        ]

    expected = facts(text)
    assert len(expected) == 25 + len(seed.articles[0].claims) + len(seed.articles[0].figures) + len(
        seed.articles[0].mentions
    )
    assert facts(text.replace("\n", newline)) == expected


def test_a_database_stored_in_rollback_journal_mode_is_written_in_place_in_wal_mode(
    db: Path, seed: Seed
) -> None:
    """Databases written before loads ran in place are in rollback-journal mode: the next load
    switches the file to WAL and writes it in place, not a copy."""
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    inode = db.stat().st_ino
    facts = read_seed(SEED_DIR).articles[0]
    facts.article = facts.article._replace(fingerprint="changed")
    report = load(f"sqlite:///{db}", [facts], seed.curated.actors)
    assert report.written == ["russia-china-venezuela"]
    assert db.stat().st_ino == inode
    # The load's connection was the last: its WAL was copied into the file and removed.
    assert sorted(p.name for p in db.parent.iterdir()) == [
        "facts.db",
        "facts.db.lock",
        "facts.db.search",
    ]
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT fingerprint FROM article").fetchone() == ("changed",)
    assert (rows(db, "article"), rows(db, "section"), rows(db, "figure")) == (1, 25, 10)


def test_a_first_load_builds_a_file_of_its_own_in_wal_mode(db: Path) -> None:
    assert sorted(p.name for p in db.parent.iterdir()) == [
        "facts.db",
        "facts.db.lock",
        "facts.db.search",
    ]
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
