"""The knowledge base: every report, person and meeting once, across reports.

    from communique.kb import open_db, ingest_paths
    db = open_db("sqlite:///communique.db")     # or postgresql://...
    ingest_paths(db, ["reports/"])
"""
from .db import Database, open_db
from .ingest import ingest_paths, ingest_text

__all__ = ["Database", "open_db", "ingest_paths", "ingest_text"]
