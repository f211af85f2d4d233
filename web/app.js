// Hindsight page glue: feature checks, loading screen, the wasm module, clipboard events and window.hindsight.
'use strict';
(function () {
  var canvas = document.getElementById('canvas');
  var loading = document.getElementById('loading');
  var BUILD = '@HS_VERSION@';

  function fatal(msg) {
    loading.hidden = true;
    document.getElementById('fatal-text').textContent = msg;
    document.getElementById('fatal').hidden = false;
    canvas.hidden = true;
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  var readyResolve, readyReject;
  var api = {
    version: BUILD,
    ready: new Promise(function (res, rej) { readyResolve = res; readyReject = rej; }),
    // Frames drawn so far. Rendering is on demand: an idle tab draws none.
    frameCount: function () { return mod ? mod._hs_frame_count() : 0; },
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
    // Opens JSON text as a document (as "Open a file" does). Resolves to true when it opened.
    openJSON: function (text, name) {
      return mod ? mod.ccall('hs_open_json', 'number', ['string', 'string'], [text, name || 'file']) === 1 : false;
    },
  };
  api.ready.catch(function () {});
  window.hindsight = api;
  var mod = null;

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fatal('WebAssembly is not available. It may be disabled by a browser setting or policy.');
    readyReject(new Error('no WebAssembly'));
    return;
  }
  if (!hasWebGL2()) {
    fatal('WebGL 2 is not available. Hardware acceleration may be turned off in the browser settings, or the ' +
          'graphics driver is blocked.');
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
    if (mod) mod.ccall('hs_on_paste', null, ['string'], [text]);
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

  var script = document.createElement('script');
  script.src = 'hindsight.js';
  script.onerror = function () {
    fatal('The editor could not be loaded. If you are offline, reconnect once so this browser can keep a copy.');
    readyReject(new Error('load failed'));
  };
  script.onload = function () {
    var cfg = {
      canvas: canvas,
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); },
      onFirstFrame: function () {
        mod = mod || cfg;  // with MODULARIZE the module is this same object
        loading.classList.add('done');
        setTimeout(function () { loading.hidden = true; }, 250);
        if (document.activeElement === document.body) canvas.focus({ preventScroll: true });
        readyResolve(api);
      },
      onFatal: function (what) {
        fatal(what === 'webgl2' ? 'WebGL 2 could not be started on this device.' : String(what));
        readyReject(new Error(String(what)));
      },
    };
    createHindsight(cfg).then(function (m) {
      mod = m;
      if (window.matchMedia) {
        var mq = window.matchMedia('(prefers-color-scheme: dark)');
        var onScheme = function () { m._hs_set_dark(mq.matches ? 1 : 0); };
        if (mq.addEventListener) mq.addEventListener('change', onScheme);
      }
    }, function (err) {
      fatal('The editor failed to start: ' + (err && err.message ? err.message : err));
      readyReject(err);
    });
  };
  document.body.appendChild(script);
})();
