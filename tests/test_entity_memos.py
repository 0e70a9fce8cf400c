"""The entity code's memo caches stay bounded in a long-lived process, and emptying them changes
no result."""

from desktop.core.entities import extract, memos
from desktop.core.ingest.build import article_from_text

TEXTS = [
    "Mayor Ingrid Holloway of Port Aldous said on Tuesday that the Harbour Trust would cut 40 jobs.",
    "The Harbour Trust's chair, Dmitri Vasquez-Lund, told the Aldous Courier the cuts were 'painful but needed'.",
    "Unions in Port Aldous and Kettering Bay called a meeting for March 3, 2026, at the Seamen's Hall.",
]


def _summary(text: str):
    found = extract(article_from_text(text))
    return sorted((e.type.value, e.name) for e in found.entities)


def test_memos_fill_and_trim_empties_them_past_the_bound():
    for text in TEXTS:
        _summary(text)
    filled = memos.size()
    assert filled > 0
    assert not memos.trim(limit=filled)  # at the bound: kept
    assert memos.trim(limit=filled - 1)
    assert memos.size() == 0


def test_results_are_the_same_after_a_trim():
    before = [_summary(t) for t in TEXTS]
    memos.trim(limit=0)
    assert [_summary(t) for t in TEXTS] == before
