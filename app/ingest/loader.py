"""Writing articles' facts to the database so that nothing is lost or half-written.

On SQLite a load into a database that exists runs in one transaction on the live file, in
WAL mode: it migrates, writes, checks every offset of what it wrote against the stored text,
and commits only then; readers see the last commit until the new one, a crash at any point
leaves the last commit, and a delete or an add costs what it writes, not the size of the
file. A first load builds a file of its own and renames it into place when whole; the file a
killed first load leaves is removed by the next load, or as `seed`, `ingest` or `serve`
starts, never while a load holds the lock (app/ingest/sqlite_file.py keeps those files). On a
database server the same work runs in one transaction, one load at a time. Both bump the data
version (app/core/data_version.py) in the transaction, so every serving process sees the load
once it commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import Connection, delete, exists, insert
from sqlmodel import Session, col, select

from app.core import data_version, migrations, postgres
from app.core.db import (
    create_write_engine,
    is_sqlite,
    sqlite_path,
)
from app.ingest import related_index, related_tables, sqlite_file
from app.ingest.curated import ActorEntry
from app.ingest.load_checks import (
    SLUGS_PER_STATEMENT,
    LoadError,
    check_duplicate_texts,
    check_section_ids,
    deletions,
)
from app.ingest.pipeline import ArticleFacts, actor_row
from app.ingest.rows import TABLES, Row
from app.ingest.verify import verify_database
from app.models.tables import (
    Actor,
    Article,
    Claim,
    ClaimActor,
    ClaimFigure,
    Figure,
    FigureActor,
    FigureBucket,
    FigureCard,
    FigureRelated,
    Mention,
    Section,
)
from app.search import stem_counts
from app.search.engine import store
from app.search.engine.writer import update_index

Progress = Callable[[str], None]

# Articles written per round of inserts: one executemany per table and round, with the rows'
# values in memory only for the round (a whole 10,000-article load would hold millions).
WRITE_BATCH = 100


@dataclass
class LoadReport:
    written: list[str] = field(default_factory=list)  # article ids replaced or added
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    actors_changed: int = 0
    migrated: bool = False
    # SQLite: the search index generation the load wrote, and the one it replaced (store.py).
    generations: tuple[str, str | None] | None = None

    @property
    def changed(self) -> bool:
        return bool(
            self.written
            or self.deleted
            or self.actors_changed
            or self.migrated
            or self.generations is not None
        )


def _quiet(_: str) -> None:
    return None


def load(
    url: str,
    articles: Sequence[ArticleFacts],
    actors: Sequence[ActorEntry],
    *,
    delete: Sequence[str] = (),
    progress: Progress = _quiet,
) -> LoadReport:
    """Migrates the database to head and makes it hold `articles` and `actors`, without the
    articles `delete` names (each must be stored: an unknown one fails the whole load)."""
    job = _Job(articles, actors, delete, progress)
    if is_sqlite(url):
        return _load_sqlite(url, job)
    engine = create_write_engine(url)
    try:
        with engine.begin() as conn:
            if postgres.is_postgres(url):
                postgres.lock_for_load(conn)
            return _write(conn, job)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class _Job:
    articles: Sequence[ArticleFacts]
    actors: Sequence[ActorEntry]
    delete: Sequence[str]
    progress: Progress
    # Where a SQLite database's search index lives (store.root_for); None on a server.
    search_root: Path | None = None


def _load_sqlite(url: str, job: _Job) -> LoadReport:
    target = sqlite_path(url).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    root = store.root_for(target)
    job = replace(job, search_root=root)
    with sqlite_file.exclusive(sqlite_file.lock_path(target)):
        sqlite_file.remove_staging(target)  # left by a first load that was killed
        before = store.generations(root)
        try:
            if target.exists():
                report = sqlite_file.write_in_place(target, lambda conn: _write(conn, job))
            else:
                report = sqlite_file.write_new(target, lambda conn: _write(conn, job))
        except BaseException:
            # The generation this load was writing: the database does not name it.
            store.prune(root, before)
            raise
        if report.generations is not None:
            # The generation this load named and the one before it, for readers not yet past
            # it; folders of loads that were killed go too.
            store.prune(root, {g for g in report.generations if g is not None})
        return report


def _write(conn: Connection, job: _Job) -> LoadReport:
    articles, actors, progress = job.articles, job.actors, job.progress
    report = LoadReport()
    before = migrations.current_revision(conn)
    migrations.upgrade(conn)
    report.migrated = before != migrations.current_revision(conn)
    if report.migrated:
        progress(f"migrated the schema from {before or 'empty'} to head")
    with Session(bind=conn) as session:
        report.actors_changed = _upsert_actors(session, actors)
        stored: dict[str, str] = dict(session.exec(select(Article.id, Article.fingerprint)).all())
        added: dict[str, str] = dict(session.exec(select(Article.id, Article.added)).all())
        # By slug: a slug given twice is written once, in its last version.
        changed: dict[str, ArticleFacts] = {}
        for facts in articles:
            slug = facts.article.id
            if stored.get(slug) == facts.article.fingerprint:
                report.unchanged.append(slug)
                continue
            changed[slug] = facts
            report.written.append(slug)
        report.deleted = deletions(job.delete, stored, changed)
        replaced = [slug for slug in changed if slug in stored] + report.deleted
        # The groups of related figures the load changes: those of the figures it removes...
        regroup = related_tables.stored_keys(conn, replaced)
        # A load that only deletes, or only adds new articles, rewrites only the related lists
        # it changes (related_index.update); any other regroups every bucket it touches.
        only_deletes = bool(report.deleted) and not changed
        only_adds = bool(changed) and not replaced
        losing = related_index.lists_holding(conn, report.deleted) if only_deletes else set()
        # The words search_stems counts in the rows about to go, read while they are stored.
        dropped = stem_counts.counted(session, replaced)
        _delete_articles(conn, replaced)
        batch = _stamped(changed.values(), added)
        check_duplicate_texts(conn, batch)
        check_section_ids(conn, batch)
        for start in range(0, len(batch), WRITE_BATCH):
            part = batch[start : start + WRITE_BATCH]
            progress(f"writing articles {start + len(part)}/{len(batch)}")
            for rows in _row_groups(part):
                if rows:
                    _insert(conn, rows)
            related_tables.place(conn, part)
        if report.migrated:
            # Every group, so a database upgraded to the related figures has them at once.
            related_index.recompute(conn, None)
        elif only_deletes:
            related_index.update(conn, regroup, changed=losing)
        elif only_adds:
            new = {figure.id for facts in batch for figure in facts.figures}
            related_index.update(conn, related_tables.written_keys(batch), added=new)
        elif report.written or report.deleted:
            # ...and those of the figures it writes.
            related_index.recompute(conn, regroup | related_tables.written_keys(batch))
        if report.written or report.deleted:
            report.actors_changed += _delete_unnamed_actors(conn, actors)
        # The search index is named in the same transaction: it never lags the facts (rows of
        # deleted articles go with them).
        if job.search_root is not None:
            if report.changed or not store.usable(conn, job.search_root):
                _, generation, previous = update_index(
                    session, job.search_root, report.written, report.deleted, dropped
                )
                report.generations = (generation, previous)
        elif report.changed:
            # A server: each replica indexes the facts itself (engine/replica.py); the counts
            # and names search reads beside its index are written here.
            session.flush()
            stem_counts.write(session, dropped, stem_counts.counted(session, report.written))
        if report.written or report.actors_changed:
            progress("verifying offsets")
            problems = verify_database(conn, list(changed))
            if problems:
                raise LoadError("the facts do not match the text:\n  " + "\n  ".join(problems[:20]))
        postgres.analyze_large_load(conn, len(batch), len(stored) - len(replaced) + len(batch))
        if report.changed:
            data_version.bump(session.connection())
    return report


def _stamped(articles: Iterable[ArticleFacts], added: dict[str, str]) -> list[ArticleFacts]:
    """The articles with the load's time: `updated` now, `added` kept from the stored article
    it replaces (now for a new one)."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    batch = list(articles)
    for facts in batch:
        slug = facts.article.id
        facts.article = facts.article._replace(added=added.get(slug, now), updated=now)
    return batch


def _delete_unnamed_actors(conn: Connection, entries: Sequence[ActorEntry]) -> int:
    """Deletes the actors that no stored fact names any more and that this load was not given:
    a country, or an organisation a rule proposed, of an article whose new text no longer
    names it. The entries given (every curated one, each load) stay, named or not."""
    given = {entry.id for entry in entries}
    affiliations = select(Actor.affiliation_id).where(col(Actor.affiliation_id).is_not(None))
    # NOT EXISTS for the tables of facts, not NOT IN: PostgreSQL answers NOT IN (a subquery)
    # by hashing every row of the subquery (330 ms for the 1.3 million mentions of 10,000
    # articles), NOT EXISTS with an index probe per actor (under a millisecond).
    unnamed = select(Actor.id).where(
        ~exists().where(col(Mention.actor_id) == Actor.id),
        ~exists().where(col(ClaimActor.actor_id) == Actor.id),
        ~exists().where(col(FigureActor.actor_id) == Actor.id),
        col(Actor.id).not_in(affiliations),
    )
    removable = [actor_id for (actor_id,) in conn.execute(unnamed) if actor_id not in given]
    for start in range(0, len(removable), SLUGS_PER_STATEMENT):
        chunk = removable[start : start + SLUGS_PER_STATEMENT]
        conn.execute(delete(Actor).where(col(Actor.id).in_(chunk)))
    return len(removable)


def _row_groups(batch: Sequence[ArticleFacts]) -> Iterator[list[Row]]:
    """The batch's rows one table at a time, parents before children: figures reference
    claims, sections their parents (which come first in reading order, and each row is
    checked as it is inserted)."""
    yield [facts.article for facts in batch]
    yield [row for facts in batch for row in facts.sections]
    yield [row for facts in batch for row in facts.mentions]
    yield [row for facts in batch for row in facts.claims]
    yield [row for facts in batch for row in facts.figures]
    yield [row for facts in batch for row in facts.claim_actors]
    yield [row for facts in batch for row in facts.claim_figures]
    yield [row for facts in batch for row in facts.figure_actors]


def _insert(conn: Connection, rows: Sequence[Row]) -> None:
    """Rows of one table, in one executemany."""
    statement = insert(TABLES[type(rows[0])])
    dialect = conn.dialect
    columns = statement.table.columns
    if dialect.positional and not any(
        c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns
    ):
        # The rows are tuples in column order, as a positional driver (SQLite's) binds them;
        # SQLAlchemy's per-row parameter processing cost more than SQLite's own inserts.
        conn.exec_driver_sql(str(statement.compile(dialect=dialect)), rows)
    else:
        conn.execute(statement, [row._asdict() for row in rows])


def _upsert_actors(session: Session, entries: Sequence[ActorEntry]) -> int:
    existing = {a.id: a for a in session.exec(select(Actor)).all()}
    changed = 0
    # Affiliations point at other actors: insert without them, then set them. A candidate
    # (unreviewed: a name the rules found) never replaces a reviewed actor of the same id (a
    # shipping company "Georgia" is not to turn the country into an organisation); the
    # article's mentions of it name the reviewed actor.
    wanted = {
        e.id: actor_row(e)
        for e in entries
        if e.reviewed or e.id not in existing or not existing[e.id].reviewed
    }
    for actor_id, row in wanted.items():
        old = existing.get(actor_id)
        if old is None:
            session.add(Actor.model_validate({**row.model_dump(), "affiliation_id": None}))
            changed += 1
        elif old.model_dump() != row.model_dump():
            changed += 1
    session.flush()
    for actor_id, row in wanted.items():
        current = session.get(Actor, actor_id)
        assert current is not None
        for key, value in row.model_dump().items():
            setattr(current, key, value)
    session.flush()
    return changed


def _delete_articles(conn: Connection, slugs: Sequence[str]) -> None:
    """Every row of the stored articles `slugs`; articles new to the database need none."""
    for start in range(0, len(slugs), SLUGS_PER_STATEMENT):
        chunk = slugs[start : start + SLUGS_PER_STATEMENT]
        claims = select(Claim.id).where(col(Claim.article_id).in_(chunk))
        figures = select(Figure.id).where(col(Figure.article_id).in_(chunk))
        sections = col(Section.article_id).in_(chunk)
        statements = [
            delete(FigureRelated).where(col(FigureRelated.figure_id).in_(figures)),
            delete(FigureRelated).where(col(FigureRelated.related_id).in_(figures)),
            delete(FigureCard).where(col(FigureCard.figure_id).in_(figures)),
            delete(FigureBucket).where(col(FigureBucket.figure_id).in_(figures)),
            delete(ClaimActor).where(col(ClaimActor.claim_id).in_(claims)),
            delete(ClaimFigure).where(col(ClaimFigure.claim_id).in_(claims)),
            delete(FigureActor).where(col(FigureActor.figure_id).in_(figures)),
            delete(Figure).where(col(Figure.article_id).in_(chunk)),
            delete(Claim).where(col(Claim.article_id).in_(chunk)),
            delete(Mention).where(col(Mention.article_id).in_(chunk)),
            # Children first: a section may be another's parent.
            delete(Section).where(sections, col(Section.parent_id).is_not(None)),
            delete(Section).where(sections),
            delete(Article).where(col(Article.id).in_(chunk)),
        ]
        for statement in statements:
            conn.execute(statement)
