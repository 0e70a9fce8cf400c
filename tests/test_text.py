"""Sentences, tokens and the comparison form."""

from desktop.core.text import normalize, split_sentences, tokenize


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
