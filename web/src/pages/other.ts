// Home, summit, document and the generic node page.

import { ApiError, gql } from '../api';
import { facts, fill, link, paginated, section, type Connection, type Ctx, type NodeRef } from '../common';
import { h, replace } from '../dom';
import { graphView } from '../graph';
import { KIND_LABEL, badge, href, legend, type Kind } from '../kinds';

const STATS = /* GraphQL */ `
  query Home {
    stats { summits documents mandates conventions institutions themes mentions nodes edges files }
    summits { id kind label name year special status }
  }`;

const ENTITIES = /* GraphQL */ `
  query Entities($kind: NodeKind!, $first: Int!, $after: String) {
    entities(filter: {kind: $kind}, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind label name acronym } }
    }
  }`;

interface Stats {
  summits: number;
  documents: number;
  mandates: number;
  conventions: number;
  institutions: number;
  themes: number;
  mentions: number;
  nodes: number;
  edges: number;
  files: number;
}

export function homePage(ctx: Ctx): void {
  const { main, signal } = ctx;
  document.title = 'summitgraph explorer';
  const stats = section('The graph', 'stats');
  const summits = section('Summits', 'summits');
  const browse = section('Browse', 'browse');
  replace(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, 'The mandates of the Summits of the Americas'),
      h(
        'p',
        { class: 'lead' },
        'Search for a convention, an institution or a theme and follow it across summits: every mandate that names it, with the words that matched and how sure the match is. Try ',
        h('a', { href: '#/search?q=corruption' }, 'corruption'),
        ', ',
        h('a', { href: '#/search?q=MESICIC' }, 'MESICIC'),
        ' or ',
        h('a', { href: '#/entity/convention/inter-american-convention-against-corruption' }, 'the Inter-American Convention against Corruption'),
        '.',
      ),
    ),
    h('div', { class: 'two-col' }, stats.el, summits.el),
    browse.el,
  );

  const data = gql<{ stats: Stats; summits: (NodeRef & { name: string; year: number; special: boolean; status: string | null })[] }>(
    STATS,
    {},
    signal,
  );
  void fill(stats.body, 'the statistics', signal, async () => {
    const st = (await data).stats;
    const row = (label: string, n: number) => [h('dt', null, label), h('dd', { class: 'num' }, n.toLocaleString('en'))];
    return h(
      'dl',
      { class: 'stats' },
      row('Summits', st.summits),
      row('Summit documents', st.documents),
      row('Mandates and items', st.mandates),
      row('Conventions', st.conventions),
      row('Institutions', st.institutions),
      row('Themes', st.themes),
      row('Mentions', st.mentions),
      row('Nodes', st.nodes),
      row('Edges', st.edges),
      row('Source files', st.files),
    );
  });
  void fill(summits.body, 'the summits', signal, async () =>
    h(
      'ol',
      { class: 'plain-list' },
      (await data).summits.map((s) =>
        h(
          'li',
          null,
          link(s),
          h('span', { class: 'muted' }, ` · ${s.name}${s.special ? ' (special)' : ''}`),
          s.status ? h('span', { class: 'flag' }, s.status) : null,
        ),
      ),
    ),
  );

  // Entities by kind, one page at a time.
  const kinds: Kind[] = ['CONVENTION', 'INSTITUTION', 'THEME'];
  const select = h(
    'select',
    { id: 'browse-kind' },
    kinds.map((k) => h('option', { value: k }, `${KIND_LABEL[k]}s`)),
  );
  const out = h('div');
  let inner: AbortController | null = null;
  const show = () => {
    inner?.abort();
    inner = new AbortController();
    const sig = AbortSignal.any([signal, inner.signal]);
    const kind = select.value as Kind;
    replace(
      out,
      paginated<NodeRef & { name: string; acronym: string | null }>({
        signal: sig,
        what: `the ${KIND_LABEL[kind]}s`,
        noun: [KIND_LABEL[kind], `${KIND_LABEL[kind]}s`],
        pageSize: 50,
        listTag: 'ul',
        listClass: 'entity-list',
        fetch: async (first, after) =>
          (await gql<{ entities: Connection<NodeRef & { name: string; acronym: string | null }> }>(ENTITIES, { kind, first, after }, sig))
            .entities,
        render: (nodes, list) =>
          list.append(
            ...nodes.map((n) =>
              h('li', null, badge(n.kind), ' ', link(n, n.name), n.acronym && n.acronym !== n.name ? h('span', { class: 'muted' }, ` (${n.acronym})`) : null),
            ),
          ),
      }),
    );
  };
  select.addEventListener('change', show);
  browse.body.append(h('p', null, h('label', { for: 'browse-kind' }, 'Show '), select), legend(kinds), out);
  show();
}

const SUMMIT = /* GraphQL */ `
  query Summit($id: ID!) {
    node(id: $id) {
      id
      kind
      label
      ... on Summit { name nameEs ordinal special city country year startDate status note documents { id kind label title } }
    }
  }`;

const SUMMIT_MANDATES = /* GraphQL */ `
  query SummitMandates($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Summit { mandates(first: $first, after: $after) { ...Page } }
      ... on Document { mandates(first: $first, after: $after) { ...Page } }
    }
  }
  fragment Page on MandateConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind label number parent { id } } }
  }`;

interface MandateRow extends NodeRef {
  number: string | null;
  parent: { id: string } | null;
}

function mandates(ctx: Ctx, id: string): HTMLElement {
  return paginated<MandateRow>({
    signal: ctx.signal,
    what: 'the mandates',
    noun: ['mandate', 'mandates'],
    pageSize: 50,
    listTag: 'ul',
    listClass: 'mandate-list',
    fetch: async (first, after) => {
      const d = await gql<{ node: { mandates: Connection<MandateRow> } | null }>(SUMMIT_MANDATES, { id, first, after }, ctx.signal);
      if (!d.node) throw new ApiError('NOT_FOUND', `no node with id "${id}"`);
      return d.node.mandates;
    },
    render: (nodes, list) => list.append(...nodes.map((m) => h('li', { class: m.parent ? 'item' : '' }, link(m)))),
  });
}

export async function summitPage(ctx: Ctx): Promise<void> {
  const { main, signal, id } = ctx;
  const d = await gql<{
    node:
      | (NodeRef & {
          name?: string;
          nameEs?: string | null;
          ordinal?: number | null;
          special?: boolean;
          city?: string;
          country?: string;
          year?: number;
          startDate?: string | null;
          status?: string | null;
          note?: string | null;
          documents?: (NodeRef & { title: string })[];
        })
      | null;
  }>(SUMMIT, { id }, signal);
  const s = d.node;
  if (!s) throw new ApiError('NOT_FOUND', `no node with id "${id}"`);
  if (s.kind !== 'SUMMIT') {
    location.replace(href(s.kind, s.id));
    return;
  }
  document.title = `${s.label} — summitgraph`;
  const docs = section('Documents', 'documents');
  docs.body.append(
    s.documents && s.documents.length
      ? h('ul', { class: 'plain-list' }, s.documents.map((doc) => h('li', null, link(doc, doc.title))))
      : h('p', null, 'No document of this summit has been ingested.'),
  );
  const ms = section('Mandates', 'mandates');
  ms.body.append(mandates(ctx, s.id));
  replace(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('p', { class: 'eyebrow' }, badge('SUMMIT'), s.status ? h('span', { class: 'flag' }, s.status) : null),
      h('h1', { tabindex: '-1' }, s.name ?? s.label),
      s.nameEs ? h('p', { class: 'subtitle', lang: 'es' }, s.nameEs) : null,
      facts([
        ['Where', s.city && s.country ? `${s.city}, ${s.country}` : null],
        ['When', s.startDate ?? (s.year ? String(s.year) : null)],
        ['Kind', s.special ? 'special summit' : s.ordinal ? `ordinary summit no. ${s.ordinal}` : null],
        ['Note', s.note ?? null],
        ['Id', h('code', null, s.id)],
      ]),
    ),
    h('div', { class: 'two-col' }, ms.el, docs.el),
    graphView({ id: s.id, kind: s.kind, label: s.label }, signal),
  );
}

const DOCUMENT = /* GraphQL */ `
  query Document($id: ID!) {
    node(id: $id) {
      id
      kind
      label
      ... on Document { title year summit { id kind label name } }
    }
  }`;

export async function documentPage(ctx: Ctx): Promise<void> {
  const { main, signal, id } = ctx;
  const d = await gql<{ node: (NodeRef & { title?: string; year?: number | null; summit?: NodeRef & { name: string } }) | null }>(
    DOCUMENT,
    { id },
    signal,
  );
  const doc = d.node;
  if (!doc) throw new ApiError('NOT_FOUND', `no node with id "${id}"`);
  if (doc.kind !== 'DOCUMENT') {
    location.replace(href(doc.kind, doc.id));
    return;
  }
  document.title = `${doc.title ?? doc.label} — summitgraph`;
  const ms = section('Mandates', 'mandates');
  ms.body.append(mandates(ctx, doc.id));
  replace(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('p', { class: 'eyebrow' }, badge('DOCUMENT')),
      h('h1', { tabindex: '-1' }, doc.title ?? doc.label),
      facts([
        ['Summit', doc.summit ? [link(doc.summit), ` (${doc.summit.name})`] : null],
        ['Year', doc.year ? String(doc.year) : null],
        ['Id', h('code', null, doc.id)],
      ]),
    ),
    ms.el,
    graphView({ id: doc.id, kind: doc.kind, label: doc.title ?? doc.label }, signal),
  );
}

const NODE = /* GraphQL */ `query Node($id: ID!) { node(id: $id) { id kind } }`;

/** #/node/<id>: finds the kind, then goes to the page for it. */
export async function nodePage(ctx: Ctx): Promise<void> {
  const d = await gql<{ node: { id: string; kind: string } | null }>(NODE, { id: ctx.id }, ctx.signal);
  if (!d.node) throw new ApiError('NOT_FOUND', `no node with id "${ctx.id}"`);
  location.replace(href(d.node.kind, d.node.id));
}

export function notFoundPage(ctx: Ctx, path: string): void {
  document.title = 'Not found — summitgraph';
  replace(
    ctx.main,
    h('h1', { tabindex: '-1' }, 'No such page'),
    h('div', { class: 'error', role: 'alert', 'data-code': 'NO_ROUTE' }, h('p', null, `The explorer has no page at “${path}”.`)),
    h('p', null, h('a', { href: '#/' }, 'Go to the start page')),
  );
}

