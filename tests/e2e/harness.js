// Shared e2e harness: serves dist/ through serve.py (same headers as in production), launches Debian's Chromium
// through playwright-core, records console errors and every request, and finds controls by name.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { chromium } = require('playwright-core');
const { PNG } = require('pngjs');

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'build', 'e2e-screenshots');

// Chromium flags: no background traffic (this machine has no network, and privacy tests must see only ours),
// software WebGL since CI has no GPU.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--metrics-recording-only', '--disable-default-apps'];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const p = srv.address().port; srv.close(() => resolve(p)); });
    srv.on('error', reject);
  });
}

// opts.dir: serve that copy of dist/ instead (a test can deploy a new version into it).
async function startServer(opts = {}) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.html'))) throw new Error('dist/ is not built: run python3 serve.py --build');
  const port = await freePort();
  const proc = spawn('python3', [path.join(ROOT, 'serve.py'), ...(opts.dir ? ['--dir', opts.dir] : ['--no-build']), '--port', String(port)],
    { env: { ...process.env, HS_SERVE_QUIET: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve.py did not start in 20 s')), 20000);
    proc.stdout.on('data', (d) => { if (String(d).includes('served at')) { clearTimeout(timer); resolve(); } });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error('serve.py exited with ' + code)); });
  });
  return { url: `http://127.0.0.1:${port}/`, origin: `http://127.0.0.1:${port}`, stop: () => proc.kill() };
}

// Debian's Chromium and the fonts the pages draw with come from scripts/deps.py (the test command installs them; a
// benchmark run from a fresh shell on a machine that only built the app installs them here).
async function launch() {
  if (!fs.existsSync('/usr/bin/chromium')) execFileSync('python3', [path.join(ROOT, 'scripts', 'deps.py'), 'e2e'], { stdio: 'inherit' });
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Collects a page's console errors and page errors, and its requests to other origins than the server's. (The same
// events in playwright and puppeteer.)
function watch(page, server) {
  const errors = [];
  const foreign = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!(u.startsWith(server.origin + '/') || u.startsWith('blob:') || u.startsWith('data:'))) foreign.push(u);
  });
  return { errors, foreign };
}

// Opens the app in a new context and page; collects console errors, page errors and foreign requests.
async function openApp(browser, server, opts = {}) {
  const context = opts.context || await browser.newContext({
    viewport: opts.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor || 1,
    colorScheme: opts.colorScheme || 'light',
    acceptDownloads: true,
  });
  if (opts.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  const { errors, foreign } = watch(page, server);
  await page.goto(server.url + (opts.hash || ''));
  await page.evaluate(() => window.hindsight.ready);
  return { context, page, errors, foreign };
}

// The helpers below take a playwright page or a puppeteer one (tests/e2e-firefox): these are the calls that differ.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const viewportOf = (page) => (page.viewportSize ? page.viewportSize() : page.viewport());
const wheel = (page, dy) => (page.viewportSize ? page.mouse.wheel(0, dy)
  : page.mouse.wheel({ deltaY: Math.round(dy) }));  // WebDriver BiDi takes whole pixels only

// Waits until the app has drawn the named control at the same place in two reads (a popup that appears moves
// during its first frames), then returns its centre.
async function locate(page, name, timeout = 5000) {
  const end = Date.now() + timeout;
  let prev = null;
  for (;;) {
    const r = await page.evaluate((n) => window.hindsight.locate(n), name);
    if (r && prev && JSON.stringify(r) === JSON.stringify(prev)) return { x: r.x + r.w / 2, y: r.y + r.h / 2, rect: r };
    if (Date.now() > end) throw new Error(`control "${name}" was not drawn (last: ${JSON.stringify(r)})`);
    prev = r;
    await sleep(60);
  }
}

// Scrolls with the mouse wheel, as a person would, until the named control is inside the viewport. Returns where
// it was located last (from two equal reads, as locate() does), or null when the page was scrolled after that read.
async function scrollIntoView(page, name) {
  const vp = viewportOf(page);
  let prev = null;
  for (let i = 0; i < 100; i++) {  // a 300 px wheel step scrolls the editor about 75 px: 100 steps cover a phone's long page
    const at = await locate(page, name);
    const r = at.rect;
    // A control that the wheel does not move is fixed (the top bar, a popup): it is where it will stay.
    if (prev && prev.y === r.y) return at;
    let dy = 0;
    if (r.y + r.h > vp.height - 8) dy = Math.min(300, r.y + r.h - vp.height + 60);
    else if (r.y < 60) dy = -Math.min(300, 60 - r.y + 40);
    if (dy === 0) return at;
    await page.mouse.move(Math.min(r.x + r.w / 2, vp.width - 20), vp.height / 2);
    await wheel(page, dy);
    await settle(page);
    prev = r;
  }
  return null;
}

async function click(page, name, opts = {}) {
  // Where scrollIntoView last found the control stands unless the wheel moved the page since: no second locate then.
  const p = await scrollIntoView(page, name) || await locate(page, name);
  await page.mouse.click(p.x + (opts.dx || 0), p.y + (opts.dy || 0), opts);
  await settle(page);
  return p;
}

// Lets the on-demand renderer draw the frames that follow an input: waits until no frame has been drawn for `quiet`
// ms and none is asked for (rendering is on demand, so a settled app draws nothing; on a loaded machine the frame an
// input asked for may come later than `quiet`), at most 5 s.
async function settle(page, quiet = 150) {
  const end = Date.now() + 5000;
  const state = () => page.evaluate(() => [window.hindsight.frameCount(), window.hindsight.frameWanted()]);
  let [last] = await state();
  let since = Date.now();
  while (Date.now() < end) {
    await sleep(40);
    const [n, wanted] = await state();
    if (n !== last || wanted) { last = n; since = Date.now(); } else if (Date.now() - since >= quiet) return;
  }
}

// Drops a file anywhere on the page, as a person drags it from a file manager.
function drop(page, name, text, type = '') {
  return page.evaluate(({ name, text, type }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, { name, text, type });
}

async function doc(page) {
  const s = await page.evaluate(() => window.hindsight.document());
  return s ? JSON.parse(s) : null;
}

// How many colours a PNG screenshot has (sampling every 7th pixel): a blank canvas has one or two.
function distinctColours(buf) {
  const png = PNG.sync.read(buf);
  const seen = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 7) seen.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
  return seen.size;
}

function shotPath(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
}

// Opens each document in a fresh page and screenshots it into docs/screenshots once `control` is drawn.
// shots: [[file, documentJson, openAppOptions, prepare]]; prepare(page), optional, brings the part to show into view
// (scrolls, opens a dialog) as a person would. For the scripts that make the README's screenshots.
async function screenshotDocs(shots, control) {
  const server = await startServer();
  const browser = await launch();
  try {
    for (const [file, json, opts, prepare] of shots) {
      const { page, context } = await openApp(browser, server, opts);
      await page.bringToFront();
      await page.evaluate((t) => window.hindsight.openJSON(t, 'doc.json'), json);
      await settle(page, 300);
      await locate(page, control);
      if (prepare) await prepare(page);
      await settle(page, 300);
      await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', file) });
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

// Replaces the text of a field, as a person does: click, select all, type, Escape.
async function retype(page, field, text) {
  await click(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await settle(page, 300);
}

// Share > Create link > Copy link, as a person does; returns the link from the clipboard.
async function shareLink(page) {
  await click(page, 'topbar.share');
  await click(page, 'share.create');
  await locate(page, 'share.copy', 10000);
  await click(page, 'share.copy');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.keyboard.press('Escape');
  await settle(page);
  return link;
}

// The files of folder `src` zipped as a team would hand them over (Python's zipfile, each under `folder/`) into
// `zip`; the archive's bytes.
function zipFolder(src, zip, folder) {
  execFileSync('python3', ['-c', 'import sys, zipfile, os\n' +
    'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:\n' +
    '    for n in sorted(os.listdir(sys.argv[2])): z.write(os.path.join(sys.argv[2], n), sys.argv[3] + "/" + n)\n',
    zip, src, folder]);
  return fs.readFileSync(zip);
}

module.exports = { zipFolder, shareLink, retype, CHROMIUM_ARGS, screenshotDocs, distinctColours, watch, ROOT, startServer, launch, openApp, locate, click, settle,
  doc, drop, shotPath, scrollIntoView };
