// Charts drawn with D3's scales (d3-scale, d3-scale-chromatic) into SVG:
// the summit × theme heatmap and an entity's mandates per summit. Every
// chart has a table of the same numbers behind it (a <details> under the
// figure), which is what keyboard and screen-reader users read and follow:
// the SVG is a picture (role="img" with a summary), its cells answer the
// mouse only.

import { scaleBand, scaleLinear, scaleSequentialSqrt } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { h, plural, s } from './dom';

export interface Axis {
  id: string;
  label: string;
}

export interface HeatmapSpec {
  title: string;
  rows: Axis[]; // themes
  cols: Axis[]; // summits
  rowHeading: string;
  colHeading: string;
  value: (row: Axis, col: Axis) => number;
  /** Where a cell leads (the mandates behind the number). */
  href: (row: Axis, col: Axis) => string;
  /** The selected cell, drawn outlined. */
  selected?: { row: string; col: string } | null;
}

/** Text colour readable on a fill of the Blues scale at t (0..1). */
function ink(t: number): string {
  return t > 0.55 ? '#ffffff' : '#1f2328';
}

let serial = 0;

function cutLabel(t: string, n: number): string {
  const chars = Array.from(t);
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : t;
}

/** clickable makes the chart's marks follow their data-href on click (the table's links serve the keyboard). */
function clickable(svg: SVGSVGElement): SVGSVGElement {
  svg.addEventListener('click', (e) => {
    const mark = e.target instanceof Element ? e.target.closest<SVGElement>('[data-href]') : null;
    if (mark?.dataset.href) location.hash = mark.dataset.href;
  });
  return svg;
}

/** heatmap draws rows × cols as coloured cells with their counts, and the table behind. */
export function heatmap(spec: HeatmapSpec): HTMLElement {
  const { rows, cols } = spec;
  const max = Math.max(1, ...rows.flatMap((r) => cols.map((c) => spec.value(r, c))));
  const color = scaleSequentialSqrt(interpolateBlues).domain([0, max]);
  const tOf = (v: number) => Math.sqrt(v / max);
  const labelW = 210;
  const headH = 96;
  const cell = 30;
  const x = scaleBand<string>()
    .domain(cols.map((c) => c.id))
    .range([labelW, labelW + cols.length * cell])
    .paddingInner(0.06);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.id))
    .range([headH, headH + rows.length * cell])
    .paddingInner(0.06);
  const W = labelW + cols.length * cell + 80; // room for the last slanted summit name
  const H = headH + rows.length * cell + 8;

  let total = 0;
  let busiest = { v: 0, row: '', col: '' };
  const cells = rows.flatMap((r) =>
    cols.map((c) => {
      const v = spec.value(r, c);
      total += v;
      if (v > busiest.v) busiest = { v, row: r.label, col: c.label };
      const sel = spec.selected && spec.selected.row === r.id && spec.selected.col === c.id;
      const x0 = x(c.id)!;
      const y0 = y(r.id)!;
      return s(
        'g',
        { 'data-href': spec.href(r, c), class: ['cell', sel ? 'selected' : ''], 'data-row': r.id, 'data-col': c.id, 'data-count': String(v) },
        s('rect', { x: x0, y: y0, width: x.bandwidth(), height: y.bandwidth(), rx: 2, fill: v ? color(v) : '#f3f4f6', class: 'cell-fill' }),
        v ? s('text', { x: x0 + x.bandwidth() / 2, y: y0 + y.bandwidth() / 2 + 4, 'text-anchor': 'middle', fill: ink(tOf(v)), class: 'cell-count' }, String(v)) : null,
        s('title', null, `${r.label} at ${c.label}: ${plural(v, 'mandate')}`),
      );
    }),
  );
  const titleId = `hm-title-${++serial}`;
  const descId = `hm-desc-${serial}`;
  const svg = s(
    'svg',
    { class: 'heatmap', viewBox: `0 0 ${W} ${H}`, width: W, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    s('title', { id: titleId }, spec.title),
    s(
      'desc',
      { id: descId },
      `${plural(rows.length, 'row')} by ${plural(cols.length, 'column')}, ${plural(total, 'mandate')} in all` +
        (busiest.v ? `; the most: ${busiest.row} at ${busiest.col}, ${busiest.v}.` : '.') +
        ' The table after the chart gives every number.',
    ),
    cols.map((c) =>
      s(
        'text',
        { x: x(c.id)! + x.bandwidth() / 2, y: headH - 8, transform: `rotate(-55 ${x(c.id)! + x.bandwidth() / 2} ${headH - 8})`, class: 'col-label' },
        cutLabel(c.label, 18),
      ),
    ),
    rows.map((r) => s('text', { x: labelW - 8, y: y(r.id)! + y.bandwidth() / 2 + 4, 'text-anchor': 'end', class: 'row-label' }, cutLabel(r.label, 30))),
    cells,
  );

  const table = h(
    'table',
    { class: 'heat-table' },
    h('caption', null, spec.title, ': mandates by ', spec.rowHeading, ' and ', spec.colHeading),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, spec.rowHeading), cols.map((c) => h('th', { scope: 'col' }, c.label)))),
    h(
      'tbody',
      null,
      rows.map((r) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, r.label),
          cols.map((c) => {
            const v = spec.value(r, c);
            return h('td', { class: 'num', 'data-count': String(v) }, v ? h('a', { href: spec.href(r, c), 'aria-label': `${r.label} at ${c.label}: ${plural(v, 'mandate')}` }, String(v)) : '0');
          }),
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'chart heatmap-figure' },
    h('div', { class: 'chart-scroll' }, clickable(svg)),
    h('figcaption', null, `Darker cells: more mandates. Click a cell to list its mandates. ${plural(total, 'mandate')} in all.`),
    h('details', { class: 'chart-table' }, h('summary', null, 'The numbers as a table'), h('div', { class: 'table-wrap' }, table)),
  );
}

export interface BarSpec {
  title: string;
  bars: { id: string; label: string; value: number; href: string }[];
  color: string;
  noun: [string, string];
}

/** bars draws one bar per item (summits, in order), with the table behind. */
export function bars(spec: BarSpec): HTMLElement {
  const W = 760;
  const m = { top: 16, right: 8, bottom: 100, left: 84 };
  const H = 150 + m.top + m.bottom;
  const max = Math.max(1, ...spec.bars.map((b) => b.value));
  const x = scaleBand<string>()
    .domain(spec.bars.map((b) => b.id))
    .range([m.left, W - m.right])
    .padding(0.2);
  const y = scaleLinear().domain([0, max]).nice().range([H - m.bottom, m.top]);
  const ticks = y.ticks(Math.min(5, y.domain()[1]));
  const total = spec.bars.reduce((a, b) => a + b.value, 0);
  const withAny = spec.bars.filter((b) => b.value > 0);
  const titleId = `bar-title-${++serial}`;
  const descId = `bar-desc-${serial}`;
  const svg = s(
    'svg',
    { class: 'bars', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    s('title', { id: titleId }, spec.title),
    s(
      'desc',
      { id: descId },
      `${plural(total, spec.noun[0], spec.noun[1])} at ${plural(withAny.length, 'summit')} of ${spec.bars.length}. The table after the chart gives every number.`,
    ),
    ticks.map((t) => [
      s('line', { x1: m.left, x2: W - m.right, y1: y(t), y2: y(t), class: 'grid' }),
      s('text', { x: m.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick-label' }, String(t)),
    ]),
    spec.bars.map((b) => {
      const x0 = x(b.id)!;
      return s(
        'g',
        { 'data-href': b.href, class: 'bar', 'data-id': b.id, 'data-count': String(b.value) },
        s('rect', { x: x0, y: y(b.value), width: x.bandwidth(), height: Math.max(0, y(0) - y(b.value)), fill: spec.color }),
        b.value ? s('text', { x: x0 + x.bandwidth() / 2, y: y(b.value) - 3, 'text-anchor': 'middle', class: 'bar-count' }, String(b.value)) : null,
        s('text', { x: x0 + x.bandwidth() / 2, y: H - m.bottom + 12, transform: `rotate(-40 ${x0 + x.bandwidth() / 2} ${H - m.bottom + 12})`, 'text-anchor': 'end', class: 'bar-label' }, cutLabel(b.label, 22)),
        s('title', null, `${b.label}: ${plural(b.value, spec.noun[0], spec.noun[1])}`),
      );
    }),
    s('line', { x1: m.left, x2: W - m.right, y1: y(0), y2: y(0), class: 'axis' }),
  );
  const table = h(
    'table',
    { class: 'bar-table' },
    h('caption', null, spec.title),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Summit'), h('th', { scope: 'col' }, `${spec.noun[1][0].toUpperCase()}${spec.noun[1].slice(1)}`))),
    h(
      'tbody',
      null,
      spec.bars.map((b) => h('tr', null, h('th', { scope: 'row' }, h('a', { href: b.href }, b.label)), h('td', { class: 'num', 'data-count': String(b.value) }, String(b.value)))),
    ),
  );
  return h(
    'figure',
    { class: 'chart bars-figure' },
    clickable(svg),
    h('figcaption', null, `${plural(total, spec.noun[0], spec.noun[1])} at ${plural(withAny.length, 'summit')}.`),
    h('details', { class: 'chart-table' }, h('summary', null, 'The numbers as a table'), h('div', { class: 'table-wrap' }, table)),
  );
}
