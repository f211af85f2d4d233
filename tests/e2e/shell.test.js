// The app shell (issue: foundation): loads, draws, idles, keeps the clipboard, fails clearly without WebGL 2.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

test('loads without console errors, draws a non-blank first screen, and asks nothing of other origins', async () => {
  const { page, errors, foreign, context } = await h.openApp(browser, server);
  const shot = await page.screenshot({ path: h.shotPath('shell-welcome.png') });
  assert.ok(h.distinctColours(shot) > 20, 'the screenshot looks blank');
  assert.match(await page.evaluate(() => window.hindsight.version), /^\d+\.\d+\.\d+\+[0-9a-f]{10}$/);
  assert.ok(await page.evaluate(() => window.hindsight.frameCount()) >= 1);
  assert.equal(await page.evaluate(() => window.hindsight.document()), null, 'no document is open on a first visit');
  assert.ok(await page.evaluate(() => document.getElementById('loading').hidden || document.getElementById('loading').classList.contains('done')));
  // The DOM text overlay gets the canvas's UI font from the wasm itself (no second copy to download).
  const font = await page.evaluate(async () => {
    await document.fonts.ready;
    const f = [...document.fonts].find((x) => x.family.replace(/"/g, '') === 'HindsightUI');
    return f ? f.status : 'missing';
  });
  assert.equal(font, 'loaded');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});

test('an idle tab draws at most 2 frames in 2 s', async () => {
  const { page, context } = await h.openApp(browser, server);
  await page.mouse.move(5, 400);
  await h.settle(page, 500);
  const before = await page.evaluate(() => window.hindsight.frameCount());
  await page.waitForTimeout(2000);
  const after = await page.evaluate(() => window.hindsight.frameCount());
  assert.ok(after - before <= 2, `drew ${after - before} frames while idle`);
  // And it does draw on input.
  await page.mouse.move(600, 300);
  await h.settle(page);
  assert.ok(await page.evaluate(() => window.hindsight.frameCount()) > after, 'no frame was drawn after input');
  await context.close();
});

test('typed text goes to the system clipboard and comes back by paste', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { clipboard: true });
  await h.click(page, 'welcome.new');
  await h.click(page, 'new.title');
  await page.keyboard.type('Checkout errors after config push');
  await h.settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await h.settle(page);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Checkout errors after config push');
  // Paste from outside: put text on the OS clipboard, replace the field with it, create the document.
  await page.evaluate(() => navigator.clipboard.writeText('Pasted: élan, naïve, 東京 fallback'));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await h.settle(page);
  await page.screenshot({ path: h.shotPath('shell-paste.png') });
  await h.click(page, 'new.template.minimal');
  const d = await h.doc(page);
  assert.ok(d, 'a document should be open');
  assert.equal(d.title, 'Pasted: élan, naïve, 東京 fallback');
  assert.equal(d.template, 'minimal');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the canvas is backed at devicePixelRatio and follows resizes', async () => {
  const { page, context } = await h.openApp(browser, server, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 });
  await h.settle(page);
  let s = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height, c.clientWidth, c.clientHeight]; });
  assert.deepEqual(s, [390 * 3, 844 * 3, 390, 844]);
  await page.screenshot({ path: h.shotPath('shell-mobile-dpr3.png') });
  await page.setViewportSize({ width: 800, height: 600 });
  await h.settle(page, 300);
  s = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height]; });
  assert.deepEqual(s, [800 * 3, 600 * 3]);
  await context.close();
});

test('keys typed outside the canvas are not swallowed', async () => {
  const { page, context } = await h.openApp(browser, server);
  const prevented = await page.evaluate(() => {
    const input = document.createElement('input');
    document.body.appendChild(input);
    input.focus();
    const ev = new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', bubbles: true, cancelable: true });
    input.dispatchEvent(ev);
    return ev.defaultPrevented;
  });
  assert.equal(prevented, false);
  await context.close();
});

test('security headers and the CSP are sent, and index.html carries the CSP too', async () => {
  const res = await fetch(server.url);
  assert.match(res.headers.get('content-security-policy'), /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'.*frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  const html = await res.text();
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
  const wasm = await fetch(server.url + 'hindsight.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
});

test('without WebGL 2 the page explains why instead of staying blank', async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-webgl', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await b.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 10000 });
    const text = await page.textContent('#fatal');
    assert.match(text, /WebGL 2 is not available/);
    assert.match(text, /nothing was lost/);
  } finally { await b.close(); }
});

test('when the browser has WebGL 2 but gives no context, the page says so and the runtime stops without errors', async () => {
  // As headless Firefox does: WebGL2RenderingContext exists, so the editor only finds out in main() when its own
  // context is refused; main() then returns, and nothing may call into the wasm after that.
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : getContext.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const samples = page.waitForResponse((r) => r.url().endsWith('samples/index.json'));
  await page.goto(server.url);
  const ready = await page.evaluate(() => window.hindsight.ready.then(() => 'ready', (e) => String(e.message)));
  assert.equal(ready, 'webgl2', 'window.hindsight.ready rejects, naming the cause');
  assert.match(await page.textContent('#fatal'), /WebGL 2 is not available/);
  assert.equal(await page.isVisible('#fatal'), true);
  await samples;  // what used to be handed to the stopped wasm (the samples, the drafts) has arrived by now
  await page.waitForTimeout(1000);
  assert.deepEqual(errors, [], 'no exception after the message');
  assert.equal(await page.evaluate(() => window.hindsight.frameCount()), 0, 'no frame is drawn');
  assert.equal(await page.evaluate(() => window.hindsight.document()), null);
  await context.close();
});

test('the shipped stylesheet, minified for the first load, holds the same rules as web/style.css', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const shipped = await (await context.request.get(server.url + 'style.css')).text();
  const original = fs.readFileSync(path.join(h.ROOT, 'web', 'style.css'), 'utf8');
  assert.ok(shipped.length < original.length * 0.9, 'style.css is not minified');
  // Each rule as the browser parsed it (selector or condition, then its declarations), in order.
  const rules = (css) => page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const out = [];
    const walk = (list) => { for (const r of list) { out.push(r.cssRules ? (r.conditionText || r.name || r.selectorText || '') : r.cssText); if (r.cssRules) walk(r.cssRules); } };
    walk(sheet.cssRules);
    return out;
  }, css);
  const source = await rules(original);
  assert.ok(source.length > 50, `only ${source.length} rules parsed from web/style.css`);
  assert.deepEqual(await rules(shipped), source);
  await context.close();
});
