"""Dates and figures in Chinese and Japanese: 2023年2月27日, 令和5年, １２０億円, 三十亿元, 百分之十二.

Digits may be full-width (int() reads any Unicode decimal digit); 万, 億/亿 and 兆 multiply the
number before them, and numbers written in Han numerals are read where a multiplier or a unit
says they are an amount (三十亿元), never alone (一 starts many words: 一般, 统一).
The hits are the same DateHit and FigureHit the English readers make, so grouping and matching
(1985年 against 1986年 is a date discrepancy) work unchanged.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.entities.dates import DateHit, Reference
from desktop.core.entities.figures import FigureHit

_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}  # era year 1 (元年) is this plus one
_YEAR = r"(?:(?P<era>令和|平成|昭和)(?P<ey>\d{1,2}|元)|(?P<y>\d{4}))年"
_DATE_RE = re.compile(
    rf"{_YEAR}(?:(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})[日号])?)?(?!\d)"
    r"|(?<![\d年])(?P<m2>\d{1,2})月(?P<d2>\d{1,2})[日号]"
    r"|(?<![\d月])(?P<d3>\d{1,2})日(?![間间])"
)

# Han numerals: digits and the multipliers inside a number.
_HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_HAN_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "萬": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
# Units after a number: canonical name (shared with the English figures where one exists).
_UNITS = {
    "元": "CNY", "人民币": "CNY", "円": "JPY", "日元": "JPY", "美元": "USD", "ドル": "USD", "欧元": "EUR",
    "ユーロ": "EUR", "ポンド": "GBP", "英镑": "GBP", "%": "percent", "％": "percent", "パーセント": "percent",
    "人": "people", "名": "people", "キロ": "km", "公里": "km", "キロメートル": "km", "メートル": "m",
    "トン": "tonnes", "吨": "tonnes", "倍": "times", "件": "件", "台": "台", "个": "个", "個": "個", "棟": "棟",
    "戸": "戸", "户": "户", "所": "所", "校": "校", "社": "社", "家": "家", "回": "回", "次": "次", "歳": "years old",
    "岁": "years old", "年間": "years", "年间": "years", "か月": "months", "ヵ月": "months", "个月": "months",
    "日間": "days", "天": "days", "時間": "hours", "小时": "hours", "分钟": "minutes", "分間": "minutes",
}
_UNIT_ALT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_HAN_NUM = "〇零一二两兩三四五六七八九十百千万萬億亿兆"
_NUMBER = rf"(?:\d+(?:[.,，]\d+)*|[{_HAN_NUM}]+)"
_FIGURE_RE = re.compile(
    rf"(?P<pct>百分之)?(?P<num>{_NUMBER}(?:[万萬億亿兆]{_NUMBER}?)*)(?P<approx>余|多|超)?(?P<unit>{_UNIT_ALT})?"
)
# What a number right before these is not: a time, a date part, an ordinal, a rank.
_NOT_AMOUNT = re.compile(r"[時时点點分秒月日号號年期位番]|[ヶカか]国")


def find_cjk_dates(text: str, start: int, end: int, ref: Reference | None) -> list[DateHit]:
    hits = []
    for m in _DATE_RE.finditer(text, start, end):
        hit = _date(m, ref)
        if hit is not None:
            hits.append(hit)
    return hits


def _date(m: re.Match, ref: Reference | None) -> DateHit | None:
    g = m.groupdict()
    if g["d3"] is not None:  # "28日": the day of the publication month
        if ref is None:
            return None
        day = _valid(ref.day.year, ref.day.month, int(g["d3"]))
        return None if day is None else DateHit(m.start(), m.end(), m.group(), day.isoformat(), "day",
                                                f"{m.group()} → {day.isoformat()}, in the month of {ref.origin}")
    if g["m2"] is not None:  # "2月27日": the year of the publication date
        if ref is None:
            return DateHit(m.start(), m.end(), m.group(), "", "day")
        day = _valid(ref.day.year, int(g["m2"]), int(g["d2"]))
        return None if day is None else DateHit(m.start(), m.end(), m.group(), day.isoformat(), "day",
                                                f"{m.group()} → {day.isoformat()}, in the year of {ref.origin}")
    if g["era"]:
        year = _ERAS[g["era"]] + (1 if g["ey"] == "元" else int(g["ey"]))
    else:
        year = int(g["y"])
    if not 1000 <= year <= 2999:
        return None
    if g["m"] is None:
        return DateHit(m.start(), m.end(), m.group(), str(year), "year")
    month = int(g["m"])
    if not 1 <= month <= 12:
        return None
    if g["d"] is None:
        return DateHit(m.start(), m.end(), m.group(), f"{year}-{month:02d}", "month")
    day = _valid(year, month, int(g["d"]))
    return None if day is None else DateHit(m.start(), m.end(), m.group(), day.isoformat(), "day")


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_cjk_figures(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[FigureHit]:
    hits = []
    for m in _FIGURE_RE.finditer(text, start, end):
        a, b = m.span()
        if any(a < te and ts < b for ts, te in taken):
            continue
        num, unit, pct = m.group("num"), m.group("unit"), m.group("pct")
        han = not any(ch.isdigit() for ch in num)
        if han and not (unit or pct or any(ch in _BIG for ch in num)):
            continue  # a Han numeral alone is as often part of a word
        if han and len(num) == 1 and num in _BIG:
            continue  # 万 alone: "万一", not an amount
        if not unit and not pct and _NOT_AMOUNT.match(text, b):
            continue  # 3時, 5位, 2番: a time, a rank, a number
        value = _value(num)
        if value is None or han and value < 2 and not pct:
            continue  # 一个, 一人: "a", as often as "one"
        canonical = "percent" if pct else _UNITS.get(unit or "", "")
        hits.append(FigureHit(a, b, m.group(), value, canonical, canonical.lower() or "number"))
    return hits


def _value(num: str) -> float | None:
    """12, １２０, 3.5万, 1万5000, 三十亿, 百分之十二's 十二."""
    total = 0.0
    for part, big in _by_multiplier(num):
        value = _plain(part) if part else 1.0
        if value is None:
            return None
        total += value * big
    return total


def _by_multiplier(num: str) -> list[tuple[str, int]]:
    """ "1万5000" → [("1", 10000), ("5000", 1)]; the largest multipliers first, as written."""
    out, cur = [], ""
    for ch in num:
        if ch in _BIG:
            out.append((cur, _BIG[ch]))
            cur = ""
        else:
            cur += ch
    if cur:
        out.append((cur, 1))
    return out


def _plain(part: str) -> float | None:
    if any(ch.isdigit() for ch in part):
        digits = part.replace(",", "").replace("，", "")
        try:
            return float("".join(str(int(ch)) if ch.isdigit() else ch for ch in digits))
        except ValueError:
            return None
    # Han numerals below 10,000: 三千二百五十, 十二, 二〇二三 (digit by digit).
    if all(ch in _HAN_DIGITS for ch in part):
        return float("".join(str(_HAN_DIGITS[ch]) for ch in part))
    total, digit = 0, None
    for ch in part:
        if ch in _HAN_DIGITS:
            digit = _HAN_DIGITS[ch]
        elif ch in _HAN_SMALL:
            total += (1 if digit is None else digit) * _HAN_SMALL[ch]
            digit = None
        else:
            return None
    return float(total + (digit or 0))
