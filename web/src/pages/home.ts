// The start page: statistics, summits, entities by kind.

import { gql } from '../api';
import { fill, link, paginated, section, type Ctx } from '../common';
import { h, replace } from '../dom';
import { graphql } from '../gql';
import { KIND_LABEL, badge, legend, type Kind } from '../kinds';

const STATS = graphql(`
  query Home {
    stats { summits documents mandates conventions institutions themes mentions nodes edges files }
    summits { id kind label name year special status }
  }`);

const ENTITIES = graphql(`
  query Entities($kind: NodeKind!, $first: Int!, $after: String) {
    entities(filter: {kind: $kind}, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind label name acronym } }
    }
  }`);

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

  const data = gql(STATS, {}, signal);
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
      paginated({
        signal: sig,
        what: `the ${KIND_LABEL[kind]}s`,
        noun: [KIND_LABEL[kind], `${KIND_LABEL[kind]}s`],
        pageSize: 50,
        listTag: 'ul',
        listClass: 'entity-list',
        fetch: async (first, after) => (await gql(ENTITIES, { kind, first, after }, sig)).entities,
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
