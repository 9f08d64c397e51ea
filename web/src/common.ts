// Pieces shared by the pages: sections that load on their own (an error in
// one never blanks the page), paginated lists, small formatting helpers.

import { errorBox, isAbort } from './api';
import { h, plural, replace, type Child } from './dom';
import { href } from './kinds';

/** Context of one page render; signal aborts when the reader navigates away. */
export interface Ctx {
  main: HTMLElement;
  signal: AbortSignal;
  params: URLSearchParams;
  id: string;
}

let headingSerial = 0;

/** section makes a titled section; fill its body later. */
export function section(title: string, className = ''): { el: HTMLElement; body: HTMLElement; heading: HTMLElement } {
  const hid = `sec-${++headingSerial}`;
  const heading = h('h2', { id: hid }, title);
  const body = h('div', { class: 'section-body' });
  const el = h('section', { class: ['panel', className], 'aria-labelledby': hid }, heading, body);
  return { el, body, heading };
}

export function loading(what = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, what);
}

/**
 * fill shows "Loading…" in body, runs fn and puts its result there; an
 * error becomes a message in body alone.
 */
export async function fill(body: HTMLElement, what: string, signal: AbortSignal, fn: () => Promise<Child>): Promise<void> {
  replace(body, loading());
  body.setAttribute('aria-busy', 'true');
  try {
    const out = await fn();
    if (signal.aborted) return;
    replace(body, out);
  } catch (err) {
    if (isAbort(err) || signal.aborted) return;
    replace(body, errorBox(err, what));
  } finally {
    body.removeAttribute('aria-busy');
  }
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/**
 * paginated renders a connection page by page: a count, a list, and a
 * "Show more" button that fetches the next page with `after`.
 */
export function paginated<T>(opts: {
  signal: AbortSignal;
  what: string;
  noun: [string, string];
  pageSize: number;
  fetch: (first: number, after: string | null) => Promise<Connection<T>>;
  /** Renders the page's nodes into list (it may group them with what is already there). */
  render: (nodes: T[], list: HTMLElement) => void;
  listTag?: 'ol' | 'ul';
  listClass?: string;
}): HTMLElement {
  const count = h('p', { class: 'count', role: 'status' });
  const list = h(opts.listTag ?? 'ol', { class: opts.listClass ?? 'plain-list' });
  const more = h('button', { type: 'button', class: 'more', hidden: true });
  const errs = h('div');
  const wrap = h('div', { class: 'paginated' }, count, list, errs, more);
  let after: string | null = null;
  let shown = 0;
  let total = 0;
  const next = async () => {
    more.disabled = true;
    more.textContent = 'Loading…';
    if (shown === 0) count.textContent = 'Loading…';
    wrap.setAttribute('aria-busy', 'true');
    try {
      const conn = await opts.fetch(opts.pageSize, after);
      if (opts.signal.aborted) return;
      errs.replaceChildren();
      total = conn.totalCount;
      const nodes = conn.edges.map((e) => e.node);
      opts.render(nodes, list);
      shown += nodes.length;
      after = conn.pageInfo.endCursor ?? (conn.edges.length ? conn.edges[conn.edges.length - 1].cursor : after);
      const [one, many] = opts.noun;
      count.textContent =
        total === 0
          ? `No ${many}.`
          : shown >= total
            ? `${plural(total, one, many)}.`
            : `${shown.toLocaleString('en')} of ${plural(total, one, many)} shown.`;
      const left = total - shown;
      more.hidden = !(conn.pageInfo.hasNextPage && left > 0 && after);
      more.disabled = false;
      more.textContent = `Show ${Math.min(left, opts.pageSize)} more ${left === 1 ? one : many}`;
    } catch (err) {
      if (isAbort(err) || opts.signal.aborted) return;
      errs.replaceChildren(errorBox(err, opts.what));
      if (shown === 0) count.textContent = '';
      more.disabled = false;
      more.textContent = 'Try again';
      more.hidden = false;
    } finally {
      wrap.removeAttribute('aria-busy');
    }
  };
  more.addEventListener('click', () => void next());
  void next();
  return wrap;
}

/** On narrows a generated result type (a union over __typename) to one type. */
export type On<T, K extends string> = Extract<NonNullable<T>, { __typename: K }>;

export interface NodeRef {
  id: string;
  kind: string;
  label: string;
}

export function link(n: NodeRef, text?: string): HTMLAnchorElement {
  return h('a', { href: href(n.kind, n.id) }, text ?? n.label);
}

/** A definition list from [term, value] pairs; null values are skipped. */
export function facts(rows: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false).map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
  );
}

export function confidence(c: number): string {
  return c.toFixed(2);
}

/** mandateName: "Mandate 5.6" or "Unnumbered mandate". */
export function mandateName(m: { number?: string | null }): string {
  return m.number ? `Mandate ${m.number}` : 'Unnumbered mandate';
}

