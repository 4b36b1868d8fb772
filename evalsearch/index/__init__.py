"""The Danish full-text search index over evaluation reports; the only package that imports Whoosh.

Modules, one job each:

* ``passages``: Document → passages (lessons, paragraphs, goal rows, table
  rows, figures, key figures), each with report, project, section, page, themes.
* ``morphology``: what the analysis knows about a word, memoised and saved
  beside the index so that a search starts without loading the lexicon.
* ``analysis``: the Danish analysis chain (tokenizer | filters), the same at
  index and query time; ``schema``: the index fields.
* ``writer``: ``update_index`` (Documents in, doc_ids out), ``default_index_dir``;
  ``plan``: ``plan_update`` (which files changed, by sha256 and by what their
  passages were made with).
* ``query``: user text → Whoosh query (explicit parser plugins, Danish
  expansion, exact wording first, typo correction); ``ranking``: BM25F;
  ``feedback``: pseudo-relevance feedback.
* ``search``: ``search(index_dir, text, settings)`` → hits with highlights
  (``highlight``), filters, facets and corrections.

Nothing here prints; nothing here imports ``evalsearch.extract``: callers pass
extracted Documents in.
"""
