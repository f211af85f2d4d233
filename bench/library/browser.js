#!/usr/bin/env node
// bench/library/browser.js: the learning library in the browser, over a generated library of postmortems
// (scripts/gen_library.py, 1,000 by default) imported as a team would, a .zip dropped on the page, against the
// baseline of an empty library in the same run. Goals: results drawn within 50 ms of the last keystroke; no frame over
// 16 ms while the index is built, while typing in the library's search box, or while scrolling its results and the
// overview.
// Usage: node bench/library/browser.js [count] [rounds]   (builds nothing: run `python3 serve.py --build` first;
// `node bench/library/browser.js 100 1` checks that it runs in a few minutes; HS_BENCH_DETAIL=1 prints every frame;
// HS_BENCH_PROFILE=file.cpuprofile saves the CPU profile of opening the library)
//
// Measured in the page (an init script, as bench/storage/typing.js does):
// - search latency: from the last keystroke of a query (the 'input' event that brings its last character to the
//   page) to the end of the first animation frame that started after the worker's answer to that very query (the
//   frame that draws it). The queries are typed a key at a time, about a person's pace, so the earlier prefixes are
//   asked and answered too, as they are in use. Also the worker's own time for the query (its `run` wrapped, on the
//   page's clock), which tells the index's time from the wait for the answer to reach the page;
// - frames: the main-thread time of each requestAnimationFrame callback (the app builds and submits its frames
//   there; software WebGL's rasterisation runs in the GPU process and is not part of it), and the wasm's own CPU time
//   for building the frame (window.hindsight.frameBuildMs());
// - the index build: the library's worker gets the drafts in batches ("put" jobs, src/platform/library_job.h) while
//   the panel is open; the time from the first batch sent to the last one answered, and the worker's busy time (each
//   batch from when the worker could start it to its answer);
// - memory: the library worker's wasm memory (its heap, which only grows) read in the worker.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('../../tests/e2e/harness');
const { median, pct } = require('../storage/storage');

const COUNT = Math.max(10, Number(process.argv[2] || 1000));
const ROUNDS = Math.max(1, Number(process.argv[3] || 1));
const KEY_GAP_MS = 55;  // between keystrokes, as bench/storage/typing.js types
const LATENCY_GOAL_MS = 50, FRAME_GOAL_MS = 16;
const SCROLL_STEPS = 40;

// About twenty queries a person would type: single words, several words and a phrase, Japanese, Cyrillic, Greek and
// an emoji (words the generator writes, so most have results, and a few that match little).
const QUERIES = ['timeout', 'connection pool', 'certificate', 'rollback', 'replica lag', 'payments api', 'canary',
  'runbook', 'dashboard', 'retry policy backoff', '"rate limiter" payments', 'disk full', '障害', '接続プール',
  'タイムアウト', '手順書', 'ошибка', 'пула соединений', 'дежурный', 'υπηρεσία', '🔥 outage'];

// Runs before the page's scripts: times animation frames and input events, and watches the library worker's jobs.
function instrument() {
  // frameLog: [start, end] of recent frames, so that a query answered and drawn before the bench asks is found too.
  const T = window.__lib = { on: false, frames: [], builds: [], lastInput: 0, jobs: [], lib: null, frameLog: [] };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    const s = performance.now();
    try { cb(t); } finally {
      const e = performance.now();
      if (T.on) {
        T.frames.push(e - s);
        T.builds.push(window.hindsight.frameBuildMs());
      }
      T.frameLog.push([s, e]);
      if (T.frameLog.length > 4000) T.frameLog.splice(0, 2000);
    }
  });
  document.addEventListener('input', () => { T.lastInput = performance.now(); }, true);
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url, opts) {
      super(url, opts);
      const mine = {};
      this.__jobs = mine;
      this.addEventListener('message', (e) => {
        const d = e.data, j = d && mine[d.id];
        if (d && d.ready) this.__readyAt = performance.now();
        if (!j) return;
        delete mine[d.id];
        j.answered = performance.now();
        // The answer's figures, read from its end ("size" and "total" are its last keys) so that the bench does not
        // make strings of whole answers in the page it measures.
        const tail = d.bytes ? new TextDecoder().decode(new Uint8Array(d.bytes, Math.max(0, d.bytes.byteLength - 64)))
                             : String(d.text || '').slice(-64);
        const figure = (key) => { const m = new RegExp('"' + key + '":(\\d+)').exec(tail); return m ? Number(m[1]) : null; };
        j.size = figure('size');
        j.total = figure('total');
      });
    }
    postMessage(msg, transfer) {
      if (msg && msg.op === 'library') {
        let q = null;
        if (msg.job === 'search') try { q = JSON.parse(typeof msg.arg === 'string' ? msg.arg : new TextDecoder().decode(msg.arg)).q; } catch (err) { q = null; }
        const j = { job: msg.job, q, sent: performance.now(), bytes: msg.arg.length };
        this.__jobs[msg.id] = j;
        T.lib = this;  // the worker that holds the index
        T.jobs.push(j);
      }
      return super.postMessage(msg, transfer);
    }
  };
}

// Runs in each worker the page starts: logs every library job's start and end (the worker runs one at a time, in
// `run`), on the clock the page shares (timeOrigin + now), so that the worker's own time is told apart from the
// time its answer waits to be delivered to the page.
function workerLog() {
  if (typeof run !== 'function') return false;
  if (self.__log) return true;
  self.__log = [];
  const orig = run;
  self.run = (msg) => {
    const a = performance.timeOrigin + performance.now();
    orig(msg);
    if (msg && msg.op === 'library') {
      let q = null;
      if (msg.job === 'search') try { q = JSON.parse(typeof msg.arg === 'string' ? msg.arg : new TextDecoder().decode(msg.arg)).q; } catch (err) { q = null; }
      self.__log.push({ job: msg.job, q, start: a, end: performance.timeOrigin + performance.now() });
    }
  };
  return true;
}

function watchWorkers(page) {
  page.on('worker', async (w) => {
    for (let i = 0; i < 50; i++) {
      if (await w.evaluate(workerLog).catch(() => true)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
}

// The library jobs every worker of the page ran, with their times on the page's clock.
async function workerJobs(page) {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const all = [];
  for (const w of page.workers()) {
    const log = await w.evaluate(() => self.__log || []).catch(() => []);
    for (const j of log) all.push({ ...j, start: j.start - origin, end: j.end - origin });
  }
  return all.sort((x, y) => x.start - y.start);
}

// The generated library zipped as a team would hand it over: one JSON file per postmortem in a folder.
function libraryZip(count) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-library-'));
  try {
    const src = path.join(dir, 'postmortems');
    execFileSync('python3', [path.join(h.ROOT, 'scripts', 'gen_library.py'), src, '--count', String(count), '--seed', '1']);
    const zip = path.join(dir, 'library.zip');
    return h.zipFolder(src, zip, 'postmortems');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function dropZip(page, bytes, count) {
  await page.evaluate((data) => {  // as a file dragged from a file manager and dropped anywhere on the page
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'library.zip'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
  }, bytes.toString('base64'));
  await page.waitForFunction((n) => window.hindsight.drafts().length >= n, count, { timeout: 900000, polling: 500 });
  await h.locate(page, 'problem.ok', 120000);
  await h.click(page, 'problem.ok');
}

const frameStart = (page) => page.evaluate(() => { const T = window.__lib; T.frames = []; T.builds = []; T.on = true; });
const frameStop = (page) => page.evaluate(() => { const T = window.__lib; T.on = false; return { frames: T.frames, builds: T.builds }; });

// The wasm memory of the worker that holds the index (the one started when the library was opened), in bytes.
async function workerMemory(page, before) {
  for (const w of page.workers()) {
    if (before.includes(w) || !/worker\.js$/.test(w.url())) continue;
    const n = await w.evaluate(() => (typeof core !== 'undefined' && core ? core.HEAPU8.length : null)).catch(() => null);
    if (n) return n;
  }
  return null;
}

// Opens the library panel and waits until the index holds every draft and the first search is answered; returns
// the index build's figures and the frames meanwhile.
async function openLibrary(page, count) {
  const before = page.workers();
  await page.evaluate(() => { window.__lib.jobs = []; });
  await frameStart(page);
  await page.keyboard.press('Control+Shift+F');
  await page.waitForFunction((n) => {
    const jobs = window.__lib.jobs;
    const put = jobs.filter((j) => j.job === 'put');
    return put.every((j) => j.answered) && jobs.some((j) => j.job === 'search' && j.answered && j.size >= n) &&
           window.hindsight.locate(n ? 'library.count' : 'library.empty');
  }, count, { timeout: 300000, polling: 100 });
  await h.settle(page, 300);
  const fr = await frameStop(page);
  const jobs = await page.evaluate(() => window.__lib.jobs);
  const puts = jobs.filter((j) => j.job === 'put');
  const inWorker = (await workerJobs(page)).filter((j) => j.job === 'put');
  let busy = 0, free = 0;
  const readyAt = await page.evaluate(() => (window.__lib.lib && window.__lib.lib.__readyAt) || 0);
  for (const j of puts) {  // the worker runs one job at a time: a batch starts when it is sent or the last one ends
    const start = Math.max(j.sent, free, readyAt);
    busy += j.answered - start;
    free = j.answered;
  }
  // The worker starts with the first job (its wasm loaded and compiled): that wait is counted apart.
  const first = puts.length ? Math.max(puts[0].sent, readyAt) : 0;
  const build = puts.length ? { ms: puts[puts.length - 1].answered - first, start: readyAt ? readyAt - puts[0].sent : 0,
                                busy, batches: puts.length, worker: inWorker.reduce((t, j) => t + j.end - j.start, 0),
                                workerSpan: inWorker.length ? inWorker[inWorker.length - 1].end - inWorker[0].start : 0,
                                bytes: puts.reduce((s, j) => s + j.bytes, 0) } : null;
  return { build, frames: fr, memory: await workerMemory(page, before) };
}

// Types each query a key at a time into the library's box (cleared first) and finds when its answer was drawn.
async function typeQueries(page) {
  const latencies = [];
  await h.click(page, 'library.input');  // the box keeps the focus from here on
  await frameStart(page);
  for (const q of QUERIES) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(300);
    for (const c of [...q]) {
      await page.keyboard.type(c);
      await page.waitForTimeout(KEY_GAP_MS);
    }
    // The query is complete: the worker's answer to exactly this text, then the first frame that started after it
    // arrived (the one that draws it).
    const d = await page.waitForFunction((text) => {
      const T = window.__lib;
      const j = T.jobs.find((x) => x.job === 'search' && x.q === text && x.answered);
      const f = j && T.frameLog.find(([s]) => s >= j.answered);
      return f ? { q: text, ms: f[1] - T.lastInput, asked: j.sent - T.lastInput, answered: j.answered - T.lastInput,
                   total: j.total, lastInput: T.lastInput } : null;
    }, q, { timeout: 30000, polling: 20 }).then((handle) => handle.jsonValue());
    // The worker's own time for it (from when it took the job to its answer), and when it answered.
    const w = (await workerJobs(page)).filter((j) => j.job === 'search' && j.q === q).pop();
    d.worker = w ? w.end - w.start : null;
    d.workerDone = w ? w.end - d.lastInput : null;
    latencies.push(d);
  }
  return { latencies, frames: await frameStop(page) };
}

// Wheel steps over a point of the page (the results list, the overview's table), down and back up.
async function scrollFrames(page, at) {
  await page.mouse.move(at.x, at.y);
  await h.settle(page, 200);
  await frameStart(page);
  for (let i = 0; i < SCROLL_STEPS; i++) {
    await page.mouse.wheel(0, i < SCROLL_STEPS / 2 ? 120 : -120);
    await page.waitForTimeout(40);
  }
  await h.settle(page, 200);
  return frameStop(page);
}

async function measure(browser, server, zip, count) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(instrument);
  context.on('page', watchWorkers);
  const { page, errors } = await h.openApp(browser, server, { context });
  await page.bringToFront();
  const t0 = Date.now();
  if (count) await dropZip(page, zip, count);
  const importMs = Date.now() - t0;
  await h.settle(page, 300);
  const r = { importMs };
  // HS_BENCH_PROFILE=file.cpuprofile: the main thread's CPU profile while the library opens over the library.
  const cdp = process.env.HS_BENCH_PROFILE && count ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  r.open = await openLibrary(page, count);
  if (cdp) fs.writeFileSync(process.env.HS_BENCH_PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  r.typing = await typeQueries(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');  // the empty query lists the newest postmortems
  await h.settle(page, 300);
  const list = await page.evaluate(() => window.hindsight.locate('library.result.0') || window.hindsight.locate('library.input'));
  r.scrollResults = await scrollFrames(page, { x: 640, y: list ? Math.min(700, list.y + 200) : 500 });
  await h.click(page, 'library.close');
  // The overview (figures across every draft): from the drafts sidebar.
  if (!(await page.evaluate(() => window.hindsight.locate('drafts.overview')))) await h.click(page, 'topbar.sidebar');
  await h.click(page, 'drafts.overview');
  await h.locate(page, 'overview.postmortems', 15000);
  await h.settle(page, 300);
  r.scrollOverview = await scrollFrames(page, { x: 640, y: 600 });
  await h.click(page, 'overview.close');
  r.errors = errors;
  await context.close();
  return r;
}

function merge(into, r) {
  if (!into) return JSON.parse(JSON.stringify(r));
  const cat = (a, b) => { a.frames.push(...b.frames); a.builds.push(...b.builds); };
  into.importMs = Math.max(into.importMs, r.importMs);
  into.builds = (into.builds || [into.open.build]).concat([r.open.build]);
  cat(into.open.frames, r.open.frames);
  cat(into.typing.frames, r.typing.frames);
  into.typing.latencies.push(...r.typing.latencies);
  cat(into.scrollResults, r.scrollResults);
  cat(into.scrollOverview, r.scrollOverview);
  into.errors.push(...r.errors);
  return into;
}

const ms = (x) => (x == null ? '-' : `${x.toFixed(1)} ms`);
const over = (xs, limit) => xs.filter((x) => x > limit).length;

function frameRow(label, base, big) {
  const f = (s) => (s.frames.length ? `median ${ms(median(s.frames))}, p95 ${ms(pct(s.frames, 95))}, max ${ms(Math.max(...s.frames))}, ` +
    `${over(s.frames, FRAME_GOAL_MS)} of ${s.frames.length} over ${FRAME_GOAL_MS} ms; build max ${ms(Math.max(...s.builds))}` : 'no frames');
  const met = big.frames.length && over(big.frames, FRAME_GOAL_MS) === 0 ? 'met' : 'MISSED';
  console.log(`  ${label}`);
  console.log(`    empty library (baseline): ${f(base)}`);
  console.log(`    ${COUNT} postmortems:       ${f(big)}  goal none over ${FRAME_GOAL_MS} ms: ${met}`);
  if (process.env.HS_BENCH_DETAIL) {  // each frame in order: main thread / the wasm's build, in ms
    console.log('      ' + big.frames.map((x, i) => `${x.toFixed(1)}/${big.builds[i].toFixed(1)}`).join(' '));
  }
}

(async () => {
  const zip = libraryZip(COUNT);
  const server = await h.startServer();
  const browser = await h.launch();
  let base = null, big = null;
  for (let r = 0; r < ROUNDS; r++) {
    for (const n of r % 2 ? [COUNT, 0] : [0, COUNT]) {
      const res = await measure(browser, server, zip, n);
      process.stderr.write(`  round ${r + 1}, ${n} postmortems: import ${(res.importMs / 1000).toFixed(1)} s, ` +
        `${res.typing.latencies.length} queries, page errors ${res.errors.length}\n`);
      if (n) big = merge(big, res); else base = merge(base, res);
    }
  }
  await browser.close();
  server.stop();

  const lat = (s) => s.typing.latencies.map((d) => d.ms);
  console.log(`bench/library/browser: ${COUNT} generated postmortems (${(zip.length / 1024).toFixed(0)} KB .zip) against an empty ` +
    `library, ${ROUNDS} round(s), headless Chromium, 1280x800`);
  console.log(`  import of the .zip (${COUNT} drafts): ${(big.importMs / 1000).toFixed(1)} s`);
  const builds = big.builds || [big.open.build];
  for (const b of builds) {
    console.log(`  index build in the worker: ${ms(b.worker)} of the worker's time (first batch taken to last answered: ` +
      `${ms(b.workerSpan)}); on the page, ${ms(b.ms)} from the first batch sent to the last answer received; ` +
      `${b.batches} batches, ${(b.bytes / 1048576).toFixed(1)} MB of JSON; the worker's start before it: ${ms(b.start)}`);
  }
  const mem = (x) => (x ? `${(x / 1048576).toFixed(1)} MB` : 'not reachable');
  console.log(`  library worker's wasm memory: ${mem(big.open.memory)} (empty library: ${mem(base.open.memory)})`);
  for (const [label, s] of [['empty library (baseline)', base], [`${COUNT} postmortems`, big]]) {
    const xs = lat(s);
    console.log(`  search, last keystroke -> results drawn, ${label}: median ${ms(median(xs))}, p95 ${ms(pct(xs, 95))}, ` +
      `max ${ms(Math.max(...xs))} (${xs.length} queries)` + (s === big ? `  goal <= ${LATENCY_GOAL_MS} ms: ${Math.max(...xs) <= LATENCY_GOAL_MS ? 'met' : 'MISSED'}` : ''));
  }
  for (const [label, s] of [['empty library (baseline)', base], [`${COUNT} postmortems`, big]]) {
    const xs = s.typing.latencies.map((d) => d.worker).filter((x) => x != null);
    console.log(`  search, the worker's own time per query, ${label}: median ${ms(median(xs))}, p95 ${ms(pct(xs, 95))}, ` +
      `max ${ms(Math.max(...xs))} (${xs.length} queries)` + (s === big ? `  goal <= ${LATENCY_GOAL_MS} ms: ${Math.max(...xs) <= LATENCY_GOAL_MS ? 'met' : 'MISSED'}` : ''));
  }
  console.log('  per query (' + COUNT + ' postmortems; ms after the last keystroke: asked, answered by the worker (its own time), ' +
              'answer received by the page, drawn; matches):');
  const f0 = (x) => (x == null ? '-' : x.toFixed(0));
  for (const d of big.typing.latencies) {
    console.log(`    ${d.q}: ${f0(d.asked)}, ${f0(d.workerDone)} (${d.worker == null ? '-' : d.worker.toFixed(1)}), ${f0(d.answered)}, ${f0(d.ms)}; ${d.total}`);
  }
  console.log(`frames (rAF callback, main thread; "build" is window.hindsight.frameBuildMs(), the wasm's CPU time per frame)`);
  frameRow('opening the library while the index is built', base.open.frames, big.open.frames);
  frameRow('typing queries in the library', base.typing.frames, big.typing.frames);
  frameRow('scrolling the library\'s results', base.scrollResults, big.scrollResults);
  frameRow('scrolling the overview', base.scrollOverview, big.scrollOverview);
  const errs = [...base.errors, ...big.errors];
  if (errs.length) console.log('page errors: ' + errs.join(' | '));
})().catch((e) => { console.error(e); process.exit(1); });
