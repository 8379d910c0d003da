#!/usr/bin/env node
// Real-browser test of the course: drives Debian's Chromium (through playwright-core) against a
// JupyterLab that checks/test-browser.sh started on loopback. For each lesson it opens the
// notebook, checks that the course kernel was picked from the notebook's kernelspec metadata,
// runs all cells from the Run menu, waits for the kernel to go idle, saves, and asserts:
// no error output, a chart image visible, a Tablesaw HTML table visible. Then it opens the first
// lesson as RISE slides and checks that reveal.js shows them. Last, the course website that
// `./course run` builds (served by test-browser.sh on loopback): search, next from 7.0 to 7.8,
// every chart decoded and every table rendered, the 7.7 mind map drawn, light and dark themes,
// launch, download and copy buttons, and no request leaving loopback. Screenshots and
// report.json go to OUT_DIR.
// The last line is "N passed, N failed"; the exit code is 0 only when nothing failed.
//
// Configuration (environment, set by test-browser.sh):
//   LAB_URL        http://127.0.0.1:PORT (no trailing slash)       required
//   LAB_TOKEN      the server's token                               required
//   LAB_ROOT       the server's root_dir (to read saved notebooks)  required
//   OUT_DIR        where screenshots and the report go              required
//   NOTEBOOKS      space-separated notebook names without .ipynb (default "07.0-Opening")
//   SLIDES_NOTEBOOK  notebook opened with RISE (default: the first of NOTEBOOKS)
//   CHROMIUM       browser executable (default /usr/bin/chromium)
//   USER_DATA_DIR  a fresh, empty browser profile directory           required
//   KERNEL_DISPLAY_NAME  expected kernel name (default "Java 25 · Concurrency Lab")
//   RUN_TIMEOUT_S  bound for Run All of one notebook (default 240)
//   STEP_TIMEOUT_S bound for every other wait (default 90)
//   SITE_URL       http://127.0.0.1:PORT/ serving build/site                         required
//   SITE_DIR       build/site: the website                                           required
//   EXECUTED_DIR   build/executed: the executed notebooks (the charts and tables to expect) required
//   SEARCH_TERM, SEARCH_TARGET   search for this, expect this page among the hits
//                  (default "StructuredTaskScope" and "07.6-Port-Scanner")
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const env = (name, fallback) => {
  const v = process.env[name];
  if (v !== undefined && v !== '') return v;
  if (fallback === undefined) throw new Error(`browser-test: environment variable ${name} is required`);
  return fallback;
};

const cfg = {
  labUrl: env('LAB_URL'),
  token: env('LAB_TOKEN'),
  labRoot: env('LAB_ROOT'),
  outDir: env('OUT_DIR'),
  userDataDir: env('USER_DATA_DIR'),
  notebooks: env('NOTEBOOKS', '07.0-Opening').split(/\s+/).filter(Boolean),
  chromium: env('CHROMIUM', '/usr/bin/chromium'),
  kernelName: env('KERNEL_DISPLAY_NAME', 'Java 25 · Concurrency Lab'),
  runTimeoutMs: 1000 * Number(env('RUN_TIMEOUT_S', '240')),
  stepTimeoutMs: 1000 * Number(env('STEP_TIMEOUT_S', '90')),
  siteUrl: env('SITE_URL').replace(/\/?$/, '/'),
  siteDir: env('SITE_DIR'),
  executedDir: env('EXECUTED_DIR'),
  searchTerm: env('SEARCH_TERM', 'StructuredTaskScope'),
  searchTarget: env('SEARCH_TARGET', '07.6-Port-Scanner'),
};
cfg.slidesNotebook = env('SLIDES_NOTEBOOK', cfg.notebooks[0]);

// Flags: headless, no sandbox (we run as root in CI), and nothing that phones home. The host
// resolver rule makes every name but loopback unresolvable, so no request can leave the machine.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-default-browser-check', '--disable-domain-reliability', '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];
const VIEWPORT = { width: 1400, height: 900 };

const started = Date.now();
const secs = () => ((Date.now() - started) / 1000).toFixed(1);
const log = (msg) => console.log(`browser-test [${secs()}s] ${msg}`);

class Check {
  constructor() { this.passed = []; this.failed = []; }
  ok(cond, what, detail = '') {
    (cond ? this.passed : this.failed).push(detail ? `${what}: ${detail}` : what);
    log(`${cond ? 'PASS' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
    return cond;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Polls fn() until it returns a truthy value or the bound passes; returns the value or null.
async function until(fn, timeoutMs, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() >= deadline) return null;
    await sleep(intervalMs);
  }
}

// Waits until an element stops moving: the same box on three polls 100 ms apart (scrolling and
// reveal.js's slide transition move it). Returns false if it still moves at the bound.
async function settled(locator, timeoutMs = cfg.stepTimeoutMs) {
  let last = null, same = 0;
  const done = await until(async () => {
    const box = JSON.stringify(await locator.boundingBox().catch(() => null));
    same = box !== 'null' && box === last ? same + 1 : 0;
    last = box;
    return same >= 2;
  }, timeoutMs, 100);
  return !!done;
}

async function waitForUrl(url, what) {
  const ok = await until(async () => {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(3000) });
      return r.ok;
    } catch { return false; }
  }, cfg.stepTimeoutMs, 500);
  if (!ok) throw new Error(`${what} did not answer ${url} within ${cfg.stepTimeoutMs / 1000}s`);
}

async function waitForServer() {
  const url = `${cfg.labUrl}/api/status?token=${encodeURIComponent(cfg.token)}`;
  const ok = await until(async () => {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(3000) });
      return r.ok;
    } catch { return false; }
  }, cfg.stepTimeoutMs, 500);
  if (!ok) throw new Error(`JupyterLab did not answer ${cfg.labUrl}/api/status within ${cfg.stepTimeoutMs / 1000}s`);
}

const shot = async (page, name) => {
  const file = path.join(cfg.outDir, name);
  await page.screenshot({ path: file });
  log(`screenshot ${path.relative(process.cwd(), file)}`);
  return file;
};

// The dialogs JupyterLab shows (kernel picker, errors) as text, for a clear failure message.
const dialogTexts = (page) => page.evaluate(() =>
  [...document.querySelectorAll('.jp-Dialog')].map((d) => d.innerText.replace(/\s+/g, ' ').trim()));

// Prompts of the code cells in the open notebook: "[3]:", "[*]:", "[ ]:".
const prompts = (page) => page.evaluate(() =>
  [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')]
    .map((p) => p.textContent.trim()));

const kernelStatus = (page) => page.evaluate(() => {
  const el = [...document.querySelectorAll('#jp-main-statusbar .jp-StatusBar-TextItem')]
    .find((e) => e.innerText.includes('|'));
  return el ? el.innerText.split('|').pop().trim() : '';
});

// Scrolls an element into view and reports whether a person would see it: inside the viewport,
// not covered (the element at its centre is itself or inside it), and for images, decoded.
async function visibleToPerson(locator) {
  await locator.scrollIntoViewIfNeeded({ timeout: cfg.stepTimeoutMs });
  await settled(locator);
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const vw = window.innerWidth, vh = window.innerHeight;
    const cx = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1);
    const cy = Math.min(Math.max(r.top + Math.min(r.height, vh) / 2, 0), vh - 1);
    const hit = document.elementFromPoint(cx, cy);
    const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
    const shownHeight = Math.min(r.bottom, vh) - Math.max(r.top, 0);
    const res = {
      inView, uncovered: !!hit && (hit === el || el.contains(hit)),
      shownFraction: r.height > 0 ? +(shownHeight / Math.min(r.height, vh)).toFixed(2) : 0,
      width: Math.round(r.width), height: Math.round(r.height),
    };
    if (el.tagName === 'IMG') {
      res.decoded = el.complete && el.naturalWidth > 0;
      res.natural = `${el.naturalWidth}x${el.naturalHeight}`;
    }
    res.ok = res.inView && res.uncovered && res.shownFraction >= 0.9 && (res.decoded !== false);
    return res;
  });
}

async function openNotebook(page, name, check) {
  const file = `${name}.ipynb`;
  await page.goto(`${cfg.labUrl}/lab/tree/${encodeURIComponent(file)}?token=${encodeURIComponent(cfg.token)}`,
    { timeout: cfg.stepTimeoutMs, waitUntil: 'domcontentloaded' });
  const panel = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden)');
  await panel.locator('.jp-Cell').first().waitFor({ state: 'visible', timeout: cfg.stepTimeoutMs });
  log(`opened ${file}`);

  // The course kernel must come from the notebook's kernelspec metadata: no picker dialog.
  const kernelLabel = panel.locator('.jp-Toolbar-kernelName');
  const shown = await until(async () => {
    const dialogs = await dialogTexts(page);
    if (dialogs.length) return { dialogs };
    const t = (await kernelLabel.innerText().catch(() => '')).trim();
    return t && t !== 'No Kernel' && t !== 'Kernel' ? { name: t } : null;
  }, cfg.stepTimeoutMs);
  if (!shown) throw new Error(`${file}: no kernel name shown in the toolbar within ${cfg.stepTimeoutMs / 1000}s`);
  if (shown.dialogs) {
    await shot(page, `${name}-kernel-dialog.png`);
    throw new Error(`${file}: JupyterLab asked to pick a kernel (is the kernelspec installed and named in the ` +
      `notebook metadata?): ${shown.dialogs.join(' / ')}`);
  }
  check.ok(shown.name === cfg.kernelName, `${name}: course kernel selected from metadata`, shown.name);
  // JJava announces no status until its first request, so JupyterLab shows "Unknown" until then.
  log(`${name}: kernel status "${await kernelStatus(page)}"`);
  return panel;
}

// Clicks a main-menu entry the way a person does: the menu, then the item by its label.
async function menu(page, top, item) {
  await page.locator('#jp-menu-panel .lm-MenuBar-itemLabel', { hasText: new RegExp(`^${top}$`) })
    .click({ timeout: cfg.stepTimeoutMs });
  await page.locator('.lm-Menu-item[role="menuitem"] .lm-Menu-itemLabel', { hasText: new RegExp(`^${item}$`) })
    .click({ timeout: cfg.stepTimeoutMs });
}

async function runAll(page, name, check) {
  const before = await prompts(page);
  await menu(page, 'Run', 'Run All Cells');
  const t0 = Date.now();
  log(`${name}: Run All (${before.length} code cells)`);

  // Done = no cell queued or running, and the kernel idle, on two polls in a row.
  let quietPolls = 0;
  const done = await until(async () => {
    const p = await prompts(page);
    const busy = p.some((x) => x.includes('*'));
    const anyRan = p.some((x) => /\[\d+\]/.test(x));
    const status = await kernelStatus(page);
    quietPolls = !busy && anyRan && status === 'Idle' ? quietPolls + 1 : 0;
    return quietPolls >= 2;
  }, cfg.runTimeoutMs, 1000);
  const took = ((Date.now() - t0) / 1000).toFixed(1);
  if (!done) {
    await shot(page, `${name}-timeout.png`);
    check.ok(false, `${name}: Run All finished within ${cfg.runTimeoutMs / 1000}s`, `status "${await kernelStatus(page)}"`);
    return took;
  }
  log(`${name}: Run All done in ${took}s; prompts ${(await prompts(page)).join(' ')}`);
  return took;
}

// Saves from the File menu, waits for the tab's dirty mark to clear, and returns the saved JSON.
async function saveAndRead(page, name) {
  await menu(page, 'File', 'Save Notebook');
  const clean = await until(async () =>
    (await page.locator('.lm-TabBar-tab.lm-mod-current.jp-mod-dirty').count()) === 0, cfg.stepTimeoutMs);
  if (!clean) throw new Error(`${name}: the notebook did not save within ${cfg.stepTimeoutMs / 1000}s`);
  return JSON.parse(fs.readFileSync(path.join(cfg.labRoot, `${name}.ipynb`), 'utf8'));
}

function savedOutputs(nb) {
  const errors = [], stderrTraces = [], unrun = [];
  let images = 0, tables = 0;
  const code = nb.cells.filter((c) => c.cell_type === 'code');
  code.forEach((c, i) => {
    if (c.execution_count === null || c.execution_count === undefined) unrun.push(`code cell ${i + 1}`);
    for (const o of c.outputs || []) {
      if (o.output_type === 'error') errors.push(`code cell ${i + 1}: ${o.ename}: ${o.evalue}`);
      const text = [].concat(o.text || []).join('');
      if (o.output_type === 'stream' && o.name === 'stderr' && /Exception|\n\s+at [\w$.]+\(/.test(text)) {
        stderrTraces.push(`code cell ${i + 1}: ${text.split('\n')[0].slice(0, 160)}`);
      }
      const data = o.data || {};
      if (data['image/png']) images += 1;
      if (/<table/i.test([].concat(data['text/html'] || []).join(''))) tables += 1;
    }
  });
  return { errors, stderrTraces, images, tables, unrun, codeCells: code.length };
}

async function checkLesson(page, name, check) {
  const panel = await openNotebook(page, name, check);
  await shot(page, `${name}-opened.png`);
  const took = await runAll(page, name, check);
  const nb = await saveAndRead(page, name);
  const saved = savedOutputs(nb);
  check.ok(saved.unrun.length === 0, `${name}: every code cell executed (saved file)`,
    `${saved.codeCells - saved.unrun.length}/${saved.codeCells} in ${took}s${saved.unrun.length ? `; not run: ${saved.unrun.join(', ')}` : ''}`);
  check.ok(saved.errors.length === 0, `${name}: no error output`, saved.errors.join(' | '));
  check.ok(saved.stderrTraces.length === 0, `${name}: no exception printed on stderr`, saved.stderrTraces.join(' | '));

  // The same on screen: error outputs render as stderr; none may carry an exception.
  const stderrShown = await panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    .allInnerTexts();
  const shownTraces = stderrShown.filter((t) => /Exception|Error:|\n\s+at [\w$.]+\(/.test(t));
  check.ok(shownTraces.length === 0, `${name}: no exception shown in an output`,
    shownTraces.map((t) => t.split('\n')[0].slice(0, 160)).join(' | '));

  const imgs = panel.locator('.jp-OutputArea-output[data-mime-type="image/png"] img');
  const nImg = await imgs.count();
  let chart = null;
  if (check.ok(nImg > 0, `${name}: chart image in an output`, `${nImg} on screen, ${saved.images} saved`)) {
    chart = await visibleToPerson(imgs.first());
    check.ok(chart.ok, `${name}: chart visible after scrolling to it`, JSON.stringify(chart));
    await shot(page, `${name}-chart.png`);
  }

  const tables = panel.locator('.jp-OutputArea-output[data-mime-type="text/html"] table');
  const nTab = await tables.count();
  if (check.ok(nTab > 0, `${name}: HTML table in an output`, `${nTab} on screen, ${saved.tables} saved`)) {
    const cells = await tables.first().locator('td').count();
    const table = await visibleToPerson(tables.first());
    check.ok(table.ok && cells > 0, `${name}: table visible with data cells`, `${cells} cells ${JSON.stringify(table)}`);
    await shot(page, `${name}-table.png`);
  }
  return { name, runAllSeconds: Number(took), images: nImg, tables: nTab };
}

// Slide starts from the notebook's RISE metadata (slideshow.slide_type == "slide"); the first
// cell always opens a slide, whatever its type.
function slideStarts(nb) {
  const starts = nb.cells.filter((c, i) => i > 0 && ((c.metadata || {}).slideshow || {}).slide_type === 'slide');
  return starts.length + 1;
}

// Instructor mode, the two ways an instructor meets it: the RISE toolbar button renders the
// notebook as slides beside it (an iframe on /rise/<path>), and /rise/<path> on its own is the
// full-screen show. Checks that reveal.js shows slides, one per "slide" cell, that the next key
// moves on, and walks to the first slide with a chart for the picture.
async function checkSlides(context, page, name, check) {
  const nb = JSON.parse(fs.readFileSync(path.join(cfg.labRoot, `${name}.ipynb`), 'utf8'));
  const expected = slideStarts(nb);
  check.ok(expected >= 2, `${name}: notebook carries RISE slide metadata`, `${expected} slides`);

  await openNotebook(page, name, new Check());
  const button = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-NotebookPanel-toolbar [data-command="RISE:preview"]');
  if (check.ok(await button.count() > 0, `${name}: RISE slideshow button in the notebook toolbar`)) {
    await button.click({ timeout: cfg.stepTimeoutMs });
    const frame = await until(async () => page.frames().find((f) => f.url().includes('/rise/')), cfg.stepTimeoutMs);
    const shown = !!frame && await frame.locator('.reveal .slides > section.present').first()
      .waitFor({ state: 'visible', timeout: cfg.stepTimeoutMs }).then(() => true, () => false);
    check.ok(shown, `${name}: RISE preview beside the notebook shows slides`);
    if (shown) await settled(frame.locator('.reveal .slides > section.present').first());
    await shot(page, `${name}-slides-preview.png`);
  }

  const slides = await context.newPage();
  try {
    slides.on('pageerror', (e) => log(`slides page error: ${e.message}`));
    await slides.goto(`${cfg.labUrl}/rise/${encodeURIComponent(name)}.ipynb`, { timeout: cfg.stepTimeoutMs });
    const current = slides.locator('.reveal .slides > section.present');
    const shown = await current.first().waitFor({ state: 'visible', timeout: cfg.stepTimeoutMs }).then(() => true, () => false);
    const count = await slides.locator('.reveal .slides > section').count();
    check.ok(shown && count === expected, `${name}: RISE full-screen show has one slide per "slide" cell`,
      `${count} shown, ${expected} expected`);
    if (!shown) { await shot(slides, `${name}-slides-missing.png`); return; }
    await settled(current.first()); // reveal.js lays out with a transition
    await shot(slides, `${name}-slides-1.png`);

    const at = () => slides.evaluate(() => {
      const s = document.querySelector('.reveal .slides > section.present');
      return s ? [...s.parentElement.children].indexOf(s) : -1;
    });
    const first = await at();
    await slides.keyboard.press('ArrowRight');
    const moved = await until(async () => (await at()) > first, 10000, 200);
    check.ok(!!moved, `${name}: the right arrow moves to the next slide`, `${first} -> ${await at()}`);

    // Walk on to the first slide that shows a chart (outputs saved by the Run All above).
    let chart = false;
    for (let i = 0; i < count && !chart; i += 1) {
      chart = await slides.locator('.reveal .slides > section.present img').count() > 0;
      if (!chart) {
        const before = await at();
        await slides.keyboard.press('ArrowRight');
        await until(async () => (await at()) !== before, 5000, 200);
      }
    }
    if (chart) {
      await settled(current.first());
      const img = slides.locator('.reveal .slides > section.present img').first();
      const seen = await visibleToPerson(img);
      const hint = seen.ok ? '' : ' (cut off at the bottom of the slide? long slides need RISE\'s "scroll": true, ' +
        'set in <prefix>/share/jupyter/lab/settings/overrides.json by the setup)';
      check.ok(seen.ok, `${name}: a slide shows the chart`, `slide ${await at()} ${JSON.stringify(seen)}${hint}`);
      await shot(slides, `${name}-slides-chart.png`);
    } else {
      log(`${name}: no slide with a chart (were the outputs saved?)`);
    }
  } finally {
    await slides.close().catch(() => {});
  }
}

// ---- The course website (`./course run` builds it into build/site/), served on loopback ------

const lessonNames = () => fs.readdirSync(cfg.labRoot).filter((f) => f.endsWith('.ipynb'))
  .map((f) => f.slice(0, -6)).sort();
const reEscape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pageName = (page) => decodeURIComponent(new URL(page.url()).pathname.split('/').pop()).replace(/\.html$/, '');

// What the executed notebook holds: charts and tables to expect on its page, and its title.
function executedNotebook(name) {
  const file = path.join(cfg.executedDir, `${name}.ipynb`);
  if (!fs.existsSync(file)) return null;
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  const title = nb.cells.filter((c) => c.cell_type === 'markdown')
    .flatMap((c) => [].concat(c.source).join('').split('\n')).find((l) => l.startsWith('# '));
  return { ...savedOutputs(nb), title: title ? title.slice(2).trim() : name };
}

// The page on screen: every chart image of an output decoded (complete, natural width > 0),
// and every table of the page, outputs and Markdown alike, laid out with data cells. Images
// may still be loading: polled, bounded.
async function pageOutputs(page) {
  const read = () => page.evaluate(() => {
    const imgs = [...document.querySelectorAll('div.cell_output img')];
    const tables = [...document.querySelectorAll('article.bd-article table')];
    const laidOut = (t) => { const r = t.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    return {
      images: imgs.length,
      decoded: imgs.filter((i) => i.complete && i.naturalWidth > 0).length,
      pending: imgs.filter((i) => !i.complete).length,
      tables: tables.length,
      outputTables: document.querySelectorAll('div.cell_output table').length,
      rendered: tables.filter((t) => laidOut(t) && t.querySelector('td')).length,
    };
  });
  const done = await until(async () => { const r = await read(); return r.pending === 0 ? r : null; },
    cfg.stepTimeoutMs, 200);
  return done || read();
}

// Waits for the Mermaid block of the page to be drawn; returns its state and the picture's size.
async function mindMap(page, wantTheme) {
  const block = page.locator('pre.course-mermaid').first();
  const state = await until(async () => {
    const s = await block.getAttribute('data-rendered').catch(() => null);
    return s && (s === 'error' || !wantTheme || s === wantTheme) ? s : null;
  }, cfg.stepTimeoutMs, 200);
  const svg = block.locator('svg').first();
  const box = state && await svg.count() ? await svg.boundingBox().catch(() => null) : null;
  return { state, ok: !!state && state !== 'error' && !!box && box.width > 200 && box.height > 100,
    size: box ? `${Math.round(box.width)}x${Math.round(box.height)}` : 'none' };
}

// The buttons of a lesson page: Binder launch (of the README's pattern), download of the
// executed notebook, copy buttons on the code cells.
async function checkPageTools(page, name, check) {
  await page.locator('.dropdown-launch-buttons button').first().click({ timeout: cfg.stepTimeoutMs });
  const binder = page.locator('.dropdown-launch-buttons a[href^="https://mybinder.org/v2/gh/"]');
  const shown = await binder.first().waitFor({ state: 'visible', timeout: cfg.stepTimeoutMs }).then(() => true, () => false);
  const href = shown ? await binder.first().getAttribute('href') : '';
  check.ok(shown && href.endsWith(`?urlpath=lab/tree/notebooks/${name}.ipynb`),
    `site: ${name}: the launch button offers Binder on this notebook`, href);
  await shot(page, `site-${name}-launch.png`);
  await page.keyboard.press('Escape');

  const download = page.locator(`.dropdown-download-buttons a[href$="_sources/${name}.ipynb"]`);
  let detail = 'no download link';
  if (await download.count()) {
    const res = await page.request.get(new URL(await download.first().getAttribute('href'), page.url()).href);
    const nb = res.ok() ? JSON.parse(await res.text()) : null;
    const outs = nb ? nb.cells.reduce((n, c) => n + (c.outputs || []).length, 0) : 0;
    detail = `HTTP ${res.status()}, ${outs} outputs`;
    check.ok(res.ok() && outs > 0, `site: ${name}: the download button gives the executed notebook`, detail);
  } else {
    check.ok(false, `site: ${name}: the download button gives the executed notebook`, detail);
  }

  const copy = await page.evaluate(() => ({
    cells: document.querySelectorAll('div.cell_input').length,
    buttons: document.querySelectorAll('div.cell_input button.copybtn').length,
  }));
  check.ok(copy.cells > 0 && copy.buttons === copy.cells, `site: ${name}: a copy button on every code cell`,
    `${copy.buttons} buttons, ${copy.cells} code cells`);
}

async function setTheme(page, mode) {
  await page.locator('.theme-switch-button').first().click({ timeout: cfg.stepTimeoutMs });
  await page.locator(`.theme-change-button[data-mode="${mode}"]`).first().click({ timeout: cfg.stepTimeoutMs });
  return !!await until(async () => (await page.evaluate(() => document.documentElement.dataset.theme)) === mode,
    cfg.stepTimeoutMs, 100);
}

// As a student meets the site: the index, a search, 7.0 to the last lesson by "next" with
// every chart and table checked, then the dark theme. Any request to a host other than the
// loopback server fails the check (Chromium resolves no other name anyway).
async function checkSite(context, check) {
  const index = path.join(cfg.siteDir, 'index.html');
  if (!check.ok(fs.existsSync(index), 'site: build/site/index.html exists', fs.existsSync(index) ? '' :
    'run ./course run (it builds the site after the notebooks) or ./course site')) return;
  const names = lessonNames();
  const first = names.findIndex((n) => n.startsWith('07.0'));
  const lessons = first >= 0 ? names.slice(first) : names;
  await waitForUrl(cfg.siteUrl, 'the website server');
  log(`the website answers at ${cfg.siteUrl}`);

  const page = await context.newPage();
  page.setDefaultTimeout(cfg.stepTimeoutMs);
  const offsite = [], failedLoads = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(cfg.siteUrl) && !/^(data|blob|about):/.test(r.url())) offsite.push(r.url());
  });
  page.on('requestfailed', (r) => failedLoads.push(`${r.url()} (${r.failure() ? r.failure().errorText : ''})`));
  page.on('response', (r) => { if (r.status() >= 400) failedLoads.push(`${r.url()} (HTTP ${r.status()})`); });
  page.on('pageerror', (e) => log(`site page error: ${e.message}`));
  try {
    // The index opens the contents page; its sidebar lists every page.
    await page.goto(cfg.siteUrl, { timeout: cfg.stepTimeoutMs });
    const atRoot = await until(async () => pageName(page) === names[0], cfg.stepTimeoutMs, 200);
    check.ok(!!atRoot, `site: index.html opens ${names[0]}.html`, page.url());
    await page.locator('nav.bd-docs-nav').first().waitFor({ state: 'visible', timeout: cfg.stepTimeoutMs });
    const sidebar = await page.locator('nav.bd-docs-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const missing = names.slice(1).concat(['homework', 'instructors']).filter((n) => !sidebar.includes(`${n}.html`));
    check.ok(missing.length === 0, 'site: the sidebar lists every lesson, the homework and the instructors\' page',
      missing.length ? `missing ${missing.join(', ')}` : `${sidebar.length} entries`);
    await shot(page, 'site-index.png');

    // Search as a person does: the search field, the term, Enter, then the hit for the target.
    await page.locator('.bd-sidebar-primary .search-button-field').first().click({ timeout: cfg.stepTimeoutMs });
    const input = page.locator('#pst-search-dialog input[name="q"]');
    await input.waitFor({ state: 'visible', timeout: cfg.stepTimeoutMs });
    await input.fill(cfg.searchTerm);
    await input.press('Enter');
    await page.waitForURL(/search\.html\?q=/, { timeout: cfg.stepTimeoutMs });
    const summary = await until(async () =>
      (await page.locator('#search-results .search-summary').innerText().catch(() => '')).trim() || null,
    cfg.stepTimeoutMs, 200);
    const hits = page.locator('#search-results ul.search li a');
    const hrefs = await hits.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const rank = hrefs.findIndex((h) => h.split(/[?#]/)[0] === `${cfg.searchTarget}.html`);
    check.ok(rank >= 0, `site: searching "${cfg.searchTerm}" finds ${cfg.searchTarget}`,
      `${summary || 'no summary'}; ${cfg.searchTarget} is hit ${rank + 1} of ${hrefs.length}`);
    await shot(page, 'site-search.png');
    if (rank >= 0) {
      await hits.nth(rank).click({ timeout: cfg.stepTimeoutMs });
      await page.waitForURL(new RegExp(`/${reEscape(cfg.searchTarget)}\\.html`), { timeout: cfg.stepTimeoutMs });
      const h1 = (await page.locator('article.bd-article h1').first().innerText({ timeout: cfg.stepTimeoutMs })).trim();
      const want = executedNotebook(cfg.searchTarget);
      check.ok(!!want && h1.startsWith(want.title), `site: the search hit lands on ${cfg.searchTarget}`, h1);
      await shot(page, 'site-search-landed.png');
    }

    // 7.0 to the last lesson by "next", then on to the homework and the instructors' page:
    // every chart decoded, every table rendered.
    const chain = lessons.concat(['homework', 'instructors']);
    await page.goto(`${cfg.siteUrl}${chain[0]}.html`, { timeout: cfg.stepTimeoutMs });
    for (let i = 0; i < chain.length; i += 1) {
      const name = chain[i];
      const here = await until(async () => pageName(page) === name, cfg.stepTimeoutMs, 200);
      if (!check.ok(!!here, `site: ${i === 0 ? 'opened' : '"next" leads to'} ${name}`, page.url())) break;
      await page.locator('article.bd-article').waitFor({ state: 'visible', timeout: cfg.stepTimeoutMs });
      const lesson = i < lessons.length;
      const want = lesson ? executedNotebook(name) : { images: 0, tables: 0 };
      const got = await pageOutputs(page);
      check.ok(!!want && got.images === want.images && got.decoded === got.images,
        `site: ${name}: every chart decoded`, `${got.decoded} of ${got.images} decoded; ${want ? want.images : '?'} in the notebook`);
      check.ok(!!want && got.outputTables >= want.tables && got.rendered === got.tables,
        `site: ${name}: every table rendered`,
        `${got.rendered} of ${got.tables} rendered (${got.outputTables} in outputs; ${want ? want.tables : '?'} in the notebook)`);
      if (i === 0) await checkPageTools(page, name, check);
      if (await page.locator('pre.course-mermaid').count()) {
        const map = await mindMap(page);
        check.ok(map.ok, `site: ${name}: the Mermaid mind map is drawn`, `${map.state}, ${map.size}`);
        await page.locator('pre.course-mermaid').first().scrollIntoViewIfNeeded();
        await settled(page.locator('pre.course-mermaid').first());
        await shot(page, `site-${name}-mindmap.png`);
      }
      const firstOutput = page.locator('div.cell_output img, div.cell_output table').first();
      if (await firstOutput.count()) {
        await firstOutput.scrollIntoViewIfNeeded({ timeout: cfg.stepTimeoutMs });
        await settled(firstOutput);
      }
      await shot(page, `site-${name}.png`);
      if (i + 1 < chain.length) await page.locator('a.right-next').first().click({ timeout: cfg.stepTimeoutMs });
    }

    // The dark theme: the switcher in the header; the mind map redrawn dark, charts still shown.
    const mapPage = lessons.find((n) => n.startsWith('07.7'));
    if (mapPage) {
      await page.goto(`${cfg.siteUrl}${mapPage}.html`, { timeout: cfg.stepTimeoutMs });
      const dark = await setTheme(page, 'dark');
      const map = await mindMap(page, 'dark');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      check.ok(dark && map.ok && map.state === 'dark', `site: dark theme: ${mapPage} and its mind map drawn dark`,
        `theme ${dark ? 'dark' : 'unchanged'}, map ${map.state} ${map.size}, background ${bg}`);
      await page.locator('pre.course-mermaid').first().scrollIntoViewIfNeeded();
      await settled(page.locator('pre.course-mermaid').first());
      await shot(page, `site-dark-${mapPage}-mindmap.png`);
      await page.goto(`${cfg.siteUrl}${lessons[0]}.html`, { timeout: cfg.stepTimeoutMs });
      const got = await pageOutputs(page);
      check.ok(got.decoded === got.images && got.rendered === got.tables && got.images > 0,
        `site: dark theme: ${lessons[0]} charts and tables shown`, `${got.decoded}/${got.images} charts, ${got.rendered}/${got.tables} tables`);
      await page.locator('div.cell_output img').first().scrollIntoViewIfNeeded().catch(() => {});
      await settled(page.locator('div.cell_output img').first());
      await shot(page, `site-dark-${lessons[0]}.png`);
      await setTheme(page, 'light');
    }
    check.ok(offsite.length === 0, 'site: no request leaves the loopback server', offsite.slice(0, 5).join(' '));
    check.ok(failedLoads.length === 0, 'site: every request answered', failedLoads.slice(0, 5).join(' '));
  } finally {
    await page.close().catch(() => {});
  }
}

async function main() {
  fs.mkdirSync(cfg.outDir, { recursive: true });
  const watchdog = setTimeout(() => {
    console.error(`browser-test: overall bound passed (${secs()}s); giving up`);
    process.exit(3);
  }, cfg.runTimeoutMs * cfg.notebooks.length + cfg.stepTimeoutMs * 20);
  watchdog.unref();

  await waitForServer();
  log(`JupyterLab answers at ${cfg.labUrl}`);
  const check = new Check();
  const context = await chromium.launchPersistentContext(cfg.userDataDir, {
    executablePath: cfg.chromium, headless: true, args: CHROMIUM_ARGS, viewport: VIEWPORT,
    timeout: cfg.stepTimeoutMs, handleSIGINT: true, handleSIGTERM: true, handleSIGHUP: true,
  });
  const report = { notebooks: [], passed: check.passed, failed: check.failed };
  try {
    log(`Chromium ${context.browser() ? context.browser().version() : ''} started`);
    const page = context.pages()[0] || await context.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    page.setDefaultTimeout(cfg.stepTimeoutMs);
    for (const name of cfg.notebooks) {
      try {
        report.notebooks.push(await checkLesson(page, name, check));
      } catch (e) {
        check.ok(false, `${name}: lesson check ran to the end`, e.message.split('\n')[0]);
        await shot(page, `${name}-failure.png`).catch(() => {});
      }
    }
    try {
      await checkSlides(context, page, cfg.slidesNotebook, check);
    } catch (e) {
      check.ok(false, `${cfg.slidesNotebook}: slides check ran to the end`, e.message.split('\n')[0]);
    }
    try {
      await checkSite(context, check);
    } catch (e) {
      check.ok(false, 'site: check ran to the end', e.message.split('\n')[0]);
    }
  } finally {
    await context.close().catch(() => {});
  }
  report.seconds = Number(secs());
  fs.writeFileSync(path.join(cfg.outDir, 'report.json'), JSON.stringify(report, null, 2));
  console.log(`browser-test: ${check.passed.length} passed, ${check.failed.length} failed (${secs()}s)`);
  for (const f of check.failed) console.log(`  FAILED ${f}`);
  return check.failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`browser-test: ${e.stack || e}`);
  process.exit(2);
});
