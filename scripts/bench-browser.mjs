// Browser figures for `scripts/bench`: Prisme's worker against wink-nlp in the
// same Chromium, and the page's load. Prints one JSON object on stdout.
// Figures, not a test: nothing here fails on a slow run.
//
//   node scripts/bench-browser.mjs DIST CORPUS.json... [--skip-wink] [--skip-load]
//
// DIST is a release build (trunk build --release). Each CORPUS.json holds
// {"documents": [InputDocument...]}, as `examples/bench --write-docs` writes it.
//
// - worker: a bench page (served next to the built site, so the worker is
//   same-origin) posts the analyse request to Worker('/worker-loader.js') and
//   waits for the reply: `elapsed_ms` is the worker's own figure (engine only),
//   `wall_ms` runs from postMessage to the last part of the reply (request
//   parsing, analysis, the reply's JSON; the bench page reads only the parts
//   holding actors and mentions, to count them).
// - wink: wink-nlp with wink-eng-lite-web-model, bundled here from
//   node_modules into one script, on the same texts: readDoc, entities, and the
//   sentiment of every sentence (its full pipeline runs in readDoc).
// - load: a fresh visit of the site: bytes transferred (raw and gzip -9),
//   first contentful paint, the demo corpus shown analysed, then the five
//   seeds opened through #open-files and shown analysed.
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { serve } from './static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
/** Longest wait for one analysis (a 50 MB corpus on a busy machine). */
const ANALYSIS_TIMEOUT_MS = 30 * 60 * 1000;

const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist'));
const corpora = args.filter((a) => !a.startsWith('--')).slice(1);
const skipWink = args.includes('--skip-wink');
const skipLoad = args.includes('--skip-load');

/** wink-nlp and its model as one classic script defining window.winkNLP, window.winkModel, window.winkIts. */
function winkBundle() {
  const req = createRequire(join(ROOT, 'package.json'));
  const modules = new Map(); // absolute path → wrapped source
  const visit = (file) => {
    if (modules.has(file)) return;
    const src = readFileSync(file, 'utf8');
    modules.set(file, null);
    const deps = {};
    if (!file.endsWith('.json')) {
      for (const m of src.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const target = createRequire(file).resolve(m[1]);
        deps[m[1]] = target;
        visit(target);
      }
    }
    const body = file.endsWith('.json') ? `module.exports = ${src};` : src;
    modules.set(file, `[function (module, exports, require) {\n${body}\n}, ${JSON.stringify(deps)}]`);
  };
  const nlp = req.resolve('wink-nlp');
  const model = req.resolve('wink-eng-lite-web-model');
  visit(nlp);
  visit(model);
  const table = [...modules].map(([f, m]) => `${JSON.stringify(f)}: ${m}`).join(',\n');
  return `(function () {
var defs = {${table}};
var cache = {};
function load(file) {
  if (cache[file]) return cache[file].exports;
  var module = cache[file] = { exports: {} };
  var def = defs[file];
  def[0].call(module.exports, module, module.exports, function (name) { return load(def[1][name]); });
  return module.exports;
}
window.winkNLP = load(${JSON.stringify(nlp)});
window.winkModel = load(${JSON.stringify(model)});
})();\n`;
}

/** Runs Prisme's worker, then wink-nlp, on one corpus in the bench page. */
async function benchCorpus(page, url, name) {
  const prisme = await page.evaluate(async ([url, timeout]) => {
    const corpus = await (await fetch(url)).json();
    const bytes = corpus.documents.reduce((n, d) => n + new TextEncoder().encode(d.text).length, 0);
    const worker = new Worker('/worker-loader.js');
    await new Promise((ok) => { worker.onmessage = (e) => { if (JSON.parse(e.data).kind === 'ready') ok(); }; });
    const request = JSON.stringify({ kind: 'analyse', revision: 1, documents: corpus.documents, config: {} });
    const started = performance.now();
    const reply = await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('analysis timed out')), timeout);
      worker.onerror = (e) => { clearTimeout(timer); fail(new Error('worker error: ' + e.message)); };
      // The analysis comes in parts of UTF-8 bytes ("<revision>\t<list>\n<rows>"),
      // then an "analysis_done" string; progress and other replies are strings.
      let bytes = 0; const rows = { actors: 0, mentions: 0 };
      worker.onmessage = (e) => {
        if (typeof e.data !== 'string') {
          bytes += e.data.length;
          const head = new TextDecoder().decode(e.data.subarray(0, 40));
          const list = head.slice(head.indexOf('\t') + 1, head.indexOf('\n'));
          if (list in rows) {
            const text = new TextDecoder().decode(e.data);
            rows[list] += JSON.parse(text.slice(text.indexOf('\n') + 1)).length;
          }
          return;
        }
        const reply = JSON.parse(e.data);
        if (reply.kind === 'analysis_done') { clearTimeout(timer); ok({ elapsed_ms: reply.elapsed_ms, bytes, rows }); }
      };
      worker.postMessage(request);
    });
    const wall = performance.now() - started;
    const out = {
      documents: corpus.documents.length, bytes,
      elapsed_ms: reply.elapsed_ms, wall_ms: wall,
      actors: reply.rows.actors, mentions: reply.rows.mentions,
      reply_bytes: reply.bytes,
    };
    worker.terminate();
    return out;
  }, [url, ANALYSIS_TIMEOUT_MS]);
  let wink = null;
  if (!skipWink) {
    wink = await page.evaluate(async (url) => {
      const corpus = await (await fetch(url)).json();
      const texts = corpus.documents.map((d) => d.text);
      const t0 = performance.now();
      const nlp = window.winkNLP(window.winkModel);
      const its = nlp.its;
      const loaded = performance.now();
      let entities = 0; let sentences = 0; let sentiment = 0;
      for (const text of texts) {
        const doc = nlp.readDoc(text);
        entities += doc.entities().out().length;
        doc.sentences().each((s) => { sentences += 1; sentiment += s.out(its.sentiment); });
      }
      const done = performance.now();
      return { model_ms: loaded - t0, wall_ms: done - loaded, entities, sentences, sentiment };
    }, url);
  }
  return { corpus: name, prisme, wink };
}

/** Sizes of what a first visit fetched (files of DIST named by the request URLs). */
function transferred(urls, base) {
  let raw = 0; let gz = 0; const files = [];
  for (const u of new Set(urls)) {
    if (!u.startsWith(base)) continue;
    let path = decodeURIComponent(new URL(u).pathname);
    if (path.endsWith('/')) path += 'index.html';
    let body;
    try { body = readFileSync(join(dist, path)); } catch { continue; }
    const g = gzipSync(body, { level: 9 }).length;
    raw += body.length; gz += g;
    files.push({ path, raw: body.length, gzip: g });
  }
  return { raw_bytes: raw, gzip_bytes: gz, files };
}

/** A first visit: sizes, first paint, demo analysed, then the seeds opened and analysed. */
async function pageLoad(browser, url) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const analysed = (n) => page.waitForFunction((n) => {
    const s = document.querySelector('.status');
    return s && s.dataset.busy === 'false' && s.dataset.analysed === String(n);
  }, n, { timeout: 120000, polling: 'raf' });
  await page.goto(url);
  await analysed(4);
  const demo = await page.evaluate(() => ({
    fcp_ms: performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? null,
    demo_ms: performance.now(),
  }));
  while (await page.locator('.doc button.remove').count() > 0) {
    await page.locator('.doc button.remove').first().click();
  }
  await page.waitForFunction(() => document.querySelectorAll('.doc').length === 0);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('#open-files', files);
  await analysed(files.length);
  const seeds_ms = (await page.evaluate(() => performance.now())) - t0;
  await context.close();
  return { ...transferred(requests, url), ...demo, seeds_ms };
}

const site = mkdtempSync(join(tmpdir(), 'prisme-bench-'));
let server; let browser;
try {
  cpSync(dist, site, { recursive: true });
  writeFileSync(join(site, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/wink-bundle.js"></script>\n');
  writeFileSync(join(site, 'wink-bundle.js'), skipWink ? '' : winkBundle());
  corpora.forEach((c, i) => cpSync(c, join(site, `corpus-${i}.json`)));
  server = await serve(site, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const result = { chromium: browser.version(), corpora: [] };
  if (!skipLoad) result.load = await pageLoad(browser, url);
  for (const [i, c] of corpora.entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url + 'bench.html');
    // A corpus the worker cannot hold (it runs out of memory) is reported, not fatal.
    result.corpora.push(await benchCorpus(page, `/corpus-${i}.json`, c.split('/').pop())
      .catch((e) => ({ corpus: c.split('/').pop(), error: String(e.message ?? e).split('\n')[0] })));
    await context.close();
  }
  console.log(JSON.stringify(result));
} finally {
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
  rmSync(site, { recursive: true, force: true });
}
