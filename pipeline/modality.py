"""Whether a clause asserts a deal (step 2 of :mod:`pipeline.relations`).

Rumours, talks, plans, hypotheticals, denials, analysts' estimates, projections and deals
undone since are not facts: :func:`is_asserted` says no to a cue word under any of them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pipeline.cues import (
    REPORTING,
    dep_distance,
    lemma_of,
)
from pipeline.orgs import (
    GENERIC_NOUN,
    RELATIVE_PRONOUNS,
)


# Words that make a clause not an assertion of a completed or agreed deal.
HEDGES = {
    "reportedly", "rumor", "rumour", "rumored", "rumoured", "rumors", "rumours",
    "speculation", "speculate", "allegedly", "hypothetically", "purportedly", "unsolicited",
}  # fmt: skip
NOT_ASSERTED_HEADS = {
    "talk", "talks", "consider", "weigh", "explore", "plan", "intend", "aim", "seek", "hope",
    "mull", "discuss", "negotiate", "deny", "target", "estimate", "forecast", "project",
    "predict", "expect", "could", "might", "may", "if", "unless", "would-be", "potential",
    "possible", "rumor", "rumour", "want", "eye", "float", "propose", "suggest", "believe",
    "anticipate", "envision", "imagine", "speculate", "reconsider", "abandon", "scrap",
    "schedule", "terminate", "cancel", "withdraw", "reject", "block", "collapse", "track",
    "drop", "unwind", "promise", "proposal", "try", "attempt", "claim", "prepare",
    "hopes", "hoped", "hoping",  # which the lemmatizer reads as forms of "hop"
}  # fmt: skip
# Sentences that set up an example rather than report: "Suppose a company …", "Imagine that …".
HYPOTHETICAL_OPENING = re.compile(r"\s*(?:Suppose|Imagine|Picture|Assume|Say)\b(?! (?:it|that it) (?:has|had|was|did)\b)")
GENERIC_DETERMINERS = {"a", "an", "any", "every", "each"}


def _points_back_to_a_figure(root: Token, sent: Span) -> bool:
    """ "That $200 million is the pre-money valuation": a figure the text gave before, now
    explained, not a new fact."""
    first = min(t.i for t in root.subtree)
    before = root.doc[first - 1] if first > sent.start else None
    return before is not None and before.lower_ in ("that", "this", "those", "these") and (
        before.i == sent.start or before.dep_ in ("det", "mark")
    )


def _about_any_company(token: Token) -> bool:
    """Whether a clause is about a kind of company, not one: "A company valued at $1bn that
    raises …". Not "Zentra, a company that raised …", which describes a named one."""
    if any(t.pos_ == "PROPN" for t in token.subtree):
        return False  # "a group that included Andreessen Horowitz": the clause names its members
    described = [token.head] if token.dep_ in ("relcl", "acl") else []
    described += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        noun.pos_ == "NOUN" and noun.dep_ != "appos"
        and GENERIC_NOUN.fullmatch(noun.lower_) is not None
        and any(d.dep_ == "det" and d.lower_ in GENERIC_DETERMINERS for d in noun.children)
        for noun in described
    )  # fmt: skip


# What a buying verb may be the topic of without a deal being done: "held talks about buying".
TALK_NOUNS = {"talk", "talks", "discussion", "negotiation", "conversation"}
# Phrases that undo a deal, wherever they stand in the sentence.
# Arithmetic asides and inverted conditionals ("Had Google bought X, …") state no deal.
ASIDE = re.compile(
    r"^\s*(?:Had|Were|Should)\s|\b(?:works? out (?:at|to)|spread evenly|equivalent to|on paper|adds? up to"
    r"|added up to|taken together)\b",
    re.IGNORECASE,
)
UNDONE = re.compile(
    r"\b(?:turn(?:s|ed)? down|walk(?:s|ed)? away|call(?:s|ed)? off|pull(?:s|ed)? out|fell through|"
    r"terminat\w+|abandon\w*|scrapp?\w*|rebuff\w*|trumped|outbid|gazumped|g(?:ive|ives|ave|iven|iving) up on"
    r"|(?:offered|bid) [^.;]{0,40}\band lost)\b",
    re.IGNORECASE,
)
MODALS = {"could", "might", "may", "should", "would"}
NOT_YET_DONE = {
    "planned", "proposed", "mooted", "rumoured", "rumored", "potential", "possible", "prospective", "hoped-for",
    "preliminary", "indicative",
}  # fmt: skip
# Attribution formulas of unconfirmed reports ("people familiar with the matter said").
HEDGE_PHRASES = re.compile(
    r"\b(?:familiar with|reports? (?:(?:in|from|by|at|earlier|last) [\w ]{0,30}?)?(?:had |have )?(?:said|say|says|suggested|suggest|put|valued)"
    r"|letters? of intent|non-binding|framework agreement"
    r"|(?:was|were|been) reported|under (?:discussion|consideration)"
    r"|reported that|according to (?:an? |two |three |several )?(?:reports?|people|persons?|sources|media)|sources (?:said|say)"
    r"|people with knowledge|(?:newspaper|magazine|broadcaster|news outlet)\b[^.;]{0,40}?\b(?:said|says|reported|reports)\b"
    r"|(?:a|the) (?:[\w-]+ )?reports? that|the same (?:people|person|sources?) (?:said|say|says|added)|citing (?:[\w-]+ ){0,3}sources|(?:is|are|was|were) said to|on (?:track|course) to(?! (?:complete|close|be completed|be closed)\b)|(?:close|closing in|near) to (?:a|an) (?:deal|agreement)|nearing (?:a|an) (?:deal|agreement)"
    r"|(?:estimates?|forecasts?|projections?) (?:put|puts|suggest|suggests|show|shows))\b",
    re.IGNORECASE,
)
# What analysts expected: a hedge for the figure it is about, not for a reported figure it is
# compared with ("revenue climbed to $13.6bn, ahead of the $13.1bn that analysts had expected")
ANALYST_ESTIMATE = re.compile(
    r"\banalysts?\b[^.;]{0,40}?\b(?:estimate[sd]?|expect(?:s|ed)?|reckon(?:s|ed)?|believe[sd]?|say|said|pencil+ed in"
    r"|forecast|project(?:s|ed)?)\b",
    re.IGNORECASE,
)
# Words whose clause, wherever the figure sits under it, projects revenue rather than reports it.
PROJECTING = {"guide", "guidance", "forecast", "outlook", "projection", "target", "goal"}
UNFINISHED = {"raise", "seek", "negotiate", "discuss", "pursue"}  # "is raising": not closed yet


def _up_to_relative_clause(token: Token) -> list[Token]:
    """A token and its heads up to the verb of the relative clause it stands in: "analysts
    question whether Adobe can keep up with Salesforce, which agreed to pay $6.5bn for
    MuleSoft" asserts what the relative clause says, whatever the main clause doubts."""
    chain = [token]
    for ancestor in token.ancestors:
        chain.append(ancestor)
        if ancestor.dep_ == "relcl" and any(c.lower_ in ("which", "who") and c.dep_ in ("nsubj", "nsubjpass") for c in ancestor.children):
            break
        if _past_event_clause(ancestor):
            break  # "It would be the largest chip deal since 2020, when AMD agreed to buy Xilinx for $35bn"
    return chain


PAST_AUXILIARIES = {"was", "were", "had"}


def _past_event_clause(verb: Token) -> bool:
    """Whether a relative or "when" clause with a subject of its own reports something past,
    whatever the clause it hangs from says: "It would be the largest chip deal since 2020, when
    AMD agreed to buy Xilinx" (not "an offering that raised $1.5bn", which describes the noun)."""
    when_clause = verb.dep_ == "advcl" and any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in verb.children)
    if not (verb.dep_ == "relcl" or when_clause) or not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children
    ):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in MODALS or c.lower_ in ("will", "'ll") for c in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(c.lower_ in PAST_AUXILIARIES for c in auxiliaries)


CONTRACT_NOUNS = {"contract", "agreement", "deal", "lease", "arrangement", "partnership"}


def is_asserted(cue: Token, root: Token, sent: Span, kind: str) -> bool:
    """Whether the clause states the fact, rather than a rumour, plan, denial or projection."""
    text = sent.text
    if any(t.lower_ in HEDGES for t in sent) or HEDGE_PHRASES.search(text) or _undone(sent, root) or ASIDE.search(text):
        return False
    if _estimated_by_analysts(root, sent):
        return False
    if HYPOTHETICAL_OPENING.match(text) or _points_back_to_a_figure(root, sent):
        return False  # "Suppose a company we will call Quillmark takes $50m"; "That $200m is …"
    if _planned_thing(root):
        return False  # "a 2-gigawatt cluster that Humain plans to start deploying"
    chain = _up_to_relative_clause(cue) + _up_to_relative_clause(root)
    if any(_about_any_company(token) for token in chain):
        return False  # "A company valued at $1bn that raises at $600m has done a down round"
    seen: set[int] = set()
    for token in chain:
        if token.i in seen:
            continue
        seen.add(token.i)
        if token.pos_ != "PROPN" and (lemma_of(token) in NOT_ASSERTED_HEADS or token.lower_ in NOT_ASSERTED_HEADS):
            return False  # (a PROPN "May" is the month)
        if any(c.dep_ == "amod" and c.lower_ in NOT_YET_DONE for c in token.children):
            return False  # "Gallagher's planned $3.57bn purchase of Willis Re"
        if lemma_of(token) in ("right", "option") and token in root.ancestors and any(
            c.dep_ in ("acl", "xcomp", "relcl") and c.pos_ == "VERB" and c in root.ancestors for c in token.children
        ):
            return False  # "gives Core42 the right to grow its footprint to 108MW": an option
        if token.dep_ == "pcomp" and token.head.lower_ in ("about", "over", "on") and any(
            c.dep_ == "dobj" and lemma_of(c) in TALK_NOUNS for c in token.head.head.children
        ):
            return False  # "held talks earlier this year about buying Windsurf"
        if lemma_of(token) in UNFINISHED and token.tag_ == "VBG" and not (
            token.dep_ == "pcomp" and token.head.lower_ in ("after", "since", "by", "following")
        ):
            return False  # "is raising"; but "valued at $1bn after raising $150m" is done
        for child in token.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return False
            if child.dep_ == "aux" and child.lower_ in MODALS:
                # "Amazon said it would invest" reports a decision; "a venture they said
                # would invest" (a relative clause) describes an intention.
                governed_by_report = any(
                    lemma_of(a) in REPORTING and a.dep_ not in ("relcl", "acl") for a in token.ancestors
                )
                # "contracts under which Core Scientific will host 200MW": the terms of a
                # contract the text reports as signed
                contract_terms = token.dep_ == "relcl" and lemma_of(token.head) in CONTRACT_NOUNS
                if contract_terms and child.lower_ in ("will", "'ll", "would") and kind != "Revenue":
                    continue
                if child.lower_ != "would" or not governed_by_report:
                    return False
            if kind == "Revenue" and child.dep_ == "aux" and child.lower_ in ("will", "'ll", "would"):
                return False  # future revenue is a projection, even as reported ("said it would reach")
    if kind == "Revenue" and any(
        t.lower_ in ("target", "goal", "projected", "forecast", "guided", "guidance", "outlook", "peak", "sees")
        and (dep_distance(root, t) <= 4 or dep_distance(cue, t) <= 2)
        for t in sent
    ):
        return False  # (not "… ahead of the 28.6p the City had forecast", about earnings)
    if kind == "Revenue" and any(lemma_of(a) in PROJECTING for a in root.ancestors):
        # "Hood guided to … revenue of $25.55bn to $25.85bn"; "its own forecast, which had
        # pointed to sales of between $806m and $811m"
        return False
    return True


def _planned_thing(figure: Token) -> bool:
    """Whether the figure sizes a thing that a relative clause says someone only plans: "Project
    Halo, a 2-gigawatt cluster that Humain plans to start deploying"."""
    if figure.dep_ not in ("compound", "amod", "nummod", "npadvmod"):
        return False
    return any(
        clause.dep_ == "relcl" and lemma_of(clause) in NOT_ASSERTED_HEADS and clause.pos_ == "VERB"
        for clause in figure.head.children
    )


def _estimated_by_analysts(root: Token, sent: Span) -> bool:
    """Whether an analysts' estimate in the sentence is about this figure: the estimate's
    clause holds the figure, or governs the clause that does ("analysts expect revenue of
    $5bn"); not "climbed to $13.6bn, ahead of the $13.1bn that analysts had expected"."""
    for match in ANALYST_ESTIMATE.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
        if span is None:
            return True
        verbs = [t for t in span if t.pos_ in ("VERB", "AUX")] or [span.root]
        for verb in verbs:
            clause = verb
            while clause.dep_ in ("aux", "auxpass") and clause.head != clause:
                clause = clause.head
            if root == clause or clause in root.ancestors:
                return True
            described = clause.head if clause.dep_ in ("relcl", "acl") else None
            if described is not None and (
                described == root or described in root.ancestors
                or (root in described.subtree and described.i >= root.i)  # the figure parsed as its modifier
            ):
                return True  # "the $5bn analysts expected": the figure the clause describes
    return False


TEMPORAL_MARKS = {"after", "since", "following"}


def _earlier_event(root: Token) -> Token | None:
    """The clause of "after …" (or "since", "following") that holds ``root``, if any: it
    states what happened before the main clause, whatever the main clause says. Not when the
    figure is of a deal named before ("given up on its purchase of Kokusai after China's
    regulator failed to approve the $3.5bn deal"): that is the deal the main clause is about."""
    noun = root.head if root.dep_ in ("compound", "nummod", "nmod", "quantmod") else root
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children):
        return None
    for clause in [root, *root.ancestors]:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in clause.children):
            return clause
        if clause.dep_ in ("pcomp", "pobj") and clause.head.lower_ in TEMPORAL_MARKS:
            return clause.head
    return None


def _undone(sent: Span, root: Token) -> bool:
    """Whether the sentence says a deal was undone ("walked away", "called off"); not when the
    undoing is only a possibility ("a fight over whether he could walk away"), nor when the
    figure is in a clause of what happened before it ("The rebuff comes days after the two
    companies set out contracts under which Core Scientific will host 200MW")."""
    earlier = _earlier_event(root)
    for match in UNDONE.finditer(sent.text):
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        verb = span[0]
        if earlier is not None and not (earlier.left_edge.i <= verb.i <= earlier.right_edge.i):
            continue
        hypothetical = any(
            (c.dep_ == "aux" and c.lower_ in MODALS) or (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
            for head in [verb, *list(verb.ancestors)[:2]]
            for c in head.children
        )
        if not hypothetical:
            return True
    return False
