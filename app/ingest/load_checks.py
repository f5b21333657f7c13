"""What a load refuses, and why: each refusal is raised before anything is committed, so the
database stays as it was (app/ingest/loader.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection
from sqlmodel import col, select

from app.ingest.pipeline import ArticleFacts
from app.models.tables import Article, Section

# Slugs per `IN (...)`: well under every backend's limit on bound parameters.
SLUGS_PER_STATEMENT = 500


class LoadError(RuntimeError):
    """A load failed; the database is as it was before."""


class IdConflictError(LoadError):
    """Two articles make the same section id: the load is refused, nothing is written.
    `article` is the id of the article being written that the load refused."""

    def __init__(self, message: str, article: str) -> None:
        super().__init__(message)
        self.article = article


class DuplicateTextError(IdConflictError):
    """The text is stored already under another slug: the load is refused, nothing is written."""

    def __init__(self, slug: str, existing: str) -> None:
        super().__init__(
            f"article {slug!r} has the same text as article {existing!r}, which is stored"
            f" already: replace {existing!r} or delete it first",
            slug,
        )
        self.existing = existing


class UnknownArticleError(LoadError):
    """An article to delete is not in the database: nothing is written."""

    def __init__(self, slug: str) -> None:
        super().__init__(f"no article {slug!r} in the database")
        self.slug = slug


def deletions(
    slugs: Sequence[str], stored: dict[str, str], written: dict[str, ArticleFacts]
) -> list[str]:
    """The stored articles to delete; a slug that is not stored, or is also being written,
    refuses the load."""
    for slug in slugs:
        if slug not in stored:
            raise UnknownArticleError(slug)
        if slug in written:
            raise LoadError(f"article {slug!r} cannot be written and deleted in one load")
    return list(dict.fromkeys(slugs))


def check_duplicate_texts(conn: Connection, batch: Sequence[ArticleFacts]) -> None:
    """One text, one article: the same text under a second slug (a file ingested again from
    standard input, say) would double every fact. The articles being written have had their
    rows deleted by now, so a stored article with the same text is another one."""
    seen: dict[str, str] = {}
    for facts in batch:
        first = seen.setdefault(facts.article.sha256, facts.article.id)
        if first != facts.article.id:
            raise DuplicateTextError(facts.article.id, first)
    digests = list(seen)
    for start in range(0, len(digests), SLUGS_PER_STATEMENT):
        chunk = digests[start : start + SLUGS_PER_STATEMENT]
        found = conn.execute(
            select(Article.sha256, Article.id).where(col(Article.sha256).in_(chunk))
        ).first()
        if found is not None:
            raise DuplicateTextError(seen[found[0]], found[1])


def check_section_ids(conn: Connection, batch: Sequence[ArticleFacts]) -> None:
    """Section ids are made of the slug and the section's number or title, so two articles can
    make the same one: 'foo' section 2.1 and 'foo-2' section 1 are both 'foo-2-1'. Other ids
    hash the slug in. The articles being written have had their rows deleted by now, so a
    stored section with one of their ids is another article's."""
    owners: dict[str, str] = {}
    for facts in batch:
        for section in facts.sections:
            other = owners.setdefault(section.id, facts.article.id)
            if other != facts.article.id:
                raise _conflict(section.id, facts.article.id, other)
    ids = list(owners)
    for start in range(0, len(ids), SLUGS_PER_STATEMENT):
        chunk = ids[start : start + SLUGS_PER_STATEMENT]
        taken = conn.execute(
            select(Section.id, Section.article_id).where(col(Section.id).in_(chunk))
        ).first()
        if taken is not None:
            raise _conflict(taken[0], owners[taken[0]], taken[1])


def _conflict(section_id: str, article: str, other: str) -> IdConflictError:
    return IdConflictError(
        f"article {article!r} would make section id {section_id!r}, which article {other!r}"
        " already has: give one of them another slug",
        article,
    )
