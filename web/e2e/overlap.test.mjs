// End-to-end: a summit's overlap report (Query.overlap) on its page, through
// the real `summitgraph serve --token`, with summit documents of the
// evaluation set (nlp/testdata/eval) ingested by ingestDocument: Lima 2018,
// Panama 2015 and Los Angeles 2022, whose mandates renew earlier ones. What
// the page shows (summary, per-summit table, renewals, mandates not renewed)
// is checked against the API, with and without a theme from the route.
// Screenshots in test-results/overlap/.

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { axe, gql, ingestFiles, launch, repoRoot, resultsDir, screenshot, startServer, watch } from './harness.mjs';

const TOKEN = 'e2e-overlap-token-0123456789';
const WAIT = { timeout: 30_000 };
const dir = 'overlap';
const EVAL = path.join(repoRoot, 'nlp', 'testdata', 'eval');
const FILES = [
  'documents/lima_2018_commitment_en.txt',
  'documents/los_angeles_2022_action_plan_democratic_governance_en.txt',
  'documents/panama_2015_mandatos_para_la_accion_es.txt',
  'pages/democracy_fight_against_corruption_en.txt',
];
const REPORT = `query($s: ID!, $t: ID) { overlap(summit: $s, theme: $t) {
  mandates renewing
  summits { summit { id label } mandates renewing renewed notRenewed }
  renewals(first: 20) { totalCount edges { node { score from { id } to { id } } } }
  notRenewed(first: 20) { totalCount edges { node { id } } }
} }`;

let server;
let browser;
let page;
const problems = [];

before(async () => {
  await rm(path.join(resultsDir, dir), { recursive: true, force: true });
  server = await startServer({ args: ['--token', `e2e=${TOKEN}`] });
  await ingestFiles(server.url, EVAL, FILES, TOKEN);
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(30_000);
  watch(page, problems);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** shown reads the report as the page shows it. */
async function shown() {
  await page.locator('section.overlap .overlap-summary').waitFor(WAIT);
  await page.locator('section.overlap .overlap-renewals .count').filter({ hasText: /\S/ }).first().waitFor(WAIT);
  await page.locator('section.overlap .overlap-not-renewed .count').filter({ hasText: /\S/ }).first().waitFor(WAIT);
  await page.waitForFunction(() => !document.querySelector('section.overlap [aria-busy="true"]'));
  return page.evaluate(() => {
    const sec = document.querySelector('section.overlap');
    const rows = [...sec.querySelectorAll('.overlap-table tbody tr')].map((tr) => ({
      summit: tr.querySelector('th a').getAttribute('href'),
      cells: [...tr.querySelectorAll('td')].map((td) => Number(td.textContent.replace(/,/g, ''))),
    }));
    const renewals = [...sec.querySelectorAll('.renewal-list li')].map((li) => [...li.querySelectorAll('a.mandate-link')].map((a) => a.dataset.id));
    const notRenewed = [...sec.querySelectorAll('.overlap-not-renewed li a.mandate-link')].map((a) => a.dataset.id);
    return { summary: sec.querySelector('.overlap-summary').textContent, rows, renewals, notRenewed };
  });
}

function expectSame(got, want, what) {
  assert.match(got.summary, new RegExp(`^${want.renewing} of ${want.mandates} mandates? of `), `${what}: summary`);
  assert.deepEqual(
    got.rows,
    want.summits.map((s) => ({ summit: `#/summit/${encodeURIComponent(s.summit.id)}`, cells: [s.mandates, s.renewing, s.renewed, s.notRenewed] })),
    `${what}: one row per earlier summit, with the API's counts`,
  );
  assert.deepEqual(got.renewals, want.renewals.edges.map((e) => [e.node.from.id, e.node.to.id]), `${what}: the first page of renewals, best first`);
  assert.deepEqual(got.notRenewed, want.notRenewed.edges.map((e) => e.node.id), `${what}: the first page of mandates not renewed`);
}

test('a summit page shows its overlap report, also for a theme chosen in the route', async () => {
  const summits = (await gql(server.url, '{ summits { id label } }')).summits;
  let target = null;
  let want = null;
  for (const s of summits) {
    const r = (await gql(server.url, REPORT, { s: s.id })).overlap;
    if (r.renewing > 0 && r.notRenewed.totalCount > 0) {
      target = s;
      want = r;
      break;
    }
  }
  assert.ok(target, 'some summit of the corpus renews earlier mandates and leaves some not renewed');

  await page.goto(`${server.url}/#/summit/${encodeURIComponent(target.id)}`);
  const got = await shown();
  expectSame(got, want, target.label);
  assert.ok(got.renewals.length > 0);
  const evidence = await page.locator('section.overlap .renewal .evidence').first().textContent();
  assert.ok(evidence.trim().length > 0, 'each renewal says what matched');
  assert.deepEqual(await axe(page), [], 'summit page with its overlap report: no WCAG 2.1 A/AA violation (axe-core)');
  await screenshot(page, `${dir}/01-summit.png`);

  // A theme: picked in the page, the route carries it, and the report is the API's for that theme.
  const themes = (await gql(server.url, '{ entities(filter: {kind: THEME}, first: 500) { edges { node { id } } } }')).entities.edges.map((e) => e.node.id);
  let theme = null;
  for (const t of themes) {
    const r = (await gql(server.url, REPORT, { s: target.id, t })).overlap;
    if (r.mandates > 0) {
      theme = t;
      want = r;
      break;
    }
  }
  assert.ok(theme, 'a theme the summit speaks of');
  await page.locator('#overlap-theme option').nth(1).waitFor({ state: 'attached', ...WAIT });
  await page.selectOption('#overlap-theme', theme);
  await page.waitForFunction((t) => location.hash.includes(`theme=${encodeURIComponent(t)}`), theme);
  expectSame(await shown(), want, `${target.label}, theme ${theme}`);
  await screenshot(page, `${dir}/02-theme.png`);

  // The same view from its link alone.
  await page.goto('about:blank');
  await page.goto(`${server.url}/#/summit/${encodeURIComponent(target.id)}?theme=${encodeURIComponent(theme)}`);
  expectSame(await shown(), want, 'shared link');
  assert.equal(await page.locator('#overlap-theme').inputValue(), theme);

  // A renewal's mandate link leads to that mandate's page.
  const first = want.renewals.edges[0]?.node.from.id;
  if (first) {
    await page.locator(`section.overlap .renewal a.mandate-link[data-id="${first}"]`).first().click();
    await page.waitForFunction((id) => decodeURIComponent(location.hash) === `#/mandate/${id}`, first);
  }
  assert.deepEqual(problems, []);
});
