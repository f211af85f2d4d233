// Hindsight page glue: feature checks, loading screen, the wasm module, clipboard events and window.hindsight.
'use strict';
(function () {
  var canvas = document.getElementById('canvas');
  var loading = document.getElementById('loading');
  var BUILD = '@HS_VERSION@';

  // `stopped`: the editor ran and then stopped (not a browser that cannot start it): say so, and offer Reload.
  function fatal(msg, stopped) {
    loading.hidden = true;
    document.getElementById('fatal-text').textContent = msg;
    if (stopped) {
      document.getElementById('fatal-title').textContent = 'Hindsight stopped';
      document.getElementById('fatal-needs').hidden = true;
      var b = document.getElementById('fatal-reload');
      b.hidden = false;
      b.onclick = function () { location.reload(); };
    }
    document.getElementById('fatal').hidden = false;
    canvas.hidden = true;
  }

  var NO_WEBGL2 = 'WebGL 2 is not available. Hardware acceleration may be turned off in the browser settings, or the ' +
                  'graphics driver is blocked.';
  // Only whether the browser has the API: making a throwaway context to find out costs ~30-50 ms of startup. Whether
  // this device can make one, the editor finds out when it makes its own (onFatal 'webgl2').
  function hasWebGL2() { return typeof WebGL2RenderingContext === 'function'; }

  // Text for the wasm, on the heap: ccall's 'string' copies to the 1 MB stack, which a large document or paste overflows.
  function heapString(m, text, fn) {
    var n = m.lengthBytesUTF8(text) + 1, p = m._malloc(n);
    try { m.stringToUTF8(text, p, n); return fn(p); } finally { m._free(p); }
  }

  var readyResolve, readyReject;
  var api = {
    version: BUILD,
    ready: new Promise(function (res, rej) { readyResolve = res; readyReject = rej; }),
    // Frames drawn so far. Rendering is on demand: an idle tab draws none.
    frameCount: function () { return mod ? mod._hs_frame_count() : 0; },
    // Whether a frame is asked for and not drawn yet (an input is waiting for it). For tests.
    frameWanted: function () { return !!(mod && mod._hs_frame_wanted()); },
    // CPU time of the last frame (input, layout and draw lists; not the GPU's drawing), in ms. For tests.
    frameBuildMs: function () { return mod ? mod._hs_frame_build_ms() : 0; },
    // The GPU context: {lost, restores} (restores: how often it came back after a loss). For tests.
    gpu: function () { var n = mod ? mod._hs_context_restores() : 0; return { lost: !!(n & 1), restores: n >> 1 }; },
    // Glyphs drawn on demand (any script beyond Latin): how many so far, and whether the last frame still left some
    // for the next one (docs/text.md). For tests and bench/text.
    glyphs: function () { return mod ? { added: mod._hs_glyphs_added(), pending: !!mod._hs_glyphs_pending() } : null; },
    // The open document as canonical JSON text, or null when none is open.
    document: function () {
      if (!mod) return null;
      var s = mod.UTF8ToString(mod._hs_document_json());
      return s ? s : null;
    },
    // Where a named control was drawn in the last frame: {x, y, w, h} in CSS pixels, or null. For tests.
    locate: function (name) {
      if (!mod) return null;
      var all = JSON.parse(mod.UTF8ToString(mod._hs_locate_json()));
      var r = all[name];
      return r ? { x: r[0], y: r[1], w: r[2], h: r[3] } : null;
    },
    // The names of every control located in the last frame (for the accessibility e2e test).
    locateNames: function () { return mod ? Object.keys(JSON.parse(mod.UTF8ToString(mod._hs_locate_json()))) : []; },
    // Opens JSON text as a document (as "Open a file" does). Resolves to true when it opened.
    // Stops the runtime as an internal error would (abort), for the tests of what the page does then.
    testAbort: function () { if (mod) mod._hs_test_abort(); },
    openJSON: function (text, name) {
      return mod ? heapString(mod, text, function (p) {
        return mod.ccall('hs_open_json', 'number', ['number', 'string'], [p, name || 'file']);
      }) === 1 : false;
    },
  };
  api.ready.catch(function () {});
  window.hindsight = api;
  var mod = null;
  var cfg_overlay;
  var aborted = 0;

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fatal('WebAssembly is not available. It may be disabled by a browser setting or policy.');
    readyReject(new Error('no WebAssembly'));
    return;
  }
  if (!hasWebGL2()) {
    fatal(NO_WEBGL2);
    readyReject(new Error('no WebGL2'));
    return;
  }

  // Clipboard, with no permission prompt. A canvas is not editable, so browsers do not paste into it: on Ctrl+V the
  // focus moves for a moment to an off-screen textarea, the browser pastes there, and the text goes to ImGui.
  var sink = document.createElement('textarea');
  sink.setAttribute('aria-hidden', 'true');
  sink.tabIndex = -1;
  sink.style.cssText = 'position:fixed;left:-9999px;top:0;width:10px;height:10px;opacity:0';
  document.body.appendChild(sink);
  canvas.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) {
      sink.value = '';
      sink.focus({ preventScroll: true });
      setTimeout(function () { if (document.activeElement === sink) canvas.focus({ preventScroll: true }); }, 100);
    }
  }, true);
  sink.addEventListener('paste', function (e) {
    var text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
    e.preventDefault();
    canvas.focus({ preventScroll: true });
    if (mod) heapString(mod, text, function (p) { mod._hs_on_paste(p); });
  });
  function onCopy(e) {
    if (document.activeElement !== canvas || !mod || !mod.hsClipboardFresh) return;
    e.clipboardData.setData('text/plain', mod.hsClipboard || '');
    mod.hsClipboardFresh = false;
    e.preventDefault();
  }
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCopy);
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  canvas.addEventListener('mousedown', function () { canvas.focus({ preventScroll: true }); });
  canvas.addEventListener('touchstart', function () { canvas.focus({ preventScroll: true }); }, { passive: true });

  // ---- DOM text overlay: prose and text fields are edited in a real textarea/input over the ImGui field -------
  // (IME, dead keys, spell check, mobile keyboards). ImGui measures with Inter at `fontPx` line height; Inter's
  // ascender - descender is 1.2109 em, so the CSS font size is fontPx / 1.2109 for identical glyphs.
  var INTER_LINE = 1.2109;
  var ov = { path: '', el: null, quiet: false, password: false, enter: false, held: null, tabbing: false };
  function makeField(tag) {
    var el = document.createElement(tag);
    el.className = 'hs-overlay';
    el.setAttribute('spellcheck', 'true');
    el.style.display = 'none';
    document.body.appendChild(el);
    el.addEventListener('input', function () {
      if (!mod || !ov.path) return;
      // A passphrase is kept in NFC: the same words typed on a phone, a Mac (which may send decomposed letters) or
      // Windows derive the same key. Other text is kept exactly as typed.
      var v = ov.password ? el.value.normalize('NFC') : el.value;
      if (v.indexOf('\0') >= 0) v = v.replace(/\0/g, '');  // a NUL would cut the text where the wasm reads it
      heapString(mod, v, function (p) { mod.ccall('hs_overlay_input', null, ['string', 'number'], [ov.path, p]); });
      reportHeight();
    });
    el.addEventListener('keydown', function (e) {
      // Between a Tab and the next field's text box (the app's next frame) keys are typed into the held box; a Tab
      // or Escape then would leave the page's focus order, so they wait for the field.
      if (ov.held && (e.key === 'Tab' || e.key === 'Escape')) { e.preventDefault(); return; }
      if (!mod || !ov.path) return;
      var ctrl = e.ctrlKey || e.metaKey;
      if (e.isComposing) return;  // keys that belong to an IME composition
      if (e.key === 'Escape') { e.preventDefault(); done(OVERLAY_DONE.ESCAPE); canvas.focus({ preventScroll: true }); }
      else if (e.key === 'Tab') { e.preventDefault(); tab(e.shiftKey ? OVERLAY_DONE.SHIFT_TAB : OVERLAY_DONE.TAB); }
      else if (e.key === 'Enter' && (tag === 'input' || (ov.enterEnds && !e.shiftKey))) {
        e.preventDefault();
        if (ov.enter) mod.ccall('hs_overlay_enter', null, ['string', 'number'], [ov.path, e.shiftKey ? 1 : 0]);
        else { done(OVERLAY_DONE.ENTER); canvas.focus({ preventScroll: true }); }
      }
      else if (ctrl && !e.altKey && (e.key === 'z' || e.key === 'Z')) { e.preventDefault(); if (e.shiftKey) mod._hs_redo(); else mod._hs_undo(); }
      else if (ctrl && !e.altKey && (e.key === 'y' || e.key === 'Y')) { e.preventDefault(); mod._hs_redo(); }
      else if (ctrl && !e.altKey && (e.key === 'f' || e.key === 'F')) {  // find in the document, not in the page
        // Ctrl+Shift+F: the library (search all postmortems); Ctrl+F: find in this one.
        e.preventDefault(); done(OVERLAY_DONE.BLUR); canvas.focus({ preventScroll: true });
        if (e.shiftKey) mod._hs_library(); else mod._hs_find();
      }
      else if (ctrl && e.altKey && e.code === 'KeyM') {  // a comment on this field, about the words selected
        e.preventDefault(); reportSelection(el); done(OVERLAY_DONE.BLUR); canvas.focus({ preventScroll: true });
        mod._hs_comment_shortcut();
      }
      else if (ctrl && e.altKey && e.shiftKey && e.code === 'KeyX') {  // Suggest mode on or off (App::toggle_suggesting)
        e.preventDefault(); done(OVERLAY_DONE.BLUR); canvas.focus({ preventScroll: true });
        mod._hs_suggest_toggle();
      }
    });
    el.addEventListener('blur', function () {
      if (ov.quiet || !ov.path) return;
      reportSelection(el);  // a click on the field's comment button ends the editing: it takes these words
      done(OVERLAY_DONE.BLUR);
    });
    el.addEventListener('wheel', function (e) {  // the page scrolls under the field, as with any other control
      canvas.dispatchEvent(new WheelEvent('wheel', e));
      e.preventDefault();
    }, { passive: false });
    return el;
  }
  // The words selected in the text box (never a passphrase's), for the comment dialog (App::overlay_selection).
  function reportSelection(el) {
    var a = el.selectionStart, b = el.selectionEnd;
    if (!mod || !ov.path || ov.password || a == null || b <= a) return;
    heapString(mod, el.value.slice(a, b), function (p) {
      mod.ccall('hs_overlay_selection', null, ['string', 'number'], [ov.path, p]);
    });
  }
  var ovArea = makeField('textarea'), ovInput = makeField('input');
  // How editing in the overlay ended, for hs_overlay_done (App::overlay_done).
  var OVERLAY_DONE = { BLUR: 0, ESCAPE: 1, TAB: 2, SHIFT_TAB: 3, ENTER: 4 };
  function done(how) {
    var p = ov.path;
    if (!p || !mod) return 0;
    return mod.ccall('hs_overlay_done', 'number', ['string', 'number'], [p, how]);
  }
  // Tab: the app moves the editing to the next field at once, but its text box is placed by the next frame. What a
  // person types in between (a loaded machine may take 100 ms or more to draw it) stays in the box being left, which
  // is held on screen with the keyboard's focus; show() carries it into the next field (cfg_overlay.show).
  function tab(how) {
    ov.tabbing = true;
    var moved = done(how);
    ov.tabbing = false;
    if (!moved || !ov.held) { ov.held = null; cfg_overlay.hide(); return; }
    clearTimeout(ov.held.timer);
    ov.held.timer = setTimeout(function () { if (ov.held) { ov.held = null; cfg_overlay.hide(); } }, 3000);
  }
  // What was typed into `held` since it was held: the text inserted into its value (a deletion is not carried over).
  function typedSince(held) {
    var a = held.value, b = held.el.value;
    if (b.length <= a.length) return '';
    var i = 0;
    while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
    var j = 0;
    while (j < a.length - i && a.charCodeAt(a.length - 1 - j) === b.charCodeAt(b.length - 1 - j)) j++;
    return b.slice(i, b.length - j);
  }
  function reportHeight() {
    var el = ov.el;
    if (!el || el !== ovArea || !mod) return;
    var h = el.style.height;
    el.style.height = '0px';
    var need = el.scrollHeight + 2;
    el.style.height = h;
    mod.ccall('hs_overlay_height', null, ['string', 'number'], [ov.path, need]);
  }
  cfg_overlay = {
    show: function (o) {
      if (aborted) return;
      var el = o.multiline ? ovArea : ovInput, other = o.multiline ? ovInput : ovArea;
      var switching = ov.path !== o.path || ov.el !== el;
      var carried = '';
      if (ov.held) {
        carried = typedSince(ov.held);
        if (!o.multiline) carried = carried.replace(/[\r\n]+/g, ' ');
        clearTimeout(ov.held.timer);
        ov.held = null;
        switching = true;
      }
      ov.quiet = true;
      if (other.style.display !== 'none') other.style.display = 'none';
      ov.path = o.path;
      ov.el = el;
      ov.password = !!o.password;
      ov.enter = !!o.enter;
      ov.enterEnds = !!o.enterEnds;  // a wrapped one-line field: Enter ends editing (Shift+Enter still breaks the line)
      if (el === ovInput) {
        var type = o.password ? 'password' : 'text';
        if (el.type !== type) el.type = type;
        el.setAttribute('autocomplete', o.password ? 'new-password' : 'off');
        el.setAttribute('spellcheck', o.password || o.mono ? 'false' : 'true');
        el.classList.toggle('mono', !!o.mono);
      }
      el.style.display = 'block';
      el.style.left = o.x + 'px';
      el.style.top = o.y + 'px';
      el.style.width = o.w + 'px';
      el.style.height = o.h + 'px';
      var top = Math.max(0, o.clipTop - o.y), bottom = Math.max(0, o.y + o.h - o.clipBottom);
      el.style.clipPath = (top > 0 || bottom > 0) ? 'inset(' + top + 'px 0 ' + bottom + 'px 0)' : '';
      el.style.fontSize = (o.fontPx / INTER_LINE) + 'px';
      el.style.lineHeight = o.fontPx + 'px';
      el.classList.toggle('dark', o.dark);
      el.placeholder = o.hint;
      if (o.setText || switching) el.value = o.text;
      if (carried) el.value = o.autoSelect ? carried : el.value + carried;  // typing replaces a selected text
      if (switching) {
        el.focus({ preventScroll: true });
        var n = el.value.length;
        try { if (o.autoSelect && !carried) el.select(); else el.setSelectionRange(n, n); } catch (e) {}
        reportHeight();
      }
      ov.quiet = false;
      // The app is drawing its frame now: what was typed reaches it as this field's input right after.
      if (carried) Promise.resolve().then(function () { if (ov.el === el && ov.path === o.path) el.dispatchEvent(new Event('input')); });
    },
    hide: function () {
      if (ov.tabbing && ov.el && document.activeElement === ov.el) {
        // Tab: the box being left stays, with the keyboard's focus, until the next field's box is shown (tab()).
        ov.path = '';
        ov.held = { el: ov.el, value: ov.el.value, timer: 0 };
        return;
      }
      if (ov.held) { clearTimeout(ov.held.timer); ov.held = null; }
      var had = ov.el && document.activeElement === ov.el;
      ov.quiet = true;
      ov.path = '';
      ovArea.style.display = 'none';
      ovInput.style.display = 'none';
      ov.quiet = false;
      if (had) canvas.focus({ preventScroll: true });
    },
  };

  // ---- read view: the core's HTML export as real DOM --------------------------------------------------------------
  var rv = document.createElement('div');
  rv.id = 'readview';
  rv.hidden = true;
  rv.innerHTML = '<div class="rv-bar" role="toolbar"><button type="button" id="rv-edit">Edit</button>' +
    '<button type="button" id="rv-print">Print or save as PDF</button></div><div id="rv-doc"></div>';
  document.body.appendChild(rv);
  function closeReadView() {
    // Return to the editor at the section that was at the top of the read view.
    var section = '';
    var secs = rv.querySelectorAll('section[id^="sec-"]');
    for (var i = 0; i < secs.length; i++) {
      if (secs[i].getBoundingClientRect().bottom > 60) { section = secs[i].id.slice(4); break; }
    }
    rv.hidden = true;
    canvas.hidden = false;
    canvas.focus({ preventScroll: true });
    if (mod) mod.ccall('hs_read_view_closed', null, ['string'], [section]);
  }
  document.getElementById('rv-edit').addEventListener('click', closeReadView);
  document.getElementById('rv-print').addEventListener('click', function () { window.print(); });
  rv.addEventListener('keydown', function (e) { if (e.key === 'Escape') closeReadView(); });
  // A long timeline comes in batches: its last row's button asks for the next (App::read_view_more).
  rv.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-hs-more]');
    if (b && mod) { b.disabled = true; mod.ccall('hs_read_view_more', null, ['number'], [+b.getAttribute('data-hs-more')]); }
  });
  // The quote of a comment in the margin leads to the words it is about (core with_margin_comments_html). Scrolled to
  // here, not followed: the address's fragment is where links to open arrive (openLinkFromHash).
  rv.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.pm-comment-link');
    if (!a) return;
    e.preventDefault();
    var m = document.getElementById(a.getAttribute('href').slice(1));
    if (m) { m.scrollIntoView({ block: 'center' }); m.focus({ preventScroll: true }); }
  });
  var cfg_rows = function (html, from) {
    var b = rv.querySelector('button[data-hs-more="' + from + '"]'), row = b && b.closest('tr');
    if (!row) return;
    row.insertAdjacentHTML('beforebegin', html);  // the core escapes every string, as for the whole view
    row.remove();
  };
  var cfg_readview = function (html) {
    document.getElementById('rv-doc').innerHTML = html;  // the core escapes every string (tests/unit/test_exporters)
    rv.hidden = false;
    rv.scrollTop = 0;
    document.getElementById('rv-edit').focus();
  };
  api.readView = function () { return rv.hidden ? null : document.getElementById('rv-doc').innerText; };

  // ---- drafts storage: IDBFS at /idb, coordinated across tabs -----------------------------------------------------
  // IDBFS syncs the whole mount. Every sync runs under one Web Lock so that tabs never interleave: the first pull
  // (syncfs(true)) finishes before any push, and each push is a pull of what other tabs stored (leaving this tab's
  // own changes alone) -> push (src/core/journal_fs.h, JournalFs). A BroadcastChannel tells the other tabs to pull.
  var bc = ('BroadcastChannel' in window) ? new BroadcastChannel('hindsight-drafts') : null;
  function withStorageLock(fn) {
    if (navigator.locks && navigator.locks.request) return navigator.locks.request('hindsight-idbfs', fn);
    return fn();
  }
  function describe(err) {
    if (!err) return '';
    var name = err.name || (err.errno !== undefined ? 'errno ' + err.errno : '');
    if (/Quota/i.test(String(name) + String(err.message))) return 'the browser storage is full (quota exceeded)';
    return String(err.message || name || err);
  }
  // A save that is still on its way to IndexedDB when the page goes away (reload, close) would be lost: IndexedDB
  // work stops with the page. So on hide and on pagehide, the changes not yet durable are also written to
  // localStorage, which is synchronous; the next page applies them after its first pull (JournalFs::apply_rescue) and
  // drops them once they are stored. One key per tab, so tabs never overwrite each other's.
  var RESCUE = 'hindsight-rescue-';
  var rescueKey = RESCUE + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  var rescuedKeys = [];
  function lsSet(k, v) { try { if (v === null) localStorage.removeItem(k); else localStorage.setItem(k, v); } catch (e) {} }
  function saveRescue() {
    if (!mod) return;
    var s = mod.UTF8ToString(mod._hs_pending_json());
    lsSet(rescueKey, s === '{}' ? null : s);
  }
  function applyRescues(m) {
    var n = 0;
    try {
      var keys = [];  // first, since keys are removed on the way
      for (var i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
      keys.forEach(function (k) {
        if (k && k.indexOf(RESCUE) === 0 && k !== rescueKey) {
          var taken = heapString(m, localStorage.getItem(k), function (p) { return m._hs_apply_rescue(p); });
          // Nothing taken: IndexedDB already holds all of it (or newer), so the copy goes now; with changes taken
          // it goes once they are stored; when one could not be applied (-1) it stays for the next page.
          if (taken === 0) lsSet(k, null);
          else if (taken > 0) { n += taken; rescuedKeys.push(k); }
        }
      });
    } catch (e) {}
    return n;
  }
  function flushNow() {
    if (!mod || aborted) return;
    mod._hs_flush();
    saveRescue();
  }
  var pushes = 0;  // pushes requested and not finished
  var othersChanged = false;  // another tab stored drafts since this tab last read them
  var persisted = -1, usage = -1, quota = -1;
  function reportStorage(m) { m.ccall('hs_storage_info', null, ['number', 'number', 'number'], [persisted, usage, quota]); }
  function estimate(m) {  // at start and after each save, for the settings
    if (navigator.storage && navigator.storage.estimate) {
      navigator.storage.estimate().then(function (e) { usage = e.usage; quota = e.quota; reportStorage(m); }, function () {});
    }
  }
  function storageInfo(m) {
    var report = function () { reportStorage(m); };
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().then(function (granted) {
        api.persisted = granted;
        persisted = granted ? 1 : 0;
        report();
      }, function () { api.persisted = false; persisted = 0; report(); });
    }
    estimate(m);
  }
  function startStorage(m) {
    try {
      m.hsFs.mountDrafts('/idb');
    } catch (e) {
      m.ccall('hs_storage_loaded', null, ['number', 'string'], [0, 'IndexedDB is not available: ' + describe(e)]);
      return;
    }
    withStorageLock(function () {
      return new Promise(function (res) {
        m.hsFs.syncfs(true, function (err) {
          var rescued = err ? 0 : applyRescues(m);
          m.ccall('hs_storage_loaded', null, ['number', 'string'], [err ? 0 : 1, describe(err)]);
          res();
          if (rescued > 0) m._hs_storage_changed_elsewhere();  // store what the last page could not
          openLinkFromHash();
        });
      });
    });
    storageInfo(m);
    if (bc) bc.onmessage = function () { othersChanged = true; m._hs_storage_changed_elsewhere(); };
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flushNow(); });
    window.addEventListener('pagehide', flushNow);
  }
  // A share link: the document is in the fragment. It is handed to the app once (drafts are loaded by then, so the
  // app can offer a merge) and removed from the address bar, so it does not linger in history or reopen on reload.
  function openLinkFromHash() {
    var h = location.hash;
    if (!h || h.length < 2) return;
    history.replaceState(null, '', location.pathname + location.search);
    // Through the heap, not ccall's 'string' (which copies onto the 1 MB stack: a long link would overflow it).
    heapString(mod, h.slice(1), function (p) { mod.ccall('hs_open_link', null, ['number'], [p]); });
  }
  window.addEventListener('hashchange', function () { if (mod) openLinkFromHash(); });
  function storagePush() {
    if (aborted) return;
    var m = mod;
    pushes++;
    var done = function () { pushes--; };
    Promise.resolve(withStorageLock(function () {
      return new Promise(function (res) {
        // The pull brings in what other tabs stored, and leaves this tab's own changes (the journal) alone.
        var keep = function () { return JSON.parse(m.UTF8ToString(m._hs_journal_paths())); };
        m.hsFs.pullExcept('/idb', keep, function (err) {
          if (err) { m.ccall('hs_storage_pushed', null, ['string'], ['stored drafts could not be read: ' + describe(err)]); res(); return; }
          // The drafts are parsed again only when another tab stored something (it says so on the channel).
          var reload = othersChanged || !bc;
          othersChanged = false;
          var changes = m._hs_storage_after_pull(reload ? 1 : 0);
          if (changes === 0) { m.ccall('hs_storage_pushed', null, ['string'], ['']); res(); return; }
          m.hsFs.syncfs(false, function (err2) {
            m.ccall('hs_storage_pushed', null, ['string'], [describe(err2)]);
            if (!err2) {
              if (bc) bc.postMessage('changed');
              api.savedAt = Date.now();
              while (rescuedKeys.length) lsSet(rescuedKeys.pop(), null);
              estimate(m);
              if (m._hs_pending_count() === 0) lsSet(rescueKey, null);
            }
            res();
          });
        });
      });
    })).then(done, done);
  }
  // One tab edits a draft; others show it read-only and follow, and take over when it closes.
  var held = null;
  function lockDraft(id) {
    if (held) { held.abort.abort(); if (held.release) held.release(); held = null; }
    if (!navigator.locks || !navigator.locks.request) { mod.ccall('hs_draft_lock', null, ['string', 'number'], [id, 1]); return; }
    var mine = { abort: new AbortController(), release: null };
    held = mine;
    var name = 'hindsight-draft-' + id;
    var hold = function () {
      mod.ccall('hs_draft_lock', null, ['string', 'number'], [id, 1]);
      return new Promise(function (res) { mine.release = res; });
    };
    navigator.locks.request(name, { ifAvailable: true }, function (lock) {
      if (held !== mine) return;
      if (lock) return hold();
      mod.ccall('hs_draft_lock', null, ['string', 'number'], [id, 0]);
      navigator.locks.request(name, { signal: mine.abort.signal }, function () {
        if (held !== mine) return;
        return hold();
      }).catch(function () {});
    });
  }
  api.drafts = function () { return mod ? JSON.parse(mod.UTF8ToString(mod._hs_drafts_json())) : []; };
  function query(what) { return mod ? JSON.parse(mod.UTF8ToString(mod.ccall('hs_query', 'number', ['string'], [what]))) : null; }
  // Figures across drafts; snapshots of the open draft; damaged files set aside; save state. For tests.
  api.overview = function () { return query('overview'); };
  api.history = function () { return query('history'); };
  api.quarantine = function () { return query('quarantine'); };
  api.storage = function () { return query('storage'); };
  api.trends = function () { return query('trends'); };  // the trends view and the tables it shows

  // ---- offline: the service worker (web/sw.js) ---------------------------------------------------------------------
  // An update is installed in the background; the page offers it, and on Reload saves the drafts first, then lets the
  // new worker take over and reloads.
  var waiting = null;
  function offerUpdate(w) {
    if (!navigator.serviceWorker.controller || waiting === w) return;
    waiting = w;
    var bar = document.getElementById('update');
    bar.hidden = false;
  }
  function applyUpdate() {
    var w = waiting;
    if (!w) return;
    document.getElementById('update-reload').disabled = true;
    flushNow();
    var start = Date.now();
    (function wait() {
      // Every push finished (or 10 s passed: the localStorage copy written by flushNow still holds the changes).
      if (pushes > 0 && Date.now() - start < 10000) { setTimeout(wait, 50); return; }
      saveRescue();
      w.postMessage('hindsight-activate');
    })();
  }
  api.updateReady = function () { return !!waiting; };
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    document.getElementById('update-reload').addEventListener('click', applyUpdate);
    var reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (waiting && !reloading) { reloading = true; location.reload(); }
    });
    // Registered once the editor is up and the page has been idle a moment: installing the worker copies every app
    // file into its cache (about 1 MB), which would otherwise compete with starting the editor on a first visit.
    api.ready.then(function () {
      (window.requestIdleCallback || function (f) { setTimeout(f, 200); })(register, { timeout: 2000 });
    }, function () {});
    function register() {
      navigator.serviceWorker.register('sw.js').then(function (reg) {
        if (reg.waiting) offerUpdate(reg.waiting);
        reg.addEventListener('updatefound', function () {
          var w = reg.installing;
          if (w) w.addEventListener('statechange', function () { if (w.state === 'installed') offerUpdate(w); });
        });
        document.addEventListener('visibilitychange', function () {
          if (document.visibilityState === 'visible') reg.update().catch(function () {});
        });
      }, function (e) { console.warn('offline support unavailable: ' + (e && e.message)); });
    }
  }

  // Why a runtime stopped, for a person: " (out of memory)", or nothing when it gave no reason.
  function why(what) {
    var w = String(what || '').replace(/^RuntimeError: /, '').replace(/\.? ?Build with -s ASSERTIONS.*$/, '');
    if (/^Aborted\(\)?$|^$/.test(w)) return '';
    return ' (' + (/OOM|out of memory|Cannot enlarge memory/i.test(w) ? 'out of memory' : w.slice(0, 120)) + ')';
  }

  // ---- the worker (web/worker.js): files and long or encrypted links are read there, away from the editor ---------
  // One worker per kind of job, started on first use. If one stops (an abort: out of memory on a hostile file), only
  // its job fails, with a message; the editor and its drafts carry on, and the next job starts a fresh worker.
  function helper() {
    var w = null, ready = false, seq = 0, jobs = {};
    function reset(err) {
      if (w) w.terminate();
      w = null;
      ready = false;
      var j = jobs;
      jobs = {};
      for (var k in j) j[k].no(err);
    }
    function call(msg, transfer) {
      return new Promise(function (yes, no) {
        if (!w) {
          try { w = new Worker('worker.js'); } catch (e) { no({ load: true, message: String(e.message || e) }); return; }
          w.onmessage = function (e) {
            var d = e.data, j = jobs[d.id];
            if (d.ready) { ready = true; return; }
            if (!j) return;
            delete jobs[d.id];
            if (d.crashed) { reset({ message: d.crashed }); j.no({ message: d.crashed }); } else j.yes(d);
          };
          w.onerror = function (e) {  // before it was ready: it could not load (then the page does the job itself)
            e.preventDefault();
            reset({ load: !ready, message: e.message || 'it stopped' });
          };
        }
        msg.id = ++seq;
        jobs[msg.id] = { yes: yes, no: no };
        w.postMessage(msg, transfer || []);
      });
    }
    return { call: call, stop: function () { reset({ stopped: true }); } };
  }
  var fileHelper = helper(), linkHelper = helper(), libraryHelper = helper();
  function busy(text) {  // a quiet note while a file is read; the editor stays usable under it
    var el = document.getElementById('busy');
    if (!el) { el = document.createElement('div'); el.id = 'busy'; el.setAttribute('role', 'status'); document.body.appendChild(el); }
    el.textContent = text || '';
    el.hidden = !text;
  }

  // ---- files: picked or dropped anywhere on the page; each is opened or imported by the core (open_any) ----------
  // The worker's answers (web/worker.js), passed on as Platform::LinkStatus: 1 done, 0 refused, 2 needs a passphrase.
  var WORKER_STATUS = { REFUSED: 0, DONE: 1, NEEDS_PASSPHRASE: 2, CHOOSE: 3, TRACKER: 4, LIBRARY: 5 };
  // A Slack export's .zip waiting for the app's dialog (channels, time window): its bytes go to the worker again
  // with the choices (slackImport), so the worker keeps nothing between the two calls.
  var slackZip = null;
  var MAX_FILE = 64 * 1024 * 1024;  // the importers' own cap (kMaxImportBytes)
  var reading = 0;
  function message(text) { if (mod) mod.ccall('hs_show_message', null, ['string'], [text]); }
  // One file through the worker: `done(line)` gets a line for a summary of several files (null for the Slack
  // dialog, which speaks for itself), `refused(text)` the worker's refusal or why it could not be read.
  function openOne(name, buf, done, refused) {
    return fileHelper.call({ op: 'open', name: name, bytes: buf }).then(function (r) {  // a copy: buf stays
      if (r.status === WORKER_STATUS.CHOOSE) {
        slackZip = { name: name, bytes: buf };
        mod.ccall('hs_slack_choose', null, ['string', 'string'], [name, r.text]);
        return done(null);
      }
      if (r.status === WORKER_STATUS.TRACKER) {  // the editor matches its rows with the open postmortem's items
        heapString(mod, r.text, function (p) { mod.ccall('hs_tracker_csv', 'number', ['number', 'string'], [p, name]); });
        return done(null);
      }
      if (r.status === WORKER_STATUS.LIBRARY) {
        // A .zip of postmortems: each opens in turn, and so becomes its own draft, as several files dropped at once
        // do (the editor's wasm needs nothing more); then the worker's report of what was imported and what not.
        var lib = JSON.parse(r.text);
        lib.documents.forEach(function (d) {
          heapString(mod, d, function (p) {
            mod.ccall('hs_open_converted', 'number', ['number', 'string', 'string'], [p, name, 'hindsight']);
          });
        });
        message(lib.report + '\n\nEach is its own draft: the last is shown, the others are in the drafts list.');
        return done(null);
      }
      if (r.status !== WORKER_STATUS.DONE) return refused(r.text);
      heapString(mod, r.text, function (p) {
        mod.ccall('hs_open_converted', 'number', ['number', 'string', 'string'], [p, name, r.kind]);
      });
      done(name);
    }, function (e) {
      // Files are opened only in the worker (the editor's wasm has no importer), so without it none can be.
      if (e.load) return refused(name + ' could not be opened: the page could not start its worker' + why(e.message) +
                                 '. Reload the page and try again. Nothing you had open was changed.');
      refused(name + ' could not be opened: reading it stopped' + why(e.message) + '. It is probably too large ' +
              'or damaged. Nothing you had open was changed, and the editor carries on.');
    });
  }
  // The files of an unzipped Slack export, when dropped or picked together: its top files and its day files.
  var SLACK_TOP = /^(users|channels|groups|dms|mpims|integration_logs|canvases)\.json$/i;
  var SLACK_DAY = /^\d{4}-\d{2}-\d{2}\.json$/;
  function baseName(p) { return p.slice(p.lastIndexOf('/') + 1); }
  // The files as one bundle for the worker (hs::pack_slack_files): "HSFILES1", then per file a little-endian u32
  // path length, the UTF-8 path, a u32 size and the bytes.
  function packFiles(items, bufs) {
    var enc = new TextEncoder(), parts = [enc.encode('HSFILES1')], size = parts[0].length;
    items.forEach(function (it, i) {
      var path = enc.encode(it.path), head = new DataView(new ArrayBuffer(4)), len = new DataView(new ArrayBuffer(4));
      head.setUint32(0, path.length, true);
      len.setUint32(0, bufs[i].byteLength, true);
      [new Uint8Array(head.buffer), path, new Uint8Array(len.buffer), new Uint8Array(bufs[i])].forEach(function (u) {
        parts.push(u);
        size += u.length;
      });
    });
    var out = new Uint8Array(size), at = 0;
    parts.forEach(function (u) { out.set(u, at); at += u.length; });
    return out.buffer;
  }
  // `items`: [{file, path}] (path relative to what was dropped, or the file's name). An unzipped Slack export among
  // them is read as one export (the dialog of its .zip); every other file is opened on its own, as its own draft.
  // With several files, one message at the end says what was opened and what was not, so nothing goes unnoticed.
  function openFiles(items, unreadable) {
    if (!mod) return;
    var opened = [], refusals = (unreadable || []).slice(), pending = 0;
    var slack = items.filter(function (it) { var b = baseName(it.path); return SLACK_TOP.test(b) || SLACK_DAY.test(b); });
    var days = slack.filter(function (it) { return SLACK_DAY.test(baseName(it.path)); });
    if (slack.length < 2 || !days.length) slack = [];  // one day file alone is opened as a day file
    var alone = items.filter(function (it) { return slack.indexOf(it) < 0; });
    var several = alone.length + (slack.length ? 1 : 0) + refusals.length > 1;
    function start(text) {
      pending++;
      reading++;
      busy(text);
    }
    function end() {
      if (--reading === 0) busy('');
      if (--pending > 0 || !several || (opened.length < 2 && !refusals.length)) return;
      var lines = [];
      if (opened.length) {
        lines.push('Opened ' + opened.join(', ') + (opened.length > 1 ? ', each as its own draft; the last is shown, ' +
                   'the others are in the drafts list.' : '.'));
      }
      if (slack.length) lines.push('The ' + slack.length + ' files of the Slack export were read together as one export.');
      if (refusals.length) lines.push(refusals.join('\n\n'));
      message(lines.join('\n\n'));
    }
    function done(line) { if (line !== null) opened.push(line); }
    function refused(text) { if (several) refusals.push(text); else message(text); }
    function tooLarge(name, size) {
      refused(name + ' is ' + Math.round(size / 1048576) + ' MB; Hindsight opens files up to 64 MB. Nothing you had ' +
              'open was changed.');
    }
    if (slack.length) {
      var total = slack.reduce(function (n, it) { return n + it.file.size; }, 0);
      var top = slack[0].path.indexOf('/') > 0 ? slack[0].path.slice(0, slack[0].path.indexOf('/')) : '';
      var sameTop = top && slack.every(function (it) { return it.path.indexOf(top + '/') === 0; });
      var name = sameTop ? top : 'Slack export (' + slack.length + ' files)';
      if (total > MAX_FILE) {
        tooLarge(name, total);
      } else {
        start('Opening ' + name + ' (' + (total / 1048576).toFixed(1) + ' MB)\u2026');
        Promise.all(slack.map(function (it) { return it.file.arrayBuffer(); })).then(function (bufs) {
          return openOne(name, packFiles(slack, bufs), done, refused);
        }, function (e) {
          refused(name + ' could not be read (' + (e && e.message || e) + '). Nothing you had open was changed.');
        }).then(end, end);
      }
    }
    alone.forEach(function (it) {
      var f = it.file;
      if (f.size > MAX_FILE) return tooLarge(f.name, f.size);
      start('Opening ' + f.name + ' (' + (f.size / 1048576).toFixed(1) + ' MB)\u2026');
      f.arrayBuffer().then(function (buf) {
        return openOne(f.name, buf, done, refused);
      }, function (e) {
        refused(f.name + ' could not be read (' + (e && e.message || e) + ').');
      }).then(end, end);
    });
    if (!pending && several) { pending = 1; reading++; end(); }  // all refused before reading: say so
  }
  // What was dropped, with paths: folders are walked (DataTransfer entries), so that an unzipped export's day files
  // keep their channel folder. Files that cannot be read are named in the message, not skipped.
  var MAX_DROPPED = 20000;  // as the zip reader's cap on entries
  function droppedFiles(dt) {
    var entries = Array.prototype.map.call(dt.items || [], function (it) {
      return it.kind === 'file' && it.webkitGetAsEntry ? it.webkitGetAsEntry() : null;
    });
    if (!entries.length || entries.some(function (e) { return !e; })) {
      return Promise.resolve({ items: Array.prototype.map.call(dt.files, function (f) {
        return { file: f, path: f.webkitRelativePath || f.name };
      }), unreadable: [] });
    }
    var items = [], unreadable = [];
    function walk(entry) {
      var path = entry.fullPath.replace(/^\/+/, '');
      if (items.length >= MAX_DROPPED) {
        unreadable.push(path + ' and what follows were left out: more than ' + MAX_DROPPED + ' files at once.');
        return Promise.resolve();
      }
      if (entry.isFile) {
        return new Promise(function (yes) {
          entry.file(function (f) { items.push({ file: f, path: path }); yes(); },
                     function (e) { unreadable.push(path + ' could not be read (' + (e && e.message || e) + ').'); yes(); });
        });
      }
      var reader = entry.createReader(), children = [];
      return new Promise(function (yes) {
        (function more() {  // readEntries gives a folder's entries in batches, until an empty one
          reader.readEntries(function (batch) {
            if (batch.length) { children = children.concat(batch); return more(); }
            children.sort(function (a, b) { return a.fullPath < b.fullPath ? -1 : 1; });
            children.reduce(function (p, c) { return p.then(function () { return walk(c); }); }, Promise.resolve()).then(yes);
          }, function (e) { unreadable.push(path + '/ could not be read (' + (e && e.message || e) + ').'); yes(); });
        })();
      });
    }
    return entries.reduce(function (p, e) { return p.then(function () { return walk(e); }); }, Promise.resolve())
      .then(function () { return { items: items, unreadable: unreadable }; });
  }
  function slackImport(options) {  // the dialog's Import (library_hindsight.js hs_js_slack_import)
    var z = slackZip;
    if (!z || !mod) return message('The Slack export is no longer at hand; open it again.');
    reading++;
    busy('Importing ' + z.name + '\u2026');
    var end = function () { if (--reading === 0) busy(''); };
    fileHelper.call({ op: 'slack', name: z.name, bytes: z.bytes, options: options }).then(function (r) {
      if (r.status !== WORKER_STATUS.DONE) return message(r.text);
      slackZip = null;
      heapString(mod, r.text, function (p) {
        mod.ccall('hs_open_converted', 'number', ['number', 'string', 'string'], [p, z.name, r.kind]);
      });
    }, function (e) {
      message(z.name + ' could not be imported: reading it stopped' + why(e.message) + '. Nothing you had open was ' +
              'changed.');
    }).then(end, end);
  }
  // Share links: made ('make') and read ('read', library_hindsight.js HsLinkRequest) in a worker; reads in their
  // own, which Stop ends at once. A link's QR code ('qr') is made there too.
  function link(op, id, a, b, pass) {
    // The library's index (src/platform/library_job.h) lives in a worker of its own, kept between calls, so that a
    // file import that runs the file worker out of memory does not take the index with it. The editor (not this
    // page) sends it the drafts, since it holds them: they are in its own heap (MEMFS over IDBFS).
    // The library's argument comes as bytes (a Uint8Array of its own), handed over rather than copied. (Sent at once,
    // in the frame that asks: a task of its own would wait for the next frame, a search's answer with it.)
    if (op === 'library') return workerAnswer(id, libraryHelper, { op: 'library', job: b, arg: a }, [a.buffer]);
    var read = op === 'read';
    workerAnswer(id, read ? linkHelper : fileHelper, read ? { op: 'decode', fragment: a, passphrase: pass }
                                                        : op === 'qr' ? { op: 'qr', text: a }
                                                        : op === 'review' ? { op: 'review', job: b, args: a }
                                                        : op === 'trends' ? { op: 'trends', job: b, docs: a, today: pass }
                                                        : { op: 'encode', doc: a, base: b, passphrase: pass });
  }
  // Exports (core/exporters/jobs.h) are made in the worker as well: the editor's wasm does not carry the exporters.
  function exportJob(job, id, doc, arg) { workerAnswer(id, fileHelper, { op: 'export', job: job, doc: doc, arg: arg }); }
  // Sends `msg` to a worker and hands its answer (or why there is none) to the editor as hs_link_answer(id, ...).
  // The answer comes as UTF-8 bytes (msg.raw), copied straight into the wasm: a library search answers every
  // keystroke with tens of kilobytes, which as strings were garbage for the page's collector.
  function workerAnswer(id, helper, msg, transfer) {
    var answer = function (status, text) {
      if (mod) heapString(mod, text, function (p) { mod._hs_link_answer(id, status, p); });
    };
    msg.raw = true;
    helper.call(msg, transfer).then(function (r) {
      if (!mod) return;
      var u8 = new Uint8Array(r.bytes), p = mod._malloc(u8.length + 1);
      if (!p) return answer(WORKER_STATUS.REFUSED, 'the editor is out of memory for the answer.');
      try { mod.HEAPU8.set(u8, p); mod.HEAPU8[p + u8.length] = 0; mod._hs_link_answer(id, r.status, p); } finally { mod._free(p); }
    }, function (e) {
      if (!e.stopped) answer(WORKER_STATUS.REFUSED, (e.load ? 'the page could not start its worker' : 'the worker stopped') + why(e.message) + '.');
    });
  }

  // ---- Accessibility: the mirror of the canvas and the live regions are in a11y.js, loaded after the first frame (it
  // is not part of the first load); until then the wasm keeps its mirror off and sends nothing.
  var ax = null;
  function loadA11y(m) {
    var el = document.createElement('script');
    el.src = 'a11y.js';
    el.onload = function () { ax = window.hindsightA11y(m, canvas); m._hs_a11y_on(1); };
    document.body.appendChild(el);
  }
  var picker = document.createElement('input');
  picker.type = 'file';
  picker.multiple = true;
  picker.accept = '.json,.jsonl,.ndjson,.log,.csv,.zip,application/json,text/csv,application/zip';
  picker.hidden = true;
  picker.addEventListener('change', function () {
    openFiles(Array.prototype.map.call(picker.files, function (f) { return { file: f, path: f.webkitRelativePath || f.name }; }));
    canvas.focus({ preventScroll: true });
  });
  document.body.appendChild(picker);
  window.addEventListener('dragover', function (e) {
    if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  });
  window.addEventListener('drop', function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files || !e.dataTransfer.files.length) return;
    e.preventDefault();
    droppedFiles(e.dataTransfer).then(function (d) { openFiles(d.items, d.unreadable); });
  });

  // The samples' titles (their bodies are fetched only when one is opened): asked for now, alongside the wasm.
  var samplesIndex = fetch('samples/index.json').then(function (r) { return r.ok ? r.text() : null; })
    .catch(function () { return null; });

  var script = document.createElement('script');
  script.src = 'hindsight.js';
  script.onerror = function () {
    fatal('The editor could not be loaded. If you are offline, reconnect once so this browser can keep a copy.');
    readyReject(new Error('load failed'));
  };
  script.onload = function () {
    performance.mark('hs-js-loaded');  // bench/startup reads these marks (and hs-* from the wasm) for its breakdown
    var cfg = {
      preRun: [function () { performance.mark('hs-wasm-instantiated'); }],
      canvas: canvas,
      overlayShow: cfg_overlay.show,
      overlayHide: cfg_overlay.hide,
      showReadView: cfg_readview,
      readViewRows: cfg_rows,
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); },
      onFirstFrame: function () {
        mod = mod || cfg;  // with MODULARIZE the module is this same object
        api.readyAt = performance.now();  // ms from navigation start to the first drawn frame
        loading.classList.add('done');
        setTimeout(function () { loading.hidden = true; }, 250);
        if (document.activeElement === document.body) canvas.focus({ preventScroll: true });
        readyResolve(api);
      },
      // The runtime stopped (out of memory, or an internal error): nothing more can be drawn or saved from this page,
      // so say so plainly instead of leaving "Saving…" on a frozen editor. What was saved stays in this browser.
      onAbort: function (what) {
        // Edits of the last moment, not yet stored, go to the rescue copy the next page stores (as on pagehide), if
        // the stopped runtime can still hand them over.
        if (aborted) return;
        try { flushNow(); } catch (e) {}
        aborted = 1;  // nothing calls into the stopped runtime again (pagehide would flush)
        if (cfg.hsStop) cfg.hsStop();  // nor do its event handlers
        cfg_overlay.hide();
        fatal('Hindsight stopped because of an internal error' + why(what) + '. Your drafts are ' +
              'kept as they were last saved, with the last edits where they could be rescued. Reload the page to go on; if a ' +
              'file you opened caused this, it is too large or damaged.', true);
      },
      // main() could not start the editor (no WebGL 2 context) and returned: the module still resolves, so `halted`
      // keeps everything below from calling into a wasm that has no app (it would throw from every call).
      onFatal: function (what) {
        halted = true;
        fatal(what === 'webgl2' ? NO_WEBGL2 : String(what));
        readyReject(new Error(String(what)));
      },
    };
    cfg.storagePush = storagePush;
    cfg.lockDraft = lockDraft;
    cfg.pickFiles = function () { picker.value = ''; picker.click(); };
    cfg.slackImport = slackImport;
    cfg.link = link;
    cfg.exportJob = exportJob;
    cfg.cancelLinkReads = linkHelper.stop;
    cfg.a11y = function (json) { if (ax) ax.apply(json); };
    cfg.announce = function (text, assertive) { if (ax) ax.announce(text, assertive); };
    // Ctrl+O (Cmd+O) opens any supported file, from the canvas or a text field alike, instead of the browser's own
    // Open dialog. The picker opens here, inside the key event, which browsers require of a file chooser.
    document.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.code === 'KeyO' || e.key === 'o' || e.key === 'O')) {
        e.preventDefault();
        e.stopPropagation();
        if (mod) cfg.pickFiles();
      }
    }, true);
    // Reduced motion and forced colours reach the canvas too (docs/accessibility.md); under forced colours the
    // system's colours are read from a probe element, which the browser gives the user's palette.
    var watchMedia = function (m) {
      var q = ['(prefers-reduced-motion: reduce)', '(forced-colors: active)'].map(function (s) { return matchMedia(s); });
      var send = function () {
        var p = document.body.appendChild(document.createElement('i'));
        var c = 'Canvas CanvasText Highlight HighlightText ButtonFace ButtonText'.split(' ').map(function (n) {
          p.style.color = n;
          var v = q[1].matches && getComputedStyle(p).color.match(/\d+/g);
          return v ? v[0] << 16 | v[1] << 8 | v[2] : -1;
        });
        p.remove();
        m._hs_set_media.apply(m, [q[0].matches | q[1].matches << 1].concat(c));
      };
      q.forEach(function (x) { if (x.addEventListener) x.addEventListener('change', send); });
      send();
    };
    var halted = false;
    createHindsight(cfg).then(function (m) {
      if (halted) return;
      mod = m;
      startStorage(m);
      api.ready.then(function () { loadA11y(m); });
      samplesIndex.then(function (t) { if (t) m.ccall('hs_set_samples', null, ['string'], [t]); });
      if (window.matchMedia) {
        var mq = window.matchMedia('(prefers-color-scheme: dark)');
        var onScheme = function () { m._hs_set_dark(mq.matches ? 1 : 0); };
        if (mq.addEventListener) mq.addEventListener('change', onScheme);
        watchMedia(m);
      }
    }, function (err) {
      fatal('The editor failed to start: ' + (err && err.message ? err.message : err));
      readyReject(err);
    });
  };
  document.body.appendChild(script);
})();
