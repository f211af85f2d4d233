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
// Each frame over 16 ms is reported with what can explain it: the Long Animation Frame entry around it (which
// script ran, for how long), and on Linux how long the renderer's main thread waited for a core meanwhile (its
// run-queue delay in /proc/<pid>/schedstat, sampled every few milliseconds from a thread of this process): on a
// shared 2-core machine a frame can be long only because the thread was not running.
// Rounds alternate the order of the modes. The autosave does not run while typing (it waits for a 0.8 s pause); the
// lint of the 1 MB document does not either (it waits for a 300 ms pause), and its frame is measured at the end.
'use strict';
const h = require('../../tests/e2e/harness');
const fs = require('fs');
const path = require('path');
const { Worker } = require('worker_threads');
const { bigDocument, median, pct } = require('./storage');

const SAMPLE = path.join(h.ROOT, 'assets', 'samples', 'multi-day-cdn-degradation.json');

const ROUNDS = Math.max(1, Number(process.argv[2] || 3));
const KEYS = Math.max(20, Number(process.argv[3] || 150));
const TEXT = ' Отказ платёжного шлюза; 決済ゲートウェイの遅延; Καθυστέρηση στην ουρά 🔥 rollback done.';

// Runs before the page's scripts: times every animation frame callback and every 'input' event.
function instrument(journalOff) {
  window.__times = { frame: [], input: [], long: [], loaf: [] };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now();
    try { cb(t); } finally {
      const d = performance.now() - s;
      if (window.__times.on) {
        window.__times.frame.push(d);
        if (d > 16) window.__times.long.push({ at: performance.timeOrigin + s, ms: d, frame: window.__times.frame.length });
      }
    }
  });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!window.__times.on) continue;
        window.__times.loaf.push({ at: performance.timeOrigin + e.startTime, ms: e.duration,
          scripts: e.scripts.map((x) => `${x.invoker} ${x.duration.toFixed(1)} ms`).join(', ') });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch (e) { /* a browser without the API: no attribution */ }
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

// Samples, every 3 ms on a thread of its own, the run-queue delay of each Chromium renderer's main thread (the task
// whose id is the process's): `waits` gets [time (ms since the epoch), milliseconds waited since the last sample].
// Linux only; elsewhere it records nothing.
function startSchedSampler() {
  if (!fs.existsSync('/proc/self/schedstat')) return { waits: () => [], stop() {} };
  const code = `
    const fs = require('fs');
    const { parentPort } = require('worker_threads');
    let pids = [], scanned = 0, last = new Map(), out = [];
    setInterval(() => {
      const now = Date.now();
      if (now - scanned > 500) {
        scanned = now;
        pids = fs.readdirSync('/proc').filter((d) => /^\\d+$/.test(d)).filter((d) => {
          try { return fs.readFileSync('/proc/' + d + '/cmdline', 'latin1').includes('--type=renderer'); } catch (e) { return false; }
        });
      }
      for (const pid of pids) {
        let wait;
        try { wait = Number(fs.readFileSync('/proc/' + pid + '/schedstat', 'latin1').split(' ')[1]) / 1e6; } catch (e) { continue; }
        const before = last.get(pid);
        last.set(pid, wait);
        if (before !== undefined && wait - before > 0.5) out.push([now, wait - before]);
      }
      if (out.length) { parentPort.postMessage(out); out = []; }
    }, 3);`;
  const worker = new Worker(code, { eval: true });
  const waits = [];
  worker.on('message', (m) => waits.push(...m));
  return { waits: () => waits, stop: () => worker.terminate() };
}

// What explains a long frame: the main thread's wait for a core from its start until just after it (a wait is
// recorded when the thread runs again: a sample in the frame's first few milliseconds may hold a wait from before
// it, and is left out), and the Long Animation Frame entry that holds it.
function explain(f, sched, loaf) {
  const waited = sched.waits().filter(([t]) => t > f.at + 4 && t <= f.at + f.ms + 8).reduce((a, [, w]) => a + w, 0);
  const lf = loaf.find((e) => e.at <= f.at + 1 && f.at <= e.at + e.ms);
  return `frame ${f.ms.toFixed(1)} ms (#${f.frame}): the main thread waited ${waited.toFixed(1)} ms for a core` +
    (lf ? `; long animation frame ${lf.ms.toFixed(0)} ms: ${lf.scripts || 'no script'}` : '');
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
  const sched = startSchedSampler();
  for (const m of list) all[m.key] = { frame: [], input: [], entries: [], long: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const m of r % 2 ? [...list].reverse() : list) {
      const t = await run(browser, server, m.text, m.journalOff);
      all[m.key].frame.push(...t.frame);
      all[m.key].input.push(...t.input);
      all[m.key].entries.push(t.entries);
      for (const f of t.long) {
        all[m.key].long.push(explain(f, sched, t.loaf));
        process.stderr.write(`    ${all[m.key].long[all[m.key].long.length - 1]}\n`);
      }
      process.stderr.write(`  round ${r + 1}, ${m.label}: ${t.frame.length} frames, longest ${Math.max(...t.frame).toFixed(1)} ms; ` +
        `${t.input.length} inputs, longest ${Math.max(...t.input).toFixed(1)} ms; journal records ${t.entries}\n`);
    }
  }
  await browser.close();
  server.stop();
  sched.stop();
  const line = (xs) => `median ${median(xs).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (${xs.length})`;
  console.log(`typing: ${ROUNDS} rounds of ${KEYS} keystrokes into the summary, headless Chromium`);
  for (const m of list) {
    console.log(`  ${m.label}:`);
    console.log(`    frame (rAF callback): ${line(all[m.key].frame)}  (goal: none over 16 ms)`);
    console.log(`    input event handled:  ${line(all[m.key].input)}`);
    for (const l of all[m.key].long) console.log(`    over 16 ms: ${l}`);
  }
})().catch((e) => { console.error(e); process.exit(1); });
