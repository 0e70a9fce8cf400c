"""Direct quotes and who said them: "Q," said S / S said "Q" / according to S, then paragraph rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop.core import regexes
from desktop.core.entities.lexicon import (
    DATE_WORDS,
    FUNCTION_WORDS,
    IRREGULAR_PAST,
    NAME_MODIFIED_NOUNS,
    OPENING_SPEECH_VERBS,
    ORG_HEADS,
    PARTY_ADJECTIVES,
    SPEECH_VERBS,
    WEEKDAYS,
)


def _trie(words: Iterable[str]) -> str:
    """A pattern for exactly these words, as nested choices letter by letter ("s(?:a(?:id|y(?:s)?)|...)"):
    where no word starts, one choice among first letters fails, where a flat list tries every word
    (110 verbs, 230 describing words, tried after every capitalised word of a span). The words the
    text holds at one place are each a start of the next, and the trie, greedy, tries the longer
    first, as a list sorted longest first does: the same matches. Sorted, so that the pattern's text
    does not vary with a set's hash order (its compiled program is stored under that text:
    desktop/core/regexes.py)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        alts = [re.escape(ch) + pattern(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            return "(?:" + "|".join(alts) + ")?" if alts else ""
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return pattern(tree)


# Reporting verbs besides those of speech: "The Times reports:", "reported Reuters".
# Also the verbs a reporter puts in a speaker's mouth ("Kelly charged", "beamed Dana Holt"): kept here,
# not in lexicon.SPEECH_VERBS, whose words the name rules (and so the tagger's features) read.
_VERBS = SPEECH_VERBS | frozenset(
    """reported reports testified testifies shouted shouts charged charges proclaimed proclaims exhorted beamed
    vowed vows predicted predicts cautioned cautions lamented laments boasted boasts retorted retorts
    demanded demands pleaded pleads mused muses scoffed scoffs snapped fumed gushed opined interjected bragged brags
    yelled yells screamed whispered marveled marvelled reiterated reiterates contended contends
    asserted asserts wondered wonders recounted recounts elaborated confided assured assures""".split()
    + ["pointed out", "points out", "put it", "puts it"])
_VERB = r"(?:" + _trie(_VERBS) + r")"
# Not a name's first word: a connective that starts a sentence ("But Rep. Dana Rohrabacher said").
_CONNECTIVE = r"(?!(?:But|And|So|Yet|Still|Then|Now|Also|Instead|Meanwhile|However)\s)"
_NAME = _CONNECTIVE + r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Prof)\.\s)?[A-Z][\w'\u2019.-]*(?:\s(?:[A-Z][\w'\u2019.-]*|of|the|de|van|von|al|bin))*"
_NOMINAL = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[A-Z][\w-]+['\u2019]s)\s(?:[\w.-]+\s){0,5}?(?:nominee|candidate|businessman|businesswoman|strategist|narrator|critic|spokesman|spokeswoman|spokesperson|official|officials|legislator|lawmaker|senator|congressman|congresswoman|ministry|department|agency|police|government|company|source|sources|aide|aides|lawyer|attorney|minister|president|governor|mayor|secretary|director|chairman|chairwoman|ambassador|leader|team|group|office|embassy|military|army|report|campaign|committee|party|council|court|statements?|(?:law)?suit|complaint|memo|letter|editorial|ad|poll|survey|study|prosecutors?|analysts?|experts?|residents?|witnesses?|man|woman|commenters?|users?|voters?|supporters?|protesters?|front-?runner|Republican|Democrat)"
# A party tag after a name, left out of the name: "Rep. Gwen Moore (D-Wis.)", "Paul Ryan, R-Wis.,".
_PARTY_TAG = r"(?:\s\([DRI](?:-[A-Z][\w. ]{0,20})?\)|,\s[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?(?=,))"
# (two names joined: "Ana Dovere and Gabe Tam wrote")
_SPEAKER = r"(?P<s>" + _NAME + r"(?:\sand\s" + _NAME + r")?|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|" + _NOMINAL + r")" + _PARTY_TAG + "?"
# The letters a speaker can start with (a capital; he, she, they, it, the, a, an, one, another), looked
# ahead for before a pattern searched with _SPEAKER first: a match needs one, and the test turns
# away every other character at once, where the alternatives of _SPEAKER were each tried there.
# Then, at a small letter, the word it must start and what follows that word in a match (a space,
# or the comma of a party tag or an apposition): most such letters are inside other words.
_SPEAKER_FIRST = r"(?=[A-Zahiost])(?=[A-Z]|he[\s,]|she[\s,]|they[\s,]|it[\s,]|the\s|an?\s|one\s|another\s)"
# Words that describe the person whose name follows: "Trump lawyer Marc Kasowitz", "Tulsa police Chief
# Chuck Jordan", "9/11 widow Terry Strada", "former FBI agent Dan Hersh", "ranking Democrat Ella Cole":
# capitalised words, figures and any lower-case word but a function word. A function word ends the
# description: in "aides to Smith said" and "the lawyer for Smith said" the name is not the speaker.
_CONTENT_WORD = r"(?!(?:" + _trie(w for w in FUNCTION_WORDS if w.isalpha()) + r")\b)[a-z][\w-]*"
_DESCRIPTOR = r"(?:(?:[A-Z][\w.'\u2019-]*|\d[\d/]*|" + _CONTENT_WORD + r")\s){0,6}?"
# After "said", a name that content words and another name follow only describes the speaker: "said
# Democratic pollster Glen Harrow", "said Obama aide Ann Lee" (and not "said Obama in Iowa").
_DESCRIBES_NEXT = r"(?![\w'\u2019-])(?!(?:\s" + _CONTENT_WORD + r"){1,3}\s[A-Z])"
_APPOS = r"(?:,\s(?P<ap>[^\u201c\u201d\"]{1,150}?),)?"

# "said Foreign Minister Ilse Tamm", "said the Rev. Peter Wherry": a reporting verb, then who
_VERB_SPEAKER = (r"(?:" + _VERB + r")\s(?:(?:the|a|an)\s)?" + _DESCRIPTOR
                 + _SPEAKER.replace("(?P<s>", "(?P<s>(?:[Hh]e|[Ss]he|").replace(r")" + _PARTY_TAG, r"))" + _PARTY_TAG)
                 + _DESCRIBES_NEXT)
_AFTER_VS = regexes.compile(r"^[\s,]*" + _VERB_SPEAKER)
# An unnamed speaker the words describe, to the end of the clause: "said one Trump confidant.",
# "a senior aide to the mayor said" (resolved, or shown as written, by attribution.py).
_UNNAMED = r"(?P<s>(?:[Oo]ne|[Aa]n?|[Aa]nother|[Tt]he)\s(?:[\w'\u2019-]+\s){0,4}?[a-z][\w-]*)"
_AFTER_V_UNNAMED = regexes.compile(r"^[\s,]*(?:" + _VERB + r")\s" + _UNNAMED + r"(?=[.,;:]|\s*$)")
# "also said", "later wrote", "reportedly wrote", "has said"
_ADVERB = r"(?:also\s|later\s|then\s|[a-z]+ly\s)?"
# ("the Post's senior politics editor Steven Ginsberg responded": an article may open the description)
_AFTER_UNNAMED_V = regexes.compile(r"^[\s,]*" + _UNNAMED + r"\s" + _ADVERB + r"(?:" + _VERB + r")\b")
_AFTER_SV = regexes.compile(r"^[\s,]*(?:(?:the|a|an)\s)?" + _DESCRIPTOR + _SPEAKER + _APPOS + r",?\s" + _ADVERB + _VERB + r"\b")
# "Mr. Obama on Thursday said": the day between the name and the verb
_ON_DAY = r"(?:\son\s(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
# A speaker starts a word: not the "he" of "the claims", nor the "Donald" of "McDonald said". Nor does
# one follow a preposition: in "Of Carson, Levine, who backs Rubio, said" Levine speaks.
_BEFORE_SV = regexes.compile(r"(?<![\w'\u2019-])" + "".join(f"(?<!{p} )" for p in ("of", "Of", "about", "About", "for", "to", "with", "by", "against"))
                             + _SPEAKER_FIRST + _SPEAKER + _APPOS + _ON_DAY + r",?\s(?:has\s|had\s|have\s)?" + _ADVERB + _VERB + r"\b")
# Later in the quote's sentence, after a comma: ", Foreign Minister Ilse Tamm said" (no quote mark between).
_LATER_SV = regexes.compile(r"^[^\u201c\u201d\".!?]{0,160}?,\s(?:(?:the|a|an)\s(?=[^\s]+\s[A-Z]))?" + _DESCRIPTOR + _SPEAKER
                       + r",?\s" + _ADVERB + _VERB + r"\b")
# The same with the verb first: "used “soft hands” with its neighbours, said Marta Olsen, a trade expert".
_LATER_VS = regexes.compile(r"^[^\u201c\u201d\".!?]{0,160}?,\s" + _VERB_SPEAKER)
_APPOS_NAME = regexes.compile(r"^(?:[A-Z][\w'\u2019.-]*\s){1,3}[A-Z][\w'\u2019-]*$")
# "Said Dana Poe, who grew up on the street, “We were proud.”": the verb opens the sentence, or a
# clause ("But, said Ida Solo, “I don't want conflict.”")
_BEFORE_VS = regexes.compile(r"(?:(?:^|[.!?]\s)(?:" + "|".join(OPENING_SPEECH_VERBS) + r")|,\s(?:"
                             + "|".join(v.lower() for v in OPENING_SPEECH_VERBS) + r"))\s" + _SPEAKER
                             + r"(?:,\s[^,\u201c\u201d\"]{1,150}?)?[,:]?\s*$")
# "More from Jones: “...”", "doesn't surprise pollster Daron Shaw: “...”": a name right before the colon
# that opens the quote. Taken only when it is a person's (attribution.py), as "Twitter" in "wrote on
# Twitter: “...”" is not.
_COLON_NAME = regexes.compile(r"(?<![\w'\u2019-])(?P<s>" + _NAME + r"):\s*$")
# The verb every match of _BEFORE_VS holds: scanned for by its first letters, in C, where _BEFORE_VS,
# which starts with a choice, is tried at every character (most spans before a quote have none).
_VS_WORD = regexes.compile(r"(?:" + "|".join(OPENING_SPEECH_VERBS) + r"|, (?:" + "|".join(v.lower() for v in OPENING_SPEECH_VERBS) + r"))\s")
# "said the legislator, Representative Carl Seel", "said the statement from Grimm's attorney, William
# McGinley": the name in apposition is the speaker
_NOMINAL_NAME = regexes.compile(r"(?:\s(?:from|by|of)\s[^,\u201c\u201d\"]{1,40})?,\s(?:[A-Z][\w.]*\s){0,3}?(?P<s>" + _NAME + r")")
_ACCORDING = regexes.compile(
    r"[Aa]ccording\sto\s(?:(?:a|an|the)\s(?:[\w-]+\s){0,2}?(?:statement|report|letter|release|transcript|spokesman|spokeswoman)"
    r"\s(?:(?:released|issued|published|sent|from|by|of)\s){1,2})?(?:the\s)?" + _DESCRIPTOR + _SPEAKER  # "according to talk radio host Rush Bell"
    + _DESCRIBES_NEXT
)
# “…”, then “…" and "…” (mixed marks, common in edited copy), then “… running on to the next
# paragraph, then "…".
# A paragraph may open with a closing mark typed for an opening one ("\u201dMr. Smith is ...\u201d"):
# its line start is looked behind for after the mark, so that every branch opens with a mark and re
# skips in C to the next one (a branch that opens with "^" made it try the pattern at every character).
_QUOTE_RE = regexes.compile(
    r"\u201c([^\u201c\u201d]*)(\u201d)|\u201c([^\u201c\u201d\"]*)(\")|\u201c([^\u201c\u201d]*)()$"
    r"|\"([^\"\u201c\u201d]*)(\u201d)|\"([^\"]*)(\"|$)"
    r"|\u201d(?<=^\u201d)([^\u201c\u201d]+)(\u201d)", re.M)


@dataclass(slots=True)
class QuoteHit:
    """A quotation found in a paragraph, before its speaker is resolved to an entity."""

    start: int  # inside the marks
    end: int
    text: str
    speaker: str = ""  # the words that name the speaker
    s_start: int = -1
    s_end: int = -1
    how: str = ""
    open_end: bool = False  # the quote runs on into the next paragraph


def find_quotes(text: str, para_start: int, para_end: int) -> list[QuoteHit]:
    """The quotes in one paragraph, attributed where a pattern in the same sentence says who spoke."""
    para = text[para_start:para_end]
    hits: list[QuoteHit] = []
    for m in _QUOTE_RE.finditer(para):
        g = m.lastindex - 1  # each form's words, then its closing mark (which takes part, even when empty)
        q_s, q_e = m.start(g) + para_start, m.end(g) + para_start
        inner = m.group(g)
        words = inner.split()
        if not words or len(words) < 2 and not _quoted_word(words[0]) or _title_case(words):
            continue  # a quoted name, a title ("Face the Nation") or a nickname, not speech
        hit = QuoteHit(q_s, q_e, inner.strip(), open_end=not m.group(g + 1))
        label = _TRANSCRIPT.match(text, q_s, q_e)
        if label and label.group("s") not in _NOT_LABELS:
            # "PENCE: Well, look, ...": a transcript line names its speaker before a colon
            hit.speaker, hit.s_start, hit.s_end, hit.how = label.group("s"), label.start("s"), label.end("s"), "transcript"
        else:
            _attribute(hit, text, para_start, para_end, m.end() + para_start, m.start() + para_start)
        hits.append(hit)
    for hit in hits:  # one speaker per paragraph
        if not hit.speaker:
            # A guess from the sentence's subject is checked against the entities later: not lent here.
            donor = next((h for h in hits if h.speaker and h.how != "subject"), None)
            if donor is not None:
                hit.speaker, hit.s_start, hit.s_end, hit.how = donor.speaker, donor.s_start, donor.s_end, "same paragraph"
    return hits


def _quoted_word(word: str) -> bool:
    """One quoted word is someone's word ("called them \u201cdeplorables\u201d", "rated it \u201ctrue.\u201d") when
    it is a lower-case word, not a name, a letter or a figure."""
    core = word.strip(".,!?;:'\u2019")
    return len(core) >= 3 and core[0].islower() and core.replace("-", "").isalpha()


# Small words a title leaves in lower case: "Face the Nation", "War on Religion".
_TITLE_SMALL = frozenset("a an the of on in at to for and or but with by from".split())


def _title_case(words: list[str]) -> bool:
    if len(words) > 8:
        return False  # titles are short; most quotes are long
    letters = [w.strip("\"'\u2018\u2019,.!?:;()") for w in words]
    letters = [w for w in letters if w[:1].isalpha()]
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in letters) \
        and any(w[0].isupper() for w in letters)


_BREAK_RE = regexes.compile(r"[.?!][\"\u201d\u2019]?\s")
_NO_BREAK = frozenset("Mr Mrs Ms Dr St Sen Gov Rep Gen Lt Col Capt Sgt Prof Rev Jr Sr Inc Corp Co No vs".split())


def is_break(text: str, dot: int) -> bool:
    """Is the punctuation at `dot` a sentence end, not the dot of "Mr." or of an initial?"""
    if text[dot] != ".":
        return True
    k = dot
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    word = text[k:dot]
    return not (word in _NO_BREAK or (len(word) == 1 and word.isupper()))


# How far from a quote its sentence is looked for. A speaker is named within a few hundred
# characters of the words; without this bound a paragraph of quotes and no full stops costs
# time in the square of its length.
_REACH = 600


def sentence_start(text: str, start: int, pos: int) -> int:
    """Where the sentence around `pos` starts, no earlier than `start`, cut at _REACH characters
    before `pos` (at a space). (Each caller wants one end of the sentence: each end is its own.)"""
    floor = max(start, pos - _REACH)
    if floor > start:
        space = text.find(" ", floor, pos)
        floor = space + 1 if space >= 0 else pos
    # The last break before `pos`, looked for backwards from it: the breaks of _BREAK_RE never
    # overlap (one starts with the mark that ends the one before), so this is the last that a scan
    # forward from `floor` would find, found without judging every full stop of the 600 characters.
    dot = pos
    while True:
        dot = max(text.rfind(".", floor, dot), text.rfind("?", floor, dot), text.rfind("!", floor, dot))
        if dot < 0:
            return floor
        m = _BREAK_RE.match(text, dot, pos)
        if m is not None and is_break(text, dot):
            return m.end()


def sentence_end(text: str, end: int, pos: int) -> int:
    """Where the sentence around `pos` ends, no later than `end`, cut at _REACH characters after `pos`."""
    ceiling = min(end, pos + _REACH)
    for m in _BREAK_RE.finditer(text, pos, ceiling):
        if is_break(text, m.start()):
            return m.start() + 1
    return ceiling


# A speaker's name in capitals before a colon, at the start of a transcript line.
_TRANSCRIPT = regexes.compile(r"\s*(?P<s>[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+){0,2}):\s")
# Capitals before a colon that label something other than a speaker.
_NOT_LABELS = frozenset(("UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITOR\u2019S NOTE", "CORRECTION",
                         "CLARIFICATION", "WATCH", "READ MORE", "RELATED", "BREAKING", "PHOTOS", "VIDEO", "LISTEN",
                         "ALSO SEE", "Q", "A"))
# A sign-off after a quote: "“...” ― Jorge Falcon", the name alone and the sentence ending with it.
_SIGN_OFF = regexes.compile(r"^[ \t]*[\u2015\u2014\u2013][ \t]?(?P<s>" + _NAME + r")(?=\.?(?:\s*$|\s+[\u201c\"\u201d]|\s+[A-Z]))")


# Every match of _BEFORE_SV ends with a reporting verb after a space: where the text has none, the
# pattern (tried from every capital) cannot match, and one search for the verbs says so at a sixth of
# the cost. Most spans before a quote have none (the speaker comes after).
_SPACE_VERB = regexes.compile(r"\s" + _VERB + r"\b")


def _said_before(span: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """The plausible "S said" of the span, in order. After an implausible one the search goes on from
    the end of its subject's first word, not of its verb: in "On Sunday, Trump, who has many followers,
    tweeted" the day and its long apposition are turned away and "Trump, who ..., tweeted" is found;
    in "As the Harbour Times pointed out", "Harbour Times"."""
    if not _SPACE_VERB.search(span, pos):
        return
    while (m := _BEFORE_SV.search(span, pos)) is not None:
        if _plausible(m.group("s")):
            yield m
            pos = m.end()
        else:
            space = span.find(" ", m.start("s"), m.end("s"))
            pos = space if space >= 0 else m.end("s")


def _attribute(hit: QuoteHit, text: str, p_start: int, p_end: int, after_mark: int, before_mark: int) -> None:
    s_end = sentence_end(text, p_end, after_mark)
    after = text[after_mark : min(p_end, max(s_end, after_mark + 120))]
    m = _SIGN_OFF.match(after)
    if m and _plausible(m.group("s")):
        hit.speaker, hit.s_start, hit.s_end, hit.how = m.group("s").rstrip("."), after_mark + m.start("s"), \
            after_mark + m.start("s") + len(m.group("s").rstrip(".")), "sign-off"
        return
    # A quote that ends its sentence ("... recklessness." South Korean President X said ...) is not
    # followed by its speaker: the next sentence starts with its own subject.
    closed = hit.text.endswith(".") and after[:1].isspace() and after.lstrip()[:1].isupper()
    for rx, how in ((_AFTER_VS, "quote, said S"), (_AFTER_SV, "quote, S said"), (_AFTER_V_UNNAMED, "quote, said S"),
                    (_AFTER_UNNAMED_V, "quote, S said")):
        m = None if closed else rx.match(after)
        if m and _plausible(m.group("s")):
            s_start, s_end = after_mark + m.start("s"), after_mark + m.end("s")
            if m.group("s")[0].islower():
                named = _NOMINAL_NAME.match(text, s_end, min(p_end, s_end + 120))
                if named:
                    s_start, s_end = named.start("s"), named.end("s")
            hit.speaker, hit.s_start, hit.s_end, hit.how = text[s_start:s_end], s_start, s_end, how
            return
    s_start = sentence_start(text, p_start, before_mark)
    s_start = _near(text, s_start, before_mark)
    before = text[s_start:before_mark]
    for m in _said_before(before):
        if len(before) - m.end() > 40:  # far from the quote: a closer "S said" wins ("Medicare continued
            m = _closest_sv(before, m)  # ..., the campaign said that “...”")
        g = "s"
        ap = m.group("ap")
        if ap and _APPOS_NAME.match(ap) and ap.split()[-1].lower() not in ORG_HEADS:
            g = "ap"  # "A spokesman for the committee, Brad Woodhouse, said": the name speaks
        hit.speaker, hit.s_start, hit.s_end, hit.how = m.group(g), s_start + m.start(g), s_start + m.end(g), "S said quote"
        return
    m = _BEFORE_VS.search(before) if _VS_WORD.search(before) else None
    if m and _plausible(m.group("s")):
        hit.speaker, hit.s_start, hit.s_end, hit.how = m.group("s"), s_start + m.start("s"), s_start + m.end("s"), "said S: quote"
        return
    window = text[s_start : min(p_end, s_end + 1)]
    m = _ACCORDING.search(window) if "ccording" in window else None  # ("[Aa]ccording": tried at every "a")
    if m and _plausible(m.group("s")):
        hit.speaker, hit.s_start, hit.s_end, hit.how = m.group("s"), s_start + m.start("s"), s_start + m.end("s"), "according to S"
        return
    m = _COLON_NAME.search(before) if before.rstrip().endswith(":") else None  # (after "according to X:")
    if m and _plausible(m.group("s")):
        hit.speaker, hit.s_start, hit.s_end, hit.how = m.group("s"), s_start + m.start("s"), s_start + m.end("s"), "S: quote"
        return
    m = _LATER_SV.search(after)
    if m and _plausible(m.group("s")):
        # "...keep the strait “free and open” for shipping, Foreign Minister Ilse Tamm said": the
        # speaker closes the sentence the quote is in
        hit.speaker, hit.s_start, hit.s_end, hit.how = m.group("s"), after_mark + m.start("s"), after_mark + m.end("s"), \
            "sentence closes with S said"
        return
    m = _LATER_VS.search(after) if "," in after else None
    if m and _plausible(m.group("s")):
        hit.speaker, hit.s_start, hit.s_end, hit.how = m.group("s"), after_mark + m.start("s"), after_mark + m.end("s"), \
            "sentence closes with said S"
        return
    if before.strip() == "" and (s_start > p_start or text[:p_start].rstrip().endswith(":")):
        # "Mayor Rosa Quint said the budget was tight. “We cut ...”": the sentence before says who.
        # So does a paragraph that ends "The Harbour Times reports:" before one that opens with the quote.
        floor = p_start if s_start > p_start else max(0, p_start - NEAR_CHARS)
        prev_start = sentence_start(text, floor, max(floor, s_start - 2))
        prev_start = _near(text, prev_start, s_start)
        prev = text[prev_start:s_start]
        if "\u201c" not in prev and '"' not in prev:
            for m in _said_before(prev):
                hit.speaker, hit.s_start, hit.s_end = m.group("s"), prev_start + m.start("s"), prev_start + m.end("s")
                hit.how = "sentence before"
                return
            subject = _last_subject(prev) if prev.rstrip().endswith(":") else None
            if subject is not None:
                # "The Harbour Trust describes itself this way: “...”": the colon hands the quote to the subject
                hit.speaker, hit.s_start, hit.s_end, hit.how = subject.group("s"), prev_start + subject.start("s"), \
                    prev_start + subject.end("s"), "subject"
                return
    owner = _CLAIM_OWNER.search(before) if _CLAIM_WORD.search(before) else None
    if owner is not None and _plausible(owner.group("s")):
        # "pressed Steele to explain his claim that Afghanistan is a “war of Obama's choosing”": the
        # words are the claim's owner's, not the sentence subject's
        hit.speaker, hit.s_start, hit.s_end, hit.how = owner.group("s"), s_start + owner.start("s"), \
            s_start + owner.end("s"), "possessor"
        return
    subject = _last_subject(before)
    if subject is not None:
        # "Santorum had dismissed Obama's politics as “some phony theology.”", "Biden was quick to retort:
        # “...”": no verb of saying next to a name, but the sentence's last subject is who is quoted.
        hit.speaker, hit.s_start, hit.s_end, hit.how = subject.group("s"), s_start + subject.start("s"), \
            s_start + subject.end("s"), "subject"


# How far before a quote mark the speaker patterns look. A sentence has no natural bound (a
# paragraph with no full stop is one), and the name patterns, tried from every capital of a
# long run, cost the square of what they are given; real attributions sit well within this.
NEAR_CHARS = 400


def _near(text: str, start: int, end: int) -> int:
    """`start`, or the first word start within NEAR_CHARS of `end` when the span is longer."""
    if end - start <= NEAR_CHARS:
        return start
    cut = end - NEAR_CHARS
    space = text.find(" ", cut, end)
    return space + 1 if space >= 0 else end


# A subject, with a party tag and an apposition between it and its verb: "Dean, a former party
# chairman, poked at ...", "Rep. Jim Clyburn (D-S.C.), the assistant leader, said".
# (first looked ahead for: the letters it can start with, as _SPEAKER_FIRST)
_SUBJECT = regexes.compile(r"(?=[A-Zhs])(?P<s>" + _NAME + r"|\b[Hh]e|\b[Ss]he)" + _PARTY_TAG
                      + r"?(?:,\s(?:a|an|the|who|his|her|in|on|at|after|during|[a-z]+ly|[a-z]+ing)\s[^,\u201c\u201d\"]{1,120}?,)?\s(?P<v>[a-z][\w'\u2019-]*)")
# Words after a name that can follow a subject although they are function words.
_AUXILIARIES = frozenset("has had have was is were are would will did does could can may might must should also".split())


# A name in apposition to the noun that opens a sentence is its subject: "Another critic, Jo Tam, likened".
_APPOS_SUBJECT = regexes.compile(r"(?:^|[.;]\s)(?:[Aa]nother|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Oo]ne)\s[^,\u201c\u201d\"]{1,60},\s(?P<s>"
                            + _NAME + r"),\s(?P<v>[a-z][\w'-]*)")


def _last_subject(before: str) -> re.Match | None:
    """The last name or he/she in the words before a quote that is followed by a verb-like word:
    not a preposition ("Obama on Friday"), not a possessive, not a day or month ("late Tuesday saying").

    A subject inside a "that" clause reports someone else's words ("Santorum told voters that Obama's
    agenda is “not about you”"): one before the last "that" wins, and none is taken after "his comment
    that", where the words are the commenter's."""
    # (With no "." or ";", _APPOS_SUBJECT can match only at the start: tried there alone.)
    appos = _APPOS_SUBJECT.finditer(before) if "." in before or ";" in before else filter(None, (_APPOS_SUBJECT.match(before),))
    cands = [m for m in appos if _verb_like(m.group("v"))]
    for m in _SUBJECT.finditer(before):
        verb, name = m.group("v"), m.group("s")
        if not _verb_like(verb):
            continue
        if name.endswith(("'s", "\u2019s")) or name.lower() in DATE_WORDS or name in ("It", "They") \
                or name in PARTY_ADJECTIVES or not _plausible(name):  # "Republican claims": an adjective
            continue
        cands.append(m)
    if not cands:
        return None
    cut = before.rfind(" that ")
    if cut < 0:
        return cands[-1]
    outside = [m for m in cands if m.start() < cut]
    if outside:
        return outside[-1]
    noun = before[:cut].rsplit(None, 1)[-1].lower() if before[:cut].strip() else ""
    return None if noun in _CLAIM_NOUNS else cands[-1]


def _verb_like(word: str) -> bool:
    """Could this word after a name be its verb (or an adverb before one)? "Santorum had", "Lis
    Smith described", "Boehner publicly chided", "Biden was"; not "Facebook page", "Obama on"."""
    if word in _AUXILIARIES or word in IRREGULAR_PAST or word in _VERBS or word in _ADVERBS:
        return True
    if word.endswith(("n't", "n\u2019t")):
        return True  # "Weaver didn’t seem impressed", "Cole wasn't"
    if word.endswith(("'s", "\u2019s")):
        return False  # "the Obama administration’s failure": a possessive noun
    if word in FUNCTION_WORDS:
        return False
    if word in NAME_MODIFIED_NOUNS:
        return False  # "the Obama administration"
    return word.endswith(("ed", "ly", "es", "ing")) or (word.endswith("s") and not word.endswith("ss"))


# Whose claim the quoted words are: "his on-camera claim that", "Dahl's remark that".
# (first looked ahead for: the letters it can start with, as _SPEAKER_FIRST)
_CLAIMS = (r"(?:claim|comment|remark|statement|assertion|suggestion|accusation|charge|argument|view"
           r"|warning|insistence|belief|promise|pledge)s?\s")
_CLAIM_OWNER = regexes.compile(r"(?=[A-Zh])(?P<s>\b[Hh]is|\b[Hh]er|" + _NAME + r"(?=['\u2019]s\s))(?:['\u2019]s)?\s(?:[\w-]+\s){0,2}?"
                               + _CLAIMS + r"(?:that\s(?:[^\s]+\s){0,12}?[^\s]*)?$")
# The noun every match of _CLAIM_OWNER holds, scanned for by its first letters in C: most spans
# before a quote have none, and _CLAIM_OWNER tries a name at every capital of them.
_CLAIM_WORD = regexes.compile(_CLAIMS)
_ADVERBS = frozenset("later also then again still never once already even just soon first".split())
_CLAIM_NOUNS = frozenset("""comment comments remark remarks claim claims statement suggestion assertion charge
    accusation argument promise pledge view warning belief insistence""".split())


def _closest_sv(before: str, first: re.Match) -> re.Match:
    last = first
    for m in _said_before(before, first.end()):
        last = m
    return last


_NOT_SPEAKERS = frozenset("""The This That It's But And In On At As If When While After Before So Yet Still
    Of About For To With By From Against Despite During Among Under Over""".split())


def _plausible(s: str) -> bool:
    if s.endswith(("'s", "\u2019s")) or s in PARTY_ADJECTIVES:
        return False  # "Mr. Holm's remarks", "Republican claims": a possessive or an adjective before a noun
    first = s.split()[0]
    if first == s and s.lower() in WEEKDAYS:
        return False  # "On Sunday, Trump, who ..., tweeted": the day opens the sentence, it does not speak
    if s.startswith(("One of ", "Some of ", "Many of ", "Most of ", "All of ")):
        return False  # "One of Ryan's aides said": a part of a group, not the name that follows
    return first not in _NOT_SPEAKERS or s.lower().startswith(("the ", "a ", "an "))
