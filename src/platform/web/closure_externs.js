// Externs for the Closure Compiler pass over Emscripten's JS (--closure 1). Emscripten's random-device code still
// names Node's `require` in a branch that is dead in this web-only build (ENVIRONMENT=web).
/** @type {function(string):?} */
var require;
