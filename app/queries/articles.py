"""Articles: their metadata and counts, and their source text."""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.models.schemas import ArticleCounts, ArticlePublic
from app.models.tables import Article, Claim, Figure, Mention, Section
from app.queries.common import NotFoundError, get_row


def _counts(session: Session, article_id: str) -> ArticleCounts:
    def total(query: SelectOfScalar[int]) -> int:
        return int(session.exec(query).one())

    return ArticleCounts(
        sections=total(select(func.count(col(Section.id))).where(Section.article_id == article_id)),
        actors=total(
            select(func.count(func.distinct(col(Mention.actor_id)))).where(
                Mention.article_id == article_id
            )
        ),
        figures=total(select(func.count(col(Figure.id))).where(Figure.article_id == article_id)),
        claims=total(select(func.count(col(Claim.id))).where(Claim.article_id == article_id)),
    )


def _public(session: Session, article: Article) -> ArticlePublic:
    return ArticlePublic(
        id=article.id,
        title=article.title,
        source=article.source_name,
        language=article.language,
        keywords=list(article.keywords),
        sha256=article.sha256,
        length=len(article.source_text),
        counts=_counts(session, article.id),
    )


def list_articles(session: Session, *, limit: int, offset: int) -> tuple[list[ArticlePublic], int]:
    total = int(session.exec(select(func.count(col(Article.id)))).one())
    rows = session.exec(select(Article).order_by(col(Article.id)).limit(limit).offset(offset)).all()
    return [_public(session, a) for a in rows], total


def get_article(session: Session, article_id: str) -> ArticlePublic:
    article = get_row(session, Article, "article", article_id)
    return _public(session, article)


def get_text(session: Session, article_id: str) -> str:
    if "\x00" in article_id:
        raise NotFoundError("article", article_id)
    text = session.exec(select(Article.source_text).where(Article.id == article_id)).first()
    if text is None:
        raise NotFoundError("article", article_id)
    return text
