// The pages of a summit and of a summit document: facts, mandates (paginated), the graph.

import { ApiError, gql } from '../api';
import { facts, link, mandateLink, paginated, section, type Ctx, type Where } from '../common';
import { h, replace } from '../dom';
import { graphql } from '../gql';
import { graphState, graphView } from '../graph';
import { badge, href } from '../kinds';
import { overlapSection } from './overlap';

const SUMMIT = graphql(`
  query Summit($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Summit { name nameEs ordinal special city country year startDate status note documents { id kind label title } }
    }
  }`);

const SUMMIT_MANDATES = graphql(`
  query SummitMandates($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Summit { mandates(first: $first, after: $after) { ...Page } }
      ... on Document { mandates(first: $first, after: $after) { ...Page } }
    }
  }
  fragment Page on MandateConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind label number parent { id } document { title } } }
  }`);

function mandates(ctx: Ctx, id: string, where: Where): HTMLElement {
  return paginated({
    signal: ctx.signal,
    what: 'the mandates',
    noun: ['mandate', 'mandates'],
    pageSize: 50,
    listTag: 'ul',
    listClass: 'mandate-list',
    fetch: async (first, after) => {
      const d = await gql(SUMMIT_MANDATES, { id, first, after }, ctx.signal);
      if (!d.node || !('mandates' in d.node)) throw new ApiError('NOT_FOUND', `no summit or document with id "${id}"`);
      return d.node.mandates;
    },
    render: (nodes, list) => list.append(...nodes.map((m) => h('li', { class: m.parent ? 'item' : '' }, mandateLink(m, where)))),
  });
}

export async function summitPage(ctx: Ctx): Promise<void> {
  const { main, signal, id } = ctx;
  const s = (await gql(SUMMIT, { id }, signal)).node;
  if (!s) throw new ApiError('NOT_FOUND', `no node with id "${id}"`);
  if (s.__typename !== 'Summit') {
    location.replace(href(s.kind, s.id));
    return;
  }
  document.title = `${s.label} — summitgraph`;
  const docs = section('Documents', 'documents');
  docs.body.append(
    s.documents.length
      ? h('ul', { class: 'plain-list' }, s.documents.map((doc) => h('li', null, link(doc, doc.title))))
      : h('p', null, 'No document of this summit has been ingested.'),
  );
  const ms = section('Mandates', 'mandates');
  ms.body.append(mandates(ctx, s.id, 'document'));
  replace(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('p', { class: 'eyebrow' }, badge('SUMMIT'), s.status ? h('span', { class: 'flag' }, s.status) : null),
      h('h1', { tabindex: '-1' }, s.name),
      s.nameEs ? h('p', { class: 'subtitle', lang: 'es' }, s.nameEs) : null,
      facts([
        ['Where', s.city && s.country ? `${s.city}, ${s.country}` : null],
        ['When', s.startDate ?? String(s.year)],
        ['Kind', s.special ? 'special summit' : s.ordinal ? `ordinary summit no. ${s.ordinal}` : null],
        ['Note', s.note],
        ['Id', h('code', null, s.id)],
      ]),
    ),
    h('div', { class: 'two-col' }, ms.el, docs.el),
    overlapSection(ctx, s.id, s.label),
    graphView({ id: s.id, kind: s.kind, label: s.label }, signal, { state: graphState(ctx.params) }),
  );
}

const DOCUMENT = graphql(`
  query Document($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Document { title year summit { id kind label name } }
    }
  }`);

export async function documentPage(ctx: Ctx): Promise<void> {
  const { main, signal, id } = ctx;
  const doc = (await gql(DOCUMENT, { id }, signal)).node;
  if (!doc) throw new ApiError('NOT_FOUND', `no node with id "${id}"`);
  if (doc.__typename !== 'Document') {
    location.replace(href(doc.kind, doc.id));
    return;
  }
  document.title = `${doc.title} — summitgraph`;
  const ms = section('Mandates', 'mandates');
  ms.body.append(mandates(ctx, doc.id, 'none'));
  replace(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('p', { class: 'eyebrow' }, badge('DOCUMENT')),
      h('h1', { tabindex: '-1' }, doc.title),
      facts([
        ['Summit', [link(doc.summit), ` (${doc.summit.name})`]],
        ['Year', doc.year ? String(doc.year) : null],
        ['Id', h('code', null, doc.id)],
      ]),
    ),
    ms.el,
    graphView({ id: doc.id, kind: doc.kind, label: doc.title }, signal, { state: graphState(ctx.params) }),
  );
}
