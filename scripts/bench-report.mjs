// Turns the files `scripts/bench` wrote into one table (stdout), one JSON
// (results.json) and, with --svg FILE, a plot of analysis time against
// corpus size.   node scripts/bench-report.mjs target/bench [--svg docs/growth.svg]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const svgAt = process.argv.indexOf('--svg');
const svgFile = svgAt > 0 ? process.argv[svgAt + 1] : null;

const read = (f) => (existsSync(join(dir, f)) ? JSON.parse(readFileSync(join(dir, f), 'utf8')) : null);
const lines = (f) => (existsSync(join(dir, f))
  ? readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
const MB = 1e6;
const mbps = (bytes, ms) => (ms > 0 ? bytes / MB / (ms / 1000) : null);
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
const r2 = (x) => (x == null ? null : Math.round(x * 100) / 100);

/**
 * The tab's memory in an app run: its renderer process (page and worker)
 * at its peak, and what opening the corpus added to what the page held
 * before, against the input.
 */
function tabMemory(app, bytes) {
  if (!app?.renderer_peak_bytes || !bytes) return { tab_peak_mb: null, tab_added_mb: null, tab_added_over_input: null, page_wasm_mb: null, page_wasm_over_input: null };
  const added = app.renderer_peak_bytes - (app.renderer_before_bytes ?? 0);
  return {
    tab_peak_mb: r1(app.renderer_peak_bytes / MB), tab_added_mb: r1(added / MB), tab_added_over_input: r1(added / bytes),
    page_wasm_mb: app.page_wasm_bytes ? r1(app.page_wasm_bytes / MB) : null,
    page_wasm_over_input: app.page_wasm_bytes ? r1(app.page_wasm_bytes / bytes) : null,
  };
}

/**
 * The longest task on the page's thread once the page has the files: before
 * its change event, the browser driver is filling the file input (seconds
 * for thousands of files), which is not the page's work.
 */
function longestOwnTask(app) {
  if (!app?.tasks) return null;
  const changeAt = app.app_from_change_ms == null ? 0 : app.app_ms - app.app_from_change_ms;
  return Math.max(0, ...app.tasks.filter((t) => t.at_ms >= changeAt).map((t) => t.ms));
}

const STAGES = ['decode', 'clean', 'segment', 'language', 'actors', 'sentiment', 'framing', 'analyse', 'json'];
const native = {};
for (const c of ['fr', 'en']) {
  const n = read(`native-${c}-5.json`);
  if (!n) continue;
  native[c] = {
    input_bytes: n.input_bytes, documents: n.documents, clock: n.clock,
    stages_ms: Object.fromEntries(STAGES.map((s) => [s, r1(n[`${s}_ms`])])),
    stages_mb_s: Object.fromEntries(STAGES.map((s) => [s, r2(mbps(n.input_bytes, n[`${s}_ms`]))])),
    analyse_wall_ms: r1(n.analyse_wall_ms),
    peak_rss_mb: r1(n.peak_rss_kb / 1024),
    peak_over_input: r1(n.peak_rss_kb * 1024 / n.input_bytes),
    // The heap of one analysis with its documents: what the worker's memory must hold.
    peak_heap_mb: n.peak_heap_bytes == null ? null : r1(n.peak_heap_bytes / MB),
    peak_heap_over_input: n.peak_heap_bytes == null ? null : r1(n.peak_heap_bytes / n.input_bytes),
    held_heap_mb: n.held_heap_bytes == null ? null : r1(n.held_heap_bytes / MB),
    startup_ms: r1(n.startup_ms),
    parts_ms: r1(n.parts_ms), parts_read_ms: r1(n.parts_read_ms), parts_mb: r1(n.parts_bytes / MB),
    read_peak_heap_mb: n.read_peak_heap_bytes != null ? r1(n.read_peak_heap_bytes / MB) : null,
  };
}
const browser = read('browser.json');
const wasm = {};
for (const b of browser?.corpora ?? []) {
  const c = b.corpus.replace(/-.*/, '');
  if (b.error) { wasm[c] = { bytes: null, error: b.error }; continue; }
  const p = b.prisme; const w = b.wink;
  wasm[c] = {
    documents: p.documents, bytes: p.bytes,
    worker_elapsed_ms: r1(p.elapsed_ms), worker_wall_ms: r1(p.wall_ms),
    worker_mb_s: r2(mbps(p.bytes, p.elapsed_ms)), worker_wall_mb_s: r2(mbps(p.bytes, p.wall_ms)),
    worker_startup_ms: r1(p.startup_ms), request_ms: r1(p.encode_ms),
    worker_memory_mb: p.memory_bytes ? r1(p.memory_bytes / MB) : null,
    worker_memory_over_input: p.memory_bytes ? r1(p.memory_bytes / p.bytes) : null,
    reanalysis_ms: r1(p.reanalysis_elapsed_ms), reanalysis_mb_s: r2(mbps(p.bytes, p.reanalysis_elapsed_ms)),
    reanalysis_memory_over_input: p.reanalysis_memory_bytes ? r1(p.reanalysis_memory_bytes / p.bytes) : null,
    app_ms: r1(b.app?.app_ms), app_longest_task_ms: longestOwnTask(b.app), app_error: b.app?.error ?? null,
    ...tabMemory(b.app, p.bytes),
    wink_ms: r1(w?.wall_ms), wink_model_ms: r1(w?.model_ms), wink_mb_s: r2(w ? mbps(p.bytes, w.wall_ms) : null),
    // > 1: Prisme's full round trip is that many times faster than wink-nlp on the same text.
    ratio_vs_wink: r2(w ? w.wall_ms / p.wall_ms : null),
  };
}
const load = browser?.load && {
  transfer_raw_kb: r1(browser.load.raw_bytes / 1024), transfer_gzip_kb: r1(browser.load.gzip_bytes / 1024),
  files: browser.load.files, fcp_ms: r1(browser.load.fcp_ms), demo_shown_ms: r1(browser.load.demo_ms),
  seeds_shown_ms: r1(browser.load.seeds_ms),
  seeds_from_change_ms: r1(browser.load.seeds_from_change_ms), seeds_worker_ms: r1(browser.load.seeds_worker_ms),
  visits: browser.load.visits ?? 1,
  seeds_runs: browser.load.seeds_runs ?? [],
};
const growth = {
  native: lines('growth-native.jsonl').map((g) => ({ mb: r2(g.input_bytes / MB), ms: r1(g.analyse_ms), wall_ms: r1(g.analyse_wall_ms), peak_rss_mb: r1(g.peak_rss_kb / 1024) })),
  wasm: lines('growth-wasm.jsonl').flatMap((g) => g.corpora.filter((c) => c.prisme).map((c) => ({
    mb: r2(c.prisme.bytes / MB), ms: r1(c.prisme.elapsed_ms), wall_ms: r1(c.prisme.wall_ms),
    memory_over_input: c.prisme.memory_bytes ? r1(c.prisme.memory_bytes / c.prisme.bytes) : null,
  }))),
  // Corpora the worker could not analyse (out of memory), with the error.
  wasm_failed: lines('growth-wasm.jsonl').flatMap((g) => g.corpora.filter((c) => c.error).map((c) => ({ corpus: c.corpus, error: c.error }))),
};
// The 50 MB corpus opened in the app (scripts/bench --scale).
const scaleRun = read('scale.json')?.corpora?.[0];
const scale = scaleRun && {
  mb: r2((scaleRun.prisme?.bytes ?? 0) / MB), error: scaleRun.error ?? scaleRun.app?.error ?? null,
  worker_ms: r1(scaleRun.prisme?.elapsed_ms), worker_memory_over_input: scaleRun.prisme?.memory_bytes ? r1(scaleRun.prisme.memory_bytes / scaleRun.prisme.bytes) : null,
  app_ms: r1(scaleRun.app?.app_ms), app_from_change_ms: r1(scaleRun.app?.app_from_change_ms),
  longest_task_ms: r1(scaleRun.app?.longest_task_ms),
  // The longest task after the page learnt of the files (before it, the browser driver fills the file input).
  longest_own_task_ms: longestOwnTask(scaleRun.app),
  ...tabMemory(scaleRun.app, scaleRun.prisme?.bytes),
};
const ratios = Object.values(wasm).map((w) => w.ratio_vs_wink).filter((x) => x != null);
const results = {
  date: new Date().toISOString(), cpu: cpus()[0]?.model, chromium: browser?.chromium ?? null,
  ratio_vs_wink: ratios.length ? r2(Math.min(...ratios)) : null,
  native, wasm, load, growth, scale,
};
writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');

// The table.
const rows = [];
const cols = Object.keys(native).length ? Object.keys(native) : Object.keys(wasm);
const fmt = (v, unit = '') => (v == null ? '—' : `${v}${unit}`);
const add = (label, f) => rows.push([label, ...cols.map(f)]);
const mbOf = (c) => r1((native[c]?.input_bytes ?? wasm[c]?.bytes ?? 0) / MB);
add('corpus', (c) => `${c} ${mbOf(c)} MB, ${native[c]?.documents ?? wasm[c]?.documents} docs`);
const names = { decode: 'intake (decode)', clean: 'clean', segment: 'segment', language: 'language + stems', actors: 'actors', sentiment: 'sentiment', framing: 'framing', analyse: 'whole analysis', json: 'analysis → JSON' };
for (const s of STAGES) add(`native ${names[s]}`, (c) => (native[c] ? `${fmt(native[c].stages_mb_s[s])} MB/s (${native[c].stages_ms[s]} ms)` : '—'));
add('native analysis, wall clock', (c) => (native[c] ? `${fmt(r2(mbps(native[c].input_bytes, native[c].analyse_wall_ms)))} MB/s (${native[c].analyse_wall_ms} ms)` : '—'));
add('native peak heap', (c) => (native[c]?.peak_heap_mb != null ? `${native[c].peak_heap_mb} MB (${native[c].peak_heap_over_input}× input); analysis ${native[c].held_heap_mb} MB` : '—'));
add('native peak resident', (c) => (native[c] ? `${native[c].peak_rss_mb} MB (whole process)` : '—'));
add('native start-up (built-in lists)', (c) => (native[c] ? `${native[c].startup_ms} ms` : '—'));
add('native analysis → worker parts', (c) => (native[c] ? `${native[c].parts_mb} MB in ${native[c].parts_ms} ms, read in ${native[c].parts_read_ms} ms` : '—'));
add('native page heap reading them', (c) => (native[c]?.read_peak_heap_mb != null ? `${native[c].read_peak_heap_mb} MB at the most` : '—'));
add('wasm worker analysis', (c) => (wasm[c]?.error ? `failed: ${wasm[c].error}` : wasm[c] ? `${fmt(wasm[c].worker_mb_s)} MB/s (${wasm[c].worker_elapsed_ms} ms)` : '—'));
add('wasm worker round trip', (c) => (wasm[c] ? `${fmt(wasm[c].worker_wall_mb_s)} MB/s (${wasm[c].worker_wall_ms} ms)` : '—'));
add('wasm worker memory', (c) => (wasm[c]?.worker_memory_mb ? `${wasm[c].worker_memory_mb} MB (${wasm[c].worker_memory_over_input}× input)` : '—'));
add('wasm worker, same texts again', (c) => (wasm[c]?.reanalysis_ms != null ? `${fmt(wasm[c].reanalysis_mb_s)} MB/s (${wasm[c].reanalysis_ms} ms); memory ${wasm[c].reanalysis_memory_over_input}× input` : '—'));
add('wasm worker start-up', (c) => (wasm[c]?.worker_startup_ms != null ? `${wasm[c].worker_startup_ms} ms` : '—'));
add('app: files opened → shown', (c) => (wasm[c]?.app_error ? `failed: ${wasm[c].app_error}` : wasm[c]?.app_ms != null ? `${wasm[c].app_ms} ms; page task ≤ ${wasm[c].app_longest_task_ms} ms` : '—'));
add('app: tab memory (page + worker)', (c) => (wasm[c]?.tab_added_mb != null ? `+${wasm[c].tab_added_mb} MB (${wasm[c].tab_added_over_input}× input), peak ${wasm[c].tab_peak_mb} MB; page wasm ${fmt(wasm[c].page_wasm_mb, ' MB')}` : '—'));
add('wink-nlp same text', (c) => (wasm[c] ? `${fmt(wasm[c].wink_mb_s)} MB/s (${wasm[c].wink_ms} ms)` : '—'));
add('Prisme vs wink-nlp (×)', (c) => fmt(wasm[c]?.ratio_vs_wink, '×'));
const width = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((v, i) => String(v).padEnd(width[i])).join('  ').trimEnd();
console.log(`Prisme benchmark, ${results.date.slice(0, 16)} UTC, ${results.cpu}, Chromium ${results.chromium ?? '—'}`);
console.log(`(native times are thread CPU time; browser times are wall clock)`);
for (const r of rows) console.log(line(r));
if (load) {
  console.log(`page first visit: ${load.transfer_raw_kb} KB raw, ${load.transfer_gzip_kb} KB gzip -9 (${load.files.length} files)`);
  const range = (k) => {
    const xs = load.seeds_runs.map((v) => v[k]).filter((x) => x != null);
    return xs.length > 1 ? ` [${r1(Math.min(...xs))}–${r1(Math.max(...xs))}]` : '';
  };
  console.log(`page, median of ${load.visits} fresh visit(s) [range]: first contentful paint ${load.fcp_ms} ms; demo shown analysed ${load.demo_shown_ms} ms; five seeds opened → shown ${fmt(load.seeds_from_change_ms)} ms${range('from_change_ms')} from the page's change event (${load.seeds_shown_ms} ms${range('seeds_ms')} from the browser driver's call); the worker's analysis ${fmt(load.seeds_worker_ms)} ms${range('worker_ms')}`);
}
for (const name of ['native', 'wasm']) {
  const g = growth[name];
  if (g.length) console.log(`growth ${name}: ` + g.map((p) => `${p.mb} MB ${r1(p.ms / 1000)} s${p.memory_over_input ? ` (memory ${p.memory_over_input}×)` : ''}`).join(', '));
}
if (scale) {
  console.log(scale.error ? `app ${scale.mb} MB: failed: ${scale.error}`
    : `app ${scale.mb} MB: worker ${r1(scale.worker_ms / 1000)} s (memory ${scale.worker_memory_over_input}× input); files opened → shown ${r1(scale.app_ms / 1000)} s (${r1(scale.app_from_change_ms / 1000)} s from the page's change event); longest page task after that ${scale.longest_own_task_ms} ms${scale.tab_added_mb != null ? `; the tab (page and worker) took ${scale.tab_added_mb} MB more (${scale.tab_added_over_input}× input), peak ${scale.tab_peak_mb} MB, of which the page's WebAssembly memory ${fmt(scale.page_wasm_mb, ' MB')} (${fmt(scale.page_wasm_over_input, '×')} input)` : ''}`);
}
for (const f of growth.wasm_failed) console.log(`growth wasm: ${f.corpus} not analysed: ${f.error}`);
// Where we stand against the targets (README, "Performance").
{
  const speeds = Object.values(wasm).map((w) => w.worker_mb_s).filter((x) => x != null);
  const mark = (ok) => (ok == null ? '?' : ok ? 'met' : 'not met');
  const t = [];
  const slowest = speeds.length ? Math.min(...speeds) : null;
  t.push(`wasm ≥ 20 MB/s: ${fmt(slowest, ' MB/s')} (${mark(slowest == null ? null : slowest >= 20)})`);
  t.push(`≥ 10× wink-nlp: ${fmt(results.ratio_vs_wink, '×')} (${mark(results.ratio_vs_wink == null ? null : results.ratio_vs_wink >= 10)})`);
  if (load) {
    t.push(`≤ 600 KB gzip: ${load.transfer_gzip_kb} KB (${mark(load.transfer_gzip_kb <= 600)})`);
    // From the page's change event: the browser driver's own round trips
    // to hand the files over are not the page's time.
    t.push(`seeds < 100 ms: ${fmt(load.seeds_from_change_ms)} ms, median from the change event (${mark(load.seeds_from_change_ms == null ? null : load.seeds_from_change_ms < 100)})`);
  }
  const g = growth.wasm.length ? growth.wasm : growth.native;
  if (g.length > 1) {
    const last = g[g.length - 1];
    const perMb = (p) => p.ms / p.mb;
    t.push(`linear growth: seconds per MB ${g.map((p) => `${r2(perMb(p) / 1000)} at ${p.mb} MB`).join(', ')} (${growth.wasm.length ? 'wasm' : 'native'})`);
    if (last.memory_over_input != null) t.push(`${last.mb} MB in the worker: memory ${last.memory_over_input}× input (${mark(last.memory_over_input <= 5)} ≤ 5×)`);
  }
  if (scale?.tab_added_over_input != null) t.push(`${scale.mb} MB in the app: the tab took ${scale.tab_added_over_input}× input more (${mark(scale.tab_added_over_input <= 5)} ≤ 5×)`);
  console.log(`targets: ${t.join('; ')}`);
}
console.log(`regression metric ratio_vs_wink: ${fmt(results.ratio_vs_wink, '×')}   (JSON: ${join(dir, 'results.json')})`);

if (svgFile) writeFileSync(svgFile, plot(growth));

/** Time against corpus size, each series with the line linear growth from its smallest corpus would follow. */
function plot(growth) {
  const series = [['native (CPU time)', growth.native, '#1f5fa8'], ['wasm worker', growth.wasm, '#b5452a']].filter(([, g]) => g.length);
  const W = 560; const H = 340; const L = 64; const R = 20; const T = 36; const B = 48;
  const maxX = Math.max(1, ...series.flatMap(([, g]) => g.map((p) => p.mb)));
  const maxY = Math.max(1, ...series.flatMap(([, g]) => g.map((p) => p.ms / 1000)));
  const niceStep = (m) => { const s = 10 ** Math.floor(Math.log10(m / 5)); return [1, 2, 5, 10].map((k) => k * s).find((k) => m / k <= 6); };
  const sx = niceStep(maxX); const sy = niceStep(maxY);
  const X = Math.ceil(maxX / sx) * sx; const Y = Math.ceil(maxY / sy) * sy;
  const px = (x) => r1(L + (x / X) * (W - L - R)); const py = (y) => r1(H - B - (y / Y) * (H - T - B));
  let s = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12">\n`;
  s += `<title>Prisme: analysis time against corpus size</title>\n<rect width="${W}" height="${H}" fill="#fff"/>\n`;
  // The dashed lines stop at the plot's edges.
  s += `<clipPath id="plot"><rect x="${L}" y="${T}" width="${W - L - R}" height="${H - T - B}"/></clipPath>\n`;
  s += `<text x="${L}" y="20" font-size="14" font-weight="bold">Analysis time against corpus size (English news corpus)</text>\n`;
  for (let x = 0; x <= X + 1e-9; x += sx) s += `<line x1="${px(x)}" x2="${px(x)}" y1="${T}" y2="${H - B}" stroke="#ddd"/><text x="${px(x)}" y="${H - B + 16}" text-anchor="middle">${r1(x)}</text>\n`;
  for (let y = 0; y <= Y + 1e-9; y += sy) s += `<line x1="${L}" x2="${W - R}" y1="${py(y)}" y2="${py(y)}" stroke="#ddd"/><text x="${L - 6}" y="${py(y) + 4}" text-anchor="end">${r1(y)}</text>\n`;
  s += `<text x="${(L + W - R) / 2}" y="${H - 10}" text-anchor="middle">corpus size (MB)</text>\n`;
  s += `<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">analysis time (s)</text>\n`;
  series.forEach(([name, g, colour], i) => {
    // Linear growth at the rate of the smallest corpus: where the points leave this line, growth is worse than linear.
    const k = g[0].ms / 1000 / g[0].mb;
    s += `<line x1="${px(0)}" y1="${py(0)}" x2="${px(X)}" y2="${py(k * X)}" stroke="${colour}" stroke-dasharray="4 4" opacity="0.6" clip-path="url(#plot)"/>\n`;
    s += `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${g.map((p) => `${r1(px(p.mb))},${r1(py(p.ms / 1000))}`).join(' ')}"/>\n`;
    for (const p of g) s += `<circle cx="${r1(px(p.mb))}" cy="${r1(py(p.ms / 1000))}" r="3.5" fill="${colour}"><title>${p.mb} MB: ${r1(p.ms / 1000)} s</title></circle>\n`;
    s += `<text x="${L + 12}" y="${T + 16 + i * 16}" fill="${colour}">${name}; dashed: linear growth at the ${g[0].mb} MB rate (${r2(1 / k)} MB/s)</text>\n`;
  });
  return s + '</svg>\n';
}
