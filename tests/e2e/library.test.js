// A team's history brought in at once: 50 generated postmortems (scripts/gen_library.py), ten of them exported to
// Markdown by the CLI, zipped with a file that is no postmortem, dropped on the app: every postmortem becomes a draft
// and one message says what was imported and what was not. Then the library panel over them: a search (English and
// Japanese) opens a result at its field, a filter keeps only what it names, and a new draft written like one of them
// lists it among its similar incidents. Screenshots at 1280 px and at a 390 px phone width, in both themes.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const COUNT = 50, AS_MARKDOWN = 10;

// The archive, made the way a team would: the generator's JSON files, some as Markdown, zipped by Python's zipfile.
function historyZip() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-library-'));
  const src = path.join(dir, 'json'), out = path.join(dir, 'postmortems');
  execFileSync('python3', [path.join(h.ROOT, 'scripts', 'gen_library.py'), src, '--count', String(COUNT), '--seed', '7']);
  fs.mkdirSync(out);
  const cli = path.join(h.ROOT, 'build', 'native', 'hindsight'), titles = [], mdTitles = [];
  fs.readdirSync(src).sort().forEach((name, i) => {
    const file = path.join(src, name), title = JSON.parse(fs.readFileSync(file, 'utf8')).title;
    titles.push(title);
    if (i < AS_MARKDOWN) {
      fs.writeFileSync(path.join(out, name.replace(/\.json$/, '.md')), execFileSync(cli, ['export', 'md', file]));
      mdTitles.push(title);
    } else {
      fs.copyFileSync(file, path.join(out, name));
    }
  });
  fs.writeFileSync(path.join(out, 'README.txt'), 'Разборы инцидентов платформы, один файл на инцидент 📚\n');
  const zip = path.join(dir, 'history.zip');
  const bytes = h.zipFolder(out, zip, 'postmortems');
  const docs = fs.readdirSync(src).sort().map((n) => JSON.parse(fs.readFileSync(path.join(src, n), 'utf8')));
  fs.rmSync(dir, { recursive: true, force: true });
  return { bytes, titles, mdTitles, docs };
}

async function dropHistory(page, bytes) {
  await page.evaluate((data) => {
    const u8 = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([u8], 'history.zip'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes.toString('base64'));
  await h.locate(page, 'problem.ok', 60000);
  await h.settle(page);
}

test('a .zip of 50 postmortems (JSON and Markdown) dropped on the app: 50 drafts and a report', async () => {
  const { page, errors } = await h.openApp(browser, server);
  const { bytes, titles, mdTitles } = historyZip();
  assert.equal(titles.length, COUNT);
  await dropHistory(page, bytes);
  await page.screenshot({ path: h.shotPath('library-import-report.png') });
  await page.waitForFunction((n) => window.hindsight.drafts().length >= n, COUNT, { timeout: 30000, polling: 200 });
  const drafts = await page.evaluate(() => window.hindsight.drafts());
  assert.equal(drafts.length, COUNT);
  assert.deepEqual(drafts.map((d) => d.title).sort(), titles.slice().sort());
  for (const t of mdTitles) assert.ok(drafts.some((d) => d.title === t), 'the Markdown one "' + t + '" is a draft');
  assert.deepEqual(errors, []);
});

// The text of the field being edited (the DOM overlay over it), or null when none has the focus.
function focusedOverlay(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || !el.classList.contains('hs-overlay')) return null;
    const r = el.getBoundingClientRect();
    return { value: el.value, top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
}

async function search(page, text) {
  await h.click(page, 'library.input');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  await h.settle(page, 300);
}

// How many results the panel lists (library.result.N drawn), up to `max`.
async function resultCount(page, max = 40) {
  return page.evaluate((max) => {
    let n = 0;
    while (n < max && window.hindsight.locate('library.result.' + n)) n++;
    return n;
  }, max);
}

test('the library: search, filter, open a result at its field; similar incidents of a new draft', async () => {
  const { page, errors } = await h.openApp(browser, server);
  const { bytes, docs } = historyZip();
  await dropHistory(page, bytes);
  await h.click(page, 'problem.ok');
  await page.waitForFunction((n) => window.hindsight.drafts().length >= n, COUNT, { timeout: 30000, polling: 200 });

  // Ctrl+Shift+F opens the library; with no query it lists the postmortems, newest first.
  await page.keyboard.press('Control+Shift+F');
  await h.locate(page, 'library.count', 15000);
  await h.settle(page, 300);
  assert.ok(await resultCount(page) >= 20, 'the library lists the drafts');
  await page.screenshot({ path: h.shotPath('library-panel-1280-light.png') });

  // An English query: the first result's first snippet opens its draft with that field being edited, on screen.
  await search(page, 'connection pool');
  await h.locate(page, 'library.field.0.0');
  await page.screenshot({ path: h.shotPath('library-search-1280-light.png') });
  await h.click(page, 'library.field.0.0');
  await h.settle(page, 400);
  assert.equal(await page.evaluate(() => window.hindsight.locate('library.input')), null, 'the panel closed');
  let f = await focusedOverlay(page);
  assert.ok(f, 'a field of the draft is being edited');
  assert.match(f.value, /connection pool/i);
  assert.ok(f.top >= 0 && f.bottom <= f.height, 'the field is in view');
  const opened = await h.doc(page);
  assert.ok(JSON.stringify(opened).toLowerCase().includes('connection pool'));

  // A Japanese query ("runbook", written without spaces): the same at its field.
  await page.keyboard.press('Escape');
  await h.click(page, 'topbar.library');
  await search(page, '手順書');
  const jaCount = await resultCount(page);
  const jaExpected = docs.filter((d) => JSON.stringify(d).includes('手順書')).length;
  assert.equal(jaCount, Math.min(jaExpected, 30));
  await h.click(page, 'library.field.0.0');
  await h.settle(page, 400);
  f = await focusedOverlay(page);
  assert.ok(f && f.value.includes('手順書'), 'the Japanese field is being edited: ' + JSON.stringify(f));

  // A filter: SEV5 only, with the empty query, lists exactly the SEV5 postmortems; each opens as one.
  await page.keyboard.press('Escape');
  await h.click(page, 'topbar.library');
  await search(page, '');
  await h.click(page, 'library.filters');
  await h.click(page, 'library.filter.Severity');
  await h.click(page, 'library.filter.Severity.SEV5');
  await h.click(page, 'library.input');  // a click outside the list closes it (the box is above it)
  await h.settle(page, 300);
  await page.screenshot({ path: h.shotPath('library-filter-1280-light.png') });
  const sev5 = docs.filter((d) => d.severity === 5).length;
  assert.ok(sev5 > 0);
  assert.equal(await resultCount(page), sev5);
  await h.click(page, 'library.result.0');
  await h.settle(page, 300);
  assert.equal((await h.doc(page)).severity, 5);

  // A new draft written like one of them: its similar incidents name that one first, and say why.
  const model = docs.slice(AS_MARKDOWN).find((d) => d.contributing_factors && d.contributing_factors.some((c) => c.category) &&
                               d.services && d.services.length && d.lessons && d.lessons.went_wrong && d.lessons.went_wrong.length);
  const fresh = JSON.parse(JSON.stringify(model));
  fresh.id = 'pm-written-like-it';
  fresh.title = model.title + ' (again)';
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  fresh.created = now;
  fresh.updated = now;
  assert.ok(await page.evaluate((t) => window.hindsight.openJSON(t, 'new.json'), JSON.stringify(fresh)));
  await h.settle(page, 300);
  await h.click(page, 'similar.header');
  await h.locate(page, 'similar.item.0', 15000);
  await h.settle(page, 300);
  await page.screenshot({ path: h.shotPath('library-similar-1280-light.png') });
  await h.click(page, 'similar.item.0');
  await h.settle(page, 300);
  assert.equal((await h.doc(page)).title, model.title);

  // Then to the trends over the whole library, and its report: every draft counted (the 50 and the new one).
  const drafts = (await page.evaluate(() => window.hindsight.drafts())).length;
  await h.click(page, 'drafts.overview');
  await h.click(page, 'overview.trends');
  await page.waitForFunction(() => { const t = window.hindsight.trends(); return t && t.open && !t.loading; },
    null, { timeout: 30000, polling: 100 });
  const [report] = await Promise.all([page.waitForEvent('download'), h.click(page, 'trends.export')]);
  assert.match(report.suggestedFilename(), /^hindsight-trends-\d{4}-\d{2}-\d{2}\.md$/);
  const md = fs.readFileSync(await report.path(), 'utf8');
  assert.match(md, /^# Postmortem trends/);
  assert.ok(md.includes(`\n${drafts} postmortems, `), `the report counts ${drafts} postmortems: ${md.slice(0, 200)}`);
  assert.match(md, /## Incidents per month by severity/);
  await page.keyboard.press('Escape');
  await h.settle(page, 300);
  if (await page.evaluate(() => window.hindsight.locate('overview.close'))) await h.click(page, 'overview.close');

  // The panel at a phone's width and in the dark theme, looked at in the screenshots (the filter cleared first).
  await h.click(page, 'topbar.library');
  await h.click(page, 'library.clear_filters');
  await h.click(page, 'library.close');
  for (const [w, hgt, scheme] of [[1280, 800, 'dark'], [390, 844, 'light'], [390, 844, 'dark']]) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.emulateMedia({ colorScheme: scheme });
    await h.settle(page, 300);
    await page.keyboard.press('Escape');
    // On a phone the top bar has no room for the library: it opens from the drafts sidebar.
    const entry = w < 560 ? 'drafts.library' : 'topbar.library';
    if (!(await page.evaluate((n) => window.hindsight.locate(n), entry))) await h.click(page, 'topbar.sidebar');
    await h.click(page, entry);
    await search(page, 'connection pool');
    await h.locate(page, 'library.field.0.0');
    await page.screenshot({ path: h.shotPath(`library-search-${w}-${scheme}.png`) });
    await h.click(page, 'library.close');
  }
  assert.deepEqual(errors, []);
});
