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
