// Firefox harness: Debian's firefox-esr driven through WebDriver BiDi by puppeteer-core (which never downloads a
// browser). A headful Firefox, so that it has WebGL 2: ctest runs these tests under xvfb-run, where Mesa draws in
// software (llvmpipe). The server and the app helpers (locate, click, settle, doc) are tests/e2e/harness.js's own.
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');
const e2e = require('../e2e/harness');

const FIREFOX = '/usr/bin/firefox-esr';
const RESULTS = path.join(e2e.ROOT, 'test-results');

// WebGL even where Firefox's blocklist would refuse the driver: Firefox ESR 153 takes Mesa's llvmpipe without it, and
// this keeps a blocklist change in an ESR update from turning the suite into a run without WebGL 2 (the smoke test
// would then fail on its first check, not pass the wrong way). The async clipboard is readable without a paste prompt
// (the switch Mozilla's own tests use), so a test can read the link that the app copied.
const PREFS = {
  'webgl.force-enabled': true,
  'dom.events.testing.asyncClipboard': true,
};

// opts.headless: a headless Firefox (which has no WebGL 2 here); opts.prefs: more preferences.
async function launch(opts = {}) {
  if (!opts.headless && !process.env.DISPLAY) throw new Error('no X display: run this under xvfb-run -a');
  return puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: !!opts.headless,
    extraPrefsFirefox: { ...PREFS, ...(opts.prefs || {}) }, defaultViewport: null,
  });
}

// Opens the app in a page of a new browser context (its own storage) or of opts.context; collects console errors,
// page errors and requests to other origins, like tests/e2e/harness.js's openApp. opts.goto === false: the page is
// returned before it loads anything, for a test that watches the load itself.
async function openApp(browser, server, opts = {}) {
  const context = opts.context || await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(opts.viewport || { width: 1280, height: 800 });
  const { errors, foreign } = e2e.watch(page, server);
  if (opts.goto === false) return { context, page, errors, foreign };
  await page.goto(server.url + (opts.hash || ''));
  await page.evaluate(() => window.hindsight.ready);
  return { context, page, errors, foreign };
}

function resultPath(name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, name);
}

module.exports = { ...e2e, launch, openApp, resultPath };
