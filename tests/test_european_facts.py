"""Facts in German and French (and the rules shared with Spanish, Italian and Portuguese): dates with
month names, figures with decimal commas and thousands separators, quotes in „…“ and « … » with their
speakers, names from titles and given names; and a German and a French pair written for these tests
that give exactly their planted discrepancies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.entities.dates import Reference
from desktop.core.entities.european_dates import find_dates
from desktop.core.entities.european_figures import find_figures
from desktop.core.entities.extract import extract
from desktop.core.language import names_supported
from desktop.core.entities.model import DiscrepancyKind, EntityType

PAIRS = Path(__file__).parent / "fixtures" / "europe"
REF = Reference(dt.date(2023, 12, 8), "the publication date")


def _pair(lang: str):
    left = article_from_text((PAIRS / f"{lang}_left.txt").read_text(encoding="utf-8"), path=f"{lang}_left.txt")
    right = article_from_text((PAIRS / f"{lang}_right.txt").read_text(encoding="utf-8"), path=f"{lang}_right.txt")
    return compare(left, right, extractions=(extract(left, language=lang), extract(right, language=lang)))


def _found(comparison) -> set[tuple[str, str, str]]:
    return {(str(d.kind), d.left_text, d.right_text) for d in comparison.discrepancies}


def test_the_german_pair_gives_exactly_its_planted_discrepancies():
    assert _found(_pair("de")) == {
        ("figure", "3,5 Millionen Euro", "3,8 Millionen Euro"),
        ("date", "4. Dezember 2023", "5. Dezember 2023"),
        ("name", "Jürgen Halbach", "Jürgen Hallbach"),
        ("quote", "Wir wollen die Luft in der Innenstadt spürbar verbessern",
         "Wir wollen die Luft in der Innenstadt deutlich verbessern"),
    }


def test_the_french_pair_gives_exactly_its_planted_discrepancies():
    # the right side writes "12 500" with a narrow no-break space: the same figure, no discrepancy
    assert _found(_pair("fr")) == {
        ("figure", "2,4 millions d'euros", "2,7 millions d'euros"),
        ("date", "5 décembre 2023", "6 décembre 2023"),
        ("name", "Bernard Lemoine", "Bernard Lemoyne"),
        ("quote", "Nous sommes restés calmes malgré les retards du chantier",
         "Nous sommes restés sereins malgré les retards du chantier"),
    }


def test_quotes_in_the_pairs_have_their_speakers():
    comparison = _pair("de")
    assert [(q.speaker, q.speaker_type) for q in comparison.left_extraction.quotes] == [("Katrin Vollmer", "person")]
    comparison = _pair("fr")
    assert [q.speaker for q in comparison.left_extraction.quotes] == ["Claire Fontaine"]


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "Das Treffen fand am 5. Dezember 2023 statt.", "2023-12-05"),
    ("fr", "La réunion a eu lieu le 1er décembre 2023.", "2023-12-01"),
    ("es", "La reunión fue el 5 de diciembre de 2023.", "2023-12-05"),
    ("it", "La riunione si è tenuta il 5 dicembre 2023.", "2023-12-05"),
    ("pt", "A reunião foi em 5 de dezembro de 2023.", "2023-12-05"),
    ("de", "Die Sitzung war am Montag.", "2023-12-04"),
    ("fr", "La séance a eu lieu lundi dernier.", "2023-12-04"),
    ("de", "Der Vertrag wurde 05.12.2023 unterzeichnet.", "2023-12-05"),
])
def test_dates_with_month_and_weekday_names_are_resolved(lang, text, value):
    assert [h.value for h in find_dates(text, 0, len(text), lang, REF)] == [value]


def test_a_changed_french_day_is_a_date_discrepancy_not_a_figure():
    a = "La visite\n\nLe ministre a visité le chantier le 5 décembre 2023 avec les élus du canton.\n"
    b = a.replace("5 décembre", "6 décembre")
    la, rb = article_from_text(a, path="a.txt"), article_from_text(b, path="b.txt")
    c = compare(la, rb, extractions=(extract(la, language="fr"), extract(rb, language="fr")))
    assert [(d.kind, d.left_text, d.right_text) for d in c.discrepancies] == [
        (DiscrepancyKind.DATE, "5 décembre 2023", "6 décembre 2023")]


@pytest.mark.parametrize(("lang", "text", "number", "unit"), [
    ("de", "Der Bau kostet 3,5 Millionen Euro.", 3_500_000, "EUR"),
    ("de", "Es kamen 1.000 Menschen.", 1000, "Menschen"),
    ("de", "Es kamen zwei Millionen Besucher.", 2_000_000, "Besucher"),
    ("fr", "Il y avait 1 000 personnes.", 1000, "personnes"),
    ("fr", "Il y avait 1\u00a0000 personnes et trois enfants.", 1000, "personnes"),
    ("es", "Costó dos mil millones de euros.", 2e9, "EUR"),
    ("it", "Il tasso è salito al 4,5 per cento.", 4.5, "percent"),
    ("pt", "Foram 3,2 milhões de pessoas.", 3_200_000, "pessoas"),
])
def test_figures_read_decimal_commas_separators_and_number_words(lang, text, number, unit):
    hits = find_figures(text, 0, len(text), lang, [])
    assert (hits[0].number, hits[0].unit) == (number, unit)


def test_a_year_is_a_date_and_never_a_figure():
    text = "Der Autor schrieb das Buch im Jahr 2005, und 2005 erschien es."
    assert find_figures(text, 0, len(text), "de", []) == []
    art = article_from_text("Titel\n\n" + text + "\n", path="a.txt")
    ext = extract(art, language="de")
    assert [e.value for e in ext.entities if e.type == EntityType.DATE] == ["2005"]
    assert [e for e in ext.entities if e.type == EntityType.FIGURE] == []


def test_german_capitals_alone_make_no_names():
    text = ("Der Roman spielt in einem Wiesbadener Ortsteil. Das Buch gewann den Deutschen Buchpreis, "
            "und im Raum stand die Frage, ob der Autor Frank Witzel ihn verdient hatte. Witzels Roman "
            "erschien bei einem kleinen Verlag.")
    ext = extract(article_from_text("Titel\n\n" + text + "\n", path="a.txt"), language="de")
    names = {(str(e.type), e.name) for e in ext.entities if e.type in (EntityType.PERSON, EntityType.PLACE,
                                                                        EntityType.ORGANIZATION)}
    assert names == {("person", "Frank Witzel")}


def test_french_function_words_start_no_names():
    text = ("C'est un livre sur Les Jours heureux. Un éditeur de Lyon l'a publié, selon Mme Sophie Marchal. "
            "« Nous avons tout relu deux fois », a déclaré Marchal.")
    ext = extract(article_from_text("Titre\n\n" + text + "\n", path="a.txt"), language="fr")
    names = {(str(e.type), e.name) for e in ext.entities if e.type in (EntityType.PERSON, EntityType.PLACE,
                                                                        EntityType.ORGANIZATION)}
    assert names == {("place", "Lyon"), ("person", "Sophie Marchal")}
    assert [(q.text, q.speaker) for q in ext.quotes] == [("Nous avons tout relu deux fois", "Sophie Marchal")]


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("de", "Der Minister Paul Krämer war da. »Wir bleiben dabei«, so Krämer.", "Paul Krämer"),
    ("es", "La ministra Ana Ruiz habló. «Seguimos adelante con el plan», dijo Ruiz.", "Ana Ruiz"),
    ("it", "Il sindaco Marco Bellini parlò. «Andiamo avanti con il progetto», ha detto Bellini.", "Marco Bellini"),
    ("pt", "O ministro João Mendes falou. «Vamos continuar com o plano», disse Mendes.", "João Mendes"),
])
def test_quotes_in_other_marks_find_their_speakers(lang, text, speaker):
    ext = extract(article_from_text("T\n\n" + text + "\n", path="a.txt"), language=lang)
    assert [q.speaker for q in ext.quotes] == [speaker]


def test_names_supported_lists_the_languages_with_name_rules():
    assert all(names_supported(c) for c in ("en", "de", "fr", "es", "it", "pt"))
    assert not names_supported("ja") and not names_supported("zh")


def test_a_german_ordinal_date_does_not_end_the_sentence():
    from desktop.core.ingest.text import split_sentences

    text = "Der Rat hat am Montag, 4. Dezember 2023, den Plan beschlossen. Er kostet viel. It ended in 2023. April came."
    got = [text[s.start:s.end] for s in split_sentences(text)]
    assert got == ["Der Rat hat am Montag, 4. Dezember 2023, den Plan beschlossen.", "Er kostet viel.",
                   "It ended in 2023.", "April came."]
