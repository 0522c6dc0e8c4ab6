"""The relation machinery on the project's own corpus (corpus/README.md)."""

import json

import pytest

from pipeline.config import Settings
from pipeline.evaluate import _Names, evaluate

from .conftest import CORPUS

# The figures when these floors were last set; a regression fails. Rules are tuned on
# corpus/dev only; corpus/test is scored, never read while writing rules. The test split was
# renewed in session 3 (corpus/README.md), hence the lower floors than before. The dev floors
# were set on 208 articles in session 9; the 24 it added were scored blind first (F1 0.418),
# so dev's figures fell though the 184 older articles' rose (F1 0.759 -> 0.780). Session 10
# raised them to its measured P 0.825 R 0.717 F1 0.767 (test unchanged at 0.649). Session 11
# added 24 blind articles (first scored F1 0.383); with them and its rules dev is P 0.809
# R 0.694 F1 0.747, and test P 0.654 R 0.662 F1 0.658. Session 12's first rules brought dev to
# 0.775 and test to 0.671; its blind batch of 24 (first scored F1 0.386) then took dev to P 0.788
# R 0.675 F1 0.727, and its later rules to P 0.816 R 0.699 F1 0.753 (test P 0.675 R 0.675).
# Session 13 added 24 blind articles (first scored F1 0.365): dev P 0.774 R 0.653 F1 0.708;
# its rules brought dev to P 0.817 R 0.693 F1 0.750, and test to P 0.684 R 0.675 F1 0.680.
# Session 14's first rules brought dev to 0.765 and test to 0.688; its blind batch of 12 (first
# scored F1 0.396) then took dev to P 0.804 R 0.699 F1 0.748, and its later rules to P 0.810
# R 0.704 F1 0.753 (test P 0.688 R 0.688 F1 0.688).
# Session 16 added 18 blind articles (first scored F1 0.446): dev P 0.804 R 0.696 F1 0.746; its
# rules brought dev to P 0.832 R 0.720 F1 0.772 (test unchanged at P 0.692 R 0.701 F1 0.697).
DEV_FLOOR = {"precision": 0.83, "recall": 0.72, "f1": 0.77}
TEST_FLOOR = {"precision": 0.69, "recall": 0.70, "f1": 0.69}


# Spurious facts the rules still read from a dev distractor sentence: a ceiling, like the
# floors above: lower it as rules improve, never raise it. The extraction issue's target is 0;
# the 30 dev articles added in session 3 brought it from 0 to 16, session 4 down to 13 (financing, plans said with
# "would", capital spending, segment sales, pro-forma totals, government contracts), session 6
# down to 9 (market values in a sentence about the stock; a product's and a unit's sales; a
# fund's size). Session 7 added 24 articles (12 hits with them) and brought it to 7 (assets
# under management, joint ventures, promises, sums of two deals, places as cloud providers).
# Session 8 added 24 more (13 hits with them) and brought it back to 7 (reports, letters of
# intent, analysts' pencilled-in sales, unsolicited proposals, bids trumped by a rival, debt
# taken on, bonds and share sales, contracts valued at a figure). Its second batch of 24
# (prefixes below) brought 15 more sentences with hits; rules for market moves, framework agreements,
# planned purchases, profits and losses brought them to 11, which have a ceiling of their own
# so that the older articles' ceiling stays at 7. Session 9's blind batch of 24 brought 9 more;
# rules for a person's fortune, a loss beside revenue, a deal said to be close, a company a
# merger will form and a purchase given up brought them to 2. Session 10's rules brought the
# second batch of session 8 to 10. Session 11's blind batch brought 14 more; rules for figures
# restated in another currency, a newspaper's report, talks about buying, examples ("Suppose",
# "a company valued at …") and figures pointed back to ("That $200m") brought them to 6, its
# later rules to 5. Session 12's rules brought the older articles to 5 and session 8's second
# batch to 8; its blind batch (prefixes a- and d-) brought 18 more, which its rules for backlogs,
# guidance and totals since a founding brought to 12. Session 13's blind batch (c13-, i13-, l13-,
# r13-) brought 16, its rules for guarantees, project financing, reporters citing sources,
# planned capacity, reports that someone dismissed and funds raised by investment firms 8; the
# same rules brought the older articles to 4, session 8's second batch to 5, session 11's to 4
# and session 12's to 11. Session 14's rules brought the older articles to 3, session 12's batch
# to 9 and session 13's to 6; its own blind batch (f14-, m14-) stands at 9 (a letter of intent
# read as a deal, a bid that lost, a segment's takings, net debt in a deal's value, …).
# Session 15's blind batch (g15-, v15-, r15-) brought 14; its rules for tender offers, money
# a listing raised, totals "since 2019" or "counting" earlier money, generic campuses and
# purchases "tried" brought them to 6.
# Session 16's blind batch (i16-, k16-, e16-) brought 14; its rules for power purchase
# agreements, options to grow, totals across contracts, offers that lost, what reports
# "claimed", share sales and offers' implied values brought them to 0, session 15's batch to 3
# and session 8's second batch (i-, j-, l-, o-) to 2.
KNOWN_DISTRACTOR_HITS = 3
BATCH_CEILINGS = {
    ("s-", "t-", "u-", "v-"): 5, ("w-", "x-", "y-", "z-"): 2, ("i-", "j-", "l-", "o-"): 2, ("a-", "d-"): 9,
    ("c13-", "i13-", "l13-", "r13-"): 6, ("f14-", "m14-"): 9, ("g15-", "v15-", "r15-"): 3,
    ("i16-", "k16-", "e16-"): 0,
}


@pytest.fixture(scope="module")
def dev_scores(nlp):
    return evaluate(CORPUS / "dev", Settings(), nlp=nlp)


def test_dev_scores_do_not_regress(dev_scores) -> None:
    overall = dev_scores.overall
    assert dev_scores.articles == len(list((CORPUS / "dev").glob("*.json")))
    assert overall.precision >= DEV_FLOOR["precision"], dev_scores.errors
    assert overall.recall >= DEV_FLOOR["recall"], dev_scores.errors
    assert overall.f1 >= DEV_FLOOR["f1"], dev_scores.errors


def test_test_split_scores_do_not_regress(nlp) -> None:
    scores = evaluate(CORPUS / "test", Settings(), nlp=nlp)
    overall = scores.overall
    assert scores.articles == len(list((CORPUS / "test").glob("*.json")))
    assert overall.precision >= TEST_FLOOR["precision"]
    assert overall.recall >= TEST_FLOOR["recall"]
    assert overall.f1 >= TEST_FLOOR["f1"]


def test_every_gold_file_is_well_formed() -> None:
    kinds = {"Investment", "Acquisition", "Valuation", "ComputeCommitment", "CloudCommitment", "Revenue"}
    for path in sorted(CORPUS.rglob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert path.with_suffix(".html").exists(), path
        assert {"url", "headline", "published", "facts"} <= set(gold), path
        for fact in gold["facts"]:
            assert fact["type"] in kinds, path
            if fact["type"] == "Investment":
                assert isinstance(fact.get("investor", []), list), path


def test_no_wrong_fact_is_read_from_a_distractor(dev_scores) -> None:
    """Rumours, projections, related-story headlines … never become the evidence of a
    spurious fact. (A sentence may hold a distractor and a real fact side by side, "BMS owns
    11.5% of Acceleron, inherited when it bought Celgene for $74bn": the real fact may cite it.)"""
    distractors = {
        (path.with_suffix(".html").name, d["text"].strip())
        for path in sorted((CORPUS / "dev").glob("*.json"))
        for d in json.loads(path.read_text(encoding="utf-8")).get("not_facts", [])
    }
    hits = sorted(
        (page, text)
        for page, sentence in dev_scores.spurious_evidence
        for other_page, text in distractors
        if page == other_page and (text in sentence or sentence in text)
    )
    batched = tuple(prefix for prefixes in BATCH_CEILINGS for prefix in prefixes)
    older = [hit for hit in hits if not hit[0].startswith(batched)]
    assert len(older) <= KNOWN_DISTRACTOR_HITS, older
    for prefixes, ceiling in BATCH_CEILINGS.items():
        batch = [hit for hit in hits if hit[0].startswith(prefixes)]
        assert len(batch) <= ceiling, batch


def test_articles_without_facts_yield_none(nlp) -> None:
    empty = [p for p in sorted((CORPUS / "dev").glob("*.json")) if not json.loads(p.read_text())["facts"]]
    assert empty
    for gold in empty:
        scores = evaluate_one(gold, nlp)
        assert scores.overall.fp == 0, scores.errors


def evaluate_one(gold_path, nlp):
    import shutil
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".html", ".json"):
            shutil.copy(gold_path.with_suffix(suffix), Path(tmp))
        return evaluate(tmp, Settings(), nlp=nlp)


def test_organisation_names_match_through_aliases_both_ways() -> None:
    """A gold file may use a gazetteer alias ("Mellanox Technologies") where the store holds
    the canonical name ("Mellanox"), or the other way round; unrelated names never match."""
    names = _Names({"organizations": [{"name": "OpenAI", "aliases": ["the ChatGPT maker"]}]})
    assert names.same("Mellanox", "Mellanox Technologies")
    assert names.same("Mellanox Technologies", "Mellanox")
    assert names.same("the ChatGPT maker", "OpenAI") and names.same("OpenAI", "the ChatGPT maker")
    assert names.same_set(frozenset({"Nvidia", "Mellanox Technologies"}), frozenset({"Mellanox", "Nvidia"}))
    assert not names.same("Mellanox", "Nvidia")
    assert not names.same("Amazon", "Amazon Web Services")  # a subsidiary is not its parent
