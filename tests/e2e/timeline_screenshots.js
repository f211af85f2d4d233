// Screenshots of the timeline for docs/screenshots: a 30-minute incident, the 3-day sample, a 10,000-event stress
// document. Run after a web build: node tests/e2e/timeline_screenshots.js
'use strict';
const path = require('path');
const h = require('./harness');
const docs = require('./timeline_docs');

async function main() {
  const server = await h.startServer();
  const browser = await h.launch();
  try {
    const shots = [
      ['timeline-30min.png', docs.incident30(), 'light'],
      ['timeline-3day.png', docs.timelineFirst('multi-day-cdn-degradation'), 'light'],
      ['timeline-10k.png', docs.stress(10000), 'dark'],
    ];
    for (const [file, doc, scheme] of shots) {
      const { page, context } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1000 }, colorScheme: scheme });
      await page.bringToFront();
      await page.evaluate((t) => window.hindsight.openJSON(t, 'doc.json'), JSON.stringify(doc));
      await h.settle(page, 300);
      await h.locate(page, 'timeline.canvas');
      await h.settle(page, 300);
      await page.screenshot({ path: path.join(h.ROOT, 'docs', 'screenshots', file) });
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
