// Rough edges a new user trips over (issue #17), driven as a person would: the lint and metrics panel, adding an
// event on the axis, labels and banners that must not be cut off, review after a reload, blaming people underlined.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const sample = (name) => JSON.parse(fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', name), 'utf8'));
const rectOf = (page, name) => page.evaluate((n) => window.hindsight.locate(n), name);
const overlayValue = (page) => page.evaluate(() => {
  const el = [...document.querySelectorAll('.hs-overlay')].find((e) => e.style.display !== 'none');
  return el ? el.value : null;
});
async function openDoc(page, d) {
  await page.evaluate((t) => window.hindsight.openJSON(t, 'doc.json'), JSON.stringify(d));
  await h.settle(page, 300);
}
// The names of the lint findings drawn (finding.0, finding.1, ...).
async function findings(page) {
  const out = [];
  for (let i = 0; ; i++) {
    const r = await rectOf(page, 'finding.' + i);
    if (!r) return out;
    out.push(r);
  }
}

for (const [vw, vh, dpr] of [[1280, 800, 1], [390, 844, 3]]) {
  test(`${vw} px: lint messages wrap inside the panel; a missing event is one short line with a button that adds it`, async () => {
    const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: vw, height: vh }, deviceScaleFactor: dpr });
    const d0 = sample('lint-demo.json');
    // No impact start and no acknowledgement: five metrics undefined, two events missing.
    d0.timeline = d0.timeline.filter((e) => e.type !== 'impact_start' && e.type !== 'acknowledged');
    await openDoc(page, d0);
    if (vw < 600) await h.scrollIntoView(page, 'panel.lint');
    const fs0 = await findings(page);
    assert.ok(fs0.length >= 3, 'the lint demo has findings');
    const panel = (await h.locate(page, 'panel.lint')).rect;
    assert.ok(panel.x >= 10, `the panel keeps a margin from the window's edge (x=${panel.x})`);
    for (const r of fs0) assert.ok(r.x >= panel.x - 1 && r.x + r.w <= vw, `a finding stays inside the panel (${JSON.stringify(r)})`);
    const line = Math.min(...fs0.map((r) => r.h));
    assert.ok(fs0.some((r) => r.h >= line + 10), 'a long message takes more than one line instead of being cut');
    await h.scrollIntoView(page, 'finding.0');
    await page.screenshot({ path: h.shotPath(`rough-lint-wrapped-${vw}.png`) });
    // The metrics: one line per missing event type, not a note per metric.
    await h.scrollIntoView(page, 'metrics.add.impact_start');
    assert.ok(await rectOf(page, 'metrics.missing.impact_start'));
    assert.ok(await rectOf(page, 'metrics.missing.acknowledged'));
    assert.equal(await rectOf(page, 'metrics.missing.detected'), null, 'the timeline has a detected event');
    const need = await rectOf(page, 'metrics.missing.impact_start');
    assert.ok(need.h < 30, 'one short line');
    await page.screenshot({ path: h.shotPath(`rough-metrics-missing-${vw}.png`) });
    const before = await h.doc(page);
    const earliest = before.timeline.map((e) => e.time).sort()[0];
    await h.click(page, 'metrics.add.impact_start');
    await h.settle(page, 300);
    let d = await h.doc(page);
    assert.equal(d.timeline.length, before.timeline.length + 1);
    const added = d.timeline.find((e) => e.type === 'impact_start');
    assert.equal(added.time, earliest, 'added at the earliest event\'s time');
    const times = d.timeline.map((e) => e.time);
    assert.deepEqual(times, [...times].sort(), 'the timeline stays in time order');
    // The caret is in its description: typing names it.
    assert.equal(await overlayValue(page), '', 'the new event\'s description is being edited');
    await page.keyboard.type('Checkout errors start');
    await page.keyboard.press('Escape');
    await h.settle(page, 300);
    d = await h.doc(page);
    assert.equal(d.timeline.find((e) => e.id === added.id).description, 'Checkout errors start');
    await h.scrollIntoView(page, 'panel.lint');
    assert.equal(await rectOf(page, 'metrics.missing.impact_start'), null, 'the line goes once the event is there');
    assert.ok(await rectOf(page, 'metrics.missing.acknowledged'));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('double-click on the axis puts the caret in the new event\'s description; Cyrillic typed there is kept', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 } });
  await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
  await h.scrollIntoView(page, 'timeline.empty');
  const before = await h.doc(page);
  const e = (await h.locate(page, 'timeline.empty'));
  await page.mouse.move(e.x, e.y);
  for (let i = 0; i < 2; i++) {
    await page.mouse.down();
    await page.waitForTimeout(40);
    await page.mouse.up();
    await page.waitForTimeout(40);
  }
  await h.settle(page, 300);
  let d = await h.doc(page);
  assert.equal(d.timeline.length, before.timeline.length + 1);
  const added = d.timeline.find((x) => !before.timeline.some((y) => y.id === x.id));
  assert.equal(await overlayValue(page), '', 'the new event\'s description is being edited');
  await page.keyboard.type('Сертификат продлён вручную');
  await page.screenshot({ path: h.shotPath('rough-dblclick-typing.png') });
  await page.keyboard.press('Escape');
  await h.settle(page);
  d = await h.doc(page);
  assert.equal(d.timeline.find((x) => x.id === added.id).description, 'Сертификат продлён вручную');
  assert.equal(await overlayValue(page), null, 'Escape ended the edit');
  assert.deepEqual(errors, []);
  await context.close();
});

const durable = (page) => page.waitForFunction(() => { const s = window.hindsight.storage(); return s.loaded && !s.dirty && !s.persisting; },
  null, { timeout: 10000 });
const inside = (r, right) => r.x >= 0 && r.x + r.w <= right;
const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('390 px: the read-only banner of a second tab wraps inside the screen', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
  const a = await context.newPage();
  const errors = h.watch(a, server).errors;
  await a.goto(server.url);
  await a.evaluate(() => window.hindsight.ready);
  await h.click(a, 'welcome.sample.samples/minimal-cert-expiry.json');
  await durable(a);
  // The second tab reopens the same draft, which the first one holds: read-only, with the banner.
  const b = await context.newPage();
  await b.goto(server.url);
  await b.evaluate(() => window.hindsight.ready);
  await b.bringToFront();
  await b.waitForFunction(() => window.hindsight.storage().read_only, null, { timeout: 10000 });
  await h.settle(b, 300);
  const banner = (await h.locate(b, 'editor.read_only')).rect;
  const title = (await h.locate(b, 'field.title')).rect;
  assert.ok(inside(banner, 390 - 8), `the banner is inside the screen (${JSON.stringify(banner)})`);
  assert.ok(banner.h > 2 * 16, 'it wraps onto several lines');
  assert.ok(banner.x + banner.w <= title.x + title.w + 1, 'no wider than the document');
  assert.ok(banner.y + banner.h <= title.y, 'above the title, not over it');
  await b.screenshot({ path: h.shotPath('rough-readonly-banner-390.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

// A timeline whose first and last events sit at the canvas's edges, with long and multi-line descriptions.
function edgeDoc() {
  const d = sample('minimal-cert-expiry.json');
  const t0 = Date.parse(d.timeline[0].time);
  const iso = (min) => new Date(t0 + min * 60000).toISOString().slice(0, 19) + 'Z';
  d.timeline = [
    { id: 'ev-first', time: iso(0), type: 'impact_start', description: 'Certificate expired; every TLS handshake to inventory failed' },
    { id: 'ev-multi', time: iso(12), type: 'note', description: 'Call notes\nline two of the notes\nline three' },
    { id: 'ev-near', time: iso(26), type: 'action', description: 'Renewed the certificate by hand on the gateway' },
    { id: 'ev-last', time: iso(40), type: 'resolved', description: 'Error rate back to normal on every gateway and region' },
  ];
  return d;
}

for (const [vw, vh, dpr] of [[1280, 800, 1], [390, 844, 3]]) {
  test(`${vw} px: timeline labels stay inside the canvas, a multi-line description is one line, labels do not overlap`, async () => {
    const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: vw, height: vh }, deviceScaleFactor: dpr });
    await openDoc(page, edgeDoc());
    await h.scrollIntoView(page, 'timeline.canvas');
    const canvas = (await h.locate(page, 'timeline.canvas')).rect;
    const labels = {};
    for (const id of ['ev-first', 'ev-multi', 'ev-near', 'ev-last']) labels[id] = await rectOf(page, 'timeline.label.' + id);
    assert.ok(labels['ev-last'] && labels['ev-first'], 'the edge events have labels');
    for (const [id, r] of Object.entries(labels)) {
      if (!r) continue;
      assert.ok(r.x >= canvas.x - 1 && r.x + r.w <= canvas.x + canvas.w + 1, `${id}'s label is inside the canvas (${JSON.stringify(r)} in ${JSON.stringify(canvas)})`);
    }
    const line = labels['ev-first'].h;
    if (vw > 600) assert.ok(labels['ev-multi'], 'the multi-line event stands alone at this width');
    if (labels['ev-multi']) assert.equal(labels['ev-multi'].h, line, 'the multi-line description is drawn as one line');
    const rs = Object.values(labels).filter(Boolean);
    for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) assert.ok(!overlap(rs[i], rs[j]), 'labels do not overlap');
    // The whole description shows on hover.
    const m = await h.locate(page, 'timeline.event.ev-multi');
    await page.mouse.move(m.x, m.y);
    await h.settle(page);
    await page.screenshot({ path: h.shotPath(`rough-timeline-labels-${vw}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${vw} px: the Find bar does not cover the title`, async () => {
    const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: vw, height: vh }, deviceScaleFactor: dpr });
    await h.click(page, 'welcome.sample.samples/minimal-cert-expiry.json');
    const before = (await h.locate(page, 'field.title')).rect;
    await (await page.$('#canvas')).focus();
    await page.keyboard.press('Control+f');
    await h.settle(page, 300);
    await page.keyboard.type('certificate');
    await h.settle(page, 300);
    const input = (await h.locate(page, 'find.input')).rect;
    const title = (await h.locate(page, 'field.title')).rect;
    assert.ok(input.y + input.h <= title.y, `the find bar (bottom ${input.y + input.h}) ends above the title (${title.y})`);
    assert.ok(title.y > before.y, 'the document moved down to make room');
    await page.screenshot({ path: h.shotPath(`rough-find-bar-${vw}.png`) });
    await page.keyboard.press('Escape');
    await h.settle(page, 300);
    assert.equal((await h.locate(page, 'field.title')).rect.y, before.y, 'closed: the document is back in place');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('1280 px: a long owner name wraps inside the action table instead of being cut', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 } });
  const d = sample('minimal-cert-expiry.json');
  const owner = 'Σταύρος Παπαδόπουλος και Αλεξάνδρα Кузнецова-Петрова (platform reliability, EMEA)';
  d.action_items[0].owner = owner;
  d.action_items[0].due = '2026-07-01';
  await openDoc(page, d);
  const id = d.action_items[0].id;
  await h.scrollIntoView(page, 'field.action_items/' + id + '/owner');
  const o = (await h.locate(page, 'field.action_items/' + id + '/owner')).rect;
  const t = (await h.locate(page, 'field.action_items/' + id + '/title')).rect;
  assert.ok(o.x + o.w <= 1280 && o.x > t.x, 'the owner cell is inside the table');
  assert.ok(o.h > 40, `the owner wraps onto more lines (${o.h} px tall)`);
  await page.screenshot({ path: h.shotPath('rough-actions-owner-1280.png') });
  assert.equal((await h.doc(page)).action_items[0].owner, owner);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the review of an imported timeline survives a reload until the events are confirmed', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 } });
  const csv = path.join(h.ROOT, 'tests', 'data', 'import', 'csv', 'timeline.csv');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), h.click(page, 'welcome.import')]);
  await chooser.setFiles(csv);
  await page.waitForFunction(() => window.hindsight.document() !== null);
  await h.settle(page, 300);
  const d = await h.doc(page);
  const ids = d.timeline.map((e) => e.id);
  assert.ok(ids.length >= 2);
  await durable(page);
  const inReview = async () => {
    const out = [];
    for (const id of ids) if (await rectOf(page, 'timeline.row.confirm.' + id)) out.push(id);
    return out;
  };
  const reload = async () => {
    await page.reload();
    await page.evaluate(() => window.hindsight.ready);
    await page.waitForFunction((id) => { const t = window.hindsight.document(); return t && JSON.parse(t).id === id; }, d.id);
    await h.settle(page, 400);
    await h.scrollIntoView(page, 'add.timeline');
  };
  await reload();
  assert.deepEqual(await inReview(), ids, 'after a reload every imported event is still in review');
  assert.ok(await h.locate(page, 'timeline.review.confirm_all'), 'with the banner');
  await page.screenshot({ path: h.shotPath('rough-review-after-reload.png') });
  // Confirm one: after a reload the others are still in review, that one is not.
  await h.click(page, 'timeline.row.confirm.' + ids[0]);
  await durable(page);
  await reload();
  assert.deepEqual(await inReview(), ids.slice(1));
  // Confirm all: a reload shows no review.
  await h.click(page, 'timeline.review.confirm_all');
  await durable(page);
  await reload();
  assert.deepEqual(await inReview(), []);
  assert.equal(await rectOf(page, 'timeline.review.confirm_all'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sentence naming a person as the cause is underlined in the text, with the hint on hover', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 } });
  const d = sample('minimal-cert-expiry.json');
  d.summary = 'The release engineer did not check the cluster. The certificate then expired.';
  await openDoc(page, d);
  const u = await h.locate(page, 'blame.summary');
  // Under "The release engineer did not check", the start of the summary's first line.
  const f = (await h.locate(page, 'field.summary')).rect;
  assert.ok(u.rect.x < f.x + 40 && u.rect.w > 100, `the underline spans the blaming words (${JSON.stringify(u.rect)})`);
  await page.mouse.move(u.x, u.y);
  await h.settle(page);
  assert.ok(await h.locate(page, 'blame.tip'), 'hovering shows the hint');
  await page.screenshot({ path: h.shotPath('rough-blame-person.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
