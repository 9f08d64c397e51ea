// Node kinds: colour (Okabe–Ito, safe for colour-blind readers), shape in the
// graph (a second cue besides colour), and where each kind's page lives.

import { h, s } from './dom';

export type Kind = 'SUMMIT' | 'DOCUMENT' | 'MANDATE' | 'CONVENTION' | 'INSTITUTION' | 'THEME';

export const KINDS: Kind[] = ['SUMMIT', 'DOCUMENT', 'MANDATE', 'CONVENTION', 'INSTITUTION', 'THEME'];

export const COLOR: Record<Kind, string> = {
  SUMMIT: '#D55E00',
  DOCUMENT: '#E69F00',
  MANDATE: '#56B4E9',
  CONVENTION: '#CC79A7',
  INSTITUTION: '#0072B2',
  THEME: '#009E73',
};

/** Cytoscape node shapes. */
export const SHAPE: Record<Kind, string> = {
  SUMMIT: 'star',
  DOCUMENT: 'rectangle',
  MANDATE: 'ellipse',
  CONVENTION: 'hexagon',
  INSTITUTION: 'triangle',
  THEME: 'diamond',
};

export const KIND_LABEL: Record<Kind, string> = {
  SUMMIT: 'summit',
  DOCUMENT: 'document',
  MANDATE: 'mandate',
  CONVENTION: 'convention',
  INSTITUTION: 'institution',
  THEME: 'theme',
};

export function isKind(k: string): k is Kind {
  return (KINDS as string[]).includes(k);
}

/** The explorer's address for a node. Ids contain slashes; they are kept readable. */
export function href(kind: string, id: string): string {
  const path = id.split('/').map(encodeURIComponent).join('/');
  switch (kind) {
    case 'SUMMIT':
      return `#/summit/${path}`;
    case 'DOCUMENT':
      return `#/document/${path}`;
    case 'MANDATE':
      return `#/mandate/${path}`;
    case 'CONVENTION':
    case 'INSTITUTION':
    case 'THEME':
      return `#/entity/${path}`;
    default:
      return `#/node/${path}`;
  }
}

/** A small badge naming the kind, in its colour. */
export function badge(kind: string): HTMLElement {
  const k = isKind(kind) ? kind : null;
  return h('span', { class: ['badge', k ? `kind-${k}` : ''] }, k ? KIND_LABEL[k] : kind.toLowerCase());
}

/** The shape used in the graph, drawn small for the legend. */
export function shapeIcon(kind: Kind, size = 14): SVGSVGElement {
  const c = size / 2;
  const r = size / 2 - 1;
  const fill = COLOR[kind];
  const poly = (pts: [number, number][]) =>
    s('polygon', { points: pts.map(([x, y]) => `${(c + x * r).toFixed(2)},${(c + y * r).toFixed(2)}`).join(' '), fill });
  let shape: SVGElement;
  switch (SHAPE[kind]) {
    case 'star': {
      const pts: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const rr = i % 2 === 0 ? 1 : 0.45;
        pts.push([Math.cos(a) * rr, Math.sin(a) * rr]);
      }
      shape = poly(pts);
      break;
    }
    case 'rectangle':
      shape = s('rect', { x: 1, y: 2, width: size - 2, height: size - 4, fill });
      break;
    case 'hexagon':
      shape = poly([[-1, 0], [-0.5, -0.87], [0.5, -0.87], [1, 0], [0.5, 0.87], [-0.5, 0.87]]);
      break;
    case 'triangle':
      shape = poly([[0, -1], [1, 0.8], [-1, 0.8]]);
      break;
    case 'diamond':
      shape = poly([[0, -1], [1, 0], [0, 1], [-1, 0]]);
      break;
    default:
      shape = s('circle', { cx: c, cy: c, r, fill });
  }
  return s('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true', focusable: 'false' }, shape);
}

/** The colour legend for kinds. */
export function legend(kinds: Kind[] = KINDS): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Colour legend: node kinds' },
    kinds.map((k) => h('li', null, shapeIcon(k), ' ', KIND_LABEL[k])),
  );
}

/** Edge types: colour (dark tones, apart from the node colours), line style, and how the legend reads them. */
export interface EdgeStyle {
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  text: string;
}

export const EDGE: Record<string, EdgeStyle> = {
  MENTIONS: { color: '#225555', line: 'solid', text: 'mentions' },
  FROM: { color: '#8a6d00', line: 'solid', text: 'from (mandate → document)' },
  ISSUED_AT: { color: '#994433', line: 'solid', text: 'issued at (document → summit)' },
  PART_OF: { color: '#222255', line: 'solid', text: 'part of' },
  REFERENCES: { color: '#AA3377', line: 'dotted', text: 'references' },
  SIMILAR: { color: '#882255', line: 'dashed', text: 'similar (weight: score)' },
  MONITORS: { color: '#225522', line: 'solid', text: 'monitors' },
};

/** Edge types in legend order; any other type (a catalog relation) follows. */
export const EDGE_TYPES = Object.keys(EDGE);

export function edgeStyle(type: string): EdgeStyle {
  return EDGE[type] ?? { color: '#555555', line: 'solid', text: type.toLowerCase().replace(/_/g, ' ') };
}

/** A short line in the edge's colour and style, for legends. */
export function edgeIcon(type: string, width = 22): SVGSVGElement {
  const st = edgeStyle(type);
  const dash = st.line === 'dashed' ? '5 3' : st.line === 'dotted' ? '1.5 2.5' : undefined;
  return s(
    'svg',
    { width, height: 10, viewBox: `0 0 ${width} 10`, 'aria-hidden': 'true', focusable: 'false' },
    s('line', { x1: 1, x2: width - 1, y1: 5, y2: 5, stroke: st.color, 'stroke-width': 2, 'stroke-dasharray': dash, 'stroke-linecap': 'round' }),
  );
}
