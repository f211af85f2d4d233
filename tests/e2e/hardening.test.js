// Hardening, driven as a person would. Bad or huge input (a malformed file, a 2 MB link, a link with characters no
// link has, a wrong passphrase, 100,000 timeline events, a 1 MB title) must end in a clear message or a bounded
// slowdown: never a frozen tab, a crash or a console error, and the user's drafts stay as they were. And a whole session
// (load, new document, typing, share, opening the link, export, offline, reload, edit) makes no request outside the
// app's own origin, under the strict Content-Security-Policy.
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
after(async () => {
  if (shared) await shared.context.close();
  if (browser) await browser.close();
  if (server) server.stop();
});

const VIEWPORT = { width: 1280, height: 800 };
const SUMMARY = 'Typed by hand: it must still be here.';
// The policy of README.md and docs/security.md, as serve.py sends it. The <meta> copy has no frame-ancestors, which
// browsers honour only as a header.
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const META_CSP = STRICT_CSP.replace("; frame-ancestors 'none'", '');

// ---- helpers -------------------------------------------------------------------------------------------------------

// Console errors, uncaught exceptions (a WebAssembly trap shows up as one) and alert() dialogs of a page.
function watch(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text().slice(0, 300)); });
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  page.on('dialog', (d) => { errors.push(`a ${d.type()} dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  return errors;
}

async function openPage(context, hash = '', gotoOptions = {}) {
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(server.url + hash, gotoOptions);
  await page.waitForFunction(() => !!window.hindsight, null, { timeout: 60000 });
  await page.evaluate(() => window.hindsight.ready);
  await h.settle(page, 300);
  return { page, errors };
}

// Waits until every edit is stored in IndexedDB.
async function waitSaved(page, timeout = 20000) {
  await page.waitForFunction(() => {
    const s = window.hindsight.storage();
    return s && s.loaded && !s.dirty && !s.persisting;
  }, null, { timeout, polling: 100 });
  const s = await page.evaluate(() => window.hindsight.storage());
  assert.equal(s.failed, false, 'storage works');
  assert.equal(s.error, '', 'no save error');
}

// What the user has: the drafts (id, title, last save) and the open document.
async function userState(page) {
  const drafts = (await page.evaluate(() => window.hindsight.drafts())).sort((a, b) => (a.id < b.id ? -1 : 1));
  return { drafts, doc: await h.doc(page) };
}

// A user with two drafts, a sample they opened and their own postmortem with a typed summary, left open.
async function userWithDrafts() {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const { page, errors } = await openPage(context);
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  await page.waitForFunction(() => window.hindsight.drafts().length === 1);  // the sample is fetched, then kept
  await h.click(page, 'sidebar.new');
  await h.click(page, 'new.template.minimal');
  await h.click(page, 'field.summary');
  await page.keyboard.type(SUMMARY);
  await page.keyboard.press('Escape');
  await waitSaved(page);
  const state = await userState(page);
  assert.equal(state.drafts.length, 2, `two drafts to protect: ${JSON.stringify(state.drafts)}`);
  assert.equal(state.doc.summary, SUMMARY);
  return { context, page, errors, state };
}

// A lighter user, for the tests where a document is meant to open: one draft, a sample, left open.
async function userWithSample() {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  const { page, errors } = await openPage(context);
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  await page.waitForFunction(() => window.hindsight.drafts().length === 1);
  await waitSaved(page);
  return { context, page, errors, state: await userState(page) };
}

// The drafts and the open document are exactly as they were.
async function assertUntouched(page, state, what) {
  const now = await userState(page);
  assert.deepEqual(now.drafts, state.drafts, `${what}: the drafts are untouched`);
  assert.deepEqual(now.doc, state.doc, `${what}: the open document is untouched`);
}

// The tests of bad input that should change nothing share one user: setting one up costs a page load, a sample, a
// template and typing. Each test ends on a fresh page of that browser profile, which checks that IndexedDB still holds
// the same drafts and reopens the user's own, and is the page the next test starts from. (A test whose input the app
// wrongly keeps as a draft would spoil the others: those use their own user.)
let shared = null;
async function withSharedUser(fn) {
  if (!shared) shared = await userWithDrafts();
  let failure = null;
  try {
    await fn(shared);
  } catch (e) {
    failure = e;
  }
  // Checked even when the test failed: whatever happened to the tab, the drafts must be safe.
  for (const p of shared.context.pages()) await p.close();
  Object.assign(shared, await openPage(shared.context));
  try {
    await assertUntouched(shared.page, shared.state, 'a new page, from IndexedDB');
    assert.deepEqual(shared.errors, [], 'no console error in the new page');
  } catch (e) {
    if (failure) e.message = `${failure.message}\nand then: ${e.message}`;
    throw e;
  }
  if (failure) throw failure;
}

// The tab answers a script within `limit` ms, and draws new frames when the mouse moves.
async function assertResponsive(page, what, limit = 5000) {
  const t0 = Date.now();
  let timer;
  await Promise.race([
    page.evaluate(() => 1),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: the tab did not answer in ${limit} ms`)), limit); }),
  ]).finally(() => clearTimeout(timer));
  const answered = Date.now() - t0;
  const f0 = await page.evaluate(() => window.hindsight.frameCount());
  await page.mouse.move(700, 300);
  await page.mouse.move(720, 320);
  await page.waitForFunction((n) => window.hindsight.frameCount() > n, f0, { timeout: limit, polling: 50 })
    .catch(() => { throw new Error(`${what}: no frame drawn within ${limit} ms of moving the mouse`); });
  return answered;
}

// Drops a file anywhere on the page, as from a file manager. `make` builds the content in the page (string or Blob
// part), so a large file is not copied through the test driver; the time of the drop is kept in window.__droppedAt.
async function drop(page, name, make, arg) {
  await page.evaluate(`window.__dropPart = (${make.toString()})(${JSON.stringify(arg === undefined ? null : arg)});`);
  await page.evaluate((name) => {
    const dt = new DataTransfer();
    dt.items.add(new File([window.__dropPart], name, { type: 'application/json' }));
    delete window.__dropPart;
    window.__droppedAt = performance.now();
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, name);
}

// The problem dialog is drawn (its text is ImGui's, on the canvas: the screenshot shows it), and OK closes it.
async function expectProblem(page, shot, timeout = 15000) {
  try {
    await h.locate(page, 'problem.ok', timeout);
  } catch (e) {
    await page.screenshot({ path: h.shotPath(shot) }).catch(() => {});  // what the person sees instead
    const d = await h.doc(page).catch(() => null);
    throw new Error(`${shot}: no message drawn within ${timeout} ms; the open document is ` +
      (d ? JSON.stringify(d.title || 'Untitled postmortem').slice(0, 80) : String(d)));
  }
  await page.screenshot({ path: h.shotPath(shot) });
  await h.click(page, 'problem.ok');
  await assertGone(page, 'problem.ok', 'OK closes the message');
}

// locate() answers from the last two frames: a control is gone once two frames have been drawn without it.
async function assertGone(page, name, msg) {
  const end = Date.now() + 5000;
  for (let i = 0; ; i++) {
    if (await page.evaluate((n) => window.hindsight.locate(n), name) === null) return;
    if (Date.now() > end) assert.fail(msg);
    await page.mouse.move(20 + (i % 2), VIEWPORT.height - 10);  // input draws a frame
    await h.settle(page, 100);
  }
}

// The shared-link dialog shows its error line and offers nothing to save; Cancel closes it.
async function expectLinkRefused(page, errors, shot, timeout = 15000) {
  try {
    await h.locate(page, 'incoming.error', timeout);
  } catch (e) {
    await page.screenshot({ path: h.shotPath(shot) }).catch(() => {});  // what the person sees instead
    throw new Error(`no refusal drawn for the link (${String(e.message).split('\n')[0]}); page errors: ${JSON.stringify(errors)}`);
  }
  await page.screenshot({ path: h.shotPath(shot) });
  assert.equal(await page.evaluate(() => window.hindsight.locate('incoming.save')), null, 'nothing is offered to save');
  assert.equal(page.url(), server.url, 'the fragment is removed from the address bar');
  await assertResponsive(page, shot);
  await h.click(page, 'incoming.cancel');
  await assertGone(page, 'incoming.cancel', 'Cancel closes the dialog');
}

// n characters of the base64url alphabet, pseudo-random but the same on every run.
function base64url(n) {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out = Buffer.alloc(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = abc.charCodeAt((x >>> 0) & 63);
  }
  return out.toString('latin1');
}

const sampleText = (name) => fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', name), 'utf8');

// ---- 1. bad input ------------------------------------------------------------------------------------------------

test('malformed files dropped on the app are explained, and the drafts are untouched', () => withSharedUser(async (U) => {
  const { page } = U;
  const cases = [
    ['truncated.hindsight.json', () => '{"format": "hindsight.postmortem", "version": 1, "title": '],
    ['not-a-postmortem.json', () => '{"hello": "world", "list": [1, 2, 3]}'],
    ['wrong-types.hindsight.json', (s) => {
      const d = JSON.parse(s);
      d.severity = 'very high'; d.timeline = 'yesterday'; d.action_items = [{ title: 42 }];
      return JSON.stringify(d);
    }],
    ['deep-array.json', () => '['.repeat(200000) + ']'.repeat(200000)],
    ['binary.hindsight.json', () => {
      const b = new Uint8Array(256 * 1024);
      let x = 7;
      for (let i = 0; i < b.length; i++) { x = (x * 1103515245 + 12345) >>> 0; b[i] = x >>> 24; }
      return new Blob([b]);
    }],
    ['huge-65MB.hindsight.json', () => new Blob([new Uint8Array(65 * 1024 * 1024).fill(32)])],
  ];
  for (const [name, make] of cases) {
    await drop(page, name, make, sampleText('sre-checkout-outage.json'));
    await expectProblem(page, `hardening-file-${name.split('.')[0]}.png`);
    await assertResponsive(page, name);
    await assertUntouched(page, U.state, name);
  }
  assert.deepEqual(U.errors, [], 'no console error');
}));

// docs/format.md and load_document refuse JSON nested more than 64 levels (links, stored drafts); a dropped file must
// be refused the same way, whatever the depth, before anything recurses over it.
test('a dropped document nested deeper than the format allows is refused with a message, and the drafts are untouched',
  async () => {
    const U = await userWithSample();
    const { page } = U;
    const failures = [];
    for (const depth of [100000, 100]) {
      try {
        await drop(page, `nested-${depth}.hindsight.json`, ({ s, depth }) => {
          const text = JSON.stringify(JSON.parse(s));
          return text.slice(0, -1) + ',"x_nested":' + '['.repeat(depth) + ']'.repeat(depth) + '}';
        }, { s: sampleText('sre-checkout-outage.json'), depth });
        await expectProblem(page, `hardening-file-nested-${depth}.png`, 8000);
        await assertResponsive(page, `nested ${depth}`);
        await assertUntouched(page, U.state, `nested ${depth}`);
      } catch (e) {
        failures.push(`nested ${depth} levels: ${e.message.split('\n')[0]}`);
        await page.keyboard.press('Escape');
      }
    }
    if (U.errors.length) failures.push('console errors: ' + JSON.stringify(U.errors));
    // A fresh page finds exactly the user's drafts, and nothing set aside as damaged.
    for (const p of U.context.pages()) await p.close();
    const P = await openPage(U.context);
    const drafts = (await userState(P.page)).drafts;
    const quarantine = await P.page.evaluate(() => window.hindsight.quarantine());
    if (JSON.stringify(drafts) !== JSON.stringify(U.state.drafts)) failures.push('drafts after a reload: ' + JSON.stringify(drafts));
    if (quarantine.length) failures.push('quarantined at the next start: ' + JSON.stringify(quarantine).slice(0, 300));
    await U.context.close();
    assert.deepEqual(failures, []);
  });

test('links with characters no link has are refused with a clear message, and the drafts are untouched', () => withSharedUser(async (U) => {
  const { page } = U;
  const cases = [
    ['script', 'h1.abc$%^&*<script>alert(1)</script>'],
    ['non-ascii', 'h1.ñandú—日本語🙂'],
    ['unknown-version', 'h7.' + base64url(64)],
    ['no-prefix', 'javascript:alert(1)'],
  ];
  for (const [name, frag] of cases) {
    await page.evaluate((f) => { location.hash = f; }, frag);
    await expectLinkRefused(page, U.errors, `hardening-link-${name}.png`);
    await assertUntouched(page, U.state, name);
  }
  // The same kind of link as the first page of a new tab.
  const P = await openPage(U.context, '#h1.abc$%^&*<script>alert(1)</script>');
  await expectLinkRefused(P.page, P.errors, 'hardening-link-script-new-page.png');
  await P.page.close();
  assert.deepEqual(U.errors, [], 'no console error');
  assert.deepEqual(P.errors, [], 'no console error');
}));

// flows.test.js covers a wrong passphrase inside the share round trip; here, that it leaves the drafts alone.
test('an encrypted link with a wrong passphrase is refused, and the drafts are untouched', () => withSharedUser(async (U) => {
  const { page } = U;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-hardening-'));
  const pass = path.join(dir, 'pass');
  fs.writeFileSync(pass, 'the right passphrase');
  const cli = path.join(h.ROOT, 'build', 'native', 'hindsight');
  const sample = path.join(h.ROOT, 'assets', 'samples', 'lint-demo.json');
  const link = execFileSync(cli, ['link', 'encode', sample, '--base-url', server.url, '--passphrase-file', pass]).toString().trim();
  fs.rmSync(dir, { recursive: true });
  assert.ok(link.split('#')[1].startsWith('h2e.'));
  await page.evaluate((f) => { location.hash = f; }, link.split('#')[1]);
  await h.click(page, 'incoming.passphrase');
  await page.keyboard.type('a wrong passphrase');
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  await h.locate(page, 'incoming.error', 30000);  // the key derivation is deliberately slow, and bounded
  console.log(`# wrong passphrase: refused ${Date.now() - t0} ms after Enter`);
  await expectLinkRefused(page, U.errors, 'hardening-link-wrong-passphrase.png');
  await assertUntouched(page, U.state, 'wrong passphrase');
  assert.deepEqual(U.errors, [], 'no console error');
}));

// The fragment is handed to the wasm when the page starts, or on hashchange in a page already open (web/app.js,
// openLinkFromHash). 2,000,000 characters: a 2 MB link, just under Chromium's 2 MiB limit on a URL.
const BIG_LINK = 2000000;

test('a 2 MB link, arriving in the open tab or opened in a new page, is refused with a message; the drafts are untouched',
  () => withSharedUser(async (U) => {
    const frag = 'h1.' + base64url(BIG_LINK);
    const failures = [];
    // In the tab the user has open (a link pasted into its address bar changes only the fragment: hashchange).
    let t0 = Date.now();
    try {
      await U.page.evaluate((f) => { location.hash = f; }, frag);
      await expectLinkRefused(U.page, U.errors, 'hardening-link-2mb-open-tab.png', 20000);
      await assertUntouched(U.page, U.state, 'the tab the link arrived in');
      assert.deepEqual(U.errors, [], 'no console error');
    } catch (e) { failures.push('in the open tab: ' + e.message.split('\n')[0]); }
    console.log(`# 2 MB link in the open tab: ${Date.now() - t0} ms from location.hash to the end of the check`);
    // In a new page.
    t0 = Date.now();
    try {
      // A URL this long makes Chromium and the driver slow to load the page: wait for the commit, then for the app.
      const P = await openPage(U.context, '#' + frag, { waitUntil: 'commit', timeout: 60000 });
      await expectLinkRefused(P.page, P.errors, 'hardening-link-2mb-new-page.png', 20000);
      assert.deepEqual(P.errors, [], 'no console error');
    } catch (e) { failures.push('in a new page: ' + e.message.split('\n')[0]); }
    console.log(`# 2 MB link in a new page: ${Date.now() - t0} ms from navigation to the end of the check`);
    // Whatever happened in those pages, IndexedDB still has the drafts, and a new page reopens the user's own
    // (withSharedUser checks it).
    assert.deepEqual(failures, []);
  }));

// Opens a generated document by dropping it; while it opens, probes how long the tab takes to answer a script.
// Returns { opened, ms (drop to open, measured in the page), maxBlockMs }.
async function dropAndWatch(page, name, make, arg, wantId) {
  await drop(page, name, make, arg);
  let maxBlockMs = 0;
  const end = Date.now() + 60000;
  for (;;) {
    const t = Date.now();
    const r = await page.evaluate((id) => {
      const d = window.hindsight.document();
      return { opened: !!d && JSON.parse(d).id === id, refused: !!window.hindsight.locate('problem.ok'),
        ms: performance.now() - window.__droppedAt };
    }, wantId);
    maxBlockMs = Math.max(maxBlockMs, Date.now() - t);
    if (r.opened || r.refused) return { ...r, maxBlockMs };
    if (Date.now() > end) throw new Error(`${name}: neither opened nor refused in 60 s`);
    await page.waitForTimeout(50);
  }
}

// The bounded degradation: a progress indicator, not a frozen tab. The file is read and checked in the page's
// worker while a quiet note says which file is being opened; loading and storing the result runs on the page's thread
// for some seconds, and the wait is bounded (30 s here, on a busy 2-core machine).
test('a document with 100,000 timeline events opens with a progress indicator, or is refused, and the tab recovers',
  async () => {
  const U = await userWithSample();
  const { page } = U;
  const N = 100000;
  await page.evaluate(() => {
    window.__loadingLog = [];
    new MutationObserver(() => {
      const el = document.getElementById('busy');
      if (el) window.__loadingLog.push({ shown: !el.hidden, text: el.textContent });
    }).observe(document.body, { attributes: true, subtree: true, childList: true, characterData: true });
  });
  const r = await dropAndWatch(page, 'hundred-thousand-events.hindsight.json', ({ s, N }) => {
    const d = JSON.parse(s);
    d.id = 'pm-0e100000';
    d.title = '100,000 events';
    const base = Date.parse('2026-02-27T17:00:00Z');
    const types = ['note', 'action', 'communication', 'escalated'];
    for (let i = d.timeline.length; i < N; i++) {
      d.timeline.push({ id: 'ev-' + (0x10000000 + i).toString(16), time: new Date(base + i * 1000).toISOString().replace('.000Z', 'Z'),
        type: types[i % 4], description: 'Synthetic event ' + i + ': pod restarted on node-' + (i % 97), author: 'load test' });
    }
    return JSON.stringify(d);
  }, { s: sampleText('sre-checkout-outage.json'), N }, 'pm-0e100000');
  console.log(`# 100,000 events: ${r.opened ? 'opened' : 'refused'} ${Math.round(r.ms)} ms after the drop; ` +
    `longest wait for the tab to answer a script: ${r.maxBlockMs} ms`);
  // Checked last, so that everything else about opening so large a document is checked too.
  const blocked = r.maxBlockMs >= 30000 ? `the tab did not answer for ${r.maxBlockMs} ms while the document opened` : null;
  const log = await page.evaluate(() => window.__loadingLog);
  assert.ok(log.some((e) => e.shown && e.text.startsWith('Opening hundred-thousand-events.hindsight.json (')),
    'a note says which file is being opened: ' + JSON.stringify(log));
  assert.equal(log[log.length - 1].shown, false, 'and it goes once the file is open');
  await assertResponsive(page, '100k events, opened');
  if (r.refused) {
    await expectProblem(page, 'hardening-100k-events-refused.png');
    await assertUntouched(page, U.state, '100k events refused');
  } else {
    const d = await h.doc(page);
    assert.equal(d.timeline.length, N, 'every event is kept');
    await h.settle(page, 300);
    await page.screenshot({ path: h.shotPath('hardening-100k-events.png') });
    // The timeline itself is drawn, and keeps drawing frames on input; how long a frame takes is reported.
    const t0 = Date.now();
    await h.scrollIntoView(page, 'section.timeline');
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, 400);
    await h.settle(page, 300);
    console.log(`# 100,000 events: scrolling to the timeline took ${Date.now() - t0} ms`);
    await page.screenshot({ path: h.shotPath('hardening-100k-events-timeline.png') });
    const f0 = await page.evaluate(() => window.hindsight.frameCount());
    const t1 = Date.now();
    for (let i = 0; i < 10; i++) await page.mouse.move(400 + i * 30, 500 + (i % 2) * 10);
    await h.settle(page, 200);
    const frames = (await page.evaluate(() => window.hindsight.frameCount())) - f0;
    const perFrame = (Date.now() - t1 - 200) / Math.max(1, frames);
    console.log(`# 100,000 events: ${frames} frames for 10 mouse moves, about ${Math.round(perFrame)} ms a frame`);
    assert.ok(frames > 0, 'frames are drawn');
    assert.ok(perFrame < 2000, `a frame takes under 2 s (${Math.round(perFrame)} ms)`);
    await waitSaved(page, 60000);
    const drafts = await page.evaluate(() => window.hindsight.drafts());
    for (const old of U.state.drafts) assert.deepEqual(drafts.find((x) => x.id === old.id), old, 'an earlier draft is untouched');
    assert.ok(drafts.some((x) => x.title === '100,000 events'), 'the document is kept as a new draft');
  }
  assert.deepEqual(U.errors, [], 'no console error');
  await U.context.close();
  assert.equal(blocked, null);
});

test('a document with a 1 MB title opens, can be edited, and the tab stays responsive', async (t) => {
  const U = await userWithSample();
  const { page } = U;
  const r = await dropAndWatch(page, 'long-title.hindsight.json', (s) => {
    const d = JSON.parse(s);
    d.id = 'pm-0b16717e';
    const words = 'Checkout errors after config push ';  // 34 characters: a whole number of them, then 'end.'
    d.title = words.repeat(Math.floor((1048576 - 4) / words.length)) + 'end.';
    d.title += 'x'.repeat(1048576 - d.title.length);
    return JSON.stringify(d);
  }, sampleText('sre-checkout-outage.json'), 'pm-0b16717e');
  console.log(`# 1 MB title: ${r.opened ? 'opened' : 'refused'} ${Math.round(r.ms)} ms after the drop; ` +
    `longest wait for the tab to answer a script: ${r.maxBlockMs} ms`);
  assert.ok(r.maxBlockMs < 5000, `the tab answered within 5 s while opening (longest wait ${r.maxBlockMs} ms)`);
  await assertResponsive(page, '1 MB title, opened');
  if (r.refused) {
    await expectProblem(page, 'hardening-1mb-title-refused.png');
    await assertUntouched(page, U.state, '1 MB title refused');
    await U.context.close();
    return;
  }
  assert.equal((await h.doc(page)).title.length, 1048576);
  await h.settle(page, 300);
  await page.screenshot({ path: h.shotPath('hardening-1mb-title.png') });
  const shortTitle = (await page.title()).length;
  assert.ok(shortTitle < 200, `the tab title is shortened (${shortTitle} characters)`);
  const f0 = await page.evaluate(() => window.hindsight.frameCount());
  const t1 = Date.now();
  for (let i = 0; i < 10; i++) await page.mouse.move(400 + i * 30, 500 + (i % 2) * 10);
  await h.settle(page, 200);
  const frames = (await page.evaluate(() => window.hindsight.frameCount())) - f0;
  console.log(`# 1 MB title: ${frames} frames for 10 mouse moves, about ${Math.round((Date.now() - t1 - 200) / Math.max(1, frames))} ms a frame`);
  assert.ok(frames > 0, 'frames are drawn');
  // Edit the end of the title like a person.
  const t0 = Date.now();
  await h.click(page, 'field.title');
  await page.keyboard.press('End');
  await page.keyboard.type(' ed.');
  await page.keyboard.press('Escape');
  await h.settle(page, 300);
  console.log(`# 1 MB title: clicking into the title and typing 4 characters took ${Date.now() - t0} ms`);
  const edited = (await h.doc(page)).title;
  assert.ok(edited.endsWith('x ed.'), `the edit reached the document (it ends "${edited.slice(-30)}")`);
  assert.equal(edited.length, 1048576 + ' ed.'.length);
  await assertResponsive(page, '1 MB title, edited');
  await waitSaved(page, 30000);
  const drafts = await page.evaluate(() => window.hindsight.drafts());
  for (const old of U.state.drafts) assert.deepEqual(drafts.find((x) => x.id === old.id), old, 'an earlier draft is untouched');
  assert.equal(drafts.length, U.state.drafts.length + 1, 'the document is kept as a new draft');
  assert.deepEqual(U.errors, [], 'no console error');
  // On open, the tab title is cut to 80 characters (App::set_document, short_title); an edit must not undo that.
  await t.test('the tab title stays short after the title is edited',
    async () => {
    const n = (await page.title()).length;
    assert.ok(n < 200, `document.title is ${n} characters after editing the title`);
  });
  await U.context.close();
});

// ---- 2. privacy over a whole session -------------------------------------------------------------------------------

test('privacy: a whole session, online then offline, requests nothing outside the app origin, under the strict CSP', async () => {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  // Every request of the pages and of the service worker (Chromium reports the worker's on the context).
  const seen = new Map();
  const record = (r) => seen.set(r, [r.url(), r.serviceWorker() ? 'service worker' : 'page']);
  context.on('request', record);
  context.on('page', (p) => p.on('request', record));
  const ownOrigin = (u) => u.startsWith(server.origin + '/') || u.startsWith('blob:') || u.startsWith('data:');

  // Load: index.html carries the policy both as a header and as a <meta> tag.
  const page = await context.newPage();
  const errors = watch(page);
  const resp = await page.goto(server.url);
  await page.evaluate(() => window.hindsight.ready);
  assert.equal(resp.headers()['content-security-policy'], STRICT_CSP, 'the CSP header of index.html');
  assert.equal(resp.headers()['x-content-type-options'], 'nosniff');
  assert.equal(resp.headers()['referrer-policy'], 'no-referrer');
  const meta = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content'));
  assert.equal(meta, META_CSP, 'the CSP <meta> tag: the same policy, without frame-ancestors');
  const serveCsp = fs.readFileSync(path.join(h.ROOT, 'serve.py'), 'utf8').match(/CSP = \(([\s\S]*?)\)\n/)[1]
    .match(/"([^"]*)"/g).map((s) => s.slice(1, -1)).join('');
  assert.equal(serveCsp, STRICT_CSP, 'serve.py holds the strict policy');
  // The service worker installs (it fetches this build's files): its requests are recorded too.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  assert.ok(context.serviceWorkers().length >= 1, 'the service worker runs');
  await h.settle(page, 300);

  // A new document from a template, and typing.
  await h.click(page, 'welcome.new');
  await h.click(page, 'new.title');
  await page.keyboard.type('Privacy session');
  await h.click(page, 'new.template.google-sre');
  await h.click(page, 'field.summary');
  await page.keyboard.type('db-7.internal leaked.');
  await page.keyboard.press('Escape');
  await waitSaved(page);

  // Share: create a link in the Share dialog and copy it.
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.settle(page, 300);
  await h.click(page, 'share.copy');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(server.url + '#h2.'), 'a link to this app, the document in the fragment');
  await page.keyboard.press('Escape');
  await h.settle(page);

  // Open the link in a second page of the same browser, and read it.
  const second = await context.newPage();
  const errors2 = watch(second);
  await second.goto(link);
  await second.evaluate(() => window.hindsight.ready);
  await h.click(second, 'incoming.read');
  await second.waitForSelector('#readview:not([hidden])');
  assert.ok((await second.evaluate(() => window.hindsight.readView())).includes('Privacy session'), 'the link opens');
  await second.close();

  // Export Markdown and JSON through the Export menu.
  await page.bringToFront();
  await h.settle(page, 300);
  const exported = {};
  for (const name of ['export.md', 'export.json']) {
    await h.click(page, 'topbar.export');
    const [dl] = await Promise.all([page.waitForEvent('download'), h.click(page, name)]);
    exported[name] = fs.readFileSync(await dl.path(), 'utf8');
  }
  assert.ok(exported['export.md'].startsWith('# Privacy session'), 'the Markdown export');
  assert.equal(JSON.parse(exported['export.json']).title, 'Privacy session', 'the JSON export');

  // Offline: reload (the service worker serves the app), edit, and the draft is there and keeps the edit.
  await context.setOffline(true);
  const offlineResp = await page.reload();
  await page.evaluate(() => window.hindsight.ready);
  await h.settle(page, 500);
  assert.equal(offlineResp.headers()['content-security-policy'], STRICT_CSP, 'the cached index.html keeps its CSP header');
  assert.equal((await h.doc(page)).title, 'Privacy session', 'the draft reopens offline');
  await h.click(page, 'field.summary');
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited offline.');
  await page.keyboard.press('Escape');
  await waitSaved(page);  // stored in IndexedDB, offline
  assert.ok((await h.doc(page)).summary.endsWith('Edited offline.'), 'the offline edit is in the draft');
  assert.deepEqual((await page.evaluate(() => window.hindsight.drafts())).map((x) => x.title), ['Privacy session']);
  await context.setOffline(false);

  const requests = [...seen.values()];
  assert.ok(requests.some(([, who]) => who === 'service worker'), 'the service worker\'s requests are recorded');
  const foreign = requests.filter(([u]) => !ownOrigin(u));
  assert.deepEqual(foreign, [], 'no request leaves the app origin');
  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(errors2, [], 'no console error in the second page');
  console.log(`# privacy: ${requests.length} requests recorded (${requests.filter(([, w]) => w === 'service worker').length} by the service worker), all on ${server.origin}`);
  await context.close();
});
