// Screenshots of the main screen for README.md and docs/screenshots: the SRE sample, light and dark, at 1280x800
// and on a 390x844 phone at 3x. Run after a web build: node tests/e2e/main_screenshots.js
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness');

async function main() {
  const server = await h.startServer();
  const browser = await h.launch();
  const sample = fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'sre-checkout-outage.json'), 'utf8');
  try {
    const shots = [
      ['main-light-1280.png', { width: 1280, height: 800 }, 1, 'light'],
      ['main-dark-1280.png', { width: 1280, height: 800 }, 1, 'dark'],
      ['main-light-390.png', { width: 390, height: 844 }, 3, 'light'],
      ['main-dark-390.png', { width: 390, height: 844 }, 3, 'dark'],
    ];
    for (const [file, viewport, deviceScaleFactor, colorScheme] of shots) {
      const { page, context } = await h.openApp(browser, server, { viewport, deviceScaleFactor, colorScheme });
      await page.bringToFront();
      await page.evaluate((t) => window.hindsight.openJSON(t, 'sample.json'), sample);
      await h.settle(page, 300);
      await h.locate(page, 'section.summary');
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
