"""The entity rules' tokens read off the index's (tokens.from_index) are those `tokenize` gives.

The text is written for the project: every mark from_index re-tokenises (possessives, titles,
initials, acronyms, letters beside digits, line-end hyphens, other scripts) and the plain words
it does not."""

from __future__ import annotations

import random
from bisect import bisect_left
from operator import itemgetter

from desktop.core.entities.tokens import from_index, tokenize
from desktop.core.ingest.text import split_sentences
from desktop.core.ingest.text import tokenize as index_tokens

TEXT = (
    "Mr. Ada Vale's ferry left Port Ellis at 6 a.m. on Jan. 4, carrying 1,200 tonnes.\n\n"
    "The U.S. coast guard said the 19-year-old captain, Sen. R. T. Okafor's nephew, was \u201cfine\u201d. "
    "Ticket ID.3 cost $4.50 at 10am; the mid-\nmorning boat was late (again). Jones' dog_house stayed.\n\n"
    "Caf\u00e9 owners in K\u00f8ge, \u6771\u4eac and \u0e44\u0e17\u0e22 said: \u2018no\u2019 \u2014 \"well-known\" 3-2 "
    "infor\u2010\nmation, a,3 and no.1997."
)


def _both(text: str, start: int, end: int):
    index = index_tokens(text)
    lo = bisect_left(index, start, key=itemgetter(0))
    hi = bisect_left(index, end, lo, key=itemgetter(0))
    return tokenize(text, start, end), from_index(text, index, lo, hi, start, end)


def test_sentences_of_the_sample_read_alike():
    spans = split_sentences(TEXT)
    assert len(spans) > 4
    for s in spans:
        want, got = _both(TEXT, s.start, s.end)
        assert got == want, TEXT[s.start : s.end]


def test_possessives_titles_and_acronyms_are_the_rules_own():
    _, got = _both(TEXT, 0, 80)
    texts = [t.text for t in got]
    assert "Mr." in texts and "'s" in texts and "a.m." in texts and "Jan." in texts


def test_random_spans_and_splices_read_alike():
    rnd = random.Random(7)
    pieces = TEXT.replace("\n", " \n ").split(" ") + ["_", "-\n", "\u00a0", "St.", "F.", "x"]
    for _ in range(400):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25)))
        a = rnd.randint(0, len(text))
        b = rnd.randint(a, len(text))
        want, got = _both(text, a, b)
        assert got == want, (text, a, b)
