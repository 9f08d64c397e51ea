// The layout of big views: hundreds of nodes laid out afresh, which is
// always one node's neighbourhood (the start of a hub's graph, a hub's
// expansion): a star, its centre tied to every other node, and the edges
// among the others. fcose, which the smaller views keep, runs at least five
// iterations a node and took 1.5-4 s on the bench's 500 (BENCHMARKS.md,
// "Issue 18: the timing targets"). Here the others go on rings around the
// centre in angle order, each group of nodes linked among themselves
// (breadth first from its best linked node) in one wedge, and a short
// d3-force simulation (40 ticks, Barnes–Hut repulsion and a collision
// force) pulls linked nodes together without drawing two on top of each
// other. It takes a fraction of fcose's time.

import type cytoscape from 'cytoscape';
import { forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { rings } from './rings';

/** Ticks of the simulation, from alpha START down to d3's minimum. */
export const FORCE_TICKS = 40;
const START = 0.3;

interface Body extends SimulationNodeDatum {
  index: number;
  /** Half the node's size, plus a margin. */
  r: number;
}

/**
 * starOrder orders the nodes other than the centre: groups linked among
 * themselves, the biggest first, each breadth first from its best linked
 * node (so that linked nodes sit side by side), then the unlinked ones.
 */
function starOrder(adj: number[][]): number[] {
  const group = new Array<number>(adj.length).fill(-1);
  const groups: number[][] = [];
  for (let i = 0; i < adj.length; i++) {
    if (group[i] >= 0) continue;
    const q = [i];
    group[i] = groups.length;
    for (let k = 0; k < q.length; k++) {
      for (const j of adj[q[k]]) {
        if (group[j] >= 0) continue;
        group[j] = groups.length;
        q.push(j);
      }
    }
    groups.push(q);
  }
  groups.sort((a, b) => b.length - a.length); // stable: the unlinked keep their order (by kind)
  const order: number[] = [];
  for (const g of groups) {
    let s = g[0];
    for (const i of g) if (adj[i].length > adj[s].length) s = i;
    const seen = new Set([s]);
    const q = [s];
    for (let k = 0; k < q.length; k++) {
      for (const j of [...adj[q[k]]].sort((x, y) => adj[y].length - adj[x].length)) {
        if (seen.has(j)) continue;
        seen.add(j);
        q.push(j);
      }
    }
    order.push(...q);
  }
  return order;
}

/**
 * forceLayout lays out nodes around origin (one of them, which stays where
 * it is) and moves them in one batch.
 */
export function forceLayout(cy: cytoscape.Core, nodes: cytoscape.NodeCollection, origin: cytoscape.NodeSingular): void {
  const c = { ...origin.position() };
  const others = nodes.filter((n) => !n.same(origin));
  const index = new Map(others.map((n, i) => [n.id(), i]));
  const adj: number[][] = others.map(() => []);
  nodes.edgesWith(nodes).forEach((e) => {
    const a = index.get(e.source().id());
    const b = index.get(e.target().id());
    if (a === undefined || b === undefined || a === b) return;
    adj[a].push(b);
    adj[b].push(a);
  });
  const slots = rings(others.length, c.x, c.y).sort((a, b) => a.angle - b.angle);
  const bodies: Body[] = others.map((n, i) => ({ index: i, x: c.x, y: c.y, r: (n.data('kind') === 'MANDATE' ? 7 : 10) + 4 }));
  starOrder(adj).forEach((i, k) => {
    bodies[i].x = slots[k].x;
    bodies[i].y = slots[k].y;
  });
  const centre: Body = { index: others.length, x: c.x, y: c.y, fx: c.x, fy: c.y, r: 21 };
  const links: SimulationLinkDatum<Body>[] = bodies.map((b) => ({ source: b.index, target: centre.index }));
  adj.forEach((js, a) => {
    for (const b of js) if (a < b) links.push({ source: a, target: b });
  });
  forceSimulation<Body>([...bodies, centre])
    .stop()
    .alpha(START)
    .alphaDecay(1 - Math.pow(0.001 / START, 1 / FORCE_TICKS))
    .force('link', forceLink<Body, SimulationLinkDatum<Body>>(links).distance(70).strength(0.3))
    .force('charge', forceManyBody<Body>().strength(-30).distanceMax(200).theta(0.9))
    .force('collide', forceCollide<Body>((b) => b.r))
    .tick(FORCE_TICKS);
  cy.batch(() => others.forEach((n, i) => void n.position({ x: bodies[i].x ?? c.x, y: bodies[i].y ?? c.y })));
}
