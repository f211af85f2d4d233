// Review by link, as people do it: an author shares a postmortem; two reviewers, each in a fresh browser, open the
// link, type their names, comment (one on words selected in the summary, with Ctrl+Alt+M), suggest a wording and decide; each sends a reply link. The
// author applies A then B then B again (B's reviewer also types a change in Suggest mode), a second author browser B then A: every comment, suggestion and decision is
// there once, and both authors hold the same review data. Accepting a suggestion changes the text; Ctrl+Z undoes it.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const SAMPLE = 'welcome.sample.samples/minimal-cert-expiry.json';
const SUMMARY = 'Истёк TLS-сертификат: 証明書の期限切れで決済が42分間停止した。Ω-кластер восстановлен \u{1F525} после ротации.';
const TITLE = 'Сбой оплаты / 決済障害 / Διακοπή πληρωμών \u{1F6A8}';

let server, browser;
before(async () => { server = await h.startServer(); browser = await h.launch(); });
after(async () => { if (browser) await browser.close(); if (server) server.stop(); });

const shown = (page, name) => page.evaluate((n) => window.hindsight.locate(n), name);

// Scrolls the editor with the wheel (dir 1 down, -1 up) until `name` is drawn, then clicks it: the Review section is
// at the end of the document, the sections' comment buttons near its top, and what is off screen is not drawn.
async function reach(page, name, dir) {
  for (let i = 0; i < 80 && !(await shown(page, name)); i++) {
    await page.mouse.move(640, 450);
    await page.mouse.wheel(0, dir * 600);
    await h.settle(page, 80);
  }
  return h.click(page, name);
}
const down = (page, name) => reach(page, name, 1);
const up = (page, name) => reach(page, name, -1);

const type = h.retype;

// Waits until `check(doc)` holds for the open document (work done elsewhere, e.g. the worker, lands in a frame).
async function until(page, check, what) {
  const end = Date.now() + 10000;
  for (;;) {
    const d = await h.doc(page);
    if (d && check(d)) return d;
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await h.settle(page, 100);
  }
}

// A fresh browser (no drafts, no name) opens the author's link and keeps it as a draft.
async function reviewerOpens(link) {
  const app = await h.openApp(browser, server, { clipboard: true, hash: '#' + link.split('#')[1] });
  await h.locate(app.page, 'incoming.save', 10000);
  await h.click(app.page, 'incoming.save');
  await h.locate(app.page, 'section.review', 10000);
  return app;
}

async function comment(page, passage, text) {
  await up(page, 'review.comment_on.summary');
  await h.locate(page, 'review.add');
  await h.click(page, 'review.mode.comment');
  if (passage) await type(page, 'review.passage', passage);
  await type(page, 'review.text', text);
  await h.click(page, 'review.add');
}

// As a person does it: select the words in the summary with the keyboard, then Ctrl+Alt+M; the dialog starts with
// them as the passage.
async function commentOnSelection(page, passage, text) {
  await up(page, 'field.summary');
  await h.settle(page, 200);
  const at = SUMMARY.indexOf(passage);
  assert.ok(at >= 0);
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < passage.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Control+Alt+KeyM');
  await h.locate(page, 'review.add', 5000);
  await h.click(page, 'review.mode.comment');
  await type(page, 'review.text', text);
  await h.click(page, 'review.add');
}

async function suggest(page, passage, replacement) {
  await up(page, 'review.comment_on.summary');
  await h.locate(page, 'review.add');
  await h.click(page, 'review.mode.suggest');
  await type(page, 'review.passage', passage);
  await type(page, 'review.replacement', replacement);
  await h.click(page, 'review.add');
}

async function sendReply(page) {
  await h.click(page, 'topbar.share');
  await h.click(page, 'share.send_reply');
  await h.locate(page, 'share.reply_link', 10000);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.keyboard.press('Escape');
  await h.settle(page);
  return link;
}

async function applyReply(page, link) {
  await page.goto(server.url + '#' + link.split('#')[1]);  // pasted into the address bar: the same page
  await h.locate(page, 'reply.applied', 10000);
  await page.keyboard.press('Escape');
  await h.settle(page, 300);
}

// The review data, in a form where order of arrival does not count.
function reviewData(d) {
  const by = (k) => (a, b) => (a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0);
  return {
    comments: [...(d.comments || [])].sort(by('id')),
    suggestions: [...(d.suggestions || [])].sort(by('id')),
    approvals: [...(d.approvals || [])].sort(by('reviewer')),
  };
}

test('two reviewers reply by link; the author applies the replies in any order, twice, to one result', async () => {
  const author = await h.openApp(browser, server, { clipboard: true, viewport: { width: 1280, height: 900 } });
  const page = author.page;
  await h.click(page, SAMPLE);
  await h.settle(page, 300);
  await up(page, 'field.title');
  await type(page, 'field.title', TITLE);
  await type(page, 'field.summary', SUMMARY);
  await down(page, 'review.ask');
  const link = await h.shareLink(page);
  const shared = await until(page, (d) => d.review && d.review.shared && d.review.shared.length === 1,
    'the shared version noted');

  const r1 = await reviewerOpens(link), r2 = await reviewerOpens(link);
  await down(r1.page, 'review.name.review.name');
  await type(r1.page, 'review.name.review.name', 'Мария Иванова');
  await commentOnSelection(r1.page, '証明書の期限切れ', 'Какой сертификат истёк? Which issuer?');
  await suggest(r1.page, '42分間', '43分間 (43 minutes)');
  await down(r1.page, 'review.decide.approved');
  await down(r2.page, 'review.name.review.name');
  await type(r2.page, 'review.name.review.name', 'Γιώργος Παπαδόπουλος');
  await comment(r2.page, '', 'Η σύνοψη χρειάζεται τον αντίκτυπο στους πελάτες \u{1F914}');
  // Γιώργος types a change in Suggest mode: the text stays as it was, the words typed become a suggestion.
  await h.click(r2.page, 'topbar.suggest');
  await h.locate(r2.page, 'editor.suggesting');
  await up(r2.page, 'field.summary');
  await r2.page.keyboard.press('Control+End');
  await r2.page.keyboard.type(' Ρίζα: cert-manager \u{1F512}.');
  await r2.page.keyboard.press('Escape');
  await h.settle(r2.page, 300);
  await h.click(r2.page, 'topbar.suggesting');  // off again
  await down(r2.page, 'review.decide.changes_requested');
  const d1 = await h.doc(r1.page), d2 = await h.doc(r2.page);
  assert.equal(d1.comments.length, 1);
  assert.equal(d1.comments[0].anchor.exact, '証明書の期限切れ');
  assert.equal(d1.suggestions.length, 1);
  assert.equal(d2.comments.length, 1);
  assert.equal(d2.summary, SUMMARY, 'Suggest mode leaves the text alone');
  assert.equal(d2.suggestions.length, 1);
  assert.equal(d2.suggestions[0].anchor.exact, 'ротации.');
  assert.equal(d2.suggestions[0].replacement, 'ротации. Ρίζα: cert-manager \u{1F512}.');
  await r1.page.screenshot({ path: h.shotPath('review-reviewer-1280.png') });
  const replyA = await sendReply(r1.page), replyB = await sendReply(r2.page);
  for (const r of [replyA, replyB]) {
    assert.match(r, /#r1\.[A-Za-z0-9_-]+$/);
    assert.ok(r.length < 1000, `a reply link is short: ${r.length} characters`);
  }
  await r1.page.screenshot({ path: h.shotPath('review-send-reply-1280.png') });

  // The author: A, then B, then B again.
  await applyReply(page, replyA);
  await applyReply(page, replyB);
  const once = await h.doc(page);
  await applyReply(page, replyB);
  const twice = await h.doc(page);
  assert.deepEqual(reviewData(twice), reviewData(once), 'B applied twice adds nothing');
  assert.equal(twice.comments.length, 2);
  assert.equal(twice.suggestions.length, 2);
  assert.ok(twice.suggestions.some((s) => s.author === 'Γιώργος Παπαδόπουλος' && s.replacement.includes('Ρίζα')),
    'the suggestion typed in Suggest mode came with the reply');
  const before = shared.approvals.length;  // the sample's own decision stays
  assert.equal(twice.approvals.length, before + 2);
  assert.deepEqual(twice.approvals.slice().filter((a) => !shared.approvals.some((b) => b.reviewer === a.reviewer))
    .map((a) => `${a.reviewer}:${a.decision || 'approved'}`).sort(),  // the default is left out of the file
    ['Γιώργος Παπαδόπουλος:changes_requested', 'Мария Иванова:approved']);
  assert.ok(await shown(page, 'topbar.comments'), 'the top bar counts the open comments');
  assert.ok(await shown(page, 'review.state.changes_requested'));

  // A second author browser, with the shared version as its draft: B, then A.
  const author2 = await h.openApp(browser, server, { clipboard: true, hash: '#' + link.split('#')[1] });
  await h.locate(author2.page, 'incoming.save', 10000);
  await h.click(author2.page, 'incoming.save');
  await h.locate(author2.page, 'section.review', 10000);
  await applyReply(author2.page, replyB);
  await applyReply(author2.page, replyA);
  assert.deepEqual(reviewData(await h.doc(author2.page)), reviewData(twice), 'either order, the same review data');

  // The author accepts the suggestion: the text changes; Ctrl+Z puts it back.
  const sg = twice.suggestions.find((s) => s.replacement.startsWith('43分間')).id;
  const byId = (d) => d.suggestions.find((s) => s.id === sg);
  await down(page, 'review.suggestion.' + sg);
  await page.screenshot({ path: h.shotPath('review-author-1280.png') });
  await down(page, 'review.accept.' + sg);
  await h.settle(page, 300);
  const accepted = await h.doc(page);
  assert.equal(accepted.summary, SUMMARY.replace('42分間', '43分間 (43 minutes)'));
  assert.equal(byId(accepted).state, 'accepted');
  await page.keyboard.press('Control+z');
  await h.settle(page, 300);
  const undone = await h.doc(page);
  assert.equal(undone.summary, SUMMARY);
  assert.equal(byId(undone).state || 'open', 'open');  // open is the default, left out of the file
  await reach(page, 'review.comments', 1);
  await page.screenshot({ path: h.shotPath('review-comments-1280.png') });

  // The read view shows both open comments beside the summary, the quoted passage with the first.
  await h.click(page, 'topbar.export');
  await h.click(page, 'export.read');
  await page.waitForSelector('#readview:not([hidden])');
  const margin = await page.$$eval('#sec-summary aside.pm-comment[role="note"]', (els) => els.map((e) => e.textContent));
  assert.equal(margin.length, 2, 'two comments in the summary\'s margin');
  assert.ok(margin.some((t) => t.includes('証明書の期限切れ') && t.includes('Какой сертификат истёк?')), margin.join(' | '));
  assert.ok(margin.some((t) => t.includes('Γιώργος Παπαδόπουλος')), margin.join(' | '));
  assert.equal(await page.$$eval('section.review-comments li', (els) => els.length), 2, 'and in the list at the end');
  // The words the first comment quotes are marked in the text, and its quote in the margin leads to them.
  const marks = await page.$$eval('#sec-summary mark.pm-comment-mark', (els) => els.map((e) => e.textContent));
  assert.deepEqual(marks, ['証明書の期限切れ']);
  await page.click('#sec-summary a.pm-comment-link');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'pm-comment-mark');
  assert.equal(await page.evaluate(() => location.hash), '', 'the link scrolls; it opens nothing');
  await page.screenshot({ path: h.shotPath('review-readview-1280.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: h.shotPath('review-readview-1400.png') });
  await page.click('#rv-edit');
  await page.waitForSelector('#readview', { state: 'hidden' });

  for (const a of [author, r1, r2, author2]) assert.deepEqual(a.errors, []);
  for (const a of [author, r1, r2, author2]) await a.context.close();
});
