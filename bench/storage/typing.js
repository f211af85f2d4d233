#!/usr/bin/env node
// bench/storage/typing.js: frame times while typing into the 1 MB document, with the edit journal on and, as the
// baseline in the same run, off (its store hidden from the page, so no entry is written). Goal: no frame over 16 ms.
// Usage: node bench/storage/typing.js [rounds] [keystrokes]   (builds nothing: run `python3 serve.py --build` first)
//
// The keystrokes go into the summary at about a person's pace (55 ms apart), multilingual text. Measured in the page:
// - frame: the main-thread time of each requestAnimationFrame callback (the app draws its frames there: input
//   applied, the editor built, the journal's pending entries handed to IndexedDB), without the software WebGL
//   rasterisation, which headless Chromium does in its GPU process;
// With the journal off the app still records and encodes the entries (a few microseconds); only the page's store,
// and so every IndexedDB write, is gone.
// - input: the time the page spends handling each keystroke's 'input' event (the app takes the text and records
//   the edit, journal included).
// Rounds alternate the order of the two modes. The autosave does not run while typing (it waits for a 0.8 s pause).
'use strict';
const h = require('../../tests/e2e/harness');
const { bigDocument, median, pct } = require('./storage');

const ROUNDS = Math.max(1, Number(process.argv[2] || 3));
const KEYS = Math.max(20, Number(process.argv[3] || 150));
const TEXT = ' Отказ платёжного шлюза; 決済ゲートウェイの遅延; Καθυστέρηση στην ουρά 🔥 rollback done.';

// Runs before the page's scripts: times every animation frame callback and every 'input' event.
function instrument(journalOff) {
  window.__times = { frame: [], input: [] };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now();
    try { cb(t); } finally { if (window.__times.on) window.__times.frame.push(performance.now() - s); }
  });
  let start = 0;
  document.addEventListener('input', () => { start = performance.now(); }, true);
  window.addEventListener('input', () => { if (window.__times.on) window.__times.input.push(performance.now() - start); });
  if (journalOff) Object.defineProperty(window, 'hsJournal', { get() { return undefined; }, set() {} });
}

async function run(browser, server, text, journalOff) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(instrument, journalOff);
  const { page } = await h.openApp(browser, server, { context });
  await page.bringToFront();
  await page.evaluate(([t, n]) => window.hindsight.openJSON(t, n), [text, 'typing bench']);
  await page.waitForFunction(() => { const s = window.hindsight.storage(); return s.loaded && !s.dirty && !s.persisting && window.hindsight.drafts().length === 1; },
    null, { timeout: 60000 });
  await h.settle(page, 300);
  await h.click(page, 'field.summary');
  await page.keyboard.press('Control+End');
  await h.settle(page, 300);
  await page.evaluate(() => { window.__times.on = true; });
  const chars = [...TEXT];
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(chars[i % chars.length]);
    await page.waitForTimeout(55);
  }
  await page.waitForTimeout(150);  // the last journal write
  const t = await page.evaluate(() => { window.__times.on = false; return window.__times; });
  const entries = await page.evaluate(() => (window.hsJournal ? window.hsJournal.all().then((a) => a.length) : -1));
  await context.close();
  return { ...t, entries };
}

(async () => {
  const server = await h.startServer();
  const browser = await h.launch();
  const text = bigDocument();
  const all = { on: { frame: [], input: [], entries: [] }, off: { frame: [], input: [], entries: [] } };
  for (let r = 0; r < ROUNDS; r++) {
    for (const mode of r % 2 ? ['off', 'on'] : ['on', 'off']) {
      const t = await run(browser, server, text, mode === 'off');
      all[mode].frame.push(...t.frame);
      all[mode].input.push(...t.input);
      all[mode].entries.push(t.entries);
      process.stderr.write(`  round ${r + 1}, journal ${mode}: ${t.frame.length} frames, longest ${Math.max(...t.frame).toFixed(1)} ms; ` +
        `${t.input.length} inputs, longest ${Math.max(...t.input).toFixed(1)} ms; journal records ${t.entries}\n`);
    }
  }
  await browser.close();
  server.stop();
  const line = (xs) => `median ${median(xs).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (${xs.length})`;
  console.log(`typing: ${ROUNDS} rounds of ${KEYS} keystrokes into the summary of the 1 MB document, headless Chromium`);
  for (const mode of ['on', 'off']) {
    console.log(`  journal ${mode}${mode === 'off' ? ' (baseline)' : ''}:`);
    console.log(`    frame (rAF callback): ${line(all[mode].frame)}  (goal: none over 16 ms)`);
    console.log(`    input event handled:  ${line(all[mode].input)}`);
  }
})().catch((e) => { console.error(e); process.exit(1); });
