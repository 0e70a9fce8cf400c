"""Decide what each paragraph of a scraped article is: title, body, caption, boilerplate...

Nothing is deleted: every paragraph gets a kind, and boilerplate gets a reason a reader
understands. The rules look at the shape of the text (capitals, length, position, a credit
at the end, a run of "3 hours ago" lines), never at one outlet's wording, so they hold for
any site's scrapes.

Saved web pages (`format == "html"`) come through trafilatura, which has already picked the
main text and marked headings, quotes and captions; for them only obvious boilerplate is
set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core import regexes
from desktop.core.ingest import boilerplate
from desktop.core.article import BlockKind, Document, Paragraph
from desktop.core.ingest.published import FULL_DATE_RE
from desktop.core.ingest.text import single_spaced
from desktop.core.scripts import CJK_CLOSERS, CJK_TERMINALS, OTHER_TERMINALS, SPACELESS, has_spaceless

_CATEGORY_RE = regexes.compile(r"^(?:categories|category|section|sections|filed under|topics?|tags?)\s*:\s*(\S.{0,80})$", re.I)
_VIDEO_LABEL_RE = regexes.compile(
    r"^(?:close\s+)?(?:video|watch|watch video|play|play video|now playing|video player|up next|"
    r"watch now|listen|listen to this article|audio|replay|\d{1,2}:\d{2}(?::\d{2})?)(?:\s+\d{1,2}:\d{2})?$",
    re.I,
)
_SHARE_WORDS = frozenset(
    """share shares sharing this article story page post on via facebook twitter x linkedin whatsapp
    telegram reddit pinterest email e-mail mail print copy link url tweet pin save bookmark gift
    comment comments flipboard messenger sms options""".split()
)
_SHARE_ACTIONS = frozenset(
    """share facebook twitter linkedin whatsapp telegram reddit pinterest email e-mail print tweet pin
    bookmark save comments flipboard copy""".split()
)
_AD_RE = regexes.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?: content)?|paid content|promoted|"
    r"story continues below(?: advertisement)?|article continues below(?: advertisement)?|"
    r"continue reading below|scroll to continue(?: with content)?)$",
    re.I,
)
# Plugs for the outlet's app, newsletter, podcast or social accounts.
_PLUG_RE = regexes.compile(
    r"^(?:click here|tap here|download|get|sign up|signup|subscribe|follow|join|like us|listen to|"
    r"read more|for more|don't miss|register)\b.*\b(?:app|apps|newsletters?|podcasts?|alerts?|"
    r"facebook|twitter|instagram|youtube|tiktok|telegram|whatsapp|subscribe|subscription|inbox|"
    r"daily briefing|updates)\b",
    re.I,
)
# A link to another story set into the text: "READ MORE: ...", "Related: ...".
_LINK_PREFIX_RE = regexes.compile(
    r"^[\[(]?(?:read more|read also|also read|related|related (?:story|stories|article|articles|post|posts|content)|"
    r"see also|more|watch|"
    r"listen|recommended|opinion|analysis|explainer|latest|breaking)\s*[:|>\u00bb\u2014-]\s*\S",
    re.I,
)
_COPYRIGHT_RE = regexes.compile(r"(?:^(?:\u00a9|\(c\)|copyright)\s|\ball rights reserved\b)", re.I)
_READING_TIME_RE = regexes.compile(
    r"^(?:\d+\s*(?:-|\u2013)?\s*(?:min|mins|minute|minutes)(?:\s+read|\s+listen)?|reading time\b.*|"
    r"listen to (?:this )?(?:article|story).*|audio available)$",
    re.I,
)
_COOKIE_RE = regexes.compile(r"\b(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies)\b", re.I)
_RELATIVE_TIME_RE = regexes.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:(?:about|over|almost|nearly)\s+)?"
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)"
    r"\s+ago$|^(?:just now|yesterday|today)$",
    re.I,
)
# A heading over links to other stories, wherever it stands.
_LINKS_HEADING_RE = regexes.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy)|related(?: (?:posts?|stories|articles?|content|links|coverage))?|"
    r"recent posts|more (?:stories|news|from [\w .'&-]{1,30})|read (?:more|next)|also read|further reading|see also|"
    r"recommended(?: for you| reading| stories)?|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|"
    r"don'?t miss|editor'?s picks?|what to read next)\s*(?::|\.\.\.|\u2026)?$",
    re.I,
)
_NEWSLETTER_HEADING_RE = regexes.compile(r"^(?:[\w'\u2019&-]+\s+){0,3}newsletters?$", re.I)
# Starts only where a run of address characters starts, and every run is possessive: the
# unanchored `[\w.+-]+@` rescanned a long word from each of its letters (40 KB took 13.6 s).
_EMAIL_RE = regexes.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
_SOURCE_LINE_RE = regexes.compile(r"^sources?\s*:\s*\S", re.I)
_RELEASE_LABEL_RE = regexes.compile(r"^(?:for immediate release|embargoed until\b.*|news release|press release|-?\s*30\s*-|#{3}|end)$", re.I)
_CONTACT_RE = regexes.compile(r"^(?:media|press|news)\s+(?:contacts?|enquiries|inquiries|office)\s*:", re.I)
_LIST_LABEL_RE = regexes.compile(
    r"^(?:(?:recent|related|latest|more|most|top|other|similar|popular|trending|recommended|suggested|"
    r"featured)(?:\s+(?:[\w'\u2019&-]+\s+){0,3}?(?:posts?|stories|articles?|news|headlines|reads?|videos|links|"
    r"content|coverage|picks|viewed|shared|popular|now)|\s+(?:from|on|in)(?:\s+[\w'\u2019&-]+){1,3})?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:more|next)|also read|don'?t miss|further reading|"
    r"see also|editor'?s picks?|up next|what to read next|in other news|around the web)\s*:?$",
    re.I,
)
# A photo credit closing a caption: "(Agency Photo/Name)", "(Photo: Name)", "(Getty Images)",
# "(Name/Agency)", or "Photo: Name" / "Credit: Name" without brackets.
# "(Name/Agency)" only with capitals both sides of the slash and no digits: "(nlohmann/json)",
# "(max. 40 MB/s)" and "(Köhler/Bornkamm, § 8 Rdn. 2)" close ordinary sentences.
_CREDIT_RE = regexes.compile(
    r"(?:\((?=[^()]*\b(?:photo|photos|photograph|picture|pictures|image|images|credit|illustration|"
    r"file|handout|courtesy)\b)[A-Z][^()]{1,80}\)"
    r"|\((?=[^()\d]*(?-i:[A-Z][\w'\u2019-]*/[A-Z]))[A-Z][^()\d]{1,80}\)"
    r"|\b(?:photo|photograph|picture|image|credit|illustration)s?\s*(?:by|:)\s*[A-Z][^.()]{1,60})"
    r"[.\s]*$",
    re.I,
)
# What a credit not in brackets must name, for a quick test before the search (most paragraphs
# name none of these and end in no bracket).
_CREDIT_WORDS = ("photo", "picture", "image", "credit", "illustration")
# The only characters outside ASCII that match an ASCII letter under re.IGNORECASE (found by
# trying every code point): lowered this way first, `in` finds what such a pattern would.
_ASCII_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ASCII_CASE_RE = regexes.compile("[\u0130\u0131\u017f\u212a]")
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = _ASCII_UPPER.lower()


def _lowered(text: str) -> str:
    """`text` in lower case, with the letters re.IGNORECASE takes for ASCII ones made ASCII
    (translated only where there are some: str.translate goes a character at a time)."""
    if not text.isascii() and _ASCII_CASE_RE.search(text):
        text = text.translate(_ASCII_CASE)
    return text.lower()


def _credit_search(text: str) -> re.Match | None:
    """_CREDIT_RE.search(text), skipped where it cannot match: the pattern ends in a closing
    bracket, or names a credit word, before nothing but dots and spaces. A credit word's match
    holds no dot or bracket from the word to the end (its words, "by" or ":", spaces, and up to 60
    characters but those): the word is looked for after the last of them only (the paragraph's
    last sentence, not the whole paragraph lowered)."""
    end = len(text)
    while end and (text[end - 1] == "." or text[end - 1].isspace()):
        end -= 1
    if not text.endswith(")", 0, end):
        start = max(text.rfind(".", 0, end), text.rfind("(", 0, end), text.rfind(")", 0, end)) + 1
        low = _lowered(text[start:end])
        if not any(word in low for word in _CREDIT_WORDS):
            return None
    return _CREDIT_RE.search(text)


_CAPTION_START_RE = regexes.compile(
    r"^(?:FILE(?: PHOTO)?\s*[-\u2013\u2014:]|Photo:|Pictured:|Above:|Top:|Image:|Caption:|"
    r"(?:Image|Media|Video|Photo) caption\s*[,:])"
)
# A credit standing alone: "Image source, Name", "Photo: Name/Agency", "(Agency Photo/Name)".
_CREDIT_LINE_RE = regexes.compile(
    r"^(?:(?:image|photo|picture|video) (?:source|credit)\s*[,:]\s*\S.{0,60}"
    r"|(?:photo|photograph|picture|image)s?\s*(?:by|:)\s*[A-Z].{0,60})$",
    re.I,
)
_BYLINE_RE = regexes.compile(
    r"^\(?(?:by|written by|posted by|story by|words by|reporting by|additional reporting by|author:)\s+(?:[A-Z\u00c0-\u024f][\w.'\u2019-]*)",
    re.I,
)
# No leading `\s*` (the caller strips): tried at every space of a run, it made the cut quadratic.
# Bylines in other languages: "Von", "Par", "Por", "Di" and their "Author:" labels, before a name
# with a capital (so "Par ailleurs" or "Por eso" starts no byline); Chinese and Japanese labels
# ("作者：", "本报记者", "文／") before the name, with or without a colon.
_BYLINE_OTHER_RE = regexes.compile(
    r"^\(?(?:(?:von|par|por|di|texte?|autor(?:in)?|auteur|autore|auteurs)\s*:?\s+(?-i:[A-Z\u00c0-\u00de])"
    rf"|(?:本报|本社)?(?:(?:作者|记者|記者|撰文|撰稿|责任编辑)\s*[:\uff1a/\uff0f|]?|(?:文|编辑|編集)\s*[:\uff1a/\uff0f|])\s*[{SPACELESS}])",
    re.I,
)
_BYLINE_LABEL_RE = regexes.compile(
    r"^\(?(?:by|written by|posted by|story by|words by|reporting by|additional reporting by|author:"
    r"|von|par|por|di|texte?\s*:|autor(?:in)?\s*:|auteur\s*:|autore\s*:)\s+"
    r"|^(?:本报|本社)?(?:(?:作者|记者|記者|撰文|撰稿|责任编辑)\s*[:\uff1a/\uff0f|]?|(?:文|编辑|編集)\s*[:\uff1a/\uff0f|])\s*",
    re.I,
)
_BYLINE_CUT_RE = regexes.compile(r"(?:[|,;\u2022\u00b7\u2014\u2013]|\s-\s|\bupdated\b|\bpublished\b).*$", re.I)
_DATE_WORDS = frozenset(
    """published updated posted last modified first on at am pm a.m. p.m. noon midnight
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun""".split()
)
LINKS_HEADING = "heading of links to other stories"
COMMENTS_HEADING = "heading of readers' comments"
_SPACELESS_SPLIT_RE = regexes.compile(f"([{SPACELESS}]+)")
_TERMINAL = ".!?\u2026" + CJK_TERMINALS + OTHER_TERMINALS
_CLOSERS = "\"'\u201d\u2019)]" + CJK_CLOSERS
# A line ending in one of these runs on (a label, a clause): full-width forms for Chinese and Japanese.
_RUNS_ON = (":", ",", ";", "\uff1a", "\uff0c", "\uff1b", "\u3001")


@dataclass(frozen=True, slots=True)
class Cleaning:
    """One (kind, reason) per paragraph, and what the paragraphs said about the article."""

    kinds: tuple[tuple[BlockKind, str], ...]
    title: str = ""
    category: str = ""
    author: str = ""


def classify(doc: Document, paragraphs: list[Paragraph]) -> list[tuple[BlockKind, str]]:
    """One (kind, reason) per paragraph; reason says why a block was set aside."""
    return list(clean(doc, paragraphs).kinds)


def clean(doc: Document, paragraphs: list[Paragraph]) -> Cleaning:
    """Kinds and reasons for the paragraphs, plus the title, category and author they give away."""
    texts = [single_spaced(p.text) for p in paragraphs]
    n = len(texts)
    kinds: list[BlockKind | None] = [None] * n
    reasons = [""] * n
    html = doc.format == "html"
    category = ""

    def mark(i: int, kind: BlockKind, reason: str = "") -> None:
        kinds[i] = kind
        reasons[i] = reason

    for i, p in enumerate(paragraphs):
        if p.hint in BlockKind.__members__.values():
            mark(i, BlockKind(p.hint))

    _mark_comments(texts, kinds, mark)
    for i in _tail_list(texts):
        mark(i, BlockKind.BOILERPLATE, "list of other posts")

    # Each paragraph's length in words, and whether it holds Chinese or Japanese, found once:
    # the rules below each ask for them.
    lengths: list[int | None] = [None] * n
    spaceless: list[bool | None] = [None] * n
    for i, text in enumerate(texts):
        if kinds[i] not in (None, BlockKind.HEADING, BlockKind.BODY):
            continue
        spaceless[i] = has_spaceless(text)
        lengths[i] = _spaced_count(text) if not spaceless[i] else len(_words(text))
        m = _CATEGORY_RE.match(text)
        if m:
            if i < 3:  # a category line heads the scrape; tags at the foot say less
                category = category or m.group(1).strip(" |")
            mark(i, BlockKind.BOILERPLATE, "category line" if i < 3 else "category or tag line")
            continue
        reason = _label_reason(text, lengths[i], spaceless[i])
        if reason == "promo headline in capitals" and html and kinds[i] == BlockKind.HEADING:
            continue  # the page marked it up as a heading: some sites set headings in capitals
        if reason:
            mark(i, BlockKind.BOILERPLATE, reason)

    _mark_link_lists(paragraphs, kinds, mark)

    if not html:
        _mark_video_blurbs(texts, kinds, mark)

    title_at = next((i for i in range(n) if kinds[i] == BlockKind.TITLE), None)
    if title_at is None:
        title_at = _find_title(doc, texts, kinds, html)
        if title_at is not None:
            mark(title_at, BlockKind.TITLE)

    for i, text in enumerate(texts):
        if not html and kinds[i] == BlockKind.HEADING and _is_dateline(text):
            mark(i, BlockKind.DATELINE)  # an emphasised "Place — date" line in Markdown or Word
        if kinds[i] is not None:
            continue
        count = lengths[i]
        if _is_byline(text, count):
            mark(i, BlockKind.BYLINE)
        elif _is_dateline(text, count):
            mark(i, BlockKind.DATELINE)
        elif _is_credit_line(text, count, spaceless[i]):
            mark(i, BlockKind.CAPTION, "photo credit")
        elif _is_caption(text, count):
            mark(i, BlockKind.CAPTION, "ends in a photo credit" if _credit_search(text) else "photo caption")
        elif not html and text.startswith(">"):
            mark(i, BlockKind.QUOTE)

    if not html:
        _mark_dek_and_headings(texts, kinds, mark, title_at, lengths)
    elif title_at is not None:
        _mark_web_headline_area(texts, kinds, mark, title_at)

    for i in range(n):
        if kinds[i] is None:
            mark(i, BlockKind.BODY)

    title = texts[title_at] if title_at is not None else ""
    author = next((_byline_name(texts[i]) for i in range(n) if kinds[i] == BlockKind.BYLINE), "")
    return Cleaning(
        kinds=tuple((k, r) for k, r in zip(kinds, reasons)),  # type: ignore[misc]
        title=title,
        category=category,
        author=author,
    )


def _spaced_count(text: str) -> int:
    """`len(text.split())` for single-spaced text, without making the words."""
    return text.count(" ") + 1 if text else 0


def _words(text: str) -> list[str]:
    """The words, for length rules; Chinese and Japanese, written without spaces, in pairs of
    characters (about a word each), so a headline or a paragraph has its length there too."""
    if not has_spaceless(text):
        return text.split()
    out = []
    for part in _SPACELESS_SPLIT_RE.split(text):
        if part and has_spaceless(part[0]):
            out += [part[k : k + 2] for k in range(0, len(part), 2)]
        else:
            out += part.split()
    return out


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _is_capitals(text: str) -> bool:
    if text.isascii():  # upper and lower case are A-Z and a-z there: counted in C, as bytes deleted
        data = text.encode("ascii")
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        lower = len(data) - len(data.translate(None, _ASCII_LOWER))
    else:
        upper = sum(map(str.isupper, text))
        lower = sum(map(str.islower, text))
    return upper + lower >= 12 and upper >= 0.9 * (upper + lower)


def _label_reason(text: str, count: int | None = None, spaceless: bool | None = None) -> str:
    """Why a paragraph, on its own, is boilerplate; "" if it is not obviously so (`count`: its
    number of `_words`, and `spaceless`: `has_spaceless`, when the caller has them)."""
    if count is None:
        count = len(_words(text))
    if not count:
        return ""
    if count <= 6 and _VIDEO_LABEL_RE.match(text):
        return "video label"
    if count <= 8:  # only a short line can be share buttons: no other paragraph's words are stripped
        bare = [w.strip(":|\u00b7\u2022,").lower() for w in _words(text)]
        if all(w in _SHARE_WORDS for w in bare) and any(w in _SHARE_ACTIONS for w in bare):
            return "share buttons"
    if count <= 6 and _AD_RE.match(text.rstrip(".:")):
        return "advertisement label"
    if count <= 25 and _PLUG_RE.match(text):
        return "app or newsletter plug"
    if count <= 3 and text.endswith(":") and _LIST_LABEL_RE.match(text) or (
        count <= 6 and _LINKS_HEADING_RE.match(text)
    ):
        return LINKS_HEADING
    if count <= 4 and _NEWSLETTER_HEADING_RE.match(text):
        return "app or newsletter plug"
    if count <= 30 and _LINK_PREFIX_RE.match(text):
        return "link to another story"
    low = _lowered(text) if count <= 60 else ""
    # Each search below only where the words it needs are there (a test of the lowered text).
    if count <= 40 and (low[:1] in "\u00a9(c" or "all rights reserved" in low) and _COPYRIGHT_RE.search(text):
        return "copyright notice"
    if count <= 8 and _READING_TIME_RE.match(text):
        return "reading time or audio label"
    if count <= 60 and "cookies" in low and _COOKIE_RE.search(text):
        return "cookie notice"
    if 4 <= count <= 30 and not _ends_sentence(text) and _is_capitals(text):
        return "promo headline in capitals"
    if count <= 5 and _RELATIVE_TIME_RE.match(text):
        return "time stamp of another post"
    if count <= 6 and _RELEASE_LABEL_RE.match(text):
        return "press-release label"
    if count <= 40 and (_CONTACT_RE.match(text) or "@" in text and _EMAIL_RE.search(text)):
        return "contact details"
    if count <= 8 and _SOURCE_LINE_RE.match(text):
        return "source line"
    if count > boilerplate.LINE_WORDS and not (has_spaceless(text) if spaceless is None else spaceless):
        return ""  # its words are its spaced words, too many for any phrase of the table
    return _phrase_reason(text)


_PHRASE_REASONS = {
    "links": LINKS_HEADING,
    "ad": "advertisement label",
    "comments": COMMENTS_HEADING,
    "prefix": "link to another story",
    "plug": "app or newsletter plug",
}


def _phrase_reason(text: str) -> str:
    """The reason from the table of boilerplate phrases in other languages, or ""."""
    kind = boilerplate.label(text) or boilerplate.line_kind(text)
    return _PHRASE_REASONS.get(kind, "")


def _is_list_item(text: str) -> bool:
    """A line that can sit in a list of other posts: a headline or a teaser cut short."""
    words = _words(text)
    if text.endswith(("\u2026", "...")) and len(words) <= 60:
        return True
    return 0 < len(words) <= 20 and not _ends_sentence(text)


def _tail_list(texts: list[str]) -> range:
    """The trailing list of other posts (headline, teaser, "13 hours ago"), if there is one."""
    n = len(texts)
    j = n
    times: list[int] = []
    labels: list[int] = []
    while j > 0:
        t = texts[j - 1]
        if _RELATIVE_TIME_RE.match(t):
            times.append(j - 1)
        elif _LIST_LABEL_RE.match(t):
            labels.append(j - 1)
        elif _is_list_item(t):
            pass
        elif j < n and _RELATIVE_TIME_RE.match(texts[j]) and len(_words(t)) <= 40:
            pass  # a teaser written as a full sentence, stamped with its time
        else:
            break
        j -= 1
    if labels:
        start = min(labels)
        if n - start - 1 >= 2:
            return range(start, n)
    if len(times) >= 2:
        start = min(times)
        # The first post's headline (and teaser) come before its time stamp.
        for _ in range(2):
            prev = texts[start - 1] if start - 1 >= j else ""
            if prev and not _RELATIVE_TIME_RE.match(prev) and (_is_list_item(prev) or start == min(times)):
                start -= 1
        return range(start, n)
    return range(0)


def _mark_video_blurbs(texts, kinds, mark) -> None:
    """An embedded video's own headline and blurb follow its label; they are not the article."""
    for i, text in enumerate(texts):
        if kinds[i] != BlockKind.BOILERPLATE or not _VIDEO_LABEL_RE.match(text):
            continue
        j = i + 1
        if j < len(texts) and kinds[j] is None and len(_words(texts[j])) <= 20 and not _ends_sentence(texts[j]):
            mark(j, BlockKind.BOILERPLATE, "headline of an embedded video")
            k = j + 1
            if k < len(texts) and kinds[k] is None and len(_words(texts[k])) <= 30 and not _is_byline(texts[k]):
                mark(k, BlockKind.BOILERPLATE, "description of an embedded video")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _find_title(doc: Document, texts, kinds, html: bool) -> int | None:
    """The headline: the metadata title if a paragraph repeats it, else (plain text) the
    first short line without a full stop before the body starts."""
    if doc.title:
        want = _norm(doc.title)
        for i in range(min(len(texts), 6)):
            got = _norm(texts[i])
            if kinds[i] in (None, BlockKind.HEADING) and got and (got == want or (want.startswith(got) and len(got.split()) >= 3)):
                return i
    if html:
        return None
    for i in range(min(len(texts), 8)):
        if kinds[i] is not None:
            continue
        text = texts[i]
        words = _words(text)
        if 2 <= len(words) <= 30 and not text.endswith((".", "\u3002", *_RUNS_ON)) and not _is_byline(text) and not _is_dateline(text):
            return i
        return None  # the body has started: this file has no headline line
    return None


def _is_byline(text: str, count: int | None = None) -> bool:
    """`count`: its number of `_words`, when the caller has it (as for the rules below)."""
    if (len(_words(text)) if count is None else count) > 15 or text.endswith((".", "\u3002")):
        return False
    return bool(_BYLINE_RE.match(text) or _BYLINE_OTHER_RE.match(text))


def _byline_name(text: str) -> str:
    name = _BYLINE_LABEL_RE.sub("", text, count=1)
    return _BYLINE_CUT_RE.sub("", name).strip()


def _is_dateline(text: str, count: int | None = None) -> bool:
    """A line that only says when: "Published March 5, 2025 7:40am EST", "Updated 2025-03-05"."""
    count = len(_words(text)) if count is None else count
    if not count or count > 14:
        return False
    found = list(FULL_DATE_RE.finditer(text))
    if not found:
        return False
    rest = FULL_DATE_RE.sub(" ", text)
    place = 0
    for raw in re.sub(r"[|/\u00b7\u2022\u2014\u2013]|\s-\s", " ", rest).split():
        raw = raw.strip(",:;()")
        w = raw.lower()
        if not w or w in _DATE_WORDS or w.isdigit():
            continue
        if re.fullmatch(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm|a\.m\.|p\.m\.)?", w) or re.fullmatch(r"[A-Z]{1,5}", raw):
            continue  # a time or a time zone ("EST", "GMT", "Z")
        if raw[:1].isupper() and place < 4:
            place += 1  # "HALIFAX, Nova Scotia — March 4, 2025": a place before the date
            continue
        return False
    return place == 0 or bool(re.search(r"[,\u2014\u2013]", text))


def _is_credit_line(text: str, count: int | None = None, spaceless: bool | None = None) -> bool:
    """A photo credit standing alone under a picture (`spaceless`: `has_spaceless`, when the caller has it)."""
    if count is not None and count > boilerplate.LINE_WORDS and not (has_spaceless(text) if spaceless is None else spaceless):
        return False  # `count` spaced words: too many for a credit line of the table, or any
    if boilerplate.is_credit(text):  # "Foto: ...", "Image illustrative : ..."
        return True
    if (len(_words(text)) if count is None else count) > 10:
        return False
    if _CREDIT_LINE_RE.match(text):
        return True
    return text.startswith("(") and bool(_CREDIT_RE.fullmatch(text.strip()))


def _is_caption(text: str, count: int | None = None) -> bool:
    if not 3 <= (len(_words(text)) if count is None else count) <= 80:
        return False
    return bool(_credit_search(text)) or bool(_CAPTION_START_RE.match(text))


def _mark_dek_and_headings(texts, kinds, mark, title_at: int | None, lengths=None) -> None:
    """In plain text: a standfirst right under the headline, and short headings between paragraphs.
    `lengths`: each paragraph's number of `_words` where the caller counted it (None where not)."""
    n = len(texts)
    after_title = (title_at + 1) if title_at is not None else 0
    j = after_title
    while j < n and kinds[j] in (BlockKind.BOILERPLATE, BlockKind.BYLINE, BlockKind.DATELINE):
        j += 1
    if title_at is not None and j < n and kinds[j] is None:
        text = texts[j]
        if 5 <= len(_words(text)) <= 40 and not _ends_sentence(text) and not text.endswith(_RUNS_ON):
            mark(j, BlockKind.DEK)
    # The next paragraph that is not set aside, for each index (one pass, from the end).
    following: list[int | None] = [None] * n
    upcoming = None
    for k in range(n - 1, -1, -1):
        following[k] = upcoming
        if kinds[k] not in (BlockKind.BOILERPLATE, BlockKind.CAPTION):
            upcoming = k
    body_seen = False
    for i in range(after_title, n):
        if kinds[i] is not None:
            body_seen = body_seen or kinds[i] == BlockKind.BODY
            continue
        text = texts[i]
        nxt = following[i]
        if (
            body_seen
            and 1 <= (len(_words(text)) if lengths is None or lengths[i] is None else lengths[i]) <= 10
            and not _ends_sentence(text)
            and not text.endswith(_RUNS_ON)
            and nxt is not None
            and kinds[nxt] is None
            and _ends_sentence(texts[nxt])
        ):
            mark(i, BlockKind.HEADING)
        else:
            body_seen = True


# A standfirst set as a heading is a sentence or two; a section heading is a few words.
_DEK_HEADING_WORDS = 8


def _mark_web_headline_area(texts, kinds, mark, title_at: int) -> None:
    """On a web page: labels above the headline (section, kicker), the headline repeated, and a
    standfirst the page set as a heading right under it, before the article's first paragraph."""
    for i in range(title_at):
        if kinds[i] is None:
            mark(i, BlockKind.BOILERPLATE, "label above the headline")
    title = _norm(texts[title_at])
    for i in range(title_at + 1, len(texts)):
        if kinds[i] in (BlockKind.BOILERPLATE, BlockKind.BYLINE, BlockKind.DATELINE, BlockKind.CAPTION):
            continue
        if kinds[i] != BlockKind.HEADING:
            return
        got = _norm(texts[i])
        if got and got in title and len(got.split()) >= 2:
            mark(i, BlockKind.BOILERPLATE, "headline repeated")
        elif len(_words(texts[i])) >= _DEK_HEADING_WORDS:
            mark(i, BlockKind.DEK)
            return
        else:
            return


def _mark_comments(texts, kinds, mark) -> None:
    """Readers' comments: a comments heading in the second half of the text, and all after it."""
    total = sum(len(t) for t in texts)
    seen = 0
    for i, text in enumerate(texts):
        if seen >= total / 2 and kinds[i] in (None, BlockKind.HEADING, BlockKind.BODY) and boilerplate.label(text) == "comments":
            mark(i, BlockKind.BOILERPLATE, COMMENTS_HEADING)
            for j in range(i + 1, len(texts)):
                if kinds[j] != BlockKind.BOILERPLATE:
                    mark(j, BlockKind.BOILERPLATE, "readers' comments")
            return
        seen += len(text)


# A headline is a few words; one word is a tab or a menu entry.
_TEASER_MIN_WORDS = 3
_TEASER_MAX_WORDS = 40


def _mark_link_lists(paragraphs: list[Paragraph], kinds, mark) -> None:
    """Teasers for other pages, where the page made each headline a link: the links under a
    heading of links ("Read also", "Auch interessant"), and runs of two or more linked
    headings, each with the one-line teaser that may follow it."""
    n = len(paragraphs)
    i = 0
    while i < n:
        labelled = kinds[i] == BlockKind.BOILERPLATE and _label_reason(paragraphs[i].text) == LINKS_HEADING
        j = i + 1 if labelled else i
        headlines: list[int] = []
        while j < n and paragraphs[j].link and _TEASER_MIN_WORDS <= len(_words(paragraphs[j].text)) <= _TEASER_MAX_WORDS:
            if not labelled and paragraphs[j].hint != BlockKind.HEADING.value:
                break
            headlines.append(j)
            j += 1
            teaser = paragraphs[j] if j < n else None
            if teaser is not None and not teaser.link and kinds[j] in (None, BlockKind.HEADING) and (
                len(_words(teaser.text)) <= _TEASER_MAX_WORDS
                and teaser.hint == paragraphs[j - 1].hint
                and (teaser.hint == BlockKind.HEADING.value or (j + 1 < n and paragraphs[j + 1].link))
            ):
                j += 1
        if headlines and (labelled or len(headlines) >= 2):
            for k in range(headlines[0], j):
                mark(k, BlockKind.BOILERPLATE, "list of links to other stories")
            i = j
        else:
            i += 1
