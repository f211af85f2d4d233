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

// Opens `json` and waits for the first complete frame: one drawn after the call that left no glyph for the next
// frame (window.hindsight.glyphs().pending; a frame that meets glyphs not yet in the atlas draws them blank and asks
// for another). Returns [ms from the call to that frame, glyphs rasterised, frames drawn until then].
async function openOnce(page, json) {
  return page.evaluate(async (text) => {
    const H = window.hindsight;
    const g0 = H.glyphs().added, f0 = H.frameCount();
    const t0 = performance.now();
    H.openJSON(text, 'bench.json');
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      const f = H.frameCount(), g = H.glyphs();
      if (f > f0 && !g.pending) return [performance.now() - t0, g.added - g0, f - f0];
      if (performance.now() - t0 > 10000) return [NaN, g.added - g0, f - f0];
    }
  }, json);
}

(async () => {
  const server = await h.startServer();
  const browser = await h.launch();
  const times = CASES.map(() => []), glyphs = CASES.map(() => 0), frames = CASES.map(() => []);
  try {
    for (let r = 0; r < RUNS; r++) {
      for (let c = 0; c < CASES.length; c++) {  // alternate, so machine noise hits every case alike
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.evaluate(() => window.hindsight.ready);
        await page.waitForTimeout(300);
        const [ms, g, f] = await openOnce(page, S(CASES[c][1]));
        times[c].push(ms);
        glyphs[c] = g;
        frames[c].push(f);
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
    console.log(`  ${name.padEnd(42)} ${kb.padStart(5)} KB  ${m.toFixed(1).padStart(7)} ms  (min ${Math.min(...times[c]).toFixed(1)}, ` +
                `max ${Math.max(...times[c]).toFixed(1)}; ${glyphs[c]} glyphs rasterised, ${median(frames[c])} frames)  ${delta}`);
  });
})().catch((e) => { console.error(e); process.exit(1); });
