// Screenshots of the main screen for README.md and docs/screenshots: the SRE sample, light and dark, at 1280x800
// and on a 390x844 phone at 3x, and the Japanese and Russian samples; the SRE sample's action items (the table at
// 1280 px, cards on the phone) and the phone's share panel. Run after a web build:
// node tests/e2e/main_screenshots.js
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness');

const sample = fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'sre-checkout-outage.json'), 'utf8');
const ja = fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'ja-payment-gateway-timeout.json'), 'utf8');
const ru = fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'ru-courier-dispatch-backlog.json'), 'utf8');
const desk = { width: 1280, height: 800 }, phone = { width: 390, height: 844 };

// Scrolls with the wheel until the action items' header is near the top.
async function actionItems(page) {
  await h.scrollIntoView(page, 'section.action_items');
  for (let i = 0; i < 20; i++) {
    const r = (await h.locate(page, 'section.action_items')).rect;
    if (r.y < 120) break;
    await page.mouse.move(page.viewportSize().width / 2, page.viewportSize().height / 2);
    await page.mouse.wheel(0, Math.min(300, (r.y - 70) * 4));  // a wheel step of 300 scrolls about 75 px
    await h.settle(page);
  }
}

// Opens Share and creates the link: the panel with its "where it fits" table.
async function sharePanel(page) {
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.create');
  await h.locate(page, 'share.fit_note.4');
}
h.screenshotDocs([
  ['main-light-1280.png', sample, { viewport: desk, colorScheme: 'light' }],
  ['main-dark-1280.png', sample, { viewport: desk, colorScheme: 'dark' }],
  ['main-light-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'light' }],
  ['main-dark-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'dark' }],
  ['sample-ja-light-1280.png', ja, { viewport: desk, colorScheme: 'light' }],
  ['sample-ru-dark-1280.png', ru, { viewport: desk, colorScheme: 'dark' }],
  ['sample-ja-light-390.png', ja, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'light' }],
  ['actions-light-1280.png', sample, { viewport: desk, colorScheme: 'light' }, actionItems],
  ['actions-light-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'light' }, actionItems],
  ['actions-dark-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'dark' }, actionItems],
  ['share-light-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'light' }, sharePanel],
  ['share-dark-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'dark' }, sharePanel],
], 'section.summary').catch((e) => { console.error(e); process.exit(1); });
