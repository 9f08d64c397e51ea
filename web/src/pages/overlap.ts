// A summit's overlap report (Query.overlap) on its page: how many of its
// mandates renew earlier ones, what it renews of each earlier summit (a
// table), the RENEWS links with score and evidence, and the earlier
// mandates that neither it nor a later summit renews. A theme narrows
// both sides; it is in the route (#/summit/<id>?theme=<entity id>), so the
// view can be shared as a link.

import { gql } from '../api';
import { confidence, fill, mandateLink, paginated, section, type Ctx } from '../common';
import { h, plural } from '../dom';
import { graphql } from '../gql';

const THEMES = graphql(`
  query OverlapThemes {
    entities(filter: { kind: THEME }, first: 500) { edges { node { id label name } } }
  }`);

const OVERLAP = graphql(`
  query Overlap($summit: ID!, $theme: ID) {
    overlap(summit: $summit, theme: $theme) {
      mandates
      renewing
      theme { id name }
      summits { summit { id kind label name year } mandates renewing renewed notRenewed }
    }
  }`);

const RENEWALS = graphql(`
  query OverlapRenewals($summit: ID!, $theme: ID, $first: Int!, $after: String) {
    overlap(summit: $summit, theme: $theme) {
      renewals(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          cursor
          node {
            score
            evidence
            from { id kind label number parent { id } summit { label } document { title } }
            to { id kind label number parent { id } summit { label } document { title } }
          }
        }
      }
    }
  }`);

const NOT_RENEWED = graphql(`
  query OverlapNotRenewed($summit: ID!, $theme: ID, $first: Int!, $after: String) {
    overlap(summit: $summit, theme: $theme) {
      notRenewed(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id kind label number parent { id } summit { label } document { title } } }
      }
    }
  }`);

/** overlapHref is the summit page's route with the theme chosen (or none). */
function overlapHref(summit: string, theme: string | null): string {
  const q = theme ? `?theme=${encodeURIComponent(theme)}` : '';
  return `#/summit/${encodeURIComponent(summit)}${q}`;
}

function themePicker(ctx: Ctx, summit: string, theme: string | null): HTMLElement {
  const select = h('select', { id: 'overlap-theme', name: 'theme' }, h('option', { value: '' }, 'every theme'));
  if (theme) select.append(h('option', { value: theme, selected: true }, theme));
  select.addEventListener('change', () => {
    location.hash = overlapHref(summit, select.value || null);
  });
  void gql(THEMES, {}, ctx.signal)
    .then((d) => {
      select.replaceChildren(
        h('option', { value: '' }, 'every theme'),
        ...d.entities.edges.map(({ node: t }) => h('option', { value: t.id, selected: t.id === theme }, t.name || t.label)),
      );
    })
    .catch(() => {});
  return h('p', { class: 'overlap-filter' }, h('label', { for: 'overlap-theme' }, 'Theme '), select);
}

/** overlapSection is the report of one summit, the theme from the route. */
export function overlapSection(ctx: Ctx, summit: string, summitLabel: string): HTMLElement {
  const theme = ctx.params.get('theme') || null;
  const sec = section('Overlap with earlier summits', 'overlap');
  sec.el.id = 'overlap';
  const body = h('div');
  sec.body.append(themePicker(ctx, summit, theme), body);
  void fill(body, 'the overlap report', ctx.signal, async () => {
    const r = (await gql(OVERLAP, { summit, theme }, ctx.signal)).overlap;
    const inTheme = r.theme ? ` on ${r.theme.name}` : '';
    const summary = h(
      'p',
      { class: 'overlap-summary' },
      `${r.renewing.toLocaleString('en')} of ${plural(r.mandates, 'mandate')} of ${summitLabel}${inTheme} renew earlier mandates.`,
    );
    const table = r.summits.length
      ? h(
          'table',
          { class: 'overlap-table' },
          h('caption', null, `What ${summitLabel} renews of each earlier summit${inTheme}`),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Earlier summit', 'Its mandates', `${summitLabel} mandates renewing it`, 'Its mandates renewed', 'Not renewed since'].map((t) =>
                h('th', { scope: 'col' }, t),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            r.summits.map((s) =>
              h(
                'tr',
                null,
                h('th', { scope: 'row' }, h('a', { href: `#/summit/${encodeURIComponent(s.summit.id)}` }, s.summit.label)),
                [s.mandates, s.renewing, s.renewed, s.notRenewed].map((n) => h('td', { class: 'num' }, n.toLocaleString('en'))),
              ),
            ),
          ),
        )
      : h('p', null, 'No earlier summit.');
    const renewals = h('div', { class: 'overlap-renewals' }, h('h3', null, 'Renewals'));
    renewals.append(
      paginated({
        signal: ctx.signal,
        what: 'the renewals',
        noun: ['renewal', 'renewals'],
        pageSize: 20,
        listTag: 'ol',
        listClass: 'plain-list renewal-list',
        fetch: async (first, after) => (await gql(RENEWALS, { summit, theme, first, after }, ctx.signal)).overlap.renewals,
        render: (nodes, list) =>
          list.append(
            ...nodes.map((n) =>
              h(
                'li',
                { class: 'renewal' },
                mandateLink(n.from, 'document'),
                h('span', { class: 'renews' }, ' renews '),
                mandateLink(n.to),
                h('span', { class: 'score', title: 'score' }, ` (${confidence(n.score)})`),
                h('p', { class: 'evidence' }, n.evidence),
              ),
            ),
          ),
      }),
    );
    const notRenewed = h('div', { class: 'overlap-not-renewed' }, h('h3', null, 'Earlier mandates not renewed since'));
    notRenewed.append(
      paginated({
        signal: ctx.signal,
        what: 'the mandates not renewed',
        noun: ['mandate', 'mandates'],
        pageSize: 20,
        listTag: 'ul',
        listClass: 'mandate-list',
        fetch: async (first, after) => (await gql(NOT_RENEWED, { summit, theme, first, after }, ctx.signal)).overlap.notRenewed,
        render: (nodes, list) => list.append(...nodes.map((m) => h('li', { class: m.parent ? 'item' : '' }, mandateLink(m)))),
      }),
    );
    return [summary, table, renewals, notRenewed];
  });
  return sec.el;
}
