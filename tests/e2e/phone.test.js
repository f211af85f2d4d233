// Action items and the share panel on a 390 px phone (3x), and an action item's type and ticket at 1280x800, driven
// as a person would: clicks where window.hindsight.locate says a control is, real key presses.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 };
const DESK = { viewport: { width: 1280, height: 800 } };

// Types into the field that has the keyboard, then leaves it with Escape.
async function typeAndLeave(page, text) {
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await h.settle(page);
}

// The rectangle of a control, scrolled into view first; asserts it is readable (wide enough) and on screen.
async function onScreen(page, name, minWidth = 100) {
  const r = (await h.scrollIntoView(page, name) || await h.locate(page, name)).rect;
  const vp = page.viewportSize();
  assert.ok(r.w >= minWidth, `${name} is ${r.w} px wide (at least ${minWidth})`);
  assert.ok(r.x >= 0 && r.x + r.w <= vp.width, `${name} is inside the viewport across (${r.x}..${r.x + r.w})`);
  assert.ok(r.y >= 0 && r.y + r.h <= vp.height, `${name} is inside the viewport down (${r.y}..${r.y + r.h})`);
  return r;
}

// A new postmortem from the minimal template, with one action item added from the Add button.
async function newDocWithItem(page, title) {
  await h.click(page, 'welcome.new');
  await h.click(page, 'new.title');
  await page.keyboard.type(title);
  await h.click(page, 'new.template.minimal');
  await h.click(page, 'add.action_items');
  await page.keyboard.type('First follow-up');
  await page.keyboard.press('Escape');
  await h.settle(page);
}

test('on a 390 px phone action items are cards: every field readable, editable in any script, reorderable', async () => {
  const { page, context, errors } = await h.openApp(browser, server, PHONE);
  await newDocWithItem(page, 'Phone actions');
  const before = (await h.doc(page)).action_items.length;
  await h.click(page, 'add.action_items');
  // The new card's title has the keyboard; Tab goes on to the owner.
  const title = '証明書の自動更新を監視する — Мониторинг сертификатов';
  const owner = 'Σταύρος Παπαδόπουλος και Αλεξάνδρα Кузнецова-Петрова 🛠️ (платформа)';
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await typeAndLeave(page, owner);
  let d = await h.doc(page);
  assert.equal(d.action_items.length, before + 1);
  const item = d.action_items[d.action_items.length - 1];
  const id = item.id;
  assert.equal(item.title, title);
  assert.equal(item.owner, owner);

  // Type, priority and status from their dropdowns; the due date from the picker; the ticket typed.
  await h.click(page, 'action.type.' + id);
  await h.click(page, 'action.type_option.detect');
  await h.click(page, 'action.priority.' + id);
  await h.click(page, 'action.priority_option.P1');
  await h.click(page, 'action.status.' + id);
  await h.click(page, 'action.status_option.in_progress');
  await h.click(page, 'datepicker.due-' + id);
  await h.click(page, 'datepicker.today');
  await h.click(page, 'field.action_items/' + id + '/ticket_url');
  await typeAndLeave(page, 'https://tracker.example/browse/OPS-42');
  d = await h.doc(page);
  const got = d.action_items.find((a) => a.id === id);
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  assert.deepEqual({ type: got.type, priority: got.priority, status: got.status, due: got.due, ticket: got.ticket_url },
    { type: 'detect', priority: 'P1', status: 'in_progress', due: today, ticket: 'https://tracker.example/browse/OPS-42' });

  // Every field of the card is at least 100 px wide and on screen; the long owner wraps instead of being cut.
  const fields = ['title', 'owner', 'due', 'ticket_url'].map((f) => 'field.action_items/' + id + '/' + f);
  for (const name of [...fields, 'action.type.' + id, 'action.priority.' + id, 'action.status.' + id]) {
    await onScreen(page, name);
  }
  const ownerRect = await onScreen(page, 'field.action_items/' + id + '/owner');
  const dueRect = await onScreen(page, 'field.action_items/' + id + '/due');
  assert.ok(ownerRect.h > dueRect.h * 1.5, `the long owner wraps onto more lines (${ownerRect.h} vs ${dueRect.h})`);
  for (const b of ['action.up.', 'action.down.', 'action.delete.']) await onScreen(page, b + id, 10);

  // Reorder and delete from the card's buttons.
  await h.click(page, 'action.up.' + id);
  d = await h.doc(page);
  assert.equal(d.action_items[d.action_items.length - 2].id, id, 'moved up one place');
  await h.click(page, 'action.delete.' + id);
  d = await h.doc(page);
  assert.equal(d.action_items.length, before);
  assert.ok(!d.action_items.some((a) => a.id === id));
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a 390 px phone the share panel\'s "where it fits" table wraps inside the screen', async () => {
  const { page, context, errors } = await h.openApp(browser, server, PHONE);
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.settle(page, 300);
  await onScreen(page, 'share.copy', 40);
  await onScreen(page, 'share.download', 40);
  for (let i = 0; i < 5; i++) {
    const where = await onScreen(page, 'share.fit.' + i, 20);
    const note = await onScreen(page, 'share.fit_note.' + i, 100);
    assert.ok(note.x >= where.x + where.w, 'the note follows its destination, not over it');
  }
  // The longest note (the QR code's) takes more than one line.
  const qr = (await h.locate(page, 'share.fit_note.2')).rect;
  const teams = (await h.locate(page, 'share.fit.0')).rect;
  assert.ok(qr.h > teams.h * 1.5, 'the note wraps');
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 1280 px the table sets an action item\'s type and ticket, and the Markdown export prints them', async () => {
  const { page, context, errors } = await h.openApp(browser, server, DESK);
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  await h.click(page, 'add.action_items');
  await typeAndLeave(page, 'Alert 30 days before a certificate expires');
  const id = (await h.doc(page)).action_items.slice(-1)[0].id;
  // A table at this width: a header row, and the row's controls side by side.
  const head = (await h.locate(page, 'action.header.1')).rect;
  const titleRect = (await h.locate(page, 'field.action_items/' + id + '/title')).rect;
  const status = (await h.locate(page, 'action.status.' + id)).rect;
  assert.ok(head.w > 0 && status.x > titleRect.x + titleRect.w, 'the table layout');
  await h.click(page, 'action.type.' + id);
  await h.click(page, 'action.type_option.mitigate');
  await h.click(page, 'field.action_items/' + id + '/ticket_url');
  await typeAndLeave(page, 'https://tracker.example/browse/SEC-7');
  let d = await h.doc(page);
  let got = d.action_items.find((a) => a.id === id);
  assert.equal(got.type, 'mitigate');
  assert.equal(got.ticket_url, 'https://tracker.example/browse/SEC-7');
  // The ticket shows as its key, a link; its pencil edits the URL again.
  await h.locate(page, 'action.ticket_open.' + id);
  await h.click(page, 'action.ticket_edit.' + id);
  await page.keyboard.press('Control+A');
  await typeAndLeave(page, 'https://tracker.example/browse/SEC-8');
  got = (await h.doc(page)).action_items.find((a) => a.id === id);
  assert.equal(got.ticket_url, 'https://tracker.example/browse/SEC-8');

  await h.click(page, 'topbar.export');
  const [dl] = await Promise.all([page.waitForEvent('download'), h.click(page, 'export.md')]);
  const md = fs.readFileSync(await dl.path(), 'utf8');
  const row = md.split('\n').find((l) => l.includes('Alert 30 days before a certificate expires'));
  assert.ok(row, 'the action item is in the Markdown');
  assert.match(row, /\| Mitigate \|/, 'its type');
  assert.match(row, /\[SEC-8\]\(https:\/\/tracker\.example\/browse\/SEC-8\)/, 'its ticket, linked');
  assert.deepEqual(errors, []);
  await context.close();
});
