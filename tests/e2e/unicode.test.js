// Every character a person types is kept, shown and protected: Japanese, Cyrillic, Greek and emoji typed into each
// kind of field (read back exactly from window.hindsight.document()), drawn on the canvas as themselves (never '?'),
// and a non-Latin passphrase that really seals the link (opened in a fresh context and by the CLI).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { PNG } = require('pngjs');
const h = require('./harness');

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const JA = '障害対応', RU = 'Сбой обновлён', EL = 'Ωμέγα ἀθῆναι', EMOJI = '🔥👍🏽';
const MIX = `${JA} ${RU} ${EL} ${EMOJI} checkout`;

// Types into the field drawn as `name` as a person would: a click, then the keys (Playwright inserts characters that
// no US key makes as text, as an IME commit does).
async function typeInto(page, name, text, { clear = true, end = 'Escape' } = {}) {
  await h.click(page, name);
  if (clear) await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  if (end) await page.keyboard.press(end);
  await h.settle(page);
}

function sample(name) {
  return JSON.parse(fs.readFileSync(path.join(h.ROOT, 'assets', 'samples', name), 'utf8'));
}

test('Japanese, Cyrillic, Greek and emoji typed into every kind of field are kept exactly', async () => {
  const { page, context, errors } = await h.openApp(browser, server, { viewport: { width: 1400, height: 1000 } });
  // The new postmortem's title (a dialog field).
  await h.click(page, 'welcome.new');
  await h.click(page, 'new.title');
  await page.keyboard.type(MIX);
  await h.click(page, 'new.template.minimal');
  let d = await h.doc(page);
  assert.equal(d.title, MIX, 'the new postmortem keeps its title');
  // Header fields and a prose section.
  await typeInto(page, 'field.owner', `${RU} ${EMOJI}`);
  await typeInto(page, 'field.summary', `${JA}が発生しました。\n${EL} — ${RU}. ${EMOJI}`);
  d = await h.doc(page);
  assert.equal(d.owner, `${RU} ${EMOJI}`);
  assert.equal(d.summary, `${JA}が発生しました。\n${EL} — ${RU}. ${EMOJI}`);
  // An action item: its title (multi-line cell) and owner.
  await h.click(page, 'add.action_items');
  await page.keyboard.type(`${JA}の再発防止 ${EMOJI}`);
  await page.keyboard.press('Escape');
  await h.settle(page);
  d = await h.doc(page);
  const ai = d.action_items[0].id;
  await typeInto(page, `field.action_items/${ai}/owner`, `Ωμάδα ${RU}`);
  d = await h.doc(page);
  assert.equal(d.action_items[0].title, `${JA}の再発防止 ${EMOJI}`);
  assert.equal(d.action_items[0].owner, `Ωμάδα ${RU}`);
  // The timeline list's description and author cells.
  await h.click(page, 'add.timeline');
  await h.settle(page);
  d = await h.doc(page);
  const ev = d.timeline[d.timeline.length - 1].id;
  await typeInto(page, `field.timeline/${ev}/description`, `Статус обновлён — ${JA} ${EMOJI}`, { end: 'Enter' });
  await typeInto(page, `field.timeline/${ev}/author`, `${EL} オンコール`, { end: 'Tab' });
  d = await h.doc(page);
  const e = d.timeline.find((x) => x.id === ev);
  assert.equal(e.description, `Статус обновлён — ${JA} ${EMOJI}`);
  assert.equal(e.author, `${EL} オンコール`);
  // The timeline list's filter keeps the row whose description has the typed Cyrillic word.
  await typeInto(page, 'timeline.filter.text', 'обновлён', { end: null });
  assert.ok(await page.evaluate((id) => window.hindsight.locate('timeline.row.time.' + id), ev), 'the filter matches Cyrillic');
  await page.keyboard.press('Escape');
  // Find in the document: a Greek query typed in the find bar finds the summary's match.
  await page.keyboard.press('Control+f');
  await h.locate(page, 'find.input');
  await page.keyboard.type('ἀθῆναι');
  await h.settle(page);
  await page.keyboard.press('Enter');
  await h.settle(page);
  assert.ok(await h.locate(page, 'find.current'), 'find steps to a Greek match');
  await page.keyboard.press('Escape');
  await h.settle(page);
  // The drafts search finds this draft by a Japanese word of its title.
  await typeInto(page, 'field.ui:drafts.search', JA, { end: null });
  const drafts = await page.evaluate(() => window.hindsight.drafts());
  const mine = drafts.find((x) => x.title === MIX);
  assert.ok(mine, 'the draft is stored with its title');
  assert.ok(await page.evaluate((id) => window.hindsight.locate('draft.' + id), mine.id), 'the search shows it');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Ωμέγα-nothing-matches');
  await h.settle(page);
  assert.equal(await page.evaluate((id) => window.hindsight.locate('draft.' + id), mine.id), null, 'a query that does not match hides it');
  await page.keyboard.press('Escape');
  // After a reload, everything is still there, character for character.
  await h.settle(page, 1200);
  await page.reload();
  await page.evaluate(() => window.hindsight.ready);
  await h.settle(page, 300);
  const again = await h.doc(page);
  assert.equal(again.title, MIX);
  assert.equal(again.summary, d.summary);
  assert.equal(again.timeline.find((x) => x.id === ev).author, `${EL} オンコール`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a non-Latin passphrase seals the link; typed decomposed it still opens it, in the app and in the CLI', async () => {
  const pass = 'пароль-ключ 鍵 Ωμέγα café';
  const A = await h.openApp(browser, server, { clipboard: true });
  await h.click(A.page, 'welcome.sample.samples/minimal-cert-expiry.json');
  const original = await h.doc(A.page);
  await h.click(A.page, 'topbar.share');
  await h.click(A.page, 'share.passphrase');
  await A.page.keyboard.type('пароль');  // only Cyrillic: still a passphrase
  await h.settle(A.page);
  await h.click(A.page, 'share.create');
  await h.locate(A.page, 'share.state.encrypted', 30000);
  await h.click(A.page, 'share.copy');
  let link = await A.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.includes('#h2e.'), 'a Cyrillic-only passphrase gives an encrypted link');
  // The whole mixed passphrase.
  await h.click(A.page, 'share.passphrase');
  await A.page.keyboard.press('Control+A');
  await A.page.keyboard.type(pass);
  await h.settle(A.page);
  assert.equal(await A.page.evaluate(() => window.hindsight.locate('share.copy')), null, 'a new passphrase needs a new link');
  await h.click(A.page, 'share.create');
  await h.locate(A.page, 'share.state.encrypted', 30000);
  await h.click(A.page, 'share.copy');
  link = await A.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.includes('#h2e.'));
  await A.page.screenshot({ path: h.shotPath('unicode-share.png') });
  await A.context.close();

  // A reviewer on a keyboard that sends decomposed letters (NFD), in a fresh context.
  const B = await h.openApp(browser, server, { hash: '#' + link.split('#')[1] });
  await h.click(B.page, 'incoming.passphrase');
  await B.page.keyboard.type(pass.normalize('NFD'));
  await B.page.keyboard.press('Enter');
  await h.locate(B.page, 'incoming.save', 30000);
  await h.click(B.page, 'incoming.save');
  assert.deepEqual(withoutShared(await h.doc(B.page)), original, 'the link opens with the same words typed decomposed');
  assert.deepEqual(B.errors, []);
  await B.context.close();

  // The CLI, with the passphrase in a file, composed and decomposed.
  const cli = path.join(h.ROOT, 'build', 'native', 'hindsight');
  if (fs.existsSync(cli)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hs-pass-'));
    for (const form of ['NFC', 'NFD']) {
      const f = path.join(dir, form + '.txt');
      fs.writeFileSync(f, pass.normalize(form) + '\n');
      const out = execFileSync(cli, ['link', 'decode', link, '--passphrase-file', f, '--minify']).toString();
      assert.deepEqual(withoutShared(JSON.parse(out)), original, `the CLI opens it with the ${form} passphrase`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The author's record of the versions shared (review.shared, noted when a link is made) travels in the link with the
// rest: the document as it was written, without that record.
function withoutShared(d) {
  assert.ok(d.review && d.review.shared.length >= 1, 'the link carries the shared version it was made from');
  delete d.review.shared;
  if (!Object.keys(d.review).length) delete d.review;
  return d;
}

// The title field's pixels, for a document with `title`.
async function titlePixels(page, title) {
  const d = sample('minimal-cert-expiry.json');
  d.title = title;
  d.id = 'shot-' + Buffer.from(title).toString('hex').slice(0, 16);
  await page.evaluate((t) => window.hindsight.openJSON(t, 'doc.json'), JSON.stringify(d));
  await h.settle(page, 300);
  const r = (await h.locate(page, 'field.title')).rect;
  const png = await page.screenshot({ clip: { x: r.x, y: r.y, width: Math.min(r.w, 400), height: r.h } });
  return PNG.sync.read(png).data;
}

function differs(a, b) {
  if (a.length !== b.length) return true;
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 60) n++;
  return n > 20;
}

test('non-Latin titles draw as themselves: two titles of the same length differ, and neither looks like ????', async () => {
  for (const dpr of [1, 3]) {
    const { page, context, errors } = await h.openApp(browser, server, { deviceScaleFactor: dpr,
      viewport: dpr === 3 ? { width: 390, height: 844 } : { width: 1280, height: 800 } });
    const pairs = [['障害対応完了', '復旧作業開始'], ['Сбой сети', 'Отказ узла'], ['Ωμέγα', 'Δέλτα'], ['🔥🚒', '🎉🚀'],
      ['장애 대응', '서비스 복구'], ['תקלה בשרת', 'שגיאה ברשת'], ['انقطاع الخدمة', 'تعطل الشبكة'], ['ระบบล่ม', 'เครือข่าย']];
    for (const [a, b] of pairs) {
      const qa = await titlePixels(page, '?'.repeat([...a].length));
      const pa = await titlePixels(page, a);
      const pb = await titlePixels(page, b);
      assert.ok(differs(pa, pb), `"${a}" and "${b}" draw differently at ${dpr}x`);
      assert.ok(differs(pa, qa), `"${a}" does not draw as question marks at ${dpr}x`);
      assert.ok(differs(pb, qa), `"${b}" does not draw as question marks at ${dpr}x`);
    }
    await page.screenshot({ path: h.shotPath(`unicode-title-${dpr}x.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the first load fetches only the files the size budget counts (scripts/budget.py)', async () => {
  const list = execFileSync('python3', [path.join(h.ROOT, 'scripts', 'budget.py'), '--first-load']).toString().trim().split('\n');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto(server.url);
  await page.evaluate(() => window.hindsight.ready);
  const names = fetched.map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html');
  // The accessibility mirror (a11y.js) is asked for once the app is ready (web/app.js), so it is not in the budget:
  // its fetch must start after the first frame, by the page's own clock.
  await page.waitForFunction(() => typeof window.hindsightA11y === 'function');
  const a11yAfterReady = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource').find((r) => new URL(r.name).pathname.endsWith('/a11y.js'));
    return !!e && e.startTime >= window.hindsight.readyAt;
  });
  for (const n of names) {
    if (n === 'a11y.js') assert.ok(a11yAfterReady, 'a11y.js is fetched after ready, never before');
    else assert.ok(list.includes(n), `${n} is fetched before ready but not counted in the budget`);
  }
  assert.ok(names.includes('hindsight.wasm'));
  await context.close();
});

test('the frozen non-ASCII vector (tests/data/link) opens in the app with its passphrase typed decomposed', async () => {
  const dir = path.join(h.ROOT, 'tests', 'data', 'link');
  const link = fs.readFileSync(path.join(dir, 'v2-encrypted-unicode.txt'), 'utf8').trim();
  const nfd = fs.readFileSync(path.join(dir, 'v2-unicode-pass-nfd.txt'), 'utf8').replace(/\r?\n$/, '');
  assert.notEqual(nfd, nfd.normalize('NFC'), 'the file holds the decomposed form');
  const { page, context, errors } = await h.openApp(browser, server, { hash: '#' + link.split('#').pop() });
  await h.click(page, 'incoming.passphrase');
  await page.keyboard.type(nfd);
  await page.keyboard.press('Enter');
  await h.locate(page, 'incoming.save', 30000);
  await h.click(page, 'incoming.save');
  const want = JSON.parse(execFileSync(path.join(h.ROOT, 'build', 'native', 'hindsight'),
    ['fmt', '--minify', path.join(dir, 'v2-expected.json')]).toString());
  assert.deepEqual(await h.doc(page), want);
  assert.deepEqual(errors, []);
  await context.close();
});
