// Browser figures for `scripts/bench`: Prisme's worker against wink-nlp in the
// same Chromium, the page's load, and a big corpus opened in the app.
// Prints one JSON object on stdout. Figures, not a test: nothing here fails
// on a slow run.
//
//   node scripts/bench-browser.mjs DIST CORPUS.json... [--skip-wink] [--skip-load] [--skip-app]
//
// DIST is a release build (trunk build --release). Each CORPUS.json holds
// {"documents": [InputDocument...]}, as `examples/bench --write-docs` writes it.
//
// - worker: a bench page (served next to the built site, so the worker is
//   same-origin) starts Worker('/worker-loader.js'), waits until it has
//   loaded its built-in lists (`startup_ms`), then posts the analysis request
//   as the page does: one byte buffer handed over (a JSON head, the documents
//   in postcard; see `analyseRequest` below). `elapsed_ms` is the worker's
//   own figure (engine only), `wall_ms` runs from postMessage to the
//   "analysis_done" message (reading the request, the analysis, writing the
//   parts; the bench page reads only each part's row count).
//   `memory_bytes` is the worker's WebAssembly memory after the analysis: it
//   never shrinks, so it is the most the worker held. The same request is
//   then analysed again in the same worker, as when the reader edits an
//   actor: `reanalysis_elapsed_ms` and `reanalysis_memory_bytes`.
// - wink: wink-nlp with wink-eng-lite-web-model, bundled here from
//   node_modules into one script, on the same texts: readDoc, entities, and the
//   sentiment of every sentence (its full pipeline runs in readDoc).
// - load: a fresh visit of the site: bytes transferred (raw and gzip -9),
//   first contentful paint, the demo corpus shown analysed, then the five
//   seeds opened through #open-files and shown analysed. Five visits
//   (PRISME_BENCH_VISITS), each in a new browser context; times are medians.
// - app: for each corpus, a fresh visit of the site, the demo removed, the
//   corpus's documents opened through #open-files as .txt files (one a
//   document), timed until the page shows them analysed (`app_ms`), with the
//   long tasks on the page's thread meanwhile. Texts opened twice are asked
//   about; the bench answers "Add anyway" (`asked_duplicates`). --skip-load
//   skips it too.
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
// After the demo is removed: time for the worker to finish the analyses the removals asked for.
const SETTLE_MS = 1000;
/** Fresh visits for the page's figures (first paint, the seeds): their medians are reported. */
const LOAD_VISITS = Number(process.env.PRISME_BENCH_VISITS ?? 5);
const median = (xs) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ANALYSIS_TIMEOUT_MS = Number(process.env.PRISME_BENCH_TIMEOUT_MS ?? 30 * 60 * 1000);

const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist'));
const corpora = args.filter((a) => !a.startsWith('--')).slice(1);
const skipWink = args.includes('--skip-wink');
const skipLoad = args.includes('--skip-load');
const skipApp = args.includes('--skip-app') || skipLoad;

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

// The worker's wire format, as the page speaks it (src/ui/worker.rs,
// `analyse_request`; src/engine/transfer.rs, `write_parts`). These functions
// run in the bench page: they are written into bench-wire.js from their source.

/** A postcard varint (unsigned LEB128) of `n` at `out[at]`; returns the next offset. */
function writeVarint(out, at, n) {
  while (n >= 0x80) { out[at++] = (n % 0x80) | 0x80; n = Math.floor(n / 0x80); }
  out[at++] = n;
  return at;
}

/** The postcard varint at `bytes[at]`: [value, next offset]. */
function readVarint(bytes, at) {
  let n = 0; let scale = 1;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('a varint cut short');
    n += (b & 0x7f) * scale;
    if (b < 0x80) return [n, at];
    scale *= 0x80;
  }
}

/**
 * The bytes of an analysis request: "analyse\n", the length of the JSON head
 * (u32, little-endian), the head, then the documents in postcard: their count,
 * then for each its strings (length + UTF-8) id, name, title, source, date,
 * language, text and its span lists markup, restored (count, then start, end).
 */
function analyseRequest(revision, config, documents) {
  const utf8 = new TextEncoder();
  const head = utf8.encode(JSON.stringify({ revision, config }));
  const strings = documents.map((d) => ['id', 'name', 'title', 'source', 'date', 'language', 'text'].map((k) => utf8.encode(d[k] ?? '')));
  // Spans are [start, end] in the saved JSON; {start, end} is read too.
  const spans = (list) => (list ?? []).map((s) => (Array.isArray(s) ? s : [s.start, s.end]));
  const lists = documents.map((d) => [spans(d.markup), spans(d.restored)]);
  // Each varint takes at most 10 bytes here (numbers below 2^53 take 8).
  let size = 8 + 4 + head.length + 10;
  strings.forEach((fields, i) => {
    for (const f of fields) size += 10 + f.length;
    for (const list of lists[i]) size += 10 + list.length * 20;
  });
  const out = new Uint8Array(size);
  out.set(utf8.encode('analyse\n'), 0);
  new DataView(out.buffer).setUint32(8, head.length, true);
  out.set(head, 12);
  let at = writeVarint(out, 12 + head.length, documents.length);
  strings.forEach((fields, i) => {
    for (const f of fields) { at = writeVarint(out, at, f.length); out.set(f, at); at += f.length; }
    for (const list of lists[i]) {
      at = writeVarint(out, at, list.length);
      for (const [start, end] of list) { at = writeVarint(out, at, start); at = writeVarint(out, at, end); }
    }
  });
  return out.slice(0, at);
}

/**
 * Reads one part of an analysis ("<revision>\t<list>\n", a varint row count,
 * the rows): { revision, list, rows }.
 */
function readPart(bytes) {
  const tab = bytes.indexOf(9);
  const nl = bytes.indexOf(10, tab + 1);
  if (tab < 0 || nl < 0) throw new Error('a part without its revision or list name');
  const ascii = (from, to) => String.fromCharCode(...bytes.subarray(from, to));
  const list = ascii(tab + 1, nl);
  return { revision: Number(ascii(0, tab)), list, rows: list === 'head' ? 0 : readVarint(bytes, nl + 1)[0] };
}

/** Runs Prisme's worker, then wink-nlp, on one corpus in the bench page. */
async function benchCorpus(page, url, name) {
  const prisme = await page.evaluate(async ([url, timeout]) => {
    const corpus = await (await fetch(url)).json();
    const bytes = corpus.documents.reduce((n, d) => n + new TextEncoder().encode(d.text).length, 0);
    const worker = new Worker('/worker-loader.js');
    const strings = (handle) => (e) => { if (typeof e.data === 'string') handle(JSON.parse(e.data)); };
    const spawned = performance.now();
    await new Promise((ok) => { worker.onmessage = strings((r) => { if (r.kind === 'ready') ok(); }); });
    // The worker loads its built-in lists right after saying it is ready, as
    // the page's worker does while the reader chooses texts; a small request
    // answered after them tells when that is done.
    await new Promise((ok) => {
      // Documents come as ["documents", head, bytes] (src/ui/worker.rs, `documents_message`).
      worker.onmessage = (e) => { if (Array.isArray(e.data) && e.data[0] === 'documents') ok(); };
      worker.postMessage(JSON.stringify({ kind: 'paste', first: 1, text: 'Prêt.', separator: '' }));
    });
    const startup_ms = performance.now() - spawned;
    const encoding = performance.now();
    const request = window.analyseRequest(1, {}, corpus.documents);
    const encode_ms = performance.now() - encoding;
    const request_bytes = request.length;
    // One analysis: the request handed over, the parts counted as they come.
    const analyse = (request) => new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('analysis timed out')), timeout);
      worker.onerror = (e) => { clearTimeout(timer); fail(new Error('worker error: ' + e.message)); };
      // The analysis comes in parts of bytes, then an "analysis_done" string;
      // progress and other replies are strings.
      let bytes = 0; let parts = 0; const rows = { documents: 0, actors: 0, mentions: 0 };
      const started = performance.now();
      worker.onmessage = (e) => {
        if (typeof e.data !== 'string') {
          bytes += e.data.length; parts += 1;
          const part = window.readPart(e.data);
          if (part.list in rows) rows[part.list] += part.rows;
          return;
        }
        const reply = JSON.parse(e.data);
        if (reply.kind === 'analysis_done') {
          clearTimeout(timer);
          ok({ elapsed_ms: reply.elapsed_ms, memory_bytes: reply.memory_bytes, bytes, parts, rows, wall_ms: performance.now() - started });
        } else if (reply.kind === 'documents') {
          // The worker's answer to a request it could not read.
          clearTimeout(timer);
          fail(new Error('worker refused the request: ' + reply.problems.join('; ')));
        }
      };
      worker.postMessage(request, [request.buffer]);
    });
    const reply = await analyse(request);
    // The same documents once more, as when the reader edits an actor or a
    // setting: the worker already holds one analysis, and its memory, which
    // never shrinks, shows what the second one adds.
    const again = await analyse(window.analyseRequest(2, {}, corpus.documents));
    const out = {
      documents: corpus.documents.length, bytes,
      startup_ms, encode_ms, request_bytes,
      elapsed_ms: reply.elapsed_ms, wall_ms: reply.wall_ms, memory_bytes: reply.memory_bytes,
      reanalysis_elapsed_ms: again.elapsed_ms, reanalysis_memory_bytes: again.memory_bytes,
      analysed_documents: reply.rows.documents, actors: reply.rows.actors, mentions: reply.rows.mentions,
      reply_bytes: reply.bytes, reply_parts: reply.parts,
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
  // Each removal asked the worker for an analysis of the documents left:
  // let it finish them, as it would for a reader who then picks files.
  await page.waitForTimeout(SETTLE_MS);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  await page.evaluate((n) => {
    // When the page itself learns of the files (after the browser driver has set them).
    document.querySelector('#open-files').addEventListener('change', () => { window.__seedsAt = performance.now(); }, { capture: true, once: true });
    // When the results are in the page, then the frame that draws them
    // begins: timed in the page, not when the driver next looks.
    const status = document.querySelector('.status');
    const watch = new MutationObserver(() => {
      if (status.dataset.busy === 'false' && status.dataset.analysed === String(n)) {
        watch.disconnect();
        requestAnimationFrame(() => { window.__seedsShown = performance.now(); });
      }
    });
    watch.observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
  }, files.length);
  const t0 = await page.evaluate(() => performance.now());
  await page.setInputFiles('#open-files', files);
  await analysed(files.length);
  await page.waitForFunction(() => window.__seedsShown != null);
  const { done, changeAt, status } = await page.evaluate(() => ({
    done: window.__seedsShown, changeAt: window.__seedsAt ?? null, status: document.querySelector('.status').textContent,
  }));
  // The worker's own time, as the status line gives it ("… analysed in 25 ms.").
  const worker = /(\d+) ms/.exec(status);
  await context.close();
  return {
    ...transferred(requests, url), ...demo,
    seeds_ms: done - t0,
    // From the page's change event: the browser driver's share left out.
    seeds_from_change_ms: changeAt == null ? null : done - changeAt,
    seeds_worker_ms: worker ? Number(worker[1]) : null,
  };
}

/** The process ids of the browser's renderers. */
async function renderers(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } catch {
    return [];
  } finally {
    await cdp.detach();
  }
}

/**
 * Resident memory of the renderer processes `pids`, from /proc (Linux): a
 * page and its worker live in one. `peak` is the most it has held since it
 * started (VmHWM), `now` what it holds; the largest over `pids`.
 */
function rendererMemory(pids) {
  if (pids.length === 0) return null;
  const kb = (status, key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  let peak = 0; let now = 0;
  for (const pid of pids) {
    let status;
    try { status = readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { continue; }
    peak = Math.max(peak, kb(status, 'VmHWM') * 1024);
    now = Math.max(now, kb(status, 'VmRSS') * 1024);
  }
  return { peak, now };
}

/**
 * What the reader waits for on a big corpus: a fresh visit of the site, the
 * demo removed, then the corpus's documents opened as .txt files (one a
 * document) through #open-files, timed until the page shows them analysed.
 * Long tasks on the page's thread during that time are recorded, so a page
 * that froze would show.
 */
async function appOpen(browser, url, corpusFile) {
  const { documents } = JSON.parse(readFileSync(corpusFile, 'utf8'));
  const folder = mkdtempSync(join(tmpdir(), 'prisme-bench-files-'));
  // The renderers there before this visit: the one that comes with it is the page's.
  const older = new Set(await renderers(browser));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const files = documents.map((d, i) => {
      // Ids are file names already; the number keeps them apart and in order.
      const path = join(folder, `${String(i).padStart(5, '0')}-${d.id.replace(/[^\w.-]/g, '_').replace(/\.txt$/, '')}.txt`);
      writeFileSync(path, d.text);
      return path;
    });
    const bytes = documents.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
    const page = await context.newPage();
    // The page's WebAssembly memory, kept as the page instantiates its module.
    await page.addInitScript(() => {
      window.__wasmMemories = [];
      const keep = (r) => {
        const memory = (r.instance ?? r)?.exports?.memory;
        if (memory) window.__wasmMemories.push(memory);
        return r;
      };
      const streaming = WebAssembly.instantiateStreaming;
      if (streaming) WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
      const plain = WebAssembly.instantiate;
      WebAssembly.instantiate = (...a) => plain(...a).then(keep);
    });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const analysed = (n, timeout) => page.waitForFunction((n) => {
      const s = document.querySelector('.status');
      return s && s.dataset.busy === 'false' && s.dataset.analysed === String(n);
    }, n, { timeout, polling: 'raf' });
    await page.goto(url);
    await analysed(4, 120000);
    while (await page.locator('.doc button.remove').count() > 0) {
      await page.locator('.doc button.remove').first().click();
    }
    await page.waitForFunction(() => document.querySelectorAll('.doc').length === 0);
    await page.waitForTimeout(SETTLE_MS);
    const mine = (await renderers(browser)).filter((pid) => !older.has(pid));
    const before = rendererMemory(mine);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration }); })
        .observe({ type: 'longtask', buffered: false });
      // When the page itself learns of the files (after the browser driver has set them).
      document.querySelector('#open-files').addEventListener('change', () => { window.__filesAt = performance.now(); }, { capture: true, once: true });
      // What the status line said when, to tell which step a long task belongs to.
      window.__status = [];
      const status = document.querySelector('.status');
      const note = () => {
        const last = window.__status.at(-1);
        const now = { at: performance.now(), busy: status.dataset.busy, analysed: status.dataset.analysed, text: status.textContent.slice(0, 80) };
        if (!last || last.busy !== now.busy || last.analysed !== now.analysed || last.text !== now.text) window.__status.push(now);
      };
      new MutationObserver(note).observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
    });
    const t0 = await page.evaluate(() => performance.now());
    await page.setInputFiles('#open-files', files);
    // Copies of a text already there are asked about (the French corpus
    // repeats the seeds): answered "Add anyway", as soon as it is asked.
    const asked = await Promise.race([
      analysed(files.length, ANALYSIS_TIMEOUT_MS).then(() => false),
      page.waitForSelector('.notice.question', { timeout: ANALYSIS_TIMEOUT_MS }).then(() => true),
    ]);
    if (asked) {
      await page.click('.notice.question button.primary');
      await analysed(files.length, ANALYSIS_TIMEOUT_MS);
    }
    const { done, filesAt, longTasks, memory, wasm, status } = await page.evaluate(() => ({
      done: performance.now(), filesAt: window.__filesAt ?? null, longTasks: window.__longTasks, status: window.__status,
      memory: performance.memory?.usedJSHeapSize ?? null,
      wasm: (window.__wasmMemories ?? []).reduce((n, m) => n + m.buffer.byteLength, 0) || null,
    }));
    const after = rendererMemory(mine);
    const longest = longTasks.reduce((a, t) => (t.ms > (a?.ms ?? 0) ? t : a), null);
    return {
      documents: files.length, bytes, asked_duplicates: asked,
      app_ms: done - t0,
      // From the page's change event: the browser driver's share left out.
      app_from_change_ms: filesAt == null ? null : done - filesAt,
      long_tasks: longTasks.length,
      long_tasks_ms: longTasks.reduce((n, t) => n + t.ms, 0),
      longest_task_ms: longest?.ms ?? 0,
      // When it started, from the files being set (ms).
      longest_task_at_ms: longest ? longest.at - t0 : null,
      page_js_heap_bytes: memory,
      // The page's WebAssembly memory once the corpus is shown (it never
      // shrinks, so it is the most the page's module held).
      page_wasm_bytes: wasm,
      // The tab's renderer process (page and worker): resident before the
      // files were opened, and its peak by the time they were shown.
      renderer_before_bytes: before?.now ?? null,
      renderer_peak_bytes: after?.peak ?? null,
      // Long tasks and status changes, in ms from the files being set.
      tasks: longTasks.map((t) => ({ at_ms: Math.round(t.at - t0), ms: Math.round(t.ms) })),
      status: status.map((s) => ({ at_ms: Math.round(s.at - t0), busy: s.busy, analysed: s.analysed, text: s.text })),
      errors,
    };
  } finally {
    await context.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

const site = mkdtempSync(join(tmpdir(), 'prisme-bench-'));
let server; let browser;
try {
  cpSync(dist, site, { recursive: true });
  writeFileSync(join(site, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench-wire.js"></script><script src="/wink-bundle.js"></script>\n');
  writeFileSync(join(site, 'bench-wire.js'), [writeVarint, readVarint, analyseRequest, readPart].map(String).join('\n'));
  writeFileSync(join(site, 'wink-bundle.js'), skipWink ? '' : winkBundle());
  corpora.forEach((c, i) => cpSync(c, join(site, `corpus-${i}.json`)));
  server = await serve(site, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const result = { chromium: browser.version(), corpora: [] };
  if (!skipLoad) {
    // Each visit is a fresh one (a new browser context); the figures are
    // the medians over the visits, each visit's own are kept too.
    const visits = [];
    for (let i = 0; i < LOAD_VISITS; i++) visits.push(await pageLoad(browser, url));
    const med = (k) => median(visits.map((v) => v[k]).filter((x) => x != null));
    result.load = {
      ...visits[0],
      visits: visits.length,
      fcp_ms: med('fcp_ms'), demo_ms: med('demo_ms'), seeds_ms: med('seeds_ms'),
      seeds_from_change_ms: med('seeds_from_change_ms'), seeds_worker_ms: med('seeds_worker_ms'),
      seeds_runs: visits.map((v) => ({ seeds_ms: v.seeds_ms, from_change_ms: v.seeds_from_change_ms, worker_ms: v.seeds_worker_ms })),
    };
  }
  for (const [i, c] of corpora.entries()) {
    const name = c.split('/').pop();
    const context = await browser.newContext();
    const page = await context.newPage();
    // The worker's own messages (a panic, running out of memory) come through the page's console.
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    await page.goto(url + 'bench.html');
    // A corpus the worker cannot hold (it runs out of memory) is reported, not fatal.
    const entry = await benchCorpus(page, `/corpus-${i}.json`, name)
      .catch((e) => ({ corpus: name, error: String(e.message ?? e).split('\n')[0], console: consoleErrors.slice(0, 5) }));
    await context.close();
    if (!skipApp && !entry.error) {
      entry.app = await appOpen(browser, url, c).catch((e) => ({ error: String(e.message ?? e).split('\n')[0] }));
    }
    result.corpora.push(entry);
  }
  console.log(JSON.stringify(result));
} finally {
  await browser?.close();
  if (server) await new Promise((ok) => server.close(ok));
  rmSync(site, { recursive: true, force: true });
}
