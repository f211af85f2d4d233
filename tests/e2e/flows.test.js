// Drafts that survive closing the page, two tabs, and a share link round trip with merge (and a CLI-made link).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('./harness');
const { PNG } = require('pngjs');
const jsQR = require('jsqr');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

test('typed text survives closing the page after 1.5 s (20 of 20 trials)', async () => {
  const TRIALS = 20;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // No help from the page going away: the copy of unsaved changes kept in localStorage on pagehide (web/app.js) is
  // dropped before every load, so the text must come from IndexedDB alone.
  await context.addInitScript(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('hindsight-rescue-')) localStorage.removeItem(k);
  });
  for (let trial = 0; trial < TRIALS; trial++) {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(() => window.hindsight.ready);
    await h.settle(page, 300);
    if (trial === 0) {
      await h.click(page, 'welcome.new');
      await h.click(page, 'new.template.minimal');
    }
    await h.click(page, 'field.summary');
    await page.keyboard.type(` trial-${trial}`);
    await page.waitForTimeout(1500);
    await page.close();  // no unload handler gets a chance to help beyond what already ran
  }
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => window.hindsight.ready);
  await h.settle(page, 500);
  const d = await h.doc(page);  // the last edited draft reopens by itself
  assert.ok(d, 'the draft reopened');
  for (let trial = 0; trial < TRIALS; trial++) assert.ok(d.summary.includes(`trial-${trial}`), `trial ${trial} kept: ${d.summary}`);
  await context.close();
});

test('two tabs create drafts at the same time and both are kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await context.newPage(), b = await context.newPage();
  for (const p of [a, b]) { await p.goto(server.url); await p.evaluate(() => window.hindsight.ready); await h.settle(p, 300); }
  // Interleaved, as fast as a person switching tabs can be (a background tab draws no frames, so each tab is brought
  // to the front for its clicks; storage work runs in both regardless).
  for (const step of ['welcome.new', 'new.title', 'type', 'new.template.minimal']) {
    for (const [i, p] of [a, b].entries()) {
      await p.bringToFront();
      if (step === 'type') await p.keyboard.type(`Tab ${i === 0 ? 'A' : 'B'} draft`);
      else await h.click(p, step);
    }
  }
  // Both drafts stored (nothing dirty, no push running) before the reload, instead of a fixed pause.
  for (const p of [a, b]) {
    await p.waitForFunction(() => { const s = window.hindsight.storage(); return s && s.loaded && !s.dirty && !s.persisting; },
      null, { timeout: 10000 });
  }
  await a.reload();
  await a.evaluate(() => window.hindsight.ready);
  await h.settle(a, 800);
  const titles = (await a.evaluate(() => window.hindsight.drafts())).map((d) => d.title).sort();
  assert.deepEqual(titles, ['Tab A draft', 'Tab B draft']);
  await context.close();
});

test('the same draft in two tabs: one edits, the other follows read-only and takes over when it closes', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const open = async () => {
    const p = await context.newPage();
    await p.goto(server.url);
    await p.evaluate(() => window.hindsight.ready);
    await p.bringToFront();
    await h.settle(p, 300);
    return p;
  };
  const summary = async (p) => (await h.doc(p)).summary;
  const type = async (p, text) => {  // then wait until it is durable in IndexedDB
    await p.bringToFront();
    await h.click(p, 'field.summary');
    await p.keyboard.press('End');
    await p.keyboard.type(text);
    await p.keyboard.press('Escape');
    await p.waitForFunction(() => { const s = window.hindsight.storage(); return !s.dirty && !s.persisting; }, null, { timeout: 10000 });
  };
  const a = await open();
  await h.click(a, 'welcome.new');
  await h.click(a, 'new.title');
  await a.keyboard.type('Shared draft');
  await h.click(a, 'new.template.minimal');
  await type(a, 'From A.');
  // Tab B reopens the last edited draft, the same one: tab A holds it, so B shows it read-only.
  const b = await open();
  await b.waitForFunction(() => window.hindsight.storage().read_only, null, { timeout: 10000 });
  assert.equal((await h.doc(b)).title, 'Shared draft');
  assert.equal(await summary(b), 'From A.');
  assert.equal(await a.evaluate(() => window.hindsight.storage().read_only), false, 'tab A still edits');
  await h.click(b, 'field.summary');
  await b.keyboard.type('typed in the read-only tab');
  await h.settle(b, 300);
  assert.equal(await summary(b), 'From A.', 'the read-only tab takes no edits');
  // A goes on editing; B follows without a reload.
  await type(a, ' More from A.');
  await b.waitForFunction(() => JSON.parse(window.hindsight.document()).summary === 'From A. More from A.', null, { timeout: 10000 });
  // A closes: B takes the draft over and edits it, starting from A's last version.
  await a.close();
  await b.waitForFunction(() => !window.hindsight.storage().read_only, null, { timeout: 10000 });
  await type(b, ' From B.');
  await b.close();
  const c = await open();
  assert.equal(await summary(c), 'From A. More from A. From B.', 'no tab lost an edit');
  assert.deepEqual((await c.evaluate(() => window.hindsight.drafts())).map((d) => d.title), ['Shared draft']);
  await context.close();
});

test('a link made by the CLI opens in the app, and the app link decodes in the CLI', async () => {
  const cli = path.join(h.ROOT, 'build', 'native', 'hindsight');
  const sample = path.join(h.ROOT, 'assets', 'samples', 'minimal-cert-expiry.json');
  const link = execFileSync(cli, ['link', 'encode', sample, '--base-url', server.url]).toString().trim();
  const { page, context, errors } = await h.openApp(browser, server, { hash: '#' + link.split('#')[1], clipboard: true });
  await h.click(page, 'incoming.save');
  const d = await h.doc(page);
  const want = JSON.parse(execFileSync(cli, ['fmt', '--minify', sample]).toString());
  assert.equal(d.id, want.id);
  assert.equal(d.summary, want.summary);
  assert.equal(page.url(), server.url, 'the fragment is removed from the address bar');
  // And back: the app's link decodes in the CLI to the same document.
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.settle(page, 300);
  await h.click(page, 'share.copy');
  const appLink = await page.evaluate(() => navigator.clipboard.readText());
  // The QR code (made in the worker) is drawn, and a camera reading it gets this same link.
  const qr = (await h.scrollIntoView(page, 'share.qr')) || (await h.locate(page, 'share.qr', 10000));
  const shot = PNG.sync.read(await page.screenshot({ path: h.shotPath('flows-share-qr.png'), clip: { x: qr.rect.x, y: qr.rect.y, width: qr.rect.w, height: qr.rect.h } }));
  const read = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
  assert.ok(read, 'the QR code on screen can be read');
  assert.equal(read.data, appLink);
  const back = JSON.parse(execFileSync(cli, ['link', 'decode', appLink, '--minify']).toString());
  assert.equal(back.id, want.id);
  assert.equal(back.summary, want.summary);
  assert.deepEqual(errors, []);
  await context.close();
});

// Creates a link in the share dialog (with an optional passphrase) and returns it from the clipboard.
async function createLink(page, passphrase) {
  await h.click(page, 'topbar.share');
  if (passphrase) {
    await h.click(page, 'share.passphrase');
    await page.keyboard.type(passphrase);
  }
  await h.click(page, 'share.create');
  await h.settle(page, 300);
  await h.click(page, 'share.copy');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.keyboard.press('Escape');
  await h.settle(page);
  assert.equal(await page.evaluate(() => window.hindsight.locate('share.close')), null, 'Escape closes the dialog');
  return link;
}

// Opens a link in a page that is already loaded; with a passphrase, types it like a person (a wrong one first).
async function unlock(page, passphrase) {
  if (!passphrase) return;
  await h.click(page, 'incoming.passphrase');
  await page.keyboard.type(passphrase + '-wrong');
  await page.keyboard.press('Enter');
  await h.locate(page, 'incoming.error', 30000);  // key derivation is deliberately slow
  const shown = await page.evaluate(() => window.hindsight.locate('incoming.save'));
  assert.equal(shown, null, 'a wrong passphrase never opens a document');
  await h.click(page, 'incoming.passphrase');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(passphrase);
  await page.keyboard.press('Enter');
}

async function shareEditMerge(passphrase) {
  const A = await h.openApp(browser, server, { clipboard: true, viewport: { width: 1280, height: 800 } });
  await h.click(A.page, 'welcome.sample.samples/minimal-cert-expiry.json');
  const original = await h.doc(A.page);
  const link = await createLink(A.page, passphrase);
  assert.equal(link.split('#')[1].startsWith(passphrase ? 'h2e.' : 'h2.'), true, 'the prefix says whether it is encrypted');
  if (passphrase) assert.ok(!link.includes('cert'), 'an encrypted link shows nothing of the document');
  // The reviewer, in a fresh context, saves it as a draft and edits the owner.
  const B = await h.openApp(browser, server, { clipboard: true, hash: '#' + link.split('#')[1], viewport: { width: 1280, height: 800 } });
  await unlock(B.page, passphrase);
  await h.click(B.page, 'incoming.save');
  assert.equal((await h.doc(B.page)).summary, original.summary);
  await h.click(B.page, 'field.owner');
  await B.page.keyboard.press('Control+A');
  await B.page.keyboard.type('Reviewer-edited owner');
  await B.page.keyboard.press('Escape');
  await h.settle(B.page, 1000);
  const back = await createLink(B.page, passphrase);
  // Meanwhile the author edits another field, so the merge has to combine both sides.
  await A.page.bringToFront();
  await h.settle(A.page, 300);  // a hidden tab draws nothing: let it catch up (the share dialog closes)
  await h.click(A.page, 'field.title');
  await A.page.keyboard.press('End');
  await A.page.keyboard.type(' (reviewed)');
  await A.page.keyboard.press('Escape');
  await h.settle(A.page, 1000);
  assert.equal((await h.doc(A.page)).title, original.title + ' (reviewed)', 'the author edited the title');
  // The author opens the link back and merges it into the draft.
  await A.page.goto(server.url + '#' + back.split('#')[1]);
  await A.page.evaluate(() => window.hindsight.ready);
  await unlock(A.page, passphrase);
  await h.click(A.page, 'incoming.merge');
  await h.settle(A.page, 300);
  const d = await h.doc(A.page);
  assert.equal(d.owner, 'Reviewer-edited owner', "the reviewer's edit is merged");
  assert.equal(d.title, original.title + ' (reviewed)', `the author's own edit is kept (title: ${d.title})`);
  assert.deepEqual(A.errors, []);
  assert.deepEqual(B.errors, []);
  // Privacy: loading, editing, sharing, opening links and merging reach nothing but the app's own files.
  assert.deepEqual(A.foreign, [], 'no request leaves the app origin');
  assert.deepEqual(B.foreign, [], 'no request leaves the app origin');
  await A.context.close();
  await B.context.close();
}

test('share, edit in another browser, share back, merge', async () => { await shareEditMerge(''); });

test('the same round trip with a passphrase: encrypted both ways, a wrong passphrase refused', async () => {
  await shareEditMerge('correct horse battery');
});
