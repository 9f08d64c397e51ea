// Browse: the conventions, institutions or themes with how often they are
// mentioned, sortable, only the mentioned ones unless asked. At #/browse
// (?kind=THEME&sort=name&all=1, so a view can be linked) and on the start
// page.
//
// The counts are Entity.mentions.totalCount, asked for every entity of the
// kind in one request (pages of 500): one HTTP request, but the server
// counts each entity's mentions on its own (a scan per entity). A field
// such as Entity.mentionCount read from the store's counters, or
// entities(orderBy: MENTIONS, mentioned: true), would make this one read.

import { gql } from '../api';
import { fill, link, section, type Ctx } from '../common';
import { h, plural, replace } from '../dom';
import { graphql } from '../gql';
import type { BrowseEntitiesQuery } from '../gql/graphql';
import { KIND_LABEL, badge, isKind, type Kind } from '../kinds';
import { unattributed } from './review';

const BROWSE = graphql(`
  query BrowseEntities($kind: NodeKind!, $first: Int!, $after: String) {
    entities(filter: {kind: $kind}, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind label name acronym mentions(first: 0) { totalCount } } }
    }
  }`);

type Row = BrowseEntitiesQuery['entities']['edges'][number]['node'];

export const BROWSE_KINDS: Kind[] = ['CONVENTION', 'INSTITUTION', 'THEME'];
const PAGE = 500; // the API's cap on `first`

/** entitiesOf fetches every entity of a kind with its mention count. */
export async function entitiesOf(kind: Kind, signal: AbortSignal): Promise<Row[]> {
  const out: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const conn: BrowseEntitiesQuery['entities'] = (await gql(BROWSE, { kind, first: PAGE, after }, signal)).entities;
    out.push(...conn.edges.map((e) => e.node));
    const last: string | null = conn.pageInfo.endCursor ?? conn.edges.at(-1)?.cursor ?? null;
    if (!conn.pageInfo.hasNextPage || !last || conn.edges.length === 0) return out;
    after = last;
  }
}

export type SortKey = 'mentions' | 'name';

export interface BrowseView {
  kind: Kind;
  sort: SortKey;
  /** Ascending (names A→Z; counts smallest first). */
  asc: boolean;
  /** Include entities never mentioned. */
  all: boolean;
}

export function browseView(params: URLSearchParams): BrowseView {
  const kind = params.get('kind') ?? '';
  const sort = params.get('sort') === 'name' ? 'name' : 'mentions';
  const dir = params.get('dir');
  return {
    kind: isKind(kind) && BROWSE_KINDS.includes(kind) ? kind : 'CONVENTION',
    sort,
    asc: dir ? dir === 'asc' : sort === 'name',
    all: params.get('all') === '1',
  };
}

export function browseHref(v: BrowseView): string {
  const p = new URLSearchParams({ kind: v.kind, sort: v.sort, dir: v.asc ? 'asc' : 'desc' });
  if (v.all) p.set('all', '1');
  return `#/browse?${p}`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * browser renders the controls and the sortable table. When linkable, each
 * change is written into the address (replaceState: no reload).
 */
export function browser(signal: AbortSignal, start: BrowseView, linkable: boolean): HTMLElement {
  const view = { ...start };
  const cache = new Map<Kind, Promise<Row[]>>();
  const rows = (k: Kind) => {
    let p = cache.get(k);
    if (!p) {
      p = entitiesOf(k, signal);
      cache.set(k, p);
      p.catch(() => cache.delete(k));
    }
    return p;
  };
  const kindSel = h('select', { id: 'browse-kind' }, BROWSE_KINDS.map((k) => h('option', { value: k }, `${KIND_LABEL[k]}s`)));
  kindSel.value = view.kind;
  const allBox = h('input', { type: 'checkbox', id: 'browse-all' });
  allBox.checked = view.all;
  const share = h('a', { class: 'share', href: browseHref(view) }, linkable ? 'Link to this list' : 'Open this list on its own page');
  const out = h('div', { class: 'browse-out' });

  const draw = () =>
    fill(out, `the ${KIND_LABEL[view.kind]}s`, signal, async () => {
      const all = await rows(view.kind);
      const mentioned = all.filter((r) => r.mentions.totalCount > 0);
      const shown = (view.all ? all : mentioned).slice();
      const dir = view.asc ? 1 : -1;
      shown.sort((a, b) =>
        view.sort === 'name'
          ? dir * collator.compare(a.name, b.name)
          : dir * (a.mentions.totalCount - b.mentions.totalCount) || collator.compare(a.name, b.name),
      );
      const noun = KIND_LABEL[view.kind];
      const header = (key: SortKey, text: string, cls = '') => {
        const active = view.sort === key;
        const b = h(
          'button',
          { type: 'button', class: 'sort', 'data-sort': key },
          text,
          h('span', { 'aria-hidden': 'true' }, active ? (view.asc ? ' ▲' : ' ▼') : ' ↕'),
        );
        b.addEventListener('click', () => {
          if (view.sort === key) view.asc = !view.asc;
          else {
            view.sort = key;
            view.asc = key === 'name';
          }
          changed();
          out.querySelector<HTMLButtonElement>(`button.sort[data-sort="${key}"]`)?.focus();
        });
        return h('th', { scope: 'col', class: cls, 'aria-sort': active ? (view.asc ? 'ascending' : 'descending') : 'none' }, b);
      };
      return [
        h(
          'p',
          { class: 'count', role: 'status' },
          `${plural(mentioned.length, noun)} of ${all.length.toLocaleString('en')} mentioned in a mandate`,
          view.all ? '; all are listed.' : '; those never mentioned are not listed.',
        ),
        shown.length
          ? h(
              'div',
              { class: 'table-wrap' },
              h(
                'table',
                { class: 'browse-table', 'data-kind': view.kind },
                h('caption', { class: 'visually-hidden' }, `${KIND_LABEL[view.kind]}s and their mentions; the column headings sort`),
                h('thead', null, h('tr', null, header('name', 'Name'), h('th', { scope: 'col' }, 'Acronym'), header('mentions', 'Mentions', 'num'))),
                h(
                  'tbody',
                  null,
                  shown.map((r) =>
                    h(
                      'tr',
                      { 'data-id': r.id },
                      h('td', null, badge(r.kind), ' ', link(r, r.name)),
                      h('td', null, r.acronym && r.acronym !== r.name ? r.acronym : ''),
                      h('td', { class: 'num', 'data-count': String(r.mentions.totalCount) }, r.mentions.totalCount.toLocaleString('en')),
                    ),
                  ),
                ),
              ),
            )
          : h('p', null, `No ${noun} is mentioned.`),
      ];
    });

  const changed = () => {
    share.href = browseHref(view);
    if (linkable) history.replaceState(history.state, '', browseHref(view));
    void draw();
  };
  kindSel.addEventListener('change', () => {
    view.kind = kindSel.value as Kind;
    changed();
  });
  allBox.addEventListener('change', () => {
    view.all = allBox.checked;
    changed();
  });
  void draw();
  return h(
    'div',
    { class: 'browser' },
    h(
      'div',
      { class: 'browse-controls' },
      h('label', { for: 'browse-kind' }, 'Show '),
      kindSel,
      ' ',
      h('span', { class: 'check' }, allBox, h('label', { for: 'browse-all' }, ' also those never mentioned')),
      ' ',
      share,
    ),
    out,
  );
}

/** #/browse */
export function browsePage(ctx: Ctx): void {
  document.title = 'Browse — summitgraph';
  const sec = section('Entities', 'browse');
  sec.body.append(browser(ctx.signal, browseView(ctx.params), true));
  const none = section('Mandates with no summit', 'unattributed-section');
  none.body.append(
    h('p', { class: 'help' }, 'Kept and flagged, never guessed: uncited, or their citation names no single known summit, so no summit’s page lists them.'),
    unattributed(ctx.signal),
  );
  replace(
    ctx.main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, 'Browse'),
      h('p', { class: 'lead' }, 'Conventions, institutions and themes by how often the mandates mention them. Sort by a column heading.'),
    ),
    sec.el,
    none.el,
  );
}
