"""communique: diplomatic news reports in, structured and sourced meeting records out.

    >>> import communique
    >>> record = communique.extract(text)
    >>> record.model_dump_json()
"""
from .pipeline import extract
from .record import Record

__all__ = ["extract", "Record"]
__version__ = "0.1.0"
