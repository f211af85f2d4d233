// Hindsight service worker: the app works offline. Each build precaches its own files under its own cache name
// (scripts/assemble_dist.py fills in the build id and the file list); an update waits until the page says the drafts
// are saved, then takes over (web/app.js shows "A new version is ready"). Only this origin's GET requests are served.
'use strict';
var BUILD = '@HS_VERSION@';
var FILES = ['./'].concat(/*@HS_PRECACHE@*/[]);
var CACHE = 'hindsight-' + BUILD;

self.addEventListener('install', function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) {
    // 'reload': fetch from the server, never from the HTTP cache, so a build never mixes files of two builds.
    return c.addAll(FILES.map(function (f) { return new Request(f, { cache: 'reload' }); }));
  }));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('hindsight-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// The page calls this after its drafts are saved (never before: an update must not drop an edit).
self.addEventListener('message', function (e) {
  if (e.data === 'hindsight-activate') self.skipWaiting();
});

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET') return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  var key = req.mode === 'navigate' ? './' : req;
  e.respondWith(caches.open(CACHE).then(function (c) {
    return c.match(key, { ignoreSearch: true }).then(function (hit) { return hit || fetch(req); });
  }));
});
