// A team's history brought in at once: 50 generated postmortems (scripts/gen_library.py), ten of them exported to
// Markdown by the CLI, zipped with a file that is no postmortem, dropped on the app: every postmortem becomes a draft
// and one message says what was imported and what was not.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const COUNT = 50, AS_MARKDOWN = 10;

// The archive, made the way a team would: the generator's JSON files, some as Markdown, zipped by Python's zipfile.
function historyZip() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-library-'));
  const src = path.join(dir, 'json'), out = path.join(dir, 'postmortems');
  execFileSync('python3', [path.join(h.ROOT, 'scripts', 'gen_library.py'), src, '--count', String(COUNT), '--seed', '7']);
  fs.mkdirSync(out);
  const cli = path.join(h.ROOT, 'build', 'native', 'hindsight'), titles = [], mdTitles = [];
  fs.readdirSync(src).sort().forEach((name, i) => {
    const file = path.join(src, name), title = JSON.parse(fs.readFileSync(file, 'utf8')).title;
    titles.push(title);
    if (i < AS_MARKDOWN) {
      fs.writeFileSync(path.join(out, name.replace(/\.json$/, '.md')), execFileSync(cli, ['export', 'md', file]));
      mdTitles.push(title);
    } else {
      fs.copyFileSync(file, path.join(out, name));
    }
  });
  fs.writeFileSync(path.join(out, 'README.txt'), 'Разборы инцидентов платформы, один файл на инцидент 📚\n');
  const zip = path.join(dir, 'history.zip');
  execFileSync('python3', ['-c', 'import sys, zipfile, os\n' +
    'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n' +
    '    for n in sorted(os.listdir(sys.argv[2])): z.write(os.path.join(sys.argv[2], n), "postmortems/" + n)\n',
    zip, out]);
  const bytes = fs.readFileSync(zip);
  fs.rmSync(dir, { recursive: true, force: true });
  return { bytes, titles, mdTitles };
}

test('a .zip of 50 postmortems (JSON and Markdown) dropped on the app: 50 drafts and a report', async () => {
  const { page, errors } = await h.openApp(browser, server);
  const { bytes, titles, mdTitles } = historyZip();
  assert.equal(titles.length, COUNT);
  await page.evaluate((data) => {
    const u8 = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([u8], 'history.zip'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, bytes.toString('base64'));
  await h.locate(page, 'problem.ok', 60000);
  await h.settle(page);
  await page.screenshot({ path: h.shotPath('library-import-report.png') });
  await page.waitForFunction((n) => window.hindsight.drafts().length >= n, COUNT, { timeout: 30000, polling: 200 });
  const drafts = await page.evaluate(() => window.hindsight.drafts());
  assert.equal(drafts.length, COUNT);
  assert.deepEqual(drafts.map((d) => d.title).sort(), titles.slice().sort());
  for (const t of mdTitles) assert.ok(drafts.some((d) => d.title === t), 'the Markdown one "' + t + '" is a draft');
  assert.deepEqual(errors, []);
});
