// Hindsight's worker: opens and imports files, and decodes long or encrypted share links, away from the editor's
// thread (src/platform/web/worker/worker.cpp). web/app.js starts it on first use and talks to it in messages:
//   {id, op: 'open', name, bytes}             -> {id, status, text, kind}  (text: the document as JSON, or the refusal;
//                                                 status 3: a Slack export's .zip, text its channels and times;
//                                                 status 4: a tracker's CSV export, text the file's own text;
//                                                 status 5: a .zip of postmortems, text {"documents","report"})
//   {id, op: 'slack', name, bytes, options}   -> {id, status, text, kind}  (that .zip imported with the options chosen)
//   {id, op: 'encode', doc, base, passphrase} -> {id, status, text}        (text: the link)
//   {id, op: 'decode', fragment, passphrase}  -> {id, status, text}        (text: the document as JSON)
//   {id, op: 'qr', text}                      -> {id, status, text}        (text: the QR code, core/qr.h qr_to_text)
//   {id, op: 'export', job, doc, arg}         -> {id, status, text}        (text: the export, core/exporters/jobs.h)
//   {id, op: 'trends', job, docs, today}      -> {id, status, text}        (trends over the drafts' documents, a JSON
//                                                 array: src/platform/trends_job.h)
//   {id, op: 'review', job, args}             -> {id, status, text}        (a review job, src/platform/review_job.h:
//                                                 args a JSON array of strings)
//   {id, op: 'library', job, arg}             -> {id, status, text}        (a library job, src/platform/library_job.h:
//                                                 arg UTF-8 bytes or a string; the search index is kept in this
//                                                 worker between calls)
// status: 1 done, 0 refused (text says why), 2 the link needs a passphrase.
//   a runtime abort (out of memory)          -> {id, crashed: what}, and this worker closes; the page makes another.
// With `raw: true` in the message the answer is {id, status, bytes}: the text's UTF-8 in an ArrayBuffer, transferred
// (the page hands it to the editor's wasm without making a JavaScript string of it).
'use strict';
importScripts('hindsight-worker.js');
var core = null, queue = [];
createHindsightWorker({ print: function () {}, printErr: function () {} }).then(function (m) {
  core = m;
  postMessage({ ready: true });
  while (queue.length) run(queue.shift());
});
function bytesIn(m, u8) {  // a copy on the wasm heap; the caller frees it
  var p = m._malloc(u8.length || 1);
  if (!p) throw new Error('out of memory');
  m.HEAPU8.set(u8, p);
  return p;
}
function run(msg) {
  var m = core, ptrs = [];
  try {
    var ok;
    if (msg.op === 'open') {
      var u8 = new Uint8Array(msg.bytes), data = bytesIn(m, u8);
      ptrs.push(data);
      ok = m.ccall('hsw_open', 'number', ['string', 'number', 'number'], [msg.name, data, u8.length]);
    } else if (msg.op === 'slack') {
      var zip = new Uint8Array(msg.bytes), opts = new TextEncoder().encode(msg.options);
      ptrs.push(bytesIn(m, zip), bytesIn(m, opts));
      ok = m.ccall('hsw_slack_import', 'number', ['string', 'number', 'number', 'number', 'number'],
                   [msg.name, ptrs[0], zip.length, ptrs[1], opts.length]);
    } else if (msg.op === 'export') {
      var te = new TextEncoder(), doc = te.encode(msg.doc), arg = te.encode(msg.arg || '');
      ptrs.push(bytesIn(m, doc), bytesIn(m, arg));
      ok = m._hsw_export(msg.job, ptrs[0], doc.length, ptrs[1], arg.length);
    } else if (msg.op === 'review') {
      var job = new TextEncoder().encode(msg.job), args = new TextEncoder().encode(msg.args);
      ptrs.push(bytesIn(m, job), bytesIn(m, args));
      ok = m._hsw_review(ptrs[0], job.length, ptrs[1], args.length, Date.now());
    } else if (msg.op === 'trends') {
      var te2 = new TextEncoder(), tj = te2.encode(msg.job), td = te2.encode(msg.docs), tt = te2.encode(msg.today);
      ptrs.push(bytesIn(m, tj), bytesIn(m, td), bytesIn(m, tt));
      ok = m._hsw_trends(ptrs[0], tj.length, ptrs[1], td.length, ptrs[2], tt.length);
    } else if (msg.op === 'library') {
      var lj = new TextEncoder().encode(msg.job),
        la = typeof msg.arg === 'string' ? new TextEncoder().encode(msg.arg) : new Uint8Array(msg.arg);
      ptrs.push(bytesIn(m, lj), bytesIn(m, la));
      ok = m._hsw_library(ptrs[0], lj.length, ptrs[1], la.length);
    } else if (msg.op === 'qr') {
      var t = new TextEncoder().encode(msg.text);
      ptrs.push(bytesIn(m, t));
      ok = m._hsw_qr(ptrs[0], t.length);
    } else {
      var enc = new TextEncoder(), a = enc.encode(msg.op === 'encode' ? msg.doc : msg.fragment),
        b = enc.encode(msg.base || ''), pw = enc.encode(msg.passphrase || '');
      ptrs.push(bytesIn(m, a), bytesIn(m, b), bytesIn(m, pw));
      ok = msg.op === 'encode' ? m._hsw_encode(ptrs[0], a.length, ptrs[1], b.length, ptrs[2], pw.length)
                               : m._hsw_decode(ptrs[0], a.length, ptrs[2], pw.length);
    }
    var out = m.HEAPU8.subarray(m._hsw_text(), m._hsw_text() + m._hsw_text_size());
    if (msg.raw) {  // the answer's UTF-8 as it is, moved to the page (which copies it into the editor's wasm)
      var bytes = out.slice();
      postMessage({ id: msg.id, status: ok, bytes: bytes.buffer }, [bytes.buffer]);
    } else {
      postMessage({ id: msg.id, status: ok, text: new TextDecoder().decode(out),
                    kind: msg.op === 'open' || msg.op === 'slack' ? m.UTF8ToString(m._hsw_kind()) : '' });
    }
  } catch (e) {
    postMessage({ id: msg.id, crashed: String(e && e.message || e) });
    close();  // the runtime is unusable after an abort
    return;
  }
  ptrs.forEach(function (p) { m._free(p); });
}
onmessage = function (e) { if (core) run(e.data); else queue.push(e.data); };
