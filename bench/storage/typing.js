#!/usr/bin/env node
// bench/storage/typing.js: frame times while typing into the 1 MB document, with the edit journal on and off (its
// store hidden from the page, so no entry is written), and as the baseline in the same run, typing into the 200-event
// sample (about 100 KB) with the journal on. Goal: no frame over 16 ms.
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
// Rounds alternate the order of the modes. The autosave does not run while typing (it waits for a 0.8 s pause); the
// lint of the 1 MB document does not either (it waits for a 300 ms pause), and its frame is measured at the end.
'use strict';
const h = require('../../tests/e2e/harness');
const fs = require('fs');
const path = require('path');
const { bigDocument, median, pct } = require('./storage');

const SAMPLE = path.join(h.ROOT, 'assets', 'samples', 'multi-day-cdn-degradation.json');

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
  await page.waitForTimeout(450);  // the last journal write, and the frame that lints once the typing has paused (300 ms)
  const t = await page.evaluate(() => { window.__times.on = false; return window.__times; });
  const entries = await page.evaluate(() => (window.hsJournal ? window.hsJournal.all().then((a) => a.length) : -1));
  await context.close();
  return { ...t, entries };
}

// Each mode: its label, the document typed into, and whether the journal is off.
function modes() {
  const big = bigDocument();
  return [
    { key: 'big', label: '1 MB document, journal on', text: big, journalOff: false },
    { key: 'bigoff', label: '1 MB document, journal off', text: big, journalOff: true },
    { key: 'small', label: '200-event sample, journal on (baseline)', text: fs.readFileSync(SAMPLE, 'utf8'), journalOff: false },
  ];
}

(async () => {
  const server = await h.startServer();
  const browser = await h.launch();
  const list = modes();
  const all = {};
  for (const m of list) all[m.key] = { frame: [], input: [], entries: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of r % 2 ? [...list].reverse() : list) {
      const t = await run(browser, server, m.text, m.journalOff);
      all[m.key].frame.push(...t.frame);
      all[m.key].input.push(...t.input);
      all[m.key].entries.push(t.entries);
      process.stderr.write(`  round ${r + 1}, ${m.label}: ${t.frame.length} frames, longest ${Math.max(...t.frame).toFixed(1)} ms; ` +
        `${t.input.length} inputs, longest ${Math.max(...t.input).toFixed(1)} ms; journal records ${t.entries}\n`);
    }
  }
  await browser.close();
  server.stop();
  const line = (xs) => `median ${median(xs).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (${xs.length})`;
  console.log(`typing: ${ROUNDS} rounds of ${KEYS} keystrokes into the summary, headless Chromium`);
  for (const m of list) {
    console.log(`  ${m.label}:`);
    console.log(`    frame (rAF callback): ${line(all[m.key].frame)}  (goal: none over 16 ms)`);
    console.log(`    input event handled:  ${line(all[m.key].input)}`);
  }
})().catch((e) => { console.error(e); process.exit(1); });
