// Alert and status page exports dropped on the app: recognised by their content in the worker (open_any) and
// imported as the CLI imports them, with the events on the timeline.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const DATA = path.join(h.ROOT, 'tests', 'data', 'import');
const CLI = path.join(h.ROOT, 'build', 'native', 'hindsight');

const drop = h.drop;

async function dropAndCompare(page, kind, rel, name) {
  const file = path.join(DATA, rel);
  const before = await page.evaluate(() => window.hindsight.document());
  await drop(page, name, fs.readFileSync(file, 'utf8'));
  await page.waitForFunction((prev) => {
    const d = window.hindsight.document();
    return d !== null && d !== prev;
  }, before);
  const got = await h.doc(page);
  const want = JSON.parse(execFileSync(CLI, ['import', kind, file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  assert.equal(got.title, want.title, `${name}: the title the CLI gives`);
  assert.deepEqual(got.timeline.map((e) => [e.time, e.type || 'note', e.description]),
    want.timeline.map((e) => [e.time, e.type || 'note', e.description]), `${name}: the CLI's events`);
  return got;
}

test('importers: dropped Alertmanager, Grafana and Statuspage files become drafts with their events', async () => {
  const { page, context, errors, foreign } = await h.openApp(browser, server, { viewport: { width: 1400, height: 900 } });
  // Alertmanager payloads saved one per line, as a webhook receiver logs them.
  const am = await dropAndCompare(page, 'alertmanager', 'alertmanager/firing_then_resolved.jsonl', 'alerts-2026-03-10.jsonl');
  assert.deepEqual(am.timeline.map((e) => e.type), ['detected', 'detected', 'resolved', 'resolved']);
  assert.equal(am.timeline[0].x_alert.labels.alertname, 'CheckoutHighErrorRate', 'labels kept as details');
  assert.match(am.timeline[0].description, /チェックアウト.*🔥/);
  await h.settle(page);
  await page.screenshot({ path: h.shotPath('importers-alertmanager.png') });
  const gf = await dropAndCompare(page, 'grafana', 'grafana/firing_then_resolved.jsonl', 'grafana.json');
  assert.equal(gf.timeline[0].utc_offset, '+09:00');
  const sp = await dropAndCompare(page, 'statuspage', 'statuspage/incident.json', 'incident.json');
  assert.equal(sp.timeline.filter((e) => (e.tags || []).includes('customer-facing')).length, 5);
  await h.settle(page);
  await page.screenshot({ path: h.shotPath('importers-statuspage.png') });
  const drafts = await page.evaluate(() => window.hindsight.drafts());
  assert.equal(drafts.length, 3, 'each import is a draft');
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
});
