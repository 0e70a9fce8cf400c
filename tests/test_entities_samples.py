"""The planted differences between the sample articles come out as discrepancies."""

from __future__ import annotations

from desktop.core.entities import extract, match
from desktop.core.entities.model import DiscrepancyKind
from desktop.core.ingest.load import load_file
from desktop.core.resources import resource_path


def test_samples_changed_figure_misspelled_name_and_reworded_quote():
    wire = load_file(str(resource_path("samples", "harbour-wire.txt")))[0]
    herald = load_file(str(resource_path("samples", "harbour-herald.html")))[0]
    _, discs = match(wire, extract(wire), herald, extract(herald))
    found = {(d.kind, d.left_text, d.right_text) for d in discs}
    assert (DiscrepancyKind.FIGURE, "1,200 tonnes", "1,100 tonnes") in found
    assert any(k == DiscrepancyKind.NAME and a.endswith("Rasheed") and b.endswith("Rashid") for k, a, b in found)
    quote = next(d for d in discs if d.kind == DiscrepancyKind.QUOTE)
    assert quote.left_text.startswith("We will not reopen")
    assert any(op != "equal" for op, _, _ in quote.word_diff)


def test_sample_variant_inside_one_article():
    wire = load_file(str(resource_path("samples", "harbour-wire.txt")))[0]
    people = {e.name: e for e in extract(wire).entities if e.type == "person"}
    assert "Whitcomb" in people["Dana Whitcombe"].variants
