// A mandate's lineage (Mandate.links): where it was adopted (the summit
// document's paragraph a compiled mandate quotes), its translations side
// by side, what it renews and what renewed it, and related mandates of
// other summits, each with its score and what matched.

import { gql } from '../api';
import { fill, mandateLink, section } from '../common';
import { h, plural } from '../dom';
import { graphql } from '../gql';
import type { MandateLinksQuery } from '../gql/graphql';

const LINKS = graphql(`
  query MandateLinks($id: ID!) {
    node(id: $id) {
      __typename
      ... on Mandate {
        id
        text
        language
        document { id title }
        links(first: 50) {
          type
          direction
          score
          evidence
          mandate {
            id kind label number text language
            parent { id }
            summit { id label }
            document { id title }
            source { file line }
          }
        }
      }
    }
  }`);

type M = Extract<NonNullable<MandateLinksQuery['node']>, { __typename: 'Mandate' }>;
type Link = M['links'][number];

const LANG_NAME: Record<string, string> = { en: 'English', es: 'Spanish', fr: 'French', pt: 'Portuguese' };

/** langTag is a linked mandate's language as Mandate.language gives it (none for a mandate read before languages were). */
function langTag(lang: string | null | undefined): HTMLElement | string {
  return lang ? h('span', { class: 'lang', 'data-lang': lang }, ` (${LANG_NAME[lang] ?? lang})`) : '';
}

function why(l: Link): HTMLElement {
  return h('span', { class: 'link-why' }, h('span', { class: 'score', 'data-score': l.score.toFixed(2) }, `score ${l.score.toFixed(2)}`), ' · ', l.evidence);
}

function linkList(links: Link[], cls: string): HTMLElement {
  return h(
    'ul',
    { class: `plain-list link-list ${cls}` },
    links.map((l) =>
      h(
        'li',
        { 'data-type': l.type, 'data-direction': l.direction, 'data-id': l.mandate.id, 'data-lang': l.mandate.language ?? undefined },
        mandateLink(l.mandate),
        langTag(l.mandate.language),
        h('br'),
        why(l),
      ),
    ),
  );
}

function block(title: string, help: string, body: HTMLElement, cls: string): HTMLElement {
  return h('div', { class: `lineage-part ${cls}` }, h('h3', { class: 'small-heading' }, title), h('p', { class: 'help' }, help), body);
}

/** lineage is the mandate page's section of links; it says so when there is none. */
export function lineageSection(id: string, signal: AbortSignal): HTMLElement {
  const sec = section('Lineage', 'lineage');
  void fill(sec.body, 'the lineage', signal, async () => {
    const n = (await gql(LINKS, { id }, signal)).node;
    if (!n || n.__typename !== 'Mandate') return h('p', null, 'No lineage.');
    // A translation or a related mandate is linked both ways: once each.
    const of = (type: string, dir?: string) => {
      const seen = new Set<string>();
      return n.links.filter((l) => l.type === type && (!dir || l.direction === dir) && !seen.has(l.mandate.id) && seen.add(l.mandate.id));
    };
    const parts: HTMLElement[] = [];
    const quotes = of('QUOTES', 'OUT');
    if (quotes.length) {
      parts.push(
        block(
          'Where it was adopted',
          'The summit document’s paragraph this compiled mandate reproduces.',
          h(
            'div',
            null,
            quotes.map((l) =>
              h(
                'figure',
                { class: 'quoted', 'data-id': l.mandate.id },
                h('blockquote', { class: 'mandate-text', lang: l.mandate.language ?? undefined }, l.mandate.text),
                h('figcaption', null, mandateLink(l.mandate), langTag(l.mandate.language), h('br'), why(l)),
              ),
            ),
          ),
          'adopted',
        ),
      );
    }
    const quotedBy = of('QUOTES', 'IN');
    if (quotedBy.length) parts.push(block('Compiled as', 'Mandates of the compilations that reproduce this paragraph.', linkList(quotedBy, 'quoted-by'), 'compiled'));
    const tr = of('TRANSLATION');
    if (tr.length) {
      const mine = n.language;
      parts.push(
        block(
          'Translations',
          'The same paragraph in the other languages of the document, side by side.',
          h(
            'div',
            { class: 'side-by-side', role: 'group', 'aria-label': 'This mandate and its translations' },
            h(
              'figure',
              { class: 'translation this' },
              h('figcaption', null, `This mandate${mine ? ` (${LANG_NAME[mine] ?? mine})` : ''}`),
              h('blockquote', { class: 'mandate-text', lang: mine ?? undefined }, n.text),
            ),
            tr.map((l) => {
              const lang = l.mandate.language;
              return h(
                'figure',
                { class: 'translation', 'data-id': l.mandate.id },
                h('figcaption', null, lang ? `${LANG_NAME[lang] ?? lang}: ` : '', mandateLink(l.mandate), h('br'), why(l)),
                h('blockquote', { class: 'mandate-text', lang: lang ?? undefined }, l.mandate.text),
              );
            }),
          ),
          'translations',
        ),
      );
    }
    const renews = of('RENEWS', 'OUT');
    if (renews.length) parts.push(block('Renews', 'Earlier mandates this one repeats or continues.', linkList(renews, 'renews'), 'renews'));
    const renewed = of('RENEWS', 'IN');
    if (renewed.length) parts.push(block('Renewed by', 'Later mandates that repeat or continue this one.', linkList(renewed, 'renewed-by'), 'renewed-by'));
    const related = of('RELATED');
    if (related.length) parts.push(block('Related at other summits', 'Much in common: shared entities, numbers and word roots.', linkList(related, 'related'), 'related-links'));
    if (parts.length === 0) return h('p', null, 'No link to another mandate was found: no quoted paragraph, translation or renewal.');
    return [h('p', { class: 'count' }, `${plural(n.links.length, 'link')}.`), ...parts];
  });
  return sec.el;
}
