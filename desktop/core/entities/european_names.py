"""People, places and organisations in German, French, Spanish, Italian and Portuguese text, by rules:
a capital letter alone is no evidence (German capitalises every noun, the others every sentence), so a
person needs a known given name or a title, a place the gazetteer, an organisation an acronym, a known
name or a head word ("Verlag", "Université de ...")."""

from __future__ import annotations

import re

from desktop.core.entities.europe_lexicon import (
    GIVEN_NAMES,
    NOT_GIVEN,
    NOT_GIVEN_ANYWHERE,
    ORG_ACRONYMS,
    ORG_HEADS,
    ORG_NAMES,
    PLACES,
    TITLES,
)
from desktop.core.entities.gazetteer import Gazetteer
from desktop.core.entities.months import MONTHS, WEEKDAYS
from desktop.core.entities.names import ORG, PERSON, PLACE, Raw
from desktop.core.entities.stopwords import STOPWORDS

# A word, with an elided article or preposition before it split off ("d'Angers", "l'Italia", "C'est").
_TOKEN = re.compile(r"(?:(?<![\w])(?:[A-Za-z]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Dd]ell|[Nn]ell|[Ss]ull|[Aa]ll|[Dd]all)['\u2019])?"
                    r"(?P<w>[^\W\d_][\w\u2019'-]*\.?)")
# Particles inside a name ("Konstantin von Notz", "Giovanni di Lorenzo"); German "der", "das" are articles.
_PARTICLES = frozenset("von van de du des di da del della dos zu le la".split())
# Where a place follows: a preposition of place makes a smaller town from the gazetteer believable.
_PLACE_PREPS = {
    "de": frozenset("in nach aus bei von bis".split()),
    "fr": frozenset("à a en de d au aux depuis vers".split()),
    "es": frozenset("en a de desde hacia".split()),
    "it": frozenset("a in di da verso".split()),
    "pt": frozenset("em a de desde para".split()),
}
_HOME = {"de": {"DE", "AT", "CH"}, "fr": {"FR", "BE", "CH", "LU", "CA"}, "es": {"ES", "MX", "AR", "CO", "CL", "PE"},
         "it": {"IT", "CH"}, "pt": {"PT", "BR"}}
_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜa-z]?[A-ZÄÖÜ]{1,5}\Z")
_ROMAN = re.compile(r"[IVXLC]+\Z")
# Capitals that are not bodies: roles, things, laws, units, country and language codes.
_NOT_ORGS = frozenset("""CEO CFO CTO CDO COO CRM POS WLAN LAN KW KI AI IT AGB AVB BGB DE EN FR ES IT PT UK PDF USB TV
    PC SMS GPS DNA DNS HIV PR PS KG AG SE SA TT SP NC OK USD EUR CHF GB MB KB HD LED LCD VR AR UV CO CO2 ID FAQ
    ICE TGV AVE IC EC RE HTML URL API PIN ZIP PLZ MwSt UStG StGB GG ABl IA AGI ISBN DVD CD MP TOP NEU FAZIT TIPP INFO HINWEIS""".split())
_PLACE_CODES = {"USA": "United States", "UK": "United Kingdom", "BRD": "Germany", "DDR": "East Germany", "NRW": "North Rhine-Westphalia"}
_DEFINITE = {
    "de": frozenset("der die des dem den vom beim zum zur".split()),
    "fr": frozenset("le la les du au aux".split()),
    "es": frozenset("el la los las del al".split()),
    "it": frozenset("il lo la i gli le del della dello al alla".split()),
    "pt": frozenset("o a os as do da dos das ao".split()),
}
# German words that are also towns in the gazetteer: a place only right after "in", "nach", "aus".
_WORD_PLACES = frozenset("Mitte Gerne Zug Sante Essen Halle Hof Weil Bergen Rain Lage Werne Senden Wedel Horn Lohne "
                         "Roth Forst Po Favoriten Namen Weiden Laufen Wels Au Stein Hanover Bad Hang".split())
_POSSESSIVES = frozenset("mein meine meinen meinem meiner dein deine unser unsere unseren ihr ihre ihren sein seine "
                         "seinen euer eure".split())
_PAPER_WORDS = frozenset("Times Post Journal Herald Tribune Zeitung Daily News Allgemeine Rundschau Chronicle "
                         "University Universität Université Universidad Università Press College Institute".split())
# Buildings, streets and schools named for people.
_NAMED_AFTER = frozenset("""lycée collège école salle rue avenue boulevard place quai pont gare stade hôpital
    straße strasse platz allee gymnasium schule halle brücke calle plaza avenida colegio instituto via piazza
    liceo scuola rua praça escola""".split())
_INDEFINITE = frozenset("ein eine einem einen einer eines un une uno una um uma".split())
_ARTICLES = frozenset("der die das den dem des ein eine einem einen einer eines".split())
_NOUNISH = re.compile(r"\w{3}(?:ung|heit|keit|schaft|tion|tät|ismus|nis|chen|lein|tum|ling|ik)(?:en|s)?\Z")


class _NoPlace:
    kind = ""


_NO_PLACE = _NoPlace()


class _Tok:
    __slots__ = ("text", "start", "end", "cap", "low")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.cap = text[0].isupper()
        self.low = text.lower()


def find_names(text: str, sentences, lang: str, gaz: Gazetteer) -> list[Raw]:
    """Person, place and organisation mentions in the sentences (spans into text)."""
    stop = STOPWORDS[lang]
    calendar = set(MONTHS[lang]) | set(WEEKDAYS[lang])
    not_given = NOT_GIVEN[lang]
    titles = TITLES[lang]
    raws: list[Raw] = []
    for sent in sentences:
        toks = []
        for m in _TOKEN.finditer(text, sent.start, sent.end):
            w = m.group("w")
            if w.endswith(".") and w not in titles:
                w = w[:-1]
            toks.append(_Tok(w, m.start("w"), m.start("w") + len(w)))
        raws.extend(_sentence_names(text, toks, lang, gaz, stop, calendar, not_given, titles))
    return _later_mentions(text, raws, sentences, lang)


def _is_given(tok: _Tok, gaz: Gazetteer, not_given, stop) -> bool:
    return (tok.text in GIVEN_NAMES or tok.text in gaz.given_names and tok.text not in NOT_GIVEN_ANYWHERE) \
        and tok.text not in not_given and tok.low not in stop


def _name_word(tok: _Tok, stop, calendar, lang: str) -> bool:
    """Can this word be part of a person's name (a surname)?"""
    if not tok.cap or tok.low in stop or tok.low in calendar or tok.text.isupper() and len(tok.text) > 1:
        return False
    return not (lang == "de" and _NOUNISH.search(tok.low))


def _sentence_names(text: str, toks: list[_Tok], lang, gaz, stop, calendar, not_given, titles) -> list[Raw]:
    out: list[Raw] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        prev = toks[i - 1] if i else None
        # A person: a title or a given name, then surnames ("Bundeskanzler Olaf Scholz", "Mme Dupont").
        role = ""
        k = i
        while k + 1 < n and toks[k].text in titles and toks[k + 1].start - toks[k].end <= 1:
            k += 1  # "Prof. Dr. Caja Thimm": every title before the name
        if k > i and _name_word(toks[k], stop, calendar, lang) and toks[k].text not in titles:
            role = toks[k - 1].text
        else:
            k = i
        if _span_text(toks, k, min(n, k + 2)) in ORG_NAMES or toks[k].text in ORG_NAMES:
            role, k = "", i  # "Geschäftsführer Deutsche Bahn": a body, not a person
        starts_given = _is_given(toks[k], gaz, not_given, stop) and not (
            lang == "de" and prev is not None and k == i and prev.low in _ARTICLES)
        if (role or starts_given) and prev is not None and prev.low in _NAMED_AFTER:
            role, starts_given = "", False  # "lycée Jean Zay", "salle Louise Michel": a place named for someone
        if role or starts_given:
            j = k + 1
            while j < n and j - k < 4:
                nxt = toks[j]
                if len(nxt.text) == 1 and nxt.text.isupper() and j + 1 < n and toks[j + 1].cap and \
                        toks[j + 1].start - nxt.end <= 2 and nxt.start - toks[j - 1].end <= 1:
                    j += 1  # "Edward S. Herman": an initial between names
                    continue
                if nxt.low in _PARTICLES and j + 1 < n and toks[j + 1].cap and toks[j].start - toks[j - 1].end <= 1:
                    j += 1
                    continue
                gap = 2 if len(toks[j - 1].text) == 1 else 1  # after "S." the dot
                if nxt.start - toks[j - 1].end > gap or not _name_word(nxt, stop, calendar, lang):
                    break
                if j > k and (nxt.text in PLACES or (gaz.place(nxt.text) or _NO_PLACE).kind in ("country", "continent")):
                    break
                j += 1
                if not _is_given(nxt, gaz, not_given, stop) and nxt.low not in _PARTICLES:
                    break  # the surname ends the name: "Manuel Gerres Tweet" is Manuel Gerres
            while j > k + 1 and toks[j - 1].low in _PARTICLES:
                j -= 1
            if j > k + 1 or (role and j == k + 1):
                last = toks[j - 1]
                name_text = text[toks[k].start:last.end]
                if not role and _place_name(name_text, gaz):
                    out.append(Raw(PLACE, toks[k].start, last.end, name_text))  # "Hong Kong"
                else:
                    out.append(Raw(PERSON, toks[k].start, last.end, name_text, role=role))
                i = j
                continue
        # An organisation: an acronym, a known institution, or a name with an organisation's head word.
        org = _org_at(text, toks, i, lang, stop, prev, gaz)
        if org is not None:
            j = org
            out.append(Raw(ORG, t.start, toks[j - 1].end, _span_text(toks, i, j)))
            i = j
            continue
        # A place: the gazetteer or the list of names in these languages, two words before one.
        if t.cap and t.low not in stop and t.low not in calendar:
            placed = False
            for width in (3, 2, 1):
                if i + width > n:
                    continue
                cand = _span_text(toks, i, i + width)
                if not _place_ok(cand, width, gaz, lang, prev, i, toks):
                    continue
                end = toks[i + width - 1].end
                if prev is not None and prev.end + 1 == t.start and _seat_of(prev, lang):
                    # "Landgericht Köln", "OLG Hamburg", "FC Bayern": the place is part of the body's name
                    if out and out[-1].start == prev.start:
                        out.pop()
                    out.append(Raw(ORG, prev.start, end, text[prev.start:end]))
                else:
                    out.append(Raw(PLACE, t.start, end, cand))
                i += width
                placed = True
                break
            if placed:
                continue
        i += 1
    return out


# Words for bodies that take their seat's name after them ("Landgericht Köln", "Thomanerchor Leipzig").
_SEATED = ("gericht", "gerichts", "gerichtshof", "polizei", "chor", "chores", "hochschule", "universität", "initiative",
           "stiftung", "theater", "oper", "philharmonie", "verlag", "zoo", "museum", "flughafen", "bahnhof")


def _seat_of(tok: _Tok, lang: str) -> bool:
    if tok.text in ("FC", "SC", "SV", "VfB", "VfL", "TSV", "OLG", "LG", "AG", "VG", "OVG", "LSG", "AS", "RC", "CF", "AC"):
        return True
    return lang == "de" and tok.cap and tok.low.endswith(_SEATED)


def _span_text(toks, i, j) -> str:
    out = toks[i].text
    for k in range(i + 1, j):
        out += (" " if toks[k].start > toks[k - 1].end else "") + toks[k].text
    return out


def _place_name(name: str, gaz: Gazetteer) -> bool:
    return name in PLACES or (gaz.place(name) is not None and gaz.place(name).population >= 100_000)


def _place_ok(cand: str, width: int, gaz: Gazetteer, lang: str, prev, i: int, toks) -> bool:
    if any(not w[0].isupper() and w not in ("am", "an", "der", "de", "sur", "del") for w in cand.split()):
        return False
    if i + width < len(toks) and toks[i + width].text in _PAPER_WORDS and toks[i + width].start == toks[i + width - 1].end + 1 \
            or prev is not None and prev.low == "of":
        return False  # "New York Times", "Times of India": a newspaper's name
    if cand in PLACES or cand in _PLACE_CODES:
        return True
    place = gaz.place(cand)
    if place is None or cand.isupper():
        return False
    if lang == "de" and prev is not None and (prev.low in _ARTICLES or prev.low in _POSSESSIVES) and prev.end + 1 == toks[i].start:
        return False  # "meine Favoriten", "der Zug": German gives a town no article
    if lang == "de" and cand in _WORD_PLACES:
        return prev is not None and prev.low in ("in", "nach", "aus") and prev.end + 1 == toks[i].start
    if place.kind in ("country", "continent"):
        return True
    after_prep = prev is not None and prev.low in _PLACE_PREPS[lang] and prev.end + 1 == toks[i].start
    if place.population >= 500_000 or place.population >= 100_000 and (
            width > 1 or lang != "de" or place.country in _HOME[lang] or after_prep):
        return True
    # A small town only after a preposition of place, in the language's own countries: "Raum" (a Finnish
    # town and the German word for room) and "Roman" (a Romanian town; a novel) are not places here.
    return prev is not None and prev.low in _PLACE_PREPS[lang] and place.country in _HOME[lang] and place.population >= 15_000


def _org_at(text, toks, i, lang, stop, prev, gaz) -> int | None:
    t = toks[i]
    elided = lang in ("fr", "it") and text[max(0, t.start - 2):t.start] in ("l'", "l\u2019", "L'", "L\u2019")
    if t.text in ORG_ACRONYMS and not _shouted(toks, i):
        return i + 1
    # Other capitals are a body where the language gives them an article as it gives institutions ("der
    # AfD", "l'AERES", "la DPA"), and not before a number (a law or a journal cited: "BGHZ 156", "WRP 2007").
    if _ACRONYM.match(t.text) and len(t.text) <= 5 and not _ROMAN.match(t.text) and t.low not in stop \
            and t.text not in _NOT_ORGS and t.text not in _PLACE_CODES and not _shouted(toks, i) \
            and (elided or prev is not None and prev.low in _DEFINITE[lang] and prev.end + 1 == t.start) \
            and not re.match(r"\s*\d", text[t.end:t.end + 3]):
        return i + 1
    for width in (2, 1):
        if i + width <= len(toks) and _span_text(toks, i, i + width) in ORG_NAMES:
            return i + width
    heads = ORG_HEADS[lang]
    if not t.cap or t.low in stop:
        return None
    if lang == "de":
        if prev is not None and prev.low in _INDEFINITE:
            return None  # "ein Kinderbuchverlag": a kind of body, not one
        parts = t.low.split("-")
        # "Heinrich-Böll-Stiftung", "Rowohlt-Verlag": a name joined to a head word. A closed compound
        # ("Landgericht", "Kreisverband") is most often the common noun, and is left out.
        if len(parts) > 1 and parts[-1] in heads and t.text.split("-")[0][:1].isupper():
            return i + 1
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.start - t.end > 1 or not nxt.cap:
            return None
        if t.low in heads and (_place_name(nxt.text, gaz) or nxt.text in ORG_ACRONYMS):
            return i + 2  # "Universität Mainz"
        if nxt.low in heads and t.low.endswith("er") and _place_name(t.text[:-2], gaz):
            return i + 2  # "Stuttgarter Verein"
        if nxt.low in ("verlag", "stiftung", "bank", "gruppe") and t.low not in _ARTICLES and not _NOUNISH.search(t.low) \
                and (prev is None or not prev.cap and prev.low not in _INDEFINITE and prev.low not in stop or prev.low in _DEFINITE["de"]):
            return i + 2  # "Suhrkamp Verlag"
        return None
    if t.low in heads and i + 1 < len(toks):
        j = i + 1
        # "Université de Lyon", "Parti socialiste", "Banco de España": the head, an adjective or "de X"
        if toks[j].low in ("de", "du", "des", "di", "del", "della", "do", "da") and j + 1 < len(toks) and toks[j + 1].cap:
            return j + 2
        if not toks[j].cap and toks[j].low not in stop and toks[j].start - t.end <= 1 and len(toks[j].low) > 3:
            return j + 1
    return None


def _shouted(toks, i) -> bool:
    """ "HÖREN SIE AUF", "PUBLIC VOICE": a word in a run of capitals is shouting or a heading, not an acronym."""
    return any(0 <= k < len(toks) and toks[k].text.isupper() and len(toks[k].text) > 1 for k in (i - 1, i + 1))


def _later_mentions(text: str, raws: list[Raw], sentences, lang: str) -> list[Raw]:
    """A surname alone ("Witzel", "Witzels" in German) after the full name is the same person."""
    # (a bare initial, "K." in "Jacek K.", is no surname to look for)
    surnames = {r.text.split()[-1]: r for r in raws if r.type == PERSON and len(r.text.split()) >= 2
                and len(r.text.split()[-1].rstrip(".")) > 1}
    if not surnames:
        return raws
    taken = [(r.start, r.end) for r in raws]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
                         + r")(s|')?(?![\w-])")
    extra = []
    for sent in sentences:
        for m in pattern.finditer(text, sent.start, sent.end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            extra.append(Raw(PERSON, m.start(1), m.end(1), m.group(1)))
    return sorted(raws + extra, key=lambda r: r.start)
