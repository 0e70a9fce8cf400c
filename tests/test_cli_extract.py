"""`diptych extract`: the JSON per article and the readable summary, on real files."""

import json
import shutil
from pathlib import Path

from desktop.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
KEYS = {"path", "format", "title", "source", "author", "published", "category", "url", "word_count", "text", "blocks", "sentences"}


def run_json(capsys, *args):
    code = main(["extract", *map(str, args), "--json", "--no-entities"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def copy_samples(tmp_path, *names):
    for name in names:
        shutil.copy(SAMPLES / name, tmp_path / name)
    return [tmp_path / n for n in names]


def test_scrape_gives_title_category_clean_body_and_caption(tmp_path, capsys):
    (wire,) = copy_samples(tmp_path, "harbour-wire.txt")
    code, out, _ = run_json(capsys, wire)
    assert code == 0
    (art,) = out
    assert KEYS <= set(art)
    assert art["format"] == "txt"
    assert art["path"] == str(wire)
    assert art["title"] == "Fuel spill closes Halifax shellfish beds after cargo ship runs aground"
    assert art["category"] == "Canada"
    assert art["author"] == "Tomas Lindqvist"
    assert (art["published"], art["published_from"]) == ("2025-03-05", "dateline")
    text = art["text"]
    kinds = [b["kind"] for b in art["blocks"]]
    assert kinds.count("body") == 10 and kinds.count("caption") == 1
    caption = next(b for b in art["blocks"] if b["kind"] == "caption")
    assert text[caption["start"] : caption["end"]].endswith("(Harbour Wire Photo/Lena Marsh)")
    for block in art["blocks"]:
        if block["kind"] == "boilerplate":
            assert block["reason"]
    body = [text[b["start"] : b["end"]] for b in art["blocks"] if b["kind"] in ("body", "heading", "quote", "dateline")]
    joined = "\n".join(body)
    assert "CLICK HERE" not in joined and "hours ago" not in joined and "close Video" not in joined
    # Every word of the body counts once, and nothing outside it.
    words = [w for part in body for w in part.split() if any(c.isalnum() for c in w)]
    assert art["word_count"] == len(words)


def test_blocks_and_sentences_are_offsets_into_the_text(tmp_path, capsys):
    (wire,) = copy_samples(tmp_path, "harbour-wire.txt")
    _, (art,), _ = run_json(capsys, wire)
    text = art["text"]
    ends = 0
    for block in art["blocks"]:
        assert 0 <= block["start"] < block["end"] <= len(text) and block["start"] >= ends
        assert text[block["start"] : block["end"]].strip() == text[block["start"] : block["end"]]
        ends = block["end"]
    spans = art["sentences"]
    assert spans == sorted(spans)
    shown = [text[a:b] for a, b in spans]
    assert "All 21 crew members were taken off the ship unharmed, the Canadian Coast Guard said." in shown
    assert "Dr. Helen Okafor, a marine biologist at the Atlantic Shellfish Institute, warned that mussels " \
        "can hold traces of fuel for weeks." in shown


def test_saved_page_metadata(tmp_path, capsys):
    (herald,) = copy_samples(tmp_path, "harbour-herald.html")
    _, (art,), _ = run_json(capsys, herald)
    assert art["format"] == "html"
    assert art["title"] == "Oil leak from grounded bulk carrier shuts Eastern Shore mussel leases"
    assert art["source"] == "The Harbour Herald"
    assert art["author"] == "Priya Natarajan"
    assert art["published"].startswith("2025-03-05") and art["published_from"] == "metadata"
    assert art["url"] == "https://harbourherald.example/news/2025/03/05/saltmarsh-dawn-grounding"
    assert "Port inspectors in Rotterdam" in art["text"]


def test_folder_is_expanded_and_a_missing_file_is_named(tmp_path, capsys):
    copy_samples(tmp_path, "harbour-wire.txt", "harbour-release.md")
    missing = tmp_path / "gone.txt"
    code, out, err = run_json(capsys, tmp_path, missing)
    assert code == 1
    assert sorted(Path(a["path"]).name for a in out) == ["harbour-release.md", "harbour-wire.txt"]
    assert "gone.txt" in err


def test_readable_summary_lists_what_was_set_aside(tmp_path, capsys):
    (wire,) = copy_samples(tmp_path, "harbour-wire.txt")
    assert main(["extract", str(wire), "--no-entities"]) == 0
    out = capsys.readouterr().out
    assert "title:     Fuel spill closes Halifax shellfish beds" in out
    assert "category:  Canada" in out
    assert "published: 2025-03-05 (from dateline)" in out
    assert "(promo headline in capitals)" in out
    assert "boilerplate Recent Posts (list of other posts; 10 paragraphs)" in out
    assert "Lighthouse logbooks" not in out  # the run is one line


def test_press_release_title_dateline_and_labels(tmp_path, capsys):
    (release,) = copy_samples(tmp_path, "harbour-release.md")
    _, (art,), _ = run_json(capsys, release)
    text = art["text"]
    kinds = {text[b["start"] : b["end"]]: (b["kind"], b.get("reason", "")) for b in art["blocks"]}
    assert art["title"] == "Northgate Harbour Authority statement on the grounding of MV Saltmarsh Dawn"
    assert kinds["FOR IMMEDIATE RELEASE"] == ("boilerplate", "press-release label")
    assert kinds["Halifax, Nova Scotia \u2014 March 4, 2025"][0] == "dateline"
    assert (art["published"], art["published_from"]) == ("2025-03-04", "dateline")
