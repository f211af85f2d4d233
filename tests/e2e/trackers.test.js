// Action items for trackers, from the app: Export offers Jira and GitLab CSV whose rows carry each item's
// hindsight-<id> label (what a tracker's own CSV export is matched back with), read back with an RFC 4180 reader; the
// tracker's own CSV export of those issues, dropped or picked, proposes status, due date and ticket changes in a
// dialog, which Apply makes as one undo step.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
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

// The postmortem of tests/data/tracker: four action items in Japanese, Russian, Greek (with an emoji) and English; the
// Russian one already links to its Jira issue, which tells the app the Jira site's address.
const POSTMORTEM = fs.readFileSync(path.join(h.ROOT, 'tests', 'data', 'tracker', 'postmortem.json'), 'utf8');

function csvCell(v) { return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
function csvText(rows) { return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'; }
// A date as Jira's CSV export writes it: 12/Dec/26 3:45 PM.
function jiraDate(iso, time) {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = iso.split('-');
  return `${d}/${months[+m - 1]}/${y.slice(2)} ${time}`;
}

async function openPostmortem(page) {
  assert.ok(await page.evaluate((t) => window.hindsight.openJSON(t, 'postmortem.json'), POSTMORTEM));
  await h.settle(page);
}

async function downloadExport(page, name) {
  await h.click(page, 'topbar.export');
  const [dl] = await Promise.all([page.waitForEvent('download'), h.click(page, name)]);
  return parseCsv(fs.readFileSync(await dl.path(), 'utf8'));
}

const drop = (page, name, text) => h.drop(page, name, text, 'text/csv');

const byId = (d) => Object.fromEntries(d.action_items.map((a) => [a.id, a]));

test('a Jira CSV export of the exported items, dropped on the app, marks two items done after confirming; undo, redo', async () => {
  const { page, context, errors, foreign } = await h.openApp(browser, server, { viewport: { width: 1280, height: 800 } });
  await openPostmortem(page);
  const before = await h.doc(page);
  const exported = await downloadExport(page, 'export.jira_csv');
  // What Jira's Export > Export Excel CSV (all fields) gives for the issues that export created: its own columns,
  // Labels once per label, dates as 12/Dec/26 3:45 PM, and one more issue of the project with no Hindsight label.
  const header = ['Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Project key', 'Priority', 'Resolution',
    'Assignee', 'Reporter', 'Created', 'Updated', 'Due Date', 'Labels', 'Labels', 'Labels', 'Description',
    'Custom field (Story Points)'];
  const done = new Set([0, 2]);  // the Japanese item and the Greek one
  const keys = ['OPS-4111', 'OPS-4112', 'OPS-4113', 'OPS-4114'];  // the Russian item's is the one it links to
  const rows = exported.slice(1).map((r, i) => {
    const [summary, type, status, priority, assignee, due, label, incident, description] = r;
    const jiraStatus = done.has(i) ? 'Done' : status;
    return [summary, keys[i], String(10231 + i), type, jiraStatus, 'OPS', priority, done.has(i) ? 'Done' : '',
      assignee, 'Payments SRE', '01/Dec/26 9:12 AM', jiraDate('2026-12-15', '3:45 PM'),
      due ? jiraDate(due, '12:00 AM') : '', incident, label, 'postmortem', description, i === 0 ? '3' : ''];
  });
  rows.push(['Upgrade the load balancer, then drain old nodes', 'OPS-4120', '10240', 'Story', 'To Do', 'OPS', 'Medium',
    '', '', 'Platform', '03/Dec/26 8:00 AM', '03/Dec/26 8:00 AM', '', 'capacity', '', '', 'Not from a postmortem.', '']);
  await drop(page, 'Jira 2026-12-15T15_45_00+0900.csv', csvText([header, ...rows]));
  await h.locate(page, 'tracker.apply');
  for (const id of ['ai-3f9a1c02', 'ai-0c55d9e8']) {
    await h.locate(page, `tracker.change.${id}/status`);
    await h.locate(page, `tracker.change.${id}/ticket_url`);
  }
  assert.equal(await page.evaluate(() => window.hindsight.locate('tracker.change.ai-7b20e4d1/status')), null,
    'an item whose status is the same in Jira has no change');
  await h.settle(page);
  await page.screenshot({ path: h.shotPath('tracker-update-1280.png') });
  assert.deepEqual(await h.doc(page), before, 'nothing changes before Apply');
  await h.click(page, 'tracker.apply');
  const after = byId(await h.doc(page));
  const statuses = Object.values(after).filter((a) => a.status === 'done').map((a) => a.id).sort();
  assert.deepEqual(statuses, ['ai-0c55d9e8', 'ai-3f9a1c02'], 'exactly the two items Jira has as Done');
  assert.equal(after['ai-3f9a1c02'].ticket_url, 'https://acme.atlassian.net/browse/OPS-4111');
  assert.equal(after['ai-0c55d9e8'].ticket_url, 'https://acme.atlassian.net/browse/OPS-4113');
  assert.equal(after['ai-7b20e4d1'].status, 'in_progress');
  assert.equal(after['ai-7b20e4d1'].ticket_url, 'https://acme.atlassian.net/browse/OPS-4112');
  assert.equal(after['ai-9d41aa73'].status || 'open', 'open', 'To Do in Jira: still open (the default, not written)');
  assert.equal(after['ai-3f9a1c02'].due, '2026-12-12', 'the due date Jira gives back is the one it had');
  // One undo step takes the whole update back; redo makes it again.
  await page.keyboard.press('Control+z');
  await h.settle(page);
  assert.deepEqual((await h.doc(page)).action_items, before.action_items);
  await page.keyboard.press('Control+Shift+z');
  await h.settle(page);
  assert.deepEqual(byId(await h.doc(page))['ai-0c55d9e8'], after['ai-0c55d9e8']);
  // A tracker export naming none of this postmortem's items changes nothing and says so.
  const now = await h.doc(page);
  const foreignRows = rows.map((r) => r.map((c) => c.replace(/hindsight-ai-[0-9a-f]+/g, 'hindsight-ai-00000000')));
  await drop(page, 'other-team.csv', csvText([header, ...foreignRows]));
  await h.locate(page, 'problem.ok');
  assert.equal(await page.evaluate(() => window.hindsight.locate('tracker.apply')), null);
  await h.click(page, 'problem.ok');
  assert.deepEqual(await h.doc(page), now);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, [], 'the update makes no request outside the app origin');
  await context.close();
});

test('on a phone in the dark theme, a GitLab issue export picked from the action items updates them with Enter', async () => {
  const { page, context, errors } = await h.openApp(browser, server, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, colorScheme: 'dark' });
  await openPostmortem(page);
  const exported = await downloadExport(page, 'export.gitlab_csv');
  // GitLab's issue list > Export as CSV: its columns, the description as imported (with the hindsight- label).
  const header = ['Issue ID', 'URL', 'Title', 'State', 'Description', 'Author', 'Author Username', 'Assignee',
    'Assignee Username', 'Confidential', 'Locked', 'Due Date', 'Created At (UTC)', 'Updated At (UTC)',
    'Closed At (UTC)', 'Milestone', 'Weight', 'Labels', 'Time Estimate', 'Time Spent'];
  const closed = new Set([0, 2]);
  const rows = exported.slice(1).map(([title, description, due], i) => {
    const iid = String(57 + i), when = '2026-12-14 15:45:00';
    return [iid, `https://gitlab.example.com/payments/api/-/issues/${iid}`, title, closed.has(i) ? 'Closed' : 'Open',
      description, 'Payments SRE', 'payments-sre', '', '', 'No', 'No', due, '2026-12-01 09:12:00', when,
      closed.has(i) ? when : '', '', '', 'postmortem', '0', '0'];
  });
  await h.scrollIntoView(page, 'actions.tracker_update');  // first: on a loaded machine scrolling takes a while
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), h.click(page, 'actions.tracker_update')]);
  await chooser.setFiles({ name: 'payments-api_issues_2026-12-15.csv', mimeType: 'text/csv',
    buffer: Buffer.from(csvText([header, ...rows])) });
  const apply = await h.locate(page, 'tracker.apply');
  assert.ok(apply.rect.x >= 0 && apply.rect.x + apply.rect.w <= 390, 'Apply is on the phone screen');
  await h.settle(page);
  await page.screenshot({ path: h.shotPath('tracker-update-390-dark.png') });
  await page.keyboard.press('Enter');
  await h.settle(page);
  const after = byId(await h.doc(page));
  assert.deepEqual(Object.values(after).filter((a) => a.status === 'done').map((a) => a.id).sort(),
    ['ai-0c55d9e8', 'ai-3f9a1c02']);
  assert.equal(after['ai-3f9a1c02'].ticket_url, 'https://gitlab.example.com/payments/api/-/issues/57');
  assert.equal(after['ai-7b20e4d1'].status, 'in_progress', "GitLab's Open does not undo In progress");
  await page.screenshot({ path: h.shotPath('tracker-update-390-after.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
