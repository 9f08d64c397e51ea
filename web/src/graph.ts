// The graph view: the neighbourhood of what is selected, drawn with
// Cytoscape.js (loaded on first use, so pages without a graph stay light).
// Clicking a node fetches neighborhood(id, depth: 1) and merges it in.
// Everything is bounded: the API stops at 500 nodes per neighbourhood
// (truncated: true), the view stops at MAX_NODES, and nodes are added in
// chunks, one animation frame apart, so a big neighbourhood never freezes
// the page.

import type cytoscape from 'cytoscape';
import { errorBox, gql, isAbort } from './api';
import { graphql } from './gql';
import type { NeighborhoodQuery } from './gql/graphql';
import { h, plural, replace } from './dom';
import { COLOR, KIND_LABEL, KINDS, SHAPE, badge, href, isKind, legend, type Kind } from './kinds';

export const MAX_NODES = 1500;
const CHUNK = 150;
const EDGE_CHUNK = 3000;
/** Above this many nodes, no force-directed layout (it grows quadratically). */
const FORCE_LAYOUT_MAX = 250;
const FORCE_LAYOUT_MAX_EDGES = 800;
/** Above this many edges, edges are drawn the cheap way. */
const LIGHT_EDGES = 1500;

const NEIGHBORHOOD = graphql(`
  query Neighborhood($id: ID!) {
    neighborhood(id: $id, depth: 1) {
      truncated
      nodes { id kind label }
      edges { from to type weight }
    }
  }`);


let cyModule: Promise<typeof cytoscape> | null = null;
function loadCytoscape(): Promise<typeof cytoscape> {
  cyModule ??= import('cytoscape').then((m) => m.default);
  return cyModule;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function short(label: string, n = 28): string {
  const chars = Array.from(label);
  return chars.length <= n ? label : chars.slice(0, n - 1).join('').trimEnd() + '…';
}

function style(): cytoscape.StylesheetJson {
  const st: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(short)',
        'font-size': 9,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: '#1f2328',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'none',
        'min-zoomed-font-size': 7,
        width: 20,
        height: 20,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node[kind = "MANDATE"]', style: { width: 13, height: 13 } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1f2328' } },
    {
      selector: 'node.root',
      style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#1f2328', 'font-size': 11, 'font-weight': 'bold' },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000000', 'overlay-opacity': 0.12 } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': '#9aa4b2',
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#9aa4b2',
        'arrow-scale': 0.6,
      },
    },
    { selector: 'edge[type = "SIMILAR"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[type = "REFERENCES"]', style: { 'line-style': 'dotted', width: 1.5 } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#1f2328', 'target-arrow-color': '#1f2328' } },
  ];
  for (const k of KINDS) {
    st.push({
      selector: `node[kind = "${k}"]`,
      style: { 'background-color': COLOR[k], shape: SHAPE[k] as cytoscape.Css.NodeShape },
    });
  }
  return st;
}

/** Places n new nodes on rings around (cx, cy). */
function rings(n: number, cx: number, cy: number, r0 = 110, gap = 34): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  let r = r0;
  let turn = 0;
  while (out.length < n) {
    const fit = Math.max(6, Math.floor((2 * Math.PI * r) / gap));
    const k = Math.min(fit, n - out.length);
    for (let i = 0; i < k; i++) {
      const a = turn + (2 * Math.PI * i) / k;
      out.push({ x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
    }
    r += gap * 1.2;
    turn += 0.3;
  }
  return out;
}

export interface GraphRoot {
  id: string;
  kind: string;
  label: string;
}

/**
 * graphView returns a section that draws the neighbourhood of root and
 * grows as nodes are clicked. It cleans up when signal aborts.
 */
export function graphView(root: GraphRoot, signal: AbortSignal): HTMLElement {
  const status = h('p', { class: 'graph-status', role: 'status', 'aria-live': 'polite' }, 'Loading the graph…');
  const capped = h('p', { class: 'warning graph-capped', role: 'status', hidden: true });
  const errors = h('div', { class: 'graph-errors' });
  const canvas = h('div', {
    class: 'graph-canvas',
    role: 'img',
    'aria-label': `Graph of the neighbourhood of ${root.label}. The list below gives the same nodes.`,
  });
  const selection = h('div', { class: 'graph-selection', 'aria-live': 'polite' });
  const list = h('ul', { class: 'graph-list' });
  const details = h(
    'details',
    { class: 'graph-details' },
    h('summary', null, 'The nodes of the graph as a list (keyboard: expand from here)'),
    list,
  );
  const fit = h('button', { type: 'button', disabled: true }, 'Fit to view');
  const reset = h('button', { type: 'button', disabled: true }, 'Start again');
  const section = h(
    'section',
    { class: 'graph', 'aria-labelledby': 'graph-h' },
    h('h2', { id: 'graph-h' }, 'Graph'),
    h(
      'p',
      { class: 'help' },
      'The neighbourhood of ',
      h('strong', null, root.label),
      '. Click a node to fetch its neighbours and add them; double-click to open its page. Scroll to zoom, drag to move.',
    ),
    legend(),
    h('div', { class: 'graph-toolbar' }, fit, reset, status),
    capped,
    errors,
    h('div', { class: 'graph-body' }, canvas, selection),
    details,
  );

  let cy: cytoscape.Core | null = null;
  const expanded = new Set<string>();
  const pending = new Set<string>();
  const notes: string[] = [];
  let light = false;
  let queue = Promise.resolve();

  const counts = () => {
    if (!cy) return;
    const n = cy.nodes().length;
    const e = cy.edges().length;
    canvas.dataset.nodes = String(n);
    canvas.dataset.edges = String(e);
    status.textContent = `${plural(n, 'node')}, ${plural(e, 'edge')}; ${plural(expanded.size, 'node')} expanded.`;
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
          expanded.has(n.id)
            ? h('span', { class: 'muted' }, '(expanded)')
            : h('button', { type: 'button', class: 'small', onclick: () => expand(n.id) }, 'Expand'),
        ),
      ),
    );
  };
  details.addEventListener('toggle', renderList);

  const select = (id: string) => {
    const n = cy?.getElementById(id);
    if (!n || n.empty()) return;
    const kind = n.data('kind') as string;
    replace(
      selection,
      h('h3', null, 'Selected'),
      h('p', null, badge(kind)),
      h('p', { class: 'selected-label' }, n.data('label') as string),
      h('p', null, h('a', { href: href(kind, id) }, `Open this ${isKind(kind) ? KIND_LABEL[kind] : 'node'}`)),
      h('p', { class: 'muted' }, `${plural(n.degree(false), 'edge')} drawn${expanded.has(id) ? '; expanded' : ''}.`),
    );
  };

  const merge = async (id: string, data: NeighborhoodQuery['neighborhood']) => {
    if (!cy) return;
    const c = cy;
    const origin = c.getElementById(id);
    const first = c.nodes().length === 0;
    const fresh = data.nodes.filter((n) => c.getElementById(n.id).empty());
    const room = MAX_NODES - c.nodes().length;
    const take = fresh.slice(0, Math.max(0, room));
    if (data.truncated) {
      notes.push(
        `The neighbourhood of “${short(origin.nonempty() ? (origin.data('label') as string) : root.label, 60)}” is larger than the API returns at once: it stopped at ${plural(data.nodes.length, 'node')} (truncated). Expand other nodes to see more.`,
      );
    }
    if (take.length < fresh.length) {
      notes.push(
        `The view holds at most ${MAX_NODES.toLocaleString('en')} nodes: ${plural(fresh.length - take.length, 'node')} of this neighbourhood ${fresh.length - take.length === 1 ? 'was' : 'were'} not drawn. Use “Start again” to begin from ${root.label}.`,
      );
    }
    if (notes.length > 0) {
      // The three latest distinct notes, newest first.
      const shown = [...new Set(notes)].slice(-3).reverse();
      capped.hidden = false;
      replace(capped, shown.map((n, i) => [i ? h('br') : null, n]));
      capped.dataset.count = String(notes.length);
    }

    // Order new nodes by kind so rings group them; place them around the origin.
    take.sort((a, b) => KINDS.indexOf(a.kind as Kind) - KINDS.indexOf(b.kind as Kind));
    const center = origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    const willForce = c.nodes().length + take.length <= FORCE_LAYOUT_MAX && c.edges().length + data.edges.length <= FORCE_LAYOUT_MAX_EDGES;
    const pos = rings(take.filter((n) => n.id !== id).length, center.x, center.y);
    let p = 0;
    const defs: cytoscape.ElementDefinition[] = take.map((n) => ({
      group: 'nodes',
      data: { id: n.id, kind: n.kind, label: n.label, short: short(n.label) },
      position: n.id === id ? { ...center } : pos[p++],
      classes: n.id === root.id ? 'root' : '',
    }));
    for (let i = 0; i < defs.length; i += CHUNK) {
      if (signal.aborted) return;
      c.add(defs.slice(i, i + CHUNK));
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
      edges.push({ group: 'edges', data: { id: eid, source: e.from, target: e.to, type: e.type, weight: e.weight } });
    }
    if (!light && c.edges().length + edges.length > LIGHT_EDGES) {
      // Many edges: straight "haystack" lines without arrows draw much faster.
      light = true;
      c.style().selector('edge').style({ 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' }).update();
    }
    // Edges cost little to add but every frame redraws them all: few, big chunks.
    for (let i = 0; i < edges.length; i += EDGE_CHUNK) {
      if (signal.aborted) return;
      c.add(edges.slice(i, i + EDGE_CHUNK));
      if (i + EDGE_CHUNK < edges.length) await frame();
    }
    c.getElementById(id).addClass('expanded');

    if (willForce && take.length > 0) {
      await new Promise<void>((resolve) => {
        const layout = c.layout({
          name: 'cose',
          animate: false,
          randomize: first,
          fit: first,
          padding: 30,
          numIter: 600,
          nodeRepulsion: () => 6000,
          idealEdgeLength: () => 60,
        } as cytoscape.LayoutOptions);
        layout.one('layoutstop', () => resolve());
        layout.run();
      });
    } else if (first) {
      c.fit(undefined, 30);
    }
    if (first && c.zoom() > 1.4) {
      // A handful of nodes: do not blow them up to fill the view.
      c.zoom(1.4);
      c.center();
    }
    if (!first && take.length > 0) {
      c.animate({ center: { eles: c.getElementById(id) } }, { duration: 250 });
    }
  };

  const expand = (id: string): Promise<void> => {
    if (expanded.has(id) || pending.has(id)) return queue;
    pending.add(id);
    const label = cy?.getElementById(id).data('label') ?? root.label;
    status.textContent = `Fetching the neighbourhood of ${short(label, 60)}…`;
    section.setAttribute('aria-busy', 'true');
    // One expansion at a time: merges must not interleave.
    queue = queue.then(async () => {
      try {
        const data = await gql(NEIGHBORHOOD, { id }, signal);
        expanded.add(id);
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
        }
      }
    });
    return queue;
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
    c.on('dbltap', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      location.hash = href(n.data('kind') as string, n.id());
    });
    c.on('tap', 'edge', (ev) => {
      const e = ev.target as cytoscape.EdgeSingular;
      const w = e.data('weight') as number | null;
      status.textContent = `${e.data('type')}: ${short(e.source().data('label') as string, 50)} → ${short(e.target().data('label') as string, 50)}${w != null ? ` (weight ${w.toFixed(2)})` : ''}`;
    });
    c.on('mouseover', 'node', (ev) => {
      canvas.title = `${(ev.target as cytoscape.NodeSingular).data('label')} (${String((ev.target as cytoscape.NodeSingular).data('kind')).toLowerCase()})`;
    });
    c.on('mouseout', 'node', () => canvas.removeAttribute('title'));
    fit.disabled = false;
    reset.disabled = false;
    fit.addEventListener('click', () => {
      c.fit(undefined, 30);
      if (c.zoom() > 1.4) {
        c.zoom(1.4);
        c.center();
      }
    });
    reset.addEventListener('click', () => {
      c.elements().remove();
      expanded.clear();
      if (light) {
        light = false;
        c.style(style());
      }
      notes.length = 0;
      capped.hidden = true;
      errors.replaceChildren();
      replace(selection);
      void expand(root.id);
    });
    await expand(root.id);
    if (!signal.aborted) {
      c.getElementById(root.id).select();
      select(root.id);
    }
  };

  signal.addEventListener('abort', () => {
    cy?.destroy();
    cy = null;
  });
  void start();
  return section;
}
