"""Pictures of the deal network: valid PNG, SVG and HTML, with no overlapping labels."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.image import imread

from pipeline.cli import main
from pipeline.errors import ConfigError
from pipeline.network import to_networkx
from pipeline.plot import PAD, ROLE_COLOURS, Label, _candidates, _place, draw_network, label_overlaps, layout_network, plot
from pipeline.store import Store

ORG = "https://w3id.org/dealgraph/org/"


@pytest.fixture(scope="module")
def network(dev_store: Store) -> nx.MultiDiGraph:
    """The whole dev corpus: the size of the demo picture."""
    return to_networkx(dev_store)


def test_demo_size_picture_has_no_overlapping_labels(network: nx.MultiDiGraph) -> None:
    layout = layout_network(network, "dev corpus")
    assert layout.notes == []
    figure = draw_network(layout)
    labels = [t for t in figure.axes[0].texts if (t.get_gid() or "").startswith("label-")]
    # one label per organisation, one per fact drawn as an arrow
    arrows = {k for u, v, k in network.edges(keys=True) if u != v}
    assert len(labels) == network.number_of_nodes() + len(arrows)
    assert label_overlaps(figure) == []
    # every label inside the canvas
    renderer = figure.canvas.get_renderer()
    canvas = figure.bbox
    for text in labels:
        box = text.get_window_extent(renderer)
        assert canvas.x0 <= box.x0 and box.x1 <= canvas.x1 and canvas.y0 <= box.y0 and box.y1 <= canvas.y1, text.get_text()


def test_edge_labels_sizes_and_colours(network: nx.MultiDiGraph) -> None:
    layout = layout_network(network)
    texts = {lab.text for lab in layout.labels}
    assert "$13B" in texts  # the Anthropic Series F
    assert any(text.endswith(" GW") for text in texts)  # a compute commitment
    assert any("valued $183B" in text for text in texts)  # valuations are written under the name
    radii = layout.radii
    assert radii[ORG + "anthropic"] > radii[ORG + "iconiq"]  # more money involved, bigger disc
    roles = {network.nodes[n]["role"] for n in network}
    assert roles <= set(ROLE_COLOURS) and {"investor", "recipient"} <= roles


def test_png(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    # Anthropic's neighbourhood: the whole corpus makes a 19,040 x 8,515 pixel picture, which
    # takes half a minute to decode and check here for nothing the smaller one does not show
    near = nx.ego_graph(network.to_undirected(as_view=True), ORG + "anthropic", radius=2)
    path = tmp_path / "deals.png"
    plot(network.subgraph(near).copy(), path, "Deals")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = imread(path)
    assert pixels.shape[0] > 500 and pixels.shape[1] > 500
    ink = (pixels[:, :, :3] < 0.9).any(axis=2).mean()
    assert 0.01 < ink < 0.5  # a drawing on a white page, neither blank nor filled


def test_svg_keeps_text_as_text(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "deals.svg"
    plot(network, path, "Deals")
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = {"".join(node.itertext()) for node in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {"Anthropic", "$13B", "Deals"} <= {line for text in texts for line in text.splitlines()}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.outside: list[str] = []
        self.scene = ""
        self.tags: set[str] = set()
        self._in_scene = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        found = dict(attrs)
        for name in ("src", "href"):
            if found.get(name):
                self.outside.append(found[name] or "")
        self._in_scene = tag == "script" and found.get("id") == "scene"

    def handle_endtag(self, tag: str) -> None:
        self._in_scene = False

    def handle_data(self, data: str) -> None:
        if self._in_scene:
            self.scene += data


def test_html_is_a_self_contained_page(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "deals.html"
    plot(network, path, "Deals <&> more")
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    assert page.outside == []  # no scripts, styles or fonts from elsewhere
    assert {"svg", "script", "style", "title"} <= page.tags
    scene = json.loads(page.scene)
    assert scene["title"] == "Deals <&> more"
    assert {n["id"] for n in scene["nodes"]} == set(network)
    assert len(scene["edges"]) == sum(1 for u, v in network.edges() if u != v)
    anthropic = next(n for n in scene["nodes"] if n["id"] == ORG + "anthropic")
    assert anthropic["info"]["label"] == "Anthropic" and anthropic["info"]["received_usd"].startswith("$")
    series_f = next(e for e in scene["edges"] if e["info"].get("label") == "$13B")
    assert series_f["urls"] and series_f["info"]["fact_type"] == "Investment"
    assert "<title>Deals &lt;&amp;&gt; more</title>" in path.read_text(encoding="utf-8")


def test_plot_refuses_what_it_cannot_draw(network: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"deals\.pdf: cannot draw a \.pdf picture; name a \.png, \.svg or \.html file"):
        plot(network, tmp_path / "deals.pdf")
    with pytest.raises(ConfigError, match="nothing to draw: no organisation matches the filters"):
        plot(nx.MultiDiGraph(), tmp_path / "empty.png")


def test_cli_plot_a_neighbourhood(dev_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "anthropic.svg"
    result = CliRunner().invoke(main, ["plot", "--store", str(dev_store.location), "--company", "Anthropic", "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert "organisations" in result.stderr
    text = "".join(ET.parse(path).getroot().itertext())
    assert "Deals around Anthropic" in text and "Microsoft" in text
    assert "Pfizer" not in text
    result = CliRunner().invoke(main, ["plot", "--store", str(dev_store.location), "--since", "2100-01-01", "-o", str(path)])
    assert result.exit_code == 1 and "nothing to draw" in result.output


def test_each_label_takes_the_nearest_free_spot() -> None:
    """The chunked search finds what checking every candidate against every box would: for
    each label, the first candidate spot that overlaps no node disc and no earlier label."""
    rng = np.random.default_rng(7)
    obstacles = np.column_stack([rng.uniform(-60, 60, (40, 2)), rng.uniform(2, 8, 40)])
    labels = [
        Label(f"label {i}", "edge", (float(x), float(y)), float(w), 9.0, ref=str(i))
        for i, (x, y, w) in enumerate(zip(rng.uniform(-40, 40, 150), rng.uniform(-40, 40, 150), rng.uniform(20, 90, 150)))
    ]
    _place(labels, obstacles, {})
    taken = [(x - r, y - r, x + r, y + r) for x, y, r in obstacles]
    for lab in labels:
        half_w, half_h = lab.w / 2 + PAD, lab.h / 2 + PAD
        spots = [(lab.anchor[0] + dx, lab.anchor[1] + dy) for dx, dy in _candidates("edge", lab.w, lab.h, 0.0)]

        def clashes(x: float, y: float) -> bool:
            return any(x - half_w < b[2] and b[0] < x + half_w and y - half_h < b[3] and b[1] < y + half_h for b in taken)

        first_free = next(spot for spot in spots if not clashes(*spot))
        assert (lab.x, lab.y) == pytest.approx(first_free), lab.text
        taken.append((lab.x - half_w, lab.y - half_h, lab.x + half_w, lab.y + half_h))
    assert any(lab.anchor != (lab.x, lab.y) for lab in labels)  # crowded enough that labels moved
