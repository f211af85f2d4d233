#!/usr/bin/env node
// bench/storage: autosave latency (an edit -> the edit durable in IndexedDB) and the longest frame while a save runs,
// for the 200-event sample and for a 1 MB document, against a baseline taken in the same run: the longest frame in
// a window as long in which the app draws frames (the pointer moves over the editor) and no save runs.
// Usage: node bench/storage/storage.js [runs]   (builds nothing: run `python3 serve.py --build` first)
//
// Durable means read back from IndexedDB: after the app reports the push done, the bench opens IDBFS's database
// itself and checks that the stored draft file holds the edit. Frames are measured with a requestAnimationFrame
// loop in the page: the longest interval between two frames is the longest the main thread was blocked.
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('../../tests/e2e/harness');

const RUNS = Math.max(5, Number(process.argv[2] || 10));
const SAMPLE = path.join(h.ROOT, 'assets', 'samples', 'multi-day-cdn-degradation.json');

// The 200-event sample grown to about 1 MB: its timeline repeated with fresh ids.
function bigDocument() {
  const d = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
  const base = [...d.timeline];
  let n = 0;
  while (JSON.stringify(d).length < 1000000) {
    for (const e of base) d.timeline.push({ ...e, id: `ev-bench-${n++}` });
  }
  d.title = 'Bench: 1 MB document';
  return JSON.stringify(d);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]; };

// In the page: a rAF loop recording the longest gap between frames until stopped.
function startFrames() {
  const st = { max: 0, last: performance.now(), on: true };
  const tick = (t) => { st.max = Math.max(st.max, t - st.last); st.last = t; if (st.on) requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { st.last = t; requestAnimationFrame(tick); });
  window.__frames = st;
  return Date.now();
}
function stopFrames() { window.__frames.on = false; return window.__frames.max; }

// In the page: does IDBFS's stored copy of `draftId` contain `marker`?
function storedHas([draftId, marker]) {
  return new Promise((resolve) => {
    const req = indexedDB.open('/idb');
    req.onerror = () => resolve(false);
    req.onsuccess = () => {
      const db = req.result;
      const get = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA').get(`/idb/drafts/drafts/${draftId}.json`);
      get.onsuccess = () => {
        db.close();
        const v = get.result;
        resolve(!!v && new TextDecoder().decode(v.contents).includes(marker));
      };
      get.onerror = () => { db.close(); resolve(false); };
    };
  });
}

async function measure(page, label) {
  const draftId = await page.evaluate(() => window.hindsight.drafts()[0].id);
  await h.click(page, 'field.summary');
  const lat = [], saveFrames = [], baseFrames = [];
  for (let r = 0; r < RUNS; r++) {
    await page.waitForFunction(() => { const s = window.hindsight.storage(); return !s.dirty && !s.persisting; }, null, { timeout: 30000 });
    await page.waitForTimeout(300);
    // One edit with a marker, timed from its last keystroke until it is durable; frames measured over that window.
    const marker = `m${r}q${Date.now() % 100000}`;
    await page.keyboard.type(marker);
    const t1 = await page.evaluate(startFrames);
    await page.waitForFunction((t) => { const s = window.hindsight.storage(); return !s.dirty && !s.persisting && window.hindsight.savedAt > t; },
      t1, { timeout: 30000, polling: 5 });
    const savedAt = await page.evaluate(() => window.hindsight.savedAt);
    saveFrames.push(await page.evaluate(stopFrames));
    if (!await page.evaluate(storedHas, [draftId, marker])) throw new Error(`${label}: the edit is not in IndexedDB`);
    lat.push(savedAt - t1);
    // Baseline: a window as long, with the app drawing frames (the pointer moves over the editor) and no save.
    await page.evaluate(startFrames);
    const steps = Math.max(5, Math.round(lat[r] / 50));
    for (let i = 0; i < steps; i++) { await page.mouse.move(400 + (i % 10) * 20, 300 + (i % 2) * 20); await page.waitForTimeout(50); }
    baseFrames.push(await page.evaluate(stopFrames));
    process.stderr.write(`  ${label} run ${r + 1}: ${lat[r]} ms, longest frame ${saveFrames[r].toFixed(1)} ms (baseline ${baseFrames[r].toFixed(1)} ms)\n`);
  }
  return { label, lat, saveFrames, baseFrames };
}

(async () => {
  const server = await h.startServer();
  const browser = await h.launch();
  const results = [];
  const which = process.env.HS_BENCH_ONLY || '';
  for (const [label, text] of [['200-event sample', fs.readFileSync(SAMPLE, 'utf8')], ['1 MB document', bigDocument()]]) {
    if (which && !label.startsWith(which)) continue;
    process.stderr.write(`${label}: opening\n`);
    const { page, context } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 } });
    await page.bringToFront();
    await page.evaluate(([t, n]) => window.hindsight.openJSON(t, n), [text, label]);
    await page.waitForFunction(() => { const s = window.hindsight.storage(); return s.loaded && !s.dirty && !s.persisting && window.hindsight.drafts().length === 1; },
      null, { timeout: 30000 });
    await h.settle(page, 300);
    process.stderr.write(`${label}: stored, measuring\n`);
    results.push({ ...await measure(page, label), bytes: text.length });
    await context.close();
  }
  await browser.close();
  server.stop();
  console.log(`storage: ${RUNS} saves each, headless Chromium (software WebGL), autosave 0.8 s after the last edit`);
  for (const r of results) {
    console.log(`  ${r.label} (${(r.bytes / 1000).toFixed(0)} KB):`);
    console.log(`    edit -> durable in IndexedDB: median ${median(r.lat).toFixed(0)} ms, p95 ${pct(r.lat, 95).toFixed(0)} ms  (goal <= 1500 ms)`);
    console.log(`    longest frame, edit -> durable:     median ${median(r.saveFrames).toFixed(1)} ms, max ${Math.max(...r.saveFrames).toFixed(1)} ms  (goal: no frame over 16 ms)`);
    console.log(`    baseline, as long, drawing, no save: median ${median(r.baseFrames).toFixed(1)} ms, max ${Math.max(...r.baseFrames).toFixed(1)} ms`);
  }
})().catch((e) => { console.error(e); process.exit(1); });
