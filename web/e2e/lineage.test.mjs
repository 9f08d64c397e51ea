// End-to-end: a mandate's lineage (Mandate.links) on its page, through the
// real `summitgraph serve --token`, with summit documents of the evaluation
// set (nlp/testdata/eval) ingested by ingestDocument: the Lima Commitment in
// English, Spanish and Portuguese, a compilation page that quotes it, and
// later and earlier documents that renew it or that it renews. Every link
// shown is checked against the API. Screenshots in test-results/lineage/.

import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { axe, gql, ingestFiles, launch, repoRoot, resultsDir, screenshot, startServer, watch } from './harness.mjs';

const TOKEN = 'e2e-lineage-token-0123456789';
const WAIT = { timeout: 30_000 };
const dir = 'lineage';
const EVAL = path.join(repoRoot, 'nlp', 'testdata', 'eval');
const FILES = [
  'documents/lima_2018_commitment_en.txt',
  'documents/lima_2018_compromiso_es.txt',
  'documents/lima_2018_compromisso_pt.txt',
  'documents/los_angeles_2022_action_plan_democratic_governance_en.txt',
  'documents/panama_2015_mandatos_para_la_accion_es.txt',
  'pages/democracy_fight_against_corruption_en.txt',
];
const LINKS = `query($id: ID!) { node(id: $id) { ... on Mandate { id text language links(first: 50) { type direction score evidence mandate { id text language document { id } } } } } }`;

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

async function noViolations(name) {
  assert.deepEqual(await axe(page), [], `${name}: no WCAG 2.1 A/AA violation (axe-core)`);
}

/** once keeps a link per (type, other mandate): translations and related links come both ways. */
function once(links, type, dir) {
  const seen = new Set();
  return links.filter((l) => l.type === type && (!dir || l.direction === dir) && !seen.has(l.mandate.id) && seen.add(l.mandate.id));
}

test('a paragraph of the Lima Commitment: compiled as, translations side by side, renews and renewed by', async () => {
  const doc = (await gql(server.url, '{ mandates(filter: {document: "document/2018-lima/commitment"}, first: 200) { edges { node { id number } } } }')).mandates.edges;
  const p16 = doc.find((e) => e.node.number === '16')?.node.id;
  assert.ok(p16, 'paragraph 16 of the Lima Commitment');
  const m = (await gql(server.url, LINKS, { id: p16 })).node;
  const tr = once(m.links, 'TRANSLATION');
  assert.ok(tr.length >= 2, `translations: ${tr.length}`);
  await page.goto(`${server.url}/#/mandate/${p16}`);
  await page.locator('section.lineage .lineage-part').first().waitFor(WAIT);

  // Translations side by side: this text first, then each translation's text, with its language.
  const figs = page.locator('section.lineage .side-by-side figure');
  assert.equal(await figs.count(), tr.length + 1);
  const texts = await figs.locator('blockquote').evaluateAll((bs) => bs.map((b) => [b.getAttribute('lang'), b.textContent]));
  assert.equal(m.language, 'en', 'the Lima Commitment in English');
  assert.deepEqual(texts[0], [m.language, m.text]);
  assert.deepEqual(
    texts.slice(1),
    tr.map((l) => [l.mandate.language, l.mandate.text]),
    'each translation, its language (Mandate.language) and its text',
  );
  assert.deepEqual(new Set(tr.map((l) => l.mandate.language)), new Set(['es', 'pt']), 'the Spanish and Portuguese texts');
  // Each list: the API's links of the type and direction, with score and why.
  for (const [cls, type, dir] of [['compiled', 'QUOTES', 'IN'], ['renews', 'RENEWS', 'OUT'], ['renewed-by', 'RENEWS', 'IN'], ['related-links', 'RELATED', null]]) {
    const want = once(m.links, type, dir);
    const items = page.locator(`section.lineage .lineage-part.${cls} li`);
    assert.equal(await items.count(), want.length, `${cls}: ${want.length} links`);
    if (want.length === 0) continue;
    const shown = await items.evaluateAll((lis) =>
      lis.map((li) => [li.dataset.id, li.querySelector('.score').dataset.score, li.querySelector('.link-why').textContent, li.querySelector('.lang')?.dataset.lang ?? null]),
    );
    assert.deepEqual(
      shown.map(([id, score, , lang]) => [id, score, lang]),
      want.map((l) => [l.mandate.id, l.score.toFixed(2), l.mandate.language]),
      `${cls}: ids, scores and languages (Mandate.language) in the API order`,
    );
    shown.forEach(([, , why], i) => assert.ok(why.endsWith(want[i].evidence), `${cls}: why, as the API says: ${why}`));
  }
  assert.ok(once(m.links, 'RENEWS', 'IN').length > 0, 'renewed by a later summit');
  assert.ok(once(m.links, 'QUOTES', 'IN').length > 0, 'compiled on a mandates page');
  await noViolations('mandate, lineage');
  await screenshot(page, `${dir}/01-lima-16.png`);

  // The compiled mandate: where it was adopted, the paragraph it quotes.
  const compiled = once(m.links, 'QUOTES', 'IN')[0].mandate.id;
  const c = (await gql(server.url, LINKS, { id: compiled })).node;
  const quoted = once(c.links, 'QUOTES', 'OUT');
  await page.locator(`section.lineage .lineage-part.compiled a[data-id="${compiled}"]`).click();
  await page.locator('section.lineage .lineage-part.adopted figure').first().waitFor(WAIT);
  const adopted = await page
    .locator('section.lineage .lineage-part.adopted figure')
    .evaluateAll((fs) => fs.map((f) => [f.dataset.id, f.querySelector('blockquote').textContent, f.querySelector('blockquote').lang, f.querySelector('.lang')?.dataset.lang ?? null]));
  assert.deepEqual(adopted, quoted.map((l) => [l.mandate.id, l.mandate.text, l.mandate.language, l.mandate.language]));
  assert.equal(adopted[0][0], p16, 'it quotes paragraph 16');
  await noViolations('compiled mandate, lineage');
  await screenshot(page, `${dir}/02-compiled.png`);
  assert.deepEqual(problems, []);
});

test('a mandate without links says so', async () => {
  const ids = (await gql(server.url, '{ mandates(first: 200) { edges { node { id links(first: 1) { type } } } } }')).mandates.edges;
  const alone = ids.find((e) => e.node.links.length === 0)?.node.id;
  if (!alone) return; // every mandate is linked: nothing to show
  await page.goto(`${server.url}/#/mandate/${alone}`);
  await page.locator('section.lineage p', { hasText: 'No link to another mandate' }).waitFor(WAIT);
});
