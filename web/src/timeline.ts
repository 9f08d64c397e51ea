// The trace of an entity as a chart: every summit on a time axis, the
// summits whose mandates mention the entity drawn as discs sized by the
// number of mandates. Hand-made SVG; a plain list follows it for readers
// who do not see the chart.

import { h, plural, s } from './dom';
import { href } from './kinds';

export interface SummitPoint {
  id: string;
  label: string;
  year: number;
  startDate?: string | null;
  special?: boolean;
  status?: string | null;
}

export interface Step {
  summit: SummitPoint;
  count: number;
}

const W = 760;
const PAD = 28;
const LEVEL = 34;
let serial = 0;

function when(sm: SummitPoint): number {
  if (sm.startDate) {
    const d = Date.parse(sm.startDate + 'T00:00:00Z');
    if (!Number.isNaN(d)) {
      const y0 = Date.UTC(sm.year, 0, 1);
      const y1 = Date.UTC(sm.year + 1, 0, 1);
      return sm.year + (d - y0) / (y1 - y0);
    }
  }
  return sm.year + 0.5;
}

/** timeline draws the steps against all summits (the axis). */
export function timeline(all: SummitPoint[], steps: Step[], color: string, title: string): HTMLElement {
  const points = [...all, ...steps.map((st) => st.summit)];
  const years = points.map(when);
  const lo = Math.floor(Math.min(1994, ...years));
  const hi = Math.ceil(Math.max(lo + 10, ...years) + 0.5);
  const x = (t: number) => PAD + ((t - lo) / (hi - lo)) * (W - 2 * PAD);

  // Place labels on the lowest level where they do not overlap.
  const levels: [number, number][][] = [];
  const placed = steps.map((st) => {
    const cx = x(when(st.summit));
    const count = plural(st.count, 'mandate');
    const w = Math.max(st.summit.label.length, count.length) * 7 + 8;
    let left = Math.max(2, Math.min(cx - w / 2, W - 2 - w));
    let lvl = 0;
    for (; ; lvl++) {
      levels[lvl] ??= [];
      if (levels[lvl].every(([a, b]) => left + w < a || left > b)) break;
    }
    levels[lvl].push([left, left + w]);
    return { st, cx, lvl, left, w, count };
  });
  const maxR = 22;
  const radius = (n: number) => Math.min(maxR, 5 + 3 * Math.sqrt(n));
  const nLevels = Math.max(1, levels.length);
  const top = 8;
  const axisY = top + nLevels * LEVEL + maxR + 10;
  const H = axisY + 34;
  const labelY = (lvl: number) => axisY - maxR - 12 - lvl * LEVEL;

  const ticks: SVGElement[] = [];
  for (let y = Math.ceil(lo / 5) * 5; y <= hi; y += 5) {
    ticks.push(
      s('line', { x1: x(y), x2: x(y), y1: axisY, y2: axisY + 5, class: 'tick' }),
      s('text', { x: x(y), y: axisY + 19, 'text-anchor': 'middle', class: 'tick-label' }, String(y)),
    );
  }

  const stepIds = new Set(steps.map((st) => st.summit.id));
  const summitMarks = all
    .filter((sm) => !stepIds.has(sm.id))
    .map((sm) =>
      s(
        'circle',
        { cx: x(when(sm)), cy: axisY, r: 3.5, class: ['summit-dot', sm.special ? 'special' : '', sm.status ? 'status' : ''] },
        s('title', null, `${sm.label}${sm.special ? ' (special summit)' : ''}${sm.status ? ` (${sm.status})` : ''}: no mandate`),
      ),
    );

  const stepMarks = placed.map(({ st, cx, lvl, left, w, count }) => {
    const r = radius(st.count);
    const ly = labelY(lvl);
    const tx = left + w / 2;
    return s(
      'a',
      {
        href: href('SUMMIT', st.summit.id),
        class: 'timeline-step',
        'data-summit': st.summit.id,
        'data-count': String(st.count),
      },
      s('line', { x1: cx, x2: tx, y1: axisY - r, y2: ly + 6, class: 'leader' }),
      s('circle', { cx, cy: axisY, r, fill: color, class: 'step-dot' }),
      s('text', { x: tx, y: ly - 14, 'text-anchor': 'middle', class: 'step-label' }, st.summit.label),
      s('text', { x: tx, y: ly + 1, 'text-anchor': 'middle', class: 'step-count' }, count),
    );
  });

  const titleId = `tl-title-${++serial}`;
  const svg = s(
    'svg',
    {
      class: 'timeline',
      viewBox: `0 0 ${W} ${H}`,
      role: 'group',
      'aria-labelledby': titleId,
    },
    s('title', { id: titleId }, title),
    s('line', { x1: PAD - 8, x2: W - PAD + 8, y1: axisY, y2: axisY, class: 'axis' }),
    ticks,
    summitMarks,
    stepMarks,
  );

  const total = steps.reduce((a, st) => a + st.count, 0);
  return h(
    'figure',
    { class: 'timeline-figure' },
    svg,
    h(
      'figcaption',
      null,
      steps.length === 0
        ? 'No summit mandate mentions it.'
        : `${plural(total, 'mandate')} at ${plural(steps.length, 'summit')}, ${steps[0].summit.year}–${steps[steps.length - 1].summit.year}. Grey dots are summits without a mention; disc area follows the number of mandates.`,
    ),
    h(
      'ol',
      { class: 'timeline-list' },
      steps.map((st) =>
        h('li', null, h('a', { href: href('SUMMIT', st.summit.id) }, st.summit.label), ': ', plural(st.count, 'mandate')),
      ),
    ),
  );
}
