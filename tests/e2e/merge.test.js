// A link of a postmortem that is already one of the user's drafts: the dialog offers to update that draft (a merge)
// or open it, the merge dialog names each conflict in the editor's words and offers keep both for text, and a link
// holding the same version as the draft offers only to open it.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('./harness');

const CLI = path.join(h.ROOT, 'build', 'native', 'hindsight');
const SAMPLE = 'welcome.sample.samples/minimal-cert-expiry.json';
const MARKER = '\u2014\u2014 Their version (both kept: tidy up, then delete this line) \u2014\u2014';

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const shareLink = h.shareLink;

const retype = h.retype;

async function openLink(page, link) {
  await page.goto(server.url + '#' + link.split('#')[1]);
  await page.evaluate(() => window.hindsight.ready);
  await h.locate(page, 'incoming.open_mine', 10000);
  await h.settle(page, 300);
}

const shown = (page, name) => page.evaluate((n) => window.hindsight.locate(n), name);

test('a link of my own draft: Update my draft, conflicts in words, keep both', async () => {
  assert.ok(fs.existsSync(CLI), 'the native CLI is built (cmake --build --preset native)');
  const { page, context, errors } = await h.openApp(browser, server, { clipboard: true, viewport: { width: 1280, height: 800 } });
  await h.click(page, SAMPLE);
  await h.settle(page, 300);
  await shareLink(page);  // what was shared is the merge base
  const shared = await h.doc(page);

  // Their version, as a reviewer would send it back: the summary and the title changed.
  const theirs = JSON.parse(JSON.stringify(shared));
  theirs.summary = '証明書の期限切れで決済が42分間停止した。';
  theirs.title = shared.title + ' (レビュー済み)';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-merge-'));
  const file = path.join(dir, 'theirs.json');
  fs.writeFileSync(file, JSON.stringify(theirs));
  const back = execFileSync(CLI, ['link', 'encode', file, '--base-url', server.url]).toString().trim();

  // Meanwhile the author changes the same two fields differently.
  const mySummary = 'Сертификат истёк, и оплата стояла 42 минуты.';
  await retype(page, 'field.summary', mySummary);
  await retype(page, 'field.title', 'Истёкший сертификат');
  await h.settle(page, 1200);  // autosaved
  assert.equal((await h.doc(page)).summary, mySummary);

  // The link opens in the same browser: the draft is named, and updating it comes first.
  await openLink(page, back);
  for (const name of ['incoming.mine', 'incoming.merge', 'incoming.open_mine', 'incoming.save'])
    assert.ok(await shown(page, name), `${name} is shown`);
  assert.equal(await shown(page, 'incoming.same'), null, 'the versions differ');
  const merge = await shown(page, 'incoming.merge'), copy = await shown(page, 'incoming.save');
  assert.ok(merge.y < copy.y, 'Update my draft comes before Save as a separate copy');
  await page.screenshot({ path: h.shotPath('incoming-own-draft-1280.png') });

  await h.click(page, 'incoming.merge');
  await h.locate(page, 'merge.apply');
  await h.settle(page, 300);
  // Two conflicts, each with a label and a sentence; keep both offered for both (title and summary are text).
  for (const i of [0, 1])
    for (const name of ['merge.label.', 'merge.what.', 'merge.mine.', 'merge.theirs.', 'merge.both.'])
      assert.ok(await shown(page, name + i), `${name}${i} is shown`);
  assert.equal(await shown(page, 'merge.label.2'), null, 'two conflicts, no more');
  for (const name of ['merge.all_mine', 'merge.all_theirs']) assert.ok(await shown(page, name), `${name} is shown`);
  // The labels the dialog shows are the CLI's (the same core function): words, not paths or kind codes.
  const ours = path.join(dir, 'ours.json'), base = path.join(dir, 'base.json');
  fs.writeFileSync(ours, JSON.stringify(await h.doc(page)));
  fs.writeFileSync(base, JSON.stringify(shared));
  let conflicts;
  try { execFileSync(CLI, ['merge', base, ours, file], { stdio: ['ignore', 'ignore', 'pipe'] }); } catch (e) {
    assert.equal(e.status, 3, 'the CLI reports conflicts');
    conflicts = JSON.parse(e.stderr.toString());
  }
  assert.deepEqual(conflicts.map((c) => c.label).sort(), ['Summary', 'Title']);
  for (const c of conflicts) {
    assert.equal(c.what, 'You and the other person both changed this.');
    assert.ok(!c.label.includes('/') && !c.what.includes('edit_edit'));
  }
  await page.screenshot({ path: h.shotPath('merge-dialog-1280.png') });

  // A phone: the two versions stacked, the buttons within the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await h.settle(page, 400);
  await page.screenshot({ path: h.shotPath('merge-dialog-390.png') });
  await h.locate(page, 'merge.both.0');
  const both = await shown(page, 'merge.both.0'), mine0 = await shown(page, 'merge.mine.0');
  assert.ok(mine0.x >= 0 && both.x + both.w <= 390, `Mine to Keep both fit on a phone: ${JSON.stringify([mine0, both])}`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await h.settle(page, 400);

  // Take all theirs, then keep both for the one that is the summary: the title is theirs, the summary holds both.
  await h.click(page, 'merge.all_theirs');
  const summaryAt = conflicts.findIndex((c) => c.path === '/summary');
  // The dialog lists conflicts in the merge's order, as the CLI does.
  await h.click(page, 'merge.both.' + summaryAt);
  await h.click(page, 'merge.apply');
  await h.settle(page, 300);
  const d = await h.doc(page);
  assert.equal(d.title, theirs.title, 'Theirs for the title');
  assert.equal(d.summary, mySummary + '\n\n' + MARKER + '\n\n' + theirs.summary, 'both summaries, marked');
  assert.equal(d.id, shared.id, 'the same draft, updated');

  // Opening the link again: the draft differs from it still; Save as a separate copy gives the copy its own id.
  await openLink(page, back);
  await h.click(page, 'incoming.save');
  await h.settle(page, 300);
  const copyDoc = await h.doc(page);
  assert.notEqual(copyDoc.id, shared.id, 'a separate copy never shares the draft\'s id');
  assert.equal(copyDoc.summary, theirs.summary);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link holding the same version as my draft offers to open it (or read it), not to merge or copy it', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { clipboard: true, viewport: { width: 1280, height: 800 } });
  await h.click(page, SAMPLE);
  await h.settle(page, 300);
  const link = await shareLink(page);
  const mine = await h.doc(page);
  await openLink(page, link);
  assert.ok(await shown(page, 'incoming.same'), 'it says the versions are the same');
  assert.ok(await shown(page, 'incoming.mine'), 'it names the draft');
  for (const name of ['incoming.merge', 'incoming.save'])
    assert.equal(await shown(page, name), null, `${name} is not offered`);
  assert.ok(await shown(page, 'incoming.read'), 'reading it, which saves nothing, stays possible');
  await h.click(page, 'incoming.open_mine');
  await h.settle(page, 300);
  assert.equal(await shown(page, 'incoming.open_mine'), null, 'the dialog closed');
  assert.deepEqual(await h.doc(page), mine, 'my draft is open, unchanged');
  assert.deepEqual(errors, []);
  await context.close();
});
