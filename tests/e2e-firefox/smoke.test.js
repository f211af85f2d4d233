// A second engine: the README promises Firefox 113+, so the main path runs in Firefox too, driven as a person would
// (clicks where the app drew its controls, real key presses): load, a new postmortem, typing in Cyrillic, Japanese and
// emoji through the DOM text overlay, share and open the link, reload, offline. And a Firefox without WebGL 2 gets
// the "can't start" message, after which nothing throws.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const TITLE = 'Сбой оплаты: истёк сертификат';
const PROSE = '決済が止まった 🔥 再試行で復旧 ✅ 👩🏽‍💻';

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

// Resolves when everything typed so far is durable in IndexedDB.
async function saved(page) {
  await page.waitForFunction(() => {
    const s = window.hindsight.storage();
    return s && s.loaded && !s.dirty && !s.persisting;
  }, { timeout: 10000 });
}

// Which element has the keyboard: the DOM overlay (a real input or textarea over the field) or the canvas.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}` : null;
});

async function shot(page, name) {
  const png = await page.screenshot({ path: h.resultPath(name) });
  assert.ok(h.distinctColours(png) > 20, `${name} looks blank`);
}

test('Firefox: load, new postmortem, Cyrillic/Japanese/emoji typing, share and open, reload, offline', async () => {
  const t0 = Date.now();
  const { page, context, errors, foreign } = await h.openApp(browser, server);
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    return gl ? gl.getParameter(gl.RENDERER) : null;
  });
  assert.ok(renderer, 'this Firefox has WebGL 2');
  assert.ok(await page.evaluate(() => window.hindsight.frameCount()) >= 1, 'the editor drew its first frame');
  assert.equal(await page.evaluate(() => window.hindsight.document()), null, 'no document on a first visit');
  await h.settle(page, 300);
  await shot(page, 'firefox-welcome.png');

  // A new postmortem: the title is typed in the New dialog's field, the prose in the summary, both in DOM overlays.
  await h.click(page, 'welcome.new');
  await h.click(page, 'new.title');
  assert.equal(await focused(page), 'input.hs-overlay', 'the title is typed into the overlay');
  await page.keyboard.type(TITLE);
  await h.click(page, 'new.template.minimal');
  await h.click(page, 'field.summary');
  assert.equal(await focused(page), 'textarea.hs-overlay', 'prose is typed into the overlay');
  await page.keyboard.type(PROSE);
  await page.keyboard.press('Escape');
  await h.settle(page, 300);
  let d = await h.doc(page);
  assert.equal(d.title, TITLE, 'the Cyrillic title is kept exactly');
  assert.equal(d.summary, PROSE, 'Japanese and emoji are kept exactly');
  await saved(page);
  await shot(page, 'firefox-editor.png');

  // Share: the link that Copy puts on the clipboard opens in another person's browser (a new context) with the
  // incoming dialog, which reads the same document.
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.settle(page, 300);
  await h.click(page, 'share.copy');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(server.url + '#h2.'), `a link to this app, the document after the '#': ${link.slice(0, 30)}`);
  await page.keyboard.press('Escape');
  await h.settle(page);
  const B = await h.openApp(browser, server, { hash: '#' + link.split('#')[1] });
  await h.locate(B.page, 'incoming.save');
  await h.settle(B.page, 300);
  await shot(B.page, 'firefox-incoming.png');
  await h.click(B.page, 'incoming.read');
  await B.page.waitForSelector('#readview:not([hidden])');
  const read = await B.page.evaluate(() => window.hindsight.readView());
  assert.ok(read.includes(TITLE), 'the incoming document has the same title');
  assert.ok(read.includes(PROSE), 'and the same prose');
  assert.equal(B.page.url(), server.url, 'the fragment is removed from the address bar');
  assert.deepEqual(B.errors, []);
  await B.context.close();

  // Reload: the draft reopens by itself, from IndexedDB.
  await page.bringToFront();
  await page.reload();
  await page.evaluate(() => window.hindsight.ready);
  await h.settle(page, 300);
  d = await h.doc(page);
  assert.equal(d && d.title, TITLE, 'the draft is kept across a reload');
  assert.equal(d.summary, PROSE);

  // Offline: the service worker serves the app, and the draft is there.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await page.setOfflineMode(true);
  try {
    await page.reload();
    await page.evaluate(() => window.hindsight.ready);
    await h.settle(page, 300);
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the page is offline');
    d = await h.doc(page);
    assert.equal(d && d.title, TITLE, 'the app starts offline with the draft');
    await shot(page, 'firefox-offline.png');
  } finally {
    await page.setOfflineMode(false);
  }
  assert.deepEqual(errors, [], 'no console error');
  assert.deepEqual(foreign, [], 'no request leaves the origin');
  await context.close();
  console.log(`# Firefox ${await browser.version()}, WebGL 2 on ${renderer}: ${Date.now() - t0} ms`);
});

test('Firefox without WebGL 2: the page says it cannot start, and the runtime stops without an exception', async () => {
  // Headless Firefox has no WebGL 2 here; the preference makes sure of it on a machine whose headless Firefox would.
  // WebGL2RenderingContext still exists, so the editor learns it only when main() is refused its context.
  const b = await h.launch({ headless: true, prefs: { 'webgl.disabled': true } });
  try {
    const { page, errors } = await h.openApp(b, server, { goto: false });
    page.on('console', (m) => { if (m.type() === 'warn') errors.push(m.text()); });
    const samples = page.waitForResponse((r) => r.url().endsWith('samples/index.json'));
    await page.goto(server.url);
    const ready = await page.evaluate(() => window.hindsight.ready.then(() => 'ready', (e) => String(e.message)));
    assert.equal(ready, 'webgl2', 'window.hindsight.ready rejects, naming the cause');
    const shown = await page.evaluate(() => {
      const f = document.getElementById('fatal');
      return !f.hidden && f.innerText;
    });
    assert.match(shown, /can't start in this browser[\s\S]*WebGL 2 is not available/);
    await samples;  // the samples and the drafts arrive now: none of it may reach the stopped wasm
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(errors, [], 'no exception after the message');
    assert.equal(await page.evaluate(() => window.hindsight.frameCount()), 0, 'no frame is drawn');
  } finally { await b.close(); }
});
