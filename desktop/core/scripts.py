"""Writing systems that need their own rules: scripts written without spaces, and sentence marks.

Chinese and Japanese put no space between words, so a "word" split at spaces is a whole clause.
Their text is compared character by character (katakana runs, loanwords and foreign names, stay
whole), and counted that way: one Han or kana character is one word, as word processors count it.
"""

from __future__ import annotations

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
# From stored programs (regexes.py): a class of these ranges took re 2-5 ms to compile in every process.
_SPACELESS_RE = regexes.compile(f"[{SPACELESS}]")
_SPACELESS_RUN_RE = regexes.compile(f"[{SPACELESS}]+")

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
    return not text.isascii() and _SPACELESS_RE.search(text) is not None


def spaceless_in(text: str, start: int, end: int) -> bool:
    """has_spaceless(text[start:end]) without the copy."""
    return not text.isascii() and _SPACELESS_RE.search(text, start, end) is not None


def word_count(text: str, chars_per_word: int = 1) -> int:
    """Words as a reader counts them: space-separated words, plus one per Han or kana character
    (`chars_per_word=2` for the length of a headline or paragraph: a Chinese or Japanese word
    is about two characters)."""
    if not has_spaceless(text):
        return len(text.split())
    cjk = sum(len(run) for run in _SPACELESS_RUN_RE.findall(text))
    rest = _SPACELESS_RUN_RE.sub(" ", text)
    return -(-cjk // chars_per_word) + sum(1 for w in rest.split() if any(ch.isalnum() for ch in w))


def is_kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u30ff" and ch not in "\u30fb\u30fc\u30a0" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9d"


def is_han(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
            or "\U00020000" <= ch <= "\U0002fa1f")


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"
