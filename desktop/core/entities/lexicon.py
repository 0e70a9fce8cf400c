"""Closed word classes the rules lean on: titles, organisation heads, reporting verbs, months."""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
DATE_WORDS = frozenset(
    ["january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
     "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    + list(WEEKDAYS)
)

# Words that make a capitalised run a title when they end it ("Foreign Minister", "Sen.").
TITLE_HEADS = frozenset(
    """minister president secretary chancellor ambassador governor mayor senator sen sen. representative
    rep rep. gov gov. general gen gen. director chairman chairwoman chair commissioner spokesman spokeswoman
    spokesperson premier judge justice king queen prince princess pope sheikh emperor empress admiral
    colonel col col. captain capt capt. sergeant sgt lieutenant lt lt. ceo envoy leader speaker mr mr. mrs
    mrs. ms ms. dr dr. prof prof. professor sir lord lady dame rev rev. reverend father bishop archbishop
    cardinal rabbi imam coach manager superintendent commander chief officer attorney inspector detective
    sheriff councilman councilwoman congressman congresswoman assemblyman delegate deputy vice
    editor publisher columnist anchor correspondent founder host strategist pollster
    """.split()
)
# Words that may lead a title without being a name: "Foreign Minister", "Prime Minister".
TITLE_MODIFIERS = frozenset(
    """prime foreign defense defence finance interior economy trade justice health education home
    deputy vice chief first former acting senior state general attorney lieutenant supreme grand
    crown executive managing assistant associate head secretary interim
    """.split()
)
# Courtesy titles and abbreviations that are always titles.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady prof prof. rev rev.".split())
FEMALE = frozenset("""mrs mrs. ms ms. lady dame queen princess empress she her spokeswoman chairwoman congresswoman
    councilwoman assemblywoman businesswoman actress mother wife daughter sister""".split())
MALE = frozenset("""mr mr. sir lord king prince emperor he him his spokesman congressman councilman assemblyman
    businessman father husband son brother""".split())

# Lower-case role nouns that introduce a person: "spokesman John Smith", "her counterpart, X".
ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson coach manager minister president chairman chairwoman director
    counterpart lawyer attorney leader colleague deputy adviser advisor aide secretary analyst economist
    professor chief executive official officer senator governor mayor ambassador envoy striker midfielder
    defender goalkeeper captain batsman bowler champion rider driver player author writer actor actress
    singer son daughter wife husband father mother brother sister
    """.split()
)

# Last words of organisation names.
ORG_HEADS = frozenset(
    """ministry department agency council committee commission party bank corp corp. corporation inc inc.
    ltd ltd. llc plc group university institute institution association union army navy police court
    parliament congress senate assembly administration bureau service services foundation fund company co
    co. airlines airline airways times post news network organization organisation federation league club
    fc authority board cabinet alliance coalition front movement brigade brigades guard guards corps reserve
    exchange holdings industries motors systems technologies partners capital securities trust church
    school college hospital center centre museum secretariat tribunal office force forces command
    commission junta regime government journal herald telegraph gazette tribune press reuters agencies
    mission council federation confederation society academy laboratory laboratories lab labs team
    rovers wanderers athletic united city county albion rangers hotspur olympique sporting dynamo
    insurance energy oil petroleum pharmaceuticals electric motor airlines railways railway channel
    broadcasting television radio magazine studios records nations shipping logistics lines caucus
    """.split()
)
# Lower-case nouns right after a capitalised run that make it an organisation: "the Five Eyes alliance".
ORG_NOUNS = frozenset(
    """alliance group company firm party agency organization organisation network coalition bank
    newspaper broadcaster carrier airline insurer lender bloc union militia movement faction club
    """.split()
)
# Last words of names that are neither people, places nor organisations (left out).
MISC_HEADS = frozenset(
    """cup championship championships open games olympics day week war act bill award awards prize trophy
    tournament series festival treaty accord agreement plan program programme strategy doctrine summit
    conference index era revolution convention protocol declaration law rule amendment initiative
    project operation report survey census budget tour grand prix derby classic marathon
    """.split()
)

# Verbs that report speech or a statement.
SPEECH_VERBS = frozenset(
    """said says say told tells added adds stated states declared declares wrote writes asked asks
    explained explains noted notes insisted insists argued argues warned warns claimed claims replied
    replies answered answers continued continues recalled recalls acknowledged acknowledges admitted
    admits announced announces responded responds urged urges suggested suggests complained complains
    concluded concludes conceded concedes emphasized emphasised stressed stresses observed observes
    tweeted tweets posted posts remarked remarks countered counters quipped quips joked jokes
    """.split()
)

# Reporting verbs that open a sentence before the speaker: "Said Dana Poe, who ..., “...”".
OPENING_SPEECH_VERBS = ("Added", "Said", "Asked", "Wrote", "Continued", "Explained")

# Words that start a sentence without being names.
FUNCTION_WORDS = frozenset(
    """the a an and but or nor so yet for in on at to of by with from as if when while after before
    since until because although though he she it they we you i his her its their our your my this that
    these those there here what who whom whose which where why how all some any each every no not many
    much more most other such only also even still just then thus however meanwhile instead indeed
    moreover plus yesterday today tomorrow last next one two three four five six seven eight nine ten
    during under over about against between into through despite among within without both either
    neither according asked please let do does did is are was were be been have has had will would
    can could may might must shall should
    """.split()
)

CONNECTORS = frozenset({"of", "de", "du", "des", "la", "le", "van", "von", "der", "den", "bin", "al", "el", "&", "y", "da", "di", "do"})
PRONOUNS = {"he": "m", "she": "f", "they": "", "i": "", "we": ""}
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
# Last words of named buildings and features: "Iikura Guest House", "Tiananmen Square".
PLACE_HEADS = frozenset(
    """house palace hall tower square building airport bridge stadium street avenue park station port
    island islands river lake mountain mountains valley bay sea ocean strait peninsula province canal
    desert forest coast beach harbor harbour base arena plaza temple shrine cathedral mosque castle""".split()
)

# Members of a party named for the party: the sidebar lists the party as involved ("Republicans",
# "the GOP" -> Republican Party). Only words that name party members and nothing else.
PARTY_MEMBERS = {
    "Republicans": "Republican Party", "GOP": "Republican Party", "G.O.P.": "Republican Party",
    "Democrats": "Democratic Party", "Democrat": "Democratic Party",
    "Tories": "Conservative Party", "Tory": "Conservative Party", "Libertarians": "Libertarian Party",
}
# Party adjectives, taken as the party only when they stand alone ("Democratic lawmakers", "a Republican").
PARTY_ADJECTIVES = {"Republican": "Republican Party", "Democratic": "Democratic Party"}

# Nouns that follow a person's name, rarely a town's: "the Obama administration", "Trump aides".
# After a name they make it a modifier, neither the speaker nor the subject of a verb.
PERSON_MODIFIED_NOUNS = frozenset("""administration campaign agenda presidency era aides supporters allies family
    advisers advisors loyalists""".split())
# Those and nouns that follow a place's name as well ("the Ferguson government", "Kent officials").
NAME_MODIFIED_NOUNS = PERSON_MODIFIED_NOUNS | frozenset(
    "government officials voters critics opponents spokesmen lawyers attorneys".split())

# Irregular past tenses: without a parser they mark where a noun phrase ends ("fuel oil ran aground").
IRREGULAR_PAST = frozenset(
    """ran sank went came hit struck fell rose took made gave left got put sent spent lost won built sold
    bought brought caught thought fought held kept led met paid told saw found became began broke chose drove
    flew froze grew hid knew lay rode rang sang sat shook shot shut slid spoke spun stood stole stuck swam
    swung threw tore woke wore wrote burst cost cut hurt let quit spread split sprang sprung blew drew dug
    """.split()
)
