// End-to-end: the review queue (#/review), the mandates with no summit on
// Browse, and search paged ("More results") and filtered by summit and
// language, and an entity's mandates paged inside its trace, through the real `summitgraph serve --token` on the seed corpus
// plus e2e/fixtures/review-page.txt (ingested with ingestDocument): one
// mandate whose only discovered name is found by NER (confidence 0.7), one
// citing a summit that never met, one cut off without a citation.
// Screenshots in test-results/review/.

import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { axe, gql, launch, resultsDir, screenshot, startServer, watch } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TOKEN = 'e2e-curation-token-0123456789';
const WAIT = { timeout: 30_000 };
const dir = 'review';
const REVIEW = `query($reason: ReviewReason) { review(reason: $reason, first: 100) {
  totalCount counts { reason count }
  edges { node { reasons mandate { id source { file line } } lowMentions { surface entity { id } } } } } }`;

let server;
let browser;
let page;
const problems = [];

before(async () => {
  await rm(path.join(resultsDir, dir), { recursive: true, force: true });
  server = await startServer({ args: ['--token', `e2e=${TOKEN}`] });
  const text = await readFile(path.join(here, 'fixtures', 'review-page.txt'), 'utf8');
  const rep = await gql(server.url, 'mutation($t: String!) { ingestDocument(name: "review-page.txt", text: $t) { mandates } }', { t: text }, TOKEN);
  assert.equal(rep.ingestDocument.mandates, 3);
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(30_000);
  watch(page, problems);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(route, selector) {
  const res = await page.goto(`${server.url}/${route}`);
  if (res) assert.equal(res.status(), 200);
  if (selector) await page.locator(selector).first().waitFor(WAIT);
}

async function noViolations(name) {
  assert.deepEqual(await axe(page), [], `${name}: no WCAG 2.1 A/AA violation (axe-core)`);
}

const hash = () => decodeURIComponent(new URL(page.url()).hash);

test('the review queue: every reason, its counts, source file and line', async () => {
  const api = (await gql(server.url, REVIEW)).review;
  assert.equal(api.totalCount, 3);
  await open('#/review', 'li.review-item');
  const items = page.locator('li.review-item');
  assert.equal(await items.count(), api.totalCount);
  const shown = await items.evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.dataset.id,
      reasons: [...li.querySelectorAll('[data-reason]')].map((s) => s.dataset.reason),
      source: li.querySelector('a.source-link code').textContent,
      title: li.querySelector('a.mandate-link').textContent,
    })),
  );
  assert.deepEqual(
    shown.map(({ id, reasons, source }) => ({ id, reasons, source })),
    api.edges.map((e) => ({ id: e.node.mandate.id, reasons: e.node.reasons, source: `${e.node.mandate.source.file}:${e.node.mandate.source.line}` })),
    'the API queue, in order, with reasons and file:line',
  );
  // Titles tell them apart: summit (or "no summit") and first words.
  assert.equal(new Set(shown.map((s) => s.title)).size, shown.length, `distinct titles: ${shown.map((s) => s.title).join(' | ')}`);
  assert.ok(shown.some((s) => s.title.startsWith('no summit · ')));
  assert.ok(shown.some((s) => s.title.startsWith('Lima 2018')));
  // The tabs count each reason as the API does.
  for (const c of api.counts) {
    const tab = page.locator(`nav[aria-label="Review reasons"] a[data-reason="${c.reason}"]`);
    assert.match(await tab.textContent(), new RegExp(`\\(${c.count}\\)$`), c.reason);
  }
  // The low-confidence mention, with its method and confidence.
  const low = page.locator('ul.low-mentions li');
  assert.equal(await low.count(), 1);
  assert.match(await low.textContent(), /Hemispheric Network of Legal Cooperation on Family Law.*ner, confidence 0\.70/);
  // file:line leads to the mandate as read from that file.
  await noViolations('review');
  await screenshot(page, `${dir}/01-queue.png`);
  await page.locator('li.review-item a.source-link').last().click();
  await page.locator('h1', { hasText: 'no summit' }).waitFor(WAIT);
  assert.match(await page.locator('main').textContent(), /review-page\.txt:12/);
  await page.goBack();

  // One reason, in the address.
  await page.locator('nav[aria-label="Review reasons"] a[data-reason="TRUNCATED"]').click();
  await page.waitForFunction(() => location.hash.includes('reason=truncated') && document.querySelectorAll('li.review-item').length === 1, null, WAIT);
  const truncated = (await gql(server.url, REVIEW, { reason: 'TRUNCATED' })).review.edges.map((e) => e.node.mandate.id);
  assert.deepEqual(await page.locator('li.review-item').evaluateAll((lis) => lis.map((li) => li.dataset.id)), truncated);
  assert.equal(await page.locator('nav[aria-label="Review reasons"] a[aria-current="page"]').getAttribute('data-reason'), 'TRUNCATED');
  await noViolations('review, truncated');
  await screenshot(page, `${dir}/02-truncated.png`);
  assert.deepEqual(problems, []);
});

test('curation from the queue: a wrong token refused, an alias added, a mention rejected', async () => {
  await open('#/review?reason=low_confidence', 'li.review-item');
  assert.equal(await page.locator('.curation-actions').count(), 0, 'no actions without a token');
  const item = (await gql(server.url, REVIEW, { reason: 'LOW_CONFIDENCE' })).review.edges[0].node;
  const entity = item.lowMentions[0].entity.id;

  // A wrong token: the action is offered, the server refuses it, the page says so.
  await page.getByLabel('Curation token').fill('not-the-token-at-all-000');
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.locator('.curation-actions button[data-action="reject"]').waitFor(WAIT);
  await page.locator('.curation-actions button[data-action="reject"]').click();
  await page.locator('.action-status .error[data-code="UNAUTHORIZED"]').waitFor(WAIT);
  const still = (await gql(server.url, 'query($id: ID!) { node(id: $id) { ... on Mandate { mentions { entity { id } } } } }', { id: item.mandate.id })).node;
  assert.ok(still.mentions.some((m) => m.entity.id === entity), 'nothing changed');

  // The right token: add an alias to the discovered entity.
  await page.getByLabel('Curation token').fill(TOKEN);
  await page.getByRole('button', { name: 'Use token' }).click();
  const form = page.locator('form.alias-form').first();
  await form.waitFor(WAIT);
  assert.equal(await form.getByLabel('Entity id').inputValue(), entity, 'the mention’s entity filled in');
  await form.getByLabel('answers to').fill('HNLC Family Law Network');
  await form.getByRole('button', { name: 'Add alias' }).click();
  await page.locator('.action-status', { hasText: 'Added:' }).waitFor(WAIT);
  const resolved = (await gql(server.url, '{ resolve(name: "HNLC Family Law Network") { id } }')).resolve;
  assert.deepEqual(resolved.map((e) => e.id), [entity], 'resolve finds the new alias');
  await noViolations('review, curating');
  await screenshot(page, `${dir}/03-curation.png`);

  // Reject the mention: the mandate no longer mentions it, and leaves the queue.
  await page.locator('.curation-actions button[data-action="reject"]').click();
  await page.locator('.action-status', { hasText: 'Rejected' }).waitFor(WAIT);
  const after = (await gql(server.url, 'query($id: ID!) { node(id: $id) { ... on Mandate { mentions { entity { id } } } } }', { id: item.mandate.id })).node;
  assert.ok(!after.mentions.some((m) => m.entity.id === entity), 'the mention is gone');
  await page.reload();
  await page.locator('.paginated .count', { hasText: 'No mandates to review' }).waitFor(WAIT);
  const audit = (await gql(server.url, '{ audit(first: 5) { action by } }', {}, TOKEN)).audit;
  assert.deepEqual(audit.slice(0, 2).map((a) => `${a.action} by ${a.by}`), ['rejectMention by e2e', 'addAlias by e2e']);
  // Forget the token: no actions any more.
  await page.getByRole('button', { name: 'Forget' }).click();
  await open('#/review', 'li.review-item');
  assert.equal(await page.locator('.curation-actions').count(), 0);
  assert.deepEqual(problems, []);
});

test('browse reaches the mandates with no summit', async () => {
  const api = (await gql(server.url, REVIEW, { reason: 'UNATTRIBUTED' })).review;
  await open('#/browse', 'section.unattributed-section li');
  const ids = await page.locator('section.unattributed-section li a.mandate-link').evaluateAll((as) => as.map((a) => a.dataset.id));
  assert.deepEqual(ids, api.edges.map((e) => e.node.mandate.id));
  assert.equal((await page.locator('section.unattributed-section .count').textContent()).trim(), `${api.totalCount} mandates with no summit.`);
  await noViolations('browse, no summit');
  await screenshot(page, `${dir}/04-browse-unattributed.png`);
  await page.locator('section.unattributed-section a', { hasText: 'Review them' }).click();
  await page.waitForFunction(() => location.hash === '#/review?reason=unattributed', null, WAIT);
  await page.locator('li.review-item').first().waitFor(WAIT);
  assert.equal(await page.locator('li.review-item').count(), api.totalCount);
});

const SEARCH = `query($f: SearchFilter, $first: Int) { searchPage(text: "promote", filter: $f, first: $first) {
  totalCount edges { node { node { id } } } summits { summit { id label } count } languages { language count } } }`;

test('search: "More results" pages past 20; filters by summit and language, in the address', async () => {
  const all = (await gql(server.url, SEARCH, { first: 60 })).searchPage;
  assert.ok(all.totalCount > 20, `"promote" matches ${all.totalCount}`);
  const two = Math.min(40, all.totalCount);
  await open('#/search?q=promote', 'ol.results a.hit');
  const ids = () => page.locator('ol.results a.hit').evaluateAll((as) => as.map((a) => a.dataset.id));
  assert.equal((await ids()).length, 20);
  const more = page.getByRole('button', { name: /^More results/ });
  await more.click();
  await page.waitForFunction((n) => document.querySelectorAll('ol.results > li').length === n, two, WAIT);
  assert.deepEqual(await ids(), all.edges.slice(0, two).map((e) => e.node.node.id), 'two pages: the API ranking');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), all.edges[20].node.node.id, 'focus on the first new result');
  assert.match(await page.locator('p.count').textContent(), two === all.totalCount ? new RegExp(`^${two} results`) : new RegExp(`^40 of ${all.totalCount} results`));
  assert.equal(await more.isHidden(), two === all.totalCount, 'More results only while there are more');

  // A summit: the one with most matches.
  const top = [...all.summits].filter((s) => s.summit).sort((a, b) => b.count - a.count)[0];
  await page.getByLabel('Summit', { exact: true }).selectOption(top.summit.id);
  await page.waitForFunction((id) => location.hash.includes(`summit=${id}`), top.summit.id, WAIT);
  const bySummit = (await gql(server.url, SEARCH, { f: { summit: top.summit.id }, first: 20 })).searchPage;
  await page.waitForFunction((n) => document.querySelector('p.count')?.textContent.includes(`${n} result`), bySummit.totalCount, WAIT);
  assert.deepEqual(await ids(), bySummit.edges.map((e) => e.node.node.id));
  assert.equal(bySummit.totalCount, top.count, 'the option’s count is what the filter keeps');
  await noViolations('search, by summit');
  await screenshot(page, `${dir}/05-search-summit.png`);

  // And a language, kept with the summit by a link.
  const lang = all.languages[0].language;
  await page.getByLabel('Language', { exact: true }).selectOption(lang);
  await page.waitForFunction((l) => location.hash.includes(`lang=${l}`), lang, WAIT);
  const both = (await gql(server.url, SEARCH, { f: { summit: top.summit.id, language: lang }, first: 20 })).searchPage;
  await page.waitForFunction((n) => document.querySelector('p.count')?.textContent.includes(`${n} result`), both.totalCount, WAIT);
  await page.reload();
  await page.locator('ol.results a.hit').first().waitFor(WAIT);
  assert.deepEqual(await ids(), both.edges.map((e) => e.node.node.id), 'a link keeps both filters');
  assert.equal(await page.getByLabel('Language', { exact: true }).inputValue(), lang);
  assert.deepEqual(problems, []);
});

test('an entity’s mandates summit by summit, paged inside the trace (TraceStep.mandates)', async () => {
  const id = 'theme/corruption';
  const all = (await gql(server.url, 'query($id: ID!) { trace(entity: $id) { steps { count summit { id } mandates { id } } } }', { id })).trace.steps;
  const big = [...all].sort((a, b) => b.count - a.count)[0];
  assert.ok(big.count > 10, `the largest step has ${big.count} mandates`);
  await open(`#/entity/${id}`, 'div.step-mandates details.step');
  assert.equal(await page.locator('div.step-mandates details.step').count(), all.length, 'one disclosure per step');
  const step = page.locator(`div.step-mandates details.step[data-summit="${big.summit.id}"]`);
  await step.locator('summary').click();
  await step.locator('ol li').first().waitFor(WAIT);
  const ids = () => step.locator('ol li a.mandate-link').evaluateAll((as) => as.map((a) => a.dataset.id));
  assert.deepEqual(await ids(), big.mandates.slice(0, 10).map((m) => m.id), 'the first page, in listing order');
  assert.match(await step.locator('p.count').textContent(), new RegExp(`^10 of ${big.count} mandates shown`));
  await step.getByRole('button', { name: /^Show \d+ more of/ }).click();
  await page.waitForFunction(([s, n]) => document.querySelectorAll(`details.step[data-summit="${s}"] ol li`).length === n, [big.summit.id, Math.min(20, big.count)], WAIT);
  assert.deepEqual(await ids(), big.mandates.slice(0, 20).map((m) => m.id), 'the next page after the last one shown');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), big.mandates[10].id, 'focus on the first new one');
  // Titles on an entity's step: the document and first words, distinct.
  const titles = await step.locator('ol li a.mandate-link').allTextContents();
  assert.equal(new Set(titles).size, titles.length, titles.join(' | '));
  await noViolations('entity, mandates by summit');
  await screenshot(page, `${dir}/06-trace-steps.png`);
  assert.deepEqual(problems, []);
});
