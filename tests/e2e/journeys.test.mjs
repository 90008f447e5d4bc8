// The analyst's journeys on the release build, in Debian's Chromium, with
// screenshots under tests/e2e/screenshots. Expected values come from reading
// the seed texts (../shared/corpus/seeds).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, analysed, actorTable, SEEDS, SHOTS, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const seedFiles = () => readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));

/** Replaces the demo corpus with the five seeds. */
async function loadSeeds(page) {
  await analysed(page, 4);
  while (await page.locator('.doc button.remove').count() > 0) {
    await page.locator('.doc button.remove').first().click();
  }
  await page.setInputFiles('#open-files', seedFiles());
  await analysed(page, 5);
}

test('journey 1: load the seeds, find the Syrian government and open its evidence', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'fr-FR' });
  await loadSeeds(page);
  await page.click('role=tab[name="Acteurs"]');
  await page.fill('.filters input[type=search]', 'syrie');
  await page.click('table.actors tbody button:text-is("Syrie")');
  await page.waitForSelector('.actor-page h2');
  assert.match(await page.textContent('.actor-page h2'), /Syrie/);
  // The State Department statement (000) condemns the Assad regime throughout:
  // its score for Syria must be negative, and its evidence must show why.
  const summary = page.locator('.actor-sentiment details.evidence-source summary', { hasText: '000_9904e9e6f32cea34.txt' });
  assert.equal(await summary.count(), 1);
  const score = Number((await summary.textContent()).match(/([+−-]\d+[.,]\d+)/)[1].replace('−', '-').replace(',', '.'));
  assert.ok(score < 0, `000 treats Syria negatively (score ${score})`);
  const details = page.locator('.actor-sentiment details.evidence-source', { hasText: '000_9904e9e6f32cea34.txt' });
  await details.evaluate((d) => { d.open = true; });
  const negativeCues = await details.locator('.cue.negative').allTextContents();
  assert.ok(negativeCues.length > 0, 'negative cue words are shown');
  // Every cue shown is a word of the text it comes from.
  const text000 = readFileSync(join(SEEDS, '000_9904e9e6f32cea34.txt'), 'utf8');
  for (const cue of negativeCues) assert.ok(text000.includes(cue), `“${cue}” is in 000`);
  await page.screenshot({ path: join(SHOTS, 'journey1-syria-evidence.png'), fullPage: true });
  await page.locator('.actor-sentiment').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('.actor-sentiment').scrollIntoView());
  await page.screenshot({ path: join(SHOTS, 'readme-actor-evidence.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('journey 2: merging two actors adds up their counts', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'fr-FR' });
  await loadSeeds(page);
  await page.click('role=tab[name="Acteurs"]');
  const before = await actorTable(page);
  const lavrov = Object.keys(before).find((n) => n.includes('Lavrov'));
  assert.ok(lavrov, 'Lavrov is an actor');
  assert.ok(before['Russie'], 'Russia is an actor');
  const expected = before['Russie'].Total + before[lavrov].Total;
  await page.click(`table.actors tbody button:text-is("${lavrov}")`);
  const russia = await page.locator('#merge-into option', { hasText: /^Russie \(/ }).getAttribute('value');
  await page.selectOption('#merge-into', russia);
  await page.click('.actor-edits .edit-row:has(#merge-into) button');
  await analysed(page, 5);
  await page.click('role=tab[name="Acteurs"]');
  await page.click('.actor-page .back').catch(() => {});
  const after = await actorTable(page);
  assert.equal(after['Russie'].Total, expected);
  assert.equal(after[lavrov], undefined, 'Lavrov is merged away');
  assert.equal(await page.locator('.edits li').count(), 1, 'the edit is listed, with an undo');
  await page.screenshot({ path: join(SHOTS, 'journey2-merged.png'), fullPage: true });
  await page.click('.edits li button');
  await analysed(page, 5);
  assert.ok((await actorTable(page))[lavrov], 'undo brings Lavrov back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('journey 3 and 4: switch the language, reload, and find everything still there', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'en-US' });
  await analysed(page, 4);
  assert.equal(await page.locator('role=tab[name="Overview"]').count(), 1);
  await page.click('text=Français');
  assert.equal(await page.locator('role=tab[name="Vue d’ensemble"]').count(), 1);
  assert.equal(await page.getAttribute('.page', 'lang'), 'fr');
  // Some work to keep: a pasted text and an edited title.
  await page.fill('#paste', 'Les diplomates de Moscou ont répondu à Ankara mardi.');
  await page.click('button:text-is("Ajouter le texte")');
  await analysed(page, 5);
  const doc = page.locator('.doc[data-id="texte-1"]');
  await doc.locator('summary').click();
  await doc.locator('.doc-edit input').first().fill('Dépêche de test');
  await doc.locator('.doc-edit input').first().press('Enter');
  await doc.locator('.doc-edit input').first().blur();
  await page.waitForFunction(() => document.querySelector('.doc[data-id="texte-1"] .doc-title')?.textContent === 'Dépêche de test');
  await page.reload();
  await analysed(page, 5);
  assert.equal(await page.locator('role=tab[name="Vue d’ensemble"]').count(), 1, 'the language choice is kept');
  assert.equal(await page.locator('.doc[data-id="texte-1"] .doc-title').textContent(), 'Dépêche de test');
  assert.equal(await page.locator('.doc').count(), 5);
  await page.screenshot({ path: join(SHOTS, 'journey3-french-after-reload.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('journey 5: export JSON and CSV', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'fr-FR' });
  await loadSeeds(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const analysis = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(analysis.documents.length, 5);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(csv.suggestedFilename(), 'prisme-tables.zip');
  const list = spawnSync('python3', ['-c', 'import sys,zipfile; print("\\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))', await csv.path()], { encoding: 'utf8' });
  assert.equal(list.status, 0, list.stderr);
  const names = list.stdout.trim().split('\n');
  for (const table of ['documents', 'actors', 'mentions', 'sentiment', 'keywords', 'labels', 'frames', 'markers']) {
    assert.ok(names.includes(`prisme/${table}.csv`), `${table}.csv is in the ZIP`);
  }
  const docs = spawnSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("prisme/documents.csv").decode())', await csv.path()], { encoding: 'utf8' });
  const rows = docs.stdout.trim().split('\n');
  assert.equal(rows.length, 6, 'a header and one row per seed');
  assert.ok(rows[0].startsWith('id,name,title,source,date,language'));
  // The report: one self-contained page, in the interface's language, that
  // records the settings and the data files used.
  const [report] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
  const html = readFileSync(await report.path(), 'utf8');
  assert.match(html, /^<!doctype html><html lang="fr">/);
  assert.ok(html.includes('Rapport Prisme') && html.includes('Fichiers de données utilisés') && html.includes('data/lexicon/sentiment_fr.tsv'));
  assert.ok(!/<script|https?:\/\//.test(html), 'no script and no outside resource');
  for (const f of seedFiles()) assert.ok(html.includes(f.split('/').pop()), 'every document is listed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('journey 6: blind sources hide the outlets until revealed', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'en-US' });
  await analysed(page, 4);
  const outlets = ['Estrevian National News Agency', 'Continental Wire', 'Free Voice'];
  await page.click('button:text-is("Blind sources")');
  const shown = await page.locator('main').textContent();
  for (const o of outlets) assert.ok(!shown.includes(o), `${o} is hidden`);
  assert.ok(shown.includes('Source A') && shown.includes('Source B'));
  await page.click('role=tab[name="Framing"]');
  await page.waitForSelector('.key-terms');
  const framing = await page.locator('main').textContent();
  for (const o of outlets) assert.ok(!framing.includes(o), `${o} is hidden in the framing view`);
  await page.screenshot({ path: join(SHOTS, 'journey6-blind.png'), fullPage: true });
  await page.screenshot({ path: join(SHOTS, 'readme-blind-framing.png') });
  await page.click('button:text-is("Reveal sources")');
  const revealed = await page.locator('main').textContent();
  for (const o of outlets) assert.ok(revealed.includes(o), `${o} is revealed`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('journey 7: offline after the first visit', async () => {
  const { page, context } = await openPage(env, { locale: 'en-US' });
  await analysed(page, 4);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Wait until the service worker controls the page and has the app cached.
  await page.reload();
  await analysed(page, 4);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await context.setOffline(true);
  await page.reload();
  await analysed(page, 4);
  assert.equal(await page.locator('.doc').count(), 4);
  await page.screenshot({ path: join(SHOTS, 'journey7-offline.png'), fullPage: true });
  await context.close();
});

test('no request leaves the page’s origin, and none is made after load', async () => {
  const { page, context, requests } = await openPage(env, { locale: 'fr-FR' });
  await loadSeeds(page);
  const origin = new URL(env.url).origin;
  const loaded = requests.length;
  for (const tab of ['Acteurs', 'Cadrage', 'Lecture', 'Vue d’ensemble', 'Concordance']) {
    await page.click(`role=tab[name="${tab}"]`);
  }
  await page.fill('#kwic-query', 'régime');
  await page.click('.kwic-form button[type=submit]');
  await page.waitForSelector('.kwic-lines li');
  assert.deepEqual(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:')), []);
  assert.deepEqual(requests.slice(loaded).filter((r) => !r.startsWith('blob:')), [], 'no request after load');
  await context.close();
});

test('the reader marks mentions and sentiment cues; the concordance finds a word', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'fr-FR' });
  await loadSeeds(page);
  await page.click('.doc[data-id="002_76c8f5303295dde6.txt"] .doc-title');
  await page.waitForSelector('.reader-text');
  const text = await page.locator('.reader-text').textContent();
  const original = readFileSync(join(SEEDS, '002_76c8f5303295dde6.txt'), 'utf8');
  assert.equal(text, original, 'the reader shows the text exactly');
  const turkey = await page.locator('.reader-text button.mention.kind-state', { hasText: 'Turquie' }).count();
  assert.ok(turkey >= 4, `Turquie is marked as a state (${turkey} times)`);
  assert.ok(await page.locator('.reader-text .cue.negative', { hasText: 'carnage' }).count() > 0, '“carnage” is a negative cue');
  await page.locator('.reader-text button.mention', { hasText: 'Turquie' }).first().click();
  assert.match(await page.textContent('.mention-info'), /Turquie/);
  await page.screenshot({ path: join(SHOTS, 'reader.png'), fullPage: true });
  await page.click('role=tab[name="Concordance"]');
  await page.fill('#kwic-query', 'terroristes');
  await page.click('.kwic-form button[type=submit]');
  await page.waitForSelector('.kwic-lines li');
  // "terroristes" occurs in 003 and 004 only.
  const docs = await page.locator('.kwic-lines .kwic-doc').allTextContents();
  assert.ok(docs.length >= 10);
  assert.ok(docs.every((d) => d.includes('003_') || d.includes('004_')), docs.join(' | '));
  await page.screenshot({ path: join(SHOTS, 'concordance.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no serious accessibility violation on the main views', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.url);
  await analysed(page, 4);
  const axe = join(ROOT, 'node_modules/axe-core/axe.min.js');
  const found = [];
  for (const tab of ['Overview', 'Actors', 'Framing', 'Reader', 'Concordance']) {
    await page.click(`role=tab[name="${tab}"]`);
    await page.addScriptTag({ path: axe });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${tab}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  assert.deepEqual(found, []);
  await context.close();
});

test('a class shares an actor list: export it, load one back, and a bad list is refused by name', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'en-US' });
  await analysed(page, 4);
  await page.click('role=tab[name="Actors"]');
  const [tsv] = await Promise.all([page.waitForEvent('download'), page.click('#export-actors-tsv')]);
  const exported = readFileSync(await tsv.path(), 'utf8');
  assert.match(exported, /\tperson\t[^\n]*Anton Varesco/, 'the list holds the demo’s president as a person');
  // The built-in list cannot know the demo's fictional state: the class adds it.
  const list = join(ROOT, 'tests/e2e/out/estrevia.tsv');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(join(ROOT, 'tests/e2e/out'), { recursive: true });
  writeFileSync(list, '# id\tkind\tparent\tname_fr\tname_en\taliases\nx:estrevia\tstate\t\tEstrévie\tEstrevia\tSarvona\n');
  await page.setInputFiles('#import-actors', list);
  // The list is read asynchronously; once taken, the corpus is analysed again.
  await page.waitForFunction(() => /Your list: 1 actor/.test(document.querySelector('.actor-list')?.textContent ?? ''));
  await analysed(page, 4);
  const table = await actorTable(page);
  assert.ok(table['Estrevia'], `Estrevia is an actor (${Object.keys(table).join(', ')})`);
  assert.equal(table['Estrevia'].kind, 'state');
  // "Sarvona" (the capital) now counts for Estrevia: the wire names it once, the ministry three times.
  assert.equal(table['Estrevia']['Continental Wire'], 1);
  assert.equal(table['Sarvona'], undefined, 'Sarvona is no longer an actor of its own');
  const bad = join(ROOT, 'tests/e2e/out/broken.json');
  writeFileSync(bad, '[{"id":"x:a","kind":"planet","parent":"","name_fr":"A","name_en":"A","aliases":[]}]');
  await page.setInputFiles('#import-actors', bad);
  await page.waitForSelector('.notice-error');
  assert.match(await page.textContent('.notice-error'), /broken\.json: .*unknown kind `planet`/);
  assert.match(await page.textContent('.actor-list'), /Your list: 1 actor/, 'the earlier list is kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a table is read one document per row, and the user picks its columns', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'fr-FR' });
  await analysed(page, 4);
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(join(ROOT, 'tests/e2e/out'), { recursive: true });
  const csv = join(ROOT, 'tests/e2e/out/revue.csv');
  writeFileSync(csv, [
    'Titre;Journal;Parution;Texte',
    '"Grève à Lyon";Le Quotidien;2024-03-01;"Les syndicats de Lyon ont appelé à la grève lundi, a déclaré la CGT à Paris."',
    '"Sommet à Bruxelles";La Gazette;2024-03-02;"Les dirigeants de l\'Union européenne se sont réunis à Bruxelles, selon Le Monde."',
    '"Budget voté";Le Quotidien;2024-03-03;"L\'Assemblée nationale a voté le budget, a annoncé le gouvernement français mardi."',
  ].join('\n'));
  await page.setInputFiles('#open-files', csv);
  await page.waitForSelector('.table-columns');
  assert.match(await page.textContent('.table-columns h2'), /revue\.csv \(3 lignes/);
  // The guess: the long cells are the text, "Titre" is the title.
  assert.equal(await page.$eval('#column-text', (s) => s.selectedOptions[0].textContent), 'Texte');
  assert.equal(await page.$eval('#column-title', (s) => s.selectedOptions[0].textContent), 'Titre');
  await analysed(page, 7);
  // The user says where the outlet and the date are.
  await page.selectOption('#column-source', { label: 'Journal' });
  await page.selectOption('#column-date', { label: 'Parution' });
  await page.click('#table-apply');
  await page.waitForSelector('.table-columns', { state: 'detached' });
  await analysed(page, 7);
  const groups = await page.$$eval('.source-name', (els) => els.map((e) => e.textContent));
  assert.ok(groups.includes('Le Quotidien') && groups.includes('La Gazette'), groups.join(' | '));
  const quotidien = page.locator('.source-group', { has: page.locator('.source-name', { hasText: 'Le Quotidien' }) });
  assert.equal(await quotidien.locator('.doc').count(), 2, 'two rows come from Le Quotidien');
  assert.match(await quotidien.locator('.doc-meta').first().textContent(), /2024-03-01/);
  assert.equal(await page.locator('.doc').count(), 7, 'the demo documents are still there');
  await page.screenshot({ path: join(SHOTS, 'table-columns.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('adding an actor and splitting a spelling off, in the Actors view', async () => {
  const { page, context, errors } = await openPage(env, { locale: 'en-US' });
  await analysed(page, 4);
  await page.click('role=tab[name="Actors"]');
  // The demo's Mirvane is the market town: the class adds it as a place, with its market.
  await page.fill('#add-actor-name', 'Mirvane market');
  await page.selectOption('#add-actor-kind', 'place');
  await page.fill('#add-actor-aliases', 'market of Mirvane, Mirvane market');
  await page.click('#add-actor');
  await analysed(page, 4);
  let table = await actorTable(page);
  assert.ok(table['Mirvane market'], Object.keys(table).join(', '));
  assert.equal(table['Mirvane market'].kind, 'place');
  // Split "VLF" off the Valdorian Liberation Front: its mentions move, none is lost.
  const front = Object.keys(table).find((n) => n.includes('Liberation Front'));
  const before = table[front].Total;
  await page.click(`table.actors tbody button:text-is("${front}")`);
  await page.selectOption('#split-alias', 'VLF');
  await page.fill('#split-name', 'VLF (acronym)');
  await page.click('.actor-edits .edit-row:has(#split-alias) button');
  await analysed(page, 4);
  await page.click('role=tab[name="Overview"]');
  await page.click('role=tab[name="Actors"]');
  await page.locator('.actor-page .back').click().catch(() => {});
  table = await actorTable(page);
  assert.ok(table['VLF (acronym)'], Object.keys(table).join(', '));
  assert.ok(table['VLF (acronym)'].Total > 0);
  assert.equal(table[front].Total + table['VLF (acronym)'].Total, before, 'no mention is lost or counted twice');
  assert.equal(await page.locator('.edits li').count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});
