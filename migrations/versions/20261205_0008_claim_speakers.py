"""claim speakers

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 08:00:00.000000

Who each claim is attributed to: `speaker`, the name as its sentence writes it, and
`speaker_actor`, the actor that name resolves to. Both are null for the claims stored before
this revision until their article is loaded again, as for a claim the article asserts itself.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, no table rebuild: rebuilding `claim` in a loaded SQLite database would
    # drop the table the figures and the claim links reference.
    op.add_column("claim", sa.Column("speaker", sa.String(), nullable=True))
    # No foreign key: SQLite can neither add nor drop a column that has one in place. The
    # speaker's actor is always an actor the article mentions, which `mention` constrains.
    op.add_column("claim", sa.Column("speaker_actor", sa.String(), nullable=True))
    op.create_index("ix_claim_speaker", "claim", ["speaker"])
    op.create_index("ix_claim_speaker_actor", "claim", ["speaker_actor"])


def downgrade() -> None:
    op.drop_index("ix_claim_speaker_actor", table_name="claim")
    op.drop_index("ix_claim_speaker", table_name="claim")
    op.drop_column("claim", "speaker_actor")
    op.drop_column("claim", "speaker")
