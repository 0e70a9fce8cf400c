"""The entity stages ask a bounded number of questions per name, whatever the article: linear, not
the square of the number of names. Counted, not timed (timings on a shared machine are noise)."""

from __future__ import annotations

import random

import pytest

from desktop.core.entities import dates, grouping, matching
from desktop.core.entities.model import Entity, EntityType, Mention
from desktop.core.entities.names import PERSON, Raw

_SYLLABLES = "ka lo mi ser tan dor vel ri po nes ar en ul gra fi mon ce bal tro hu pe sa lin mar co ve dis qua".split()


def _names(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    seen: set[str] = set()
    while len(seen) < n:
        first = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize()
        seen.add(f"{first} {last}")
    return sorted(seen)


def _raws(names: list[str]) -> list[Raw]:
    out, pos = [], 0
    for name in names:
        out.append(Raw(PERSON, pos, pos + len(name), name))
        pos += len(name) + 20
    return out


def _count_same_person(monkeypatch, module) -> list[int]:
    calls = [0]
    real = module.same_person

    def counted(a, b):
        calls[0] += 1
        return real(a, b)

    monkeypatch.setattr(module, "same_person", counted)
    return calls


def test_grouping_asks_a_bounded_number_of_questions_per_name(monkeypatch):
    calls = _count_same_person(monkeypatch, grouping)
    per_name = []
    for n in (500, 2000):
        calls[0] = 0
        names = _names(n)
        surnames = [name.split()[1] for name in names[: n // 4]]  # bare surnames, some never seen in full
        grouping.group_people(_raws(names + surnames + [s + "x" for s in surnames]), [])
        per_name.append(calls[0] / n)
    assert per_name[1] < 2 * per_name[0] + 1  # an exhaustive scan would ask four times as many per name


def test_grouping_still_finds_a_spelling_among_thousands(monkeypatch):
    names = _names(1500)
    people = grouping.group_people(_raws(["Dana Whitcombe"] + names + ["Whitcomb", "Dana Whitcombe"]), [])
    dana = [p for p in people if p.name == "Dana Whitcombe"]
    assert len(dana) == 1 and "Whitcomb" in dana[0].variants and len(dana[0].mentions) == 3


def _people(names: list[str], start: int = 0) -> list[Entity]:
    return [Entity(EntityType.PERSON, n, (Mention(start + 30 * k, start + 30 * k + len(n), n),)) for k, n in enumerate(names)]


def test_pairing_with_blocking_pairs_as_asking_everyone(monkeypatch):
    rng = random.Random(3)
    names = _names(300)
    left = _people(names)
    right_names = []
    for n in names:
        first, last = n.split()
        r = rng.random()
        if r < 0.3:
            i = rng.randrange(1, len(last))
            last = last[:i] + last[i + 1 :]  # one letter dropped: a variant spelling
        elif r < 0.5:
            first = ""  # the surname alone
        right_names.append(f"{first} {last}".strip())
    rng.shuffle(right_names)
    right = _people(right_names)
    monkeypatch.setattr(matching, "_EXACT_PAIRS", 10**9)
    everyone = matching._pair(EntityType.PERSON, left, right)
    monkeypatch.setattr(matching, "_EXACT_PAIRS", 0)
    blocked = matching._pair(EntityType.PERSON, left, right)
    key = lambda pairs: sorted((a.name, b.name, str(s)) for a, b, s in pairs)  # noqa: E731
    assert key(blocked[0]) == key(everyone[0]) and len(everyone[0]) > 250


def test_figures_in_one_long_group_are_paired_in_linear_questions(monkeypatch):
    """Thousands of bare numbers with one unit: pairs form only between contexts sharing a rare word."""
    rng = random.Random(5)
    words = ["w" + "".join(rng.choice("abcdefghij") for _ in range(6)) for _ in range(4000)]
    n = 1500
    contexts = [" ".join(rng.sample(words, 12)) for _ in range(n)]
    pairs = matching._candidate_pairs(["%"] * n, ["%"] * n, contexts.__getitem__, contexts.__getitem__)
    assert len(pairs) < 40 * n  # all pairs would be n * n = 2,250,000
    assert all((i, i) in set(pairs) for i in range(0, n, 50))  # a context and its copy always meet


@pytest.mark.parametrize("seed", range(5))
def test_tense_of_a_sentence_asked_once_answers_as_the_rescan(seed):
    rng = random.Random(seed)
    cues = "will said plans to was expected to had next walked scheduled the a on".split()
    text = "x " + " ".join(rng.choice(cues) for _ in range(300)) + " y"
    tense = dates._Tense(text, 2, len(text) - 2)
    for s in sorted(rng.sample(range(3, len(text) - 2), 60)):
        if text[s - 1] == " ":
            assert tense.future(s) == dates._future(text, s, s + 1, 2)
