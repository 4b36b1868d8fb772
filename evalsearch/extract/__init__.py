"""PDF → structured document: pages, layout, sections, tables and records (see pipeline.py)."""
