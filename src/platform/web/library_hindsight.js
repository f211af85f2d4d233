// JS functions the wasm calls (Emscripten --js-library). The page glue (web/app.js) owns the DOM side.
mergeInto(LibraryManager.library, {
  hs_js_clipboard_write: function (ptr) {
    var text = UTF8ToString(ptr);
    // Kept for the 'copy' event that follows Ctrl+C, which works without any permission prompt.
    Module.hsClipboard = text;
    Module.hsClipboardFresh = true;
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
  hs_js_first_frame: function () { if (Module.onFirstFrame) Module.onFirstFrame(); },
  hs_js_set_cursor: function (ptr) {
    var c = document.getElementById('canvas');
    if (c) c.style.cursor = UTF8ToString(ptr);
  },
});
