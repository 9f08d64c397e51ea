import { ApiError, errorBox, gql } from '../api';
import { confidence, facts, fill, link, mandateLink, paginated, section, type Ctx, type On } from '../common';
import { h, plural, replace } from '../dom';
import { graphql } from '../gql';
import type { MentionsQuery, TraceMandatesQuery } from '../gql/graphql';
import { graphState, graphView } from '../graph';
import { highlight } from '../highlight';
import { COLOR, KIND_LABEL, badge, href, isKind } from '../kinds';
import { timeline } from '../timeline';

const ENTITY = graphql(`
  query Entity($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Entity {
        name
        nameEs
        acronym
        acronyms
        aliases
        origin
        year
        group
        relations { type direction entity { id kind label } }
        summits { id label year startDate special status }
      }
    }
  }`);

const RELATED = graphql(`
  query Related($id: ID!, $first: Int!) {
    node(id: $id) {
      __typename
      ... on Entity { related(first: $first) { count weight entity { id kind label } } }
    }
  }`);

const MENTIONS = graphql(`
  query Mentions($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      ... on Entity {
        mentions(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            cursor
            node {
              surface start end method confidence
              mandate { id kind label number text year parent { id } summit { id label } document { id title } }
            }
          }
        }
      }
    }
  }`);

type Mention = On<MentionsQuery['node'], 'Entity'>['mentions']['edges'][number]['node'];

/** The per-summit counts for the timeline, and every summit for its axis. */
const TRACE_COUNTS = graphql(`
  query TraceCounts($id: ID!) {
    summits { id label year startDate special status }
    trace(entity: $id) { steps { count summit { id label year startDate special status } } }
  }`);

/**
 * A trace's mandates, a page per step (TraceStep.mandates(first, after)):
 * after=null gives every step's first page; after=the last id of a step
 * gives that step's next page (the other steps answer empty).
 */
const TRACE_MANDATES = graphql(`
  query TraceMandates($id: ID!, $first: Int!, $after: String) {
    trace(entity: $id) {
      steps {
        count
        summit { id }
        mandates(first: $first, after: $after) { id kind label number parent { id } document { title } }
      }
    }
  }`);

const STEP_PAGE = 10;

/**
 * stepMandates lists, under the timeline, each summit's mandates that
 * mention the entity: a disclosure per summit, filled on first opening
 * (one request pages every step), then STEP_PAGE more at a time.
 */
function stepMandates(id: string, steps: { count: number; summit: { id: string; label: string } }[], signal: AbortSignal): HTMLElement {
  type M = TraceMandatesQuery['trace']['steps'][number]['mandates'][number];
  let first: Promise<Map<string, M[]>> | null = null;
  const firstPages = () =>
    (first ??= gql(TRACE_MANDATES, { id, first: STEP_PAGE, after: null }, signal).then(
      (d) => new Map(d.trace.steps.map((st) => [st.summit.id, st.mandates])),
    ));
  return h(
    'div',
    { class: 'step-mandates' },
    h('h3', { class: 'small-heading' }, 'Its mandates, summit by summit'),
    steps.map((st) => {
      const list = h('ol', { class: 'plain-list mandate-list' });
      const status = h('p', { class: 'count', role: 'status' });
      const more = h('button', { type: 'button', class: 'more', hidden: true });
      const body = h('div', { class: 'step-body' }, list, status, more);
      let shown: M[] = [];
      const show = (page: M[]) => {
        shown = shown.concat(page);
        list.append(...page.map((m) => h('li', null, mandateLink({ ...m, summit: null }, 'document'))));
        status.textContent = `${shown.length.toLocaleString('en')} of ${plural(st.count, 'mandate')} shown.`;
        const left = st.count - shown.length;
        more.hidden = left <= 0 || page.length === 0;
        more.textContent = `Show ${Math.min(left, STEP_PAGE)} more of ${st.summit.label}`;
      };
      const details = h('details', { class: 'step', 'data-summit': st.summit.id }, h('summary', null, `${st.summit.label}: ${plural(st.count, 'mandate')}`), body);
      details.addEventListener('toggle', () => {
        if (!details.open || shown.length || status.dataset.loading) return;
        status.dataset.loading = '1';
        status.textContent = 'Loading…';
        firstPages()
          .then((pages) => show(pages.get(st.summit.id) ?? []))
          .catch((err) => {
            if (!signal.aborted) replace(status, errorBox(err, 'the mandates'));
          })
          .finally(() => delete status.dataset.loading);
      });
      more.addEventListener('click', async () => {
        more.disabled = true;
        const before = list.children.length;
        try {
          const d = await gql(TRACE_MANDATES, { id, first: STEP_PAGE, after: shown[shown.length - 1].id }, signal);
          show(d.trace.steps.find((x) => x.summit.id === st.summit.id)?.mandates ?? []);
          list.querySelectorAll<HTMLAnchorElement>('a')[before]?.focus();
        } catch (err) {
          if (!signal.aborted) replace(status, errorBox(err, 'more mandates'));
        } finally {
          more.disabled = false;
        }
      });
      return details;
    }),
  );
}

const RELATION_TEXT: Record<string, [string, string]> = {
  MONITORS: ['monitors', 'is monitored by'],
  PART_OF: ['is part of', 'includes'],
};

function relationText(type: string, dir: 'IN' | 'OUT'): string {
  const known = RELATION_TEXT[type];
  if (known) return dir === 'OUT' ? known[0] : known[1];
  const t = type.toLowerCase().replace(/_/g, ' ');
  return dir === 'OUT' ? t : `${t} (inverse)`;
}

export async function entityPage(ctx: Ctx): Promise<void> {
  const { main, signal, id } = ctx;
  const e = (await gql(ENTITY, { id }, signal)).node;
  if (!e) throw new ApiError('NOT_FOUND', `no node with id "${id}"`);
  if (e.__typename !== 'Entity') {
    location.replace(href(e.kind, e.id));
    return;
  }
  const name = e.name;
  document.title = `${name} — summitgraph`;
  const kindLabel = isKind(e.kind) ? KIND_LABEL[e.kind] : e.kind;
  const aliases = e.aliases.filter((a) => a !== name);

  const header = h(
    'header',
    { class: 'page-head' },
    h('p', { class: 'eyebrow' }, badge(e.kind), e.origin === 'discovered' ? h('span', { class: 'flag' }, 'discovered in a text') : null),
    h('h1', { tabindex: '-1' }, name),
    e.nameEs ? h('p', { class: 'subtitle', lang: 'es' }, e.nameEs) : null,
    facts([
      ['Acronyms', e.acronyms.length ? e.acronyms.join(', ') : null],
      [e.kind === 'INSTITUTION' ? 'Founded' : 'Adopted', e.year ? String(e.year) : null],
      ['Group', e.group],
      ['Origin', e.origin === 'discovered' ? 'discovered in a text by its shape (lower confidence)' : e.origin],
      ['Id', h('code', null, e.id)],
    ]),
    aliases.length
      ? h(
          'div',
          { class: 'aliases' },
          h('h2', { class: 'small-heading' }, 'Also written'),
          h('ul', { class: 'chips' }, aliases.map((a) => h('li', null, a))),
        )
      : null,
    e.relations.length
      ? h(
          'div',
          { class: 'relations' },
          h('h2', { class: 'small-heading' }, 'Catalog relations'),
          h(
            'ul',
            { class: 'plain-list' },
            e.relations.map((r) => h('li', null, `This ${kindLabel} ${relationText(r.type, r.direction)} `, link(r.entity), ' ', badge(r.entity.kind))),
          ),
        )
      : null,
  );

  const trace = section('Across summits', 'trace');
  const graph = graphView({ id: e.id, kind: e.kind, label: name }, signal, { state: graphState(ctx.params) });
  const related = section('Related entities', 'related');
  const mentions = section('Mentions', 'mentions');
  replace(main, header, trace.el, graph, h('div', { class: 'two-col' }, mentions.el, related.el));

  void fill(trace.body, 'the timeline', signal, async () => {
    const d = await gql(TRACE_COUNTS, { id: e.id }, signal);
    const color = isKind(e.kind) ? COLOR[e.kind] : '#555';
    return [timeline(d.summits, d.trace.steps, color, `${name} across the Summits of the Americas`), d.trace.steps.length ? stepMandates(e.id, d.trace.steps, signal) : null];
  });

  let relatedFirst = 10;
  const loadRelated = () =>
    fill(related.body, 'the related entities', signal, async () => {
      const d = await gql(RELATED, { id: e.id, first: relatedFirst }, signal);
      const rel = d.node?.__typename === 'Entity' ? d.node.related : [];
      if (rel.length === 0) return h('p', null, 'No entity is mentioned in the same mandates.');
      return [
        h('p', { class: 'help' }, 'Mentioned in the same mandates, strongest association first.'),
        h(
          'ol',
          { class: 'related-list' },
          rel.map((r) =>
            h(
              'li',
              null,
              badge(r.entity.kind),
              ' ',
              link(r.entity),
              h('span', { class: 'muted' }, ` ${plural(r.count, 'mandate')} together · weight ${r.weight.toFixed(2)}`),
            ),
          ),
        ),
        rel.length >= relatedFirst && relatedFirst < 100
          ? h(
              'button',
              {
                type: 'button',
                class: 'more',
                onclick: () => {
                  relatedFirst = Math.min(100, relatedFirst + 20);
                  void loadRelated();
                },
              },
              'Show more related entities',
            )
          : null,
      ];
    });
  void loadRelated();

  // Mentions, grouped by mandate (a mandate may name the entity more than once).
  let lastGroup: { id: string; spans: Mention[]; text: HTMLElement; meta: HTMLElement } | null = null;
  const drawGroup = (g: { spans: Mention[]; text: HTMLElement; meta: HTMLElement }) => {
    const m = g.spans[0].mandate;
    replace(
      g.text,
      highlight(
        m.text,
        g.spans.map((sp, i) => ({
          start: sp.start,
          end: sp.end,
          className: `hl hl-mention kind-${e.kind}`,
          tip: `“${sp.surface}” · found by ${sp.method}, confidence ${confidence(sp.confidence)}`,
          data: { mention: String(i), method: sp.method, confidence: confidence(sp.confidence) },
        })),
      ),
    );
    replace(
      g.meta,
      g.spans.map((sp, i) => [i ? '; ' : '', h('q', null, sp.surface), ` (${sp.method}, ${confidence(sp.confidence)})`]),
    );
  };
  mentions.body.append(
    paginated<Mention>({
      signal,
      what: 'the mentions',
      noun: ['mention', 'mentions'],
      pageSize: 20,
      listClass: 'mention-list',
      fetch: async (first, after) => {
        const d = await gql(MENTIONS, { id: e.id, first, after }, signal);
        if (d.node?.__typename !== 'Entity') throw new ApiError('NOT_FOUND', `no entity with id "${e.id}"`);
        return d.node.mentions;
      },
      render: (nodes, list) => {
        for (const mn of nodes) {
          if (lastGroup && lastGroup.id === mn.mandate.id) {
            lastGroup.spans.push(mn);
            drawGroup(lastGroup);
            continue;
          }
          const m = mn.mandate;
          const text = h('blockquote', { class: 'mandate-text', cite: href(m.kind, m.id) });
          const meta = h('span', { class: 'matched' });
          lastGroup = { id: m.id, spans: [mn], text, meta };
          drawGroup(lastGroup);
          list.append(
            h(
              'li',
              { class: 'mention', 'data-mandate': m.id },
              h(
                'h3',
                null,
                mandateLink(m, 'none'),
              ),
              h(
                'p',
                { class: 'muted where' },
                m.summit ? h('a', { href: href('SUMMIT', m.summit.id) }, m.summit.label) : h('span', { class: 'flag' }, 'no summit'),
                m.document ? [' · ', h('a', { href: href('DOCUMENT', m.document.id) }, m.document.title)] : null,
              ),
              text,
              h('p', { class: 'muted matched-wrap' }, 'Matched: ', meta),
            ),
          );
        }
      },
    }),
  );
}
