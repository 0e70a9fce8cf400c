"""Numbers as German, French, Spanish, Italian and Portuguese write them: decimal commas,
thousands points and spaces, number words, and the scale and percent words."""

from __future__ import annotations

import re

# Spaces that group thousands: plain, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009).
GROUP_SPACES = " \u00a0\u202f\u2009"

# Digits as these languages write them: "1.000", "1 000", "3,5", "1.234.567,89". One dot or space
# group needs exactly three digits after it, so "3.5" is not read as thirty-five.
DIGITS = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:(?:\.|[" + GROUP_SPACES + r"])\d{3})+(?:,\d+)?|\d+,\d+|\d+)(?![\w]|[.,]\d)"
)

# Number words a figure can be written in; the words for "one" are left out (they are articles).
_WORDS = {
    "de": "zwei:2 drei:3 vier:4 fünf:5 sechs:6 sieben:7 acht:8 neun:9 zehn:10 elf:11 zwölf:12 zwanzig:20 "
          "dreißig:30 vierzig:40 fünfzig:50 hundert:100 tausend:1000 dutzend:12",
    "fr": "deux:2 trois:3 quatre:4 cinq:5 six:6 sept:7 huit:8 neuf:9 dix:10 onze:11 douze:12 quinze:15 "
          "vingt:20 trente:30 quarante:40 cinquante:50 cent:100 mille:1000 douzaine:12",
    "es": "dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 nueve:9 diez:10 once:11 doce:12 quince:15 "
          "veinte:20 treinta:30 cuarenta:40 cincuenta:50 cien:100 mil:1000 docena:12",
    "it": "due:2 tre:3 quattro:4 cinque:5 sei:6 sette:7 otto:8 nove:9 dieci:10 undici:11 dodici:12 quindici:15 "
          "venti:20 trenta:30 quaranta:40 cinquanta:50 cento:100 mille:1000 mila:1000 dozzina:12",
    "pt": "dois:2 duas:2 três:3 quatro:4 cinco:5 seis:6 sete:7 oito:8 nove:9 dez:10 onze:11 doze:12 quinze:15 "
          "vinte:20 trinta:30 quarenta:40 cinquenta:50 cem:100 mil:1000 dúzia:12",
}
NUMBER_WORDS: dict[str, dict[str, int]] = {
    lang: {w: int(v) for w, v in (p.split(":") for p in row.split())} for lang, row in _WORDS.items()
}
# Scale words after a number ("3,5 Millionen", "deux milliards", "dos mil millones").
_SCALES = {
    "de": "tausend:1e3 tsd.:1e3 tsd:1e3 mio.:1e6 mio:1e6 mrd:1e9 million:1e6 millionen:1e6 mrd.:1e9 milliarde:1e9 milliarden:1e9 "
          "billion:1e12 billionen:1e12",
    "fr": "mille:1e3 million:1e6 millions:1e6 milliard:1e9 milliards:1e9 md:1e9 mds:1e9 mrd:1e9",
    "es": "mil:1e3 millón:1e6 millon:1e6 millones:1e6 billón:1e12 billones:1e12",
    "it": "mila:1e3 mille:1e3 milione:1e6 milioni:1e6 miliardo:1e9 miliardi:1e9 mln:1e6 mld:1e9",
    "pt": "mil:1e3 milhão:1e6 milhao:1e6 milhões:1e6 milhoes:1e6 bilhão:1e9 bilhões:1e9 bilião:1e12",
}
SCALES: dict[str, dict[str, float]] = {
    lang: {w: float(v) for w, v in (p.rsplit(":", 1) for p in row.split())} for lang, row in _SCALES.items()
}
PERCENT = {"de": ("prozent",), "fr": ("pour cent", "pourcent"), "es": ("por ciento",), "it": ("per cento",),
           "pt": ("por cento",)}
# Currency words after a number, and symbols before or after it.
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "dollar": "USD", "dollars": "USD", "dólares": "USD",
    "dolares": "USD", "dollari": "USD", "dólar": "USD", "franken": "CHF", "francs": "CHF", "pfund": "GBP",
    "libras": "GBP", "sterline": "GBP", "reais": "BRL", "real": "BRL", "pesos": "MXN",
}
CURRENCY_SYMBOLS = {"\u20ac": "EUR", "$": "USD", "US$": "USD", "\u00a3": "GBP", "CHF": "CHF", "Fr.": "CHF",
                    "R$": "BRL"}


def parse_digits(raw: str) -> float:
    """ "1.234,5" -> 1234.5; "1 000" -> 1000; "3,5" -> 3.5 (the comma is always the decimal sign here)."""
    plain = raw
    for ch in GROUP_SPACES + ".":
        plain = plain.replace(ch, "")
    return float(plain.replace(",", "."))
