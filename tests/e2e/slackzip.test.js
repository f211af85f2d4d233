// A whole Slack export dropped as its .zip: the app lists the channels with their message counts and the time
// window, one channel is chosen, and the import brings in only its messages, in time order, with every mention named.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

// ---- a zip writer (stored and deflated entries), as the test's own fixture maker --------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xFFFFFFFF;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xFF] ^ (c >>> 8);
  return (c ^ 0xFFFFFFFF) >>> 0;
}
function makeZip(entries) {  // [{name, text}] -> Buffer; even entries deflated, odd ones stored
  const locals = [], centrals = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const name = Buffer.from(e.name, 'utf8'), data = Buffer.from(e.text, 'utf8');
    const method = i % 2 ? 0 : 8, body = method ? zlib.deflateRawSync(data) : data, crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6);  // UTF-8 names
    local.writeUInt16LE(method, 8); local.writeUInt32LE(0x5C610000, 10); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8); central.writeUInt16LE(method, 10); central.writeUInt32LE(0x5C610000, 12);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(body.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  });
  const dir = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// ---- the export: two channels over two days; one person named only by a user_profile in the other channel --------
const ts = (iso) => (Date.parse(iso) / 1000).toFixed(6);
const ONCALL = { display_name: '大阪オンコール', real_name: 'Osaka on-call' };
const DBA = { display_name: 'Админ базы данных', real_name: 'Database admin' };
const TOP = 'Slack export Apr 2 2026 - Apr 3 2026';
function exportFiles() {
  const json = (v) => JSON.stringify(v, null, 1);
  const top = TOP + '/';
  return [
    { name: top + 'users.json', text: json([{ id: 'U1OSAKA', name: 'oncall-osaka', profile: ONCALL }]) },
    { name: top + 'channels.json', text: json([{ id: 'C1', name: 'inc-search' }, { id: 'C2', name: 'inc-db' }]) },
    { name: top + 'inc-search/2026-04-02.json', text: json([
      { type: 'message', subtype: 'channel_join', user: 'U1OSAKA', text: '<@U1OSAKA> has joined', ts: ts('2026-04-02T21:58:00Z') },
      { type: 'message', user: 'U1OSAKA', user_profile: ONCALL, ts: ts('2026-04-02T22:00:00Z'),
        text: '検索のレイテンシが 3 秒を超えています 🐢 <@U2DBA> 見てもらえますか？' },
      { type: 'message', subtype: 'bot_message', username: 'Alertmanager', ts: ts('2026-04-02T21:59:00Z'),
        text: '[FIRING:1] SearchLatencyHigh &gt; 3s' },
      { type: 'message', user: 'U1OSAKA', user_profile: ONCALL, ts: ts('2026-04-02T23:40:00Z'),
        text: 'インデックス再構築を開始 (edited)', edited: { user: 'U1OSAKA', ts: ts('2026-04-02T23:41:00Z') },
        thread_ts: ts('2026-04-02T22:00:00Z') },
    ]) },
    { name: top + 'inc-search/2026-04-03.json', text: json([
      { type: 'message', user: 'U1OSAKA', user_profile: ONCALL, ts: ts('2026-04-03T00:20:00Z'),
        text: '復旧しました ✅ ありがとう <@U2DBA>' },
    ]) },
    { name: top + 'inc-db/2026-04-02.json', text: json([
      { type: 'message', user: 'U2DBA', user_profile: DBA, ts: ts('2026-04-02T22:05:00Z'),
        text: 'Реплика отстаёт на 40 минут, переключаю чтение на мастер' },
      { type: 'message', user: 'U2DBA', user_profile: DBA, ts: ts('2026-04-02T22:30:00Z'), text: 'Готово 👍' },
    ]) },
  ];
}
const exportZip = () => makeZip(exportFiles());

// What #inc-search alone imports to: in time order, the bot's alert first, mentions named from the other channel.
const INC_SEARCH = [
  ['2026-04-02T21:59:00Z', 'Alertmanager', '[FIRING:1] SearchLatencyHigh > 3s', 'inc-search'],
  ['2026-04-02T22:00:00Z', '大阪オンコール', '検索のレイテンシが 3 秒を超えています 🐢 @Админ базы данных 見てもらえますか？',
    'inc-search'],
  ['2026-04-02T23:40:00Z', '大阪オンコール', 'インデックス再構築を開始 (edited)', 'inc-search'],
  ['2026-04-03T00:20:00Z', '大阪オンコール', '復旧しました ✅ ありがとう @Админ базы данных', 'inc-search'],
];

// The dialog lists both channels; untick #inc-db, import, and wait for the timeline. `shot` names the screenshots.
async function importIncSearch(page, shot) {
  await h.locate(page, 'slack.channel.inc-db', 30000);
  await h.locate(page, 'slack.channel.inc-search');
  await page.screenshot({ path: h.shotPath(shot + '-dialog.png') });
  await h.click(page, 'slack.channel.inc-db');  // untick: only #inc-search
  await h.click(page, 'slack.import');
  await page.waitForFunction(() => {
    const d = window.hindsight.document();
    return d && JSON.parse(d).timeline.length > 0;
  }, null, { timeout: 30000, polling: 100 });
  await h.settle(page);
  await page.screenshot({ path: h.shotPath(shot + '-imported.png') });
  const d = await h.doc(page);
  return d.timeline.map((e) => [e.time, e.author, e.description, (e.tags || []).join(',')]);
}

test('a Slack export .zip dropped on the app: choose one channel, import it with names resolved', async () => {
  const { page, errors } = await h.openApp(browser, server);
  const b64 = exportZip().toString('base64');
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'slack-export.zip', { type: 'application/zip' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, b64);

  // The dialog: both channels ticked with their counts, the window from the first to the last message.
  assert.deepEqual(await importIncSearch(page, 'slackzip'), INC_SEARCH);
  assert.deepEqual(errors, []);
});

test('the unzipped export dropped as a folder: the same dialog and timeline as its .zip', async () => {
  const { page, errors } = await h.openApp(browser, server);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-slack-'));
  try {
    for (const f of exportFiles()) {
      fs.mkdirSync(path.join(dir, path.dirname(f.name)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.name), f.text);
    }
    // A real drop from the file manager (DevTools' drag input): the folder arrives as a directory entry, which the
    // page walks so that each day file keeps its channel folder.
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [], files: [path.join(dir, TOP)], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop']) {
      await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 300, data });
    }
    assert.deepEqual(await importIncSearch(page, 'slackfolder'), INC_SEARCH);
    assert.equal((await h.doc(page)).title, 'Imported: ' + TOP);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(errors, []);
});

test('several unrelated files dropped at once: each opens as its own draft, and one message says what happened',
  async () => {
    const { page, errors } = await h.openApp(browser, server);
    const samples = ['ja-payment-gateway-timeout.json', 'ru-courier-dispatch-backlog.json'].map((n) =>
      ({ name: n, text: fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', n), 'utf8') }));
    const files = samples.concat([{ name: 'メモ.txt', text: '障害のメモ: 14:02 に再起動した' }]);
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.text], f.name));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await h.locate(page, 'problem.ok', 30000);
    await h.settle(page);
    await page.screenshot({ path: h.shotPath('slackzip-several-files.png') });
    const titles = samples.map((f) => JSON.parse(f.text).title).sort();
    await page.waitForFunction(() => window.hindsight.drafts().length >= 2, null, { timeout: 30000, polling: 100 });
    const drafts = await page.evaluate(() => window.hindsight.drafts());
    assert.deepEqual(drafts.map((d) => d.title).sort(), titles);
    assert.ok(titles.includes((await h.doc(page)).title));
    assert.deepEqual(errors, []);
  });

test('a damaged .zip is refused with a message and nothing changes', async () => {
  const { page, errors } = await h.openApp(browser, server);
  const cut = exportZip().subarray(0, 400).toString('base64');
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'cut-short.zip'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, cut);
  await h.locate(page, 'problem.ok', 30000);
  await page.screenshot({ path: h.shotPath('slackzip-refused.png') });
  assert.equal(await page.evaluate(() => window.hindsight.document()), null);
  assert.deepEqual(errors, []);
});
