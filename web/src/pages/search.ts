import { errorBox, gql, isAbort } from '../api';
import { graphql } from '../gql';
import { fill, type Ctx } from '../common';
import { h, plural, replace } from '../dom';
import { badge, href } from '../kinds';

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
        ... on Mandate { number summit { label } }
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
  let first = PAGE;
  const run = () =>
    fill(body, 'the search results', ctx.signal, async () => {
      const data = await gql(SEARCH, { text: q, first }, ctx.signal);
      const hits = data.search;
      if (hits.length === 0) return h('p', { role: 'status', class: 'count' }, `No results for “${q}”.`);
      const more =
        hits.length >= first && first < MAX
          ? h(
              'button',
              {
                type: 'button',
                class: 'more',
                onclick: () => {
                  first = Math.min(MAX, first + PAGE);
                  void run().then(() => {
                    (body.querySelectorAll<HTMLAnchorElement>('.results a.hit')[first - PAGE] ?? null)?.focus();
                  });
                },
              },
              'Show more results',
            )
          : null;
      return [
        h('p', { role: 'status', class: 'count' }, hits.length >= first ? `The best ${plural(hits.length, 'result')}.` : plural(hits.length, 'result') + '.'),
        h(
          'ol',
          { class: 'results' },
          hits.map((hit) => {
            const n = hit.node;
            const sub: string[] = [];
            if (n.__typename === 'Mandate') sub.push(n.summit?.label ?? 'no summit');
            if (n.__typename === 'Entity') {
              if (n.acronym && !n.label.includes(n.acronym)) sub.push(n.acronym);
              if (n.name !== n.label) sub.push(n.name);
            }
            return h(
              'li',
              { class: 'result' },
              h('div', { class: 'result-head' }, badge(n.kind), ' ', h('a', { class: 'hit', href: href(n.kind, n.id), 'data-id': n.id }, n.label)),
              sub.length ? h('p', { class: 'muted result-sub' }, sub.join(' · ')) : null,
              hit.snippet && hit.snippet !== n.label ? h('p', { class: 'snippet' }, markTerms(hit.snippet, q)) : null,
            );
          }),
        ),
        more,
      ];
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
