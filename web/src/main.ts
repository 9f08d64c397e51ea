// The explorer: a hash router over a few pages. Every view is a link:
//   #/                          start page
//   #/search?q=WORDS&kind=K,…   search, filtered by kind
//   #/browse?kind=K&sort=mentions|name&dir=asc|desc&all=1
//   #/themes?summit=S&theme=T&entity=E   summit × theme matrix, a cell's mandates, an entity's chart
//   #/entity/<id>               convention, institution or theme
//   #/mandate/<id>              mandate
//   #/summit/<id>?theme=T, #/document/<id>   (a summit's page has its overlap report, in a theme)
//   #/graph/<id>                the graph alone
//   #/node/<id>                 any node (redirects by kind)
// Pages with a graph keep its state in g.expand=ID,… and g.hide=KIND|TYPE,….
//   #/review?reason=R&below=X   the review queue (unattributed, unresolved, truncated, low confidence)
// Ids keep their slashes: #/entity/convention/inter-american-convention-against-corruption

import './style.css';
import { errorBox, isAbort } from './api';
import type { Ctx } from './common';
import { h, replace } from './dom';
import { installTooltips } from './highlight';
import { entityPage } from './pages/entity';
import { mandatePage } from './pages/mandate';
import { homePage } from './pages/home';
import { browsePage } from './pages/browse';
import { graphPage, nodePage, notFoundPage } from './pages/node';
import { themesPage } from './pages/themes';
import { documentPage, summitPage } from './pages/summit';
import { installSearchKeys, searchPage } from './pages/search';
import { reviewPage } from './pages/review';

const main = document.getElementById('main') as HTMLElement;
const tip = document.getElementById('tip') as HTMLElement;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('q') as HTMLInputElement;

interface Route {
  page: string;
  id: string;
  params: URLSearchParams;
  path: string;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const qi = raw.indexOf('?');
  const path = qi < 0 ? raw : raw.slice(0, qi);
  const params = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { page: parts[0] ?? '', id: parts.slice(1).join('/'), params, path };
}

let current: AbortController | null = null;
let first = true;

async function render(): Promise<void> {
  current?.abort();
  const ctl = new AbortController();
  current = ctl;
  const route = parse(location.hash);
  const ctx: Ctx = { main, signal: ctl.signal, params: route.params, id: route.id };
  main.setAttribute('aria-busy', 'true');
  replace(main, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  try {
    const needsId = ['entity', 'mandate', 'summit', 'document', 'node', 'graph'];
    if (needsId.includes(route.page) && !route.id) {
      notFoundPage(ctx, route.path);
    } else {
      switch (route.page) {
        case '':
          homePage(ctx);
          break;
        case 'search':
          searchPage(ctx);
          break;
        case 'browse':
          browsePage(ctx);
          break;
        case 'themes':
          themesPage(ctx);
          break;
        case 'review':
          reviewPage(ctx);
          break;
        case 'graph':
          await graphPage(ctx);
          break;
        case 'entity':
          await entityPage(ctx);
          break;
        case 'mandate':
          await mandatePage(ctx);
          break;
        case 'summit':
          await summitPage(ctx);
          break;
        case 'document':
          await documentPage(ctx);
          break;
        case 'node':
          await nodePage(ctx);
          break;
        default:
          notFoundPage(ctx, route.path);
      }
    }
  } catch (err) {
    if (isAbort(err) || ctl.signal.aborted) return;
    document.title = 'Error — summitgraph';
    replace(main, h('h1', { tabindex: '-1' }, 'Could not show this page'), errorBox(err), h('p', null, h('a', { href: '#/' }, 'Go to the start page')));
  } finally {
    if (!ctl.signal.aborted) main.removeAttribute('aria-busy');
  }
  if (ctl.signal.aborted) return;
  // After a navigation, put the keyboard and screen reader on the new page's title.
  if (!first && document.activeElement !== input) {
    const h1 = main.querySelector<HTMLElement>('h1');
    h1?.focus({ preventScroll: true });
  }
  first = false;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = input.value.trim();
  const target = `#/search?q=${encodeURIComponent(q)}`;
  if (location.hash === target) void render();
  else location.hash = target;
});

window.addEventListener('hashchange', () => {
  window.scrollTo(0, 0);
  void render();
});

// Never a blank page: anything unexpected is shown.
function showUnexpected(err: unknown): void {
  if (isAbort(err)) return;
  console.error(err);
  main.prepend(errorBox(err, 'part of this page'));
}
window.addEventListener('error', (e) => showUnexpected(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => showUnexpected(e.reason));

document.querySelector('[data-skip]')?.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});

installTooltips(tip);
installSearchKeys();
void render();
