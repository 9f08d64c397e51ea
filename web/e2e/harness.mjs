// Test harness: the real server (go run ./cmd/summitgraph serve on a fresh
// store, seeded by itself) and headless Chromium driven by playwright-core.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.resolve(here, '..');
export const repoRoot = path.resolve(webDir, '..');
export const resultsDir = path.join(webDir, 'test-results');

/**
 * startServer runs `summitgraph --store <tmp> serve --addr 127.0.0.1:0` and
 * resolves once it prints its address (first stdout line:
 * "summitgraph serving <dir> on http://HOST:PORT/graphql ...").
 * $SUMMITGRAPH_BIN runs a built binary instead of `go run`.
 */
export async function startServer({ timeoutMs = 240_000, store: given = null, args = [] } = {}) {
  const store = given ?? (await mkdtemp(path.join(tmpdir(), 'summitgraph-e2e-store-')));
  const [cmd, argv] = summitgraph(['--store', store, 'serve', '--addr', '127.0.0.1:0', ...args]);
  // detached: its own process group, so stopping it also stops the binary `go run` started.
  const child = spawn(cmd, argv, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-20_000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // 'close' comes once every process holding the output pipes is gone: with
  // `go run`, that includes the server binary it started, not just go itself.
  const closed = new Promise((resolve) => child.once('close', () => resolve(true)));

  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      kill(child, 'SIGKILL');
      reject(new Error(`the server printed no address within ${timeoutMs / 1000}s; stderr:\n${stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const first = out.slice(0, nl);
      const m = /^summitgraph serving .* on (http:\/\/\S+?)\/graphql\b/.exec(first);
      clearTimeout(timer);
      if (m) resolve(m[1]);
      else {
        kill(child, 'SIGKILL');
        reject(new Error(`unexpected first line from the server: ${JSON.stringify(first)}`));
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${cmd}: ${err.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before printing its address; stderr:\n${stderr}`));
    });
  });

  return {
    url,
    stderr: () => stderr,
    async stop() {
      // SIGTERM to the group: the server finishes its requests and closes the store.
      kill(child, 'SIGTERM');
      if ((await within(closed, 20_000)) === null) {
        kill(child, 'SIGKILL');
        await within(closed, 5_000);
      }
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      if (!given) await rm(store, { recursive: true, force: true });
    },
  };
}

/** summitgraph is the command line that runs the CLI with args: $SUMMITGRAPH_BIN, or `go run`. */
export function summitgraph(args) {
  return process.env.SUMMITGRAPH_BIN ? [process.env.SUMMITGRAPH_BIN, args] : ['go', ['run', './cmd/summitgraph', ...args]];
}

/** run runs the CLI to the end (gen, ingest) and resolves with its stdout; it rejects on a non-zero exit. */
export function run(args, { timeoutMs = 300_000 } = {}) {
  const [cmd, argv] = summitgraph(args);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err = (err + d).slice(-20_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => reject(new Error(`could not start ${cmd}: ${e.message}`)));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`summitgraph ${args.join(' ')} exited ${code ?? signal}:\n${err}`));
    });
  });
}

/** watch records a page's script errors, console errors and failed requests into problems. */
export function watch(page, problems) {
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => {
    // Requests of a page being left are aborted on purpose.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
}

/** within resolves to what p resolves to, or to null after ms. */
function within(p, ms) {
  let timer;
  return Promise.race([p, new Promise((r) => (timer = setTimeout(() => r(null), ms)))]).finally(() => clearTimeout(timer));
}

function kill(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** launch starts headless Chromium with a fresh profile. */
export async function launch() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath} (apt-get install -y chromium, or set $CHROMIUM)`);
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'summitgraph-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await within(context.close().catch(() => {}), 20_000);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** gql asks the server directly, to compare what the page shows with what the API says. */
export async function gql(base, query, variables = {}, token = '') {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`API error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** ingestFiles sends each file (a path under dir) to the server with ingestDocument, named by its base name. */
export async function ingestFiles(base, dir, files, token) {
  for (const f of files) {
    const text = await readFile(path.join(dir, f), 'utf8');
    await gql(base, 'mutation($n: String!, $t: String!) { ingestDocument(name: $n, text: $t) { mandates } }', { n: path.basename(f), t: text }, token);
  }
}

/** screenshot saves a page (whole) or a locator as test-results/NAME (NAME may name a folder: "features/01.png"). */
export async function screenshot(target, name) {
  const file = path.join(resultsDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  if ('goto' in target) await target.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
  return file;
}

/**
 * axe runs axe-core (WCAG 2 A and AA rules) on the page and returns the
 * violations, each as "rule (impact): target…".
 */
export async function axe(page, { exclude = [] } = {}) {
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(path.join(webDir, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source });
  const violations = await page.evaluate(
    async ({ exclude }) => {
      const res = await window.axe.run(
        { include: [document], exclude: exclude.map((s) => [s]) },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] },
      );
      return res.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
    },
    { exclude },
  );
  return violations;
}
