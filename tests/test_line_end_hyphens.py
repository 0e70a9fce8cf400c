"""A word broken at a hyphen at the end of a hard-wrapped line compares equal to the same word
unbroken in the other article, while compounds keep their hyphen (issue 18, item 1)."""

from __future__ import annotations

import pytest

from desktop.core.compare import compare
from desktop.core.compare.model import Options
from desktop.core.entities import extract
from desktop.core.ingest.load import load_text
from desktop.core.ingest.readers.pdf import join_pages
from desktop.core.ingest.readers.txt import split_paragraphs
from desktop.core.ingest.hyphens import keeps_line_end_hyphen, text_words

# Written for the project: the same story hard-wrapped (with broken words) and whole.
WRAPPED = """Ports agree on shared storm warnings

Harbour authorities from six countries in the Indo-
Pacific region signed an agreement on Tuesday, an inter-
national pact to share storm warnings within minutes and
to close a gap in the forecasts that was long and well-
known to ferry crews, who were left guessing during last
year's typhoon season, officials from the ports said.
"""
WHOLE = """Ports agree on shared storm warnings

Harbour authorities from six countries in the Indo-Pacific region signed an agreement on Tuesday, an international pact to share storm warnings within minutes and to close a gap in the forecasts that was long and well-known to ferry crews, who were left guessing during last year's typhoon season, officials from the ports said.
"""


@pytest.mark.parametrize(
    ("head", "tail", "kept"),
    [
        ("inter", "national", False),  # a word broken at the margin
        ("steer", "ing", False),
        ("self", "ish", False),  # a suffix continues the word, whatever the first part
        ("Indo", "Pacific", True),  # a capital after the break
        ("COVID", "19", True),  # a figure
        ("well", "known", True),  # a known compound
        ("state", "owned", True),
        ("twenty", "five", True),
    ],
)
def test_the_rule_without_context(head, tail, kept):
    assert keeps_line_end_hyphen(head, tail) is kept


def test_the_text_itself_decides_first():
    hyphenated, whole = text_words("She sent an e-mail about the database and the Indopacific fleet.")
    assert keeps_line_end_hyphen("e", "mail", hyphenated, whole)  # written with the hyphen elsewhere
    assert not keeps_line_end_hyphen("data", "base", hyphenated, whole)  # written whole elsewhere
    assert not keeps_line_end_hyphen("Indo", "pacific", hyphenated, whole)


def test_the_txt_reader_joins_compounds_and_keeps_the_break_of_a_broken_word():
    _title, body = split_paragraphs(WRAPPED)
    assert "the Indo-Pacific region" in body
    assert "was long and well-known to" in body
    # The file's hyphen stays in the text shown; the line break after it marks the broken word.
    assert "an inter-\nnational pact" in body
    assert "within minutes and to close" in body  # other wrapped lines are joined by a space


def test_a_reflowed_article_compares_equal_to_the_whole_one():
    left, right = load_text(WRAPPED, "wrapped.txt"), load_text(WHOLE, "whole.txt")
    assert "international" in [t.norm for t in left.tokens]
    comparison = compare(left, right, Options())
    assert comparison.changes == ()
    assert comparison.stats.words_changed == comparison.stats.words_added == comparison.stats.words_removed == 0
    names = {e.name for e in extract(left).entities}
    assert "Indo-Pacific" in names and "Pacific" not in names
    assert names == {e.name for e in extract(right).entities}


def test_a_pdf_undoes_broken_words_and_keeps_compounds():
    (paragraph,) = join_pages([[
        "Harbour authorities from six countries in the Indo-",
        "Pacific region signed an inter-",
        "national agreement on Tuesday, closing a well-",
        "known gap that left ferry crews guessing all season.",
    ]])
    assert "the Indo-Pacific region" in paragraph
    assert "an international agreement" in paragraph
    assert "a well-known gap" in paragraph


def test_the_report_shows_a_broken_word_as_the_file_has_it_without_a_space():
    from desktop.core.report import build_report, report_html

    left, right = load_text(WRAPPED, "wrapped.txt"), load_text(WHOLE, "whole.txt")
    page = report_html(build_report(compare(left, right, Options())))
    assert "inter-national" in page and "inter- national" not in page



def test_text_words_answer_as_the_sets_of_every_word_would():
    """text_words looks a word up in the casefolded text rather than listing every word: the same
    answers as the sets of all the text's casefolded words, on random text."""
    import random
    import re

    rnd = random.Random(11)
    pieces = ["a", "b", "B", "ab", "AB", "-", "--", " ", "\n", "1", "_", "ß", "SS", "İ", "ı", "Σ", "σς", "ﬁ", "é",
              "e\u0301", "'", ".", "中"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text))
        expected = {w.casefold() for w in words}
        hyphenated, whole = text_words(text)
        queries = set(expected)
        for _ in range(10):  # pieces of words and of the text, casefolded as the readers ask
            a = rnd.randint(0, len(text))
            queries.add(text[a : rnd.randint(a, len(text))].casefold())
        for q in queries:
            assert (q in hyphenated) == (q in expected and "-" in q), (text, q)
            assert (q in whole) == (q in expected and "-" not in q), (text, q)


def test_casefold_several_are_the_characters_that_casefold_to_several():
    import re
    import sys

    from desktop.core.ingest.hyphens import CASEFOLD_SEVERAL

    several = re.compile(f"[{CASEFOLD_SEVERAL}]")
    for ch in map(chr, range(sys.maxunicode + 1)):
        assert (len(ch.casefold()) != 1) == bool(several.match(ch)), repr(ch)


def test_text_words_list_the_words_once_asked_too_much():
    """Each question scans the casefolded text: past a few, or past many places where the word is
    found inside longer ones, the words are listed once, and the answers stay the same."""
    import re

    from desktop.core.ingest import hyphens

    names = ["w" + "".join(chr(97 + int(d)) for d in str(i)) + "z" for i in range(100)]
    text = "ab" * 5000 + " quick-fox Straße " + " ".join(names)
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)}
    hyphenated, whole = text_words(text)
    assert "quick" not in whole and whole._found.listed is None  # found once, inside "quick-fox": looked up
    assert "ba" not in whole  # found 5,000 times inside "abab...", never a word:
    assert whole._found.listed is not None  # past the candidates' budget, the words were listed
    hyphenated, whole = text_words(text)
    questions = names[:40] + ["quick-fox", "strasse", "ab", "wz", "quick"]
    for q in questions:
        assert (q in whole) == (q in words and "-" not in q) and (q in hyphenated) == (q in words and "-" in q), q
    assert whole._found.listed is not None and whole._found.questions > hyphens._QUESTIONS


def test_a_paragraph_of_broken_lines_is_joined_quickly():
    """Every line of a wrapped paragraph ends in a broken word (1.5 MB of them): the head word was
    searched from each of the last 200 characters' starts, and the paragraph copied whole at each
    join while a match held it: 4.7 s of CPU, now about 0.1 s."""
    import random
    import time

    from desktop.core.ingest.readers.txt import split_paragraphs

    rng = random.Random(2)
    text = "\n".join("".join(rng.choice("ab") for _ in range(70)) + " ab-" for _ in range(20_000)) + "\nend"

    def cpu() -> float:
        start = time.process_time()
        assert len(split_paragraphs(text)) == 1
        return time.process_time() - start

    assert min(cpu() for _ in range(2)) < 1.0
