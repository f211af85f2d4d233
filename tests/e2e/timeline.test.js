// The timeline panel (issue #6), driven with the mouse and keyboard as a person would: wheel zoom, drag pan,
// double-click to add, drag to retime, Delete, arrow keys, undo, list-view edits seen on the axis, paste to add
// with a preview. Results are read through window.hindsight.document() and the named rects of the markers.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const { MIN, T0, incident30 } = require('./timeline_docs');

async function openDoc(page, d) {
  await page.bringToFront();
  assert.equal(await page.evaluate((t) => window.hindsight.openJSON(t, 'timeline.json'), JSON.stringify(d)), true);
  await h.settle(page);
  await h.locate(page, 'timeline.canvas');
}

async function rect(page, name) { return (await h.locate(page, name)).rect; }
const centre = (r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
const evTime = (d, id) => Date.parse(d.timeline.find((e) => e.id === id).time);

async function drag(page, from, to, steps = 12) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps);
    await page.waitForTimeout(16);
  }
  await h.settle(page, 80);
  await page.mouse.up();
  await h.settle(page);
}

// A double-click at a person's pace (the app draws frames on demand, one button change per frame).
async function dblclick(page, x, y) {
  await page.mouse.move(x, y);
  for (let i = 0; i < 2; i++) {
    await page.mouse.down();
    await page.waitForTimeout(40);
    await page.mouse.up();
    await page.waitForTimeout(40);
  }
  await h.settle(page);
}

// ms per CSS pixel of the axis, from two markers.
async function scale(page, a, b, d) {
  const ra = centre(await rect(page, 'timeline.event.' + a)), rb = centre(await rect(page, 'timeline.event.' + b));
  return (evTime(d, b) - evTime(d, a)) / (rb.x - ra.x);
}

test('wheel zooms around the cursor, drag pans, zoom to fit restores', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1100 } });
  const d0 = incident30();
  await openDoc(page, d0);
  const a0 = centre(await rect(page, 'timeline.event.ev-t012'));
  const b0 = centre(await rect(page, 'timeline.event.ev-t015'));
  // Before the timeline is clicked, the wheel scrolls the document, not the axis.
  const y = (await rect(page, 'timeline.empty')).y;
  await page.mouse.move(a0.x, y);
  await page.mouse.wheel(0, 120);
  await h.settle(page);
  const scrolled = centre(await rect(page, 'timeline.event.ev-t012'));
  assert.ok(scrolled.y < a0.y - 20 && Math.abs(scrolled.x - a0.x) < 1, 'the page scrolled; the zoom did not change');
  await page.mouse.wheel(0, -120);
  await h.settle(page);
  assert.equal(centre(await rect(page, 'timeline.event.ev-t012')).y, a0.y);
  // Clicked: the wheel zooms around the cursor.
  await page.mouse.click(a0.x, y);
  await h.settle(page);
  await page.mouse.wheel(0, -300);
  await h.settle(page);
  const a1 = centre(await rect(page, 'timeline.event.ev-t012'));
  const b1 = centre(await rect(page, 'timeline.event.ev-t015'));
  assert.ok(b1.x - a1.x > (b0.x - a0.x) * 1.3, `zoomed in: ${b0.x - a0.x} -> ${b1.x - a1.x} px`);
  assert.ok(Math.abs(a1.x - a0.x) < 3, `the time under the cursor stays put (${a0.x} -> ${a1.x})`);
  // Drag on empty axis space pans by the distance dragged.
  const e = centre(await rect(page, 'timeline.empty'));
  await drag(page, { x: e.x, y: e.y }, { x: e.x + 120, y: e.y });
  const a2 = centre(await rect(page, 'timeline.event.ev-t012'));
  assert.ok(Math.abs(a2.x - a1.x - 120) < 4, `panned by 120 px: ${a1.x} -> ${a2.x}`);
  assert.deepEqual((await h.doc(page)).timeline.map((x) => x.time), d0.timeline.map((x) => x.time), 'panning edits nothing');
  await h.click(page, 'timeline.fit');
  const a3 = centre(await rect(page, 'timeline.event.ev-t012'));
  assert.ok(Math.abs(a3.x - a0.x) < 2, 'zoom to fit returns to the fitted view');
  // The zone toggle: relative time labels the zone "T = impact start".
  await h.click(page, 'timeline.zone.relative');
  assert.ok((await rect(page, 'timeline.zone_label')).w > 40);
  assert.deepEqual(errors, []);
  await context.close();
});

test('double-click adds an event there; Delete removes it; undo brings it back', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1100 } });
  const d0 = incident30();
  await openDoc(page, d0);
  const mpp = await scale(page, 'ev-t000', 'ev-t030', d0);
  const a = centre(await rect(page, 'timeline.event.ev-t000'));
  const e = centre(await rect(page, 'timeline.empty'));
  await dblclick(page, e.x, e.y);
  let d = await h.doc(page);
  assert.equal(d.timeline.length, d0.timeline.length + 1);
  const added = d.timeline.find((x) => !d0.timeline.some((y) => y.id === x.id));
  const want = T0 + (e.x - a.x) * mpp;
  const got = Date.parse(added.time);
  assert.equal(got % MIN, 0, 'snapped to the minute');
  assert.ok(Math.abs(got - want) <= MIN, `added at ${added.time}, cursor at ${new Date(want).toISOString()}`);
  assert.equal(added.utc_offset, '+01:00', 'the new event keeps the document offset');
  // Its description has the caret (typing names it); Escape leaves the field, the event stays selected and Delete
  // removes it (the canvas has the keyboard again).
  await page.keyboard.press('Escape');
  await h.settle(page);
  await page.keyboard.press('Delete');
  await h.settle(page);
  d = await h.doc(page);
  assert.equal(d.timeline.length, d0.timeline.length);
  await page.keyboard.press('Control+z');
  await h.settle(page);
  d = await h.doc(page);
  assert.ok(d.timeline.some((x) => x.id === added.id), 'undo restores the deleted event');
  // Click an event, step right with the arrow key, delete: the next event in time goes.
  await page.mouse.click(...Object.values(centre(await rect(page, 'timeline.event.ev-t006'))));
  await h.settle(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete');
  await h.settle(page);
  d = await h.doc(page);
  assert.ok(!d.timeline.some((x) => x.id === 'ev-t009'), 'the event after the clicked one was deleted');
  assert.ok(d.timeline.some((x) => x.id === 'ev-t006'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging an event retimes it, snapped to minutes (seconds with Shift), and undo restores it', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1100 } });
  const d0 = incident30();
  await openDoc(page, d0);
  const mpp = await scale(page, 'ev-t000', 'ev-t030', d0);
  const m = centre(await rect(page, 'timeline.event.ev-t019'));
  await drag(page, m, { x: m.x + 70, y: m.y });
  let d = await h.doc(page);
  const t1 = evTime(d, 'ev-t019');
  const want = T0 + 19 * MIN + 70 * mpp;
  assert.equal(t1 % MIN, 0, 'snapped to a minute');
  assert.ok(Math.abs(t1 - want) <= MIN, `retimed to ${new Date(t1).toISOString()} (expected about ${new Date(want).toISOString()})`);
  assert.ok(t1 > T0 + 19 * MIN);
  assert.equal(d.timeline.find((x) => x.id === 'ev-t019').utc_offset, '+01:00', 'the offset is kept');
  // The marker moved with it.
  const m2 = centre(await rect(page, 'timeline.event.ev-t019'));
  assert.ok(Math.abs(m2.x - (m.x + (t1 - (T0 + 19 * MIN)) / mpp)) < 3);
  // With Shift held, seconds.
  await page.keyboard.down('Shift');
  await drag(page, m2, { x: m2.x - 23, y: m2.y });
  await page.keyboard.up('Shift');
  d = await h.doc(page);
  const t2 = evTime(d, 'ev-t019');
  assert.equal(t2 % 1000, 0);
  assert.ok(Math.abs(t2 - (t1 - 23 * mpp)) <= 1000, `shift-drag to ${new Date(t2).toISOString()}`);
  assert.notEqual(t2 % MIN, 0, 'Shift gives seconds, not whole minutes');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await h.settle(page);
  assert.equal(evTime(await h.doc(page), 'ev-t019'), T0 + 19 * MIN, 'two undos restore the original time');
  assert.deepEqual(errors, []);
  await context.close();
});

test('edits in the list view show on the axis, and selection is shared', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1100 } });
  const d0 = incident30();
  await openDoc(page, d0);
  const mpp = await scale(page, 'ev-t000', 'ev-t030', d0);
  const before = centre(await rect(page, 'timeline.event.ev-t026'));
  // Time typed in the row (UTC shown): 14:26 -> 14:11.
  await h.click(page, 'timeline.row.time.ev-t026');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('14:11:00');
  await page.keyboard.press('Enter');
  await h.settle(page);
  let d = await h.doc(page);
  assert.equal(d.timeline.find((x) => x.id === 'ev-t026').time, '2026-03-02T14:11:00Z');
  const moved = centre(await rect(page, 'timeline.event.ev-t026'));
  assert.ok(Math.abs((before.x - moved.x) - 15 * MIN / mpp) < 3, `the marker moved left by 15 min (${before.x} -> ${moved.x})`);
  // Type from the row's combo.
  await h.click(page, 'timeline.row.type.ev-t026');
  await h.click(page, 'timeline.type_option.action');
  d = await h.doc(page);
  assert.equal(d.timeline.find((x) => x.id === 'ev-t026').type, 'action');
  // Description typed in the row.
  await h.click(page, 'timeline.row.description.ev-t026');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Raised the retry budget');
  await page.keyboard.press('Enter');
  await h.settle(page);
  d = await h.doc(page);
  assert.equal(d.timeline.find((x) => x.id === 'ev-t026').description, 'Raised the retry budget');
  // Filtering the list by text leaves matching rows only; the axis keeps every event.
  await h.click(page, 'timeline.filter.text');
  await page.keyboard.type('rolled');
  await h.settle(page);
  assert.ok(await page.evaluate(() => window.hindsight.locate('timeline.row.time.ev-t019')));
  assert.equal(await page.evaluate(() => window.hindsight.locate('timeline.row.time.ev-t000')), null);
  assert.ok(await page.evaluate(() => window.hindsight.locate('timeline.event.ev-t000')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('paste to add: a preview with the bad lines and their reasons, then one undoable step', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1100 }, clipboard: true });
  const d0 = incident30();
  await openDoc(page, d0);
  const e = centre(await rect(page, 'timeline.empty'));
  await page.mouse.click(e.x, e.y);  // the timeline has the keyboard
  await h.settle(page);
  await page.evaluate(() => navigator.clipboard.writeText(
    '14:40 Deploy of config v43 started\nthis line has no time\n2026-03-02T14:45:30Z Rolled back config v43\n'));
  await page.keyboard.press('Control+V');
  await h.settle(page);
  await h.locate(page, 'timeline.paste.confirm');
  await h.locate(page, 'timeline.paste.error.2');
  assert.equal((await h.doc(page)).timeline.length, d0.timeline.length, 'nothing is added before confirming');
  await page.screenshot({ path: h.shotPath('timeline-paste-preview.png') });
  await h.click(page, 'timeline.paste.confirm');
  let d = await h.doc(page);
  assert.equal(d.timeline.length, d0.timeline.length + 2);
  const added = d.timeline.filter((x) => !d0.timeline.some((y) => y.id === x.id));
  assert.deepEqual(added.map((x) => x.description).sort(), ['Deploy of config v43 started', 'Rolled back config v43']);
  // "14:40" has no offset: it is read in the document's offset (+01:00), so 13:40 UTC.
  assert.equal(added.find((x) => x.description.startsWith('Deploy')).time, '2026-03-02T13:40:00Z');
  assert.equal(added.find((x) => x.description.startsWith('Rolled')).time, '2026-03-02T14:45:30Z');
  // The review state highlights them until confirmed.
  await h.locate(page, 'timeline.review.confirm_all');
  await page.keyboard.press('Control+z');
  await h.settle(page);
  d = await h.doc(page);
  assert.equal(d.timeline.length, d0.timeline.length, 'one undo removes the whole paste');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Statuspage incident: its customer updates sit in the communication lane, at 1280 and 390 px, in both themes',
  async () => {
    const text = fs.readFileSync(path.join(h.ROOT, 'tests', 'data', 'import', 'statuspage', 'incident.json'), 'utf8');
    for (const width of [1280, 390]) {
      for (const colorScheme of ['light', 'dark']) {
        const { page, context, errors } = await h.openApp(browser, server,
          { viewport: { width, height: width > 500 ? 800 : 844 }, colorScheme });
        await page.evaluate((t) => {  // dropped, as a person drags it from a file manager
          const dt = new DataTransfer();
          dt.items.add(new File([t], 'incident.json'));
          document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }, text);
        await page.waitForFunction(() => {
          const d = window.hindsight.document();
          return d && JSON.parse(d).timeline.length > 0;
        }, null, { timeout: 30000, polling: 100 });
        await h.settle(page);
        await h.scrollIntoView(page, 'timeline.comm_lane');
        await h.settle(page);
        const d = await h.doc(page);
        const lane = await rect(page, 'timeline.comm_lane');
        let updates = 0, others = 0;
        for (const e of d.timeline) {
          const r = await page.evaluate((n) => window.hindsight.locate(n), 'timeline.event.' + e.id);
          if (!r) continue;
          const y = r.y + r.h / 2, where = `${width} px ${colorScheme}: ${e.type} "${e.description}" at y ${y}`;
          if (e.type === 'communication') {
            updates++;
            assert.ok(y > lane.y && y < lane.y + lane.h, where + ', outside the lane ' + JSON.stringify(lane));
          } else {
            others++;
            assert.ok(r.y + r.h < lane.y, where + ', in or under the lane ' + JSON.stringify(lane));
          }
        }
        assert.equal(updates, 5, 'the five customer-facing updates are drawn');
        assert.ok(others > 0, 'the status changes are drawn');
        await page.screenshot({ path: h.shotPath(`timeline-comm-lane-${width}-${colorScheme}.png`) });
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  });
