"""facts tables

Revision ID: 0001
Revises:
Create Date: 2026-11-27 20:52:09.931363
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actor",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("affiliation_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("reviewed", sa.Boolean(), nullable=False),
        sa.Column("search_names", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["affiliation_id"],
            ["actor.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "article",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("source_text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("source_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "section",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("article_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("body", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["section.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_section_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            "ix_section_article_position", ["article_id", "position"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_section_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_section_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "claim",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("article_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("section_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["section.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index("ix_claim_article_position", ["article_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_section_id"), ["section_id"], unique=False)

    op.create_table(
        "mention",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("article_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("actor_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("section_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("surface", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["section.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.create_index("ix_mention_actor_article", ["actor_id", "article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mention_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mention_section_id"), ["section_id"], unique=False)

    op.create_table(
        "claim_actor",
        sa.Column("claim_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("actor_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
        ),
        sa.PrimaryKeyConstraint("claim_id", "actor_id"),
    )
    with op.batch_alter_table("claim_actor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_actor_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "figure",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("article_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("section_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("claim_id", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("quote", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("comparator", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("period_start", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("period_end", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("period_start_year", sa.Integer(), nullable=True),
        sa.Column("period_end_year", sa.Integer(), nullable=True),
        sa.Column("measure", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["section.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.create_index(
            "ix_figure_article_position", ["article_id", "position"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_figure_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_figure_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_figure_section_id"), ["section_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_figure_value"), ["value"], unique=False)

    op.create_table(
        "claim_figure",
        sa.Column("claim_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("figure_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
        ),
        sa.ForeignKeyConstraint(
            ["figure_id"],
            ["figure.id"],
        ),
        sa.PrimaryKeyConstraint("claim_id", "figure_id"),
    )
    with op.batch_alter_table("claim_figure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_figure_figure_id"), ["figure_id"], unique=False)

    op.create_table(
        "figure_actor",
        sa.Column("figure_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("actor_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actor.id"],
        ),
        sa.ForeignKeyConstraint(
            ["figure_id"],
            ["figure.id"],
        ),
        sa.PrimaryKeyConstraint("figure_id", "actor_id"),
    )
    with op.batch_alter_table("figure_actor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_figure_actor_actor_id"), ["actor_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("figure_actor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_figure_actor_actor_id"))

    op.drop_table("figure_actor")
    with op.batch_alter_table("claim_figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_figure_figure_id"))

    op.drop_table("claim_figure")
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_figure_value"))
        batch_op.drop_index(batch_op.f("ix_figure_section_id"))
        batch_op.drop_index(batch_op.f("ix_figure_kind"))
        batch_op.drop_index(batch_op.f("ix_figure_claim_id"))
        batch_op.drop_index("ix_figure_article_position")

    op.drop_table("figure")
    with op.batch_alter_table("claim_actor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_actor_actor_id"))

    op.drop_table("claim_actor")
    with op.batch_alter_table("mention", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mention_section_id"))
        batch_op.drop_index(batch_op.f("ix_mention_article_id"))
        batch_op.drop_index("ix_mention_actor_article")

    op.drop_table("mention")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_section_id"))
        batch_op.drop_index(batch_op.f("ix_claim_kind"))
        batch_op.drop_index("ix_claim_article_position")

    op.drop_table("claim")
    with op.batch_alter_table("section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_section_parent_id"))
        batch_op.drop_index(batch_op.f("ix_section_number"))
        batch_op.drop_index("ix_section_article_position")
        batch_op.drop_index(batch_op.f("ix_section_article_id"))

    op.drop_table("section")
    op.drop_table("article")
    op.drop_table("actor")
