"""Sentences, tokens and the comparison form."""

from desktop.core.ingest.text import normalize, split_sentences, tokenize


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_not_fooled_by_abbreviations_and_decimals():
    text = (
        'Mr. Smith met U.S. officials on Feb. 27 in Washington. The deal is worth $5.1 billion, '
        'said John F. Kennedy Jr. of the firm. "It is done," he said. Then they left!'
    )
    assert sentences(text) == [
        "Mr. Smith met U.S. officials on Feb. 27 in Washington.",
        "The deal is worth $5.1 billion, said John F. Kennedy Jr. of the firm.",
        '"It is done," he said.',
        "Then they left!",
    ]


def test_sentence_ending_in_quote():
    text = "He called it \u201cfree and open.\u201d The talks ended."
    assert sentences(text) == ["He called it \u201cfree and open.\u201d", "The talks ended."]


def test_tokens_keep_offsets_and_unify_forms():
    text = "It\u2019s 1,000\u00a0miles \u2014 infor-\nmation"
    toks = tokenize(text)
    assert [text[t.start : t.end] for t in toks] == ["It\u2019s", "1,000", "miles", "\u2014", "infor-\nmation"]
    assert [t.norm for t in toks] == ["It's", "1,000", "miles", "-", "information"]


def test_normalize_quotes_dashes_spaces():
    assert normalize("\u201cA\u2013B\u00a0C\u201d") == '"A-B C"'


def test_state_abbreviation_ends_a_sentence_before_a_capital():
    text = "The group met in Kansas City, Mo. The vote came later. Others met in Salem, Ore., on Friday."
    assert sentences(text) == [
        "The group met in Kansas City, Mo.",
        "The vote came later.",
        "Others met in Salem, Ore., on Friday.",
    ]


def test_dotted_abbreviation_ends_a_sentence_only_before_an_opener():
    text = (
        "Talks were held in the U.S. The ship left at 3 a.m. On board were 21 crew. "
        "U.S. officials met at 9 a.m. Tuesday."
    )
    assert sentences(text) == [
        "Talks were held in the U.S.",
        "The ship left at 3 a.m.",
        "On board were 21 crew.",
        "U.S. officials met at 9 a.m. Tuesday.",
    ]


def test_titles_initials_and_numbers_do_not_end_sentences():
    text = (
        "Gov. Ann Reed and Dr. Okafor met Lt. Cmdr. J. R. Ward at No. 10 Harbour St. on Jan. 4. "
        "The case is Smith v. Jones. It cost $4.2 million, or 12.5% more."
    )
    assert sentences(text) == [
        "Gov. Ann Reed and Dr. Okafor met Lt. Cmdr. J. R. Ward at No. 10 Harbour St. on Jan. 4.",
        "The case is Smith v. Jones.",
        "It cost $4.2 million, or 12.5% more.",
    ]


def test_company_suffix_ends_a_sentence_before_an_opener_only():
    text = "Shares of Keel Inc. rose. He works for Keel Inc. The firm said so. Keel Co. Chairman Ray spoke."
    assert sentences(text) == [
        "Shares of Keel Inc. rose.",
        "He works for Keel Inc.",
        "The firm said so.",
        "Keel Co. Chairman Ray spoke.",
    ]


def test_exclamation_or_question_in_a_quote_before_the_speaker():
    text = '"Get off the pier!" Ward shouted. "Is it safe?" a reporter asked. "No." Then he left.'
    assert sentences(text) == ['"Get off the pier!" Ward shouted.', '"Is it safe?" a reporter asked.', '"No."', "Then he left."]


def test_quoted_sentence_followed_by_new_quote():
    text = "\u201cWe will reopen the beds,\u201d she said. \u201cNot before every test is clean.\u201d He agreed."
    assert sentences(text) == [
        "\u201cWe will reopen the beds,\u201d she said.",
        "\u201cNot before every test is clean.\u201d",
        "He agreed.",
    ]


def test_sentences_inside_a_range_have_absolute_offsets():
    text = "Title line\n\nFirst one. Second one."
    spans = split_sentences(text, 12, len(text))
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0].start == 12


def test_dotted_abbreviations_are_one_token():
    text = "U.S.-made boats left at 3 a.m. today."
    assert [text[t.start : t.end] for t in tokenize(text)] == [
        "U.S.", "-", "made", "boats", "left", "at", "3", "a.m.", "today", "."
    ]


def test_zero_width_characters_vanish_from_the_comparison_form():
    text = "har\u200bbour"
    (tok,) = [t for t in tokenize("harbour")]
    assert normalize(text) == tok.norm == "harbour"


def test_times_and_figures_are_single_tokens():
    text = "At 7:40am, 1,200 tonnes (12.5%) left."
    assert [text[t.start : t.end] for t in tokenize(text)] == [
        "At", "7:40am", ",", "1,200", "tonnes", "(", "12.5", "%", ")", "left", "."
    ]


def test_closing_credit_in_brackets_stays_with_its_sentence():
    text = "Crews lay a boom near the ship on March 4, 2025.\u00a0 (Wire Photo/Lena Marsh)"
    assert sentences(text) == [text]
    assert sentences("The boom held. (It was replaced later.) Crews left.") == [
        "The boom held.",
        "(It was replaced later.)",
        "Crews left.",
    ]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    ["Mr.", "U.S.", "Feb.", "4.2", "a.m.", "said", "The", "he", '"', "\u201d", "(", ")", "!", "?", ".", "...",
     "\u2026", "No.", "Jr.", "Calif.", "J.", "\n", "\u00a0", "-", "1,200", "it's", "Ship"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join), st.data())
def test_sentences_are_ordered_disjoint_trimmed_and_cover_the_words(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = split_sentences(text, start, end)
    last = start
    for a, b in spans:
        assert last <= a < b <= end
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert not text[last:a].strip()  # nothing but space between sentences
        last = b
    assert not text[last:end].strip()


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_tokens_are_ordered_and_cover_every_non_space(text):
    toks = tokenize(text)
    last = 0
    for t in toks:
        assert last <= t.start < t.end
        assert not text[last : t.start].strip()
        last = t.end
    assert not text[last:].strip()


# Characters every alternative of the token pattern turns on: letters, digits, the joiners
# (apostrophes, dots, commas, colons, hyphens, a line-end hyphen), spaces, "_", Chinese, Japanese
# (katakana, hiragana, the middle dot), an astral Han character, other scripts and symbols.
_TOKEN_ALPHABET = (
    "aZe\u00e9\u00df19.,:'\u2019-\u2010\u2011 \n\t\u00a0_\u30a2\u30fc\u30fb\u3042\u4e2d\u3002\U00020001"
    "\u0627\u0915\u093f\u0301$%\u2014\u201c(!?\u2026\u00bd\uff21\uff11\uff66"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TOKEN_ALPHABET, max_size=60), st.data())
def test_the_fast_token_pattern_finds_the_tokens_of_the_plain_one(text, data):
    import re

    from desktop.core.ingest.text import _TOKEN_RE, TOKEN_PATTERN

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = re.compile(TOKEN_PATTERN)
    assert [m.span() for m in _TOKEN_RE.finditer(text, start, end)] == [
        m.span() for m in plain.finditer(text, start, end)
    ]


def test_the_fast_token_pattern_agrees_on_many_random_strings():
    import random
    import re

    from desktop.core.ingest.text import _TOKEN_RE, TOKEN_PATTERN

    plain = re.compile(TOKEN_PATTERN)
    rng = random.Random(16)
    pieces = [*_TOKEN_ALPHABET, "U.S.", "a.b.c.d.e.f.g.h.i.j.k.l.m.n", "3:45", "1,000.5", "well-\n known", "it's"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        assert [m.span() for m in _TOKEN_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], repr(text)


def test_the_sentence_end_pattern_finds_the_ends_of_the_plain_one():
    """_END_RE opens on a mark and looks back after it, for speed; the plain form looks back first."""
    import random
    import re

    from desktop.core.ingest.text import _END_RE, _MARKS

    plain = re.compile(rf"(?<![{_MARKS}])[{_MARKS}]++[\"'\u201d\u2019)\]]*+(?=\s)")
    rng = random.Random(15)
    pieces = [*_MARKS, "a", "Z", " ", "\n", '"', "\u201d", ")", "]", "'", "4", "Mr", "\u0964 ", "..."]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        assert [m.span() for m in _END_RE.finditer(text, start, end)] == [
            m.span() for m in plain.finditer(text, start, end)
        ], repr(text)


def _reference_tokens(text, start=0, end=None):
    """The tokens by the plain definition of the pattern, one match and one `normalize` each."""
    import re

    from desktop.core.ingest.text import TOKEN_PATTERN, normalize

    end = len(text) if end is None else end
    return [(m.start(), m.end(), normalize(m.group())) for m in re.compile(TOKEN_PATTERN).finditer(text, start, end)]


def test_tokenize_by_pieces_finds_the_tokens_of_the_plain_pattern():
    """tokenize splits plain paragraphs with the plain pattern and the rest with the general one,
    piece by piece: the same tokens, offsets and forms as the plain definition over the whole."""
    import random

    from desktop.core.ingest.text import PLAIN_MARKS, tokenize

    rng = random.Random(23)
    pieces = [*_TOKEN_ALPHABET, *PLAIN_MARKS, "U.S.", "a.b.c.d.e.f.g.h.i.j.k.l.m.n", "3:45", "1,000.5", "well-\n known",
              "it's", "don\u2019t", "co\u2010\nop", "\n\n", "\n\n\n", " \n\n ", "A. B.", "x_y", "\u201cQuote,\u201d"]
    plain_pieces = [p for p in pieces if all(ch.isascii() or ch in PLAIN_MARKS for ch in p)]
    for _ in range(6000):
        choice = plain_pieces if rng.random() < 0.5 else pieces
        text = "".join(rng.choice(choice) for _ in range(rng.randrange(0, 50)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for lo, hi in ((0, len(text)), (start, end)):
            assert tokenize(text, lo, hi) == _reference_tokens(text, lo, hi), (repr(text), lo, hi)
            assert all(type(t).__name__ == "Token" for t in tokenize(text, lo, hi))


def test_the_plain_token_pattern_finds_the_general_tokens_on_plain_text():
    import random
    import re

    from desktop.core.ingest.text import _PLAIN_TOKEN, _TOKEN_RE, PLAIN_MARKS

    plain = re.compile(_PLAIN_TOKEN)
    rng = random.Random(29)
    pieces = [*map(chr, range(128)), *PLAIN_MARKS, "U.S.", "A.B.C.D.E.F.G.H.I.J.K.L.M.N", "3,5", "10:30", "co-\n op",
              "co\u2011\nop", "it\u2019s"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in _TOKEN_RE.finditer(text)], repr(text)
