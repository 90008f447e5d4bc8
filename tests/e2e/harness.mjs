// Shared set-up for the end-to-end tests: the built site served on loopback,
// Debian's Chromium driven by playwright-core, and screenshots kept under
// tests/e2e/screenshots (ignored by git).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = resolve(ROOT, '../shared/corpus/seeds');
export const SHOTS = join(ROOT, 'tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Starts the server and the browser; returns { url, browser, close }. */
export async function start() {
  const server = await serve(join(ROOT, 'dist'), 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A fresh page (empty storage) that records console errors, dialogs and every request. */
export async function openPage(env, { locale = 'en-US', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await env.browser.newContext({ locale, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.url);
  return { page, context, errors, requests };
}

/** Waits until the page says the current corpus is analysed. */
export async function analysed(page, documents) {
  try {
    await page.waitForFunction((n) => {
      const s = document.querySelector('.status');
      return s && s.dataset.busy === 'false' && s.dataset.analysed === String(n);
    }, documents, { timeout: 20000 });
  } catch (e) {
    // Say what the page showed instead, so that a failure can be told apart.
    const shown = await page.evaluate(() => {
      const s = document.querySelector('.status');
      return { status: s?.textContent, busy: s?.dataset.busy, analysed: s?.dataset.analysed, documents: document.querySelectorAll('.doc').length };
    }).catch(() => null);
    e.message += `\nwaiting for ${documents} documents analysed; the page showed ${JSON.stringify(shown)}`;
    throw e;
  }
}

/** The actors table as { name: { column: count } }, columns named by their header. */
export async function actorTable(page) {
  return page.$$eval('table.actors', ([table]) => {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const out = {};
    for (const tr of table.querySelectorAll('tbody tr')) {
      const cells = [...tr.children].map((c) => c.textContent.trim());
      const row = {};
      heads.forEach((h, i) => { if (i >= 2) row[h] = Number(cells[i]); });
      row.kind = cells[1];
      out[cells[0]] = row;
    }
    return out;
  });
}
