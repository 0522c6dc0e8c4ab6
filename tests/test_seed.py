"""The seed article: exactly the facts a careful analyst takes from it (../shared/seed/README.md)."""

from decimal import Decimal

from pipeline.query import run_query

FACTS = """
SELECT ?type ?role ?name WHERE {
  ?fact a dg:Fact, ?class ; ?roleIri ?org .
  ?org skos:prefLabel ?name .
  FILTER(?class != dg:Fact)
  VALUES ?roleIri { dg:investor dg:investee dg:acquirer dg:target dg:company dg:provider }
  BIND(STRAFTER(STR(?class), "#") AS ?type)
  BIND(STRAFTER(STR(?roleIri), "#") AS ?role)
}
"""


def _facts(store) -> set[tuple]:
    """(type, sorted roles, figure, qualifier) for every stored fact."""
    query = """
    SELECT ?fact ?type ?value ?qualifier WHERE {
      ?fact a dg:Fact, ?class .
      FILTER(?class != dg:Fact)
      BIND(STRAFTER(STR(?class), "#") AS ?type)
      OPTIONAL { ?fact dg:amount|dg:capacity ?q . ?q schema:value ?value . OPTIONAL { ?q dg:qualifier ?qualifier } }
    }"""
    roles: dict[str, list[str]] = {}
    for fact, role, name in store.query("""
        SELECT ?fact ?role ?name WHERE {
          VALUES ?p { dg:investor dg:investee dg:acquirer dg:target dg:company dg:provider }
          ?fact ?p ?org . ?org skos:prefLabel ?name .
          BIND(STRAFTER(STR(?p), "#") AS ?role) }""").rows():
        roles.setdefault(fact, []).append(f"{role}={name}")
    return {
        (kind, tuple(sorted(roles.get(fact, []))), Decimal(value), qualifier)
        for fact, kind, value, qualifier in store.query(query).rows()
    }


def test_exactly_the_seed_facts(seed_store) -> None:
    assert _facts(seed_store) == {
        ("Investment", ("investee=Anthropic", "investor=Amazon"), Decimal(25 * 10**9), "up to"),
        ("Valuation", ("company=Anthropic",), Decimal(380 * 10**9), None),
        ("ComputeCommitment", ("company=Anthropic", "provider=Amazon"), Decimal(5 * 10**9), "up to"),
        (
            "CloudCommitment",
            ("company=Anthropic", "provider=Amazon Web Services"),
            Decimal(100 * 10**9),
            "more than",
        ),
        ("Revenue", ("company=Anthropic",), Decimal(30 * 10**9), "more than"),
        ("Revenue", ("company=Anthropic",), Decimal(9 * 10**9), "about"),
        ("Investment", ("investee=OpenAI", "investor=Amazon"), Decimal(50 * 10**9), "up to"),
        ("Investment", ("investee=Anthropic", "investor=Amazon"), Decimal(8 * 10**9), None),
    }


def test_tranches_of_the_25_billion(seed_store) -> None:
    rows = list(seed_store.query("""
        SELECT ?tranche WHERE {
          ?fact a dg:Investment ; dg:amount/schema:value ?total ;
                dg:tranche/dg:amount/schema:value ?tranche .
          FILTER(?total = 25000000000) }
        ORDER BY ?tranche""").rows())
    assert [Decimal(r[0]) for r in rows] == [Decimal(5 * 10**9), Decimal(20 * 10**9)]


def test_cloud_pledge_runs_ten_years_and_revenue_is_run_rate(seed_store) -> None:
    (duration,) = next(seed_store.query("SELECT ?d WHERE { ?f a dg:CloudCommitment ; dg:duration ?d }").rows())
    assert duration == "P10Y"
    metrics = {r[0] for r in seed_store.query("SELECT ?m WHERE { ?f a dg:Revenue ; dg:metric ?m }").rows()}
    assert metrics == {"run-rate"}


def test_nothing_from_generic_statements_or_related_headlines(seed_store) -> None:
    sentences = " ".join(r[0] for r in seed_store.query("SELECT ?s WHERE { ?e a dg:Evidence ; dg:sentence ?s }").rows())
    for text in ("30–50 megawatts", "MAI-Thinking-1", "DuckDuckGo", "executive order", "Project Polaris"):
        assert text not in sentences
    watts = {r[0] for r in seed_store.query("SELECT ?w WHERE { ?f dg:capacity/schema:value ?w }").rows()}
    assert watts == {"5000000000"}  # neither the 30-50 MW cluster nor the 1 GW milestone


def test_seed_facts_are_queryable_from_the_cli_formatter(seed_store) -> None:
    table = run_query(seed_store, "SELECT (COUNT(?f) AS ?n) WHERE { ?f a dg:Fact }")
    assert table.splitlines()[2].strip() == "8"
