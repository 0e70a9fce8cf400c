"""The compiled place, demonym and given-name lists, loaded once per process."""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.core.resources import resource_path

GAZETTEER_FILE = "gazetteer.txt"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country, continent, region, city
    country: str  # ISO 3166-1 alpha-2, "" for regions that span countries
    population: int


class SortedNames:
    """Sorted names looked up by bisection: loading builds no dict of 90,000 entries (30 ms each
    for the places and their all-caps spellings), and a lookup is one bisection in C."""

    __slots__ = ("keys",)

    def __init__(self, keys: list[str]):
        self.keys = keys

    def index(self, key: str) -> int:
        i = bisect_left(self.keys, key)
        return i if i < len(self.keys) and self.keys[i] == key else -1

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.index(key) >= 0

    def __len__(self) -> int:
        return len(self.keys)


@dataclass(frozen=True)
class Gazetteer:
    places: SortedNames  # every place name; its details are fixed-width records in `columns`
    upper_places: SortedNames  # "NEW ZEALAND", for all-caps headlines; `columns` says which place it is
    countries: dict[str, str]  # alpha-2 -> English name
    demonyms: dict[str, str]  # "Japanese" -> "JP"
    given_names: frozenset[str]
    given_gender: dict[str, str] = field(default_factory=dict)  # "Mary" -> "f", where the census is clear
    kinds: tuple[str, ...] = ()
    # kinds (one digit), countries (two letters), populations and the all-caps spellings' places,
    # one fixed-width record per name (scripts/build_gazetteer.py, place_columns)
    columns: dict[str, str] = field(default_factory=dict)
    widths: tuple[int, int] = (10, 6)  # population, index

    def place(self, name: str) -> Place | None:
        i = self.places.index(name)
        if i < 0:
            if not (name.isupper() and len(name) > 3):
                return None
            u = self.upper_places.index(name.upper())
            if u < 0:
                return None
            w = self.widths[1]
            i = int(self.columns["upper_index"][u * w : u * w + w])  # the most populous of that spelling
            name = self.places.keys[i]
        cols, w = self.columns, self.widths[0]
        return Place(name, self.kinds[int(cols["kinds"][i])], cols["countries"][2 * i : 2 * i + 2].strip(),
                     int(cols["populations"][i * w : i * w + w]))

    def country_name(self, code: str) -> str:
        return self.countries.get(code, "")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    path = resource_path("gazetteer", GAZETTEER_FILE)
    try:
        with open(path, "rb") as fh:
            header, names, upper, *columns = fh.read().decode("utf-8").split("\f")
        data = json.loads(header)
    except (OSError, ValueError) as exc:
        raise RuntimeError(f"{path}: cannot read the gazetteer ({exc}); run scripts/build_gazetteer.py") from exc
    # A small JSON header, then the place columns as plain text (scripts/build_gazetteer.py): two
    # str.split calls and no per-line parsing, so loading takes a few ms and never holds the
    # window's thread for long.
    return Gazetteer(
        places=SortedNames(names.split("\n")),
        upper_places=SortedNames(upper.split("\n")),
        countries=data["countries"],
        demonyms=data["demonyms"],
        given_names=frozenset(data["given_names"].split("\n")),
        given_gender=data.get("given_gender", {}),
        kinds=tuple(data["kinds"]),
        columns=dict(zip(("kinds", "countries", "populations", "upper_index"), columns)),
        widths=(data["population_width"], data["index_width"]),
    )
