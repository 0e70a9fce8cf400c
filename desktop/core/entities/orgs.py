"""Organisation cues: a head word that ends the name, "X of Y", or a noun like "alliance" after it."""

from __future__ import annotations

from desktop.core import regexes
from desktop.core.entities import lexicon as lx
from desktop.core.entities.tokens import Tok


def is_org_run(words: list[str]) -> bool:
    """Does this capitalised run name an organisation ("Defense Ministry", "Bank of Japan")?"""
    if not words:
        return False
    if words[-1].lower() in lx.ORG_HEADS and (len(words) > 1 or words[-1].lower() in _ALONE):
        return True
    if "of" in words:
        head = words[words.index("of") - 1].lower()
        return head in lx.ORG_HEADS
    return False


# Heads that name an organisation on their own ("Parliament", "Reuters", "Congress").
_ALONE = frozenset("parliament congress senate reuters cabinet nato pentagon fed treasury".split())


def org_noun_before(toks: list[Tok], i: int, j: int | None = None) -> bool:
    """ "the advocacy group Secure America Now": a run right after "group", "company"... is its name;
    so is one a spokesperson or an analyst works for ("a spokesperson for Google", "an analyst at
    Morgan Stanley"); callers keep given names apart ("a spokesman for Harry Reid")."""
    run = [t.text.lower() for t in toks[i : j if j is not None else i + 1]]
    if run and run[0] in lx.HONORIFICS:
        return False  # "the company Mr. Grimm formed": Mr. Grimm is a man
    if i > 0 and toks[i - 1].kind == "W" and toks[i - 1].text in lx.ORG_NOUNS:
        return True
    # "a spokesman for Ms. Vale", "a spokesman for House Speaker John Boehner": a title makes a person
    return i > 1 and toks[i - 1].text in ("for", "at") and toks[i - 2].text in _WORKS_FOR \
        and not any(w in lx.HONORIFICS or w in lx.TITLE_HEADS for w in run)


_WORKS_FOR = frozenset("""spokesman spokeswoman spokesperson analyst analysts economist economists executive
    executives employee employees engineer engineers researcher researchers strategist""".split())


def org_noun_follows(toks: list[Tok], j: int) -> bool:
    """A run followed within two lower-case words by "alliance", "group", "company"... is an organisation."""
    for k in range(j, min(j + 3, len(toks))):
        t = toks[k]
        if t.kind == "P" and t.text in "\"'\u201d\u2019":
            continue
        if t.kind != "W" or not t.text.islower() or t.text in lx.SPEECH_VERBS:
            return False
        if t.text in lx.ORG_NOUNS:
            return True
    return False


def org_key(name: str) -> str:
    """The form two mentions of one organisation share: no leading article, no owner."""
    low = name.lower()
    for prefix in ("the ",):
        if low.startswith(prefix):
            low = low[len(prefix) :]
    low = " ".join(low.replace(".", "").split())
    m = _HEAD_OF.match(low)
    return f"{m.group(2)} {m.group(1)}" if m else low  # "department of justice" is the justice department


def initials(key: str) -> str:
    """ "federal bureau of investigation" -> "fbi": what an acronym of the name would spell."""
    return "".join(w[0] for w in key.split() if w not in ("of", "the", "and", "&", "for"))


_HEAD_OF = regexes.compile(r"^(department|ministry|office|bureau) of (?:the )?([a-z]+)$")
