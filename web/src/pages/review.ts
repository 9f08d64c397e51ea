// The review queue, #/review?reason=unattributed|unresolved|truncated|low_confidence&below=0.75:
// the mandates a curator should look at (Query.review), each with why, its
// source file and line, its low-confidence mentions, and, with a curation
// token, the curation actions (reject a mention, add an alias).
//
// The token is kept for the tab only (sessionStorage) and sent only with
// the mutations (Authorization: Bearer).

import { errorBox, gql } from '../api';
import { confidence, link, mandateLink, paginated, type Ctx } from '../common';
import { h, plural, replace } from '../dom';
import { graphql } from '../gql';
import type { ReviewQuery, ReviewReason } from '../gql/graphql';
import { badge, href } from '../kinds';

const REVIEW = graphql(`
  query Review($reason: ReviewReason, $below: Float, $first: Int!, $after: String) {
    review(reason: $reason, below: $below, first: $first, after: $after) {
      totalCount
      counts { reason count }
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          reasons
          mandate {
            id kind label number citation flags
            parent { id }
            summit { id label }
            document { id title }
            source { file line heading }
          }
          lowMentions { surface start end method confidence entity { id kind label name } }
        }
      }
    }
  }`);

const REJECT = graphql(`
  mutation RejectMention($mandate: ID!, $entity: ID!) {
    rejectMention(mandate: $mandate, entity: $entity) { id }
  }`);

const ADD_ALIAS = graphql(`
  mutation AddAlias($entity: ID!, $alias: String!) {
    addAlias(entity: $entity, alias: $alias) { id kind label aliases }
  }`);

type Item = ReviewQuery['review']['edges'][number]['node'];

const REASONS: { value: ReviewReason; param: string; label: string; help: string }[] = [
  { value: 'UNATTRIBUTED' as ReviewReason, param: 'unattributed', label: 'No summit', help: 'uncited, or the citation names no single known summit' },
  { value: 'UNRESOLVED' as ReviewReason, param: 'unresolved', label: 'Unresolved citation', help: 'the citation names no single known summit, or its clues disagree' },
  { value: 'TRUNCATED' as ReviewReason, param: 'truncated', label: 'Truncated', help: 'the text stops mid-sentence' },
  { value: 'LOW_CONFIDENCE' as ReviewReason, param: 'low_confidence', label: 'Low-confidence mentions', help: 'a name found by its shape or by NER, below the threshold' },
];

const TOKEN_KEY = 'summitgraph.curationToken';
const PAGE = 25;

function token(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function setToken(t: string): void {
  try {
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage refused: the token lasts for this page only */
  }
}

export function reviewHref(reason: string | null, below?: string | null): string {
  const p = new URLSearchParams();
  if (reason) p.set('reason', reason);
  if (below) p.set('below', below);
  const q = p.toString();
  return `#/review${q ? `?${q}` : ''}`;
}

/** curation is the token form; onChange is called when it changes. */
function curation(onChange: () => void): HTMLElement {
  const input = h('input', { type: 'password', id: 'curation-token', autocomplete: 'off', 'aria-describedby': 'curation-help' });
  input.value = token();
  const status = h('p', { class: 'muted', role: 'status', id: 'curation-help' });
  const say = () => {
    status.textContent = token()
      ? 'A token is set for this tab: each mandate offers the curation actions. The server checks the token on each action.'
      : 'Curation actions (reject a mention, add an alias) need the token the server was started with (serve --token).';
  };
  say();
  const form = h(
    'form',
    { class: 'curation-form', 'aria-label': 'Curation' },
    h('label', { for: 'curation-token' }, 'Curation token'),
    ' ',
    input,
    ' ',
    h('button', { type: 'submit' }, 'Use token'),
    ' ',
    h('button', { type: 'button', class: 'secondary', 'data-forget': '' }, 'Forget'),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(input.value.trim());
    say();
    onChange();
  });
  form.querySelector('[data-forget]')?.addEventListener('click', () => {
    input.value = '';
    setToken('');
    say();
    onChange();
  });
  return form;
}

/** actions are the curation controls of one item (only with a token). */
function actions(it: Item): HTMLElement | null {
  const t = token();
  if (!t) return null;
  const m = it.mandate;
  const out = h('div', { class: 'curation-actions' });
  const status = h('p', { class: 'action-status', role: 'status' });
  for (const mn of it.lowMentions) {
    const reject = h('button', { type: 'button', 'data-action': 'reject', 'data-entity': mn.entity.id }, `Reject the mention “${mn.surface}”`);
    reject.addEventListener('click', async () => {
      reject.disabled = true;
      try {
        await gql(REJECT, { mandate: m.id, entity: mn.entity.id }, undefined, token());
        replace(status, `Rejected: this mandate no longer mentions ${mn.entity.label}, and stays so when its file is ingested again.`);
        reject.textContent = `Rejected “${mn.surface}”`;
      } catch (err) {
        reject.disabled = false;
        replace(status, errorBox(err, 'the rejection'));
      }
    });
    out.append(reject);
  }
  // An alias: a name an entity answers to. Offered with the mention's
  // entity and surface filled in; any entity id may be typed.
  const first = it.lowMentions[0];
  const uid = m.id.replace(/[^a-z0-9]/gi, '-');
  const entity = h('input', { type: 'text', id: `alias-entity-${uid}`, name: 'entity', size: 40 });
  const alias = h('input', { type: 'text', id: `alias-name-${uid}`, name: 'alias', size: 30 });
  entity.value = first?.entity.id ?? '';
  alias.value = first?.surface ?? '';
  const form = h(
    'form',
    { class: 'alias-form', 'data-action': 'alias' },
    h('label', { for: entity.id }, 'Entity id'),
    ' ',
    entity,
    ' ',
    h('label', { for: alias.id }, 'answers to'),
    ' ',
    alias,
    ' ',
    h('button', { type: 'submit' }, 'Add alias'),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const ent = (await gql(ADD_ALIAS, { entity: entity.value.trim(), alias: alias.value.trim() }, undefined, token())).addAlias;
      replace(status, 'Added: ', link(ent), ` answers to “${alias.value.trim()}” (${plural(ent.aliases.length, 'name')} in all).`);
    } catch (err) {
      replace(status, errorBox(err, 'the alias'));
    }
  });
  out.append(form, status);
  return out;
}

function reasonText(r: string): string {
  return REASONS.find((x) => x.value === r)?.label ?? r.toLowerCase();
}

function itemView(it: Item): HTMLElement {
  const m = it.mandate;
  const src = `${m.source.file}:${m.source.line}`;
  return h(
    'li',
    { class: 'review-item', 'data-id': m.id },
    h('div', { class: 'result-head' }, badge('MANDATE'), ' ', mandateLink(m)),
    h(
      'p',
      { class: 'review-reasons' },
      it.reasons.map((r) => h('span', { class: 'flag', 'data-reason': r }, reasonText(r))),
      ' ',
      h('a', { class: 'source-link', href: `${href(m.kind, m.id)}`, title: 'The mandate as read from this file and line' }, h('code', null, src)),
      m.source.heading ? h('span', { class: 'muted' }, ` · ${m.source.heading}`) : null,
      m.citation ? h('span', { class: 'muted' }, ` · cites “${m.citation}”`) : null,
    ),
    it.lowMentions.length
      ? h(
          'ul',
          { class: 'low-mentions' },
          it.lowMentions.map((mn) =>
            h('li', null, '“', mn.surface, '” → ', link(mn.entity), h('span', { class: 'muted' }, ` · ${mn.method}, confidence ${confidence(mn.confidence)}`)),
          ),
        )
      : null,
    actions(it),
  );
}

export function reviewPage(ctx: Ctx): void {
  const param = ctx.params.get('reason') ?? '';
  const chosen = REASONS.find((r) => r.param === param) ?? null;
  const belowRaw = ctx.params.get('below');
  const belowNum = belowRaw === null ? NaN : Number(belowRaw);
  const below = Number.isFinite(belowNum) && belowNum >= 0 && belowNum <= 1 ? belowNum : null;
  document.title = `${chosen ? `${chosen.label}: ` : ''}Review queue — summitgraph`;

  const tabs = h('ul', { class: 'filter-list review-tabs' });
  const body = h('div', { class: 'review-body' });
  const draw = () => {
    const list = paginated<Item>({
      signal: ctx.signal,
      what: 'the review queue',
      noun: ['mandate to review', 'mandates to review'],
      pageSize: PAGE,
      listClass: 'results review-list',
      fetch: async (first, after) => {
        const conn = (await gql(REVIEW, { reason: chosen?.value ?? null, below, first, after }, ctx.signal)).review;
        const counts = new Map(conn.counts.map((c) => [c.reason, c.count]));
        replace(
          tabs,
          h('li', null, h('a', { href: reviewHref(null, belowRaw), 'aria-current': chosen ? undefined : 'page' }, 'All')),
          REASONS.map((r) =>
            h(
              'li',
              null,
              h('a', { href: reviewHref(r.param, belowRaw), title: r.help, 'aria-current': chosen === r ? 'page' : undefined, 'data-reason': r.value }, `${r.label} (${(counts.get(r.value) ?? 0).toLocaleString('en')})`),
            ),
          ),
        );
        return conn;
      },
      render: (items, ol) => ol.append(...items.map(itemView)),
    });
    replace(body, list);
  };
  replace(
    ctx.main,
    h('h1', { tabindex: '-1' }, 'Review queue'),
    h(
      'p',
      { class: 'help' },
      'Mandates the parser kept but could not establish: no summit, a citation it could not resolve, a text cut off, or a name found with confidence under ',
      String(below ?? 0.75),
      '. Each links to the file and line it was read from.',
    ),
    h('nav', { 'aria-label': 'Review reasons' }, tabs),
    curation(draw),
    body,
  );
  draw();
}

/**
 * unattributed lists the mandates with no summit (the review queue's
 * UNATTRIBUTED), titled and linked: Browse shows them, since no summit's
 * or document's page does.
 */
export function unattributed(signal: AbortSignal): HTMLElement {
  return h(
    'div',
    { class: 'unattributed' },
    paginated<Item>({
      signal,
      what: 'the mandates with no summit',
      noun: ['mandate with no summit', 'mandates with no summit'],
      pageSize: PAGE,
      listClass: 'plain-list mandate-list',
      fetch: async (first, after) => (await gql(REVIEW, { reason: 'UNATTRIBUTED', below: null, first, after }, signal)).review,
      render: (items, ol) =>
        ol.append(
          ...items.map((it) =>
            h('li', null, mandateLink(it.mandate), ' ', h('code', { class: 'muted' }, `${it.mandate.source.file}:${it.mandate.source.line}`)),
          ),
        ),
    }),
    h('p', null, h('a', { href: reviewHref('unattributed') }, 'Review them'), ' (with the curation actions).'),
  );
}
