// #/node/<id> (any node, sent on to the page for its kind), #/graph/<id>
// (the graph view alone, as a link can restore it) and the page for an
// unknown route.

import { ApiError, gql } from '../api';
import type { Ctx } from '../common';
import { h, replace } from '../dom';
import { graphql } from '../gql';
import { graphState, graphView } from '../graph';
import { KIND_LABEL, badge, href, isKind } from '../kinds';

const NODE = graphql(`query Node($id: ID!) { node(id: $id) { id kind label } }`);

/** #/node/<id>: finds the kind, then goes to the page for it. */
export async function nodePage(ctx: Ctx): Promise<void> {
  const d = await gql(NODE, { id: ctx.id }, ctx.signal);
  if (!d.node) throw new ApiError('NOT_FOUND', `no node with id "${ctx.id}"`);
  location.replace(href(d.node.kind, d.node.id));
}

/** #/graph/<id>?g.expand=…&g.hide=…: the graph of a node, and nothing else. */
export async function graphPage(ctx: Ctx): Promise<void> {
  const d = await gql(NODE, { id: ctx.id }, ctx.signal);
  if (!d.node) throw new ApiError('NOT_FOUND', `no node with id "${ctx.id}"`);
  const n = d.node;
  document.title = `Graph of ${n.label} — summitgraph`;
  replace(
    ctx.main,
    h(
      'header',
      { class: 'page-head' },
      h('p', { class: 'eyebrow' }, badge(n.kind)),
      h('h1', { tabindex: '-1' }, `Graph of ${n.label}`),
      h('p', null, h('a', { href: href(n.kind, n.id) }, `Open the page of this ${isKind(n.kind) ? KIND_LABEL[n.kind] : 'node'}`)),
    ),
    graphView({ id: n.id, kind: n.kind, label: n.label }, ctx.signal, { state: graphState(ctx.params) }),
  );
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
