// Highlighting of mentions and references in a mandate's text. The API gives
// offsets in Unicode code points; JavaScript strings count UTF-16 units, so
// offsets are converted first. Spans may nest ("Corruption" inside "UN
// Convention against Corruption") or cross; crossing spans are split so the
// marks nest properly.

import { h } from './dom';

export interface Span {
  /** Code-point offsets into the text; end exclusive. */
  start: number;
  end: number;
  /** CSS classes of the mark. */
  className: string;
  /** Hover and focus text. */
  tip: string;
  /** Set on the mark as data-* attributes (e.g. {mention: '3'}). */
  data?: Record<string, string>;
  /** Where a click on the mark goes. */
  href?: string;
}

interface Piece {
  start: number; // UTF-16 offsets
  end: number;
  span: Span | null;
  children: Piece[];
}

/** utf16Offsets maps code-point offsets of text to UTF-16 offsets. */
export function utf16Offsets(text: string): (cp: number) => number {
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return (cp: number) => map[Math.max(0, Math.min(cp, map.length - 1))];
}

/** highlight renders text with the spans as nested <mark> elements. */
export function highlight(text: string, spans: Span[]): DocumentFragment {
  const at = utf16Offsets(text);
  type Item = { start: number; end: number; span: Span };
  const items: Item[] = spans
    .map((sp) => ({ start: at(sp.start), end: at(sp.end), span: sp }))
    .filter((it) => it.end > it.start);
  const order = (a: Item, b: Item) => a.start - b.start || b.end - a.end;
  items.sort(order);

  const root: Piece = { start: 0, end: text.length, span: null, children: [] };
  const stack: Piece[] = [root];
  while (items.length > 0) {
    const it = items.shift()!;
    while (stack.length > 1 && stack[stack.length - 1].end <= it.start) stack.pop();
    const parent = stack[stack.length - 1];
    let end = it.end;
    if (end > parent.end) {
      // Crosses its parent's end: keep the part inside, queue the rest.
      const rest: Item = { start: parent.end, end: it.end, span: it.span };
      let k = 0;
      while (k < items.length && order(items[k], rest) <= 0) k++;
      items.splice(k, 0, rest);
      end = parent.end;
    }
    const piece: Piece = { start: it.start, end, span: it.span, children: [] };
    parent.children.push(piece);
    stack.push(piece);
  }

  const frag = document.createDocumentFragment();
  const render = (p: Piece, into: Node) => {
    let cursor = p.start;
    for (const c of p.children) {
      if (c.start > cursor) into.appendChild(document.createTextNode(text.slice(cursor, c.start)));
      const mark = h('mark', { class: c.span!.className, 'data-tip': c.span!.tip, tabindex: '0' });
      for (const [k, v] of Object.entries(c.span!.data ?? {})) mark.dataset[k] = v;
      if (c.span!.href) mark.dataset.href = c.span!.href;
      render(c, mark);
      into.appendChild(mark);
      cursor = c.end;
    }
    if (cursor < p.end) into.appendChild(document.createTextNode(text.slice(cursor, p.end)));
  };
  render(root, frag);
  return frag;
}

/**
 * installTooltips shows the data-tip of the innermost mark under the pointer
 * or with the keyboard focus, and follows a mark's data-href on click or
 * Enter. Call once.
 */
export function installTooltips(tip: HTMLElement): void {
  let current: HTMLElement | null = null;
  const show = (el: HTMLElement) => {
    if (current && current !== el) current.removeAttribute('aria-describedby');
    current = el;
    tip.textContent = el.dataset.tip ?? '';
    tip.hidden = false;
    el.setAttribute('aria-describedby', 'tip');
    place(el);
  };
  const place = (el: HTMLElement) => {
    const r = el.getBoundingClientRect();
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    let x = r.left + r.width / 2 - tw / 2;
    x = Math.max(4, Math.min(x, window.innerWidth - tw - 4));
    let y = r.top - th - 6;
    if (y < 4) y = r.bottom + 6;
    tip.style.left = `${Math.round(x)}px`;
    tip.style.top = `${Math.round(y)}px`;
  };
  const hide = () => {
    if (current) current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
  };
  const target = (e: Event) => (e.target instanceof Element ? (e.target.closest('[data-tip]') as HTMLElement | null) : null);
  document.addEventListener('mouseover', (e) => {
    const el = target(e);
    if (el) show(el);
    else if (current && document.activeElement !== current) hide();
  });
  document.addEventListener('focusin', (e) => {
    const el = target(e);
    if (el) show(el);
    else hide();
  });
  document.addEventListener('focusout', () => hide());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
    if (e.key === 'Enter') {
      const el = target(e);
      if (el?.dataset.href) location.hash = el.dataset.href;
    }
  });
  document.addEventListener('click', (e) => {
    const el = target(e);
    if (el?.dataset.href && !(e.target as Element).closest('a')) location.hash = el.dataset.href;
  });
  window.addEventListener(
    'scroll',
    () => {
      if (!current) return;
      if (current.isConnected) place(current);
      else hide();
    },
    { passive: true },
  );
  window.addEventListener('hashchange', hide);
}
