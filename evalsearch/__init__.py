"""evalsearch: structured records and Danish full-text search over evaluation reports."""

__version__ = "0.1.0"
