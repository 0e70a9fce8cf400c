"""Related coverage ranks rewrites of one event above same-topic pieces from another week."""

import json
import subprocess
import sys

from desktop.core.ingest.build import article_from_text
from desktop.core.library.related import RelatedIndex, date_factor, profile

FERRY_A = """The Bluewater ferry Kestrel Star lost power off Port Hawkins on Saturday with 212 passengers aboard, the Marine Safety Board said.

Captain Ilse Varga dropped anchor two kilometres from the breakwater while tugs from Brightwell Towage were sent out.

"Nobody was hurt and the ship was never in danger," Varga told reporters after the Kestrel Star was towed in.

The board said it would examine the ferry's generators, which were replaced in 2021."""

FERRY_B = """Tugs towed the disabled ferry Kestrel Star into Port Hawkins late Saturday after the vessel lost power with 212 people on board.

Brightwell Towage sent two tugs after Captain Ilse Varga anchored about two kilometres off the breakwater.

The Marine Safety Board will inspect the generators, installed in 2021, a spokesman said.

"Nobody was hurt," Varga said."""

FERRY_OTHER_WEEK = """A ferry serving the northern islands was cancelled on Tuesday because of high winds, the operator said.

Passengers were offered refunds, and the ferry company said crossings would resume when the weather allowed.

The Marine Safety Board said ferries must not sail in winds above 50 knots."""

BUDGET = """The city council approved a budget of $84 million for the coming year on Thursday.

Councillor Ruth Abara said the money would go to schools, roads and a new library."""


def _index(*texts_and_dates):
    index, ids = RelatedIndex(), []
    for i, (text, when) in enumerate(texts_and_dates):
        art = article_from_text(text, path=f"/a/{i}.txt")
        if when:
            from dataclasses import replace

            from desktop.core.article import Published

            art = replace(art, published=Published(when, "day", "metadata"))
        index.add_article(art)
        ids.append(art.id)
    return index, ids


def test_rewrites_of_one_event_rank_above_same_topic_and_unrelated():
    index, (a, b, other, budget) = _index(
        (FERRY_A, "2025-06-07"), (FERRY_B, "2025-06-08"), (FERRY_OTHER_WEEK, "2025-06-24"), (BUDGET, "2025-06-07")
    )
    ranked = index.query(a, top=3)
    assert [oid for oid, _ in ranked][0] == b
    scores = dict(ranked)
    assert scores[b] > 2 * scores.get(other, 0)
    assert scores[b] > 2 * scores.get(budget, 0)
    assert index.query(b, top=1)[0][0] == a


def test_score_is_symmetric_and_self_is_excluded():
    index, (a, b, *_rest) = _index((FERRY_A, None), (FERRY_B, None), (BUDGET, None))
    pa = index._profiles[a]
    pb = index._profiles[b]
    assert abs(index.score(pa, pb) - index.score(pb, pa)) < 1e-9
    assert a not in [oid for oid, _ in index.query(a, top=5)]


def test_remove_and_duplicates():
    index, (a, b, c) = _index((FERRY_A, None), (FERRY_B, None), (FERRY_A, None))
    assert index.duplicates() == {c: a}
    index.remove(b)
    assert b not in index and len(index) == 2
    assert [oid for oid, _ in index.query(a)] == [c]


def test_date_factor():
    from datetime import date

    assert date_factor(date(2025, 1, 1), date(2025, 1, 3)) == 1.0
    assert date_factor(date(2025, 1, 1), date(2025, 3, 1)) == 0.5
    assert date_factor(None, date(2025, 1, 1)) == 1.0


def test_profile_of_empty_article():
    p = profile(article_from_text("", path="/empty.txt"))
    assert p.counts == {} and not p.shingles


def test_related_command_on_a_folder(tmp_path):
    for name, text in (("ferry-a.txt", FERRY_A), ("ferry-b.txt", FERRY_B), ("budget.txt", BUDGET)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ignored.bin").write_bytes(b"\x00\x01")
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "related", str(tmp_path), "--json", "--top", "1"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = {r["path"].rsplit("/", 1)[-1]: r for r in json.loads(proc.stdout)}
    assert set(out) == {"ferry-a.txt", "ferry-b.txt", "budget.txt"}
    assert out["ferry-a.txt"]["related"][0]["path"].endswith("ferry-b.txt")
    assert 0 < out["ferry-a.txt"]["related"][0]["score"] <= 1
