"""Dates and figures in Chinese and Japanese, and the discrepancies between two articles."""

from __future__ import annotations

from desktop.core.ingest.build import article_from_text
from desktop.core.compare import compare
from desktop.core.entities.cjk import find_cjk_dates, find_cjk_figures
from desktop.core.entities.dates import Reference
from desktop.core.entities.extract import extract
from desktop.core.entities.model import DiscrepancyKind, EntityType
from desktop.core.report.html import report_html
from desktop.core.report.model import build_report

import datetime as dt


def _dates(text, ref=None):
    return [(h.text, h.value, h.precision) for h in find_cjk_dates(text, 0, len(text), ref)]


def _figures(text):
    return [(h.text, h.number, h.unit) for h in find_cjk_figures(text, 0, len(text), [])]


def test_dates():
    assert _dates("2023年2月27日に発表") == [("2023年2月27日", "2023-02-27", "day")]
    assert _dates("２０２３年２月に") == [("２０２３年２月", "2023-02", "month")]
    assert _dates("旧桥于1985年建成") == [("1985年", "1985", "year")]
    assert _dates("令和5年度の予算、令和元年") == [("令和5年", "2023", "year"), ("令和元年", "2019", "year")]
    assert _dates("2月30日") == [("2月30日", "", "day")]  # no year to check it against: kept unresolved
    ref = Reference(dt.date(2023, 3, 10), "the publication date")
    assert _dates("市議会は28日、3月1日に", ref) == [("28日", "2023-03-28", "day"), ("3月1日", "2023-03-01", "day")]
    assert _dates("市議会は28日") == []  # a day of an unknown month is no date
    assert _dates("3日間の会期") == []  # a duration


def test_figures():
    assert _figures("総事業費は約１２０億円") == [("１２０億円", 12_000_000_000, "JPY")]
    assert _figures("投资三十亿元") == [("三十亿元", 3_000_000_000, "CNY")]
    assert _figures("增长了百分之十二") == [("百分之十二", 12, "percent")]
    assert _figures("3.5万人が参加") == [("3.5万人", 35_000, "people")]
    assert _figures("1万5000人") == [("1万5000人", 15_000, "people")]
    assert _figures("两万三千人") == [("两万三千人", 23_000, "people")]
    assert _figures("料金を平均3%引き上げ") == [("3%", 3, "percent")]
    # Not amounts: a time, a rank, Han numerals inside words, "a" (一个).
    assert _figures("午後3時に5位") == []
    assert _figures("统一的一般规定，一个工人") == []


def _pair(left, right):
    return compare(article_from_text(left), article_from_text(right))


def test_a_changed_year_is_a_date_discrepancy():
    base = "滨海大桥明年通车\n\n滨海市政府宣布，跨海大桥将于明年四月正式通车，取代{}建成的旧桥。当地商户普遍期待游客增加。"
    c = _pair(base.format("1985年"), base.format("1986年"))
    assert [(d.kind, d.left_text, d.right_text) for d in c.discrepancies] == [(DiscrepancyKind.DATE, "1985年", "1986年")]


def test_a_changed_full_width_amount_is_a_figure_discrepancy():
    base = "港町に新しい橋\n\n北浜市は、港をまたぐ新しい橋の総事業費が約{}になると発表した。地元では期待が高まっている。"
    c = _pair(base.format("１２０億円"), base.format("１３５億円"))
    assert [(d.kind, d.left_text, d.right_text) for d in c.discrepancies] == [
        (DiscrepancyKind.FIGURE, "１２０億円", "１３５億円")]


def test_japanese_names_are_never_guessed():
    art = article_from_text("新作ゲームが登場\n\n新作はApp Storeおよび Google Playにて販売される。価格は1200円で、"
                            "開発したのは東京の小さな会社だ。")
    ext = extract(art)
    assert art.language == "ja" and not ext.names_available
    assert not [e for e in ext.entities if e.type not in (EntityType.DATE, EntityType.FIGURE)]
    assert [(e.name, e.value) for e in ext.entities] == [("1200円", "1200 JPY")]


def test_report_shows_the_language_and_what_is_not_read():
    base = "港町に新しい橋\n\n北浜市は、港をまたぐ新しい橋の総事業費が約{}になると発表した。地元では期待が高まっている。"
    c = _pair(base.format("120億円"), base.format("135億円"))
    report = build_report(c, today=dt.date(2026, 1, 1))
    assert report.left.language == "Japanese (ja)"
    assert report.language_notes == (
        "Names and quotes are not available for Japanese: only dates and figures are listed.",)
    html = report_html(report)
    assert "Japanese (ja)" in html
    assert html.count("Names and quotes are not available for Japanese") == 2  # entities and quotes sections
    english = _pair("Quay widened\n\nThe council said the quay will be widened by 40 metres.",
                    "Quay widened\n\nThe council said the quay will be widened by 45 metres.")
    assert build_report(english).language_notes == ()
