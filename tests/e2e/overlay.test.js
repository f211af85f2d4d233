// The DOM text overlay sits exactly on the field the canvas draws: the same rectangle, the same wrapping and line
// height (so the field keeps its height when editing starts and ends), the same colours, and no inner scroll as the
// text grows, in both themes, at 1x on a laptop and at 3x on a phone.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { PNG } = require('pngjs');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const overlay = (page) => page.evaluate(() => {
  const el = [...document.querySelectorAll('.hs-overlay')].find((e) => e.style.display !== 'none');
  if (!el) return null;
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  return { x: r.x, y: r.y, w: r.width, h: r.height, color: cs.color, background: cs.backgroundColor,
    scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, scrollTop: el.scrollTop, value: el.value };
});

const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
const dist = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

// The field's background (its most common colour inside the border) and its text colour (the pixel farthest from
// the background: glyph stems reach the full text colour), read from what the canvas drew.
async function canvasColours(page, r) {
  const inset = 4;
  const png = PNG.sync.read(await page.screenshot({
    clip: { x: r.x + inset, y: r.y + inset, width: r.w - 2 * inset, height: r.h - 2 * inset } }));
  const counts = new Map();
  const px = [];
  for (let i = 0; i < png.data.length; i += 4) {
    const c = [png.data[i], png.data[i + 1], png.data[i + 2]];
    px.push(c);
    const k = c.join(',');
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const bg = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  let text = bg, far = -1;
  for (const c of px) { const d = dist(c, bg); if (d > far) { far = d; text = c; } }
  return { bg, text };
}

function sameRect(a, b, what) {
  for (const k of ['x', 'y', 'w', 'h']) {
    assert.ok(Math.abs(a[k] - b[k]) <= 1, `${what}: overlay ${k} ${a[k].toFixed(1)} vs field ${b[k].toFixed(1)}`);
  }
}

const cases = [
  { name: 'light, 1280 px at 1x', colorScheme: 'light', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: 'dark, 1280 px at 1x', colorScheme: 'dark', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: 'light, 390 px phone at 3x', colorScheme: 'light', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'dark, 390 px phone at 3x', colorScheme: 'dark', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
];

for (const c of cases) {
  test(`${c.name}: the overlay matches the field's rectangle, wrapping, colours and scroll as the text grows`, async () => {
    const { page, context, errors } = await h.openApp(browser, server, c);
    await h.click(page, 'welcome.sample.samples/sre-checkout-outage.json');
    await h.scrollIntoView(page, 'field.summary');
    const drawn = (await h.locate(page, 'field.summary')).rect;
    await page.mouse.move(2, c.viewport.height - 2);  // the field at rest, not hovered
    await h.settle(page);
    const colours = await canvasColours(page, drawn);
    assert.ok(dist(colours.text, colours.bg) > 120, `the canvas drew text in the field (${colours.text} on ${colours.bg})`);

    // Editing starts: the overlay covers the field where it was, at the same height (same wrapping, same lines).
    await page.mouse.click(drawn.x + drawn.w - 12, drawn.y + drawn.h - 8);
    await h.settle(page, 300);
    let ov = await overlay(page);
    assert.ok(ov, 'a click in the field opens the overlay');
    const field = (await h.locate(page, 'field.summary')).rect;
    sameRect(ov, field, 'on opening');
    assert.ok(Math.abs(field.h - drawn.h) <= 1, `the field keeps its height when editing starts (${drawn.h} -> ${field.h})`);
    assert.ok(dist(rgb(ov.color), colours.text) <= 40, `text colour ${ov.color} is the canvas's ${colours.text}`);
    assert.ok(dist(rgb(ov.background), colours.bg) <= 8, `background ${ov.background} is the canvas's ${colours.bg}`);
    assert.ok(ov.scrollHeight <= ov.clientHeight + 1 && ov.scrollTop === 0,
      `nothing scrolled or clipped inside (${ov.scrollHeight} > ${ov.clientHeight}, top ${ov.scrollTop})`);

    // The text grows by several wrapped lines in four scripts: the field and the overlay grow together.
    await page.keyboard.press('Control+End');
    const more = ' Откат конфигурации занял двенадцать минут, потому что проверка работоспособности ждала ' +
      'полного цикла. 設定の巻き戻しは十二分かかりました。 Η επαναφορά ολοκληρώθηκε χωρίς απώλεια δεδομένων 🚦✅.';
    await page.keyboard.type(' Откат ✅');  // typed key by key, then the rest at once as a paste or an IME would
    await page.keyboard.insertText(more);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Second paragraph: на следующий день. 翌日。');
    await h.settle(page, 300);
    ov = await overlay(page);
    const grown = (await h.locate(page, 'field.summary')).rect;
    assert.ok(grown.h > field.h + 20, `the field grew with the text (${field.h} -> ${grown.h})`);
    sameRect(ov, grown, 'after growing');
    assert.ok(ov.scrollHeight <= ov.clientHeight + 1 && ov.scrollTop === 0,
      `the grown text is not clipped (${ov.scrollHeight} > ${ov.clientHeight}, top ${ov.scrollTop})`);
    assert.ok((await h.doc(page)).summary.endsWith('翌日。'));
    await page.screenshot({ path: h.shotPath(`overlay-${c.colorScheme}-${c.viewport.width}.png`) });

    // Editing ends: the canvas draws the same text at the same height, so it wrapped as the overlay did.
    await page.keyboard.press('Escape');
    await h.settle(page, 300);
    assert.equal(await overlay(page), null, 'Escape closes the overlay');
    const after = (await h.locate(page, 'field.summary')).rect;
    assert.ok(Math.abs(after.h - grown.h) <= 1,
      `the canvas wraps the text into as many lines as the overlay did (${grown.h} -> ${after.h})`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
