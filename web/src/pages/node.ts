// #/node/<id> (any node, sent on to the page for its kind) and the page for an unknown route.

import { ApiError, gql } from '../api';
import type { Ctx } from '../common';
import { h, replace } from '../dom';
import { graphql } from '../gql';
import { href } from '../kinds';

const NODE = graphql(`query Node($id: ID!) { node(id: $id) { id kind } }`);

/** #/node/<id>: finds the kind, then goes to the page for it. */
export async function nodePage(ctx: Ctx): Promise<void> {
  const d = await gql(NODE, { id: ctx.id }, ctx.signal);
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
