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

  // Clipboard: Ctrl+V in the canvas fires 'paste' here (no permission prompt); its text goes to ImGui.
  document.addEventListener('paste', function (e) {
    if (document.activeElement !== canvas || !mod) return;
    var text = (e.clipboardData && e.clipboardData.getData('text/plain')) || '';
    e.preventDefault();
    mod.ccall('hs_on_paste', null, ['string'], [text]);
  });
  function onCopy(e) {
    if (document.activeElement !== canvas || !mod || !mod.hsClipboardFresh) return;
    e.clipboardData.setData('text/plain', mod.hsClipboard || '');
    mod.hsClipboardFresh = false;
    e.preventDefault();
  }
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCopy);
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
