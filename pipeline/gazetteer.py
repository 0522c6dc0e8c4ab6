"""The organisation gazetteer in ontology/organizations.ttl, read into lookup tables.

The gazetteer feeds the name matcher (names and aliases, see org_names.py), resolves the names an article uses to
canonical ones, and tells the relation rules an organisation's sector and parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, SKOS

from pipeline.errors import ConfigError
from pipeline.paths import ontology_dir
from pipeline.vocab import DG, ORG, SCHEMA

# Legal-form suffixes dropped when normalising an unknown organisation's name.
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc|Inc\.|Corp|Corp\.|Corporation|Ltd|Ltd\.|LLC|PLC|plc|AG|SA|S\.A\.|N\.V\.|NV|"
    r"GmbH|Co\.|Holdings|Group|SE|AB|ASA|Oyj|S\.p\.A\.|SpA)$"
)

# Words that are no name once a suffix is taken off them.
_GENERIC_NAME_WORDS = {"Partners", "Capital", "Ventures", "Investments", "Investment", "Global", "Financial", "Holdings", "Group"}


@dataclass(frozen=True)
class Entry:
    """One organisation of the gazetteer."""

    iri: str
    name: str
    aliases: tuple[str, ...]
    epithets: tuple[str, ...]
    wikidata: str | None
    parent: str | None
    sector: str | None


def normalise_name(surface: str) -> str:
    """Tidy a name as written in text into a canonical-looking one.

    >>> normalise_name("the Acme Robotics Inc.'s")
    'Acme Robotics'
    >>> normalise_name("ICONIQ")
    'ICONIQ'
    >>> normalise_name("Partners Group")
    'Partners Group'
    """
    name = re.sub(r"(?:'s|’s|'|’)$", "", surface.strip())
    name = re.sub(r"^(?:the|The)\s+", "", name)
    previous = None
    while previous != name:
        stripped = _LEGAL_SUFFIX.sub("", name).strip()
        if stripped in _GENERIC_NAME_WORDS:
            break  # "Partners Group" is not "Partners"
        previous, name = name, stripped
    return name or surface.strip()


class Gazetteer:
    """Lookup tables over the organisation gazetteer.

    Args:
        path: the Turtle file to read; the bundled ontology/organizations.ttl by default.

    Raises:
        ConfigError: when the file cannot be read or parsed.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else ontology_dir() / "organizations.ttl"
        graph = Graph()
        try:
            graph.parse(self.path, format="turtle")
        except (OSError, SyntaxError, ValueError) as exc:
            raise ConfigError(f"{self.path}: cannot read the organisation gazetteer: {exc}") from exc
        self.entries = tuple(self._entries(graph))
        self.products = self._products(graph)
        self._by_key: dict[str, Entry] = {}
        self._by_name: dict[str, Entry] = {entry.name: entry for entry in self.entries}
        for entry in self.entries:
            for label in (entry.name, *entry.aliases):
                self._by_key.setdefault(label.casefold(), entry)

    @staticmethod
    def _entries(graph: Graph) -> list[Entry]:
        names: dict[URIRef, str] = {}
        for node in graph.subjects(predicate=None, object=DG.Organization):
            label = graph.value(node, SKOS.prefLabel)
            if label is not None:
                names[node] = str(label)
        entries = []
        for node, name in sorted(names.items(), key=lambda item: item[1]):
            same = [str(o) for o in graph.objects(node, OWL.sameAs) if "wikidata.org" in str(o)]
            parent = graph.value(node, ORG.subOrganizationOf)
            sector = graph.value(node, DG.sector)
            entries.append(
                Entry(
                    iri=str(node),
                    name=name,
                    aliases=tuple(sorted(str(o) for o in graph.objects(node, SKOS.altLabel))),
                    epithets=tuple(sorted(str(o) for o in graph.objects(node, SKOS.hiddenLabel))),
                    wikidata=same[0] if same else None,
                    parent=names.get(parent) if isinstance(parent, URIRef) else None,
                    sector=str(sector) if sector is not None else None,
                )
            )
        return entries

    @staticmethod
    def _products(graph: Graph) -> dict[str, str]:
        """Product name or alias to its maker's canonical name."""
        products: dict[str, str] = {}
        for node in graph.subjects(predicate=None, object=SCHEMA.Product):
            maker = graph.value(graph.value(node, SCHEMA.manufacturer), SKOS.prefLabel)
            if maker is None:
                continue
            for label in graph.objects(node, SKOS.prefLabel | SKOS.altLabel):
                products[str(label)] = str(maker)
        return products

    def maker(self, surface: str) -> str | None:
        """The canonical name of the maker of a product named ``surface``, if it is one."""
        return self.products.get(surface.strip())

    def lookup(self, surface: str) -> Entry | None:
        """The entry a name or alias refers to (case-insensitive), or None."""
        key = surface.strip().casefold()
        entry = self._by_key.get(key)
        if entry is None:
            entry = self._by_key.get(normalise_name(surface).casefold())
        return entry

    def canonical(self, surface: str) -> str:
        """The canonical name for a name as written; unknown names are normalised."""
        entry = self.lookup(surface)
        return entry.name if entry else normalise_name(surface)

    def entry(self, name: str) -> Entry | None:
        """The entry with this canonical name, or None."""
        return self._by_name.get(name)

    def sector(self, name: str) -> str | None:
        """The sector of an organisation by canonical name, None when unknown."""
        entry = self._by_name.get(name)
        return entry.sector if entry else None

    def related(self, first: str, second: str) -> bool:
        """Whether two canonical names are the same organisation or parent and child."""
        if first == second:
            return True
        a, b = self._by_name.get(first), self._by_name.get(second)
        return bool((a and a.parent == second) or (b and b.parent == first))

    @cached_property
    def epithets(self) -> dict[str, str]:
        """Lower-cased epithet ("the chatgpt maker") to canonical name."""
        return {e.casefold(): entry.name for entry in self.entries for e in entry.epithets}

    def labels(self) -> list[tuple[str, str, str]]:
        """(text, entity label, id) for the name matcher: organisations and products."""
        found = [
            (label, "ORG", entry.name) for entry in self.entries for label in (entry.name, *entry.aliases)
        ]
        return found + [(label, "PRODUCT", maker) for label, maker in sorted(self.products.items())]


@lru_cache(maxsize=8)
def load_gazetteer(path: str = "") -> Gazetteer:
    """The gazetteer at ``path`` (empty for the bundled one), read once per process."""
    return Gazetteer(path or None)
