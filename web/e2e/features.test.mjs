// End-to-end: the explorer's views through the real `summitgraph serve` on
// the seed corpus: mandate titles, the graph (layout that keeps what is
// drawn, edge styles, hover, filters, collapse, export, shareable state),
// browse with mention counts, search by kind (on the server: searchPage), the summit × theme matrix and
// an entity's chart. Every figure shown is checked against the API, every
// page against axe-core. Screenshots in test-results/features/.

import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { axe, gql, launch, resultsDir, screenshot, startServer, watch } from './harness.mjs';

const CONVENTION = 'convention/inter-american-convention-against-corruption';
const CORRUPTION = 'theme/corruption';
const LIMA = 'summit/2018-lima';
const WAIT = { timeout: 30_000 };
// The edge colours of src/kinds.ts, as the browser reports them.
const EDGE_RGB = {
  MENTIONS: 'rgb(34,85,85)',
  FROM: 'rgb(138,109,0)',
  ISSUED_AT: 'rgb(153,68,51)',
  PART_OF: 'rgb(34,34,85)',
  REFERENCES: 'rgb(170,51,119)',
  SIMILAR: 'rgb(136,34,85)',
  MONITORS: 'rgb(34,85,34)',
};

let server;
let browser;
let page;
const problems = [];
const dir = 'features';

before(async () => {
  await rm(path.join(resultsDir, dir), { recursive: true, force: true });
  server = await startServer();
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(30_000);
  watch(page, problems);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** open goes to a route of the explorer and waits for selector. */
async function open(route, selector) {
  const res = await page.goto(`${server.url}/${route}`);
  if (res) assert.equal(res.status(), 200); // null: only the hash changed (the router draws the page)
  if (selector) await page.locator(selector).first().waitFor(WAIT);
}

async function noViolations(name) {
  assert.deepEqual(await axe(page), [], `${name}: no WCAG 2.1 A/AA violation (axe-core)`);
}

/** graphReady waits until the graph section has drawn its start (and the nodes a link names). */
async function graphReady(sel = 'section.graph[data-ready="true"]') {
  await page.locator(sel).waitFor(WAIT);
  await page.waitForFunction(() => !document.querySelector('section.graph')?.hasAttribute('aria-busy'), null, WAIT);
}

const cyEval = (fn, arg) => page.$eval('.graph-canvas', fn, arg);

async function neighbourIds(id) {
  const d = await gql(server.url, 'query($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id } } }', { id });
  return d.neighborhood.nodes.map((n) => n.id);
}

function hash() {
  return decodeURIComponent(new URL(page.url()).hash);
}

test('mandate titles tell mandates apart', async () => {
  await open(`#/summit/${LIMA}`, 'ul.mandate-list a.mandate-link');
  await page.locator('section.mandates .paginated p.count', { hasText: 'mandate' }).waitFor();
  const titles = await page.locator('section.mandates ul.mandate-list a.mandate-link').allTextContents();
  const api = await gql(
    server.url,
    'query($s: ID!) { mandates(filter: {summit: $s}, first: 50) { totalCount edges { node { id label number parent { id } document { title } } } } }',
    { s: LIMA },
  );
  assert.equal(titles.length, Math.min(50, api.mandates.totalCount));
  assert.equal(new Set(titles).size, titles.length, `every title differs: ${titles.join(' | ')}`);
  for (const [i, t] of titles.entries()) {
    const m = api.mandates.edges[i].node;
    assert.ok(t.startsWith(`${m.document.title} · `), `on a summit's page a title starts with its document: ${t}`);
    assert.doesNotMatch(t, /^Mandate 1\b|· 1 “/, 'no compilation "1"');
    if (m.parent || m.number !== '1') assert.ok(t.includes(`${m.number} “`), `a real number is kept: ${t} (${m.number})`);
  }
  assert.equal(await page.getByText(/Mandate 1\b/).count(), 0, 'nowhere "Mandate 1"');
  await noViolations('summit page');
  await screenshot(page, `${dir}/01-summit-titles.png`);

  // The document page lists its mandates by first words.
  const doc = await gql(server.url, 'query($s: ID!) { node(id: $s) { ... on Summit { documents { id } } } }', { s: LIMA });
  await open(`#/document/${doc.node.documents[0].id}`, 'ul.mandate-list a.mandate-link');
  const docTitles = await page.locator('ul.mandate-list a.mandate-link').allTextContents();
  assert.equal(new Set(docTitles).size, docTitles.length);
  assert.ok(docTitles.every((t) => /^(\S+ )?“/.test(t)), `number and first words only: ${docTitles[0]}`);
  await noViolations('document page');
});

test('the graph: layout, edge styles, hover, filters, collapse, export, link', async (t) => {
  let failed = null;
  const step = (name, fn) =>
    t.test(name, failed ? { skip: `after the failure of “${failed}”` } : {}, async () => {
      try {
        await fn();
      } catch (err) {
        failed = name;
        await screenshot(page, `${dir}/graph-failure.png`).catch(() => {});
        throw err;
      }
    });
  let root;
  let target;
  let union;

  await step('the start is the neighbourhood, laid out', async () => {
    await open(`#/entity/${CONVENTION}`);
    await graphReady();
    root = await neighbourIds(CONVENTION);
    const n = await cyEval((el) => el.cy.nodes().length);
    assert.equal(n, root.length);
    assert.ok(Number(await page.locator('.graph-canvas').getAttribute('data-layout-ms')) >= 0, 'fcose ran');
  });

  await step('expanding places the new nodes beside it and moves nothing else', async () => {
    await page.locator('.graph-canvas').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // let the fit settle before clicking
    const before = await cyEval((el) => Object.fromEntries(el.cy.nodes().map((n) => [n.id(), n.position()])));
    target = await cyEval((el) => {
      const n = el.cy.nodes('[kind = "MANDATE"]').first();
      const p = n.renderedPosition();
      const r = el.getBoundingClientRect();
      return { id: n.id(), x: r.left + p.x, y: r.top + p.y };
    });
    const more = await neighbourIds(target.id);
    union = new Set([...root, ...more]);
    assert.ok(union.size > root.length, 'the mandate has neighbours not drawn yet');
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, union.size, WAIT);
    await page.waitForFunction(() => !document.querySelector('section.graph')?.hasAttribute('aria-busy'), null, WAIT);
    const after = await cyEval((el) => Object.fromEntries(el.cy.nodes().map((n) => [n.id(), n.position()])));
    for (const [id, p] of Object.entries(before)) {
      assert.ok(Math.hypot(after[id].x - p.x, after[id].y - p.y) < 0.5, `${id} stayed where it was: ${JSON.stringify(p)} → ${JSON.stringify(after[id])}`);
    }
    const o = after[target.id];
    const fresh = [...union].filter((id) => !(id in before));
    const old = Object.keys(before).filter((id) => id !== target.id);
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const toOrigin = mean(fresh.map((id) => Math.hypot(after[id].x - o.x, after[id].y - o.y)));
    const toOthers = mean(fresh.map((id) => mean(old.map((k) => Math.hypot(after[id].x - after[k].x, after[id].y - after[k].y)))));
    assert.ok(toOrigin < toOthers, `new nodes are beside the expanded node (mean distance ${toOrigin.toFixed(0)}) rather than among the rest (${toOthers.toFixed(0)})`);
    assert.match(hash(), new RegExp(`g\\.expand=${target.id}`), 'the address keeps the expansion');
    await screenshot(page.locator('section.graph'), `${dir}/02-graph-expanded.png`);
  });

  await step('edges are coloured by type and labelled', async () => {
    const edges = await cyEval((el) => el.cy.edges().map((e) => ({ type: e.data('type'), color: e.style('line-color').replace(/\s/g, ''), label: e.data('text') })));
    assert.ok(edges.length > 0);
    for (const e of edges) {
      if (EDGE_RGB[e.type]) assert.equal(e.color, EDGE_RGB[e.type], `${e.type} edges in their colour`);
      assert.ok(e.label.length > 0, 'every edge has a label');
    }
    const legend = await page.locator('ul.filter-list.types li').allTextContents();
    const types = [...new Set(edges.map((e) => e.type))];
    assert.equal(legend.length, types.length, `one legend entry per edge type drawn: ${legend}`);
  });

  await step('hovering an edge shows its type and weight', async () => {
    const e = await cyEval((el) => {
      // The weighted edge whose midpoint lies farthest from every other
      // edge's midpoint and every node, so the pointer is over it alone.
      const mids = el.cy.edges().map((x) => [x.id(), x.renderedMidpoint()]);
      const nodes = el.cy.nodes().map((n) => n.renderedPosition());
      const clear = (x) => {
        const m = x.renderedMidpoint();
        const d = [...mids.filter(([id]) => id !== x.id()).map(([, q]) => q), ...nodes].map((q) => Math.hypot(q.x - m.x, q.y - m.y));
        return d.length ? Math.min(...d) : Infinity;
      };
      const weighted = el.cy.edges().filter((x) => x.data('weight') != null && x.source().id() !== x.target().id());
      let edge = weighted.first();
      for (const x of weighted) if (clear(x) > clear(edge)) edge = x;
      const p = edge.renderedMidpoint();
      const r = el.getBoundingClientRect();
      return { id: edge.id(), weight: edge.data('weight'), x: r.left + p.x, y: r.top + p.y };
    });
    await page.locator('.graph-canvas').scrollIntoViewIfNeeded();
    await page.mouse.move(e.x - 20, e.y - 20);
    await page.mouse.move(e.x, e.y, { steps: 4 });
    const tip = page.locator('.graph-hover');
    await tip.waitFor({ state: 'visible' });
    const text = await tip.textContent();
    assert.ok(text.includes(`weight ${e.weight.toFixed(2)}`), `hover: ${text}`);
    await page.mouse.move(0, 0);
  });

  await step('filters hide node kinds and edge types, and are kept in the address', async () => {
    await page.locator('section.graph input[data-filter="kind"][value="MANDATE"]').uncheck();
    const kinds = await cyEval((el) => el.cy.nodes(':visible').map((n) => n.data('kind')));
    assert.ok(kinds.length > 0 && !kinds.includes('MANDATE'), `no mandate shown: ${kinds}`);
    assert.match(hash(), /g\.hide=MANDATE/);
    await page.locator('section.graph input[data-filter="kind"][value="MANDATE"]').check();
    await page.locator('section.graph input[data-filter="type"][value="MENTIONS"]').uncheck();
    const types = await cyEval((el) => el.cy.edges(':visible').map((e) => e.data('type')));
    assert.ok(!types.includes('MENTIONS'), `no mention edge shown: ${types}`);
    assert.equal(await cyEval((el) => el.cy.nodes(':visible').length), union.size, 'every node shown again');
    await screenshot(page.locator('section.graph'), `${dir}/03-graph-filtered.png`);
    await page.locator('section.graph input[data-filter="type"][value="MENTIONS"]').check();
    assert.doesNotMatch(hash(), /g\.hide/);
  });

  await step('the view exports as PNG, SVG, Cytoscape JSON and GraphML', async () => {
    const shown = await cyEval((el) => ({ nodes: el.cy.nodes(':visible').length, edges: el.cy.edges(':visible').length }));
    const grab = async (name) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('section.graph .export button', { hasText: name }).click()]);
      const file = path.join(resultsDir, dir, dl.suggestedFilename());
      await dl.saveAs(file);
      return { name: dl.suggestedFilename(), data: await readFile(file) };
    };
    const png = await grab('PNG');
    assert.match(png.name, /\.png$/);
    assert.deepEqual([...png.data.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    const svg = await grab('SVG');
    const svgText = svg.data.toString('utf8');
    assert.match(svgText, /<svg[\s>]/);
    assert.ok((svgText.match(/<path|<circle|<polygon|<rect/g) ?? []).length >= shown.nodes, 'the SVG draws the nodes');
    const json = JSON.parse((await grab('Cytoscape JSON')).data.toString('utf8'));
    assert.equal(json.elements.nodes.length, shown.nodes);
    assert.equal(json.elements.edges.length, shown.edges);
    assert.ok(json.elements.nodes.every((n) => n.data.id && n.data.kind && n.data.label && n.position));
    const gml = (await grab('GraphML')).data.toString('utf8');
    assert.match(gml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml /);
    assert.equal((gml.match(/<node /g) ?? []).length, shown.nodes);
    assert.equal((gml.match(/<edge /g) ?? []).length, shown.edges);
    // The SVG is a picture a browser can show.
    const img = await browser.context.newPage();
    await img.setContent(`<img id="x" src="data:image/svg+xml;base64,${svg.data.toString('base64')}">`);
    assert.ok(await img.$eval('#x', (el) => el.decode().then(() => el.naturalWidth > 0)));
    await img.close();
  });

  let link;
  await step('a link restores the view', async () => {
    await page.locator('section.graph input[data-filter="kind"][value="THEME"]').uncheck();
    link = page.url();
    const other = await browser.context.newPage();
    const errs = [];
    watch(other, errs);
    await other.goto(link);
    await other.locator('section.graph[data-ready="true"]').waitFor(WAIT);
    await other.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, union.size, WAIT);
    const ids = await other.$eval('.graph-canvas', (el) => el.cy.nodes().map((n) => n.id()));
    assert.deepEqual(new Set(ids), union);
    const hidden = await other.$eval('.graph-canvas', (el) => el.cy.nodes(':visible').filter((n) => n.data('kind') === 'THEME').length);
    assert.equal(hidden, 0, 'the filter is restored');
    assert.equal(await other.locator('input[data-filter="kind"][value="THEME"]').isChecked(), false);
    await other.close();
    assert.deepEqual(errs, []);
    await page.locator('section.graph input[data-filter="kind"][value="THEME"]').check();
  });

  await step('collapse takes back what an expansion brought', async () => {
    await page.evaluate((id) => void document.querySelector('.graph-canvas').cy.getElementById(id).emit('tap'), target.id);
    await page.locator('.graph-selection button.collapse').click();
    await page.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, root.length, WAIT);
    const ids = await cyEval((el) => el.cy.nodes().map((n) => n.id()));
    assert.deepEqual(new Set(ids), new Set(root));
    assert.doesNotMatch(hash(), /g\.expand/);
    // The keyboard way: the list under the graph expands and collapses too.
    await page.locator('section.graph details.graph-details > summary').click();
    await page.locator(`.graph-list li:has(a[href$="${target.id}"]) button`, { hasText: 'Expand' }).click();
    await page.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, union.size, WAIT);
    await page.locator(`.graph-list li:has(a[href$="${target.id}"]) button`, { hasText: 'Collapse' }).click();
    await page.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, root.length, WAIT);
  });

  await step('the graph page alone', async () => {
    await page.goto(link.replace(`#/entity/${CONVENTION}`, `#/graph/${CONVENTION}`));
    await graphReady();
    await page.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, union.size, WAIT);
    await page.getByRole('heading', { level: 1, name: /^Graph of / }).waitFor();
    await noViolations('graph page');
    await screenshot(page, `${dir}/04-graph-page.png`);
  });
});

test('browse: entities with their mention counts, sortable, linkable', async () => {
  const api = await gql(server.url, '{ entities(filter: {kind: INSTITUTION}, first: 500) { totalCount edges { node { id name mentions(first: 0) { totalCount } } } } }');
  const all = api.entities.edges.map((e) => ({ id: e.node.id, name: e.node.name, n: e.node.mentions.totalCount }));
  const mentioned = all.filter((e) => e.n > 0);
  await open('#/browse?kind=INSTITUTION', 'table.browse-table tbody tr');
  const rows = async () =>
    page.locator('table.browse-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ id: tr.dataset.id, n: Number(tr.querySelector('td[data-count]').dataset.count) })));
  let shown = await rows();
  assert.equal(shown.length, mentioned.length, 'only the mentioned ones by default');
  assert.ok(mentioned.length < all.length, 'the seed has institutions never mentioned');
  const byId = new Map(all.map((e) => [e.id, e.n]));
  for (const r of shown) assert.equal(r.n, byId.get(r.id), `${r.id}: the API's count`);
  assert.ok(shown.every((r, i) => i === 0 || shown[i - 1].n >= r.n), 'most mentioned first');
  assert.equal(await page.locator('th[aria-sort="descending"] button[data-sort="mentions"]').count(), 1);
  await noViolations('browse');
  await screenshot(page, `${dir}/05-browse.png`);

  // Sort by name, with the keyboard.
  await page.locator('button.sort[data-sort="name"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('th[aria-sort="ascending"] button[data-sort="name"]').waitFor();
  const names = await page.locator('table.browse-table tbody tr td:first-child a').allTextContents();
  const sorted = [...names].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare);
  assert.deepEqual(names, sorted, 'A to Z');
  assert.match(hash(), /sort=name&dir=asc/);

  // All of them, and the link keeps it.
  await page.getByLabel('also those never mentioned').check();
  await page.waitForFunction((n) => document.querySelectorAll('table.browse-table tbody tr').length === n, all.length, WAIT);
  assert.match(hash(), /all=1/);
  const url = page.url();
  await page.goto(`${server.url}/`);
  await page.goto(url);
  await page.locator('table.browse-table tbody tr').first().waitFor();
  shown = await rows();
  assert.equal(shown.length, all.length);
  assert.equal(await page.getByLabel('also those never mentioned').isChecked(), true);
});

test('search results filtered by kind, in the address', async () => {
  const api = (await gql(server.url, '{ searchPage(text: "corruption", first: 20) { totalCount kinds { kind count } } }')).searchPage;
  const conventions = (await gql(server.url, '{ searchPage(text: "corruption", filter: {kinds: [CONVENTION]}, first: 20) { edges { node { node { id } } } } }')).searchPage.edges.map((e) => e.node.node.id);
  assert.equal(api.kinds.find((k) => k.kind === 'CONVENTION')?.count, conventions.length, 'the facet counts what the filter keeps');
  assert.ok(conventions.length > 0 && conventions.length < api.totalCount);
  await open('#/search?q=corruption', 'ol.results a.hit');
  const label = page.locator('fieldset.search-filter label', { hasText: 'convention' });
  assert.equal((await label.textContent()).trim(), `convention ${conventions.length}`, 'the count of each kind');
  await page.locator('fieldset.search-filter input[data-kind="CONVENTION"]').check();
  await page.waitForFunction((n) => document.querySelectorAll('ol.results > li').length === n, conventions.length, WAIT);
  const ids = await page.locator('ol.results a.hit').evaluateAll((as) => as.map((a) => a.dataset.id));
  assert.deepEqual(ids, conventions, 'the conventions, in the API order');
  assert.match(hash(), /kind=CONVENTION/);
  await noViolations('search, filtered');
  await screenshot(page, `${dir}/06-search-kind.png`);
  await page.reload();
  await page.locator('ol.results a.hit').first().waitFor();
  assert.equal(await page.locator('ol.results > li').count(), conventions.length, 'a link keeps the filter');
  // Mandates are titled by summit and first words there too.
  await page.locator('fieldset.search-filter input[data-kind="CONVENTION"]').uncheck();
  await page.locator('fieldset.search-filter input[data-kind="MANDATE"]').check();
  const titles = await page.locator('ol.results a.hit').allTextContents();
  assert.ok(titles.length > 0 && titles.every((t) => t.includes('“')), `mandate results by first words: ${titles[0]}`);
});

test('themes: the summit × theme matrix and an entity per summit', async () => {
  const trace = async (id) =>
    new Map((await gql(server.url, 'query($id: ID!) { trace(entity: $id) { steps { count summit { id } } } }', { id })).trace.steps.map((s) => [s.summit.id, s.count]));
  await open('#/themes', 'svg.heatmap');
  const counts = await trace(CORRUPTION);
  const cells = await page.locator(`svg.heatmap g.cell[data-row="${CORRUPTION}"]`).evaluateAll((gs) => gs.map((g) => [g.dataset.col, Number(g.dataset.count)]));
  assert.ok(cells.length > 0);
  for (const [col, n] of cells) assert.equal(n, counts.get(col) ?? 0, `corruption at ${col}`);
  // The table behind holds the same numbers, and its links are the keyboard's way in.
  await page.locator('section.agenda-matrix details.chart-table > summary').click();
  const tableCounts = await page.locator('table.heat-table tbody tr', { has: page.locator('th', { hasText: /^Corruption$/ }) }).locator('td').evaluateAll((tds) => tds.map((td) => Number(td.dataset.count)));
  assert.deepEqual(tableCounts, cells.map(([, n]) => n));
  await noViolations('themes');
  await screenshot(page, `${dir}/07-themes.png`);

  const link = page.locator('table.heat-table a[href*="summit=summit/2018-lima"][href*="theme=theme/corruption"]');
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/themes\?summit=summit\/2018-lima&theme=theme\/corruption/);
  const cell = await gql(server.url, '{ mandates(filter: {summit: "summit/2018-lima", mentions: "theme/corruption"}, first: 50) { totalCount edges { node { id } } } }');
  await page.locator('section.agenda-cell .paginated p.count').filter({ hasText: 'mandate' }).waitFor();
  const ids = await page.locator('section.agenda-cell a.mandate-link').evaluateAll((as) => as.map((a) => a.dataset.id));
  assert.deepEqual(ids, cell.mandates.edges.map((e) => e.node.id), "the cell's mandates, as the API lists them");
  assert.equal(cell.mandates.totalCount, counts.get(LIMA), 'the cell count is the number of mandates');
  assert.equal(await page.locator(`svg.heatmap g.cell.selected[data-row="${CORRUPTION}"][data-col="${LIMA}"]`).count(), 1);
  await noViolations('themes, a cell');

  // One entity across the summits: bars and their table.
  await page.locator('#agenda-entity').selectOption(CONVENTION);
  await page.waitForURL(/entity=convention/);
  await page.locator('svg.bars').waitFor();
  const per = await trace(CONVENTION);
  const barCounts = await page.locator('svg.bars g.bar').evaluateAll((gs) => gs.map((g) => [g.dataset.id, Number(g.dataset.count)]));
  const summits = (await gql(server.url, '{ summits { id } }')).summits.map((s) => s.id);
  assert.deepEqual(barCounts.map(([id]) => id), summits, 'one bar per summit, in order');
  for (const [id, n] of barCounts) assert.equal(n, per.get(id) ?? 0, `${id}`);
  await noViolations('themes, an entity');
  await screenshot(page.locator('section.agenda-entity'), `${dir}/08-entity-chart.png`);
});

test('the start page shows the matrix and the browse table', async () => {
  await open('', 'svg.heatmap');
  await page.locator('svg.bars').waitFor();
  await page.locator('table.browse-table tbody tr').first().waitFor();
  assert.ok((await page.locator('svg.heatmap g.cell').count()) > 0);
  await noViolations('start page');
  await screenshot(page, `${dir}/09-start.png`);
});

test('the browser saw no script error', () => {
  assert.deepEqual(problems, []);
});
