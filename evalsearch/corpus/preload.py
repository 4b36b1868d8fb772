"""Imported once by the fork server that starts extraction workers: loads what every worker needs.

Importing this module reads a tiny report (``warmup.warm_up_extraction``), so
the extraction code and its language data are loaded in the server; each
worker forked from it starts warm and shares that memory. A failure here only
means workers load on their own.
"""

from __future__ import annotations

import logging

from evalsearch.corpus.warmup import warm_up_extraction
from evalsearch.extract.settings import ExtractSettings

try:
    warm_up_extraction(ExtractSettings())
except Exception:  # never stop the server from starting
    logging.getLogger(__name__).debug("warm-up in the fork server failed", exc_info=True)
