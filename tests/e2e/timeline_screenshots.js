// Screenshots of the timeline for docs/screenshots: a 30-minute incident, the 3-day sample, a 10,000-event stress
// document. Run after a web build: node tests/e2e/timeline_screenshots.js
'use strict';
const h = require('./harness');
const docs = require('./timeline_docs');

const vp = { width: 1400, height: 1000 };
h.screenshotDocs([
  ['timeline-30min.png', JSON.stringify(docs.incident30()), { viewport: vp, colorScheme: 'light' }],
  ['timeline-3day.png', JSON.stringify(docs.timelineFirst('multi-day-cdn-degradation')), { viewport: vp, colorScheme: 'light' }],
  ['timeline-10k.png', JSON.stringify(docs.stress(10000)), { viewport: vp, colorScheme: 'dark' }],
], 'timeline.canvas').catch((e) => { console.error(e); process.exit(1); });
