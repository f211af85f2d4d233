// Hostile documents and links, driven as a person would meet them: every field of a shared document is someone
// else's text. Download names keep the app's extension; a short link with a megabyte title keeps the tab responsive.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const h = require('./harness');

let server, browser;

// These tests check that heavy work (a key at the derivation cap, a 15-million-column file, a 3 MB title) does not
// run inside a frame: that work takes seconds, so a frame that did it would take seconds. Frame speed itself is a
// benchmark's job (bench/), not a test's, so the bound here is far above a loaded CI machine's slowest frame.
const NOT_BLOCKED_MS = 500;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

function sample(name) {
  return JSON.parse(fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', name), 'utf8'));
}

test('downloaded files keep the app\'s extension whatever the incident id and title say', async () => {
  const { page, context, errors } = await h.openApp(browser, server);
  const d = sample('minimal-cert-expiry.json');
  d.incident_id = 'report.html';
  d.title = '<script>alert(1)</script> run.bat \u202Efdp.exe';
  assert.ok(await page.evaluate((t) => window.hindsight.openJSON(t, 'x.json'), JSON.stringify(d)));
  await h.settle(page);
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.locate(page, 'share.download', 30000);
  let [dl] = await Promise.all([page.waitForEvent('download'), h.click(page, 'share.download')]);
  let name = dl.suggestedFilename();
  assert.match(name, /^[a-z0-9-]+\.hindsight\.json$/, name);
  await page.keyboard.press('Escape');
  await h.settle(page);
  await h.click(page, 'topbar.export');
  [dl] = await Promise.all([page.waitForEvent('download'), h.click(page, 'export.md')]);
  name = dl.suggestedFilename();
  assert.match(name, /^[a-z0-9-]+\.md$/, name);
  assert.ok(!name.includes('html') || name.startsWith('report-html'), name);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a document whose incident id holds a NUL is refused with where and why', async () => {
  const { page, context } = await h.openApp(browser, server);
  const d = sample('minimal-cert-expiry.json');
  d.incident_id = 'report.html\u0000';
  const ok = await page.evaluate((t) => window.hindsight.openJSON(t, 'x.json'), JSON.stringify(d));
  assert.equal(ok, false);
  await h.locate(page, 'problem.ok');
  await page.keyboard.press('Escape');
  await h.settle(page);
  assert.equal(await page.evaluate(() => window.hindsight.locate('problem.ok')), null, 'Escape closes the problem dialog');
  await context.close();
});

test('a short link with a 3 MB title: the dialog draws frames under 50 ms, its buttons stay on screen, Escape closes it', async () => {
  const d = sample('minimal-cert-expiry.json');
  d.title = 'A'.repeat(3 * 1024 * 1024);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-long-'));
  const file = path.join(dir, 'long.json');
  fs.writeFileSync(file, JSON.stringify(d));
  const link = execFileSync(path.join(h.ROOT, 'build', 'native', 'hindsight'), ['link', 'encode', file]).toString().trim();
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(link.length < 8000, `the link is short (${link.length} characters)`);
  const { page, context, errors } = await h.openApp(browser, server, { hash: '#' + link.split('#').pop() });
  const save = await h.locate(page, 'incoming.save', 20000);
  const cancel = await h.locate(page, 'incoming.cancel');
  const vp = page.viewportSize();
  for (const b of [save, cancel]) assert.ok(b.y > 0 && b.y < vp.height, 'the dialog\'s buttons are on screen');
  // Frames while the pointer moves over the dialog: none does the whole title's work (that took 2.6 s a frame: the
  // whole title was wrapped every frame).
  const times = [];
  for (let i = 0; i < 10; i++) {
    const f0 = await page.evaluate(() => window.hindsight.frameCount());
    await page.mouse.move(300 + i * 20, 300 + i * 7);
    await page.waitForFunction((f) => window.hindsight.frameCount() > f, f0);
    times.push(await page.evaluate(() => window.hindsight.frameBuildMs()));
  }
  assert.ok(Math.max(...times) < NOT_BLOCKED_MS, `frames built in ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  await page.keyboard.press('Escape');
  await h.settle(page);
  assert.equal(await page.evaluate(() => window.hindsight.locate('incoming.cancel')), null, 'Escape closes the dialog');
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- files and links are read in a worker; a stopped runtime is said plainly and loses nothing ---------------------

// Drops a file built in the page (so a large one is not copied through the test driver).
async function dropBuilt(page, name, make) {
  await page.evaluate(`window.__part = (${make.toString()})();`);
  await page.evaluate((name) => {
    const dt = new DataTransfer();
    dt.items.add(new File(window.__part, name));
    delete window.__part;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, name);
}

// Moves the pointer until `done()` holds in the page; returns the frames drawn meanwhile and the longest build time.
async function framesUntil(page, done, timeout = 60000) {
  const f0 = await page.evaluate(() => window.hindsight.frameCount());
  const end = Date.now() + timeout;
  let longest = 0;
  for (let i = 0; !(await page.evaluate(done)); i++) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + done.toString());
    await page.mouse.move(300 + (i % 40) * 5, 300 + (i % 2) * 9);
    await page.waitForTimeout(50);
    longest = Math.max(longest, await page.evaluate(() => window.hindsight.frameBuildMs()));
  }
  return { frames: (await page.evaluate(() => window.hindsight.frameCount())) - f0, longest };
}

async function waitStored(page) {
  await page.waitForFunction(() => {
    const s = window.hindsight.storage();
    return s && s.loaded && !s.dirty && !s.persisting && window.hindsight.drafts().length > 0;
  }, null, { timeout: 20000, polling: 100 });
}

async function openSampleDraft(page, name) {
  assert.ok(await page.evaluate((t) => window.hindsight.openJSON(t, 'x.json'), JSON.stringify(sample(name))));
  await waitStored(page);
  return page.evaluate(() => window.hindsight.drafts());
}

test('a CSV with 15 million columns is read in a worker: the editor keeps drawing, then says what is wrong', async () => {
  const { page, context, errors } = await h.openApp(browser, server);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const before = await openSampleDraft(page, 'ja-payment-gateway-timeout.json');
  await dropBuilt(page, 'wide.csv', () => ['time,type,description' + ',x'.repeat(15e6) + '\n',
    '2026-03-01T10:00:00Z,detected,first\n']);
  const busy = await page.waitForFunction(() => { const b = document.getElementById('busy'); return b && !b.hidden && b.textContent; })
    .then((x) => x.jsonValue());
  assert.match(busy, /^Opening wide\.csv \(\d+\.\d MB\)/, 'a quiet note says which file is being read');
  const r = await framesUntil(page, () => !!window.hindsight.locate('problem.ok'));
  assert.ok(r.frames > 0, 'the editor drew frames while the file was read');
  assert.ok(r.longest < NOT_BLOCKED_MS, `no frame waited for the file (longest ${r.longest.toFixed(1)} ms)`);
  assert.ok(workers.some((u) => u.endsWith('/worker.js')), 'the file was read in the worker');
  await page.screenshot({ path: h.shotPath('hostile-wide-csv.png') });
  await h.click(page, 'problem.ok');
  assert.equal(await page.evaluate(() => document.getElementById('busy').hidden), true, 'the note goes');
  assert.deepEqual(await page.evaluate(() => window.hindsight.drafts()), before, 'the drafts are untouched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the worker runs out of memory, the file is refused with a message and the editor and its drafts go on',
  async () => {
  // A copy of the app whose worker asks its wasm for a 3 GB string: a real out-of-memory abort inside the worker.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-oom-'));
  fs.cpSync(path.join(h.ROOT, 'dist'), dir, { recursive: true });
  const w = path.join(dir, 'worker.js');
  const src = fs.readFileSync(w, 'utf8');
  const patched = src.replace(/\.ccall\("hsw_open","number",\["string","number","number"\],\[([^,\]]+),([^,\]]+),[^\]]+\]\)/,
    '.ccall("hsw_open","number",["string","number","number"],[$1,$2,3e9])');
  assert.notEqual(patched, src, 'the worker copy was patched');
  fs.writeFileSync(w, patched);
  const oomServer = await h.startServer({ dir });
  try {
    const { page, context, errors } = await h.openApp(browser, oomServer);
    const workers = [];
    page.on('worker', (wk) => workers.push(wk));
    const before = await openSampleDraft(page, 'ru-courier-dispatch-backlog.json');
    for (let round = 1; round <= 2; round++) {
      await dropBuilt(page, 'timeline.csv', () => ['time,type,description\n2026-03-01T10:00:00Z,detected,Ошибка\n']);
      await h.locate(page, 'problem.ok', 30000);
      if (round === 1) await page.screenshot({ path: h.shotPath('hostile-worker-oom.png') });
      await h.click(page, 'problem.ok');
    }
    assert.equal(workers.length, 2, 'each file after a stopped worker gets a fresh one');
    // The editor still edits: a title typed now is kept and saved.
    await h.click(page, 'field.title');
    await page.keyboard.type(' — проверено');
    await page.keyboard.press('Escape');
    await waitStored(page);
    const d = await h.doc(page);
    assert.ok(d.title.endsWith(' — проверено'), d.title);
    const after = await page.evaluate(() => window.hindsight.drafts());
    assert.equal(after.length, before.length, 'no draft was added or lost');
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => document.getElementById('fatal').hidden), true, 'the editor did not stop');
    await context.close();
  } finally {
    oomServer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('when the editor\'s runtime stops, the page says so, offers Reload, and the last edits come back after it', async () => {
  const { page, context } = await h.openApp(browser, server);
  await openSampleDraft(page, 'minimal-cert-expiry.json');
  await h.click(page, 'field.title');
  await page.keyboard.press('End');
  await page.keyboard.type(' · 証明書 ✓');
  await page.evaluate(() => { try { window.hindsight.testAbort(); } catch (e) {} });  // right after typing
  await page.waitForSelector('#fatal:not([hidden])');
  const text = await page.textContent('#fatal');
  assert.match(text, /Hindsight stopped/);
  assert.match(text, /Reload/);
  assert.equal(await page.isVisible('#canvas'), false, 'the stopped editor is not left to look usable');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('.hs-overlay')].some((e) => e.style.display !== 'none')),
    false, 'no text field is left to type into');
  await page.screenshot({ path: h.shotPath('hostile-runtime-stopped.png') });
  await Promise.all([page.waitForNavigation(), page.click('#fatal-reload')]);
  await page.evaluate(() => window.hindsight.ready);
  await page.waitForFunction(() => { const d = window.hindsight.document(); return d && d.includes('証明書 ✓'); }, null,
    { timeout: 15000 });
  await context.close();
});

test('an encrypted link at the key-derivation cap is derived in a worker: the editor draws, Stop cancels', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-kdf-'));
  const file = path.join(dir, 'doc.json');
  const pass = path.join(dir, 'pass');
  fs.writeFileSync(file, JSON.stringify(sample('ja-payment-gateway-timeout.json')));
  fs.writeFileSync(pass, 'Пароль для ссылки 🔐\n');
  const cli = path.join(h.ROOT, 'build', 'native', 'hindsight');
  const slow = execFileSync(cli, ['link', 'encode', file, '--passphrase-file', pass, '--kdf', '16,256']).toString().trim();
  const quick = execFileSync(cli, ['link', 'encode', file, '--passphrase-file', pass, '--kdf', '3,32']).toString().trim();
  fs.rmSync(dir, { recursive: true, force: true });
  const { page, context, errors } = await h.openApp(browser, server, { hash: '#' + slow });
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await h.locate(page, 'incoming.passphrase', 20000);
  await h.click(page, 'incoming.passphrase');
  await page.keyboard.type('Пароль для ссылки 🔐');
  await page.keyboard.press('Enter');
  await h.locate(page, 'incoming.progress', 10000);
  // While the key is derived, the editor draws frames on input, each quickly.
  const t0 = Date.now();
  const f0 = await page.evaluate(() => window.hindsight.frameCount());
  let longest = 0;
  for (let i = 0; i < 20; i++) {
    await page.mouse.move(200 + i * 10, 200);
    await page.waitForTimeout(50);
    longest = Math.max(longest, await page.evaluate(() => window.hindsight.frameBuildMs()));
  }
  const frames = (await page.evaluate(() => window.hindsight.frameCount())) - f0;
  assert.ok(frames >= 10, `frames drawn while the key is derived (${frames} in ${Date.now() - t0} ms)`);
  assert.ok(longest < NOT_BLOCKED_MS, `no frame waited for the key (longest ${longest.toFixed(1)} ms)`);
  assert.ok(workers.some((u) => u.endsWith('/worker.js')), 'the key is derived in the worker');
  await page.screenshot({ path: h.shotPath('hostile-kdf-progress.png') });
  await h.click(page, 'incoming.stop');
  await h.locate(page, 'incoming.open');
  // The Open button is back only once the wait has ended.
  assert.equal(await page.evaluate(() => window.hindsight.locate('incoming.progress')), null, 'Stop ends the wait');
  await page.keyboard.press('Escape');
  await h.settle(page);
  // The same document with a quicker key opens through the worker.
  await page.evaluate((f) => { location.hash = f; }, quick);
  await h.locate(page, 'incoming.passphrase', 20000);
  await h.click(page, 'incoming.passphrase');
  await page.keyboard.type('Пароль для ссылки 🔐');
  await page.keyboard.press('Enter');
  await h.locate(page, 'incoming.save', 60000);
  await h.click(page, 'incoming.save');
  await page.waitForFunction(() => { const d = window.hindsight.document(); return d && d.includes('決済'); });
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Read it" on a link with 95,000 events lays out a batch at a time and the tab stays responsive', async () => {
  const d = sample('ru-courier-dispatch-backlog.json');
  d.id = 'pm-0e095000';
  d.title = '95 000 событий';
  const base = Date.parse('2026-03-07T08:00:00Z');
  const types = ['note', 'action', 'communication', 'escalated'];
  for (let i = d.timeline.length; i < 95000; i++) {
    d.timeline.push({ id: 'e' + i.toString(16), time: new Date(base + i * 1000).toISOString().replace('.000Z', 'Z'),
      type: types[i % 4], description: 'Под ' + (i % 100) });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-95k-'));
  fs.writeFileSync(path.join(dir, 'doc.json'), JSON.stringify(d));
  const link = execFileSync(path.join(h.ROOT, 'build', 'native', 'hindsight'), ['link', 'encode', path.join(dir, 'doc.json')],
    { maxBuffer: 64 << 20 }).toString().trim();
  fs.rmSync(dir, { recursive: true, force: true });
  const { page, context, errors } = await h.openApp(browser, server);
  await page.evaluate((f) => { location.hash = f; }, link);
  await h.locate(page, 'incoming.read', 60000);
  const t0 = Date.now();
  await h.click(page, 'incoming.read');
  await page.waitForSelector('#readview:not([hidden])', { timeout: 30000 });
  const shown = Date.now() - t0;
  const t1 = Date.now();
  await page.evaluate(() => 1);
  const answered = Date.now() - t1;
  const rows = () => page.evaluate(() => document.querySelectorAll('#rv-doc tr.ev').length);
  assert.equal(await rows(), 1000, 'the first thousand events are laid out');
  assert.match(await page.textContent('#rv-doc tr.more'), /Showing 1,000 of 95,000 events\. Show the next 1,000/);
  await page.click('#rv-doc button[data-hs-more]');
  await page.waitForFunction(() => document.querySelectorAll('#rv-doc tr.ev').length === 2000);
  const times = await page.$$eval('#rv-doc tr.ev td.time time', (els) => els.map((e) => e.getAttribute('datetime')));
  assert.deepEqual([...times].sort(), times, 'the batches continue the table in time order');
  console.log(`# 95,000 events: read view shown ${shown} ms after the click; the tab answered in ${answered} ms`);
  await page.screenshot({ path: h.shotPath('hostile-read-95k.png') });
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
});
