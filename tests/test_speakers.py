"""Who said a quote, on texts written for these tests: descriptors, party tags and appositions around
the name, transcript labels, sign-offs, pronouns and nouns that stand for a named person."""

from __future__ import annotations

import pytest

from desktop.core.ingest.build import article_from_text
from desktop.core.entities import extract
from desktop.core.entities.model import EntityType


def _speakers(text: str) -> dict[str, str]:
    ext = extract(article_from_text("Harbour news\n\n" + text, path="speakers.txt"))  # the first line is the title
    return {q.text.split()[0].strip("\u201c\"'"): q.speaker for q in ext.quotes}


@pytest.mark.parametrize("sentence, speaker", [
    ("\u201cWe welcome the ruling,\u201d ferry company lawyer Dana Whitcombe said.", "Dana Whitcombe"),
    ("\u201cThe cuts will hurt families,\u201d said flood survivor Ola Brandt.", "Ola Brandt"),
    ("\u201cIt is a disgrace to the harbour,\u201d Rep. Nora Quill (D-Ore.) said Friday.", "Nora Quill"),
    ("\u201cWe will rebuild the chapel,\u201d said the Rev. Amos Pettigrew, of Harbour Street Chapel.", "Amos Pettigrew"),
    ("\u201cSubpoenas are not a suggestion,\u201d Oversight Chairman Jeff Tandy (R-Utah) said.", "Jeff Tandy"),
    ("\u201cWe will find out what happened,\u201d Lakeside police Chief Tom Arvid said Monday.", "Tom Arvid"),
    ("\u201cThe tide tables were wrong,\u201d said 4/12 survivor Greta Olund.", "Greta Olund"),
    ("\u201cThe levy is fair,\u201d Senator Mara Lind, R-Ore., said on Tuesday.", "Mara Lind"),
    ("Dean Morrow, the director of debate at Harbour College, compared the mayor to a referee who is "
     "\u201cworking the crowd\u201d at every meeting.", "Dean Morrow"),
    # any lower-case word but a function word describes: "agent", "ranking", "super"
    ("\u201cThe statute reaches words not said under oath,\u201d former FBI agent Ivo Brandl explained.", "Ivo Brandl"),
    ("\u201cThe hearing was a circus,\u201d said Harbour ranking member Elsa Marek (D-Ore.).", "Elsa Marek"),
    ("\u201cThe levy will pass in the spring,\u201d super PAC spokeswoman Ines Kotter said.", "Ines Kotter"),
    # a name that a describing word and another name follow only describes the speaker
    ("\u201cWe never attacked the mayor after the vote,\u201d said Democratic pollster Rune Salo.", "Rune Salo"),
    ("\u201cThe council will vote again,\u201d said Quill aide Oskar Lenz.", "Oskar Lenz"),
    # a reporting verb beyond "said", and "said S" closing the quote's sentence
    ("\u201cThe ferry is a lifeline for the island,\u201d Halvorsen charged at the meeting.", "Halvorsen"),
    ("The port has used \u201csoft hands\u201d with its neighbours, said Marta Olsen, a trade expert at Harbour College.",
     "Marta Olsen"),
    # the verb opening the sentence, with an apposition; a name before the colon that opens the quote
    ("Said Dana Poe, who grew up on Harbour Street, \u201cWe were all proud of the crew.\u201d", "Dana Poe"),
    ("\u201cWhy is this not proof that the port is too big to manage?\u201d Senator Ivar Holm demanded.", "Ivar Holm"),
    ("According to talk radio host Rush Bellamy, the ferry deal reeks of \u201cfear and panic.\u201d", "Rush Bellamy"),
    ("The late surge does not surprise Harbour pollster Daron Vik: \u201cLesser-known candidates often rise late.\u201d",
     "Daron Vik"),
])
def test_titles_descriptors_and_party_tags_around_the_name(sentence, speaker):
    assert list(_speakers(sentence).values()) == [speaker]


def test_descriptor_naming_another_person_does_not_take_the_quote():
    # "Mayor Ruth Halvorsen lawyer" is the lawyer's descriptor: the lawyer speaks, not the mayor.
    text = ("Mayor Ruth Halvorsen lost the appeal on Monday.\n\n"
            "\u201cWe will appeal again,\u201d Halvorsen lawyer Piet Varga said.")
    assert _speakers(text)["We"] == "Piet Varga"


def test_transcript_labels_and_sign_offs_name_the_speaker():
    text = ("Harbour news\n\nGovernor Alma Keel spoke to the host on Sunday. A partial transcript follows.\n\n"
            "\"KEEL: The bridge will open in the spring, and not a day later.\n\n"
            "\u201cI hope the voters turn out in the spring.\u201d \u2015 Ramona Estevez\n\n"
            "\u201cMaybe we can build a fence around the stadium.\u201d \u2015 Tobias Wren.")
    ext = extract(article_from_text(text, path="transcript.txt"))
    by_first = {q.text.split()[0]: q for q in ext.quotes}
    assert by_first["KEEL:"].speaker == "Alma Keel"
    keel = next(e for e in ext.entities if e.name == "Alma Keel")
    assert "KEEL" in {m.text for m in keel.mentions}  # the label is marked as her
    assert by_first["I"].speaker == "Ramona Estevez"
    assert by_first["Maybe"].speaker == "Tobias Wren"


def test_a_label_that_is_not_a_speaker_is_not_one():
    text = "\"UPDATE: The ferry resumed service at noon, the operator said in a notice to riders."
    assert all(q.speaker != "UPDATE" for q in extract(article_from_text(text, path="u.txt")).quotes)


def test_she_said_goes_to_the_nearest_woman_before_it():
    text = ("Harbour Commissioner Peter Olsen opened the hearing. Senator Mara Lind spoke after the vote.\n\n"
            "\u201cThe bill is dead for this session,\u201d she said.")
    assert _speakers(text)["The"] == "Mara Lind"


def test_a_noun_for_a_named_person_is_that_person_and_marked_as_a_mention():
    text = ("Mayor Ruth Halvorsen opened the bridge on Monday.\n\n"
            "\u201cThis took eleven years,\u201d the mayor said.")
    ext = extract(article_from_text(text, path="mayor.txt"))
    assert [q.speaker for q in ext.quotes] == ["Ruth Halvorsen"]
    person = next(e for e in ext.entities if e.type == EntityType.PERSON and e.name == "Ruth Halvorsen")
    assert "the mayor" in {m.text for m in person.mentions}


def test_one_quoted_word_is_a_quote_and_a_quoted_name_is_not():
    text = ("Senator Mara Lind called the plan \u201creckless\u201d on Tuesday, and the ferry is still "
            "called the \u201cHarbour Queen\u201d by riders.")
    ext = extract(article_from_text(text, path="word.txt"))
    assert [(q.text, q.speaker) for q in ext.quotes] == [("reckless", "Mara Lind")]


def test_according_to_at_the_start_of_a_sentence():
    text = "According to Vance, \u201cif it was left up to the council, nothing would get built.\u201d"
    assert list(_speakers(text).values()) == ["Vance"]


STEELE_LIKE = (
    "Harbour chief under pressure\n\n"
    "Council members kept up pressure on harbour Chairman Rolf Dahl on Sunday to better explain his recorded "
    "claim that the sea wall is a \"project of the mayor's choosing\" and may never be finished.\n\n"
    "Speaking on \"Harbour Radio Sunday,\" Councillor Jens Holm would not go that far but said Dahl must "
    "apologize to the engineers.\n\n"
    "\"Chairman Dahl needs to apologize to the engineers who have been building this wall,\" he said.\n\n"
    "Tomas Berg, the editor of the Harbour Review, who led the calls for Dahl to step down, said on the radio "
    "that Dahl still needs to go -- though he said Dahl tried to convince him otherwise.\n\n"
    "\"I think it would be better if he went,\" he said.\n\n"
    "Rolf Dahl, chairman of the harbour board, drew criticism on Friday after declaring that the wall was a "
    "fight he called \"a project of the mayor's choosing.\"\n")


def test_he_said_after_a_quote_naming_someone_is_not_that_someone():
    quotes = {q.text.split()[0]: q.speaker for q in extract(article_from_text(STEELE_LIKE, path="s.txt")).quotes}
    assert "Dahl" not in quotes["Chairman"]  # the councillor speaks about Dahl
    assert "Holm" in quotes["Chairman"]
    assert quotes["I"] == "Tomas Berg"  # not Dahl, named as an object in the sentence before


def test_the_owner_of_a_claim_is_its_speaker_and_a_pronoun_subject_resolves():
    quotes = [(q.text, q.speaker) for q in extract(article_from_text(STEELE_LIKE, path="s.txt")).quotes]
    assert quotes[0] == ("project of the mayor's choosing", "Rolf Dahl")  # "his claim that", not "Council members"
    assert quotes[-1] == ("a project of the mayor's choosing.", "Rolf Dahl")  # "a fight he called"


@pytest.mark.parametrize("text, quote, speaker", [
    # a quote that ends its sentence is not the next sentence's subject's
    ("Mayor Ruth Halvorsen accused the board of \"reckless planning.\" Councillor Jens Holm said the plan "
     "was \"spiraling out of control.\"", "reckless planning.", "Ruth Halvorsen"),
    # a name in apposition to the noun opening the sentence
    ("Another critic, Anna Lind, likened the levy to \"a toll on breathing\" at the meeting.",
     "a toll on breathing", "Anna Lind"),
    # a party adjective before a plural noun is not a subject
    ("The Harbour Fact Institute rated 32% of Republican claims as \u201cfalse\u201d last year.", "false",
     "Harbour Fact Institute"),
    # a noun phrase led by a possessive name is someone else, not the possessor
    ("Mayor Ruth Halvorsen lost the vote.\n\n\u201cThat was a mistake,\u201d Halvorsen's former campaign "
     "strategist said in an interview.", "That was a mistake,", "Halvorsen's former campaign strategist"),
    # remarks not given as "that ...": the quote is not the remarks' owner's
    ("Anna Lind, a senior adviser to the ferry union, called Mr. Holm's remarks on Saturday \"a true wake-up "
     "call\" for the union.", "a true wake-up call", "Anna Lind"),
])
def test_sentence_ends_appositions_adjectives_and_possessives(text, quote, speaker):
    ext = extract(article_from_text("Harbour news\n\n" + text, path="s.txt"))
    assert {q.text: q.speaker for q in ext.quotes}[quote] == speaker


def test_a_pronoun_inside_a_word_and_a_day_are_not_speakers():
    # "the claims had" holds "he claims"; "On Sunday, Ruiz, who ..., tweeted": the day opens the sentence
    text = ("Karen Lott, vice president and general counsel for the Lott Group, said in a written statement "
            "in March that the claims had \"no merit at all.\"\n\n"
            "At one point on Sunday, Ruiz, who has many followers on the island, tweeted, \"The ferry will run "
            "again by noon.\"")
    found = _speakers(text)
    assert found["no"] == "Karen Lott"
    assert found["The"] == "Ruiz"


def test_a_place_before_the_colon_is_not_a_speaker():
    # "wrote on Twitter:": the platform is not the speaker; the writer is
    text = "Mayor Tove Rask wrote on Twitter: \u201cThe ferry will run again by noon.\u201d"
    assert _speakers(text)["The"] == "Tove Rask"


def test_a_paragraph_ending_with_a_colon_names_the_quote_that_opens_the_next():
    text = ("Few of the mayor's donors gave small sums. Mayor Ruth Halvorsen wrote:\n\n"
            "\"Only a quarter of the donors gave less than two hundred crowns, and that worries me.\"")
    assert _speakers(text)["Only"] == "Ruth Halvorsen"


@pytest.mark.parametrize("text, quote, speaker", [
    # the name after "Of" is what is spoken about; the one in the clause after it speaks
    ("Of Halvorsen, Levin Auer, who gave money to her rival, said, \u201cShe is a fine mayor.\u201d", "She", "Levin Auer"),
    # a negated auxiliary after the subject, with either apostrophe
    ("Ines Weaver didn\u2019t seem impressed, telling reporters, \u201cA lot of people want the mayor gone.\u201d",
     "A", "Ines Weaver"),
    # the day between the name and the verb
    ("Mayor Ruth Halvorsen on Thursday said, \u201cI can assure the public that nothing improper took place.\u201d",
     "I", "Ruth Halvorsen"),
    # a possessive after a name is not its verb: "he" is the man who expressed frustration, not Halvorsen
    ("Governor Piet Varga spoke on Monday. He expressed frustration at the Halvorsen administration\u2019s failure "
     "to draw \u201cred lines\u201d on the harbour.", "red", "Piet Varga"),
    ("\u201cYour support is amazing,\u201d Mayor Ruth Halvorsen assured the crowd.", "Your", "Ruth Halvorsen"),
    ("As the Harbour Times pointed out, \u201cthe mayor has so far declined to release her tax returns.\u201d", "the",
     "Harbour Times"),
])
def test_clauses_around_the_subject(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # two writers: the first named
    ("\u201cThe mayor may yet be removed before the vote,\u201d Ana Dovere and Gabe Tamm wrote.", "The", "Ana Dovere"),
    # a participle clause between the subject and its verb
    ("Ivar Holm, leading narrowly in the polls and spending his time on the islands, questioned the "
     "\u201charbour values\u201d of his rival.", "harbour", "Ivar Holm"),
    # "as X puts it"
    ("As the Harbour Times\u2019s Dana Milbrook puts it, \"The council is unmoved and the voters are uninspired.\"",
     "The", "Dana Milbrook"),
])
def test_more_ways_of_naming_who_spoke(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


@pytest.mark.parametrize("text, quote, speaker", [
    # an article opening the description
    ("\"The mayor invited both of us to her house today,\" the Times\u2019s senior politics editor Ivo Brandl "
     "responded.", "The", "Ivo Brandl"),
    # a straight quote mark opened, a curly one closing
    ("\"But the ferry still ran,\u201d Halvorsen said. \"I know that much.\"", "But", "Halvorsen"),
    # "according to X:" is X's, though X is no person
    ("According to the Harbour Times: \u201cThe senator has had a mixed record on the ferry.\u201d", "The",
     "Harbour Times"),
    # "said X," inside a sentence, before the quote
    ("But, said Ida Solovey, \"I don\u2019t want to drum up a conflict with the council.\"", "I", "Ida Solovey"),
    # an unnamed speaker described in a few words, after the quote: shown as written
    ("\u201cThey do not see that the ferry is bigger than the council,\u201d said one Halvorsen confidant.", "They",
     "one Halvorsen confidant"),
    ("\u201cWe will not budge on the levy at all,\u201d a senior aide to the governor said.", "We",
     "a senior aide to the governor"),
])
def test_descriptions_and_marks_around_the_speaker(text, quote, speaker):
    assert _speakers(text)[quote] == speaker


def test_an_unnamed_commenter_is_not_given_a_name():
    text = ("Mayor Ruth Halvorsen laid flowers at the harbour on Monday.\n\n"
            "One man wrote, \u201cShe could barely bend over to place those flowers.\u201d")
    assert _speakers(text)["She"] == "One man"


def test_the_congressman_is_the_representative_named_before():
    text = ("Rep. Bo Etter walked out of the hall on Monday.\n\n"
            "\"Who are you?\" the seven-term congressman demands. \"Tell me who you are.\"")
    assert _speakers(text)["Who"] == "Bo Etter"


def test_a_paragraph_ending_with_a_colon_hands_the_quote_to_its_subject():
    text = ("The Harbour Trust describes itself in the following way:\n\n"
            "\u201cEverywhere we go, we try to work ourselves out of a job.\u201d")
    assert _speakers(text)["Everywhere"] == "Harbour Trust"
