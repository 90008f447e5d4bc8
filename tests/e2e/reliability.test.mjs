// Bad, hostile and huge input on the release build: clear messages, nothing
// lost, nothing executed (issue 9). Fixtures are written to a temporary
// directory at test time; the 60 MB file is never committed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage, analysed } from './harness.mjs';

const DEMO = 4; // the demo corpus a fresh page loads
let env;
let dir;
before(async () => {
  env = await start();
  dir = mkdtempSync(join(tmpdir(), 'prisme-reliability-'));
});
after(async () => {
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fixture(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The texts of the notices shown. */
async function notices(page) {
  return page.$$eval('.notices .notice', (els) => els.map((e) => e.textContent));
}

/** Selects a document in the Reader and returns the text shown and the marks. */
async function reader(page, id) {
  await page.click('role=tab[name="Reader"]');
  await page.selectOption('.reader-choose select', id);
  await page.waitForFunction((id) => document.querySelector('.reader-choose select').value === id, id);
  return page.$eval('.reader-text', (el) => ({
    text: el.textContent,
    marks: [...el.querySelectorAll('button.mention')].map((b) => {
      // The characters either side of the mark, as the reader sees them.
      const before = b.previousSibling ? b.previousSibling.textContent.slice(-1) : '';
      const after = b.nextSibling ? b.nextSibling.textContent.slice(0, 1) : '';
      return { word: b.textContent, before, after };
    }),
  }));
}

test('binary files and an empty file are named in a message each, and the text files beside them load', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6300010000050001' +
    '0d0a2db40000000049454e44ae426082', 'hex');
  const zip = Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), Buffer.alloc(200, 7)]);
  const files = [
    fixture('photo.png', png),
    fixture('archive.zip', zip),
    fixture('photo-renamed.txt', Buffer.concat([png, Buffer.alloc(300, 0)])),
    fixture('empty.txt', ''),
    fixture('good.txt', 'Washington and Moscow traded accusations on Monday.'),
  ];
  await page.setInputFiles('#open-files', files);
  await analysed(page, DEMO + 1);
  const shown = await notices(page);
  for (const name of ['photo.png', 'archive.zip', 'photo-renamed.txt', 'empty.txt']) {
    assert.ok(shown.some((n) => n.startsWith(name)), `a message names ${name}: ${JSON.stringify(shown)}`);
  }
  assert.ok(shown.some((n) => n.startsWith('empty.txt') && /empty/.test(n)));
  assert.ok(shown.some((n) => n.startsWith('photo-renamed.txt') && /binary/.test(n)));
  assert.equal(await page.locator('.notices .notice[role=alert]').count(), 4);
  assert.equal(await page.locator('.doc[data-id="good.txt"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('forty copies of one text: the question names five and counts the rest, and "Add anyway" adds them all', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  const text = 'Ankara and Damascus exchanged fire near Idlib on Tuesday.';
  const files = [fixture('copy-00.txt', text)];
  await page.setInputFiles('#open-files', files);
  await analysed(page, DEMO + 1);
  const copies = Array.from({ length: 40 }, (_, i) => fixture(`copy-${String(i + 1).padStart(2, '0')}.txt`, text));
  await page.setInputFiles('#open-files', copies);
  const question = page.locator('.notice.question');
  await question.waitFor();
  const asked = await question.locator('#dup-q').textContent();
  for (const name of ['copy-01.txt', 'copy-05.txt']) assert.ok(asked.includes(name), asked);
  assert.ok(!asked.includes('copy-06.txt'), `only five names: ${asked}`);
  assert.match(asked, /and 35 more/);
  assert.ok(asked.includes('copy-00.txt'), 'the text already loaded is named');
  // The question stays a line or two, so its buttons stay on screen.
  const box = await question.boundingBox();
  assert.ok(box.height < 200, `question height ${box.height}`);
  await question.locator('button', { hasText: 'Add anyway' }).click();
  await analysed(page, DEMO + 41);
  assert.equal(await page.locator('.doc').count(), DEMO + 41);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 60 MB text file is refused with the limit, and the page stays responsive', async () => {
  const path = join(dir, 'huge.txt');
  const fd = openSync(path, 'w');
  const block = Buffer.from('Le régime syrien a attaqué Idleb, selon l’AFP. '.repeat(20000));
  for (let written = 0; written < 60 * 1024 * 1024; written += block.length) writeSync(fd, block);
  closeSync(fd);
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  await page.evaluate(() => {
    window.__frames = 0;
    window.__longest = 0;
    const tick = () => { window.__frames += 1; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.setInputFiles('#open-files', path);
  await page.waitForFunction(() => [...document.querySelectorAll('.notices .notice')].some((n) => n.textContent.startsWith('huge.txt')), null, { timeout: 20000 });
  const message = (await notices(page)).find((n) => n.startsWith('huge.txt'));
  assert.match(message, /20 MB/, message);
  assert.match(message, /not loaded/, message);
  const framesBefore = await page.evaluate(() => window.__frames);
  await page.fill('#paste', 'Still typing.');
  assert.equal(await page.inputValue('#paste'), 'Still typing.');
  await page.waitForTimeout(500);
  const { frames, longest } = await page.evaluate(() => ({ frames: window.__frames, longest: window.__longest }));
  assert.ok(frames > framesBefore + 5, `animation frames kept coming (${framesBefore} → ${frames})`);
  assert.ok(longest < 1000, `no task blocked the page for a second (longest ${longest} ms)`);
  assert.equal(await page.locator('.doc').count(), DEMO);
  assert.deepEqual(errors, []);
  rmSync(path);
  await context.close();
});

test('invalid UTF-8 and UTF-16 without a BOM are decoded into readable text', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  // Latin-1 bytes (not UTF-8): "Élysée" and "été" in an old Windows file.
  const latin1 = Buffer.from('Le président a quitté l\'Élysée cet été pour Damas.', 'latin1');
  const utf16 = Buffer.from('Washington a répondu à Moscou lundi.', 'utf16le');
  await page.setInputFiles('#open-files', [fixture('latin1.txt', latin1), fixture('utf16.txt', utf16)]);
  await analysed(page, DEMO + 2);
  assert.equal((await reader(page, 'latin1.txt')).text, 'Le président a quitté l\'Élysée cet été pour Damas.');
  assert.equal((await reader(page, 'utf16.txt')).text, 'Washington a répondu à Moscou lundi.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Arabic, emoji and combining accents are shown as written and marks cover whole words', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  const texts = {
    'arabic.txt': 'قال مسؤولون في دمشق إن المحادثات فشلت. Washington a répondu. مرحبا بالعالم.',
    'emoji.txt': '😀👍🏽 Washington 🇺🇸 et Moscou 🇷🇺 se sont parlé. 👨‍👩‍👧 Washington a répondu.',
    'accents.txt': 'Le pre\u0301sident de\u0301cide\u0301 a\u0300 Washington, puis Moscou re\u0301pond.',
  };
  await page.setInputFiles('#open-files', Object.entries(texts).map(([n, t]) => fixture(n, t)));
  await analysed(page, DEMO + 3);
  const wordChar = /[\p{L}\p{M}\p{N}]/u;
  for (const [name, text] of Object.entries(texts)) {
    const shown = await reader(page, name);
    assert.equal(shown.text, text, `${name} is shown as written`);
    assert.ok(shown.marks.length >= 1, `${name} has its mentions marked (${JSON.stringify(shown.marks)})`);
    for (const m of shown.marks) {
      assert.ok(['Washington', 'Moscou'].includes(m.word), `${name}: mark ${JSON.stringify(m)}`);
      assert.ok(!wordChar.test(m.before) && !wordChar.test(m.after), `${name}: the mark covers a whole word ${JSON.stringify(m)}`);
    }
  }
  assert.equal(await page.$eval('.reader-text', (el) => el.getAttribute('dir')), 'auto');
  assert.deepEqual(errors, []);
  await context.close();
});

const PAYLOADS = '<img src=x onerror=alert(1)> <script>alert(2)</script> <a href="javascript:alert(3)">lien</a> <svg onload=alert(4)></svg>';

test('scripts, event handlers, javascript: links and SVG in HTML files or pasted text never run', async () => {
  const { page, context, errors, requests } = await openPage(env);
  await analysed(page, DEMO);
  await page.evaluate(() => { window.__ran = 0; window.alert = () => { window.__ran += 1; }; });
  const html = `<html><head><title>Piège</title><script>alert(5)</script></head><body onload="alert(6)">
    <p>Washington a répondu.</p>${PAYLOADS}<iframe src="javascript:alert(7)"></iframe>
    <p>&lt;script&gt;alert(8)&lt;/script&gt; est du texte.</p></body></html>`;
  await page.setInputFiles('#open-files', fixture('trap.html', html));
  await analysed(page, DEMO + 1);
  await page.fill('#paste', `Moscou a répondu. ${PAYLOADS}`);
  await page.click('text=Add text');
  await analysed(page, DEMO + 2);
  const fromFile = await reader(page, 'trap.html');
  assert.match(fromFile.text, /<script>alert\(8\)<\/script> est du texte\./, 'escaped markup shows as text');
  const pasted = await reader(page, 'texte-1');
  assert.ok(pasted.text.includes(PAYLOADS), 'pasted markup shows as text, as typed');
  await page.click('role=tab[name="Overview"]');
  await page.click('role=tab[name="Actors"]');
  await page.waitForTimeout(300);
  const injected = await page.evaluate(() => ({
    ran: window.__ran,
    img: document.querySelectorAll('img[src="x"], svg[onload], iframe, a[href^="javascript"]').length,
    scripts: [...document.scripts].filter((s) => /alert/.test(s.textContent)).length,
  }));
  assert.deepEqual(injected, { ran: 0, img: 0, scripts: 0 });
  assert.deepEqual(errors, []);
  assert.ok(!requests.some((r) => r.endsWith('/x')), 'the <img src=x> was never fetched');
  await context.close();
});

test("a document that looks like the app's own JSON or HTML is taken as text", async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  const json = '{"schema_version":1,"generator":"prisme 0.1.0","documents":[],"corpus":[{"id":"x","text":"Washington"}]}';
  const html = '<ul class="notices"><li class="notice" role="alert">Fake message</li></ul><button id="export-json">Export</button>';
  await page.fill('#paste', json);
  await page.click('text=Add text');
  await analysed(page, DEMO + 1);
  await page.fill('#paste', html);
  await page.click('text=Add text');
  await analysed(page, DEMO + 2);
  assert.equal((await reader(page, 'texte-1')).text, json);
  assert.equal((await reader(page, 'texte-2')).text, html);
  assert.equal(await page.locator('.notices .notice').count(), 0, 'no fake message became a real one');
  assert.equal(await page.locator('#export-json').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('full browser storage: the user is told, and the corpus in memory stays usable and exportable', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try { localStorage.setItem(`fill-${i++}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  });
  await page.fill('#paste', 'Washington et Moscou ont repris les discussions. '.repeat(20));
  await page.click('text=Add text');
  await analysed(page, DEMO + 1);
  await page.waitForSelector('.notices .notice[role=alert]');
  const message = (await notices(page)).join(' ');
  assert.match(message, /storage is full/, message);
  // A second change that cannot be saved updates the message rather than adding another.
  await page.fill('#paste', 'Ankara a répondu à Téhéran mardi. '.repeat(20));
  await page.click('text=Add text');
  await analysed(page, DEMO + 2);
  const storage = (await notices(page)).filter((n) => /storage is full/.test(n));
  assert.equal(storage.length, 1, storage.join(' | '));
  assert.match(storage[0], new RegExp(`the ${DEMO + 2} documents loaded`));
  const download = page.waitForEvent('download');
  await page.click('#export-json');
  const file = await download;
  const exported = JSON.parse(await new Promise((ok, ko) => {
    file.createReadStream().then((s) => { let b = ''; s.on('data', (d) => { b += d; }); s.on('end', () => ok(b)); s.on('error', ko); });
  }));
  assert.equal(exported.documents.length, DEMO + 2);
  assert.ok(exported.documents.some((d) => d.id === 'texte-1'));
  assert.deepEqual(errors.filter((e) => !/quota/i.test(e)), []);
  await context.close();
});

test('a reload in the middle of an analysis keeps everything saved before it', async () => {
  const { page, context, errors } = await openPage(env);
  await analysed(page, DEMO);
  await page.fill('#paste', 'Le régime syrien a attaqué Idleb, selon l’AFP, et Washington a protesté. '.repeat(4000));
  await page.click('text=Add text');
  await page.waitForFunction(() => document.querySelectorAll('.doc').length === 5);
  // The change is saved once the page has drawn it: what the reload must keep.
  await page.waitForFunction(() => (localStorage.getItem('prisme.session.v1') ?? '').includes('"texte-1"'));
  await page.reload();
  await analysed(page, DEMO + 1);
  assert.equal(await page.locator('.doc[data-id="texte-1"]').count(), 1);
  assert.equal(await page.locator('.doc').count(), DEMO + 1);
  assert.deepEqual(errors, []);
  await context.close();
});
