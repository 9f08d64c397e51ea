// The start page: statistics, summits, the themes across summits, and browse.

import { gql } from '../api';
import { fill, link, section, type Ctx } from '../common';
import { h, replace } from '../dom';
import { graphql } from '../gql';
import { browseView, browser } from './browse';
import { agenda, agendaView } from './themes';

const STATS = graphql(`
  query Home {
    stats { summits documents mandates conventions institutions themes mentions nodes edges files }
    summits { id kind label name year special status }
  }`);


export function homePage(ctx: Ctx): void {
  const { main, signal } = ctx;
  document.title = 'summitgraph explorer';
  const stats = section('The graph', 'stats');
  const summits = section('Summits', 'summits');
  const browse = section('Browse', 'browse');
  const agendaSlot = h('div', { class: 'agenda-slot' });
  replace(
    main,
    h(
      'header',
      { class: 'page-head' },
      h('h1', { tabindex: '-1' }, 'The mandates of the Summits of the Americas'),
      h(
        'p',
        { class: 'lead' },
        'Search for a convention, an institution or a theme and follow it across summits: every mandate that names it, with the words that matched and how sure the match is. Try ',
        h('a', { href: '#/search?q=corruption' }, 'corruption'),
        ', ',
        h('a', { href: '#/search?q=MESICIC' }, 'MESICIC'),
        ' or ',
        h('a', { href: '#/entity/convention/inter-american-convention-against-corruption' }, 'the Inter-American Convention against Corruption'),
        '.',
      ),
    ),
    h('div', { class: 'two-col' }, stats.el, summits.el),
    agendaSlot,
    browse.el,
  );

  const data = gql(STATS, {}, signal);
  const shownStats = fill(stats.body, 'the statistics', signal, async () => {
    const st = (await data).stats;
    const row = (label: string, n: number) => [h('dt', null, label), h('dd', { class: 'num' }, n.toLocaleString('en'))];
    return h(
      'dl',
      { class: 'stats' },
      row('Summits', st.summits),
      row('Summit documents', st.documents),
      row('Mandates and items', st.mandates),
      row('Conventions', st.conventions),
      row('Institutions', st.institutions),
      row('Themes', st.themes),
      row('Mentions', st.mentions),
      row('Nodes', st.nodes),
      row('Edges', st.edges),
      row('Source files', st.files),
    );
  });
  const shownSummits = fill(summits.body, 'the summits', signal, async () =>
    h(
      'ol',
      { class: 'plain-list' },
      (await data).summits.map((s) =>
        h(
          'li',
          null,
          link(s),
          h('span', { class: 'muted' }, ` · ${s.name}${s.special ? ' (special)' : ''}`),
          s.status ? h('span', { class: 'flag' }, s.status) : null,
        ),
      ),
    ),
  );

  // The matrix and browse ask for far more (every entity, a trace per theme, mention counts)
  // and draw far more: asked once the statistics and summits are in and painted, they do
  // not hold up the first answer and the first paint on a busy server or browser. That
  // frame, painted, is the start page's "interactive" (marked for e2e/bench.test.mjs): the
  // search form's and the router's handlers were attached before the page was first drawn
  // (main.ts).
  const painted = () =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (signal.aborted) return;
        performance.mark('explorer:interactive');
        agendaSlot.append(agenda(signal, agendaView(new URLSearchParams()), { compact: true }));
        browse.body.append(browser(signal, browseView(new URLSearchParams()), false));
      }, 0),
    );
  void Promise.all([shownStats, shownSummits]).then(painted);
}
