// The trends view over an imported history: 40 generated postmortems (scripts/gen_library.py) zipped and opened in
// the app, the trends opened from the drafts overview, a chart switched to its table and its figures checked against
// the CLI's `hindsight stats` over the same files, the report exported (the same Markdown as `hindsight stats
// --markdown`), and screenshots in both themes at 1280 px and 390 px.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('./harness');

let server, browser, dir;
before(async () => {
  server = await h.startServer();
  browser = await h.launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-trends-'));
});
after(async () => {
  if (browser) await browser.close();
  if (server) server.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const COUNT = 40;
const cli = () => path.join(h.ROOT, 'build', 'native', 'hindsight');

// The generator's JSON files, and the same files zipped as a team would (Python's zipfile).
function history() {
  const src = path.join(dir, 'postmortems');
  execFileSync('python3', [path.join(h.ROOT, 'scripts', 'gen_library.py'), src, '--count', String(COUNT), '--seed', '21']);
  const zip = path.join(dir, 'history.zip');
  return { src, bytes: h.zipFolder(src, zip, 'history') };
}

// Given to the page's file picker (the input behind Open and Ctrl+O), as a person picks a team's archive.
async function openZip(page, bytes) {
  await page.setInputFiles('input[type=file]', { name: 'history.zip', mimeType: 'application/zip', buffer: bytes });
}

// Scrolls the charts (a pane inside the dialog) with the wheel until control `name` is in its upper half: the pane
// ends above the dialog's Close button, inside the page's viewport.
async function scrollCharts(page, name) {
  for (let i = 0; i < 40; i++) {
    const at = await h.locate(page, name);
    if (at.rect.y > 100 && at.rect.y < 450) return;
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, at.rect.y >= 450 ? 200 : -200);
    await h.settle(page);
  }
  throw new Error('could not scroll ' + name + ' into the charts pane');
}

async function shot(page, name) {
  await h.settle(page);
  await page.screenshot({ path: h.shotPath(name) });
}

test('trends over an imported history: charts, a table matching hindsight stats, the report, both themes', async () => {
  const { src, bytes } = history();
  const { page, errors } = await h.openApp(browser, server, { deviceScaleFactor: 2 });
  await openZip(page, bytes);
  await h.locate(page, 'problem.ok', 60000);  // the import's report
  await h.click(page, 'problem.ok');
  await page.waitForFunction((n) => window.hindsight.drafts().length >= n, COUNT, { timeout: 30000, polling: 200 });

  await h.click(page, 'drafts.overview');
  await h.click(page, 'overview.trends');
  await page.waitForFunction(() => { const t = window.hindsight.trends(); return t && t.open && !t.loading; },
    null, { timeout: 30000, polling: 100 });
  for (let c = 0; c < 6; c++) await h.locate(page, 'trends.chart.' + c);
  await shot(page, 'trends-1280-light.png');

  // The app's "today" is the page's clock; the CLI measures overdue against the same date.
  const today = new Date().toISOString().slice(0, 10);
  const stats = JSON.parse(execFileSync(cli(), ['stats', src, '--json', '--today', today]).toString());
  assert.equal(stats.incidents, COUNT);

  // Incidents per month by severity, as its table.
  await h.click(page, 'trends.table.0');
  await h.locate(page, 'trends.figures.0');
  await page.waitForFunction(() => window.hindsight.trends().tables['0'], null, { timeout: 5000, polling: 100 });
  let t = await page.evaluate(() => window.hindsight.trends());
  assert.ok(t.tables['0'], 'table 0 in ' + JSON.stringify(t).slice(0, 300));
  const rows = t.tables['0'].trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(rows[0], ['Month', 'Incidents', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'Not set']);
  assert.equal(rows.length - 1, stats.months.length);
  stats.months.forEach((m, i) => {
    const want = [m.month, String(m.incidents)].concat(['1', '2', '3', '4', '5', '0'].map((k) => String(m.by_severity[k] || 0)));
    assert.deepEqual(rows[i + 1], want, 'month ' + m.month);
  });
  assert.ok(stats.months.some((m) => m.incidents > 0));
  await shot(page, 'trends-table-1280-light.png');

  // The services, as a table too.
  await scrollCharts(page, 'trends.table.3');
  await h.click(page, 'trends.table.3');
  await h.locate(page, 'trends.figures.3');
  await shot(page, 'trends-services-table-1280-light.png');
  t = await page.evaluate(() => window.hindsight.trends());
  assert.deepEqual(t.tables['3'].trim().split('\n').slice(1).map((l) => l.split('\t')), stats.services.map((s) => [s.name, String(s.count)]));
  assert.ok(stats.services.length > 0);

  // The report: the same Markdown as the CLI's.
  const [dl] = await Promise.all([page.waitForEvent('download'), h.click(page, 'trends.export')]);
  assert.equal(dl.suggestedFilename(), 'hindsight-trends-' + today + '.md');
  const md = fs.readFileSync(await dl.path(), 'utf8');
  assert.equal(md, execFileSync(cli(), ['stats', src, '--markdown', '--today', today]).toString());
  assert.match(md, /## Incidents per month by severity/);
  const [dl2] = await Promise.all([page.waitForEvent('download'), h.click(page, 'trends.export_html')]);
  assert.equal(dl2.suggestedFilename(), 'hindsight-trends-' + today + '.html');
  const html = fs.readFileSync(await dl2.path(), 'utf8');
  assert.match(html, /<h2>Most|<h2>Incidents per month by severity<\/h2>/);
  assert.ok(html.includes('<td>' + stats.services[0].name + '</td><td>' + stats.services[0].count + '</td>'));

  // Both tables back to charts; then the dark theme and a phone's width.
  await h.click(page, 'trends.table.3');
  await scrollCharts(page, 'trends.table.0');
  await h.click(page, 'trends.table.0');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'trends-1280-dark.png');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'trends-390-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'trends-390-light.png');
  assert.deepEqual(errors, []);
});

test('the trends view of an empty library says so', async () => {
  const { page, errors } = await h.openApp(browser, server);
  await page.waitForFunction(() => window.hindsight.storage().loaded, null, { timeout: 10000 });
  // No drafts: the overview still opens the trends, which say there is nothing to chart yet.
  const drafts = await page.evaluate(() => window.hindsight.drafts());
  assert.equal(drafts.length, 0);
  await h.click(page, 'drafts.overview');
  await h.click(page, 'overview.trends');
  await h.locate(page, 'trends.empty');
  assert.deepEqual(errors, []);
});
