"""Checking stored facts against the stored text: every quote must sit at its offsets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlmodel import Session, col, select

from app.models.tables import Article, Claim, Figure, Mention, Section

_T = TypeVar("_T", Section, Mention, Claim, Figure)


def verify_database(session: Session, article_ids: Sequence[str] | None = None) -> list[str]:
    """Returns one line per fact whose offsets do not hold; empty when all is well."""
    query = select(Article)
    if article_ids is not None:
        query = query.where(col(Article.id).in_(article_ids))
    problems: list[str] = []
    for article in session.exec(query).all():
        problems += _verify_article(session, article)
    return problems


def _verify_article(session: Session, article: Article) -> list[str]:
    text = article.source_text
    problems: list[str] = []

    def check(what: str, start: int, end: int, expected: str | None = None) -> str:
        if not 0 <= start <= end <= len(text):
            problems.append(f"{article.id}: {what}: offsets {start}..{end} outside the text")
            return ""
        found = text[start:end]
        if expected is not None and found != expected:
            problems.append(
                f"{article.id}: {what}: text[{start}:{end}] is {found!r}, not {expected!r}"
            )
        return found

    spans: dict[str, tuple[int, int]] = {}
    for s in _rows(session, Section, article.id):
        spans[s.id] = (s.start, s.end)
        found = check(f"section {s.id}", s.start, s.end)
        # A section without a heading (the introduction) is all body; others show their title.
        if found and (not found.endswith(s.body) or (found != s.body and s.title not in found)):
            problems.append(f"{article.id}: section {s.id}: title or body not at its offsets")
    for m in _rows(session, Mention, article.id):
        check(f"mention {m.id}", m.start, m.end, m.surface)
        _inside(problems, article.id, f"mention {m.id}", (m.start, m.end), spans.get(m.section_id))
    for c in _rows(session, Claim, article.id):
        check(f"claim {c.id}", c.start, c.end, c.text)
        _inside(problems, article.id, f"claim {c.id}", (c.start, c.end), spans.get(c.section_id))
    for f in _rows(session, Figure, article.id):
        check(f"figure {f.id}", f.start, f.end, f.quote)
        _inside(problems, article.id, f"figure {f.id}", (f.start, f.end), spans.get(f.section_id))
    return problems


def _inside(
    problems: list[str],
    article: str,
    what: str,
    span: tuple[int, int],
    outer: tuple[int, int] | None,
) -> None:
    if outer is None or not (outer[0] <= span[0] and span[1] <= outer[1]):
        problems.append(f"{article}: {what}: not inside its section")


def _rows(session: Session, table: type[_T], article_id: str) -> list[_T]:
    column = col(table.article_id)
    return list(session.exec(select(table).where(column == article_id)).all())
