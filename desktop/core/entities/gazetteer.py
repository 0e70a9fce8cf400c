"""The compiled place, demonym and given-name lists, loaded once per process."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import lru_cache
from sys import intern

from desktop.core.resources import resource_path

GAZETTEER_FILE = "gazetteer.json.gz"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # country, continent, region, city
    country: str  # ISO 3166-1 alpha-2, "" for regions that span countries
    population: int


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, tuple[str, str, int]]
    upper_places: dict[str, str]  # "NEW ZEALAND" -> "New Zealand", for all-caps headlines
    countries: dict[str, str]  # alpha-2 -> English name
    demonyms: dict[str, str]  # "Japanese" -> "JP"
    given_names: frozenset[str]
    given_gender: dict[str, str] = field(default_factory=dict)  # "Mary" -> "f", where the census is clear

    def place(self, name: str) -> Place | None:
        hit = self.places.get(name)
        if hit is None:
            hit_name = self.upper_places.get(name.upper()) if name.isupper() and len(name) > 3 else None
            if hit_name is None:
                return None
            name, hit = hit_name, self.places[hit_name]
        return Place(name, hit[0], hit[1], hit[2])

    def country_name(self, code: str) -> str:
        return self.countries.get(code, "")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    path = resource_path("gazetteer", GAZETTEER_FILE)
    try:
        with gzip.open(path, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
    except OSError as exc:
        raise RuntimeError(f"{path}: cannot read the gazetteer ({exc}); run scripts/build_gazetteer.py") from exc
    # The places come as tab-separated chunks, most populous first: parsing them line by
    # line in Python lets other threads (the window's) run between lines, where one
    # json.loads of a 114,000-entry dict held the GIL for ~0.1 s.
    places: dict[str, tuple[str, str, int]] = {}
    upper: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for chunk in data["places"]:
        for line in chunk.split("\n"):
            name, kind, cc, pop = line.split("\t")
            places[name] = (kinds.setdefault(kind, kind), intern(cc), int(pop))
            upper.setdefault(name.upper(), name)  # the most populous place of each spelling
    return Gazetteer(
        places=places,
        upper_places=upper,
        countries=data["countries"],
        demonyms=data["demonyms"],
        given_names=frozenset(data["given_names"]),
        given_gender=data.get("given_gender", {}),
    )
