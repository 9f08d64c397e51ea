// The graph view: the neighbourhood of what is selected, drawn with
// Cytoscape.js (loaded on first use, with the fcose layout and SVG export,
// so pages without a graph stay light). Clicking a node fetches
// neighborhood(id, depth: 1) and merges it in: the new nodes are placed
// beside the node that was expanded by a force-directed layout (fcose) in
// which every node already drawn is fixed, so nothing else moves; hundreds
// of nodes laid out afresh (a hub's graph, a hub's expansion) are placed by
// the lighter star layout of forcelayout.ts.
//
// Readable: edges coloured and styled by type (legend), their type as a
// label when zoomed in, their weight on hover; filters by node kind and edge
// type; an expanded node can be collapsed again (the view is always the
// union of the neighbourhoods of the expanded nodes). The view can be
// exported (PNG, SVG, Cytoscape JSON, GraphML) and shared: its state
// (expanded nodes, filters) is kept in the page's address.
//
// Bounded: the API stops at 500 nodes per neighbourhood (truncated: true),
// the view stops at MAX_NODES, nodes are added in chunks one animation frame
// apart, and many edges are drawn the cheap way.

import type cytoscape from 'cytoscape';
import { errorBox, gql, isAbort } from './api';
import { h, plural, replace } from './dom';
import { graphql } from './gql';
import type { NeighborhoodQuery } from './gql/graphql';
import { cytoscapeJSON, download, fileName, graphml } from './graphexport';
import { edgeTypeStyle, nodeLabel, short, style } from './graphstyle';
import { rings } from './rings';
import { EDGE_TYPES, KIND_LABEL, KINDS, badge, edgeIcon, edgeStyle, href, isKind, shapeIcon, type Kind } from './kinds';

export const MAX_NODES = 1500;
/** Nodes added a frame (a neighbourhood has at most 500). */
const CHUNK = 500;
const EDGE_CHUNK = 3000;
/** Above this many nodes (or edges), the force layout is skipped for rings. */
const FORCE_LAYOUT_MAX = 1500;
const FORCE_LAYOUT_MAX_EDGES = 6000;
/** Up to this many nodes added, an expansion's layout refines their ring positions; beyond, fcose places them afresh. */
const REFINE_MAX = 60;
/**
 * From this many nodes laid out afresh (the start, a hub's neighbourhood), the layout is d3-force's
 * (forcelayout.ts) from the rings they were placed on: fcose runs at least five iterations a node and
 * took 1.5-4 s on 500 (BENCHMARKS.md, "Issue 18: the timing targets").
 */
const FROM_RINGS = 200;
/** Above this many edges, edges are drawn the cheap way (no arrows, no labels). */
const LIGHT_EDGES = 1500;

const NEIGHBORHOOD = graphql(`
  query Neighborhood($id: ID!) {
    neighborhood(id: $id, depth: 1) {
      truncated
      nodes { id kind label }
      edges { from to type weight }
    }
  }`);

type Hood = NeighborhoodQuery['neighborhood'];

let cyModule: Promise<typeof cytoscape> | null = null;
let force: typeof import('./forcelayout') | null = null;
/** loadCytoscape loads Cytoscape with the fcose layout and the SVG exporter, and the force layout of big views, once. */
export function loadCytoscape(): Promise<typeof cytoscape> {
  cyModule ??= Promise.all([import('cytoscape'), import('cytoscape-fcose'), import('cytoscape-svg'), import('./forcelayout')]).then(([cy, fcose, svg, fl]) => {
    cy.default.use(fcose.default);
    cy.default.use(svg.default as cytoscape.Ext);
    force = fl;
    return cy.default;
  });
  return cyModule;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** shift moves nodes by (dx, dy). */
function shift(nodes: cytoscape.NodeCollection, dx: number, dy: number): void {
  nodes.positions((n) => {
    const q = (n as cytoscape.NodeSingular).position();
    return { x: q.x + dx, y: q.y + dy };
  });
}

export interface GraphRoot {
  id: string;
  kind: string;
  label: string;
}

/** What a link to the view keeps: the nodes expanded after the root, in order, and the filters. */
export interface GraphState {
  expand: string[];
  hideKinds: string[];
  hideTypes: string[];
}

/** graphState reads a view's state from a page's address parameters (g.expand, g.hide). */
export function graphState(params: URLSearchParams): GraphState {
  const list = (k: string) => (params.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const hide = list('g.hide');
  return { expand: list('g.expand'), hideKinds: hide.filter(isKind), hideTypes: hide.filter((x) => !isKind(x)) };
}

/** keepState writes the view's state into the address without a navigation (no hashchange, no reload). */
function keepState(st: GraphState): void {
  const raw = location.hash.replace(/^#/, '') || '/';
  const qi = raw.indexOf('?');
  const path = qi < 0 ? raw : raw.slice(0, qi);
  const params = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
  const set = (k: string, v: string[]) => (v.length ? params.set(k, v.join(',')) : params.delete(k));
  set('g.expand', st.expand);
  set('g.hide', [...st.hideKinds, ...st.hideTypes]);
  const q = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  history.replaceState(history.state, '', `#${path}${q ? `?${q}` : ''}`);
}

export interface GraphOptions {
  /** The state to restore (from a shared link). */
  state?: GraphState;
  /** Keep the state in the address as it changes (default true). */
  linkable?: boolean;
}

/**
 * graphView returns a section that draws the neighbourhood of root and
 * grows as nodes are clicked. It cleans up when signal aborts.
 */
export function graphView(root: GraphRoot, signal: AbortSignal, opts: GraphOptions = {}): HTMLElement {
  const linkable = opts.linkable ?? true;
  const status = h('p', { class: 'graph-status', role: 'status', 'aria-live': 'polite' }, 'Loading the graph…');
  const capped = h('p', { class: 'warning graph-capped', role: 'status', hidden: true });
  const errors = h('div', { class: 'graph-errors' });
  const canvas = h('div', {
    class: 'graph-canvas',
    role: 'img',
    'aria-label': `Graph of the neighbourhood of ${root.label}. The list below gives the same nodes.`,
  });
  const hover = h('p', { class: 'graph-hover', hidden: true, 'aria-hidden': 'true' });
  const selection = h('div', { class: 'graph-selection', 'aria-live': 'polite' });
  const list = h('ul', { class: 'graph-list' });
  const details = h(
    'details',
    { class: 'graph-details' },
    h('summary', null, 'The nodes of the graph as a list (keyboard: expand and collapse from here)'),
    list,
  );
  const button = (text: string, cls = '') => h('button', { type: 'button', class: cls, disabled: true }, text);
  const fit = button('Fit to view');
  const reset = button('Start again');
  const exports = {
    png: button('PNG', 'small'),
    svg: button('SVG', 'small'),
    json: button('Cytoscape JSON', 'small'),
    graphml: button('GraphML', 'small'),
  };
  const hiddenKinds = new Set<string>(opts.state?.hideKinds ?? []);
  const hiddenTypes = new Set<string>(opts.state?.hideTypes ?? []);
  const kindBoxes = h('ul', { class: 'filter-list kinds' });
  const typeBoxes = h('ul', { class: 'filter-list types' });
  const filters = h(
    'div',
    { class: 'graph-filters' },
    h('fieldset', null, h('legend', null, 'Node kinds shown'), kindBoxes),
    h('fieldset', null, h('legend', null, 'Edge types shown'), typeBoxes),
  );
  const section = h(
    'section',
    { class: 'graph', 'aria-labelledby': 'graph-h' },
    h('h2', { id: 'graph-h' }, 'Graph'),
    h(
      'p',
      { class: 'help' },
      'The neighbourhood of ',
      h('strong', null, root.label),
      '. Click a node to fetch its neighbours and add them beside it; double-click to open its page. Hover an edge for its type and weight. Scroll to zoom, drag to move.',
    ),
    filters,
    h(
      'div',
      { class: 'graph-toolbar' },
      fit,
      reset,
      h('span', { class: 'export', role: 'group', 'aria-label': 'Export the view' }, 'Export: ', exports.png, exports.svg, exports.json, exports.graphml),
      status,
    ),
    capped,
    errors,
    h('div', { class: 'graph-body' }, h('div', { class: 'graph-stage' }, canvas, hover), selection),
    details,
  );

  let cy: cytoscape.Core | null = null;
  /** The nodes of each expanded node's neighbourhood: the view is their union. */
  const hoods = new Map<string, Set<string>>();
  const order: string[] = []; // expanded nodes, in the order they were expanded
  const pending = new Set<string>();
  const notes: string[] = [];
  const typesSeen = new Set<string>();
  let light = false;
  let queue = Promise.resolve();

  const state = (): GraphState => ({
    expand: order.filter((id) => id !== root.id),
    hideKinds: [...hiddenKinds],
    hideTypes: [...hiddenTypes],
  });
  const save = () => {
    if (linkable && !signal.aborted) keepState(state());
  };

  const counts = () => {
    if (!cy) return;
    const n = cy.nodes().length;
    const e = cy.edges().length;
    canvas.dataset.nodes = String(n);
    canvas.dataset.edges = String(e);
    canvas.dataset.visible = String(cy.nodes(':visible').length);
    status.textContent = `${plural(n, 'node')}, ${plural(e, 'edge')}; ${plural(hoods.size, 'node')} expanded.`;
  };

  const applyFilters = () => {
    if (!cy) return;
    cy.batch(() => {
      cy!.nodes().forEach((n) => {
        n.toggleClass('hidden', hiddenKinds.has(n.data('kind') as string));
      });
      cy!.edges().forEach((e) => {
        e.toggleClass('hidden', hiddenTypes.has(e.data('type') as string));
      });
    });
    counts();
  };

  const checkbox = (name: string, value: string, icon: SVGSVGElement, text: string, hidden: Set<string>) => {
    const id = `gf-${name}-${value}-${Math.random().toString(36).slice(2, 7)}`;
    const box = h('input', { type: 'checkbox', id, value, 'data-filter': name });
    box.checked = !hidden.has(value);
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(value);
      else hidden.add(value);
      applyFilters();
      save();
    });
    return h('li', null, box, h('label', { for: id }, icon, ' ', text));
  };
  kindBoxes.append(...KINDS.map((k) => checkbox('kind', k, shapeIcon(k), KIND_LABEL[k], hiddenKinds)));
  const addTypes = (types: string[]) => {
    const fresh = types.filter((t) => !typesSeen.has(t));
    if (fresh.length === 0) return;
    for (const t of fresh) typesSeen.add(t);
    const known = [...typesSeen].sort((a, b) => {
      const ia = EDGE_TYPES.indexOf(a);
      const ib = EDGE_TYPES.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
    });
    replace(typeBoxes, known.map((t) => checkbox('type', t, edgeIcon(t), edgeStyle(t).text, hiddenTypes)));
    if (cy) {
      const st = cy.style();
      for (const t of fresh) st.selector(`edge[type = "${t}"]`).style(edgeTypeStyle(t));
      // Hover and selection must still win over the type's colour.
      st.selector('edge:selected').style({ width: 3, 'line-color': '#000000', 'target-arrow-color': '#000000' });
      st.update();
    }
  };

  const renderList = () => {
    if (!cy || !details.open) return;
    const nodes = cy
      .nodes()
      .map((n) => ({ id: n.id(), kind: n.data('kind') as string, label: n.data('label') as string }))
      .sort((a, b) => KINDS.indexOf(a.kind as Kind) - KINDS.indexOf(b.kind as Kind) || a.label.localeCompare(b.label));
    replace(
      list,
      nodes.map((n) =>
        h(
          'li',
          null,
          badge(n.kind),
          ' ',
          h('a', { href: href(n.kind, n.id) }, n.label),
          ' ',
          hoods.has(n.id)
            ? n.id === root.id
              ? h('span', { class: 'muted' }, '(start)')
              : h('button', { type: 'button', class: 'small', onclick: () => collapse(n.id) }, 'Collapse')
            : h('button', { type: 'button', class: 'small', onclick: () => expand(n.id) }, 'Expand'),
        ),
      ),
    );
  };
  details.addEventListener('toggle', renderList);

  const select = (id: string) => {
    const n = cy?.getElementById(id);
    if (!n || n.empty()) {
      replace(selection);
      return;
    }
    const kind = n.data('kind') as string;
    const isExpanded = hoods.has(id);
    replace(
      selection,
      h('h3', null, 'Selected'),
      h('p', null, badge(kind)),
      h('p', { class: 'selected-label' }, nodeLabel({ kind, label: n.data('label') as string })),
      h('p', null, h('a', { href: href(kind, id) }, `Open this ${isKind(kind) ? KIND_LABEL[kind] : 'node'}`)),
      h('p', { class: 'muted' }, `${plural(n.degree(false), 'edge')} drawn${isExpanded ? '; expanded' : ''}.`),
      isExpanded && id !== root.id
        ? h('p', null, h('button', { type: 'button', class: 'small collapse', onclick: () => collapse(id) }, 'Collapse'))
        : !isExpanded
          ? h('p', null, h('button', { type: 'button', class: 'small expand', onclick: () => void expand(id) }, 'Expand'))
          : null,
    );
  };

  const note = (text: string) => {
    notes.push(text);
    // The three latest distinct notes, newest first.
    const shown = [...new Set(notes)].slice(-3).reverse();
    capped.hidden = false;
    replace(capped, shown.map((n, i) => [i ? h('br') : null, n]));
    capped.dataset.count = String(notes.length);
  };

  /**
   * layout runs fcose: over everything at the start; after an expansion,
   * over the fresh nodes and what lies within two hops of them, every node
   * but the fresh ones fixed where it is (the rest of the view is not
   * touched at all, which keeps a small expansion of a big view cheap).
   */
  const layout = async (fresh: cytoscape.NodeCollection, origin: cytoscape.NodeSingular, first: boolean) => {
    if (!cy) return;
    const c = cy;
    const started = performance.now();
    // Many fresh nodes (a hub's neighbourhood): they and the node expanded are laid out alone,
    // without constraints (which cost fcose several times the layout itself on hundreds of
    // nodes), then moved as one so that the expanded node is back where it was. A few: the
    // two hops around them, every node but the fresh ones fixed.
    const many = !first && fresh.length > REFINE_MAX;
    const scope = first ? c.elements() : many ? fresh.union(origin).union(fresh.edgesWith(origin)) : fresh.closedNeighborhood().closedNeighborhood();
    const anchor = { ...origin.position() };
    const fixed = first || many
      ? []
      : scope
          .nodes()
          .difference(fresh)
          .map((n) => ({ nodeId: n.id(), position: { ...(n as cytoscape.NodeSingular).position() } }));
    canvas.dataset.layoutNodes = String(scope.nodes().length);
    // A few fresh nodes: fcose refines their rings (proof quality, slow cooling). Many (a hub's
    // neighbourhood), or the start: placed afresh, by fcose (spectral, then fast cooling) or, from
    // FROM_RINGS nodes on, by the force layout from their rings.
    const refine = !first && !many;
    const fromRings = !refine && scope.nodes().length >= FROM_RINGS;
    canvas.dataset.layoutStart = refine ? 'refine' : fromRings ? 'rings' : 'random';
    canvas.dataset.layoutEngine = fromRings && force ? 'd3-force' : 'fcose';
    if (fromRings && force) force.forceLayout(c, scope.nodes(), origin);
    else {
      await new Promise<void>((resolve) => {
        const l = scope.layout({
          name: 'fcose',
          quality: refine ? 'proof' : 'default',
          randomize: !refine,
          animate: false,
          fit: false,
          padding: 30,
          nodeDimensionsIncludeLabels: false,
          packComponents: false,
          nodeRepulsion: () => 6500,
          idealEdgeLength: () => 70,
          numIter: 1000,
          fixedNodeConstraint: fixed.length ? fixed : undefined,
        } as cytoscape.LayoutOptions);
        l.one('layoutstop', () => resolve());
        l.run();
      });
    }
    if (many) {
      const p = origin.position();
      shift(scope.nodes(), anchor.x - p.x, anchor.y - p.y);
      // Then the fresh ones, away from the rest through the expanded node, until they clear it.
      const rest = c.nodes().difference(scope);
      if (rest.nonempty()) {
        const bb = rest.boundingBox();
        let dx = anchor.x - (bb.x1 + bb.x2) / 2;
        let dy = anchor.y - (bb.y1 + bb.y2) / 2;
        const len = Math.hypot(dx, dy) || 1;
        [dx, dy] = len < 1 ? [1, 0] : [dx / len, dy / len];
        const nb = fresh.boundingBox();
        const overlaps = (k: number) => !(nb.x2 + dx * k < bb.x1 || nb.x1 + dx * k > bb.x2 || nb.y2 + dy * k < bb.y1 || nb.y1 + dy * k > bb.y2);
        let k = 0;
        const stepPx = 40;
        while (overlaps(k) && k < 400 * stepPx) k += stepPx;
        shift(fresh, dx * (k + 60), dy * (k + 60));
      }
    }
    canvas.dataset.layoutMs = String(Math.round(performance.now() - started));
  };

  const fitView = (eles?: cytoscape.CollectionArgument) => {
    if (!cy) return;
    cy.fit(eles, 30);
    if (cy.zoom() > 1.4) {
      // A handful of nodes: do not blow them up to fill the view.
      cy.zoom(1.4);
      cy.center(eles);
    }
  };

  const merge = async (id: string, data: Hood) => {
    if (!cy) return;
    const c = cy;
    const started = performance.now();
    const origin = c.getElementById(id);
    const first = c.nodes().length === 0;
    const fresh = data.nodes.filter((n) => c.getElementById(n.id).empty());
    const room = MAX_NODES - c.nodes().length;
    const take = fresh.slice(0, Math.max(0, room));
    if (data.truncated) {
      note(
        `The neighbourhood of “${short(origin.nonempty() ? (origin.data('label') as string) : root.label, 60)}” is larger than the API returns at once: it stopped at ${plural(data.nodes.length, 'node')} (truncated). Expand other nodes to see more.`,
      );
    }
    if (take.length < fresh.length) {
      note(
        `The view holds at most ${MAX_NODES.toLocaleString('en')} nodes: ${plural(fresh.length - take.length, 'node')} of this neighbourhood ${fresh.length - take.length === 1 ? 'was' : 'were'} not drawn. Collapse a node or use “Start again”.`,
      );
    }
    const drawn = new Set(take.map((n) => n.id));
    hoods.set(id, new Set(data.nodes.map((n) => n.id).filter((n) => drawn.has(n) || c.getElementById(n).nonempty())));
    hoods.get(id)!.add(id);
    if (!order.includes(id)) order.push(id);

    // Order new nodes by kind so rings group them; place them around the origin.
    take.sort((a, b) => KINDS.indexOf(a.kind as Kind) - KINDS.indexOf(b.kind as Kind));
    const center = origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    const pos = rings(take.filter((n) => n.id !== id).length, center.x, center.y);
    let p = 0;
    const defs: cytoscape.ElementDefinition[] = take.map((n) => ({
      group: 'nodes',
      data: { id: n.id, kind: n.kind, label: n.label, short: short(nodeLabel(n)) },
      position: n.id === id ? { ...center } : pos[p++],
      classes: [n.id === root.id ? 'root' : '', hiddenKinds.has(n.kind) ? 'hidden' : ''].join(' '),
    }));
    let added = c.collection();
    for (let i = 0; i < defs.length; i += CHUNK) {
      if (signal.aborted) return;
      added = added.union(c.add(defs.slice(i, i + CHUNK)));
      if (defs.length > CHUNK) {
        status.textContent = `Drawing ${Math.min(i + CHUNK, defs.length)} of ${defs.length} nodes…`;
        await frame();
      }
    }
    const edges: cytoscape.ElementDefinition[] = [];
    for (const e of data.edges) {
      const eid = `${e.from}|${e.type}|${e.to}`;
      if (c.getElementById(eid).nonempty()) continue;
      if (c.getElementById(e.from).empty() || c.getElementById(e.to).empty()) continue;
      const text = e.weight != null ? `${edgeStyle(e.type).text.split(' (')[0]} ${e.weight.toFixed(2)}` : edgeStyle(e.type).text.split(' (')[0];
      edges.push({
        group: 'edges',
        data: { id: eid, source: e.from, target: e.to, type: e.type, weight: e.weight, text },
        classes: hiddenTypes.has(e.type) ? 'hidden' : '',
      });
    }
    addTypes([...new Set(edges.map((e) => e.data.type as string))]);
    if (!light && c.edges().length + edges.length > LIGHT_EDGES) {
      // Many edges: straight "haystack" lines without arrows or labels draw much faster.
      light = true;
      c.style().selector('edge').style({ 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', label: '' }).update();
    }
    // Edges cost little to add but every frame redraws them all: few, big chunks.
    for (let i = 0; i < edges.length; i += EDGE_CHUNK) {
      if (signal.aborted) return;
      c.add(edges.slice(i, i + EDGE_CHUNK));
      if (i + EDGE_CHUNK < edges.length) await frame();
    }
    c.getElementById(id).addClass('expanded');

    const placed = added.filter((n) => n.id() !== id);
    if (placed.length > 0 && c.nodes().length <= FORCE_LAYOUT_MAX && c.edges().length <= FORCE_LAYOUT_MAX_EDGES) {
      await layout(placed, c.getElementById(id), first);
    }
    if (first) fitView();
    else if (placed.length > 0) {
      // Bring what was added into view, the rest staying where it was.
      const shown = placed.union(c.getElementById(id));
      const ext = c.extent();
      const bb = shown.boundingBox();
      const inside = bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2;
      if (!inside) c.animate({ fit: { eles: c.nodes(':visible'), padding: 30 } }, { duration: 250 });
    }
    canvas.dataset.mergeMs = String(Math.round(performance.now() - started));
  };

  /** collapse removes what only id's expansion brought in (and the expansions of nodes that go with it). */
  const collapse = (id: string) => {
    if (!cy || id === root.id || !hoods.has(id)) return;
    const c = cy;
    hoods.delete(id);
    c.getElementById(id).removeClass('expanded');
    for (;;) {
      const keep = new Set<string>([root.id]);
      for (const set of hoods.values()) for (const n of set) keep.add(n);
      const gone = c.nodes().filter((n) => !keep.has(n.id()));
      const orphaned = gone.filter((n) => hoods.has(n.id()));
      if (orphaned.length === 0) {
        c.remove(gone);
        break;
      }
      orphaned.forEach((n) => {
        hoods.delete(n.id());
      });
    }
    for (let i = order.length - 1; i >= 0; i--) if (!hoods.has(order[i])) order.splice(i, 1);
    counts();
    renderList();
    select(c.getElementById(id).nonempty() ? id : root.id);
    status.textContent += ` Collapsed ${short(String(c.getElementById(id).data('label') ?? id), 60)}.`;
    save();
  };

  const expand = (id: string): Promise<void> => {
    if (hoods.has(id) || pending.has(id)) return queue;
    pending.add(id);
    const label = cy?.getElementById(id).data('label') ?? root.label;
    status.textContent = `Fetching the neighbourhood of ${short(label, 60)}…`;
    section.setAttribute('aria-busy', 'true');
    // One expansion at a time: merges must not interleave.
    queue = queue.then(async () => {
      try {
        const data = await gql(NEIGHBORHOOD, { id }, signal);
        await merge(id, data.neighborhood);
      } catch (err) {
        if (isAbort(err)) return;
        errors.replaceChildren(errorBox(err, `the neighbourhood of ${label}`));
      } finally {
        pending.delete(id);
        if (!signal.aborted) {
          section.removeAttribute('aria-busy');
          counts();
          renderList();
          if (cy?.getElementById(id).selected()) select(id);
          save();
        }
      }
    });
    return queue;
  };

  const visible = () => {
    const c = cy!;
    return { nodes: c.nodes(':visible'), edges: c.edges(':visible') };
  };

  const start = async () => {
    let cytoscapeFn: typeof cytoscape;
    try {
      cytoscapeFn = await loadCytoscape();
    } catch (err) {
      status.textContent = '';
      errors.replaceChildren(errorBox(err, 'the graph library'));
      return;
    }
    if (signal.aborted) return;
    cy = cytoscapeFn({
      container: canvas,
      style: style(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    Object.defineProperty(canvas, 'cy', { value: cy, configurable: true }); // for tests and the console
    const c = cy;
    c.on('tap', 'node', (ev) => {
      const id = (ev.target as cytoscape.NodeSingular).id();
      select(id);
      void expand(id);
    });
    c.on('tap', (ev) => {
      if (ev.target === c) replace(selection);
    });
    c.on('dbltap', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      location.hash = href(n.data('kind') as string, n.id());
    });
    const edgeText = (e: cytoscape.EdgeSingular) => {
      const w = e.data('weight') as number | null;
      return `${edgeStyle(e.data('type') as string).text.split(' (')[0]}: ${short(e.source().data('label') as string, 50)} → ${short(e.target().data('label') as string, 50)}${w != null ? ` · weight ${w.toFixed(2)}` : ''}`;
    };
    c.on('tap', 'edge', (ev) => {
      status.textContent = edgeText(ev.target as cytoscape.EdgeSingular);
    });
    c.on('mouseover', 'edge', (ev) => {
      const e = ev.target as cytoscape.EdgeSingular;
      e.addClass('hover');
      hover.textContent = edgeText(e);
      hover.hidden = false;
      hover.dataset.edge = e.id();
    });
    c.on('mouseout', 'edge', (ev) => {
      (ev.target as cytoscape.EdgeSingular).removeClass('hover');
      hover.hidden = true;
    });
    c.on('mouseover', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      hover.textContent = `${nodeLabel({ kind: n.data('kind') as string, label: n.data('label') as string })} (${String(n.data('kind')).toLowerCase()})`;
      hover.hidden = false;
      delete hover.dataset.edge;
    });
    c.on('mouseout', 'node', () => (hover.hidden = true));
    for (const b of [fit, reset, ...Object.values(exports)]) b.disabled = false;
    fit.addEventListener('click', () => fitView(c.nodes(':visible')));
    reset.addEventListener('click', () => {
      c.elements().remove();
      hoods.clear();
      order.length = 0;
      if (light) {
        light = false;
        c.style(style());
        const types = [...typesSeen];
        typesSeen.clear();
        addTypes(types);
      }
      notes.length = 0;
      capped.hidden = true;
      errors.replaceChildren();
      replace(selection);
      void expand(root.id);
    });
    const base = fileName(root.id);
    exports.png.addEventListener('click', () => {
      const blob = c.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
      download(`${base}.png`, blob, 'image/png');
    });
    exports.svg.addEventListener('click', () => {
      const svg = (c as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
      download(`${base}.svg`, svg, 'image/svg+xml');
    });
    exports.json.addEventListener('click', () => {
      const v = visible();
      download(`${base}.cyjs`, cytoscapeJSON(v.nodes, v.edges), 'application/json');
    });
    exports.graphml.addEventListener('click', () => {
      const v = visible();
      download(`${base}.graphml`, graphml(v.nodes, v.edges), 'application/graphml+xml');
    });
    await expand(root.id);
    // A shared link: expand what it names, in its order.
    for (const id of opts.state?.expand ?? []) {
      if (signal.aborted) return;
      if (c.getElementById(id).nonempty()) await expand(id);
    }
    if (!signal.aborted) {
      c.getElementById(root.id).select();
      select(root.id);
      section.dataset.ready = 'true';
    }
  };

  signal.addEventListener('abort', () => {
    cy?.destroy();
    cy = null;
  });
  void start();
  return section;
}
