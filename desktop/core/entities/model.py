"""Values for entities, quotes and the discrepancies between two articles."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.article import Span


class EntityType(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    DATE = "date"
    FIGURE = "figure"


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an entity is named in the article's text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation, place, date or figure named in one article."""

    type: EntityType
    name: str  # canonical: the fullest form found
    mentions: tuple[Mention, ...]
    value: str = ""  # normalised: ISO date ("2023-02-27"), or number and unit ("5100000000 USD")
    role: str = ""  # title or role that came with a person ("Foreign Minister")
    variants: tuple[str, ...] = ()  # other spellings of the same name inside this article
    detail: str = ""  # how the value was read ("Monday → 2023-02-27, from the publication date")
    unit: str = ""  # for figures: what is counted or measured ("miles", "USD", "Tomahawk cruise missiles")
    precision: str = ""  # for dates: day, month, year
    affiliation: str = ""  # for people: the body, party or person they speak for ("NAACP", "Republican Party")


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks and who said them, as far as the text tells."""

    text: str  # the words inside the quotation marks
    start: int
    end: int
    speaker: str = ""  # canonical name of the speaker's entity, or "" when not attributed
    speaker_type: str = ""  # "person" or "organization" when resolved
    speaker_for: str = ""  # whom the speaker speaks for, where the text says ("Obama campaign")


UNATTRIBUTED = "Unattributed"  # what a quote pair with no speaker on either side is listed under


@dataclass(frozen=True, slots=True)
class QuotePair:
    """One quote as the two articles have it; `left` or `right` is None when only one side has it."""

    speaker: str  # the speaker it is listed under (the left's spelling when both name one)
    left: Quote | None
    right: Quote | None
    status: MatchStatus  # BOTH, LEFT, RIGHT, or CONFLICT (worded or attributed differently)
    note: str = ""  # "worded differently", "attributed differently", "quoted in part", ...
    # (op, left words, right words) with op one of equal / changed / inserted / deleted; () when SAME
    words: tuple[tuple[str, str, str], ...] = ()
    wording: str = ""  # "same", "in part" or "altered" when both sides have it
    reattributed: bool = False  # both name a speaker, and not the same one

    @property
    def text(self) -> str:
        return (self.left or self.right).text  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    language: str | None = None  # the article's, as extraction read it
    # False where people, places, organisations and quotes are not read in that language
    # (desktop/core/language.py): then only dates and figures are listed, and the reader is told.
    names_available: bool = True


class MatchStatus(StrEnum):
    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"
    VARIANT = "variant"  # the same entity spelled differently
    CONFLICT = "conflict"  # same thing, values disagree (a figure or a date)


@dataclass(frozen=True, slots=True)
class EntityMatch:
    """One entity as the two articles have it; `left` or `right` is None when only one side names it."""

    type: EntityType
    name: str
    status: MatchStatus
    left: Entity | None
    right: Entity | None

    @property
    def left_count(self) -> int:
        return len(self.left.mentions) if self.left else 0

    @property
    def right_count(self) -> int:
        return len(self.right.mentions) if self.right else 0


class DiscrepancyKind(StrEnum):
    FIGURE = "figure"
    DATE = "date"
    NAME = "name"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A fact the two articles state differently: a figure, a date, a name or a quote."""

    kind: DiscrepancyKind
    left_text: str
    right_text: str
    left: Span
    right: Span
    subject: str = ""  # what it is about: "Tomahawk cruise missiles", "Yoshimasa Hayashi"
    left_context: str = ""  # the sentence around it
    right_context: str = ""
    # For quotes: the word-level difference as (op, left_words, right_words) triples.
    word_diff: tuple[tuple[str, str, str], ...] = ()


def entity_json(entity: Entity) -> dict:
    out = {
        "type": str(entity.type),
        "name": entity.name,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions],
        "variants": list(entity.variants),
    }
    for key in ("value", "role", "affiliation", "unit", "precision", "detail"):
        if getattr(entity, key):
            out[key] = getattr(entity, key)
    return out


def quote_json(quote: Quote) -> dict:
    return {"text": quote.text, "speaker": quote.speaker or None, "speaker_for": quote.speaker_for or None,
            "start": quote.start, "end": quote.end}


def match_json(match: EntityMatch) -> dict:
    return {
        "type": str(match.type),
        "name": match.name,
        "left_count": match.left_count,
        "right_count": match.right_count,
        "status": str(match.status),
        "left_name": match.left.name if match.left else None,
        "right_name": match.right.name if match.right else None,
    }


def discrepancy_json(d: Discrepancy) -> dict:
    return {
        "kind": str(d.kind),
        "subject": d.subject,
        "left": {"text": d.left_text, "start": d.left.start, "end": d.left.end, "context": d.left_context},
        "right": {"text": d.right_text, "start": d.right.start, "end": d.right.end, "context": d.right_context},
        "word_diff": [list(t) for t in d.word_diff],
    }


def quote_pair_json(p: QuotePair) -> dict:
    def side(q: Quote | None) -> dict | None:
        return None if q is None else {"text": q.text, "speaker": q.speaker or None, "start": q.start, "end": q.end}

    status = p.wording or ("only left" if p.right is None else "only right")
    return {"speaker": None if p.speaker == UNATTRIBUTED else p.speaker, "status": status,
            "attributed_differently": p.reattributed, "left": side(p.left), "right": side(p.right),
            "word_diff": [list(t) for t in p.words]}
