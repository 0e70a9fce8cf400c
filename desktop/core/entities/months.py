"""Month and weekday names, and the words for yesterday/today/tomorrow, in German, French, Spanish, Italian and Portuguese."""

from __future__ import annotations

# Lower-case forms, with and without accents where writers drop them ("fevrier", "marco"), and the
# usual abbreviations with their dot ("Dez.", "déc.", "sept.").
_MONTHS = {
    "de": ["januar jan jänner", "februar feb", "märz mär maerz", "april apr", "mai", "juni jun",
           "juli jul", "august aug", "september sep sept", "oktober okt", "november nov", "dezember dez"],
    "fr": ["janvier janv", "février fevrier févr fevr", "mars", "avril avr", "mai", "juin", "juillet juil",
           "août aout", "septembre sept", "octobre oct", "novembre nov", "décembre decembre déc dec"],
    "es": ["enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun", "julio jul",
           "agosto ago", "septiembre setiembre sep sept", "octubre oct", "noviembre nov", "diciembre dic"],
    "it": ["gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu", "luglio lug",
           "agosto ago", "settembre set sett", "ottobre ott", "novembre nov", "dicembre dic"],
    "pt": ["janeiro jan", "fevereiro fev", "março marco mar", "abril abr", "maio mai", "junho jun",
           "julho jul", "agosto ago", "setembro set", "outubro out", "novembro nov", "dezembro dez"],
}
# Monday first, as datetime.weekday() counts.
_WEEKDAYS = {
    "de": ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag sonnabend", "sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles miercoles", "jueves", "viernes", "sábado sabado", "domingo"],
    "it": ["lunedì lunedi", "martedì martedi", "mercoledì mercoledi", "giovedì giovedi", "venerdì venerdi",
           "sabato", "domenica"],
    "pt": ["segunda-feira segunda", "terça-feira terça terca-feira", "quarta-feira quarta", "quinta-feira quinta",
           "sexta-feira sexta", "sábado sabado", "domingo"],
}
# Days counted from the reference day. Spanish "mañana" is also "morning" and Portuguese "amanhã"
# is not, so only the unambiguous words are listed.
RELATIVE_DAYS = {
    "de": {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
    "fr": {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd\u2019hui": 0, "demain": 1},
    "es": {"anteayer": -2, "ayer": -1, "hoy": 0},
    "it": {"ieri": -1, "oggi": 0, "domani": 1},
    "pt": {"anteontem": -2, "ontem": -1, "hoje": 0, "amanhã": 1},
}
# Words that, next to a weekday, say which one: "am vergangenen Montag", "lundi prochain".
LAST_WORDS = frozenset("vergangenen vergangene letzten letzte vorigen dernier passé pasado pasada scorso scorsa "
                       "passado passada último última".split())
NEXT_WORDS = frozenset("nächsten nächste kommenden kommende prochain prochaine próximo próxima prossimo prossima "
                       "venidero".split())
# Words after which a bare year is a date ("im Jahr 2005", "en 2005", "nel 2005"), never a quantity.
YEAR_CUES = {
    "de": "im jahr jahre jahres seit bis ab von vor nach anfang ende mitte frühjahr herbst sommer winter in um".split(),
    "fr": "en depuis jusqu'en dès année l'année début fin mi en avant après de à d'ici vers".split(),
    "es": "en desde hasta año del de a principios finales mediados hacia".split(),
    "it": "nel dal al anno fino del entro inizio fine metà dal nell'".split(),
    "pt": "em desde até ano de do início final meados".split(),
}


def _table(rows: dict[str, list[str]]) -> dict[str, dict[str, int]]:
    return {lang: {w: i + 1 for i, words in enumerate(names) for w in words.split()} for lang, names in rows.items()}


MONTHS: dict[str, dict[str, int]] = _table(_MONTHS)  # "dezember" -> 12
WEEKDAYS: dict[str, dict[str, int]] = {lang: {w: i - 1 for w, i in t.items()} for lang, t in _table(_WEEKDAYS).items()}
# Shortened forms ("Dez", "sept", "déc"), written with a dot: without one, "dec" or "mar" is a word.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    lang: frozenset(w for words in rows for k, w in enumerate(words.split())
                    if any(full.startswith(w) and full != w for full in words.split()[:k]))
    for lang, rows in _MONTHS.items()
}
