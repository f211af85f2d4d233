// JS functions the wasm calls (Emscripten --js-library). The page glue (web/app.js) owns the DOM side.
// Every Module property shared with web/app.js is written Module['name']: the build runs the Closure Compiler, which
// renames dotted properties.
mergeInto(LibraryManager.library, {
  // The page's handle on the file system (IDBFS for the drafts): FS's own methods are renamed by Closure.
  hs_js_fs__deps: ['$hsIdbfsInstall'],
  hs_js_fs__postset: 'hsIdbfsInstall();',
  hs_js_fs: function () {},
  // IDBFS's push goes through hsIdbfsPush (a request per task, large files in pieces); its pull (into MEMFS) stays
  // IDBFS's own, reading a file stored in pieces as one (hsIdbfsLoad). Module['hsFs'] is what web/app.js uses.
  $hsIdbfsInstall__deps: ['$FS', '$IDBFS', '$hsIdbfsPush', '$hsIdbfsLoad', '$hsIdbfsPullExcept', '$hsIdbfsStoreLocal',
                           '$hsIdbfsRemoveLocal'],
  $hsIdbfsInstall: function () {
    var reconcile = IDBFS.reconcile;
    IDBFS.reconcile = function (src, dst, cb) {
      return dst.type === 'local' ? reconcile(src, dst, cb) : hsIdbfsPush(src, dst, cb);
    };
    var loadRemote = IDBFS.loadRemoteEntry;
    IDBFS.loadRemoteEntry = function (store, path, cb) { hsIdbfsLoad(loadRemote, store, path, cb); };
    var storeLocal = IDBFS.storeLocalEntry, removeLocal = IDBFS.removeLocalEntry;
    IDBFS.storeLocalEntry = function (path, entry, cb) { hsIdbfsStoreLocal(storeLocal, path, entry, cb); };
    IDBFS.removeLocalEntry = function (path, cb) { hsIdbfsRemoveLocal(removeLocal, path, cb); };
    Module['hsFs'] = {
      'mountDrafts': function (dir) { FS.mkdir(dir); FS.mount(IDBFS, {}, dir); },
      'syncfs': function (populate, cb) { FS.syncfs(populate, cb); },
      'pullExcept': hsIdbfsPullExcept,
    };
  },
  // A pull that leaves `keep` (this tab's unsaved changes, JournalFs::journal_paths) alone: syncfs(true) would copy
  // the older stored copy of each over the newer local one, only for the journal to write it back. Their folders
  // are kept too, as they may be new here (a folder is removed only when empty).
  // The wasm keeps running while IndexedDB is read (a frame, an autosave step), so `keep` is a function, asked when
  // the stored set has arrived: the local set and the journal are then taken in the same task as the reconcile's
  // removals, and a file written meanwhile is neither removed nor taken for one another tab deleted. The copies
  // into MEMFS come later, each in a task of its own: a file this tab changed by then keeps its own text
  // (hsIdbfsPullKeep). A removal finds the file gone already, or a folder not empty any more (something of this
  // tab's is in it): both are left as they are, not reported as a failed pull.
  $hsIdbfsPullKeep: null,
  $hsIdbfsPullExcept__deps: ['$FS', '$IDBFS', '$hsIdbfsPullKeep'],
  $hsIdbfsPullExcept: function (dir, keepFn, cb) {
    var mount = FS.lookupPath(dir).node.mount;
    IDBFS.getRemoteSet(mount, function (err2, remote) {
      if (err2) return cb(err2);
      IDBFS.getLocalSet(mount, function (err, local) {
        if (err) return cb(err);
        keepFn().forEach(function (p) {
          delete remote.entries[p];
          for (var q = p; q.length > dir.length; q = q.slice(0, q.lastIndexOf('/'))) delete local.entries[q];
        });
        hsIdbfsPullKeep = keepFn;
        IDBFS.reconcile(remote, local, function (e) { hsIdbfsPullKeep = null; cb(e); });
      });
    });
  },
  $hsIdbfsStoreLocal__deps: ['$FS', '$hsIdbfsPullKeep'],
  $hsIdbfsStoreLocal: function (store, path, entry, cb) {
    if (hsIdbfsPullKeep && !FS.isDir(entry['mode']) && hsIdbfsPullKeep().indexOf(path) >= 0) return cb(null);
    store(path, entry, cb);
  },
  $hsIdbfsRemoveLocal__deps: ['$FS'],
  $hsIdbfsRemoveLocal: function (remove, path, cb) {
    var gone = !FS.analyzePath(path).exists;
    if (gone) return cb(null);
    try {
      var node = FS.lookupPath(path).node;
      if (FS.isDir(node.mode) && Object.keys(node.contents || {}).length) return cb(null);
    } catch (e) {}
    remove(path, cb);
  },
  // IDBFS.reconcile (Emscripten's library_idbfs.js) for a push, MEMFS -> IndexedDB. IDBFS issues every put and
  // delete at once, in one task, and each put serialises its file on the main thread. Here each request is issued from
  // the previous one's onsuccess, so each costs its own task. They stay in one transaction, which commits only when
  // nothing is pending any more, so the push is still all or nothing. The same changes in the same order (puts by
  // ascending path, then deletes by descending path), with these differences:
  // - a file larger than hsIdbfsPieceSize is stored in pieces (see hsIdbfsPieceSize);
  // - the files are taken when the push starts (their arrays, as IDBFS takes them), so a write during the push does
  //   not change what it stores: every write here truncates first (PosixFs opens with "wb"), and MEMFS then gives
  //   the file a new array instead of writing into the old one;
  // - a small file kept in a larger buffer than its size is copied to an exact-size array in its put's task (a
  //   structured clone of a view copies the view's whole buffer); pieces are always copies of their bytes;
  // - a file gone since the set was taken is skipped (the next push deletes it);
  // - cb(err) exactly once, when the transaction has completed (null) or aborted (the first error). IDBFS reports an
  //   error at once and lets the other requests commit.
  $hsIdbfsPush__deps: ['$FS', '$IDBFS', '$hsIdbfsPieceSize', '$hsIdbfsPieceKey', '$hsIdbfsPieceRange'],
  $hsIdbfsPush: function (src, dst, cb) {
    // Each step issues one request on `store`: a file's put becomes "delete its old pieces, put each piece, put its
    // head", or "delete its old pieces, put it" for a small one; a delete removes the file and its pieces.
    var steps = [];
    function putFile(path, entry) {
      var c = entry['contents'], size = c ? c.byteLength : 0, n = Math.ceil(size / hsIdbfsPieceSize);
      steps.push(function (store) { return store.delete(hsIdbfsPieceRange(path)); });
      if (!c || n <= 1) {
        steps.push(function (store) {
          if (c && c.byteLength !== c.buffer.byteLength) entry['contents'] = c.slice();
          return store.put(entry, path);
        });
        return;
      }
      for (var k = 0; k < n; k++) (function (k) {
        steps.push(function (store) {
          return store.put({ 'contents': c.slice(k * hsIdbfsPieceSize, (k + 1) * hsIdbfsPieceSize) }, hsIdbfsPieceKey(path, k));
        });
      })(k);
      steps.push(function (store) {
        return store.put({ 'timestamp': entry['timestamp'], 'mode': entry['mode'], 'hsPieces': n, 'hsSize': size }, path);
      });
    }
    try {
      Object.keys(src.entries).sort().forEach(function (path) {
        var e2 = dst.entries[path];
        if (e2 && src.entries[path]['timestamp'].getTime() == e2['timestamp'].getTime()) return;
        IDBFS.loadLocalEntry(path, function (err, entry) {
          if (err && !FS.analyzePath(path).exists) return;  // gone since the set was taken: the next push deletes it
          if (err) throw err;
          putFile(path, entry);
        });
      });
    } catch (e) {
      return cb(e);
    }
    Object.keys(dst.entries).sort().reverse().forEach(function (path) {
      if (src.entries[path]) return;
      steps.push(function (store) { return store.delete(path); });
      steps.push(function (store) { return store.delete(hsIdbfsPieceRange(path)); });
    });
    if (!steps.length) return cb(null);
    var tx, store, first = null, finished = false, i = 0;
    function finish(err) { if (!finished) { finished = true; cb(err); } }
    function fail(err) {
      if (first) return;
      first = err || new Error('IndexedDB refused a write');
      try { tx.abort(); } catch (e) {}  // already finished: oncomplete or onabort reports it
    }
    function next() {
      if (first || i === steps.length) return;  // nothing pending: the transaction commits
      var req;
      try {
        req = steps[i++](store);
      } catch (e) {
        return fail(e);
      }
      req.onsuccess = next;
      req.onerror = function (e) { fail(req.error); e.preventDefault(); };
    }
    try {
      tx = dst.db.transaction([IDBFS.DB_STORE_NAME], 'readwrite');
      store = tx.objectStore(IDBFS.DB_STORE_NAME);
    } catch (e) {
      return cb(e);
    }
    tx.oncomplete = function () { finish(first); };
    tx.onabort = function () { finish(first || tx.error || new Error('the IndexedDB transaction was aborted')); };
    next();
  },
  // A file larger than this is stored as pieces of at most this size. In Chromium a put of a value larger than 64 KB
  // blocks the main thread ~17 ms per MB (Blink moves such values into a Blob); a 64 KB value costs under 1 ms
  // (bench/RESULTS.md). The layout in IDBFS's store:
  // - the file's own record (its head), at its path: {timestamp, mode, hsPieces: n, hsSize: bytes}, with no
  //   `contents`. IDBFS lists files by its `timestamp` index, so the head is listed as the file;
  // - its pieces, at hsIdbfsPieceKey(path, k): {contents: bytes}. They have no `timestamp`, so IDBFS's listing never
  //   sees them, in this version or an older one.
  // A build from before pieces has no hsIdbfsLoad: its pull fails on a head ("Unsupported data type", from
  // FS.writeFile) and such a tab then never pushes (web/app.js pushes only after a pull that succeeded), so it can
  // neither misread a draft stored in pieces nor delete one. Reloading gives it this version.
  $hsIdbfsPieceSize: 64512,  // 63 KB: a piece and its record stay under 64 KB
  $hsIdbfsPieceKey: function (path, k) { return path + '\u0000' + ('0000' + k).slice(-5); },
  $hsIdbfsPieceRange: function (path) { return IDBKeyRange.bound(path + '\u0000', path + '\u0001', false, true); },
  // IDBFS.loadRemoteEntry for a pull: a head's pieces, read in key order and joined. Pieces that are missing or of
  // the wrong total size still give the bytes that are there: the draft store then finds the file damaged and
  // quarantines it (with a raw download), as it does with any damaged file, and the other drafts load.
  $hsIdbfsLoad__deps: ['$hsIdbfsPieceRange'],
  $hsIdbfsLoad: function (loadRemote, store, path, cb) {
    loadRemote(store, path, function (err, entry) {
      if (err || !entry || !entry['hsPieces']) return cb(err, entry);
      var req;
      try {
        req = store.getAll(hsIdbfsPieceRange(path));
      } catch (e) {
        return cb(e);
      }
      req.onsuccess = function () {
        var pieces = req.result || [], size = 0, at = 0;
        pieces.forEach(function (p) { size += p['contents'] ? p['contents'].byteLength : 0; });
        var bytes = new Uint8Array(size);
        pieces.forEach(function (p) { if (p['contents']) { bytes.set(p['contents'], at); at += p['contents'].byteLength; } });
        cb(null, { 'timestamp': entry['timestamp'], 'mode': entry['mode'], 'contents': bytes });
      };
      req.onerror = function (e) { cb(req.error); e.preventDefault(); };
    });
  },
  // The edit journal (web/journal.js is window.hsJournal); without it (IndexedDB missing, the script not loaded)
  // writes are dropped and reads answer with no entries. Records and answers cross as JSON text.
  hs_js_journal_write: function (json) {
    var j = window['hsJournal'];
    if (j) j['write'](UTF8ToString(json));
  },
  hs_js_journal_read__deps: ['malloc', 'free'],
  hs_js_journal_read: function (id, draft) {
    var j = window['hsJournal'];
    var answer = function (texts) {
      // Through the heap: a long field's text would not fit ccall's stack copy.
      var s = JSON.stringify(texts || []), n = lengthBytesUTF8(s) + 1, p = _malloc(n);
      stringToUTF8(s, p, n);
      Module['_hs_journal_answer'](id, p);
      _free(p);
    };
    if (j) j['read'](UTF8ToString(draft)).then(answer, function () { answer([]); });
    else setTimeout(function () { answer([]); }, 0);
  },
  hs_js_journal_drop: function (draft, below) {
    var j = window['hsJournal'];
    if (j) j['drop'](UTF8ToString(draft), below);
  },
  // Text from the wasm arrives with its length (a NUL inside it stays part of it): see main.cpp.
  $hsText: function (ptr, len) { return len ? UTF8Decoder.decode(HEAPU8.subarray(ptr, ptr + len)) : ''; },
  hs_js_clipboard_write__deps: ['$hsText'],
  hs_js_clipboard_write: function (ptr, len) {
    var text = hsText(ptr, len);
    // Kept for the 'copy' event that follows Ctrl+C, which works without any permission prompt.
    Module['hsClipboard'] = text;
    Module['hsClipboardFresh'] = true;
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    } catch (e) {}
  },
  hs_js_download__deps: ['$hsText'],
  hs_js_download: function (namePtr, nameLen, mimePtr, dataPtr, len) {
    var bytes = HEAPU8.slice(dataPtr, dataPtr + len);
    var blob = new Blob([bytes], { type: UTF8ToString(mimePtr) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = hsText(namePtr, nameLen);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  },
  hs_js_set_title__deps: ['$hsText'],
  hs_js_set_title: function (ptr, len) { document.title = hsText(ptr, len); },
  hs_js_prefers_dark: function () {
    return (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) ? 1 : 0;
  },
  hs_js_now_ms: function () { return Date.now(); },
  hs_js_first_frame: function () { if (Module['onFirstFrame']) Module['onFirstFrame'](); },
  // The text field's flags (src/ui/text_input.h, kInput*).
  $HsInputFlag: { PASSWORD: 1, ENTER: 2, MONO: 4, AUTO_SELECT: 8, ENTER_ENDS: 16 },
  hs_js_overlay_show__deps: ['$hsText', '$HsInputFlag'],
  hs_js_overlay_show: function (path, x, y, w, h, clipTop, clipBottom, multiline, setText, text, textLen, hint, hintLen,
                                fontPx, dark, flags) {
    // Quoted names: the Closure Compiler renames unquoted properties, and web/app.js reads these by name (unquoted,
    // setText, fontPx and dark arrived renamed, so an undo never reached the DOM field and its font size was lost).
    if (Module['overlayShow']) Module['overlayShow']({ 'path': UTF8ToString(path), 'x': x, 'y': y, 'w': w, 'h': h,
      'clipTop': clipTop, 'clipBottom': clipBottom, 'multiline': !!multiline, 'setText': !!setText,
      'text': hsText(text, textLen), 'hint': hsText(hint, hintLen), 'fontPx': fontPx, 'dark': !!dark,
      'password': !!(flags & HsInputFlag.PASSWORD), 'enter': !!(flags & HsInputFlag.ENTER),
      'mono': !!(flags & HsInputFlag.MONO), 'autoSelect': !!(flags & HsInputFlag.AUTO_SELECT),
      'enterEnds': !!(flags & HsInputFlag.ENTER_ENDS) });
  },
  hs_js_overlay_hide: function () { if (Module['overlayHide']) Module['overlayHide'](); },
  // Accessibility (web/app.js): the mirror's changes, and news for the live regions.
  hs_js_a11y__deps: ['$hsText'],
  hs_js_a11y: function (ptr, len) { if (Module['a11y']) Module['a11y'](hsText(ptr, len)); },
  hs_js_announce__deps: ['$hsText'],
  hs_js_announce: function (ptr, len, assertive) { if (Module['announce']) Module['announce'](hsText(ptr, len), !!assertive); },
  hs_js_open_url: function (ptr) {
    var url = UTF8ToString(ptr);
    if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
  },
  hs_js_copy_text__deps: ['$hsText'],
  hs_js_copy_text: function (ptr, len) {
    var text = hsText(ptr, len);
    Module['hsClipboard'] = text;
    Module['hsClipboardFresh'] = true;
    try { navigator.clipboard.writeText(text).catch(function () {}); } catch (e) {}
  },
  hs_js_show_read_view__deps: ['$hsText'],
  hs_js_show_read_view: function (html, htmlLen, section) {
    if (Module['showReadView']) Module['showReadView'](hsText(html, htmlLen), UTF8ToString(section));
  },
  hs_js_read_view_rows__deps: ['$hsText'],
  hs_js_read_view_rows: function (html, htmlLen, from) {
    if (Module['readViewRows']) Module['readViewRows'](hsText(html, htmlLen), from);
  },
  hs_js_print: function () { setTimeout(function () { window.print(); }, 50); },
  hs_js_storage_push: function () { if (Module['storagePush']) Module['storagePush'](); },
  hs_js_lock_draft: function (ptr) { if (Module['lockDraft']) Module['lockDraft'](UTF8ToString(ptr)); },
  // One timer, the soonest asked for (Platform::set_timer): the frame it draws asks again for the later ones.
  hs_js_set_timer: function (ms) {
    var at = performance.now() + ms;
    if (Module['hsTimer']) {
      if (Module['hsTimerAt'] <= at) return;
      clearTimeout(Module['hsTimer']);
    }
    Module['hsTimerAt'] = at;
    Module['hsTimer'] = setTimeout(function () { Module['hsTimer'] = 0; if (!ABORT) Module['_hs_timer'](); }, ms);
  },
  // Frames: once the runtime has stopped (an abort), nothing calls into it again, neither frames nor input events
  // (web/app.js calls hsStop when it shows the "stopped" message).
  hs_js_request_frame: function () { requestAnimationFrame(function () { if (!ABORT) Module['_hs_raf'](); }); },
  hs_js_stop_setup__deps: ['$hsStopInstall'],
  hs_js_stop_setup__postset: 'hsStopInstall();',
  hs_js_stop_setup: function () {},
  $hsStopInstall__deps: ['$JSEvents'],
  $hsStopInstall: function () { Module['hsStop'] = function () { JSEvents.removeAllEventListeners(); }; },
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
  // The first character of a script that a font (a size and weight) has not drawn yet costs that font's first
  // lookup of the script's system font (a CJK or colour emoji font is megabytes): 5-30 ms in the frame that meets it,
  // the first Japanese keystroke or search result. So the wasm names its fonts once they are built, and while the
  // page is idle one character of each common script is measured with each of them, one at a time.
  hs_js_glyph_warm__deps: ['$hsGlyphCtx'],
  hs_js_glyph_warm: function (px, bold, mono) {
    var ctx = hsGlyphCtx(px, bold, mono), W = Module['hsGlyphWarm'] || (Module['hsGlyphWarm'] = { queue: [] });
    if (!ctx) return;
    // Cyrillic, Greek, Japanese, Chinese, Korean, Arabic, Hebrew, Thai, Devanagari, emoji, and the symbols that
    // postmortems use in text presentation (a stopwatch, a check mark, an arrow, a warning sign: other fonts again).
    ['\u0416', '\u03a9', '\u3042\u6f22', '\u4e2d', '\ud55c', '\u0639', '\u05d0', '\u0e01', '\u0915',
     '\ud83d\udd25', '\u23f1', '\u2713', '\u2192', '\u26a0'].forEach(function (c) { W.queue.push([ctx, c]); });
    if (W.busy) return;
    W.busy = true;
    var later = window.requestIdleCallback || function (f) { setTimeout(f, 200); };
    var step = function () {
      var next = W.queue.shift();
      if (ABORT || !next) { W.busy = false; return; }
      // Kept in a property: the Closure Compiler drops a call to measureText whose result is unused (it takes it for
      // a pure function), and the production build then warmed nothing.
      W['width'] = next[0].measureText(next[1]).width;
      later(step, { 'timeout': 100 });  // a busy page (an import) still gets them done within a few seconds
    };
    later(step, { 'timeout': 100 });
  },
  // One canvas per font (UI, bold, title, mono) for glyphs on demand: setting ctx.font costs ~0.4 ms (the string is
  // parsed and the fonts looked up), and a frame's new glyphs come from the fonts in turn.
  $hsGlyphCtx__deps: ['$hsGlyphFamily'],
  $hsGlyphCtx: function (px, bold, mono) {
    var G = Module['hsGlyph'] || (Module['hsGlyph'] = {});
    var key = px + (bold ? 'b' : '') + (mono ? 'm' : ''), ctx = G[key];
    if (ctx) return ctx;
    var c = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(256, 256) : document.createElement('canvas');
    c.width = 256; c.height = 256;
    ctx = c.getContext('2d', { 'willReadFrequently': true });
    if (!ctx) return null;
    ctx.font = (bold ? '600 ' : '400 ') + (px / 1.2109).toFixed(2) + 'px ' + hsGlyphFamily(mono);
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
    ctx.fillStyle = '#fff';
    return (G[key] = ctx);
  },
  // The common fonts for each script by name: a character that none of the listed fonts has sends the browser to the
  // system's font fallback, which costs ~0.5 ms per new character on Linux (fontconfig); a listed font is checked
  // directly. Latin, Greek and Cyrillic fonts come before the CJK ones (which also carry those letters).
  $hsGlyphFamily: function (mono) {
    return (mono ? '"JetBrains Mono", ui-monospace, monospace, ' : '') +
      'Inter, -apple-system, "Segoe UI", "Noto Sans", Roboto, "Helvetica Neue", Arial, ' +
      '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", ' +
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Apple SD Gothic Neo", "Malgun Gothic", ' +
      '"Noto Sans CJK KR", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Thai", "Noto Sans Devanagari", ' +
      '"Noto Sans Armenian", "Noto Sans Georgian", "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", ' +
      'system-ui, sans-serif';
  },
  // Glyphs on demand (src/ui/glyphs.h): draws one code point with the browser's own text renderer and the system's
  // fonts (any script the system can show, colour emoji included) and hands its pixels to the atlas. `px` is ImGui's
  // size (ascender to descender); Inter's is 1.2109 em, so the CSS size is px / 1.2109, as for the DOM overlay.
  // Returns 1 and fills metrics [w, h, x0, y0, advance, colored], or 0.
  hs_js_glyph__deps: ['$hsGlyphCtx'],
  hs_js_glyph: function (cp, px, bold, mono, out, cap, metrics) {
    var ctx = hsGlyphCtx(px, bold, mono);
    if (!ctx) return 0;
    var s = String.fromCodePoint(cp), mt = ctx.measureText(s);
    var x0 = Math.floor(-mt.actualBoundingBoxLeft) - 1, x1 = Math.ceil(mt.actualBoundingBoxRight) + 1;
    var y0 = Math.floor(-mt.actualBoundingBoxAscent) - 1, y1 = Math.ceil(mt.actualBoundingBoxDescent) + 1;
    var w = Math.min(255, x1 - x0), h = Math.min(255, y1 - y0);
    var f = HEAPF32, m = metrics >> 2;
    f[m + 2] = x0; f[m + 3] = y0; f[m + 4] = mt.width; f[m + 5] = 0;
    if (!(w > 2 && h > 2) || !isFinite(w + h)) { f[m] = 0; f[m + 1] = 0; return 1; }
    if (w * h > cap) return 0;
    ctx.clearRect(0, 0, w, h);
    ctx.fillText(s, -x0, -y0);
    var d = ctx.getImageData(0, 0, w, h).data, colored = 0, ink = 0;
    for (var i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      ink = 1;
      if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) { colored = 1; break; }
    }
    f[m] = ink ? w : 0; f[m + 1] = ink ? h : 0; f[m + 5] = colored;
    if (ink) HEAPU8.set(d, out);
    return 1;
  },
  // Paste events: the async Clipboard API (the browser may ask the user once); the text or the reason comes back.
  hs_js_read_clipboard: function () {
    var back = function (ok, text) {
      var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
      stringToUTF8(text, p, n);
      try { Module['ccall']('hs_clipboard_read', null, ['number', 'number'], [ok, p]); } finally { _free(p); }
    };
    if (!navigator.clipboard || !navigator.clipboard.readText) { back(0, 'this browser cannot read it from a button'); return; }
    navigator.clipboard.readText().then(function (t) { back(1, t); }, function (e) {
      back(0, (e && e.name === 'NotAllowedError') ? 'permission was not given' : String(e && e.message || e));
    });
  },
  hs_js_pick_files: function () { if (Module['pickFiles']) Module['pickFiles'](); },
  // The Slack export dialog's Import: the choices as JSON (hs::slack_options_json); the page imports the .zip it kept.
  hs_js_slack_import: function (ptr) { if (Module['slackImport']) Module['slackImport'](UTF8ToString(ptr)); },
  // Share links are made and read in the page's worker (web/app.js); answers come back through hs_link_answer.
  // `what`: an HsLinkRequest (web.h), handed to the page by name.
  $HsLinkRequest: { MAKE: 0, READ: 1, QR: 2, REVIEW: 3, LIBRARY: 4, TRENDS: 5 },
  hs_js_link__deps: ['$hsText', '$HsLinkRequest'],
  hs_js_link: function (what, id, a, aLen, b, bLen, pass, passLen) {
    var op = what === HsLinkRequest.READ ? 'read' : what === HsLinkRequest.QR ? 'qr' :
             what === HsLinkRequest.REVIEW ? 'review' : what === HsLinkRequest.LIBRARY ? 'library' :
             what === HsLinkRequest.TRENDS ? 'trends' : 'make';
    // The library's argument (a batch of drafts for the index: megabytes) goes as bytes, copied out of the heap and
    // handed over to the worker, which reads bytes: decoding it here would cost the frame that sends it.
    var arg = op === 'library' ? HEAPU8.slice(a, a + aLen) : hsText(a, aLen);
    if (Module['link']) Module['link'](op, id, arg, hsText(b, bLen), hsText(pass, passLen));
  },
  // Exports are made in the page's worker too (web/app.js exportJob); the answer comes back through hs_link_answer.
  hs_js_export__deps: ['$hsText'],
  hs_js_export: function (job, id, json, jsonLen, arg, argLen) {
    if (Module['exportJob']) Module['exportJob'](job, id, hsText(json, jsonLen), hsText(arg, argLen));
  },
  hs_js_cancel_link_reads: function () { if (Module['cancelLinkReads']) Module['cancelLinkReads'](); },
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
  // The startup's stages, for bench/startup and the first-load budget.
  hs_js_mark: function (ptr) { performance.mark(UTF8ToString(ptr)); },
  // A mark in the browser's profile (the autosave's steps).
  hs_js_trace: function (ptr) { console.timeStamp(UTF8ToString(ptr)); },
  // The page's address without its fragment, in memory the caller frees.
  hs_js_page_url: function () {
    var s = location.href.split('#')[0], n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },
  // Ids must differ between tabs and machines: crypto.getRandomValues, not the toolchain's random_device.
  hs_js_random_u32: function () { return crypto.getRandomValues(new Uint32Array(1))[0] | 0; },
  // Why main() could not start the editor: an HsFatal (web.h), handed to the page by name.
  $HsFatal: { NO_WEBGL2: 1 },
  hs_js_fatal__deps: ['$HsFatal'],
  hs_js_fatal: function (why) { if (Module['onFatal']) Module['onFatal'](why === HsFatal.NO_WEBGL2 ? 'webgl2' : 'unknown'); },
  // The app's theme for the page's own parts (web/style.css: :root[data-theme]), which otherwise follow the system.
  hs_js_page_theme: function (dark) { document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light'); },
  hs_js_set_cursor: function (ptr) {
    var c = document.getElementById('canvas');
    if (c) c.style.cursor = UTF8ToString(ptr);
  },
});
