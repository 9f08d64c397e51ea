import { errorBox, gql, isAbort } from '../api';
import { graphql } from '../gql';
import { fill, mandateTitle, mandateWhere, type Ctx } from '../common';
import { h, plural, replace } from '../dom';
import type { SearchQuery } from '../gql/graphql';
import { KIND_LABEL, badge, href, isKind, type Kind } from '../kinds';

const SEARCH = graphql(`
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      score
      snippet
      node {
        id
        kind
        label
        __typename
        ... on Entity { name acronym }
        ... on Mandate { number parent { id } summit { label } document { title } }
      }
    }
  }`);

const PAGE = 20;
const MAX = 500; // the API's cap on `first`

/** fold lowercases and strips accents, for matching query words in snippets. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * marks the words of snippet that start like a query word (the server
 * stems; this is only a reading aid).
 */
function markTerms(snippet: string, q: string): (Node | string)[] {
  const stems = fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2)
    .map((t) => (t.length > 5 ? t.slice(0, t.length - 2) : t));
  if (stems.length === 0) return [snippet];
  const out: (Node | string)[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    const w = fold(m[0]);
    if (stems.some((st) => w.startsWith(st))) {
      if (m.index! > last) out.push(snippet.slice(last, m.index));
      out.push(h('mark', { class: 'term' }, m[0]));
      last = m.index! + m[0].length;
    }
  }
  if (last < snippet.length) out.push(snippet.slice(last));
  return out;
}

type Hit = SearchQuery['search'][number];

/** The kinds the filter offers, in this order. */
const FILTER_KINDS: Kind[] = ['CONVENTION', 'INSTITUTION', 'THEME', 'MANDATE', 'SUMMIT', 'DOCUMENT'];

/** hitTitle is what a result is called: a mandate by summit, document and first words. */
function hitTitle(n: Hit['node']): string {
  return n.__typename === 'Mandate' ? mandateTitle(n, 'none') : n.label;
}

function hitItem(hit: Hit, q: string): HTMLElement {
  const n = hit.node;
  const sub: string[] = [];
  if (n.__typename === 'Mandate') sub.push(mandateWhere(n));
  if (n.__typename === 'Entity') {
    if (n.acronym && !n.label.includes(n.acronym)) sub.push(n.acronym);
    if (n.name !== n.label) sub.push(n.name);
  }
  return h(
    'li',
    { class: 'result', 'data-kind': n.kind },
    h('div', { class: 'result-head' }, badge(n.kind), ' ', h('a', { class: 'hit', href: href(n.kind, n.id), 'data-id': n.id }, hitTitle(n))),
    sub.length ? h('p', { class: 'muted result-sub' }, sub.join(' · ')) : null,
    hit.snippet && hit.snippet !== n.label ? h('p', { class: 'snippet' }, markTerms(hit.snippet, q)) : null,
  );
}

/** setParam changes one parameter of the address without a navigation. */
function setParam(name: string, value: string | null): void {
  const raw = location.hash.replace(/^#/, '');
  const qi = raw.indexOf('?');
  const params = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
  if (value) params.set(name, value);
  else params.delete(name);
  history.replaceState(history.state, '', `#${qi < 0 ? raw : raw.slice(0, qi)}?${params.toString().replace(/%2C/g, ',')}`);
}

/**
 * #/search?q=WORDS&kind=CONVENTION,THEME: ranked results, filtered by kind
 * in the browser (the API has no kind argument on search yet), 20 more at
 * a time up to the API's cap on `first`. When search takes `after`, "Show
 * more" should page with it instead of asking again for a longer list.
 */
export function searchPage(ctx: Ctx): void {
  const q = (ctx.params.get('q') ?? '').trim();
  document.title = q ? `“${q}”: search — summitgraph` : 'Search — summitgraph';
  const input = document.getElementById('q') as HTMLInputElement | null;
  if (input && input.value !== q) input.value = q;

  const title = h('h1', { tabindex: '-1' }, q ? ['Search: ', h('q', null, q)] : 'Search');
  const body = h('div', { class: 'search-results' });
  replace(ctx.main, title, body);
  if (!q) {
    replace(body, h('p', null, 'Type words in the search box above: names, acronyms or words of mandates, in English or Spanish.'));
    return;
  }
  const kinds = new Set((ctx.params.get('kind') ?? '').split(',').filter(isKind));
  let first = PAGE;
  let hits: Hit[] = [];
  const count = h('p', { role: 'status', class: 'count' });
  const list = h('ol', { class: 'results' });
  const boxes = h('ul', { class: 'filter-list' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more results');
  const filter = h('fieldset', { class: 'search-filter' }, h('legend', null, 'Show only'), boxes);

  const show = () => {
    const shown = kinds.size ? hits.filter((x) => kinds.has(x.node.kind as Kind)) : hits;
    replace(list, shown.map((x) => hitItem(x, q)));
    const best = hits.length >= first ? `the best ${plural(hits.length, 'result')}` : plural(hits.length, 'result');
    count.textContent =
      hits.length === 0
        ? `No results for “${q}”.`
        : kinds.size
          ? `${plural(shown.length, 'result')} of ${[...kinds].map((k) => `${KIND_LABEL[k]}s`).join(', ')}, among ${best}.`
          : `${best[0].toUpperCase()}${best.slice(1)}.`;
    const byKind = new Map<string, number>();
    for (const x of hits) byKind.set(x.node.kind, (byKind.get(x.node.kind) ?? 0) + 1);
    replace(
      boxes,
      FILTER_KINDS.filter((k) => byKind.has(k) || kinds.has(k)).map((k) => {
        const id = `sf-${k}`;
        const box = h('input', { type: 'checkbox', id, value: k, 'data-kind': k });
        box.checked = kinds.has(k);
        box.addEventListener('change', () => {
          if (box.checked) kinds.add(k);
          else kinds.delete(k);
          setParam('kind', [...kinds].join(','));
          show();
          document.getElementById(id)?.focus();
        });
        return h('li', null, box, h('label', { for: id }, badge(k), ` ${byKind.get(k) ?? 0}`));
      }),
    );
    filter.hidden = hits.length === 0;
    more.hidden = !(hits.length >= first && first < MAX);
  };
  more.addEventListener('click', () => {
    first = Math.min(MAX, first + PAGE);
    const before = list.children.length;
    void run().then(() => list.querySelectorAll<HTMLAnchorElement>('a.hit')[before]?.focus());
  });
  const run = () =>
    fill(body, 'the search results', ctx.signal, async () => {
      hits = (await gql(SEARCH, { text: q, first }, ctx.signal)).search;
      show();
      return [filter, count, list, more];
    }).catch((err) => {
      if (!isAbort(err)) replace(body, errorBox(err));
    });
  void run();
}

/** Arrow keys move between the search box and the results. Install once. */
export function installSearchKeys(): void {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const t = e.target as HTMLElement | null;
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.results a.hit')];
    if (links.length === 0) return;
    if (t?.id === 'q' && e.key === 'ArrowDown') {
      e.preventDefault();
      links[0].focus();
      return;
    }
    const i = links.indexOf(t as HTMLAnchorElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)].focus();
    else if (i === 0) document.getElementById('q')?.focus();
    else links[i - 1].focus();
  });
}
