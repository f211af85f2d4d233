// Drafts that are never lost: a reload in the middle of a save, a failed write (quota), a damaged stored file,
// a large draft stored in pieces, offline start from the service worker, an update to a new version, history restore and the overview across drafts. Each check reads the app's
// state through window.hindsight (document(), drafts(), history(), overview(), quarantine(), storage()).
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

const VIEW = { width: 1280, height: 800 };

async function ready(page, quiet = 400) {
  await page.evaluate(() => window.hindsight.ready);
  await page.bringToFront();
  await h.settle(page, quiet);
}

async function newDraft(page, title) {
  await h.click(page, 'sidebar.new');
  await h.click(page, 'new.title');
  await page.keyboard.type(title);
  await h.click(page, 'new.template.minimal');
}

// Resolves when everything typed so far is durable in IndexedDB (nothing dirty, no push running).
async function saved(page) {
  await page.waitForFunction(() => {
    const s = window.hindsight.storage();
    return s && s.loaded && !s.dirty && !s.persisting;
  }, null, { timeout: 10000 });
}

// Resolves when the service worker controls the page (it serves the app offline from then on).
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

async function typeSummary(page, text, replace) {
  await h.click(page, 'field.summary');
  if (replace) await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('a reload in the middle of a save loses nothing', async () => {
  const context = await browser.newContext({ viewport: VIEW });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await newDraft(page, 'Reload during save');
  await saved(page);
  // Reload at different moments: before the autosave, as it starts (the push to IndexedDB is running), and just
  // after it started.
  const moments = [0, 'saving', 'saving+30', 300, 'saving'];
  for (const [i, when] of moments.entries()) {
    await typeSummary(page, ` part-${i}`);
    if (when === 'saving' || when === 'saving+30') {
      await page.waitForFunction(() => window.hindsight.storage().persisting, null, { timeout: 5000, polling: 5 });
      if (when === 'saving+30') await page.waitForTimeout(30);
    } else {
      await page.waitForTimeout(when);
    }
    await page.reload();
    await ready(page);
    const d = await h.doc(page);
    assert.ok(d, `reload ${i}: the draft reopened`);
    for (let j = 0; j <= i; j++) assert.ok(d.summary.includes(`part-${j}`), `reload ${i} (${when}): part-${j} kept: ${d.summary}`);
  }
  await saved(page);
  // Once stored, the rescue copies are gone.
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hindsight-rescue-')));
  assert.deepEqual(left, []);
  await context.close();
});

test('a failed write (quota exceeded) is shown at once, keeps the text and offers Download all drafts', async () => {
  const context = await browser.newContext({ viewport: VIEW, acceptDownloads: true });
  // IndexedDB refuses every write while window.__failWrites is set, as a full disk does.
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await newDraft(page, 'Quota test');
  await saved(page);
  await page.evaluate(() => { window.__failWrites = true; });
  await typeSummary(page, 'Text that cannot be stored yet');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.hindsight.storage().error !== '', null, { timeout: 10000 });
  const st = await page.evaluate(() => window.hindsight.storage());
  assert.match(st.error, /quota/i);
  assert.equal((await h.doc(page)).summary, 'Text that cannot be stored yet', 'the text stays in the editor');
  // The problem dialog says so and offers the download; its file holds the text.
  await h.locate(page, 'problem.ok');
  await page.screenshot({ path: h.shotPath('storage-quota-error.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), h.click(page, 'problem.download_all')]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'hindsight.drafts');
  assert.ok(file.drafts.some((d) => d.doc.summary === 'Text that cannot be stored yet'), 'the download holds the text');
  await h.click(page, 'problem.ok');
  // The top bar keeps saying it is not saved.
  assert.ok(await page.evaluate(() => window.hindsight.locate('topbar.save_state')));
  // Space freed: the next save stores everything that was kept.
  await page.evaluate(() => { window.__failWrites = false; });
  await typeSummary(page, ' and more');
  await saved(page);
  assert.equal((await page.evaluate(() => window.hindsight.storage())).error, '');
  await page.reload();
  await ready(page);
  assert.equal((await h.doc(page)).summary, 'Text that cannot be stored yet and more');
  await context.close();
});

test('a damaged file in IndexedDB is quarantined and the other drafts load', async () => {
  const context = await browser.newContext({ viewport: VIEW });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await newDraft(page, 'Healthy one');
  await newDraft(page, 'Healthy two');
  await saved(page);
  // Two damaged files, written into IDBFS's database as IDBFS stores files.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('/idb');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['FILE_DATA'], 'readwrite');
      const store = tx.objectStore('FILE_DATA');
      const file = (text) => ({ timestamp: new Date(), mode: 33206, contents: new TextEncoder().encode(text) });
      store.put(file('{"format":"hindsight.draft","version":1,"doc":{"title":"cut off'), '/idb/drafts/drafts/dr-truncated.json');
      store.put(file('{"format":"hindsight.draft","version":1,"draft":{"id":"dr-badtype"},"doc":{"severity":"high"}}'),
        '/idb/drafts/drafts/dr-badtype.json');
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await ready(page, 600);
  const titles = (await page.evaluate(() => window.hindsight.drafts())).map((d) => d.title).sort();
  assert.deepEqual(titles, ['Healthy one', 'Healthy two']);
  const q = await page.evaluate(() => window.hindsight.quarantine());
  assert.deepEqual(q.map((e) => e.original).sort(), ['drafts/dr-badtype.json', 'drafts/dr-truncated.json']);
  for (const e of q) assert.ok(e.reason.length > 0, 'a reason is given');
  // The user is told, with the reason.
  await h.locate(page, 'problem.ok');
  await page.screenshot({ path: h.shotPath('storage-quarantine.png') });
  await h.click(page, 'problem.ok');
  await h.click(page, 'problem.ok');
  // Quarantined files stay set aside after another reload (and are not reported again).
  await page.reload();
  await ready(page, 600);
  assert.equal((await page.evaluate(() => window.hindsight.quarantine())).length, 2);
  assert.equal(await page.evaluate(() => window.hindsight.locate('problem.ok')), null);
  await context.close();
});

// Every record in IDBFS's store: its key, and what it holds (a file, a file's head, a piece of one).
function idbRecords() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('/idb');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const store = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA');
      const out = [];
      const cur = store.openCursor();
      cur.onsuccess = () => {
        const c = cur.result;
        if (!c) { db.close(); resolve(out); return; }
        const v = c.value;
        out.push({ key: String(c.key), timestamp: 'timestamp' in v, pieces: v.hsPieces || 0, size: v.hsSize || 0,
          bytes: v.contents ? v.contents.byteLength : -1,
          text: v.contents && v.contents.byteLength < 200000 ? new TextDecoder().decode(v.contents) : '' });
        c.continue();
      };
      cur.onerror = () => reject(cur.error);
    };
  });
}

// Pieces are keyed "<path>\0<5 digits>". Checks that each head has exactly its pieces, each at most 63 KB, and that
// no piece is left without its head. Returns the heads by path, with their pieces' text joined.
function checkPieces(records) {
  const heads = new Map(), pieces = new Map();
  for (const r of records) {
    const cut = r.key.indexOf('\u0000');
    if (cut >= 0) {
      assert.equal(r.timestamp, false, `a piece has no timestamp, so IDBFS never lists it (${r.key.slice(0, cut)})`);
      assert.ok(r.bytes > 0 && r.bytes <= 64512, `a piece holds 1 to 64,512 bytes, not ${r.bytes}`);
      const p = r.key.slice(0, cut);
      if (!pieces.has(p)) pieces.set(p, []);
      pieces.get(p).push(r);
    } else if (r.pieces) {
      assert.equal(r.bytes, -1, 'a head holds no contents of its own');
      heads.set(r.key, r);
    }
  }
  for (const [p, list] of pieces) assert.ok(heads.has(p), `pieces of ${p} have a head`);
  for (const [p, head] of heads) {
    const list = pieces.get(p) || [];
    assert.equal(list.length, head.pieces, `${p}: as many pieces as its head says`);
    assert.equal(list.reduce((n, r) => n + r.bytes, 0), head.size, `${p}: the pieces add up to the file's size`);
    head.joined = list.map((r) => r.text).join('');
  }
  return heads;
}

test('a draft larger than 63 KB is stored in pieces, read back whole, damaged pieces are quarantined, and no piece is left over', async () => {
  const context = await browser.newContext({ viewport: VIEW });
  const page = await context.newPage();
  await page.goto(server.url);
  await ready(page);
  await newDraft(page, 'Small neighbour');
  await saved(page);
  // The largest sample with its timeline three times over (fresh ids): ~170 KB stored, three pieces or more.
  const doc = JSON.parse(fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'multi-day-cdn-degradation.json'), 'utf8'));
  doc.timeline = [0, 1, 2].flatMap((n) => doc.timeline.map((e) => ({ ...e, id: `${e.id}-${n}` })));
  const sample = JSON.stringify(doc);
  assert.equal(await page.evaluate(([t]) => window.hindsight.openJSON(t, 'big.json'), [sample]), true);
  await page.waitForFunction(() => window.hindsight.drafts().length === 2);
  await h.settle(page, 300);
  await typeSummary(page, ' Typed into the big draft.', false);
  await page.waitForFunction(() => (window.hindsight.document() || '').includes('Typed into the big draft.'));
  await saved(page);
  const big = (await page.evaluate(() => window.hindsight.drafts())).find((d) => d.title !== 'Small neighbour');
  const bigPath = `/idb/drafts/drafts/${big.id}.json`;

  let heads = checkPieces(await page.evaluate(idbRecords));
  assert.ok(heads.has(bigPath), 'the large draft is stored in pieces');
  assert.ok(heads.get(bigPath).pieces >= 3, `${heads.get(bigPath).pieces} pieces`);
  assert.ok(heads.get(bigPath).joined.includes('Typed into the big draft.'), 'the pieces hold the last edit');
  const small = (await page.evaluate(idbRecords)).filter((r) => r.key.startsWith('/idb/drafts/drafts/') && !r.key.includes('\u0000') && r.key !== bigPath);
  assert.ok(small.length >= 1 && small.every((r) => r.bytes > 0 && !r.pieces), 'a small draft stays one record');

  // Read back whole after a reload, in the app.
  await page.reload();
  await ready(page, 600);
  await h.click(page, `draft.${big.id}`);
  await page.waitForFunction(() => (window.hindsight.document() || '').includes('Typed into the big draft.'));
  const opened = JSON.parse(await page.evaluate(() => window.hindsight.document()));
  assert.equal(opened.timeline.length, JSON.parse(sample).timeline.length);

  // Into the trash: the pieces move with the file, and none stays behind at the old path.
  await h.click(page, `draft.delete.${big.id}`);
  await saved(page);
  heads = checkPieces(await page.evaluate(idbRecords));
  assert.ok(!heads.has(bigPath), 'the draft left its path, pieces and all');
  assert.ok([...heads.keys()].some((k) => k.includes('/trash/')), 'the trashed copy is in pieces too');

  // A second large draft with a piece missing: quarantined with a reason on the next load; the others load.
  doc.id = 'pm-second-large';
  doc.title = 'Second large draft';
  assert.equal(await page.evaluate(([t]) => window.hindsight.openJSON(t, 'big2.json'), [JSON.stringify(doc)]), true);
  await page.waitForFunction(() => window.hindsight.drafts().length === 2);
  await saved(page);
  const second = (await page.evaluate(() => window.hindsight.drafts())).find((d) => d.title === 'Second large draft');
  const secondPath = `/idb/drafts/drafts/${second.id}.json`;
  assert.ok(checkPieces(await page.evaluate(idbRecords)).has(secondPath));
  await page.evaluate(([k]) => new Promise((resolve, reject) => {
    const req = indexedDB.open('/idb');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['FILE_DATA'], 'readwrite');
      tx.objectStore('FILE_DATA').delete(k + '\u000000001');
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), [secondPath]);
  await page.reload();
  await ready(page, 600);
  assert.deepEqual((await page.evaluate(() => window.hindsight.drafts())).map((d) => d.title), ['Small neighbour']);
  const q = await page.evaluate(() => window.hindsight.quarantine());
  assert.equal(q.length, 1);
  assert.ok(q[0].original === `drafts/${second.id}.json` && q[0].reason.length > 0, JSON.stringify(q[0]));
  await h.click(page, 'problem.ok');
  await saved(page);
  // The quarantined copy is stored (in pieces, being large), and nothing is left at the draft's path.
  heads = checkPieces(await page.evaluate(idbRecords));
  assert.ok(!heads.has(secondPath));
  await context.close();
});

test('offline: the app starts from the service worker, the drafts are there and edits save', async () => {
  const { page, context, foreign, errors } = await h.openApp(browser, server, { viewport: VIEW });
  await page.bringToFront();
  await newDraft(page, 'Offline draft');
  await typeSummary(page, 'Written online.');
  await page.keyboard.press('Escape');
  await saved(page);
  await controlled(page);
  // Installable: Chromium's own check finds nothing wrong with the manifest, icons or worker (test contexts are
  // incognito, which it always reports).
  const cdp = await context.newCDPSession(page);
  const inst = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);
  assert.deepEqual(inst.filter((e) => e !== 'in-incognito'), []);
  assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
  const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('hindsight-')));
  assert.equal(cached.length, 1, 'one cache, named for this build');
  assert.equal(cached[0], 'hindsight-' + await page.evaluate(() => window.hindsight.version));
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.equal((await h.doc(page)).summary, 'Written online.');
  assert.ok((await page.evaluate(() => window.hindsight.drafts())).some((d) => d.title === 'Offline draft'));
  await typeSummary(page, ' And offline.');
  await page.keyboard.press('Escape');
  await saved(page);
  await page.reload();
  await ready(page);
  assert.equal((await h.doc(page)).summary, 'Written online. And offline.');
  await context.setOffline(false);
  assert.deepEqual(foreign, [], 'no request leaves the origin');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('a new version: the page offers it, Reload saves the last edit first, and the new version has the drafts', async () => {
  // A copy of dist/ on its own server, so that a new build can be deployed into it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-update-'));
  fs.cpSync(path.join(h.ROOT, 'dist'), dir, { recursive: true });
  const site = await h.startServer({ dir });
  try {
    const { page, context, foreign, errors } = await h.openApp(browser, site, { viewport: VIEW });
    await page.bringToFront();
    await newDraft(page, 'Written before the update');
    await typeSummary(page, 'Version one.');
    await page.keyboard.press('Escape');
    await saved(page);
    await controlled(page);
    const v1 = await page.evaluate(() => window.hindsight.version);
    assert.equal(await page.evaluate(() => window.hindsight.updateReady()), false, 'no update offered yet');
    assert.equal(await page.isVisible('#update'), false);
    // Deploy a new build: the same files with a new build id (the worker's cache name and the page's version).
    const v2 = v1 + '.next';
    for (const f of ['sw.js', 'app.js']) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.ok(text.includes(v1), `${f} names its build`);
      fs.writeFileSync(path.join(dir, f), text.split(v1).join(v2));
    }
    // The page checks for updates when it becomes visible again; here the check is asked for directly.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(() => window.hindsight.updateReady(), null, { timeout: 20000 });
    assert.equal(await page.isVisible('#update'), true, 'the update bar shows');
    assert.match(await page.textContent('#update'), /A new version of Hindsight is ready/);
    assert.equal(await page.evaluate(() => window.hindsight.version), v1, 'nothing changes until the user says so');
    // An edit typed just before Reload, not saved yet: Reload saves it before the new version takes over.
    await typeSummary(page, ' Typed just before Reload.');
    await page.keyboard.press('Escape');
    const reloaded = page.waitForEvent('load', { timeout: 30000 });
    await page.click('#update-reload');
    await reloaded;
    await ready(page);
    assert.equal(await page.evaluate(() => window.hindsight.version), v2, 'the new version runs');
    assert.deepEqual(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('hindsight-'))),
      ['hindsight-' + v2], 'only the new version is cached');
    assert.equal(await page.evaluate(() => window.hindsight.updateReady()), false);
    assert.equal(await page.isVisible('#update'), false);
    const d = await h.doc(page);
    assert.equal(d && d.title, 'Written before the update');
    assert.equal(d.summary, 'Version one. Typed just before Reload.', 'the last edit survived the update');
    assert.deepEqual(foreign, []);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    site.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('history: snapshots on share and status change, diff, restore as one undoable change', async () => {
  // Tall enough for the whole share dialog (with its QR code) and its Close button.
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1280, height: 1100 }, clipboard: true });
  await page.bringToFront();
  await newDraft(page, 'History test');
  await typeSummary(page, 'Version one of the summary.');
  await page.keyboard.press('Escape');
  await saved(page);
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.settle(page, 300);
  await h.click(page, 'share.close');
  await typeSummary(page, 'Version two, rewritten.', true);
  await page.keyboard.press('Escape');
  // Status: Draft -> In review, the second entry of the combo's list (which opens below it: the popup's padding is
  // 14 px, each entry a text line plus 8 px of spacing; the combo is a text line plus 2 x 6 px of padding).
  const combo = (await h.click(page, 'editor.status')).rect;
  const line = combo.h - 12;
  await page.mouse.click(combo.x + 40, combo.y + combo.h + 14 + (line + 8) + line / 2);
  await h.settle(page);
  assert.equal((await h.doc(page)).status, 'in_review');
  await saved(page);
  const snaps = await page.evaluate(() => window.hindsight.history());
  const reasons = snaps.map((s) => s.reason);
  assert.ok(reasons.includes('share') && reasons.includes('status'), `snapshots: ${reasons}`);
  const shareIndex = reasons.indexOf('share');

  await h.click(page, 'topbar.history');
  await h.click(page, 'history.snapshot.' + shareIndex);
  await h.settle(page, 300);
  await page.screenshot({ path: h.shotPath('history-diff.png') });
  await h.click(page, 'history.show_snapshot');
  await page.screenshot({ path: h.shotPath('history-snapshot.png') });
  await h.click(page, 'history.restore');
  let d = await h.doc(page);
  assert.equal(d.summary, 'Version one of the summary.');
  assert.equal(d.status || 'draft', 'draft');  // the default status is left out of the canonical JSON
  // One undo step brings back what was there; redo restores again.
  await h.click(page, 'topbar.undo');
  d = await h.doc(page);
  assert.equal(d.summary, 'Version two, rewritten.');
  assert.equal(d.status, 'in_review');
  await h.click(page, 'topbar.redo');
  assert.equal((await h.doc(page)).summary, 'Version one of the summary.');
  await saved(page);
  assert.ok((await page.evaluate(() => window.hindsight.history())).some((s) => s.reason === 'restore'),
    'the replaced version is kept as a snapshot');
  await page.reload();
  await ready(page);
  assert.equal((await h.doc(page)).summary, 'Version one of the summary.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('overview: counts, open and overdue action items and medians across drafts', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 900 } });
  await page.bringToFront();
  await page.waitForFunction(() => window.hindsight.storage().loaded);
  const cli = path.join(h.ROOT, 'build', 'native', 'hindsight');
  const samples = ['atlassian-db-failover', 'minimal-cert-expiry', 'security-credential-leak', 'sre-checkout-outage'];
  const docs = [];
  const ttd = [], ttr = [];
  for (const name of samples) {
    const file = path.join(h.ROOT, 'assets', 'samples', name + '.json');
    assert.ok(await page.evaluate(([t, n]) => window.hindsight.openJSON(t, n), [fs.readFileSync(file, 'utf8'), name]));
    docs.push(await h.doc(page));
    const m = JSON.parse(execFileSync(cli, ['metrics', file]).toString());
    if (m.time_to_detect_s !== null) ttd.push(m.time_to_detect_s);
    if (m.time_to_resolve_s !== null) ttr.push(m.time_to_resolve_s);
  }
  await saved(page);
  const median = (v) => {
    if (!v.length) return null;
    const s = [...v].sort((a, b) => a - b), m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : s[m - 1] + Math.floor((s[m] - s[m - 1]) / 2);
  };
  const today = new Date().toISOString().slice(0, 10);
  // Canonical JSON leaves defaults out: an action item's status "open", a postmortem's status "draft".
  const open = docs.flatMap((d) => d.action_items.filter((a) => (a.status || 'open') === 'open' || a.status === 'in_progress'));
  const overdue = open.filter((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.due || '') && a.due < today);
  const bySeverity = {}, byStatus = {};
  for (const d of docs) {
    bySeverity[String(d.severity || 0)] = (bySeverity[String(d.severity || 0)] || 0) + 1;
    byStatus[d.status || 'draft'] = (byStatus[d.status || 'draft'] || 0) + 1;
  }
  const o = await page.evaluate(() => window.hindsight.overview());
  assert.equal(o.drafts, samples.length);
  assert.deepEqual(o.by_severity, bySeverity);
  assert.deepEqual(o.by_status, byStatus);
  assert.equal(o.open_actions, open.length);
  assert.equal(o.overdue_actions, overdue.length);
  assert.ok(o.open_actions > 0);
  assert.equal(o.median_time_to_detect_s, median(ttd));
  assert.equal(o.median_time_to_resolve_s, median(ttr));
  // Overdue items come first.
  const flags = o.open_items.map((i) => i.overdue);
  assert.deepEqual(flags, [...flags].sort((a, b) => Number(b) - Number(a)));

  await h.click(page, 'drafts.overview');
  await h.locate(page, 'overview.ttr');
  await h.settle(page, 300);
  await page.screenshot({ path: h.shotPath('overview.png') });
  await h.click(page, 'overview.close');
  await h.click(page, 'topbar.settings');
  await h.locate(page, 'settings.persist');
  await h.settle(page, 300);
  // locate() merges the last two frames: by now the overview has been gone for several.
  assert.equal(await page.evaluate(() => window.hindsight.locate('overview.ttr')), null, 'the overview closed');
  await page.screenshot({ path: h.shotPath('settings.png') });
  assert.equal(typeof (await page.evaluate(() => window.hindsight.persisted)), 'boolean', 'persist() answered');
  assert.equal((await page.evaluate(() => window.hindsight.storage())).persisted,
    (await page.evaluate(() => window.hindsight.persisted)) ? 1 : 0, 'settings show the answer of persist()');
  await h.click(page, 'settings.close');
  assert.deepEqual(errors, []);
  await context.close();
});
