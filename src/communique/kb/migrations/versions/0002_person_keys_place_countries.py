"""person blocking keys; the state of each meeting's place

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 18:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('person_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'key')
    )
    with op.batch_alter_table('person_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_keys_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_keys_person_id'), ['person_id'], unique=False)
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('location_country', sa.String(length=3), nullable=True))
    with op.batch_alter_table('meeting_sources', schema=None) as batch_op:
        batch_op.add_column(sa.Column('location_country', sa.String(length=3), nullable=True))
    _backfill()


def _backfill() -> None:
    """Keys for the names and place states for the meetings stored before."""
    from communique.kb.people import name_keys

    bind = op.get_bind()
    names = sa.table('person_names', sa.column('person_id', sa.Integer), sa.column('name', sa.String))
    keys = sa.table('person_keys', sa.column('person_id', sa.Integer), sa.column('key', sa.String))
    rows = {(person_id, key) for person_id, name in bind.execute(sa.select(names.c.person_id, names.c.name))
            for key in name_keys(name)}
    if rows:
        bind.execute(keys.insert(), [{"person_id": p, "key": k} for p, k in sorted(rows)])
    sources = sa.table('meeting_sources', sa.column('id', sa.Integer), sa.column('meeting_id', sa.Integer),
                       sa.column('location', sa.String), sa.column('location_country', sa.String),
                       sa.column('values', sa.JSON))
    meetings = sa.table('meetings', sa.column('id', sa.Integer), sa.column('location', sa.String),
                        sa.column('location_country', sa.String))
    shown: dict[tuple, str] = {}
    for source_id, meeting_id, location, values in bind.execute(
            sa.select(sources.c.id, sources.c.meeting_id, sources.c.location, sources.c['values'])):
        country = ((values or {}).get("location") or {}).get("country")
        if country:
            bind.execute(sources.update().where(sources.c.id == source_id).values(location_country=country))
            shown.setdefault((meeting_id, location), country)
    for (meeting_id, location), country in shown.items():
        bind.execute(meetings.update().where(meetings.c.id == meeting_id, meetings.c.location == location)
                     .values(location_country=country))


def downgrade() -> None:
    with op.batch_alter_table('meeting_sources', schema=None) as batch_op:
        batch_op.drop_column('location_country')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_column('location_country')
    with op.batch_alter_table('person_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_keys_person_id'))
        batch_op.drop_index(batch_op.f('ix_person_keys_key'))
    op.drop_table('person_keys')
