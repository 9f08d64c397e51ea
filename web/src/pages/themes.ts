// How the agenda moved: the summit × theme matrix (a heatmap of mandate
// counts; a cell lists its mandates) and one entity's mandates per summit.
// At #/themes (?summit=S&theme=T for a cell, ?entity=E for the chart) and,
// smaller, on the start page.
//
// Built on what the schema offers: the per-summit counts of a theme are its
// trace's steps (TraceStep.count), asked for every theme in one request
// with aliases. That is one trace scan per theme on the server; a field
// such as Query.summitThemeCounts (or Summit.themes { entity count })
// read from the store's counters would make it one read.

import { ApiError, gql } from '../api';
import { bars, heatmap, type Axis } from '../charts';
import { fill, mandateLink, paginated, section, type Ctx } from '../common';
import { h, replace } from '../dom';
import { graphql } from '../gql';
import { TypedDocumentString, type AgendaQuery, type SummitCountsFragment } from '../gql/graphql';
import { COLOR, KIND_LABEL, href, isKind } from '../kinds';

const AGENDA = graphql(`
  query Agenda {
    summits { id label year }
    entities(first: 500) { edges { node { id kind label name } } }
  }`);

// The per-summit counts of one trace; the matrix asks for it once per theme.
const SUMMIT_COUNTS = graphql(`
  fragment SummitCounts on Trace { steps { count summit { id } } }`);

/** COMPACT_ROWS is how many themes the start page's matrix shows. */
const COMPACT_ROWS = 12;

/**
 * THEMES_PER_REQUEST bounds one aliased request: the API refuses more than
 * ten expensive root fields (search, neighborhood, path, trace) in one
 * operation (--max-expensive, EXPENSIVE_FIELD_LIMIT_EXCEEDED).
 */
const THEMES_PER_REQUEST = 10;

/** traceCounts asks for the traces of ids, ten to a request, the requests at once: id → summit → count. */
async function traceCounts(ids: string[], signal: AbortSignal): Promise<Map<string, Map<string, number>>> {
  const parts: string[][] = [];
  for (let i = 0; i < ids.length; i += THEMES_PER_REQUEST) parts.push(ids.slice(i, i + THEMES_PER_REQUEST));
  const answers = await Promise.all(
    parts.map((part) => {
      const vars = part.map((_, j) => `$e${j}: ID!`).join(', ');
      const fields = part.map((_, j) => `e${j}: trace(entity: $e${j}) { ...SummitCounts }`).join('\n  ');
      const doc = new TypedDocumentString<Record<string, SummitCountsFragment>, Record<string, string>>(
        `query AgendaCounts(${vars}) {\n  ${fields}\n}\n${SUMMIT_COUNTS.toString()}`,
      );
      return gql(doc, Object.fromEntries(part.map((id, j) => [`e${j}`, id])), signal);
    }),
  );
  const out = new Map<string, Map<string, number>>();
  parts.forEach((part, k) =>
    part.forEach((id, j) => out.set(id, new Map(answers[k][`e${j}`].steps.map((st) => [st.summit.id, st.count])))),
  );
  return out;
}

const CELL = graphql(`
  query AgendaCell($summit: ID!, $entity: ID!, $first: Int!, $after: String) {
    mandates(filter: {summit: $summit, mentions: $entity}, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind label number parent { id } document { title } } }
    }
  }`);

const ENTITY_TRACE = graphql(`
  query AgendaEntity($id: ID!) {
    node(id: $id) { __typename id kind label ... on Entity { name } }
    trace(entity: $id) { ...SummitCounts }
  }`);

type Agenda = AgendaQuery;
type EntityRow = Agenda['entities']['edges'][number]['node'];

export interface AgendaView {
  summit: string | null;
  theme: string | null;
  entity: string | null;
}

export function agendaView(params: URLSearchParams): AgendaView {
  return { summit: params.get('summit'), theme: params.get('theme'), entity: params.get('entity') };
}

function agendaHref(v: AgendaView): string {
  const p = new URLSearchParams();
  if (v.summit && v.theme) {
    p.set('summit', v.summit);
    p.set('theme', v.theme);
  }
  if (v.entity) p.set('entity', v.entity);
  const q = p.toString().replace(/%2F/g, '/');
  return `#/themes${q ? `?${q}` : ''}`;
}

/**
 * agenda renders the matrix, the cell's mandates (when a cell is chosen)
 * and the entity chart with its picker.
 */
export function agenda(signal: AbortSignal, view: AgendaView, opts: { compact?: boolean } = {}): HTMLElement {
  const matrix = section('Themes at each summit', 'agenda-matrix');
  const chart = section('One entity across the summits', 'agenda-entity');
  const data = gql(AGENDA, {}, signal);
  const themes = data.then((d) => d.entities.edges.map((e) => e.node).filter((n) => n.kind === 'THEME'));
  const counts = themes.then((ts) => traceCounts(ts.map((t) => t.id), signal));
  // Each is awaited by the sections that need it; when one is left (the
  // reader navigates away), its rejection must not go unhandled.
  for (const p of [data, themes, counts]) p.catch(() => {});

  void fill(matrix.body, 'the summit × theme matrix', signal, async () => {
    const d = await data;
    const ts = await themes;
    const c = await counts;
    const total = (t: EntityRow) => [...(c.get(t.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const mentioned = ts.filter((t) => total(t) > 0).sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name));
    // The start page shows the themes mentioned most; #/themes shows them all.
    const rows: Axis[] = (opts.compact ? mentioned.slice(0, COMPACT_ROWS) : mentioned).map((t) => ({ id: t.id, label: t.name }));
    const used = new Set(rows.flatMap((r) => [...(c.get(r.id)?.keys() ?? [])]));
    const cols: Axis[] = d.summits.filter((s) => used.has(s.id)).map((s) => ({ id: s.id, label: s.label }));
    if (rows.length === 0) return h('p', null, 'No mandate mentions a theme.');
    const cellHref = (r: Axis, col: Axis) => agendaHref({ ...view, summit: col.id, theme: r.id });
    const out: Node[] = [
      h(
        'p',
        { class: 'help' },
        rows.length < mentioned.length
          ? `How many mandates of each summit mention each theme: the ${rows.length} themes mentioned most, of ${mentioned.length}. Summits without a themed mandate are left out.`
          : `How many mandates of each summit mention each theme (${rows.length} themes mentioned, ${cols.length} summits with any). Summits without a themed mandate are left out.`,
      ),
      heatmap({
        title: 'Mandates by theme and summit',
        rows,
        cols,
        rowHeading: 'theme',
        colHeading: 'summit',
        value: (r, col) => c.get(r.id)?.get(col.id) ?? 0,
        href: cellHref,
        selected: view.summit && view.theme ? { row: view.theme, col: view.summit } : null,
      }),
    ];
    if (view.summit && view.theme) {
      const theme = ts.find((t) => t.id === view.theme);
      const summit = d.summits.find((s) => s.id === view.summit);
      const list = section(`${theme?.name ?? view.theme} at ${summit?.label ?? view.summit}`, 'agenda-cell');
      list.el.setAttribute('data-summit', view.summit);
      list.el.setAttribute('data-theme', view.theme);
      const sid = view.summit;
      const tid = view.theme;
      list.body.append(
        paginated({
          signal,
          what: 'the mandates of the cell',
          noun: ['mandate', 'mandates'],
          pageSize: 50,
          listTag: 'ul',
          listClass: 'mandate-list cell-mandates',
          fetch: async (first, after) => (await gql(CELL, { summit: sid, entity: tid, first, after }, signal)).mandates,
          render: (nodes, l) => l.append(...nodes.map((m) => h('li', { class: m.parent ? 'item' : '' }, mandateLink(m, 'document')))),
        }),
        h('p', null, h('a', { href: agendaHref({ ...view, summit: null, theme: null }) }, 'Close this list')),
      );
      out.push(list.el);
    }
    return out;
  });

  void fill(chart.body, 'the entity chart', signal, async () => {
    const d = await data;
    const entities = d.entities.edges.map((e) => e.node);
    let id = view.entity;
    if (!id) {
      // By default the theme mentioned most.
      const c = await counts;
      const ts = await themes;
      let best = 0;
      for (const t of ts) {
        const n = [...(c.get(t.id)?.values() ?? [])].reduce((a, b) => a + b, 0);
        if (n > best) {
          best = n;
          id = t.id;
        }
      }
    }
    const picker = h(
      'select',
      { id: 'agenda-entity' },
      ['CONVENTION', 'INSTITUTION', 'THEME'].map((k) =>
        h(
          'optgroup',
          { label: `${KIND_LABEL[k as 'THEME']}s` },
          entities
            .filter((e) => e.kind === k)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((e) => h('option', { value: e.id }, e.name)),
        ),
      ),
    );
    if (id) picker.value = id;
    picker.addEventListener('change', () => {
      location.hash = agendaHref({ ...view, entity: picker.value });
    });
    const controls = h('p', { class: 'agenda-picker' }, h('label', { for: 'agenda-entity' }, 'Entity '), picker);
    if (!id) return [controls, h('p', null, 'Choose an entity.')];
    const t = await gql(ENTITY_TRACE, { id }, signal);
    const node = t.node;
    if (!node || node.__typename !== 'Entity') throw new ApiError('NOT_FOUND', `no entity with id "${id}"`);
    const per = new Map(t.trace.steps.map((st) => [st.summit.id, st.count]));
    return [
      controls,
      h('p', { class: 'help' }, 'Mandates of each summit that mention ', h('a', { href: href(node.kind, node.id) }, node.name), '.'),
      bars({
        title: `${node.name}: mandates per summit`,
        bars: d.summits.map((s) => ({ id: s.id, label: s.label, value: per.get(s.id) ?? 0, href: href('SUMMIT', s.id) })),
        color: isKind(node.kind) ? COLOR[node.kind] : '#555555',
        noun: ['mandate', 'mandates'],
      }),
    ];
  });

  return h(
    'div',
    { class: ['agenda', opts.compact ? 'compact' : ''] },
    matrix.el,
    chart.el,
    opts.compact ? h('p', null, h('a', { href: '#/themes' }, 'Open the themes and the chart on their own page')) : null,
  );
}

/** #/themes */
export function themesPage(ctx: Ctx): void {
  document.title = 'Themes across the summits — summitgraph';
  replace(
    ctx.main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, 'Themes across the summits'),
      h('p', { class: 'lead' }, 'Which themes each summit spoke about, and how often one entity came back. Each chart has its table under it.'),
    ),
    agenda(ctx.signal, agendaView(ctx.params)),
  );
}
