// End-to-end: the explorer served by the real `summitgraph serve`, in
// headless Chromium. Run with `npm run e2e` (web/ci.sh does). Screenshots of
// every step go to web/test-results/.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { axe, gql, launch, resultsDir, screenshot, startServer, watch } from './harness.mjs';

const CONVENTION = 'convention/inter-american-convention-against-corruption';
const CONVENTION_NAME = 'Inter-American Convention against Corruption';
const TRACE = ['Santiago 1998', 'Québec City 2001', 'Los Angeles 2022'];
const WAIT = { timeout: 20_000 };

let server;
let browser;
let page;
const problems = []; // page errors and failed API calls seen by the browser

before(async () => {
  await rm(path.join(resultsDir, 'explorer'), { recursive: true, force: true }); // no stale screenshots
  server = await startServer();
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(20_000);
  watch(page, problems);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function graphCount(sel = '.graph-canvas') {
  return page.$eval(sel, (el) => ({
    attr: Number(el.dataset.nodes ?? -1),
    nodes: el.cy ? el.cy.nodes().length : -1,
    edges: el.cy ? el.cy.edges().length : -1,
  }));
}

async function neighbourIds(id) {
  const d = await gql(server.url, 'query($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id } } }', { id });
  return d.neighborhood.nodes.map((n) => n.id);
}

test('the explorer, from search to a mandate', async (t) => {
  // The steps are one journey: after a failure the rest are skipped, not timed out one by one.
  let failed = null;
  const step = (name, fn) =>
    t.test(name, failed ? { skip: `after the failure of “${failed}”` } : {}, async (st) => {
      try {
        await fn(st);
      } catch (err) {
        failed = name;
        await screenshot(page, 'explorer/failure.png').catch(() => {});
        throw err;
      }
    });

  await step('the start page loads', async () => {
    const res = await page.goto(`${server.url}/`);
    assert.equal(res.status(), 200);
    await page.getByRole('heading', { level: 1, name: 'The mandates of the Summits of the Americas' }).waitFor();
    const stats = await gql(server.url, '{ stats { mandates summits } }');
    // The statistics shown are the API's.
    const shown = await page.locator('dl.stats dd').first().textContent(WAIT);
    assert.equal(shown, stats.stats.summits.toLocaleString('en'));
    await page.locator('dl.stats dd').nth(2).waitFor();
    assert.equal(await page.locator('dl.stats dd').nth(2).textContent(), stats.stats.mandates.toLocaleString('en'));
    assert.deepEqual(await axe(page), [], 'no WCAG 2.1 A/AA violation (axe-core)');
    await screenshot(page, 'explorer/01-start.png');
  });

  await step('search "corruption" with the keyboard', async () => {
    await page.getByRole('searchbox', { name: 'Search mandates and entities' }).focus();
    await page.keyboard.type('corruption');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/search\?q=corruption$/);
    await page.getByRole('heading', { level: 1, name: /^Search: .?corruption.?$/ }).waitFor();
    const results = page.locator('ol.results > li');
    await results.first().waitFor();
    const api = await gql(server.url, '{ search(text: "corruption", first: 20) { node { id } } }');
    assert.equal(await results.count(), api.search.length, 'one list item per search hit');
    const ids = await page.locator('ol.results a.hit').evaluateAll((as) => as.map((a) => a.dataset.id));
    assert.deepEqual(ids, api.search.map((hit) => hit.node.id), 'results in the API order');
    assert.ok(ids.includes(CONVENTION), 'the convention is among the results');
    // The down arrow moves from the search box to the first result.
    await page.getByRole('searchbox').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), ids[0]);
    assert.deepEqual(await axe(page), [], 'no WCAG 2.1 A/AA violation (axe-core)');
    await screenshot(page, 'explorer/02-search.png');
  });

  await step('open the Inter-American Convention against Corruption', async () => {
    await page.locator(`ol.results a.hit[data-id="${CONVENTION}"]`).click();
    await page.waitForURL(new RegExp(`#/entity/${CONVENTION}$`));
    await page.getByRole('heading', { level: 1, name: CONVENTION_NAME, exact: true }).waitFor();
    // Names exactly as the API gives them, accents included.
    await page.locator('.subtitle', { hasText: 'Convención Interamericana contra la Corrupción' }).waitFor();
    const aliases = await page.locator('ul.chips li').allTextContents();
    assert.ok(aliases.includes('1996 Inter-American Convention against Corruption'), `aliases shown: ${aliases}`);
  });

  await step('its timeline shows three summits in order', async () => {
    const steps = page.locator('svg.timeline a.timeline-step');
    await steps.first().waitFor();
    assert.equal(await steps.count(), 3);
    const labels = await page.locator('svg.timeline .step-label').allTextContents();
    assert.deepEqual(labels, TRACE);
    const xs = await page.locator('svg.timeline .step-dot').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    assert.ok(xs[0] < xs[1] && xs[1] < xs[2], `summits left to right by date: ${xs}`);
    // 1998→2001 is 3 years, 2001→2022 is 21: a time axis, not evenly spaced.
    assert.ok(xs[2] - xs[1] > 4 * (xs[1] - xs[0]), `spacing follows time: ${xs}`);
    const counts = await steps.evaluateAll((as) => as.map((a) => Number(a.dataset.count)));
    // 2022 has two: the MESICIC mandate names the Convention inside the mechanism's
    // longer name (a nested mention), beside the one that names it outright.
    assert.deepEqual(counts, [1, 1, 2]);
    await screenshot(page.locator('section.trace'), 'explorer/03-timeline.png');
    assert.deepEqual(await axe(page), [], 'no WCAG 2.1 A/AA violation (axe-core)');
    await screenshot(page, 'explorer/03-entity.png');
  });

  await step('its mentions show the mandate text with the matched words highlighted', async () => {
    const items = page.locator('li.mention');
    await items.first().waitFor();
    const d = await gql(
      server.url,
      'query($id: ID!) { node(id: $id) { ... on Entity { mentions(first: 50) { totalCount edges { node { surface method confidence mandate { id } } } } } } }',
      { id: CONVENTION },
    );
    const mentions = d.node.mentions.edges.map((e) => e.node);
    assert.equal(await page.locator('.mentions p.count').textContent(), `${d.node.mentions.totalCount} mentions.`);
    assert.equal(await items.count(), new Set(mentions.map((m) => m.mandate.id)).size, 'one item per mandate');
    const marks = page.locator('li.mention mark.hl-mention');
    assert.deepEqual(await marks.allTextContents(), mentions.map((m) => m.surface), 'highlighted words are the surfaces');
    // Method and confidence on hover.
    await marks.first().hover();
    const tip = page.locator('#tip');
    await tip.waitFor({ state: 'visible' });
    const tipText = await tip.textContent();
    assert.ok(tipText.includes(mentions[0].method) && tipText.includes(mentions[0].confidence.toFixed(2)), `tooltip: ${tipText}`);
    await page.mouse.move(0, 0);
  });

  await step('the graph is drawn and grows on click', async () => {
    const canvas = page.locator('.graph-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const root = await neighbourIds(CONVENTION);
    await page.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, root.length, WAIT);
    const before = await graphCount();
    assert.equal(before.nodes, root.length, 'cytoscape holds the neighbourhood');
    assert.equal(before.attr, before.nodes);
    assert.ok(before.edges > 0, 'with edges');
    // Something was painted on the canvas.
    const painted = await page.$$eval('.graph-canvas canvas', (cs) =>
      cs.some((c) => {
        const ctx = c.getContext('2d');
        if (!ctx || !c.width || !c.height) return false;
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
        return false;
      }),
    );
    assert.ok(painted, 'the graph canvas is not blank');
    await page.waitForTimeout(300); // let the fit settle before clicking
    // Click a mandate node: its neighbourhood is fetched and merged.
    const target = await page.$eval('.graph-canvas', (el) => {
      const n = el.cy.nodes('[kind = "MANDATE"]').first();
      const p = n.renderedPosition();
      const r = el.getBoundingClientRect();
      return { id: n.id(), x: r.left + p.x, y: r.top + p.y };
    });
    const more = await neighbourIds(target.id);
    const union = new Set([...root, ...more]).size;
    assert.ok(union > root.length, 'the clicked node has neighbours not drawn yet');
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction((n) => document.querySelector('.graph-canvas')?.cy?.nodes().length === n, union, WAIT);
    await page.locator('.graph-selection .selected-label').waitFor();
    await page.locator('.graph-status', { hasText: `${union} nodes` }).waitFor();
    assert.equal((await graphCount()).attr, union);
    // The kind filter names every kind, with its shape and colour; every kind is shown.
    assert.deepEqual(await page.locator('section.graph ul.filter-list.kinds li').allTextContents(), [
      'summit', 'document', 'mandate', 'convention', 'institution', 'theme',
    ].map((k) => ` ${k}`));
    assert.deepEqual(await page.locator('section.graph ul.filter-list.kinds input').evaluateAll((bs) => bs.map((b) => b.checked)), Array(6).fill(true));
    await screenshot(page.locator('section.graph'), 'explorer/04-graph.png');
  });

  let mandateId;
  await step('open a mandate: its text with the mentions highlighted', async () => {
    const link = page.locator('li.mention h3 a').first();
    mandateId = (await page.locator('li.mention').first().getAttribute('data-mandate'));
    await link.click();
    await page.waitForURL(new RegExp(`#/mandate/${mandateId}$`));
    const d = await gql(
      server.url,
      'query($id: ID!) { node(id: $id) { ... on Mandate { number label text summit { label } document { title } mentions { surface method confidence entity { id } } references { surface } } } }',
      { id: mandateId },
    );
    const m = d.node;
    // Titled by summit, document and first words (the number only where it is real).
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.waitFor();
    const title = await h1.textContent();
    assert.ok(title.startsWith(`${m.summit.label} · ${m.document.title} · `), `title: ${title}`);
    assert.ok(title.includes(m.label.replace(/^1\.\s+/, '').slice(0, 30)), `title ${title} has the first words of ${m.label}`);
    assert.doesNotMatch(title, /Mandate 1\b/);
    const text = page.locator('blockquote.mandate-text.full');
    assert.equal(await text.textContent(), m.text, 'the text exactly as the API returns it');
    const distinct = await text.locator('mark.hl-mention').evaluateAll((ms) => new Set(ms.map((x) => x.dataset.mention)).size);
    assert.equal(distinct, m.mentions.length, 'every mention highlighted');
    assert.equal(await text.locator('mark.hl-ref').count() >= m.references.length, true, 'every reference highlighted');
    const conv = m.mentions.find((x) => x.entity.id === CONVENTION);
    assert.ok(conv, 'the mandate mentions the convention');
    const mark = text.locator(`mark.hl-mention[data-entity="${CONVENTION}"]`).first();
    assert.equal(await mark.textContent(), conv.surface);
    await mark.hover();
    await page.locator('#tip', { hasText: `confidence ${conv.confidence.toFixed(2)}` }).waitFor();
    assert.ok((await page.locator('#tip').textContent()).includes(conv.method));
    // The evidence table lists every mention.
    assert.equal(await page.locator('section.mention-table tbody tr').count(), m.mentions.length);
    await page.mouse.move(0, 0);
    assert.deepEqual(await axe(page), [], 'no WCAG 2.1 A/AA violation (axe-core)');
    await screenshot(page, 'explorer/05-mandate.png');
  });

  await step('the back button returns to the entity', async () => {
    await page.goBack();
    await page.waitForURL(new RegExp(`#/entity/${CONVENTION}$`));
    await page.getByRole('heading', { level: 1, name: CONVENTION_NAME, exact: true }).waitFor();
    await page.goForward();
    await page.waitForURL(new RegExp(`#/mandate/${mandateId}$`));
    await page.locator('blockquote.mandate-text.full').waitFor();
  });

  await step('an API error is shown as a message', async () => {
    await page.goto(`${server.url}/#/entity/convention/no-such-thing`);
    const err = page.locator('.error[data-code="NOT_FOUND"]');
    await err.waitFor();
    assert.match(await err.textContent(), /no node with id "convention\/no-such-thing"/);
    assert.deepEqual(await axe(page), [], 'no WCAG 2.1 A/AA violation (axe-core)');
    await screenshot(page, 'explorer/06-error.png');
  });

  await step('the browser saw no script error', () => {
    assert.deepEqual(problems, []);
  });
});
