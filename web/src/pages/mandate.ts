import { ApiError, gql } from '../api';
import { confidence, facts, fill, link, mandateLink, mandateTitle, realNumber, section, type Ctx } from '../common';
import { h, plural, replace } from '../dom';
import { graphql } from '../gql';
import { graphState, graphView } from '../graph';
import { highlight, type Span } from '../highlight';
import { KIND_LABEL, badge, href, isKind } from '../kinds';
import { lineageSection } from './lineage';

const MANDATE = graphql(`
  query Mandate($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Mandate {
        number
        text
        citation
        flags
        year
        summit { id kind label name }
        document { id kind label title }
        parent { id kind label number parent { id } }
        items { id kind label number parent { id } }
        source { file line heading }
        sources { file line heading }
        mentions { surface start end method confidence entity { id kind label name } }
        references { surface start end target { id kind label } }
      }
    }
  }`);

const SIMILAR = graphql(`
  query Similar($id: ID!) {
    node(id: $id) {
      __typename
      ... on Mandate { similar(first: 10) { score mandate { id kind label number parent { id } summit { id label } document { id title } } } }
    }
  }`);

const FLAG_TEXT: Record<string, string> = {
  uncited: 'no citation: the source prints none',
  unresolved: 'the citation names no single known summit',
  truncated: 'the text stops mid-sentence',
};

function kindName(kind: string): string {
  return isKind(kind) ? KIND_LABEL[kind] : kind.toLowerCase();
}

export async function mandatePage(ctx: Ctx): Promise<void> {
  const { main, signal, id } = ctx;
  const m = (await gql(MANDATE, { id }, signal)).node;
  if (!m) throw new ApiError('NOT_FOUND', `no node with id "${id}"`);
  if (m.__typename !== 'Mandate') {
    location.replace(href(m.kind, m.id));
    return;
  }
  const text = m.text;
  const mentions = m.mentions;
  const refs = m.references;
  const title = mandateTitle(m);
  document.title = `${title} — summitgraph`;

  const spans: Span[] = [
    ...mentions.map((mn, i) => ({
      start: mn.start,
      end: mn.end,
      className: `hl hl-mention kind-${mn.entity.kind}`,
      tip: `${mn.entity.label} (${kindName(mn.entity.kind)}) · found by ${mn.method}, confidence ${confidence(mn.confidence)}`,
      data: { mention: String(i), entity: mn.entity.id, method: mn.method, confidence: confidence(mn.confidence) },
      href: href(mn.entity.kind, mn.entity.id),
    })),
    ...refs.map((r, i) => ({
      start: r.start,
      end: r.end,
      className: 'hl hl-ref',
      tip: `Reference to ${r.target.label} (${kindName(r.target.kind)})`,
      data: { reference: String(i), target: r.target.id },
      href: href(r.target.kind, r.target.id),
    })),
  ];

  const crumbs = h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Where this mandate comes from' },
    h(
      'ol',
      null,
      m.summit ? h('li', null, link(m.summit)) : h('li', null, h('span', { class: 'flag' }, 'no summit')),
      m.document ? h('li', null, link(m.document, m.document.title)) : null,
      m.parent ? h('li', null, mandateLink(m.parent, 'none')) : null,
      h('li', { 'aria-current': 'page' }, realNumber(m) ? `Mandate ${realNumber(m)}` : 'This mandate'),
    ),
  );

  const sources = m.sources.length ? m.sources : [m.source];
  const header = h(
    'header',
    { class: 'page-head' },
    crumbs,
    h('p', { class: 'eyebrow' }, badge('MANDATE'), m.flags.map((f) => h('span', { class: 'flag', title: FLAG_TEXT[f] ?? f }, f))),
    h('h1', { tabindex: '-1' }, title),
  );

  const textSection = section('Text', 'mandate-body');
  textSection.body.append(
    h('blockquote', { class: 'mandate-text full', 'data-mandate': m.id }, highlight(text, spans)),
    mentions.length || refs.length
      ? h(
          'p',
          { class: 'help' },
          'Highlighted: ',
          mentions.length ? h('mark', { class: 'hl hl-mention sample' }, plural(mentions.length, 'mention')) : null,
          mentions.length && refs.length ? ' and ' : null,
          refs.length ? h('mark', { class: 'hl hl-ref sample' }, plural(refs.length, 'reference')) : null,
          '. Hover or focus one for how it was found; click it to open what it names.',
        )
      : h('p', { class: 'help' }, 'No mention or reference was found in this text.'),
    facts([
      ['Citation', m.citation ?? h('span', { class: 'flag' }, 'none printed')],
      ['Summit', m.summit ? [link(m.summit), ` (${m.summit.name})`] : h('span', { class: 'flag' }, 'unknown (never guessed)')],
      ['Document', m.document ? link(m.document, m.document.title) : null],
      ['Year', m.year ? String(m.year) : null],
      ['Heading', m.source.heading],
      [
        sources.length > 1 ? 'Sources' : 'Source',
        sources.map((s, i) => [i ? ', ' : '', h('code', null, `${s.file}:${s.line}`)]),
      ],
      ['Flags', m.flags.length ? m.flags.map((f) => `${f} (${FLAG_TEXT[f] ?? f})`).join('; ') : null],
      ['Id', h('code', null, m.id)],
    ]),
  );

  const parts: HTMLElement[] = [header, textSection.el];

  if (m.items.length) {
    const items = section(`Items (${m.items.length})`, 'items');
    items.body.append(h('ol', { class: 'plain-list' }, m.items.map((it) => h('li', null, mandateLink(it, 'none')))));
    parts.push(items.el);
  }

  const mentionSec = section(`Mentions (${mentions.length})`, 'mention-table');
  mentionSec.body.append(
    mentions.length === 0
      ? h('p', null, 'None.')
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            null,
            h('caption', { class: 'visually-hidden' }, 'Mentions in text order, with the evidence of each'),
            h('thead', null, h('tr', null, ['Words in the text', 'Entity', 'Method', 'Confidence', 'Code points'].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              null,
              mentions.map((mn) =>
                h(
                  'tr',
                  null,
                  h('td', null, h('q', null, mn.surface)),
                  h('td', null, badge(mn.entity.kind), ' ', link(mn.entity)),
                  h('td', null, mn.method),
                  h('td', { class: 'num' }, confidence(mn.confidence)),
                  h('td', { class: 'num' }, `${mn.start}–${mn.end}`),
                ),
              ),
            ),
          ),
        ),
  );

  const refSec = section(`References (${refs.length})`, 'references');
  refSec.body.append(
    refs.length === 0
      ? h('p', null, 'This mandate refers to no other summit or summit document.')
      : h(
          'ul',
          { class: 'plain-list' },
          refs.map((r) => h('li', null, h('q', null, r.surface), ' → ', badge(r.target.kind), ' ', link(r.target))),
        ),
  );

  const similar = section('Similar mandates', 'similar');
  parts.push(lineageSection(m.id, signal));
  parts.push(h('div', { class: 'two-col' }, mentionSec.el, h('div', null, refSec.el, similar.el)));
  parts.push(graphView({ id: m.id, kind: m.kind, label: title }, signal, { state: graphState(ctx.params) }));
  replace(main, ...parts);

  void fill(similar.body, 'the similar mandates', signal, async () => {
    const d = await gql(SIMILAR, { id: m.id }, signal);
    const sim = d.node?.__typename === 'Mandate' ? d.node.similar : [];
    if (sim.length === 0) return h('p', null, 'No mandate of another summit says much the same.');
    return h(
      'ol',
      { class: 'plain-list' },
      sim.map((s) =>
        h(
          'li',
          null,
          mandateLink(s.mandate),
          h('span', { class: 'muted' }, ` · score ${s.score.toFixed(2)}`),
        ),
      ),
    );
  });
}
