// How the graph view draws: its Cytoscape stylesheet, an edge type's
// colour and line, and the labels written under nodes.

import type cytoscape from 'cytoscape';
import { COLOR, KINDS, SHAPE, edgeStyle } from './kinds';

export function short(label: string, n = 28): string {
  const chars = Array.from(label);
  return chars.length <= n ? label : chars.slice(0, n - 1).join('').trimEnd() + '…';
}

/**
 * nodeLabel is what the graph writes under a node: a mandate without the
 * "1." that the compilations print before every top-level mandate (see
 * realNumber in common.ts).
 */
export function nodeLabel(n: { kind: string; label: string }): string {
  return n.kind === 'MANDATE' ? n.label.replace(/^1\.\s+/, '') : n.label;
}

export function style(): cytoscape.StylesheetJson {
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
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
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
    { selector: '.hidden', style: { display: 'none' } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.6,
        label: 'data(text)',
        'font-size': 6,
        color: '#3d4148',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 8,
      },
    },
    // Similarity: thicker with the score.
    { selector: 'edge[type = "SIMILAR"][weight]', style: { width: 'mapData(weight, 0, 1, 1, 4)', 'target-arrow-shape': 'none' } },
    { selector: 'edge.hover', style: { width: 3, 'z-index': 10, 'font-size': 9, 'min-zoomed-font-size': 1 } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#000000', 'target-arrow-color': '#000000' } },
  ];
  for (const k of KINDS) {
    st.push({
      selector: `node[kind = "${k}"]`,
      style: { 'background-color': COLOR[k], shape: SHAPE[k] as cytoscape.Css.NodeShape },
    });
  }
  return st;
}

/** The per-type edge style (types appear as the graph grows). */
export function edgeTypeStyle(type: string): cytoscape.Css.Edge {
  const es = edgeStyle(type);
  return { 'line-color': es.color, 'target-arrow-color': es.color, 'line-style': es.line };
}
