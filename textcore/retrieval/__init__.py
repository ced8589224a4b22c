"""Claim lookup, pure parts: query cleaning, the in-memory BM25 index, ranking features and
the learned ranker's runtime. No Django: the sources app feeds them the library."""
