// End-to-end journeys on the release build, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, analysed, actorTable, SEEDS, SHOTS, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Every request went to the page's own origin. */
function sameOrigin(requests) {
  const origin = new URL(env.url).origin;
  return requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'));
}

test('the page opens with the demo corpus analysed', async () => {
  const { page, context, errors, requests } = await openPage(env);
  await analysed(page, 4);
  const sources = await page.$$eval('.source-name', (els) => els.map((e) => e.textContent));
  for (const outlet of ['Estrevian National News Agency', 'Continental Wire', 'Free Voice',
    'Ministry of Foreign Affairs of the Republic of Morenza']) {
    assert.ok(sources.some((s) => s.includes(outlet)), `${outlet} is listed`);
  }
  const table = await actorTable(page);
  // Each of the four reports names the wire's rebel group by its acronym or name; the
  // demo's key person, President Varesco, is named in all four (data/demo/README.md).
  const varesco = Object.keys(table).filter((name) => name.includes('Varesco'));
  assert.ok(varesco.length > 0, 'Varesco is an actor');
  // The English demo goes through the English sentiment model: the page's
  // export and the CLI's output on the same files are the same bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const exported = readFileSync(await download.path(), 'utf8');
  const demo = join(ROOT, 'data/demo/en');
  const files = readdirSync(demo).filter((f) => f.endsWith('.md')).sort().map((f) => join(demo, f));
  const cli = spawnSync(process.env.PRISME_CLI ?? 'target/release/prisme', ['analyse', ...files, '--json'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(exported, cli.stdout, 'the English demo exports the same bytes as the CLI');
  assert.ok(JSON.parse(exported).sentiment_evidence.length > 0);
  await page.screenshot({ path: join(SHOTS, 'demo.png'), fullPage: true });
  await page.evaluate(() => document.querySelector('.chart')?.scrollIntoView());
  await page.screenshot({ path: join(SHOTS, 'readme-overview.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(sameOrigin(requests), []);
  await context.close();
});

test('a pasted text is added to the corpus and analysed', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, 4);
  await page.fill('#paste', 'Officials in Moscow and Washington traded accusations on Monday.\n\nThe talks had failed, a diplomat in Washington said.');
  await page.click('text=Add text');
  await analysed(page, 5);
  assert.equal(await page.locator('.doc[data-id="texte-1"]').count(), 1);
  await page.click('role=tab[name="Actors"]');
  const table = await actorTable(page);
  // Capitals stand for their states: Washington twice, Moscow once.
  assert.ok(table['United States'], `the United States is an actor (actors: ${Object.keys(table).join(', ')})`);
  assert.equal(table['United States']['texte-1'], 2);
  assert.equal(table['United States'].kind, 'state');
  assert.equal(table['Russia']['texte-1'], 1);
  // The demo documents are still there: adding never replaces.
  assert.equal(await page.locator('.doc').count(), 5);
  await page.screenshot({ path: join(SHOTS, 'pasted.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the five seeds, uploaded through the file input, are listed, analysed and export the same JSON as the CLI', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'fr-FR' });
  await analysed(page, 4);
  // Start from an empty corpus so that the export covers the seeds alone.
  while (await page.locator('.doc button.remove').count() > 0) {
    await page.locator('.doc button.remove').first().click();
  }
  await page.waitForFunction(() => document.querySelectorAll('.doc').length === 0);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  assert.equal(files.length, 5);
  await page.setInputFiles('#open-files', files);
  await analysed(page, 5);
  for (const f of files) {
    const id = f.split('/').pop();
    assert.equal(await page.locator(`.doc[data-id="${id}"]`).count(), 1, `${id} is listed`);
  }
  // Metadata read from the files, as a reader sees it in them.
  const doc003 = page.locator('.doc[data-id="003_c662902fbac361e2.txt"]');
  assert.equal(await doc003.locator('.doc-title').textContent(), 'Le soutien des États-Unis aux terroristes en Syrie');
  assert.match(await page.locator('.doc[data-id="000_9904e9e6f32cea34.txt"] .doc-meta').textContent(), /2019-05/);
  await page.screenshot({ path: join(SHOTS, 'seeds.png'), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const exported = readFileSync(await download.path(), 'utf8');
  const cli = spawnSync(process.env.PRISME_CLI ?? 'target/release/prisme', ['analyse', ...files, '--json'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(exported, cli.stdout, 'the web export and the CLI output are byte-identical');
  const analysis = JSON.parse(exported);
  assert.equal(analysis.documents.length, 5);
  assert.deepEqual(analysis.documents.map((d) => d.id), files.map((f) => f.split('/').pop()));

  // The files name no source, so each is its own source: the export gives
  // them no source rows of sentiment (their document rows say it all), and
  // the sentiment grid still scores every source from those rows.
  assert.ok(analysis.sentiment.length > 0);
  assert.ok(analysis.sentiment.every((r) => !('source' in r.scope)), 'no sentiment row repeats a document as its source');
  const cells = await page.$$eval('svg.heatmap g.cell', (els) => els.map((e) => e.getAttribute('aria-label')));
  const cell = (actor, file) => cells.find((c) => c.startsWith(`${actor}, ${file}`));
  assert.equal(new Set(cells.map((c) => c.split(', ')[1].split(':')[0])).size, 5, 'one column per file');
  // Every text is about Syria: its row has a number in every column.
  for (const f of files.map((f) => f.split('/').pop().replace(/\.txt$/, ''))) {
    assert.match(cell('Syrie', f) ?? '', /: [+-]?\d\.\d\d/, `Syria is scored in ${f}`);
  }
  // The State Department's statement accuses "the Assad regime": negative.
  const assad = /: ([+-]?\d\.\d\d)/.exec(cell('Bachar el-Assad', '000_9904e9e6f32cea34') ?? '');
  assert.ok(assad && Number(assad[1]) < 0, `Assad is treated negatively by the State Department (${cell('Bachar el-Assad', '000_9904e9e6f32cea34')})`);
  await page.locator('svg.heatmap').screenshot({ path: join(SHOTS, 'seeds-sentiment.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
