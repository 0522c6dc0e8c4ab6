"""Score extraction against a corpus' gold facts (see corpus/README.md for the format).

Each page is ingested into a fresh temporary store and its facts are read back with SPARQL in
the ontology's vocabulary, so the score covers the whole path a user's query takes. A predicted
fact matches a gold fact when the type agrees, every role agrees (organisation names compared
through the gold file's aliases and the gazetteer's, either name may be the alias), and the
figure agrees within 1%.

Deal details (pipeline/deal_details.py) are scored apart, on a separate "details" line, and do
not enter the fact scores: for each predicted fact that matches a gold fact annotated with
``details`` (corpus/README.md), each field the gold or the prediction gives counts once (each
lead investor once): a true positive when both give it alike, else a false positive for the
prediction's value and a false negative for the gold's.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from spacy.language import Language

from pipeline.config import Settings
from pipeline.model import same_figure
from pipeline.errors import SourceError
from pipeline.gazetteer import load_gazetteer, normalise_name
from pipeline.ingest import ingest
from pipeline.model import FACT_TYPES, ROLES
from pipeline.store import Store

FACTS_QUERY = """
SELECT ?fact ?type WHERE { ?fact a dg:Fact, ?type . FILTER(?type != dg:Fact) }
"""
ROLES_QUERY = """
SELECT ?fact ?role ?name WHERE {
  VALUES ?role { dg:investor dg:investee dg:acquirer dg:target dg:company dg:provider }
  ?fact a dg:Fact ; ?role ?org . ?org skos:prefLabel ?name .
}
"""
FIGURES_QUERY = """
SELECT ?fact ?value ?currency WHERE {
  ?fact a dg:Fact .
  { ?fact dg:amount [ schema:value ?value ; schema:currency ?currency ] }
  UNION
  { ?fact dg:capacity [ schema:value ?value ] }
}
"""
EVIDENCE_QUERY = "SELECT ?fact ?sentence WHERE { ?fact a dg:Fact ; dg:evidence/dg:sentence ?sentence }"
DETAILS_QUERY = """
SELECT ?fact ?field ?value ?name ?round WHERE {
  ?statement rdf:subject ?fact ; rdf:predicate ?term ; rdf:object ?value .
  BIND(STRAFTER(STR(?term), STR(dg:)) AS ?field)
  OPTIONAL { ?value skos:prefLabel ?name }
  OPTIONAL { ?value dg:amount/schema:value ?round }
}
"""
# The gold file's name for each stored detail (corpus/README.md).
DETAIL_FIELDS = {
    "status": "status",
    "announced": "announced",
    "roundSeries": "round_series",
    "leadInvestor": "leads",
    "stakePercent": "stake_percent",
    "valuationBasis": "valuation_basis",
    "round": "round_amount",
}
CONCEPT_VALUES = {"DealAnnounced": "announced", "DealCompleted": "completed", "DealTerminated": "terminated",
                  "PreMoney": "pre-money", "PostMoney": "post-money"}  # fmt: skip


@dataclass(frozen=True)
class ComparableFact:
    """A fact reduced to what matching looks at."""

    kind: str
    roles: tuple[tuple[str, frozenset[str]], ...]
    figure: Decimal | None
    currency: str | None
    evidence: tuple[str, ...] = field(default=(), compare=False)  # sentences, for stored facts
    # (field, value) pairs of its deal details; None for a gold fact not annotated with them
    details: tuple[tuple[str, str], ...] | None = field(default=None, compare=False)

    def describe(self) -> str:
        roles = ", ".join(f"{r}={'+'.join(sorted(n))}" for r, n in self.roles)
        unit = self.currency or "W"
        return f"{self.kind}({roles}; {self.figure} {unit})"


@dataclass
class Score:
    """Counts for one fact type, or overall."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Per-type and overall scores, with every miss and spurious fact named; deal details
    scored apart (``details``, and per field ``details_by_field``)."""

    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[str] = field(default_factory=list)
    articles: int = 0
    spurious_evidence: list[tuple[str, str]] = field(default_factory=list)  # (page, sentence)
    details_by_field: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    detailed_facts: int = 0  # matched facts whose gold has details

    @property
    def details(self) -> Score:
        total = Score()
        for score in self.details_by_field.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    @property
    def overall(self) -> Score:
        total = Score()
        for score in self.by_type.values():
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def as_dict(self) -> dict[str, object]:
        def row(score: Score) -> dict[str, float | int]:
            return {
                "precision": round(score.precision, 4), "recall": round(score.recall, 4),
                "f1": round(score.f1, 4), "tp": score.tp, "fp": score.fp, "fn": score.fn,
            }  # fmt: skip

        found = {
            "articles": self.articles,
            "overall": row(self.overall),
            "by_type": {kind: row(self.by_type[kind]) for kind in FACT_TYPES if kind in self.by_type},
            "errors": self.errors,
        }
        if self.detailed_facts:
            found["details"] = {**row(self.details), "facts": self.detailed_facts}
            found["details_by_field"] = {name: row(score) for name, score in sorted(self.details_by_field.items())}
        return found


def _key(name: str) -> str:
    return normalise_name(name).casefold()


def _gold_facts(gold: dict) -> list[ComparableFact]:
    facts = []
    for item in gold.get("facts", []):
        kind = item["type"]
        roles = []
        for role in ROLES[kind]:
            value = item.get(role)
            if value:
                names = value if isinstance(value, list) else [value]
                roles.append((role, frozenset(names)))
        amount = item.get("amount") or {}
        if "capacity_watts" in item:
            figure, currency = Decimal(str(item["capacity_watts"])), None
        elif amount:
            figure, currency = Decimal(str(amount["value"])), amount["currency"]
        else:
            figure, currency = None, None
        details = None
        if "details" in item:
            details = tuple(
                (name, str(value))
                for name, given in sorted(item["details"].items())
                for value in (given if isinstance(given, list) else [given])
            )
        facts.append(ComparableFact(kind, tuple(roles), figure, currency, details=details))
    return facts


def _stored_facts(store: Store) -> list[ComparableFact]:
    kinds = {row[0]: row[1].rsplit("#", 1)[1] for row in store.query(FACTS_QUERY).rows()}
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for fact, role, name in store.query(ROLES_QUERY).rows():
        roles[fact][role.rsplit("#", 1)[1]].add(name)
    figures = {row[0]: (Decimal(row[1]), row[2]) for row in store.query(FIGURES_QUERY).rows()}
    evidence: dict[str, list[str]] = defaultdict(list)
    for fact, sentence in store.query(EVIDENCE_QUERY).rows():
        evidence[fact or ""].append(sentence or "")
    details: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for fact, name, value, label, round_amount in store.query(DETAILS_QUERY).rows():
        if name in DETAIL_FIELDS and value is not None:
            text = label or round_amount or CONCEPT_VALUES.get(value.rsplit("#", 1)[-1], value)
            details[fact or ""].append((DETAIL_FIELDS[name], text))
    facts = []
    for fact, kind in kinds.items():
        figure, currency = figures.get(fact, (None, None))
        fact_roles = tuple(
            (role, frozenset(roles[fact][role])) for role in ROLES[kind] if roles[fact].get(role)
        )
        facts.append(ComparableFact(kind, fact_roles, figure, currency, tuple(evidence[fact]), tuple(sorted(details[fact]))))
    return facts


class _Names:
    """Decides whether a predicted organisation name is a gold one, through aliases."""

    def __init__(self, gold: dict) -> None:
        gazetteer = load_gazetteer("")
        self.aliases: dict[str, set[str]] = defaultdict(set)
        for org in gold.get("organizations", []):
            self.aliases[_key(org["name"])] |= {_key(a) for a in org.get("aliases", [])}
        for entry in gazetteer.entries:
            self.aliases[_key(entry.name)] |= {_key(a) for a in entry.aliases}

    def same(self, gold_name: str, predicted: str) -> bool:
        """Whether the names are equal, or one is an alias of the other (in either direction:
        a gold file may name "AWS" where the pipeline stores "Amazon Web Services")."""
        gold_key, predicted_key = _key(gold_name), _key(predicted)
        return (
            predicted_key == gold_key
            or predicted_key in self.aliases.get(gold_key, ())
            or gold_key in self.aliases.get(predicted_key, ())
        )

    def same_set(self, gold_names: frozenset[str], predicted: frozenset[str]) -> bool:
        if len(gold_names) != len(predicted):
            return False
        return all(any(self.same(g, p) for p in predicted) for g in gold_names)


def _matches(gold: ComparableFact, predicted: ComparableFact, names: _Names) -> bool:
    if gold.kind != predicted.kind or gold.currency != predicted.currency:
        return False
    if not same_figure(gold.figure, predicted.figure) and not (gold.figure is None and predicted.figure is None):
        return False
    gold_roles, predicted_roles = dict(gold.roles), dict(predicted.roles)
    if set(gold_roles) != set(predicted_roles):
        return False
    return all(names.same_set(gold_roles[r], predicted_roles[r]) for r in gold_roles)


def _same_detail(name: str, gold: str, predicted: str, names: _Names) -> bool:
    if name == "leads":
        return names.same(gold, predicted)
    if name in ("stake_percent", "round_amount"):
        return same_figure(Decimal(gold), Decimal(predicted))
    return gold.casefold() == predicted.casefold()


def _score_details(gold: ComparableFact, predicted: ComparableFact, names: _Names, page: str, result: Evaluation) -> None:
    """Count one matched fact's details into ``result`` (only when the gold is annotated)."""
    if gold.details is None:
        return
    result.detailed_facts += 1
    unmatched = list(predicted.details or ())
    for name, value in gold.details:
        found = next((p for p in unmatched if p[0] == name and _same_detail(name, value, p[1], names)), None)
        if found is not None:
            unmatched.remove(found)
            result.details_by_field[name].tp += 1
        else:
            result.details_by_field[name].fn += 1
            result.errors.append(f"{page}: missed detail {name}={value} of {gold.describe()}")
    for name, value in unmatched:
        result.details_by_field[name].fp += 1
        result.errors.append(f"{page}: spurious detail {name}={value} of {gold.describe()}")


def evaluate(corpus: str | Path, settings: Settings, nlp: Language | None = None) -> Evaluation:
    """Score every ``.html``/``.txt`` page that has a gold ``.json`` beside it under ``corpus``.

    Raises:
        SourceError: when the directory has no gold-annotated pages.
    """
    root = Path(corpus)
    pages = sorted(
        p for p in root.rglob("*") if p.suffix in (".html", ".htm", ".txt") and p.with_suffix(".json").exists()
    )
    if not pages:
        raise SourceError(str(corpus), "no pages with a gold .json beside them")
    result = Evaluation()
    for page in pages:
        gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="dealgraph-eval-") as tmp, Store(tmp) as store:
            report = ingest([str(page)], store, settings, nlp=nlp)
            if report.failed:
                result.errors.append(f"{page.name}: not ingested: {report.failed[0].reason}")
            predicted = _stored_facts(store)
        result.articles += 1
        names = _Names(gold)
        unmatched = list(predicted)
        for fact in _gold_facts(gold):
            match = next((p for p in unmatched if _matches(fact, p, names)), None)
            if match is not None:
                unmatched.remove(match)
                result.by_type[fact.kind].tp += 1
                _score_details(fact, match, names, page.name, result)
            else:
                result.by_type[fact.kind].fn += 1
                result.errors.append(f"{page.name}: missed {fact.describe()}")
        for fact in unmatched:
            result.by_type[fact.kind].fp += 1
            result.errors.append(f"{page.name}: spurious {fact.describe()}")
            result.spurious_evidence += [(page.name, sentence) for sentence in fact.evidence]
    return result


def format_evaluation(evaluation: Evaluation) -> str:
    """A table of precision, recall and F1 per fact type and overall, and for deal details
    when the gold gives any."""
    lines = [f"{'type':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    rows = [(k, evaluation.by_type[k]) for k in FACT_TYPES if k in evaluation.by_type]
    rows.append(("overall", evaluation.overall))
    if evaluation.detailed_facts:  # scored apart, on the matched facts whose gold gives details
        rows.append(("details", evaluation.details))
    for kind, score in rows:
        lines.append(
            f"{kind:<18} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
            f"{score.tp:>4} {score.fp:>4} {score.fn:>4}"
        )
    lines.append(f"({evaluation.articles} articles)")
    return "\n".join(lines) + "\n"
