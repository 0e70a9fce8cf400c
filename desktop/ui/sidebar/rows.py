"""What each row of the entity tree shows, computed once per comparison (no Qt)."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from enum import IntEnum

from desktop.core.article import Span
from desktop.core.compare.model import Comparison
from desktop.core.entities.model import Entity, EntityMatch, EntityType, Extraction, MatchStatus

from desktop.ui.sidebar.quote_pairs import QuotePair, UNATTRIBUTED


class Group(IntEnum):
    """The tree's top level, in the order shown."""

    PEOPLE = 0
    ORGANISATIONS = 1
    PLACES = 2
    DATES = 3
    FIGURES = 4
    QUOTES = 5

    @property
    def label(self) -> str:
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    Group.PEOPLE: "People",
    Group.ORGANISATIONS: "Organisations",
    Group.PLACES: "Places",
    Group.DATES: "Dates",
    Group.FIGURES: "Figures",
    Group.QUOTES: "Quotes",
}

GROUP_OF_TYPE = {
    EntityType.PERSON: Group.PEOPLE,
    EntityType.ORGANIZATION: Group.ORGANISATIONS,
    EntityType.PLACE: Group.PLACES,
    EntityType.DATE: Group.DATES,
    EntityType.FIGURE: Group.FIGURES,
}

STATUS_LABELS = {
    MatchStatus.BOTH: "In both",
    MatchStatus.LEFT: "Only left",
    MatchStatus.RIGHT: "Only right",
    MatchStatus.VARIANT: "Spelled differently",
    MatchStatus.CONFLICT: "In conflict",
}

# Sorting by the status column puts what needs a reader's eye first.
STATUS_ORDER = {
    MatchStatus.CONFLICT: 0,
    MatchStatus.VARIANT: 1,
    MatchStatus.LEFT: 2,
    MatchStatus.RIGHT: 3,
    MatchStatus.BOTH: 4,
}

# A normalised figure: a plain number, then its unit after a space ("4200000 USD").
_NUMBER = re.compile(r"^\s*(-?\d+(?:\.\d+)?)(?:\s+(.*))?$")
_QUOTE_LABEL_CHARS = 48


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity (or quote) row: display strings, raw sort values and the spans it selects."""

    group: Group
    label: str
    status: MatchStatus | None  # None: nothing to flag (a plain entity of a single article)
    status_text: str
    left_count: int
    right_count: int
    left_spans: tuple[Span, ...]
    right_spans: tuple[Span, ...]
    sort_name: str | float
    filter_text: str  # casefolded words the filter box matches against
    tooltip: str  # rich text, every piece of article text escaped
    match: EntityMatch | None = None
    entity: Entity | None = None  # single-article rows
    quote: QuotePair | None = None

    @property
    def differs(self) -> bool:
        return self.status is not None and self.status != MatchStatus.BOTH


def format_value(value: str) -> str:
    """'5100000000 USD' → '5,100,000,000 USD'; anything else as it is."""
    m = _NUMBER.match(value)
    if not m:
        return value
    number, rest = m.group(1), m.group(2) or ""
    whole, _, frac = number.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}"
    return (sign + grouped + (f".{frac}" if frac else "") + (f" {rest}" if rest else "")).strip()


def _numeric(value: str) -> float:
    m = _NUMBER.match(value)
    return float(m.group(1)) if m else math.inf


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def person_role(entity: Entity) -> str:
    """ "Foreign Minister (New Zealand)": the role, and whom the person speaks for where the role
    does not already say it ("NAACP President")."""
    aff = entity.affiliation
    if not entity.role:
        return aff
    if not aff or aff.casefold() in entity.role.casefold():
        return entity.role
    return f"{entity.role} ({aff})"


def entity_label(entity: Entity, *, with_variants: bool = False) -> str:
    """Name (and its other spellings) with the role, or with the normalised value where that adds to it."""
    name = entity.name
    if with_variants and entity.variants:
        name = " / ".join((entity.name, *entity.variants))
    if entity.type == EntityType.PERSON and (entity.role or entity.affiliation):
        return f"{name} — {person_role(entity)}"
    if entity.type == EntityType.DATE and entity.value and _squash(entity.value) != _squash(entity.name):
        # A name that carries its year ("March 5, 2025") already says what the ISO form says;
        # "Tuesday" or "yesterday" needs the date it was read as.
        if not re.search(r"\b\d{4}\b", entity.name):
            return f"{name}  ({entity.value})"
    if entity.type == EntityType.FIGURE and entity.value:
        extra = _figure_extra(entity)
        return f"{name}  ({extra})" if extra else name
    return name


def _figure_extra(entity: Entity) -> str:
    """The number (and unit) read from a figure, when the name does not already show it."""
    m = _NUMBER.match(entity.value)
    if not m:
        return ""
    number, unit = m.group(1), m.group(2) or ""
    digits_in_name = re.sub(r"[^\d.]", "", entity.name.replace(",", ""))
    if number.rstrip("0").rstrip(".") in digits_in_name or number in digits_in_name:
        return ""
    shown = format_value(number)
    if unit and unit.casefold() not in entity.name.casefold():
        shown += f" {unit}"
    return shown


def _value_label(entity: Entity) -> str:
    if entity.type == EntityType.FIGURE and entity.value:
        return format_value(entity.value)
    return entity.value or entity.name


def match_label(match: EntityMatch) -> str:
    left, right = match.left, match.right
    if left is None or right is None:
        return entity_label(left or right) if (left or right) else match.name
    if match.status == MatchStatus.VARIANT and left.name != right.name:
        return f"{left.name} ↔ {right.name}"
    if match.status == MatchStatus.CONFLICT:
        lv, rv = _value_label(left), _value_label(right)
        if lv != rv:
            subject = left.unit if left.type == EntityType.FIGURE and left.unit and left.unit not in lv else ""
            return f"{lv} ≠ {rv}" + (f"  ({subject})" if subject else "")
    return entity_label(left)


def _sort_name(entity: Entity | None, fallback: str) -> str | float:
    if entity is None:
        return fallback.casefold()
    if entity.type == EntityType.FIGURE:
        return _numeric(entity.value)
    if entity.type == EntityType.DATE:
        # ISO dates sort as text; a date the engine could not normalise goes last.
        return entity.value or "~" + entity.name.casefold()
    return entity.name.casefold()


def _spans(entity: Entity | None) -> tuple[Span, ...]:
    return tuple(Span(m.start, m.end) for m in entity.mentions) if entity else ()


def _filter_words(*entities: Entity | None, extra: str = "") -> str:
    parts = [extra]
    for e in entities:
        if e is None:
            continue
        parts += [e.name, e.role, e.affiliation, e.value, e.unit, e.detail, *e.variants, *(m.text for m in e.mentions)]
    return " ".join(p for p in parts if p).casefold()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _entity_lines(side: str, entity: Entity) -> list[str]:
    esc = html.escape
    spelled = sorted({m.text for m in entity.mentions} - {entity.name})
    line = f"<b>{esc(side)}</b>: {esc(_plural(len(entity.mentions), 'mention'))}"
    if entity.name:
        line += f" as “{esc(entity.name)}”"
    lines = [line]
    if entity.role:
        lines.append(f"&nbsp;&nbsp;role: {esc(entity.role)}")
    if entity.affiliation:
        lines.append(f"&nbsp;&nbsp;speaks for: {esc(entity.affiliation)}")
    if entity.value:
        lines.append(f"&nbsp;&nbsp;value: {esc(_value_label(entity))}")
    if entity.detail:
        lines.append(f"&nbsp;&nbsp;{esc(entity.detail)}")
    if entity.variants:
        lines.append(f"&nbsp;&nbsp;also spelled: {esc(', '.join(entity.variants))}")
    elif spelled:
        lines.append(f"&nbsp;&nbsp;written: {esc(', '.join(spelled[:4]))}")
    return lines


def match_tooltip(match: EntityMatch, status_text: str, label: str = "") -> str:
    # The row's whole label first: a narrow sidebar elides it ("400 Tomahawk crui…").
    lines = [f"<b>{html.escape(label or match.name)}</b> · {html.escape(str(match.type))}", f"<i>{html.escape(status_text)}</i>"]
    if match.left is not None:
        lines += _entity_lines("Left", match.left)
    if match.right is not None:
        lines += _entity_lines("Right", match.right)
    return "<br>".join(lines)


def entity_tooltip(entity: Entity, status_text: str) -> str:
    lines = [f"<b>{html.escape(entity.name)}</b> · {html.escape(str(entity.type))}"]
    if status_text:
        lines.append(f"<i>{html.escape(status_text)}</i>")
    return "<br>".join(lines + _entity_lines("Here", entity))


def match_row(match: EntityMatch) -> EntityRow:
    status_text = STATUS_LABELS[match.status]
    label = match_label(match)
    return EntityRow(
        group=GROUP_OF_TYPE[match.type],
        label=label,
        status=match.status,
        status_text=status_text,
        left_count=match.left_count,
        right_count=match.right_count,
        left_spans=_spans(match.left),
        right_spans=_spans(match.right),
        sort_name=_sort_name(match.left or match.right, match.name),
        filter_text=_filter_words(match.left, match.right, extra=match.name),
        tooltip=match_tooltip(match, status_text, label),
        match=match,
    )


def single_entity_row(entity: Entity) -> EntityRow:
    status = MatchStatus.VARIANT if entity.variants else None
    status_text = STATUS_LABELS[MatchStatus.VARIANT] if status else ""
    label = entity_label(entity, with_variants=True)
    return EntityRow(
        group=GROUP_OF_TYPE[entity.type],
        label=label,
        status=status,
        status_text=status_text,
        left_count=len(entity.mentions),
        right_count=0,
        left_spans=_spans(entity),
        right_spans=(),
        sort_name=_sort_name(entity, entity.name),
        filter_text=_filter_words(entity),
        tooltip=entity_tooltip(entity, status_text),
        entity=entity,
    )


def _short(text: str, limit: int = _QUOTE_LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quote_status_text(pair: QuotePair, single: bool) -> str:
    if single:
        return ""
    if pair.status == MatchStatus.CONFLICT:
        return pair.note.capitalize()
    if pair.note:  # "In both, quoted in part"
        return f"{STATUS_LABELS[pair.status]}, {pair.note}"
    return STATUS_LABELS[pair.status]


def quote_row(pair: QuotePair, single: bool = False) -> EntityRow:
    status_text = quote_status_text(pair, single)
    first = pair.left or pair.right
    who = ""
    if pair.speaker != UNATTRIBUTED:
        # Surnames keep person labels short, as news copy does on second reference.
        is_person = first is not None and first.speaker_type == "person"
        who = (pair.speaker.split()[-1] if is_person else pair.speaker) + ": "
    esc = html.escape
    lines = [f"<b>{esc(pair.speaker)}</b>"]
    if status_text:
        lines.append(f"<i>{esc(status_text)}</i>")
    for side, q in (("Left" if not single else "Here", pair.left), ("Right", pair.right)):
        if q is not None:
            lines.append(f"<b>{side}</b>: “{esc(q.text)}”")
    return EntityRow(
        group=Group.QUOTES,
        label=f"{who}“{_short(pair.text)}”",
        status=None if single else pair.status,
        status_text=status_text,
        left_count=1 if pair.left else 0,
        right_count=1 if pair.right else 0,
        left_spans=(Span(pair.left.start, pair.left.end),) if pair.left else (),
        right_spans=(Span(pair.right.start, pair.right.end),) if pair.right else (),
        sort_name=pair.text.casefold(),
        filter_text=" ".join(
            x for x in (pair.speaker, pair.left.text if pair.left else "", pair.right.text if pair.right else "") if x
        ).casefold(),
        tooltip="<br>".join(lines),
        quote=pair,
    )


def comparison_rows(c: Comparison, quote_pairs: tuple[QuotePair, ...]) -> dict[Group, list[EntityRow]]:
    groups: dict[Group, list[EntityRow]] = {g: [] for g in Group}
    for m in c.entities:
        groups[GROUP_OF_TYPE[m.type]].append(match_row(m))
    groups[Group.QUOTES] = [quote_row(p) for p in quote_pairs]
    return groups


def single_rows(extraction: Extraction, quote_pairs: tuple[QuotePair, ...]) -> dict[Group, list[EntityRow]]:
    groups: dict[Group, list[EntityRow]] = {g: [] for g in Group}
    for e in extraction.entities:
        groups[GROUP_OF_TYPE[e.type]].append(single_entity_row(e))
    groups[Group.QUOTES] = [quote_row(p, single=True) for p in quote_pairs]
    return groups
