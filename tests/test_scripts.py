"""Every script compared right: tokens without spaces, sentence ends of other scripts, cleaning."""

from __future__ import annotations

import pytest

from desktop.core.article import BlockKind
from desktop.core.ingest.build import article_from_text
from desktop.core.scripts import word_count
from desktop.core.ingest.text import split_sentences, tokenize


def _tokens(text):
    return [text[a:b] for a, b, _ in tokenize(text)]


def _sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_han_and_kana_per_character_katakana_runs_and_digits_whole():
    text = "北浜市は２０２３年に１２０億円を投じ、ドナルド・トランプ氏がApp Storeで3.5%と述べた。"
    assert _tokens(text) == [
        "北", "浜", "市", "は", "２０２３", "年", "に", "１２０", "億", "円", "を", "投", "じ", "、",
        "ドナルド", "・", "トランプ", "氏", "が", "App", "Store", "で", "3.5", "%", "と", "述", "べ", "た", "。",
    ]


def test_full_width_digits_compare_as_digits():
    (tok,) = tokenize("１２０")
    assert tok.norm == "120"


def test_latin_tokens_unchanged():
    text = "U.S. officials said the well-known firm's 1,200.5 tonnes arrived at 10:30."
    assert _tokens(text) == ["U.S.", "officials", "said", "the", "well-known", "firm's", "1,200.5", "tonnes",
                             "arrived", "at", "10:30", "."]


def test_cjk_sentences_end_without_a_space():
    assert _sentences("新机场明年开通。会议结束！下次见？好") == ["新机场明年开通。", "会议结束！", "下次见？", "好"]
    # A quotation closed inside the sentence, which goes on: one sentence.
    assert _sentences("「安全を最優先に進める。」と市長は述べた。建設費は120億円だ。") == [
        "「安全を最優先に進める。」と市長は述べた。", "建設費は120億円だ。"]
    # A quotation that ends the sentence, and the next one starts: two.
    assert _sentences("市长说：“今年增长了百分之十二。”新机场明年开通。") == ["市长说：“今年增长了百分之十二。”", "新机场明年开通。"]


@pytest.mark.parametrize("text, expected", [
    ("यह पहला वाक्य है। यह दूसरा है।", ["यह पहला वाक्य है।", "यह दूसरा है।"]),  # Devanagari danda
    ("هل هذا سؤال؟ نعم هذا جواب.", ["هل هذا سؤال؟", "نعم هذا جواب."]),  # Arabic question mark, then a caseless letter
    ("یہ پہلا جملہ ہے۔ یہ دوسرا ہے۔", ["یہ پہلا جملہ ہے۔", "یہ دوسرا ہے۔"]),  # Urdu full stop
    ("Քաղաքը մեծ է։ Այն գեղեցիկ է։", ["Քաղաքը մեծ է։", "Այն գեղեցիկ է։"]),  # Armenian
    ("ከተማው ትልቅ ነው። በጣም ቆንጆ ነው።", ["ከተማው ትልቅ ነው።", "በጣም ቆንጆ ነው።"]),  # Ethiopic
    ("Mr. Smith went to Washington. He left on Feb. 27.", ["Mr. Smith went to Washington.", "He left on Feb. 27."]),
])
def test_sentence_ends_of_other_scripts(text, expected):
    assert _sentences(text) == expected


def test_word_count_counts_characters():
    assert word_count("市政府宣布 App Store") == 7
    assert word_count("three plain words") == 3
    assert word_count("市政府宣布", chars_per_word=2) == 3


def test_japanese_title_and_one_long_paragraph_is_title_and_body():
    text = ("港町の新しい橋が来春開通へ\n\n北浜市は3日、港をまたぐ新しい橋を来年4月に開通させると発表した。"
            "総事業費は約120億円で、App Storeで配信される案内アプリも用意する。地元では観光客の増加に期待が高まる")
    art = article_from_text(text)
    assert [b.kind for b in art.blocks] == [BlockKind.TITLE, BlockKind.BODY]
    assert art.title == "港町の新しい橋が来春開通へ"
    assert art.word_count > 60  # counted by character, not "6 words"


def test_chinese_txt_title_is_found_and_labels_are_not_authors():
    art = article_from_text("滨海市跨海大桥明年通车\n\n作者：张志刚\n\n滨海市政府3日宣布，跨海大桥将于明年四月正式通车。"
                            "该项目总投资约45亿元。")
    assert art.title == "滨海市跨海大桥明年通车"
    assert art.author == "张志刚"
    assert art.blocks[1].kind == BlockKind.BYLINE


@pytest.mark.parametrize("byline, author", [
    ("本报记者 王小明", "王小明"),
    ("記者 山田太郎", "山田太郎"),
    ("Von Anna Berger", "Anna Berger"),
    ("Par Jean Dupont", "Jean Dupont"),
    ("Por María López", "María López"),
    ("By Alice Brennan", "Alice Brennan"),
])
def test_byline_labels_are_stripped(byline, author):
    art = article_from_text(f"A headline for the story here\n\n{byline}\n\nThe council met on Tuesday. It voted.")
    assert art.author == author


def test_a_sentence_starting_like_a_label_is_no_byline():
    art = article_from_text("Le nouveau pont ouvre\n\nLe conseil a voté mardi. Le coût augmente.\n\n"
                            "Par ailleurs la ville attend des visiteurs\n\nLa suite est prévue en mai.")
    assert art.author == ""
    assert BlockKind.BYLINE not in {b.kind for b in art.blocks}
