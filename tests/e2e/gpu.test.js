// The GPU can go away (a driver reset, a phone reclaiming a background tab's context): the canvas comes back with the
// same document and its fonts, and nothing typed meanwhile is lost. Driven with WEBGL_lose_context, as a browser
// would lose and restore the context.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const sample = (name) => fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', name), 'utf8');

// How many of the clip's pixels differ clearly between two screenshots.
function changed(a, b) {
  const x = PNG.sync.read(a).data, y = PNG.sync.read(b).data;
  if (x.length !== y.length) return Infinity;
  let n = 0;
  for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 48) n++;
  return n;
}

// The extension is taken before the loss (a lost context gives none) and kept for the restore.
const gl = () => (w) => {
  if (w === 'lose') {
    window.__loseExt = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.__loseExt.loseContext();
  } else {
    window.__loseExt.restoreContext();
  }
};

for (const [dpr, viewport] of [[1, { width: 1280, height: 800 }], [3, { width: 390, height: 844 }]]) {
  test(`losing the GPU context and getting it back keeps the document, redraws it the same, and loses no typing (${viewport.width} px)`,
    async () => {
    const { page, context, errors } = await h.openApp(browser, server, { viewport, deviceScaleFactor: dpr });
    assert.ok(await page.evaluate((t) => window.hindsight.openJSON(t, 'ja.json'), sample('ja-payment-gateway-timeout.json')));
    await h.settle(page, 400);
    // Below the top bar, which shows the title too (a second place that changes with it).
    const bar = (await h.locate(page, 'topbar.sidebar')).rect;
    const top = Math.ceil(bar.y + bar.h + 12);
    const clip = { x: 0, y: top, width: viewport.width, height: Math.min(viewport.height, 600) - top };
    const before = await page.screenshot({ clip });

    await page.evaluate(gl('lose'), 'lose');
    await page.waitForFunction(() => window.hindsight.gpu().lost);
    // Typing goes on while the canvas cannot draw: the field is the page's own.
    await h.click(page, 'field.title').catch(() => {});  // the click lands on the last drawn place
    await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('hs-overlay'));
    await page.keyboard.press('End');
    await page.keyboard.type(' — восстановлено ✓');
    await page.keyboard.press('Escape');
    const f0 = await page.evaluate(() => window.hindsight.frameCount());
    await page.mouse.move(10, 10);
    await page.mouse.move(20, 20);
    await h.settle(page);
    assert.ok(await page.evaluate(() => window.hindsight.frameCount()) > f0, 'frames still run without a GPU');

    await page.evaluate(gl('restore'), 'restore');
    await page.waitForFunction(() => { const g = window.hindsight.gpu(); return !g.lost && g.restores === 1; });
    await page.mouse.move(30, 30);
    await h.settle(page, 400);
    const d = await h.doc(page);
    assert.ok(d.title.endsWith(' — восстановлено ✓'), `the title typed while the GPU was gone is kept: ${d.title}`);
    // The document is drawn again as before, apart from the title's new words.
    const after = await page.screenshot({ clip });
    await page.screenshot({ path: h.shotPath(`gpu-restored-${viewport.width}.png`) });
    const diff = changed(before, after);
    const title = (await h.locate(page, 'field.title')).rect;
    const titleArea = title.w * title.h * dpr * dpr;
    assert.ok(diff < titleArea, `only the title changed after the restore (${diff} pixels differ; the title field has ${Math.round(titleArea)})`);
    assert.ok(diff > 0, 'the title\'s new words are drawn');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
