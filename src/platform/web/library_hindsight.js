// JS functions the wasm calls (Emscripten --js-library). The page glue (web/app.js) owns the DOM side.
// Every Module property shared with web/app.js is written Module['name']: the build runs the Closure Compiler, which
// renames dotted properties.
mergeInto(LibraryManager.library, {
  // The page's handle on the file system (IDBFS for the drafts): FS's own methods are renamed by Closure.
  hs_js_fs__deps: ['$FS', '$IDBFS'],
  hs_js_fs__postset: "Module['hsFs'] = { 'mountDrafts': function (dir) { FS.mkdir(dir); FS.mount(IDBFS, {}, dir); }, " +
                     "'syncfs': function (populate, cb) { FS.syncfs(populate, cb); }, " +
                     // A pull that leaves `keep` (this tab's unsaved changes) alone: syncfs(true) would copy the
                     // older stored copy of each over the newer local one, only for the journal to write it back.
                     "'pullExcept': function (dir, keep, cb) { " +
                     "  var mount = FS.lookupPath(dir).node.mount; " +
                     "  IDBFS.getLocalSet(mount, function (err, local) { if (err) return cb(err); " +
                     "    IDBFS.getRemoteSet(mount, function (err2, remote) { if (err2) return cb(err2); " +
                     // ... and their folders, which may be new here (a folder is removed only when empty).
                     "      keep.forEach(function (p) { delete remote.entries[p]; " +
                     "        for (var q = p; q.length > dir.length; q = q.slice(0, q.lastIndexOf('/'))) delete local.entries[q]; }); " +
                     "      IDBFS.reconcile(remote, local, cb); }); }); } };",
  hs_js_fs: function () {},
  hs_js_clipboard_write: function (ptr) {
    var text = UTF8ToString(ptr);
    // Kept for the 'copy' event that follows Ctrl+C, which works without any permission prompt.
    Module['hsClipboard'] = text;
    Module['hsClipboardFresh'] = true;
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    } catch (e) {}
  },
  hs_js_download: function (namePtr, mimePtr, dataPtr, len) {
    var bytes = HEAPU8.slice(dataPtr, dataPtr + len);
    var blob = new Blob([bytes], { type: UTF8ToString(mimePtr) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(namePtr);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },
  hs_js_set_title: function (ptr) { document.title = UTF8ToString(ptr); },
  hs_js_prefers_dark: function () {
    return (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0;
  },
  hs_js_now_ms: function () { return Date.now(); },
  hs_js_first_frame: function () { if (Module['onFirstFrame']) Module['onFirstFrame'](); },
  hs_js_overlay_show: function (path, x, y, w, h, clipTop, clipBottom, multiline, setText, text, hint, fontPx, dark) {
    if (Module['overlayShow']) Module['overlayShow']({ path: UTF8ToString(path), x: x, y: y, w: w, h: h, clipTop: clipTop,
      clipBottom: clipBottom, multiline: !!multiline, setText: !!setText, text: UTF8ToString(text),
      hint: UTF8ToString(hint), fontPx: fontPx, dark: !!dark });
  },
  hs_js_overlay_hide: function () { if (Module['overlayHide']) Module['overlayHide'](); },
  hs_js_open_url: function (ptr) {
    var url = UTF8ToString(ptr);
    if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  },
  hs_js_copy_text: function (ptr) {
    var text = UTF8ToString(ptr);
    Module['hsClipboard'] = text;
    Module['hsClipboardFresh'] = true;
    try { navigator.clipboard.writeText(text).catch(function () {}); } catch (e) {}
  },
  hs_js_show_read_view: function (html, section) {
    if (Module['showReadView']) Module['showReadView'](UTF8ToString(html), UTF8ToString(section));
  },
  hs_js_print: function () { setTimeout(function () { window.print(); }, 50); },
  hs_js_storage_push: function () { if (Module['storagePush']) Module['storagePush'](); },
  hs_js_lock_draft: function (ptr) { if (Module['lockDraft']) Module['lockDraft'](UTF8ToString(ptr)); },
  hs_js_set_timer: function (ms) {
    if (Module['hsTimer']) clearTimeout(Module['hsTimer']);
    Module['hsTimer'] = setTimeout(function () { Module['hsTimer'] = 0; Module['_hs_timer'](); }, ms);
  },
  hs_js_ui_font: function (ptr, len) {
    // The DOM text overlay uses the canvas's own UI font, taken from the wasm (no second download).
    // Decoding the font takes the main thread a while, and nothing needs it before the first edit: it waits until
    // the editor has started and the page is idle.
    var bytes = HEAPU8.slice(ptr, ptr + len);
    var later = window.requestIdleCallback || function (f) { setTimeout(f, 300); };
    later(function () {
      try {
        var face = new FontFace('HindsightUI', bytes);
        document.fonts.add(face);
        face.load().catch(function () {});
      } catch (e) {}
    }, { 'timeout': 1500 });
  },
  hs_js_pick_files: function () { if (Module['pickFiles']) Module['pickFiles'](); },
  hs_js_fetch_asset: function (ptr) {
    var path = UTF8ToString(ptr);
    var done = function (ok, text) {  // the text through the heap: ccall's 'string' copies onto the stack
      var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
      stringToUTF8(text, p, n);
      try { Module['ccall']('hs_asset_loaded', null, ['string', 'number', 'number'], [path, ok, p]); } finally { _free(p); }
    };
    fetch(path, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('the server answered ' + r.status);
      return r.text();
    }).then(function (t) { done(1, t); }, function (e) {
      done(0, navigator.onLine === false ? 'you are offline' : String(e && e.message || e));
    });
  },
  hs_js_set_cursor: function (ptr) {
    var c = document.getElementById('canvas');
    if (c) c.style.cursor = UTF8ToString(ptr);
  },
});
