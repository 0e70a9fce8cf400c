"""Language per article: detection, names, the reader's override, and what extraction does with it."""

from __future__ import annotations

import json
import pytest

from desktop.cli import main
from desktop.core.ingest.build import article_from_text
from desktop.core.entities.extract import extract
from desktop.core.entities.model import EntityType
from desktop.core.language import (
    SUPPORTED_CODES,
    detect,
    display_name,
    language_label,
    names_note,
    names_supported,
    with_language,
)

# Written for the project.
TEXTS = {
    "en": "The harbour council voted on Tuesday to widen the old quay before the winter storms arrive.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, den alten Kai vor den Winterstürmen zu verbreitern.",
    "fr": "Le conseil municipal a décidé mardi d'élargir le vieux quai avant les tempêtes de l'hiver.",
    "es": "El ayuntamiento decidió el martes ampliar el viejo muelle antes de las tormentas de invierno.",
    "ja": "市議会は28日、冬の嵐が来る前に古い岸壁を広げることを決めた。",
    "zh": "市议会28日决定，在冬季风暴到来之前拓宽旧码头。",
    "ru": "Городской совет во вторник решил расширить старую пристань до зимних штормов.",
    "ar": "قرر المجلس البلدي يوم الثلاثاء توسيع الرصيف القديم قبل عواصف الشتاء.",
    "ko": "시의회는 화요일 겨울 폭풍이 오기 전에 오래된 부두를 넓히기로 했다.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_detects_short_news_sentences(code):
    assert detect(TEXTS[code]) == code


def test_too_short_is_unknown():
    assert detect("OK") is None
    assert detect("") is None
    assert detect("12:30 — 4,5") is None


def test_capitals_do_not_fool_it():
    assert detect("HARBOUR COUNCIL VOTES TO WIDEN THE OLD QUAY BEFORE WINTER") == "en"


def test_names_and_labels():
    assert display_name("ja") == "Japanese"
    assert display_name("xx") == "xx"
    assert display_name(None) == "Unknown"
    assert language_label("zh") == "Chinese (zh)"
    assert names_supported("en") and names_supported(None)
    assert not names_supported("ja")
    assert names_note("en") == ""
    assert "not available for Japanese" in names_note("ja")
    assert {"en", "de", "fr", "ja", "zh"} <= set(SUPPORTED_CODES)


def test_article_carries_its_language_and_the_override_reaches_extraction():
    text = ("Harbour quay to be widened\n\nMayor Alice Brennan said on Tuesday that the quay will be widened "
            "by 40 metres before the winter.\n\n\"We cannot wait another year,\" Brennan said.")
    art = article_from_text(text)
    assert art.language == "en"
    english = extract(art)
    assert english.names_available and english.language == "en"
    assert any(e.type == EntityType.PERSON for e in english.entities)
    assert english.quotes
    # The reader says it is another language: names and quotes are no longer read.
    other = extract(with_language(art, "ja"))
    assert other.names_available is False and other.language == "ja"
    assert other.quotes == ()
    assert {e.type for e in other.entities} <= {EntityType.DATE, EntityType.FIGURE}


def test_override_takes_codes_only():
    art = article_from_text("The harbour council voted on Tuesday to widen the old quay.")
    assert with_language(art, "fr").language == "fr"
    assert with_language(art, None).language is None
    with pytest.raises(ValueError):
        with_language(art, "Japanese")


def test_cli_language_override(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Quay widened\n\nMayor Alice Brennan said on Tuesday that the quay will be widened by 40 "
                    "metres.\n", encoding="utf-8")
    assert main(["extract", "--json", str(path)]) == 0
    (detected,) = json.loads(capsys.readouterr().out)
    assert (detected["language"], detected["names_available"]) == ("en", True)
    assert any(e["type"] == "person" for e in detected["entities"])
    assert main(["extract", "--json", "--language", "JA", str(path)]) == 0
    (overridden,) = json.loads(capsys.readouterr().out)
    assert (overridden["language"], overridden["names_available"]) == ("ja", False)
    assert not any(e["type"] == "person" for e in overridden["entities"])
    assert main(["compare", "--json", "--language", "de", str(path), str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["left"]["language"] == data["right"]["language"] == "de"


def test_cli_refuses_a_code_that_is_not_one(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--language", "japanese", str(tmp_path)])
    assert "ISO 639-1" in capsys.readouterr().err


def test_a_missing_model_leaves_the_language_unknown(monkeypatch, caplog):
    import desktop.core.language as language

    monkeypatch.setattr(language, "_model", None)
    monkeypatch.setattr(language, "model_path", lambda: language.Path("/nonexistent/lid.176.ftz"))
    assert detect(TEXTS["de"]) is None
    assert "language detection is off" in caplog.text
    assert detect(TEXTS["ja"]) == "ja"  # the script still tells
    monkeypatch.setattr(language, "_model", None)  # the next test loads the real model again


def test_a_katakana_name_in_chinese_is_still_chinese():
    assert detect("据报道，市长张志刚在会上介绍了来自日本的专家トヨタ先生的建议，并表示将于明年四月正式通车。") == "zh"
