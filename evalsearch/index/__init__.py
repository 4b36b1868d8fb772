"""The Danish full-text index over extracted documents; the only place that imports Whoosh."""
