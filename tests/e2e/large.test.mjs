// A large corpus on the release build: the analysis runs in the worker with a
// progress bar and a Cancel button, the page keeps responding, and nothing
// loaded is lost. Long tasks on the page's thread are measured and printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, analysed, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NEWSMTSC = join(ROOT, '../shared/data/newsmtsc/rw-train.jsonl');

/** Writes `files` documents of about `perFile` bytes each, made of NewsMTSC sentences (test data, never shipped). */
function corpus(files, perFile) {
  const sentences = readFileSync(NEWSMTSC, 'utf8').trim().split('\n').map((l) => JSON.parse(l).sentence);
  const dir = join(ROOT, 'tests/e2e/out/large');
  mkdirSync(dir, { recursive: true });
  const paths = [];
  let k = 0;
  for (let f = 0; f < files; f++) {
    let text = '';
    while (text.length < perFile) {
      text += sentences[k % sentences.length] + (k % 5 === 4 ? '\n\n' : ' ');
      k += 7; // a different mix of sentences in every file
    }
    const path = join(dir, `news-${String(f).padStart(3, '0')}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}

/** Starts recording the page thread's long tasks (over 50 ms) in window.__longTasks. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
}

test('a large corpus shows progress, can be cancelled, and the page keeps responding', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, 4);
  await watchLongTasks(page);
  const files = corpus(40, 100_000); // about 4 MB
  await page.setInputFiles('#open-files', files);
  await page.waitForSelector('#cancel-analysis', { timeout: 30000 });
  await page.waitForSelector('progress.analysis-progress', { timeout: 30000 });
  // Typing still works while the worker analyses.
  const typed = Date.now();
  await page.fill('#paste', 'Typing while the analysis runs.');
  const typing = Date.now() - typed;
  assert.equal(await page.inputValue('#paste'), 'Typing while the analysis runs.');
  await page.click('#cancel-analysis');
  await page.waitForFunction(() => document.querySelector('.status').dataset.busy === 'false');
  assert.equal(await page.locator('.doc').count(), 44, 'every document is kept after cancelling');
  assert.match(await page.textContent('.notices'), /cancelled/);
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`# large corpus, while analysing: typing took ${typing} ms; long tasks on the page's thread: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a large corpus is analysed to the end, and its results are shown', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, 4);
  await watchLongTasks(page);
  const files = corpus(20, 100_000); // about 2 MB
  const started = Date.now();
  await page.setInputFiles('#open-files', files);
  await page.waitForFunction(() => {
    const s = document.querySelector('.status');
    return s.dataset.busy === 'false' && s.dataset.analysed === '24';
  }, null, { timeout: 120000 });
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(() => window.__longTasks);
  console.log(`# 2 MB corpus: analysed and shown in ${seconds.toFixed(1)} s; long tasks on the page's thread: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`);
  assert.ok(await page.locator('table.actors tbody tr').count() > 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a folder of 130 files without source names: the list grows on demand, and the views draw the 20 largest sources', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, 4);
  // 130 files of growing length (60 more words each): the last twenty are the longest.
  const paths = corpus(130, 400).map((path, i) => {
    const extra = ' Washington and Moscow met again.'.repeat(i * 10);
    writeFileSync(path, readFileSync(path, 'utf8') + extra);
    return path;
  });
  await page.setInputFiles('#open-files', paths);
  await analysed(page, 134);
  // The list shows the first hundred documents, and a button for the rest.
  assert.equal(await page.locator('.doc').count(), 100);
  await page.click('.show-more-documents');
  assert.equal(await page.locator('.doc').count(), 134);
  assert.equal(await page.locator('.show-more-documents').count(), 0);
  // 134 sources: a note says so, and the table has a column for each of the 20 longest files.
  assert.match(await page.textContent('.sources-capped'), /134 sources: charts and tables show the 20 with the most words/);
  const columns = await page.$$eval('table.actors thead th', (ths) => ths.map((th) => th.textContent.trim()));
  const sourceColumns = columns.slice(2, -1); // actor, kind, the sources, total
  assert.deepEqual(sourceColumns, Array.from({ length: 20 }, (_, i) => `news-${110 + i}.txt`));
  assert.deepEqual(errors, []);
  await context.close();
});
