import { errorBox, gql, isAbort } from '../api';
import { graphql } from '../gql';
import { loading, mandateTitle, mandateWhere, type Ctx } from '../common';
import { h, plural, replace } from '../dom';
import type { SearchQuery } from '../gql/graphql';
import { KIND_LABEL, badge, href, isKind, type Kind } from '../kinds';

const SEARCH = graphql(`
  query Search($text: String!, $filter: SearchFilter, $first: Int!, $after: String) {
    searchPage(text: $text, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      kinds { kind count }
      summits { summit { id label } count }
      languages { language count }
      edges {
        cursor
        node {
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
      }
    }
  }`);

const PAGE = 20;

const LANGUAGE: Record<string, string> = { en: 'English', es: 'Spanish', fr: 'French', pt: 'Portuguese' };

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

type Conn = SearchQuery['searchPage'];
type Hit = Conn['edges'][number]['node'];

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
  history.replaceState(history.state, '', `#${qi < 0 ? raw : raw.slice(0, qi)}?${params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/')}`);
}

/**
 * #/search?q=WORDS&kind=CONVENTION,THEME&summit=ID&lang=es: ranked results
 * (Query.searchPage: the best 1,000 matches), filtered by kind, summit and
 * language on the server, 20 at a time ("More results" asks for the next
 * page after the last cursor). The filter offers what the matches hold,
 * with their counts.
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
    replace(body, h('p', null, 'Type words in the search box above: names, acronyms or words of mandates, in English, Spanish, French or Portuguese.'));
    return;
  }
  const kinds = new Set((ctx.params.get('kind') ?? '').split(',').filter(isKind));
  let summit = ctx.params.get('summit') ?? '';
  let lang = ctx.params.get('lang') ?? '';
  let after: string | null = null;
  let shown = 0;
  let gen = 0;
  const count = h('p', { role: 'status', class: 'count' });
  const list = h('ol', { class: 'results' });
  const boxes = h('ul', { class: 'filter-list' });
  const summitSel = h('select', { id: 'sf-summit', 'data-filter': 'summit' });
  const langSel = h('select', { id: 'sf-lang', 'data-filter': 'language' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More results');
  const errs = h('div');
  const filter = h(
    'fieldset',
    { class: 'search-filter' },
    h('legend', null, 'Show only'),
    boxes,
    h('p', { class: 'filter-selects' }, h('label', { for: 'sf-summit' }, 'Summit '), summitSel, ' ', h('label', { for: 'sf-lang' }, 'Language '), langSel),
  );
  const filterArg = () => ({
    kinds: kinds.size ? [...kinds] : null,
    summit: summit || null,
    language: lang || null,
  });

  const facets = (conn: Conn) => {
    const byKind = new Map(conn.kinds.map((k) => [k.kind as string, k.count]));
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
          void run(true).then(() => document.getElementById(id)?.focus());
        });
        return h('li', null, box, h('label', { for: id }, badge(k), ` ${byKind.get(k) ?? 0}`));
      }),
    );
    replace(
      summitSel,
      h('option', { value: '' }, 'any'),
      conn.summits.map((s) => h('option', { value: s.summit?.id ?? '', disabled: !s.summit }, `${s.summit?.label ?? 'no summit'} (${s.count})`)),
    );
    if (summit && !conn.summits.some((s) => s.summit?.id === summit)) summitSel.append(h('option', { value: summit }, summit));
    summitSel.value = summit;
    replace(
      langSel,
      h('option', { value: '' }, 'any'),
      conn.languages.map((l) => h('option', { value: l.language }, `${LANGUAGE[l.language] ?? l.language} (${l.count})`)),
    );
    if (lang && !conn.languages.some((l) => l.language === lang)) langSel.append(h('option', { value: lang }, LANGUAGE[lang] ?? lang));
    langSel.value = lang;
  };
  summitSel.addEventListener('change', () => {
    summit = summitSel.value;
    setParam('summit', summit || null);
    void run(true).then(() => summitSel.focus());
  });
  langSel.addEventListener('change', () => {
    lang = langSel.value;
    setParam('lang', lang || null);
    void run(true).then(() => langSel.focus());
  });

  const describe = (total: number) => {
    const parts: string[] = [];
    if (kinds.size) parts.push([...kinds].map((k) => `${KIND_LABEL[k]}s`).join(', '));
    if (summit) parts.push(`of ${summitSel.selectedOptions[0]?.textContent?.replace(/ \(\d+\)$/, '') ?? summit}`);
    if (lang) parts.push(`in ${LANGUAGE[lang] ?? lang}`);
    const of = parts.length ? ` (${parts.join(', ')})` : '';
    if (total === 0) return `No results for “${q}”${of}.`;
    return shown >= total ? `${plural(total, 'result')}${of}.` : `${shown.toLocaleString('en')} of ${plural(total, 'result')}${of} shown.`;
  };

  /** run fetches the next page, or the first one again when fresh. */
  const run = async (fresh: boolean) => {
    const my = ++gen;
    if (fresh) {
      after = null;
      shown = 0;
    }
    more.disabled = true;
    body.setAttribute('aria-busy', 'true');
    try {
      const conn = (await gql(SEARCH, { text: q, filter: filterArg(), first: PAGE, after }, ctx.signal)).searchPage;
      if (my !== gen || ctx.signal.aborted) return;
      errs.replaceChildren();
      const items = conn.edges.map((e) => hitItem(e.node, q));
      if (fresh) replace(list, items);
      else list.append(...items);
      shown += items.length;
      after = conn.pageInfo.endCursor ?? after;
      facets(conn);
      count.textContent = describe(conn.totalCount);
      filter.hidden = conn.kinds.length === 0;
      more.hidden = !conn.pageInfo.hasNextPage;
      more.textContent = `More results (${Math.min(PAGE, conn.totalCount - shown)} of ${(conn.totalCount - shown).toLocaleString('en')} left)`;
      if (!body.contains(list)) replace(body, filter, count, list, errs, more);
    } catch (err) {
      if (isAbort(err) || ctx.signal.aborted) return;
      if (!body.contains(list)) replace(body, errorBox(err, 'the search results'));
      else errs.replaceChildren(errorBox(err, 'more results'));
    } finally {
      more.disabled = false;
      body.removeAttribute('aria-busy');
    }
  };
  more.addEventListener('click', () => {
    const before = list.children.length;
    void run(false).then(() => list.querySelectorAll<HTMLAnchorElement>('a.hit')[before]?.focus());
  });
  replace(body, loading());
  void run(true);
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
