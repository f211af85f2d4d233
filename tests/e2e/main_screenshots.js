// Screenshots of the main screen for README.md and docs/screenshots: the SRE sample, light and dark, at 1280x800
// and on a 390x844 phone at 3x, and the Japanese and Russian samples. Run after a web build:
// node tests/e2e/main_screenshots.js
'use strict';
const fs = require('fs');
const path = require('path');
const h = require('./harness');

const sample = fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'sre-checkout-outage.json'), 'utf8');
const ja = fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'ja-payment-gateway-timeout.json'), 'utf8');
const ru = fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', 'ru-courier-dispatch-backlog.json'), 'utf8');
const desk = { width: 1280, height: 800 }, phone = { width: 390, height: 844 };
h.screenshotDocs([
  ['main-light-1280.png', sample, { viewport: desk, colorScheme: 'light' }],
  ['main-dark-1280.png', sample, { viewport: desk, colorScheme: 'dark' }],
  ['main-light-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'light' }],
  ['main-dark-390.png', sample, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'dark' }],
  ['sample-ja-light-1280.png', ja, { viewport: desk, colorScheme: 'light' }],
  ['sample-ru-dark-1280.png', ru, { viewport: desk, colorScheme: 'dark' }],
  ['sample-ja-light-390.png', ja, { viewport: phone, deviceScaleFactor: 3, colorScheme: 'light' }],
], 'section.summary').catch((e) => { console.error(e); process.exit(1); });
