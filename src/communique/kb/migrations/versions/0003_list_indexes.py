"""indexes the lists are read through, in the order they are shown

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 17:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # newest first, ties by id: a page of meetings or reports is read off the index, not sorted
    op.create_index('ix_meetings_date_id', 'meetings', ['date', 'id'])
    op.create_index('ix_reports_published_id', 'reports', ['published', 'id'])
    op.create_index('ix_persons_name_id', 'persons', ['name', 'id'])  # people by name
    op.create_index('ix_meetings_lower_org_date', 'meetings', [sa.text('lower(org)'), 'date', 'id'])  # ?org=, any case


def downgrade() -> None:
    op.drop_index('ix_meetings_lower_org_date', table_name='meetings')
    op.drop_index('ix_persons_name_id', table_name='persons')
    op.drop_index('ix_reports_published_id', table_name='reports')
    op.drop_index('ix_meetings_date_id', table_name='meetings')
