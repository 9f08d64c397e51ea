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

/** What a mandate title is made of; every query that lists mandates asks for these. */
export interface MandateRef {
  id: string;
  kind: string;
  label: string;
  number: string | null;
  parent?: { id: string } | null;
  summit?: { label: string } | null;
  document?: { title: string } | null;
}

/**
 * realNumber is the number as printed when it tells the mandate apart: not
 * the "1" that the compilations print before every top-level mandate.
 * Items ("a", "5.6") and other numbers are kept.
 */
export function realNumber(m: { number: string | null; parent?: { id: string } | null }): string | null {
  const n = m.number?.trim() ?? '';
  if (!n) return null;
  if (n === '1' && !m.parent) return null;
  return n;
}

/**
 * firstWords is the beginning of the mandate: its label (the server's first
 * words) without the number it starts with.
 */
export function firstWords(m: { label: string; number: string | null }, max = 64): string {
  let t = m.label.trim();
  const n = m.number?.trim();
  if (n && t.startsWith(n)) t = t.slice(n.length).replace(/^[.)\s]+/u, '');
  const chars = Array.from(t);
  if (chars.length > max) t = chars.slice(0, max - 1).join('').replace(/[\s,;:]+\S*$/u, '') + '…';
  return t;
}

/** Which context a mandate title carries: summit and document, the document only (on a summit's page), or none. */
export type Where = 'all' | 'document' | 'none';

/** mandateWhere: "Santiago 1998 · Plan of Action", or "no summit". */
export function mandateWhere(m: MandateRef, where: Where = 'all'): string {
  const parts = where === 'all' ? [m.summit?.label ?? 'no summit', m.document?.title] : where === 'document' ? [m.document?.title] : [];
  return parts.filter(Boolean).join(' · ');
}

/**
 * mandateTitle tells mandates apart wherever they are listed: summit,
 * document, the number where it is real, and the first words.
 * "Santiago 1998 · Plan of Action · 5.6 “Strengthening the …”"
 */
export function mandateTitle(m: MandateRef, where: Where = 'all'): string {
  const n = realNumber(m);
  const words = `“${firstWords(m)}”`;
  const head = n ? `${n} ${words}` : words;
  const context = mandateWhere(m, where);
  return context ? `${context} · ${head}` : head;
}

/** mandateLink is a link to a mandate, titled so it can be told apart. */
export function mandateLink(m: MandateRef, where: Where = 'all'): HTMLAnchorElement {
  return h('a', { href: href(m.kind, m.id), class: 'mandate-link', 'data-id': m.id }, mandateTitle(m, where));
}
