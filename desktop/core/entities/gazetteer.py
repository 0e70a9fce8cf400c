"""The compiled place, demonym and given-name lists, loaded once per process."""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.core.resources import resource_path

GAZETTEER_FILE = "gazetteer.txt"


@dataclass(frozen=True, slots=True)
class Place:
    """A place the gazetteer knows."""

    name: str
    kind: str  # country, continent, region, city
    country: str  # ISO 3166-1 alpha-2, "" for regions that span countries
    population: int


class SortedNames:
    """Sorted names, newline-joined in the file's bytes, looked up without making a string of each.

    Loading used to split them into 90,000 strings (8 ms for the places, as much for their all-caps
    spellings), in every process that extracts. Now only the first name of every `block`-th is
    made: a lookup bisects those in C, then searches that block's few hundred bytes for the name
    between newlines (bytes.find, in C), and counts the newlines before it for its index. UTF-8
    bytes sort as their text does, so the blocks are in the order the names were sorted in."""

    __slots__ = ("data", "starts", "end", "block", "count", "heads", "last")

    def __init__(self, data: bytes, starts: list[int], end: int, block: int, count: int):
        self.data = data
        self.starts = starts  # the offset of the newline before the first name of each block
        self.end = end  # one past the newline after the last name
        self.block = block
        self.count = count
        self.heads = [data[s + 1 : data.index(b"\n", s + 1)] for s in starts]
        # The greatest name: no place name starts with a lower-case letter, and the entity code asks
        # after every word it meets ("said", "the"), a third of all lookups; each is told by one
        # comparison, where a search costs a bisection and a block's search (cold, 1-3 us).
        self.last = data[data.rindex(b"\n", 0, end - 1) + 1 : end - 1]

    def index(self, key: str) -> int:
        """The position of `key` among the sorted names, -1 if it is none of them."""
        if "\n" in key:
            return -1
        word = key.encode("utf-8", "surrogatepass")
        if word > self.last:
            return -1
        k = bisect_right(self.heads, word) - 1
        if k < 0:
            return -1
        lo = self.starts[k]
        hi = self.starts[k + 1] + 1 if k + 1 < len(self.starts) else self.end
        at = self.data.find(b"\n" + word + b"\n", lo, hi)
        return -1 if at < 0 else k * self.block + self.data.count(b"\n", lo, at)

    def name(self, i: int) -> str:
        """The name at position i."""
        k, r = divmod(i, self.block)
        at = self.starts[k]
        for _ in range(r):
            at = self.data.index(b"\n", at + 1)
        return self.data[at + 1 : self.data.index(b"\n", at + 1)].decode("utf-8")

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.index(key) >= 0

    def __len__(self) -> int:
        return self.count


@dataclass(frozen=True, eq=False)  # one per process: compared and hashed by identity (a memo key)
class Gazetteer:
    """Place names with their kind, country and population, given names and demonyms."""

    places: SortedNames  # every place name; its details are fixed-width records in `columns`
    upper_places: SortedNames  # "NEW ZEALAND", for all-caps headlines; `columns` says which place it is
    countries: dict[str, str]  # alpha-2 -> English name
    demonyms: dict[str, str]  # "Japanese" -> "JP"
    given_names: frozenset[str]
    given_gender: dict[str, str] = field(default_factory=dict)  # "Mary" -> "f", where the census is clear
    kinds: tuple[str, ...] = ()
    # kinds (one digit), countries (two letters), populations and the all-caps spellings' places,
    # one fixed-width record per name (scripts/build_gazetteer.py, place_columns): where each
    # column starts in `data`, the file's bytes, which are read by slicing
    columns: dict[str, int] = field(default_factory=dict)
    widths: tuple[int, int] = (10, 6)  # population, index
    data: bytes = b""
    # by name looked up: its place or None. A lookup searches the file's bytes (about 3 us, twice
    # the old bisection of a list of strings), and half of them repeat a word already asked about;
    # memos.py empties it with the other entity memos.
    memo: dict[str, Place | None] = field(default_factory=dict, compare=False)

    def place(self, name: str) -> Place | None:
        found = self.memo.get(name, _UNSEEN)
        if found is _UNSEEN:
            found = self.memo[name] = self._place(name)
        return found

    def _place(self, name: str) -> Place | None:
        i = self.places.index(name)
        data, cols = self.data, self.columns
        if i < 0:
            if not (name.isupper() and len(name) > 3):
                return None
            u = self.upper_places.index(name.upper())
            if u < 0:
                return None
            at = cols["upper_index"] + u * self.widths[1]
            i = int(data[at : at + self.widths[1]])  # the most populous of that spelling
            name = self.places.name(i)
        w = self.widths[0]
        at = cols["populations"] + i * w
        country = cols["countries"] + 2 * i
        return Place(name, self.kinds[data[cols["kinds"] + i] - 48], data[country : country + 2].decode("ascii").strip(),
                     int(data[at : at + w]))

    def country_name(self, code: str) -> str:
        return self.countries.get(code, "")


_UNSEEN = object()
COLUMNS = ("names", "upper", "kinds", "countries", "populations", "upper_index")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    path = resource_path("gazetteer", GAZETTEER_FILE)
    # A small JSON header, then the place columns as plain text, separated by form feeds
    # (scripts/build_gazetteer.py). The columns are never split or decoded as a whole: they are
    # read in place, so loading costs the file read, the header and the first name of every block.
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        bounds = [data.index(b"\f")]
        for _ in COLUMNS:
            bounds.append(data.find(b"\f", bounds[-1] + 1))
        if bounds[-1] >= 0:
            raise ValueError("more columns than " + ", ".join(COLUMNS))
        bounds[-1] = len(data)
        header = json.loads(data[: bounds[0]])
        starts = {c: bounds[k] + 1 for k, c in enumerate(COLUMNS)}  # where each column's text starts
        block = header["block"]
        names = SortedNames(data, [starts["names"] + s for s in header["block_starts"]["names"]], bounds[1],
                            block, header["counts"]["names"])
        upper = SortedNames(data, [starts["upper"] + s for s in header["block_starts"]["upper"]], bounds[2],
                            block, header["counts"]["upper"])
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(f"{path}: cannot read the gazetteer ({exc}); run scripts/build_gazetteer.py") from exc
    return Gazetteer(
        places=names,
        upper_places=upper,
        countries=header["countries"],
        demonyms=header["demonyms"],
        given_names=frozenset(header["given_names"].split("\n")),
        given_gender=header.get("given_gender", {}),
        kinds=tuple(header["kinds"]),
        columns=starts,
        widths=(header["population_width"], header["index_width"]),
        data=data,
    )
