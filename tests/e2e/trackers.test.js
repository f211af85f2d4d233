// Action items for trackers, from the app: Export offers Jira and GitLab CSV whose rows carry each item's
// hindsight-<id> label (what a tracker's own CSV export is matched back with), read back with an RFC 4180 reader.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

// RFC 4180: quoted cells with "" escapes and line breaks; records end in CRLF.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  assert.equal(quoted, false, 'no quoted cell is left open');
  return rows;
}

test('Export offers Jira and GitLab CSV, each row labelled with its action item', async () => {
  const { page, context, errors, foreign } = await h.openApp(browser, server, { viewport: { width: 1400, height: 900 } });
  await h.click(page, 'welcome.sample.samples/sre-checkout-outage.json');
  const d = await h.doc(page);
  assert.ok(d.action_items.length >= 2, 'the sample has action items');
  const download = async (name) => {
    await h.click(page, 'topbar.export');
    const [dl] = await Promise.all([page.waitForEvent('download'), h.click(page, name)]);
    return { file: dl.suggestedFilename(), rows: parseCsv(fs.readFileSync(await dl.path(), 'utf8')) };
  };
  const jira = await download('export.jira_csv');
  assert.match(jira.file, /-jira\.csv$/);
  assert.deepEqual(jira.rows[0], ['Summary', 'Issue Type', 'Status', 'Priority', 'Assignee', 'Due date', 'Labels',
    'Labels', 'Description']);
  assert.equal(jira.rows.length, d.action_items.length + 1);
  d.action_items.forEach((a, i) => {
    assert.equal(jira.rows[i + 1][6], 'hindsight-' + a.id);
    assert.equal(jira.rows[i + 1][5], a.due || '');
  });
  const gitlab = await download('export.gitlab_csv');
  assert.match(gitlab.file, /-gitlab\.csv$/);
  assert.deepEqual(gitlab.rows[0], ['title', 'description', 'due_date']);
  d.action_items.forEach((a, i) => assert.ok(gitlab.rows[i + 1][1].includes('hindsight-' + a.id)));
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, [], 'exports make no request outside the app origin');
  await context.close();
});
