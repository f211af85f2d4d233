#!/usr/bin/env node
// bench/startup: median time from navigation to the first drawn frame (window.hindsight.ready) over cold loads,
// against a bare Dear ImGui page built with the same toolchain and flags; plus the gzip transfer size of dist/.
// Usage: node bench/startup/startup.js [runs]   (builds nothing: run `python3 serve.py --build` and
//        `cmake --build --preset web --target bare_imgui` first)
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = Math.max(5, Number(process.argv[2] || 7));
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.webmanifest': 'application/manifest+json' };
const ROUTES = { '/app/': path.join(ROOT, 'dist'), '/bare/': path.join(ROOT, 'build', 'web') };
const BARE_FILES = { 'bare.html': path.join(__dirname, 'bare.html'), 'bare-start.js': path.join(__dirname, 'bare-start.js') };

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    for (const [prefix, dir] of Object.entries(ROUTES)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const rel = url.pathname.slice(prefix.length) || 'index.html';
      const file = prefix === '/bare/' && BARE_FILES[rel] ? BARE_FILES[rel] : path.join(dir, path.normalize(rel));
      if (!file.startsWith(dir) && !Object.values(BARE_FILES).includes(file)) break;
      fs.readFile(file, (err, data) => {
        if (err) { res.writeHead(404); res.end(); return; }
        res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
        res.end(data);
      });
      return;
    }
    res.writeHead(404); res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

(async () => {
  for (const f of [path.join(ROOT, 'dist', 'hindsight.wasm'), path.join(ROOT, 'build', 'web', 'bare.wasm')])
    if (!fs.existsSync(f)) { console.error(`missing ${path.relative(ROOT, f)}: build it first (see usage)`); process.exit(1); }
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
    '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  // Alternate the two so that machine noise hits both alike.
  const app = [], bare = [];
  for (let r = 0; r < RUNS; r++) {
    bare.push(...await measureOnce(browser, `${base}/bare/bare.html`, 'bare'));
    app.push(...await measureOnce(browser, `${base}/app/index.html`, 'app'));
  }
  await browser.close();
  server.close();
  // The first load (what the page fetches before it is ready) against the budget, and the files fetched later, as
  // scripts/budget.py counts them: the figure the ctest gates (Node's zlib compresses the wasm ~3 KB worse).
  const budget = require('child_process').execFileSync('python3', [path.join(ROOT, 'scripts', 'budget.py'), path.join(ROOT, 'dist')])
    .toString();
  const figure = (re) => { const m = budget.match(re); return m ? Number(m[1].replace(/,/g, '')) : NaN; };
  const raw = figure(/first load: ([\d,]+) B raw/), gz = figure(/first load: [\d,]+ B raw, ([\d,]+) B gzip/);
  const lazyGz = figure(/lazy files: [\d,]+ B raw, ([\d,]+) B gzip/);
  const ma = median(app), mb = median(bare);
  console.log(`startup: ${RUNS} cold loads each, headless Chromium (software WebGL)`);
  console.log(`  hindsight  navigation -> ready: median ${ma.toFixed(0)} ms  (runs: ${app.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`  bare imgui navigation -> first frame: median ${mb.toFixed(0)} ms  (runs: ${bare.map((t) => t.toFixed(0)).join(', ')})`);
  console.log(`  ratio: ${(ma / mb).toFixed(2)}x  (goal <= 1.5x)`);
  printBreakdown();
  console.log(`  first load: ${gz.toLocaleString('en')} B gzip (${raw.toLocaleString('en')} B raw; budget 450,000 B); ` +
              `fetched later: ${lazyGz.toLocaleString('en')} B gzip`);
})().catch((e) => { console.error(e); process.exit(1); });

async function measureOnce(browser, url, expr) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  // A function, not a string: the app's CSP forbids evaluating strings.
  const read = (which) => (which === 'bare' ? window.bareReadyAt : (window.hindsight && window.hindsight.readyAt));
  await page.waitForFunction(read, expr, { timeout: 60000, polling: 20 });
  const t = await page.evaluate(read, expr);
  if (expr === 'app') {  // the app's own performance marks (web/app.js, src/platform/web/main.cpp), for the breakdown
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    marks.ready = t;
    appMarks.push(marks);
  }
  await context.close();
  return [t];
}

// Where the app's time goes: the median of each step over the runs (ms).
const appMarks = [];
const STEPS = [
  ['page and scripts loaded', null, 'hs-js-loaded'],
  ['wasm compiled and instantiated', 'hs-js-loaded', 'hs-wasm-instantiated'],
  ['runtime started, main()', 'hs-wasm-instantiated', 'hs-main'],
  ['WebGL, ImGui and the app set up', 'hs-main', 'hs-app-ready'],
  ['until the first frame starts', 'hs-app-ready', 'hs-fonts-start'],
  ['font atlas rasterised', 'hs-fonts-start', 'hs-fonts-raster'],
  ['font atlas uploaded', 'hs-fonts-raster', 'hs-fonts-end'],
  ['first frame built', 'hs-fonts-end', 'hs-first-frame-built'],
  ['first frame drawn', 'hs-first-frame-built', 'ready'],
];
function printBreakdown() {
  if (!appMarks.length || !appMarks.every((m) => STEPS.every(([, a, b]) => (a === null || a in m) && b in m))) return;
  console.log('  hindsight, median per step:');
  for (const [what, a, b] of STEPS)
    console.log(`    ${what.padEnd(34)} ${median(appMarks.map((m) => m[b] - (a === null ? 0 : m[a]))).toFixed(0).padStart(5)} ms`);
}
