"""Pictures of the deal network: PNG and SVG with matplotlib, HTML as a self-contained page.

``layout_network`` decides where everything goes, in points (1/72 inch): each connected part
of the network is laid out on its own (force-directed) and the parts are packed in rows,
biggest first. Labels are placed one by one, the names of the biggest organisations first:
each goes to the free spot nearest to where it belongs (a name under its disc, a fact's
"$25B" or "5 GW" at the middle of its arrows), free of every label placed before it and of
every disc, so no two labels overlap. When many labels end up far from what they label, the
network is spread wider and the labels placed again.
``draw_network`` turns a layout into a matplotlib ``Figure`` and ``page_html`` into an
interactive page (pan, zoom, hover for details, click to open sources) that needs no network.
"""

from __future__ import annotations

import html
import json
import logging
import math
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, Patch

from pipeline.errors import ConfigError
from pipeline.network import FIGURES, short_money

logger = logging.getLogger(__name__)

PICTURE_FORMATS = ("png", "svg", "html")
ROLE_COLOURS = {
    "investor": "#2f6db5",
    "recipient": "#e07b18",
    "provider": "#2e9d5b",
    "several": "#8b4fb3",
    "company": "#8a8f98",
}
ROLE_NAMES = {
    "investor": "invests or acquires",
    "recipient": "receives investment or is acquired",
    "provider": "provides compute or cloud",
    "several": "several of these roles",
    "company": "valuation or revenue only",
}
EDGE_STYLES = {  # colour, line style
    "Investment": ("#4a6f9c", "-"),
    "Acquisition": ("#c0392b", "-"),
    "CloudCommitment": ("#1f8a8a", "--"),
    "ComputeCommitment": ("#2e9d5b", ":"),
}
NODE_FONT = 9.0
EDGE_FONT = 7.5
EDGE_LENGTH = 120.0  # points between the ends of a typical edge
MIN_RADIUS, MAX_RADIUS = 5.0, 24.0
PAD = 1.5  # points kept free around every label
FAR = 40.0  # points: a label moved further than this from its anchor gets a leader line
HEADER, FOOTER, MARGIN = 36.0, 54.0, 18.0


@dataclass
class Label:
    """A text box in points: centre (x, y), size (w, h), and where it wants to be."""

    text: str
    kind: str  # "node" or "edge"
    anchor: tuple[float, float]
    w: float
    h: float
    x: float = 0.0
    y: float = 0.0
    ref: str = ""  # node id, or the fact key of an edge label
    colour: str = "#222222"

    def box(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) of the text."""
        return (self.x - self.w / 2, self.y - self.h / 2, self.x + self.w / 2, self.y + self.h / 2)


@dataclass
class Layout:
    """Everything a picture needs, positions in points with y upwards."""

    graph: nx.MultiDiGraph
    positions: dict[str, tuple[float, float]]
    radii: dict[str, float]
    edges: list[dict[str, Any]]  # source, target, key, rad, colour, style
    labels: list[Label]
    width: float = 0.0
    height: float = 0.0
    title: str = ""
    spread: float = 1.0
    notes: list[str] = field(default_factory=list)


def _radius(money: float, largest: float) -> float:
    """Node radius: area grows with the money involved, so radius with its square root."""
    if money <= 0 or largest <= 0:
        return MIN_RADIUS
    return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(money / largest)


def _component_positions(graph: nx.Graph, nodes: list[str]) -> dict[str, np.ndarray]:
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    if len(nodes) == 2:
        return {nodes[0]: np.array([0.0, 0.0]), nodes[1]: np.array([EDGE_LENGTH, 0.0])}
    # A graph built in sorted order: the layout then depends only on the data, not on the
    # order the store returned rows in, so the same store always gives the same picture.
    sub = nx.Graph()
    sub.add_nodes_from(sorted(nodes))
    sub.add_edges_from(sorted(tuple(sorted((u, v))) for u, v in graph.subgraph(nodes).edges()))
    raw = nx.spring_layout(sub, seed=7, iterations=300, k=1.6 / math.sqrt(len(nodes)))
    lengths = [float(np.linalg.norm(raw[u] - raw[v])) for u, v in sub.edges()]
    scale = EDGE_LENGTH / max(float(np.median(lengths)), 1e-9)
    return {node: np.asarray(raw[node]) * scale for node in nodes}


def _shelves(parts: list[tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]], origin: np.ndarray,
             limit: float, along: int) -> dict[str, np.ndarray]:
    """Place parts side by side along axis ``along`` (0: rows left to right, 1: columns top
    down), starting a new shelf when the next part would pass ``limit``."""
    placed: dict[str, np.ndarray] = {}
    cursor = shelf = depth = 0.0
    across = 1 - along
    for pos, low, size in parts:
        if cursor > 0 and cursor + size[along] > limit:
            shelf, cursor, depth = shelf + depth, 0.0, 0.0
        corner = np.zeros(2)
        corner[along], corner[across] = cursor, shelf
        # y grows upwards on the page, so shelves and columns go down from the origin
        top_left = origin + np.array([corner[0], -corner[1] - size[1]])
        for node, point in pos.items():
            placed[node] = point - low + top_left + EDGE_LENGTH / 2
        cursor += float(size[along])
        depth = max(depth, float(size[across]))
    return placed


def _beside_then_below(main: tuple[dict[str, np.ndarray], np.ndarray, np.ndarray],
                       rest: list[tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]],
                       width: float) -> dict[str, np.ndarray]:
    """The largest part at the top left, the others in rows in the room to its right as far
    down as it reaches, and the ones left over in rows below it."""
    placed = _shelves([main], np.zeros(2), math.inf, 0)
    room, depth = width - float(main[2][0]), float(main[2][1])
    beside: list[tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]] = []
    cursor = shelf = tallest = 0.0
    for part in rest:
        size = part[2]
        if float(size[0]) > room:
            continue
        if cursor > 0 and cursor + float(size[0]) > room:
            shelf, cursor, tallest = shelf + tallest, 0.0, 0.0
        if shelf + float(size[1]) > depth:
            break
        beside.append(part)
        cursor += float(size[0])
        tallest = max(tallest, float(size[1]))
    placed |= _shelves(beside, np.array([float(main[2][0]), 0.0]), room, 0)
    below = [part for part in rest if not any(part is b for b in beside)]
    return placed | _shelves(below, np.array([0.0, -depth]), width, 0)


def _pack(graph: nx.Graph) -> dict[str, np.ndarray]:
    """Lay out each connected part on its own and pack the parts, the largest first: in rows,
    or, when one part dominates (a hub of deals), with the small ones in columns beside it;
    whichever is closer to a 3:2 page with less of it empty."""
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)[0]))
    laid = []
    for part in parts:
        pos = _component_positions(graph, sorted(part))
        points = np.array(list(pos.values()))
        low, high = points.min(axis=0), points.max(axis=0)
        laid.append((pos, low, high - low + EDGE_LENGTH))  # room for labels around each part
    main, rest = laid[0], laid[1:]
    area = sum(float(size[0] * size[1]) for _, _, size in laid)
    row_width = max(max(float(size[0]) for _, _, size in laid), math.sqrt(area) * 1.6)
    # Shelves waste least when what goes on one is of one height: rows take the parts
    # tallest first, columns widest first (the order is stable, so ties keep the size order).
    options = [_shelves(sorted(laid, key=lambda part: -float(part[2][1])), np.zeros(2), row_width, 0)]
    if rest and main[2][0] * main[2][1] > 4 * max(size[0] * size[1] for _, _, size in rest):
        beside = _shelves([main], np.zeros(2), math.inf, 0)
        columns = sorted(rest, key=lambda part: -float(part[2][0]))
        options.append(beside | _shelves(columns, np.array([float(main[2][0]), 0.0]), float(main[2][1]), 1))
    if rest:
        tallest_first = sorted(rest, key=lambda part: -float(part[2][1]))
        options.append(_beside_then_below(main, tallest_first, max(row_width, float(main[2][0]) * 1.5)))

    def misfit(placed: dict[str, np.ndarray]) -> float:
        """How much of the drawing is empty, and (counting half) how far it is from a 3:2
        landscape page."""
        points = np.array(list(placed.values()))
        width, height = points.max(axis=0) - points.min(axis=0) + EDGE_LENGTH
        return abs(math.log(width / height / 1.5)) / 2 + math.log(width * height / area)

    return min(options, key=misfit)


def _measure(texts: list[tuple[str, float, str]]) -> list[tuple[float, float]]:
    """Width and height in points of each (text, font size, weight)."""
    figure = Figure(dpi=72)
    renderer = FigureCanvasAgg(figure).get_renderer()
    sizes = []
    for text, size, weight in texts:
        box = figure.text(0, 0, text, fontsize=size, fontweight=weight, linespacing=1.1).get_window_extent(renderer)
        sizes.append((box.width, box.height))
    return sizes


def _node_caption(graph: nx.MultiDiGraph, node: str) -> str:
    """The node's name, and its latest valuation and revenue figures when the network has them."""
    lines = [graph.nodes[node].get("label", node)]
    latest: dict[str, tuple[str, str]] = {}
    for source, _, attrs in graph.in_edges(node, data=True):
        if source == node and attrs["fact_type"] not in FIGURES:  # a deal with itself: shown, not hidden
            lines.append(f"{attrs['fact_type']} {attrs['label']}")
        elif attrs["fact_type"] in FIGURES:
            day = attrs.get("date", "")
            if attrs["fact_type"] not in latest or day > latest[attrs["fact_type"]][0]:
                latest[attrs["fact_type"]] = (day, attrs["label"])
    for kind in FIGURES:
        if kind in latest:
            lines.append(latest[kind][1])
    return "\n".join(lines)


# Offsets tried after the first few, nearest first: rings 4 points apart, flattened to 0.6
_RINGS = np.arange(1, 90) * 4.0
_ANGLES = np.linspace(0, 2 * np.pi, 24, endpoint=False)
_SPIRAL = np.stack([np.outer(_RINGS, np.cos(_ANGLES)).ravel(), np.outer(_RINGS, np.sin(_ANGLES)).ravel() * 0.6], axis=1)
_SPIRAL = _SPIRAL[np.argsort(np.hypot(_SPIRAL[:, 0], _SPIRAL[:, 1] / 0.6), kind="stable")]
CHUNK = 64  # candidate spots checked at a time: most labels find a free one in the first chunk


def _candidates(kind: str, w: float, h: float, node_radius: float) -> np.ndarray:
    """Offsets from a label's anchor to try, nearest first."""
    first = [(0.0, 0.0)]
    if kind == "node":  # under the node first, then above, right and left of it
        clear = node_radius + 1 + PAD + 0.5
        first += [(0.0, 2 * clear + h), (clear + w / 2, clear + h / 2), (-(clear + w / 2), clear + h / 2)]
    return np.concatenate([np.array(first), _SPIRAL])


def _first_free(boxes: np.ndarray, placed: np.ndarray) -> int | None:
    """Index of the first of ``boxes`` (x0, y0, x1, y1 rows) that overlaps none of ``placed``.

    Boxes are checked a chunk at a time, each chunk only against the placed boxes near it,
    so a label that fits close to its anchor costs a few hundred comparisons, not millions.
    """
    for start in range(0, len(boxes), CHUNK):
        chunk = boxes[start : start + CHUNK]
        near = placed[
            (placed[:, 0] < chunk[:, 2].max()) & (chunk[:, 0].min() < placed[:, 2])
            & (placed[:, 1] < chunk[:, 3].max()) & (chunk[:, 1].min() < placed[:, 3])
        ]  # fmt: skip
        clash = ((chunk[:, None, 0] < near[None, :, 2]) & (near[None, :, 0] < chunk[:, None, 2])
                 & (chunk[:, None, 1] < near[None, :, 3]) & (near[None, :, 1] < chunk[:, None, 3]))  # fmt: skip
        free = np.flatnonzero(~clash.any(axis=1))
        if len(free):
            return start + int(free[0])
    return None


def _place(labels: list[Label], obstacles: np.ndarray, radii: dict[str, float]) -> list[float]:
    """Put each label at the nearest free spot to its anchor: free of every label placed
    before it and of every node disc. Returns how far each label moved from its anchor."""
    taken = np.empty((len(obstacles) + len(labels), 4))
    count = len(obstacles)
    if count:
        taken[:count] = np.column_stack([obstacles[:, 0] - obstacles[:, 2], obstacles[:, 1] - obstacles[:, 2],
                                         obstacles[:, 0] + obstacles[:, 2], obstacles[:, 1] + obstacles[:, 2]])  # fmt: skip
    moved = []
    for lab in labels:
        offsets = _candidates(lab.kind, lab.w, lab.h, radii.get(lab.ref, 0.0))
        centres = np.asarray(lab.anchor) + offsets
        half = np.array([lab.w / 2 + PAD, lab.h / 2 + PAD])
        boxes = np.concatenate([centres - half, centres + half], axis=1)
        found = _first_free(boxes, taken[:count])
        choice = len(boxes) - 1 if found is None else found
        lab.x, lab.y = float(centres[choice, 0]), float(centres[choice, 1])
        taken[count] = boxes[choice]
        count += 1
        moved.append(math.inf if found is None else float(np.hypot(*offsets[choice])))
    return moved


def _edge_geometry(layout: Layout) -> None:
    """Arcs for parallel edges, and one label per fact at the middle of its edges."""
    by_pair: dict[frozenset[str], list[tuple[str, str, str]]] = defaultdict(list)
    for source, target, key, kind in layout.graph.edges(keys=True, data="fact_type"):
        if source != target:
            by_pair[frozenset((source, target))].append((source, target, key))
    mids: dict[str, list[np.ndarray]] = defaultdict(list)
    layout.edges = []
    for pair_edges in by_pair.values():
        count = len(pair_edges)
        for index, (source, target, key) in enumerate(sorted(pair_edges)):
            rad = 0.0 if count == 1 else 0.35 * (index - (count - 1) / 2) / max(count - 1, 1) * 2
            start, end = np.array(layout.positions[source]), np.array(layout.positions[target])
            # matplotlib's arc3 puts the control point at mid + rad * (dy, -dx)
            d = end - start
            middle = (start + end) / 2 + 0.5 * rad * np.array([d[1], -d[0]])
            attrs = layout.graph.edges[source, target, key]
            colour, style = EDGE_STYLES.get(attrs["fact_type"], ("#777777", "-"))
            layout.edges.append({"source": source, "target": target, "key": key, "rad": rad,
                                 "colour": colour, "style": style, "mid": middle})  # fmt: skip
            mids[key].append(middle)
    for lab in layout.labels:
        if lab.kind == "edge":
            point = np.mean(mids[lab.ref], axis=0)
            lab.anchor = (float(point[0]), float(point[1]))
            lab.x, lab.y = lab.anchor


def layout_network(graph: nx.MultiDiGraph, title: str = "") -> Layout:
    """Where every node, edge and label of a picture of ``graph`` goes.

    Raises:
        ConfigError: when the graph is empty (nothing matched the filters).
    """
    if graph.number_of_nodes() == 0:
        raise ConfigError("nothing to draw: no organisation matches the filters")
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    base = _pack(simple)
    largest = max((a.get("money_usd", 0.0) for _, a in graph.nodes(data=True)), default=0.0)
    radii = {n: _radius(a.get("money_usd", 0.0), largest) for n, a in graph.nodes(data=True)}

    captions = {n: _node_caption(graph, n) for n in graph}
    fact_labels: dict[str, tuple[str, str]] = {}
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        if source != target:
            fact_labels[key] = (attrs["label"], EDGE_STYLES.get(attrs["fact_type"], ("#555555", "-"))[0])
    nodes = sorted(graph)
    facts = sorted(fact_labels)
    sizes = _measure([(captions[n], NODE_FONT, "bold") for n in nodes] + [(fact_labels[f][0], EDGE_FONT, "normal") for f in facts])
    order = sorted(range(len(nodes)), key=lambda i: -radii[nodes[i]])
    spread = 1.0
    for attempt in range(8):
        positions = {n: (float(p[0] * spread), float(p[1] * spread)) for n, p in base.items()}
        labels = []
        for i in order:
            node, (w, h) = nodes[i], sizes[i]
            x, y = positions[node]
            anchor = (x, y - radii[node] - 1 - PAD - h / 2 - 0.5)  # just clear of its disc
            labels.append(Label(captions[node], "node", anchor, w, h, *anchor, ref=node))
        for fact, (w, h) in zip(facts, sizes[len(nodes):]):
            labels.append(Label(fact_labels[fact][0], "edge", (0.0, 0.0), w, h, ref=fact, colour=fact_labels[fact][1]))
        layout = Layout(graph, positions, radii, [], labels, title=title, spread=spread)
        _edge_geometry(layout)
        obstacles = np.array([[x, y, radii[n] + 1] for n, (x, y) in positions.items()])
        moved = _place(labels, obstacles, {lab.ref: radii[lab.ref] for lab in labels if lab.kind == "node"})
        far = sum(1 for m in moved if m > FAR)
        if far <= len(labels) * 0.05 and math.inf not in moved:
            break
        logger.debug("layout attempt %d: %d labels placed far from their anchors; spreading", attempt, far)
        spread *= 1.2
    else:
        layout.notes.append(f"{far} labels are far from what they label")
    _fit(layout)
    return layout


def _fit(layout: Layout) -> None:
    """Shift everything so the drawing starts at the margins; set the canvas size."""
    xs = [x for x, _ in layout.positions.values()]
    ys = [y for _, y in layout.positions.values()]
    lows = [(x - r, y - r) for (x, y), r in zip(layout.positions.values(), layout.radii.values())]
    highs = [(x + r, y + r) for (x, y), r in zip(layout.positions.values(), layout.radii.values())]
    for lab in layout.labels:
        x0, y0, x1, y1 = lab.box()
        lows.append((x0, y0))
        highs.append((x1, y1))
    low = np.min(np.array(lows + [(min(xs), min(ys))]), axis=0)
    high = np.max(np.array(highs + [(max(xs), max(ys))]), axis=0)
    shift = np.array([MARGIN, FOOTER + MARGIN]) - low
    layout.positions = {n: (x + shift[0], y + shift[1]) for n, (x, y) in layout.positions.items()}
    for lab in layout.labels:
        lab.x, lab.y = lab.x + shift[0], lab.y + shift[1]
        lab.anchor = (lab.anchor[0] + shift[0], lab.anchor[1] + shift[1])
    for edge in layout.edges:
        edge["mid"] = edge["mid"] + shift
    layout.width = float(max(high[0] - low[0] + 2 * MARGIN, 640.0))
    layout.height = float(high[1] - low[1] + 2 * MARGIN + HEADER + FOOTER)


def draw_network(layout: Layout) -> Figure:
    """A matplotlib Figure of a layout; data coordinates are points, so text sizes are exact."""
    figure = Figure(figsize=(layout.width / 72, layout.height / 72), dpi=72)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, layout.width)
    axes.set_ylim(0, layout.height)
    axes.set_axis_off()
    for edge in layout.edges:
        (x1, y1), (x2, y2) = layout.positions[edge["source"]], layout.positions[edge["target"]]
        axes.add_patch(FancyArrowPatch(
            (x1, y1), (x2, y2), connectionstyle=f"arc3,rad={edge['rad']:.3f}", arrowstyle="-|>",
            mutation_scale=9, linewidth=1.1, linestyle=edge["style"], color=edge["colour"], alpha=0.75,
            shrinkA=layout.radii[edge["source"]], shrinkB=layout.radii[edge["target"]] + 1, zorder=1,
        ))  # fmt: skip
    for node, (x, y) in layout.positions.items():
        role = layout.graph.nodes[node].get("role", "company")
        axes.add_patch(Circle((x, y), layout.radii[node], facecolor=ROLE_COLOURS.get(role, "#888888"),
                              edgecolor="white", linewidth=1.2, zorder=2))  # fmt: skip
    for lab in layout.labels:
        if math.dist((lab.x, lab.y), lab.anchor) > FAR / 2:
            axes.plot([lab.anchor[0], lab.x], [lab.anchor[1], lab.y], color="#bbbbbb", linewidth=0.6, zorder=1.5)
        axes.text(
            lab.x, lab.y, lab.text, ha="center", va="center", fontsize=NODE_FONT if lab.kind == "node" else EDGE_FONT,
            fontweight="bold" if lab.kind == "node" else "normal", color=lab.colour, linespacing=1.1, zorder=3,
            gid=f"label-{lab.kind}", bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
        )  # fmt: skip
    if layout.title:
        axes.text(MARGIN, layout.height - HEADER / 2 - 4, layout.title, fontsize=13, fontweight="bold", va="center")
    handles = [Patch(facecolor=c, label=ROLE_NAMES[r]) for r, c in ROLE_COLOURS.items()]
    handles += [Line2D([], [], color=c, linestyle=s, label=k) for k, (c, s) in EDGE_STYLES.items()]
    figure.legend(handles=handles, loc="lower left", ncol=5, fontsize=7.5, frameon=False,
                  bbox_to_anchor=(MARGIN / layout.width, 4 / layout.height))  # fmt: skip
    return figure


def label_overlaps(figure: Figure) -> list[tuple[str, str]]:
    """Pairs of network labels whose drawn boxes overlap (an empty list for a good picture)."""
    renderer = FigureCanvasAgg(figure).get_renderer() if figure.canvas is None else figure.canvas.get_renderer()
    texts = [t for ax in figure.axes for t in ax.texts if (t.get_gid() or "").startswith("label-")]
    boxes = [t.get_window_extent(renderer) for t in texts]
    found = []
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            if boxes[i].overlaps(boxes[j]):
                found.append((texts[i].get_text(), texts[j].get_text()))
    return found


# ---------------------------------------------------------------------------------------------
# HTML


def _scene(layout: Layout) -> dict[str, Any]:
    """The layout as plain data for the page's script (y measured downwards, as in SVG)."""
    height = layout.height

    def flip(x: float, y: float) -> list[float]:
        return [round(x, 1), round(height - y, 1)]

    nodes = []
    for node, (x, y) in layout.positions.items():
        attrs = layout.graph.nodes[node]
        info = {k: attrs[k] for k in ("label", "aliases", "wikidata", "sector", "parent", "role") if attrs.get(k)}
        for total in ("invested_usd", "received_usd"):
            if attrs.get(total):
                info[total] = short_money(attrs[total], "USD")
        nodes.append({"id": node, "at": flip(x, y), "r": round(layout.radii[node], 1),
                      "colour": ROLE_COLOURS.get(attrs.get("role", "company"), "#888"), "info": info})  # fmt: skip
    edges = []
    for edge in layout.edges:
        attrs = layout.graph.edges[edge["source"], edge["target"], edge["key"]]
        info = {k: attrs[k] for k in ("fact_type", "label", "qualifier", "date", "status", "sources", "duration") if attrs.get(k)}
        edges.append({"source": edge["source"], "target": edge["target"], "fact": edge["key"],
                      "mid": flip(*edge["mid"]), "colour": edge["colour"], "style": edge["style"],
                      "info": info, "urls": attrs.get("source_urls", [])})  # fmt: skip
    labels = [{"text": lab.text, "kind": lab.kind, "ref": lab.ref, "at": flip(lab.x, lab.y),
               "anchor": flip(*lab.anchor), "colour": lab.colour} for lab in layout.labels]  # fmt: skip
    legend = {"roles": [[ROLE_NAMES[r], c] for r, c in ROLE_COLOURS.items()],
              "facts": [[k, c, s] for k, (c, s) in EDGE_STYLES.items()]}  # fmt: skip
    return {"width": round(layout.width), "height": round(height), "title": layout.title,
            "nodes": nodes, "edges": edges, "labels": labels, "legend": legend,
            "fonts": {"node": NODE_FONT, "edge": EDGE_FONT}}  # fmt: skip


def page_html(layout: Layout) -> str:
    """A self-contained HTML page: the picture drawn by an inline script from inline data."""
    template = resources.files("pipeline").joinpath("plot_page.html").read_text(encoding="utf-8")
    data = json.dumps(_scene(layout), ensure_ascii=False).replace("</", "<\\/")
    return template.replace("{{title}}", html.escape(layout.title or "dealgraph")).replace("{{data}}", data)


def plot(graph: nx.MultiDiGraph, output: Path, title: str = "") -> Layout:
    """Write a picture of ``graph`` to ``output``; the suffix chooses PNG, SVG or HTML.

    Raises:
        ConfigError: for another suffix, an empty graph, or a file that cannot be written.
    """
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in PICTURE_FORMATS:
        raise ConfigError(f"{output}: cannot draw a .{fmt or '?'} picture; name a .png, .svg or .html file")
    layout = layout_network(graph, title)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "html":
            output.write_text(page_html(layout), encoding="utf-8")
        else:
            figure = draw_network(layout)
            metadata = {"Creator": "dealgraph"} if fmt == "svg" else {"Software": "dealgraph"}
            # SVG keeps its text as text, so it stays searchable and small.
            with rc_context({"svg.fonttype": "none"}):
                figure.savefig(output, format=fmt, dpi=144 if fmt == "png" else 72, metadata=metadata)
    except OSError as exc:
        raise ConfigError(f"{output}: cannot write the picture: {exc.strerror or exc}") from exc
    logger.info("picture %s: %d organisations, %d facts", output, graph.number_of_nodes(), graph.number_of_edges())
    return layout
