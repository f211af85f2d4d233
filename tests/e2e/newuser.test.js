// What a new user trips over, driven as a person would: undo inside a text field, Open and Import in every state
// (and Ctrl+O), an import from the welcome screen entering review, the theme switched while running.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { PNG } = require('pngjs');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const overlayValue = (page) => page.evaluate(() => {
  const el = [...document.querySelectorAll('.hs-overlay')].find((e) => e.style.display !== 'none');
  return el ? el.value : null;
});

test('Ctrl+Z inside a text field changes what the field shows, and typing continues from the undone text', async () => {
  const { page, context, errors } = await h.openApp(browser, server);
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  await h.click(page, 'field.summary');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Base text.');
  await page.waitForTimeout(1500);  // a pause: the next typing is its own undo step
  await page.keyboard.type(' Extra one.');
  await page.waitForTimeout(1500);
  await h.settle(page);
  assert.equal((await h.doc(page)).summary, 'Base text. Extra one.');
  await page.keyboard.press('Control+Z');
  await h.settle(page);
  assert.equal((await h.doc(page)).summary, 'Base text.', 'the document drops the last step');
  assert.equal(await overlayValue(page), 'Base text.', 'and so does the field being edited');
  await page.keyboard.press('End');
  await page.keyboard.type('!');
  await h.settle(page);
  assert.equal((await h.doc(page)).summary, 'Base text.!', 'typing continues from the undone text');
  // Redo from the toolbar while the field has focus: the field follows too.
  await page.keyboard.press('Control+Shift+Z');
  await h.settle(page);
  assert.equal(await overlayValue(page), (await h.doc(page)).summary);
  assert.deepEqual(errors, []);
  await context.close();
});

// The file chooser that `action` opens. Playwright starts intercepting file choosers only once something waits for
// one, and it tells the browser so without waiting for an answer: a key press sent at once can open the chooser
// before interception is on (it then opens nowhere, and the wait times out). One round trip through the page first
// puts the interception ahead of the key. (A mouse click through h.click makes such round trips itself.)
async function chooserAfter(page, action) {
  const chooser = page.waitForEvent('filechooser', { timeout: 10000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  await action();
  return chooser;
}

test('Open and Import are reachable with a draft open, Ctrl+O opens the picker, an import enters review', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 } });
  const csv = path.join(h.ROOT, 'tests', 'data', 'import', 'csv', 'timeline.csv');
  // From the welcome screen, Import incident with a CSV: the timeline is in review (each row has a Confirm button).
  let [chooser] = await Promise.all([page.waitForEvent('filechooser'), h.click(page, 'welcome.import')]);
  await chooser.setFiles(csv);
  await page.waitForFunction(() => window.hindsight.document() !== null);
  await h.settle(page, 300);
  let d = await h.doc(page);
  assert.ok(d.timeline.length > 0);
  await h.scrollIntoView(page, 'timeline.row.confirm.' + d.timeline[0].id);
  assert.ok(await h.locate(page, 'timeline.row.confirm.' + d.timeline[0].id), 'the imported timeline is in review');
  // With a draft open: the sidebar has Open and Import.
  assert.ok(await h.locate(page, 'sidebar.open'));
  assert.ok(await h.locate(page, 'sidebar.import'));
  [chooser] = await Promise.all([page.waitForEvent('filechooser'), h.click(page, 'sidebar.open')]);
  await chooser.setFiles(path.join(h.ROOT, 'assets', 'samples', 'lint-demo.json'));
  await page.waitForFunction(() => JSON.parse(window.hindsight.document()).title.length > 0);
  await h.settle(page);
  d = await h.doc(page);
  assert.equal(d.id, require(path.join(h.ROOT, 'assets', 'samples', 'lint-demo.json')).id);
  // Ctrl+O from the canvas, and from inside a text field.
  const canvas = await page.$('#canvas');
  await canvas.focus();
  await (await chooserAfter(page, () => page.keyboard.press('Control+o'))).setFiles([]);
  await h.click(page, 'field.title');
  await (await chooserAfter(page, () => page.keyboard.press('Control+o'))).setFiles([]);
  assert.deepEqual(errors, []);
  await context.close();
});

// The mean colour of a rectangle of the page.
async function meanColour(page, r) {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: r.x, y: r.y, width: r.w, height: r.h } }));
  let s = 0;
  for (let i = 0; i < png.data.length; i += 4) s += png.data[i] + png.data[i + 1] + png.data[i + 2];
  return s / (png.data.length / 4) / 3;
}

test('switching the theme while running restyles the sidebar, the side panel and an open text field at once', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await h.click(page, 'welcome.sample.samples/sre-checkout-outage.json');
  const sidebar = { x: 2, y: 320, w: 200, h: 120 };
  const side = (await h.locate(page, 'topbar.panel')).rect;
  const panel = { x: 1280 - 260, y: 320, w: 240, h: 120 };
  const lightSide = await meanColour(page, sidebar), lightPanel = await meanColour(page, panel);
  await h.click(page, 'field.owner');
  await h.click(page, 'topbar.theme');
  await h.settle(page, 300);
  const darkSide = await meanColour(page, sidebar), darkPanel = await meanColour(page, panel);
  assert.ok(lightSide > 180 && darkSide < 80, `the sidebar turns dark (${lightSide.toFixed(0)} -> ${darkSide.toFixed(0)})`);
  assert.ok(lightPanel > 180 && darkPanel < 80, `the side panel turns dark (${lightPanel.toFixed(0)} -> ${darkPanel.toFixed(0)})`);
  assert.ok(side.w > 0);
  await page.screenshot({ path: h.shotPath('newuser-theme-switched.png') });
  // The page's own parts follow the app's theme, not the system's: the read view opens dark.
  await page.keyboard.press('Escape');
  await h.click(page, 'topbar.export');
  await h.click(page, 'export.read');
  await page.waitForSelector('#readview:not([hidden])');
  const rvBg = await page.$eval('#readview', (e) => getComputedStyle(e).backgroundColor);
  const rgb = rvBg.match(/\d+/g).map(Number);
  assert.ok(rgb[0] + rgb[1] + rgb[2] < 120, `the read view is dark after the switch (${rvBg})`);
  await page.click('#rv-edit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the timeline stays in time order: an event added before the others is listed first, and lint\'s sort is one click', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1000 } });
  const d = JSON.parse(require('fs').readFileSync(path.join(h.ROOT, 'assets', 'samples', 'minimal-cert-expiry.json'), 'utf8'));
  // A document from elsewhere, out of order: lint says so and offers the fix.
  d.timeline.reverse();
  await page.evaluate((t) => window.hindsight.openJSON(t, 'x.json'), JSON.stringify(d));
  await h.settle(page, 300);
  let fix = null;
  for (let i = 0; i < 20 && !fix; i++) fix = await page.evaluate((i) => window.hindsight.locate('finding.fix.' + i), i) && i;
  assert.notEqual(fix, null, 'the timeline-order finding has a fix button');
  await h.click(page, 'finding.fix.' + fix);
  let got = await h.doc(page);
  const times = got.timeline.map((e) => e.time);
  assert.deepEqual(times, [...times].sort(), 'one click sorted the timeline');
  // Retiming an event in the list to before the first one moves it to the top.
  const last = got.timeline[got.timeline.length - 1];
  await h.scrollIntoView(page, 'add.timeline');  // the list view, below the axis
  await h.click(page, 'timeline.row.time.' + last.id);
  await page.keyboard.press('Control+A');
  const first = new Date(got.timeline[0].time);
  const earlier = new Date(first.getTime() - 10 * 60000).toISOString().slice(0, 19) + 'Z';
  await page.keyboard.type(earlier);
  await page.keyboard.press('Enter');
  await h.settle(page);
  got = await h.doc(page);
  assert.equal(got.timeline[0].id, last.id, 'the retimed event is now first');
  await page.keyboard.press('Control+Z');
  await h.settle(page);
  assert.equal((await h.doc(page)).timeline[got.timeline.length - 1].id, last.id, 'undo puts it back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Enter in an action item\'s title ends the edit without a line break; Copy link and Copy as Markdown say "copied"', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 900 }, clipboard: true });
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  await h.click(page, 'add.action_items');
  await page.keyboard.type('Alert on certificate expiry');
  await page.keyboard.press('Enter');
  await h.settle(page);
  let d = await h.doc(page);
  assert.equal(d.action_items[d.action_items.length - 1].title, 'Alert on certificate expiry', 'no trailing line break');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('.hs-overlay')].some((e) => e.style.display !== 'none')),
    false, 'the field is no longer being edited');
  // Copy as Markdown: the top bar confirms it.
  await h.click(page, 'topbar.export');
  await h.click(page, 'export.md_copy');
  assert.ok(await h.locate(page, 'topbar.confirm'), 'a confirmation shows');
  assert.ok((await page.evaluate(() => navigator.clipboard.readText())).startsWith('# '), 'the Markdown is on the clipboard');
  // Copy link: confirmed beside the button, in the dialog.
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.click(page, 'share.copy');
  assert.ok(await h.locate(page, 'share.copied'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Paste events reads the clipboard with the Clipboard API, and says which date times without one fall on', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1000 }, clipboard: true });
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  const before = (await h.doc(page)).timeline.length;
  await page.evaluate(() => navigator.clipboard.writeText('01:05 Certificate renewed by hand\n01:09 Errors back to normal'));
  await h.click(page, 'timeline.paste');
  await h.locate(page, 'timeline.paste.confirm');
  assert.ok(await h.locate(page, 'paste.assumed_date'), 'the preview says which date it assumed');
  await h.click(page, 'timeline.paste.confirm');
  const d = await h.doc(page);
  assert.equal(d.timeline.length, before + 2, 'both lines became events');
  const added = d.timeline.find((e) => e.description === 'Certificate renewed by hand');
  assert.ok(added, 'the pasted event is in the document');
  // On the incident's day (the sample's timeline is in June 2026), not today.
  assert.equal(added.time.slice(0, 7), d.timeline[0].time.slice(0, 7));
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a 390 px phone the top bar keeps undo and redo, clear of the save state, and they work', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  const save = (await h.locate(page, 'topbar.save_state')).rect;
  const undo = (await h.locate(page, 'topbar.undo')).rect;
  const redo = (await h.locate(page, 'topbar.redo')).rect;
  const share = (await h.locate(page, 'topbar.share')).rect;
  assert.ok(save.x + save.w + 4 <= undo.x, `the save state ends before undo (${save.x + save.w} <= ${undo.x})`);
  assert.ok(undo.x + undo.w <= redo.x && redo.x + redo.w <= share.x, 'undo, redo and share in a row');
  const theme = (await h.locate(page, 'topbar.theme')).rect;
  assert.ok(theme.x + theme.w <= 390, 'the last button is on screen');
  const before = (await h.doc(page)).owner;
  await h.click(page, 'field.owner');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Phone edit');
  await page.keyboard.press('Escape');
  await h.settle(page, 1200);
  await h.click(page, 'topbar.undo');
  assert.equal((await h.doc(page)).owner, before, 'undo from the phone top bar');
  await h.click(page, 'topbar.redo');
  assert.equal((await h.doc(page)).owner, 'Phone edit', 'redo from the phone top bar');
  assert.deepEqual(errors, []);
  await context.close();
});
