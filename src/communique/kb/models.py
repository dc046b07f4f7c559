"""Tables of the knowledge base (SQLAlchemy 2). Every value a report states is
kept with its report and evidence; persons and meetings are the entities the
reports' values are merged into."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (Index("ix_reports_published_id", "published", "id"),)  # newest first, off the index
    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    dateline_place: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[dict] = mapped_column(JSON)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class Person(Base):
    __tablename__ = "persons"
    __table_args__ = (Index("ix_persons_name_id", "name", "id"),)  # people by name, off the index
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    surname_key: Mapped[str] = mapped_column(String(100), index=True)  # folded last word, to find candidates
    names: Mapped[list["PersonName"]] = relationship(back_populates="person", cascade="all, delete-orphan")
    roles: Mapped[list["PersonRole"]] = relationship(back_populates="person", cascade="all, delete-orphan")


class PersonName(Base):
    __tablename__ = "person_names"
    __table_args__ = (UniqueConstraint("person_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    person: Mapped[Person] = relationship(back_populates="names")


class PersonKey(Base):
    """Blocking keys of a person's names (`people.name_keys`): the stored people
    a new name may be are the ones sharing a key with it."""

    __tablename__ = "person_keys"
    __table_args__ = (UniqueConstraint("person_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(20), index=True)


class PersonRole(Base):
    """A role as one report states it, on the report's date."""

    __tablename__ = "person_roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(3))
    org: Mapped[str | None] = mapped_column(String(40))
    seen: Mapped[str | None] = mapped_column(String(10))
    evidence: Mapped[list] = mapped_column(JSON)
    person: Mapped[Person] = relationship(back_populates="roles")


class Meeting(Base):
    """One real meeting; its values are the ones shown, with the reason for each."""

    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    org: Mapped[str | None] = mapped_column(String(40), index=True)
    body: Mapped[str | None] = mapped_column(String(200), index=True)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    location_country: Mapped[str | None] = mapped_column(String(3))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    reasons: Mapped[dict] = mapped_column(JSON, default=dict)
    sources: Mapped[list["MeetingSource"]] = relationship(back_populates="meeting", cascade="all, delete-orphan")


Index("ix_meetings_date_id", Meeting.date, Meeting.id)  # newest first, off the index
Index("ix_meetings_lower_org_date", func.lower(Meeting.org), Meeting.date, Meeting.id)  # one organisation, any case


class MeetingSource(Base):
    """A meeting as one report tells it: every value with its evidence."""

    __tablename__ = "meeting_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    org: Mapped[str | None] = mapped_column(String(40))
    body: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[str | None] = mapped_column(String(10))
    location: Mapped[str | None] = mapped_column(String(200))
    location_country: Mapped[str | None] = mapped_column(String(3))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    values: Mapped[dict] = mapped_column(JSON)  # the extracted meeting, evidence included
    meeting: Mapped[Meeting] = relationship(back_populates="sources")


class Participant(Base):
    __tablename__ = "participants"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    role: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    org: Mapped[str | None] = mapped_column(String(40))
    evidence: Mapped[list] = mapped_column(JSON)


class Adopted(Base):
    __tablename__ = "adopted"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list] = mapped_column(JSON)
