#!/usr/bin/env node
// bench/storage: autosave latency (an edit -> the edit durable in IndexedDB) and the longest frame while a save runs,
// for the 200-event sample and for a 1 MB document, against a baseline taken in the same run: the longest frame in
// a window as long in which the app draws frames (the pointer moves over the editor) and no save runs.
// Usage: node bench/storage/storage.js [runs]   (builds nothing: run `python3 serve.py --build` first)
//
// Durable means read back from IndexedDB: after the app reports the push done, the bench opens IDBFS's database
// itself and checks that the stored draft file holds the edit. Frames are measured two ways over the same window:
// - a requestAnimationFrame loop in the page: the longest interval between two frames (this includes the software
//   WebGL of headless Chromium, so it is long even with no save);
// - a Chromium trace of the renderer's main thread: the longest task on it (a frame's script and drawing calls, an
//   IndexedDB callback, the save's serialisation), which is what a save adds to a frame. Software rasterisation runs
//   in the GPU process and is not part of it. Also the most CPU time of one task (the trace's thread time), which
//   waiting for a core or for the GPU process does not inflate on a shared machine.
// HS_BENCH_ONLY="1 MB" runs one document; HS_BENCH_DETAIL=1 prints, per save, what the task with the most CPU did (with
// the app's marks of the save's steps inside it) and every IndexedDB put (its blocking time, size, buffer size, and
// how many puts its task issued); HS_BENCH_TRACE=dir keeps the traces.
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

// The longest task on the renderer's main thread between the page's console.timeStamp marks `from` and `to`, as
// {task, work}: `task` is its whole length; `work` leaves out the time it waited for the GPU process (headless
// Chromium renders WebGL in software there and the compositor's commit waits for it: ~100+ ms a frame on this
// machine, whatever the page does, and ~1 ms with a real GPU). `work` is what the page's own code blocked.
function longestTask(trace, from, to) {
  if (process.env.HS_BENCH_TRACE) fs.writeFileSync(path.join(process.env.HS_BENCH_TRACE, `${from}-${Date.now()}.json`), trace);
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const marks = events.filter((e) => e.name === 'TimeStamp' && e.args && e.args.data);
  const at = (m) => { const e = marks.find((x) => x.args.data.message === m); if (!e) throw new Error(`trace: no mark ${m}`); return e.ts; };
  const t0 = at(from), t1 = at(to);
  const onMain = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && e.ts + (e.dur || 0) >= t0 && e.ts <= t1);
  const waits = onMain.filter((e) => e.name.startsWith('CommandBufferProxyImpl::WaitFor')).sort((a, b) => a.ts - b.ts);
  let task = 0, work = 0, cpu = 0, longest = null;
  for (const e of onMain) {
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue;
    const end = e.ts + (e.dur || 0);
    let waited = 0, reach = e.ts;
    for (const w of waits) {  // merged, so nested waits count once
      const a = Math.max(w.ts, reach), b = Math.min(w.ts + w.dur, end);
      if (b > a) { waited += b - a; reach = b; }
    }
    task = Math.max(task, (e.dur || 0) / 1000);
    work = Math.max(work, ((e.dur || 0) - waited) / 1000);
    if (!longest || (e.tdur || 0) > cpu * 1000) longest = e;
    cpu = Math.max(cpu, (e.tdur || 0) / 1000);
  }
  const stamps = marks.filter((e) => mains.has(`${e.pid}:${e.tid}`));
  return { task, work, cpu, what: longest ? describeTask(onMain.concat(stamps), longest) : '' };
}
// What the task with the most CPU time did: the events inside it that took the most (HS_BENCH_DETAIL=1 prints it).
function describeTask(onMain, t) {
  const end = t.ts + (t.dur || 0);
  const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= end && !/RunTask|GLES2|CommandBuffer|ImplementationBase/.test(e.name));
  const label = (e) => { const d = e.args && e.args.data; return e.name + (d && (d.type || d.functionName) ? `(${d.type || d.functionName})` : ''); };
  const top = inner.sort((a, b) => (b.tdur || 0) - (a.tdur || 0)).slice(0, 3).map((e) => `${label(e)} ${((e.tdur || 0) / 1000).toFixed(1)}`).join(', ');
  // Garbage collections inside it, and the app's own marks (Platform::trace_mark: the steps of a save), each at its
  // time in ms from the task's start.
  const at = (e) => ((e.ts - t.ts) / 1000).toFixed(1);
  const gc = inner.filter((e) => /^(MinorGC|MajorGC)$/.test(e.name)).map((e) => `${e.name} ${((e.dur || 0) / 1000).toFixed(1)} ms @${at(e)}`);
  const stamps = inner.filter((e) => e.name === 'TimeStamp').map((e) => `${e.args.data.message} @${at(e)}`);
  return top + (gc.length ? ` | GC: ${gc.join(', ')}` : '') + (stamps.length ? ` | marks: ${stamps.join(' ')}` : '');
}
const TRACE = ['toplevel', 'devtools.timeline', 'gpu', '__metadata', 'disabled-by-default-v8.gc'];

// In the page: does IDBFS's stored copy of `draftId` contain `marker`? With its size and its buffer's.
function storedHas([draftId, marker]) {
  return new Promise((resolve) => {
    const req = indexedDB.open('/idb');
    req.onerror = () => resolve({ has: false });
    req.onsuccess = () => {
      const db = req.result;
      const store = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA');
      const key = `/idb/drafts/drafts/${draftId}.json`;
      const get = store.get(key);
      get.onsuccess = () => {
        let v = get.result;
        if (v && v.hsPieces) {  // stored in pieces (library_hindsight.js): join them
          const all = store.getAll(IDBKeyRange.bound(key + '\u0000', key + '\u0001', false, true));
          all.onsuccess = () => {
            db.close();
            const parts = all.result.map((p) => p.contents);
            const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
            let at = 0;
            for (const p of parts) { bytes.set(p, at); at += p.byteLength; }
            resolve({ has: new TextDecoder().decode(bytes).includes(marker), bytes: bytes.byteLength, buffer: bytes.byteLength, pieces: parts.length });
          };
          all.onerror = () => { db.close(); resolve({ has: false }); };
          return;
        }
        db.close();
        // The stored bytes, and the buffer that came with them (a structured clone of a view stores its whole buffer).
        resolve(v ? { has: new TextDecoder().decode(v.contents).includes(marker), bytes: v.contents.byteLength, buffer: v.contents.buffer.byteLength }
          : { has: false });
      };
      get.onerror = () => { db.close(); resolve({ has: false }); };
    };
  });
}

async function measure(page, label) {
  const draftId = await page.evaluate(() => window.hindsight.drafts()[0].id);
  await h.click(page, 'field.summary');
  const lat = [], saveFrames = [], baseFrames = [], saveTasks = [], baseTasks = [];
  const browser = page.context().browser();
  for (let r = 0; r < RUNS; r++) {
    await page.waitForFunction(() => { const s = window.hindsight.storage(); return !s.dirty && !s.persisting; }, null, { timeout: 30000 });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.__puts && window.__puts.splice(0));
    // One edit with a marker, timed from its last keystroke until it is durable; frames measured over that window.
    const marker = `m${r}q${Date.now() % 100000}`;
    await page.keyboard.type(marker);
    await browser.startTracing(page, { categories: TRACE });
    const t1 = await page.evaluate(() => { console.timeStamp('hs-save-from'); return Date.now(); });
    await page.evaluate(startFrames);
    await page.waitForFunction((t) => { const s = window.hindsight.storage(); return !s.dirty && !s.persisting && window.hindsight.savedAt > t; },
      t1, { timeout: 30000, polling: 5 });
    const savedAt = await page.evaluate(() => window.hindsight.savedAt);
    saveFrames.push(await page.evaluate(stopFrames));
    await page.evaluate(() => console.timeStamp('hs-save-to'));
    saveTasks.push(longestTask(await browser.stopTracing(), 'hs-save-from', 'hs-save-to'));
    const stored = await page.evaluate(storedHas, [draftId, marker]);
    if (!stored.has) throw new Error(`${label}: the edit is not in IndexedDB`);
    if (stored.buffer !== stored.bytes) process.stderr.write(`  ${label}: the stored file (${stored.bytes} bytes) came with a buffer of ${stored.buffer} bytes\n`);
    lat.push(savedAt - t1);
    // Baseline: a window as long, with the app drawing frames (the pointer moves over the editor) and no save.
    await browser.startTracing(page, { categories: TRACE });
    await page.evaluate(() => console.timeStamp('hs-base-from'));
    await page.evaluate(startFrames);
    const steps = Math.max(5, Math.round(lat[r] / 50));
    for (let i = 0; i < steps; i++) { await page.mouse.move(400 + (i % 10) * 20, 300 + (i % 2) * 20); await page.waitForTimeout(50); }
    baseFrames.push(await page.evaluate(stopFrames));
    await page.evaluate(() => console.timeStamp('hs-base-to'));
    baseTasks.push(longestTask(await browser.stopTracing(), 'hs-base-from', 'hs-base-to'));
    process.stderr.write(`  ${label} run ${r + 1}: ${lat[r]} ms, longest frame ${saveFrames[r].toFixed(1)} ms (baseline ${baseFrames[r].toFixed(1)} ms), ` +
      `longest main-thread task ${saveTasks[r].task.toFixed(1)} ms (baseline ${baseTasks[r].task.toFixed(1)} ms), ` +
      `its own work ${saveTasks[r].work.toFixed(1)} ms (baseline ${baseTasks[r].work.toFixed(1)} ms), ` +
      `most CPU in one task ${saveTasks[r].cpu.toFixed(1)} ms (baseline ${baseTasks[r].cpu.toFixed(1)} ms)\n`);
    if (process.env.HS_BENCH_DETAIL) {
      const puts = await page.evaluate(() => window.__puts.splice(0));
      process.stderr.write(`    save task with the most CPU: ${saveTasks[r].what}\n    baseline task with the most CPU: ${baseTasks[r].what}\n` +
        puts.map((p) => `    put ${p.key}: ${p.ms.toFixed(1)} ms, ${p.bytes} bytes in a buffer of ${p.buffer}, put #${p.nth} of its task\n`).join(''));
    }
  }
  return { label, lat, saveFrames, baseFrames, saveTasks, baseTasks };
}

// bench/storage/typing.js takes the same 1 MB document.
module.exports = { bigDocument, median, pct };
if (require.main === module) (async () => {
  const server = await h.startServer();
  const browser = await h.launch();
  const results = [];
  const which = process.env.HS_BENCH_ONLY || '';
  for (const [label, text] of [['200-event sample', fs.readFileSync(SAMPLE, 'utf8')], ['1 MB document', bigDocument()]]) {
    if (which && !label.startsWith(which)) continue;
    process.stderr.write(`${label}: opening\n`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // With HS_BENCH_DETAIL: how long each IndexedDB put blocks the page (its structured clone of the file).
    if (process.env.HS_BENCH_DETAIL) {
      await context.addInitScript(() => {
        const put = IDBObjectStore.prototype.put;
        window.__puts = [];
        let inTask = 0;  // puts issued so far in the current task (reset at its microtask checkpoint)
        IDBObjectStore.prototype.put = function (...args) {
          if (inTask++ === 0) queueMicrotask(() => { inTask = 0; });
          const t = performance.now();
          try { return put.apply(this, args); } finally {
            const c = args[0] && args[0].contents;
            window.__puts.push({ key: String(args[1]).replace('\u0000', '#'), ms: performance.now() - t, bytes: c ? c.byteLength : 0, buffer: c ? c.buffer.byteLength : 0, nth: inTask });
          }
        };
      });
    }
    const { page } = await h.openApp(browser, server, { context });
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
    console.log(`    longest frame (rAF), edit -> durable: median ${median(r.saveFrames).toFixed(1)} ms, max ${Math.max(...r.saveFrames).toFixed(1)} ms`);
    console.log(`    baseline, as long, drawing, no save:  median ${median(r.baseFrames).toFixed(1)} ms, max ${Math.max(...r.baseFrames).toFixed(1)} ms`);
    for (const [k, what] of [['task', 'longest main-thread task'], ['work', 'longest main-thread work (no GPU wait)'],
      ['cpu', 'most main-thread CPU time in one task']]) {
      const sv = r.saveTasks.map((x) => x[k]), bs = r.baseTasks.map((x) => x[k]);
      console.log(`    ${what}, edit -> durable: median ${median(sv).toFixed(1)} ms, max ${Math.max(...sv).toFixed(1)} ms${k !== 'task' ? '  (goal: no frame over 16 ms)' : ''}`);
      console.log(`    ${what}, baseline:        median ${median(bs).toFixed(1)} ms, max ${Math.max(...bs).toFixed(1)} ms`);
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });
