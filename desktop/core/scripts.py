"""Writing systems that need their own rules: scripts written without spaces, and sentence marks.

Chinese and Japanese put no space between words, so a "word" split at spaces is a whole clause.
Their text is compared character by character (katakana runs, loanwords and foreign names, stay
whole), and counted that way: one Han or kana character is one word, as word processors count it.
"""

from __future__ import annotations

import re
from functools import cache

from desktop.core import regexes

# Han (with the iteration marks 々〆〇) and hiragana: one token per character.
HAN_KANA = (
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u309d-\u309f"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
)
# Katakana with its prolonged-sound mark (U+30FC), half-width forms too; the middle dot ・
# (U+30FB) between the parts of a foreign name is punctuation.
KATAKANA = "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
SPACELESS = HAN_KANA + KATAKANA
# A character class of these ranges takes re 2-5 ms to compile (it walks their 28,000 code
# points in Python), in every process and for every pattern that holds one: a tenth of a short
# `diptych compare`. Most text has none of them, and says so more cheaply: they all lie at
# U+3005 or above, which a pattern of one range below them tells (1.4 ms to compile, once).
# The exact patterns (here and elsewhere) are compiled the first time a text may hold some.
_MAYBE_SPACELESS_RE = regexes.compile(r"[^\x00-\u3004]")
# Closer, for a whole article's text (asked once): their UTF-8 forms, and no other character's,
# begin with these bytes (U+3000-9FFF: E3-E9; U+F900-FAFF: EF A4-AB; U+FF66-FF9F: EF BD-BE;
# U+20000-2FA1F: F0 A0-AF), so an emoji or Hangul does not bring in the exact patterns.
_MAYBE_SPACELESS_UTF8_RE = regexes.compile(rb"[\xe3-\xe9]|\xef[\xa4-\xab\xbd\xbe]|\xf0[\xa0-\xaf]")


def may_have_spaceless(text: str) -> bool:
    """False when `text` surely holds no SPACELESS character (true for some others: emoji, Hangul)."""
    return not text.isascii() and _MAYBE_SPACELESS_RE.search(text) is not None


# The last text asked about by range (an article's, asked once per block or sentence), and its answer.
_LAST_TEXT: tuple[str, bool] = ("", False)


def text_may_have_spaceless(text: str) -> bool:
    """may_have_spaceless(text), told closer (by the UTF-8 lead bytes) and remembered for the last
    text: the callers that ask about ranges of one article's text ask thousands of times."""
    global _LAST_TEXT
    if text.isascii():
        return False
    last = _LAST_TEXT
    if last[0] is text:
        return last[1]
    answer = may_have_spaceless(text) and _MAYBE_SPACELESS_UTF8_RE.search(text.encode("utf-8", "surrogatepass")) is not None
    _LAST_TEXT = (text, answer)  # one tuple, swapped whole: threads asking at once each read a pair
    return answer


@cache
def spaceless_run_re() -> re.Pattern[str]:
    """A run of SPACELESS characters (compiled when first needed, as above)."""
    return re.compile(f"[{SPACELESS}]+")

# Full stops that end a sentence with no space after them (Chinese, Japanese), and the closing
# brackets and quotes that may follow them.
CJK_TERMINALS = "\u3002\uff01\uff1f\uff61"  # 。！？｡
CJK_CLOSERS = "\u300d\u300f\uff09\u3011\u3015\u3009\u300b\u201d\u2019\"')"  # 」』）】〕〉》”’
# Full stops of other scripts, followed by a space like Latin ones: Devanagari danda and double
# danda, Arabic question mark and Urdu full stop, Armenian full stop, Ethiopic full stop and
# question mark, Myanmar section mark, Khmer sign khan, Tibetan shad, Greek question mark.
OTHER_TERMINALS = "\u0964\u0965\u061f\u06d4\u0589\u1362\u1367\u104b\u17d4\u0f0d\u037e"


def has_spaceless(text: str) -> bool:
    # isascii() is read off the string's header in CPython: English text costs nothing here.
    return may_have_spaceless(text) and spaceless_run_re().search(text) is not None


def spaceless_in(text: str, start: int, end: int) -> bool:
    """has_spaceless(text[start:end]) without the copy."""
    return text_may_have_spaceless(text) and spaceless_run_re().search(text, start, end) is not None


def word_count(text: str, chars_per_word: int = 1) -> int:
    """Words as a reader counts them: space-separated words, plus one per Han or kana character
    (`chars_per_word=2` for the length of a headline or paragraph: a Chinese or Japanese word
    is about two characters)."""
    if not has_spaceless(text):
        return len(text.split())
    runs = spaceless_run_re()
    cjk = sum(len(run) for run in runs.findall(text))
    rest = runs.sub(" ", text)
    return -(-cjk // chars_per_word) + sum(1 for w in rest.split() if any(ch.isalnum() for ch in w))


def is_kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u30ff" and ch not in "\u30fb\u30fc\u30a0" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9d"


def is_han(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
            or "\U00020000" <= ch <= "\U0002fa1f")


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
