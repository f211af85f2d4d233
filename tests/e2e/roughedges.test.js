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
