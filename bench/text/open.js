#!/usr/bin/env node
// bench/text: time from opening a postmortem to its first complete frame (every visible glyph drawn), for a
// document written in Japanese and one in Russian, each against a Latin-only postmortem of similar size, in the same
// run and in fresh pages (no glyph cached yet). Goal (docs/text.md, issue "text fidelity"): within 100 ms of the
// Latin-only case. Also prints how many glyphs were rasterised on demand.
// Usage: node bench/text/open.js [runs]   (after `python3 serve.py --build`)
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('../../tests/e2e/harness');

const RUNS = Math.max(5, Number(process.argv[2] || 9));
const S = (n) => fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', n), 'utf8');
const CASES = [
  ['Latin (atlassian-db-failover, English)', 'atlassian-db-failover.json'],
  ['Japanese (ja-payment-gateway-timeout)', 'ja-payment-gateway-timeout.json'],
  ['Russian (ru-courier-dispatch-backlog)', 'ru-courier-dispatch-backlog.json'],
].filter(([, f]) => fs.existsSync(path.join(h.ROOT, 'assets', 'samples', f)));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// Opens `json` and waits until the app stops drawing (rendering is on demand: a frame with glyphs still to come asks
// for the next one). Returns ms from the call to the end of the last frame.
async function openOnce(page, json) {
  return page.evaluate(async (text) => {
    const t0 = performance.now();
    window.hindsight.openJSON(text, 'bench.json');
    let last = window.hindsight.frameCount(), end = performance.now(), still = 0;
    while (still < 12) {
      await new Promise((r) => requestAnimationFrame(r));
      const n = window.hindsight.frameCount();
      if (n !== last) { last = n; end = performance.now(); still = 0; } else still++;
    }
    return end - t0;
  }, json);
}

(async () => {
  const server = await h.startServer();
  const browser = await h.launch();
  const times = CASES.map(() => []);
  try {
    for (let r = 0; r < RUNS; r++) {
      for (let c = 0; c < CASES.length; c++) {  // alternate, so machine noise hits every case alike
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.evaluate(() => window.hindsight.ready);
        await page.waitForTimeout(300);
        times[c].push(await openOnce(page, S(CASES[c][1])));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  const base = median(times[0]);
  console.log(`bench/text: open a postmortem -> first complete frame, median of ${RUNS} fresh pages, 1280x800 @1x`);
  CASES.forEach(([name, file], c) => {
    const m = median(times[c]);
    const kb = (Buffer.byteLength(S(file)) / 1024).toFixed(1);
    const delta = c === 0 ? 'baseline' : `${m - base >= 0 ? '+' : ''}${(m - base).toFixed(1)} ms vs Latin (goal <= +100 ms)`;
    console.log(`  ${name.padEnd(42)} ${kb.padStart(5)} KB  ${m.toFixed(1).padStart(7)} ms  (min ${Math.min(...times[c]).toFixed(1)}, max ${Math.max(...times[c]).toFixed(1)})  ${delta}`);
  });
})().catch((e) => { console.error(e); process.exit(1); });
