// The edit journal's store: small records in an IndexedDB database of their own (not the drafts' IDBFS mount), so
// that typing is durable within a fraction of a second of the keystroke, long before the next full save. The wasm
// decides what to write, replay and delete (src/core/edit_journal.h); this module only stores and returns records:
// { k: key (draft, tab, field: a later edit of the field replaces the record), d: draft id, b: base (the revision
// of the full save the edit applies on top of), e: the encoded entry }.
'use strict';
(function () {
  var DB = 'hindsight-journal', STORE = 'entries', BY_DRAFT = 'draft-base';
  var opening = null;
  function open() {
    if (opening) return opening;
    opening = new Promise(function (res, rej) {
      var req = indexedDB.open(DB, 1);
      req.onupgradeneeded = function () {
        var s = req.result.createObjectStore(STORE, { keyPath: 'k' });
        s.createIndex(BY_DRAFT, ['d', 'b']);
      };
      req.onsuccess = function () { res(req.result); };
      req.onerror = function () { rej(req.error); };
      req.onblocked = function () { rej(new Error('journal database blocked')); };
    });
    opening.catch(function () { opening = null; });  // tried again with the next call
    return opening;
  }
  // One transaction per call. 'relaxed': complete once the browser has handed the write to the operating system,
  // which keeps it when the browser is killed or crashes; 'strict' (flushed to the disk) took over a second per write
  // on a busy machine, longer than the edits it must keep. Transactions on one store run in the order they were
  // made, so a later write of a field is never overtaken by an earlier one.
  function run(mode, fn) {
    return open().then(function (db) {
      return new Promise(function (res, rej) {
        var tx = db.transaction(STORE, mode, { durability: 'relaxed' });
        var out = fn(tx.objectStore(STORE));
        tx.oncomplete = function () { res(out.value); };
        tx.onabort = tx.onerror = function () { rej(tx.error); };
      });
    });
  }
  function draftRange(draft, below) {
    return IDBKeyRange.bound([draft, -Infinity], [draft, below === undefined ? Infinity : below], false, below !== undefined);
  }
  var api = {
    write: function (json) {
      var records;
      try { records = JSON.parse(json); } catch (e) { return Promise.resolve(); }
      api.pending++;
      var t0 = performance.now();
      var done = function () { api.pending--; api.lastCommitMs = performance.now() - t0; };
      return run('readwrite', function (s) {
        records.forEach(function (r) { s.put(r); });
        // Committed now, not once the page has run the puts' success events: a page busy drawing would delay those.
        if (s.transaction.commit) s.transaction.commit();
        return {};
      }).then(done, function (e) { done(); console.warn('edit journal: write failed', e); });
    },
    // The encoded entries of a draft, in no particular order.
    read: function (draft) {
      return run('readonly', function (s) {
        var out = { value: [] };
        s.index(BY_DRAFT).getAll(draftRange(draft)).onsuccess = function (e) {
          out.value = e.target.result.map(function (r) { return r.e; });
        };
        return out;
      });
    },
    // Deletes the draft's records whose base is older than `below`: a durable full save holds them.
    drop: function (draft, below) {
      return run('readwrite', function (s) {
        s.index(BY_DRAFT).openCursor(draftRange(draft, below)).onsuccess = function (e) {
          var c = e.target.result;
          if (c) { c.delete(); c.continue(); }
        };
        return {};
      }).catch(function (e) { console.warn('edit journal: delete failed', e); });
    },
    pending: 0,  // writes not yet committed (tests and benchmarks wait for 0)
    lastCommitMs: -1,  // how long the last write took, from the call to its commit
    // Every record, for tests.
    all: function () {
      return run('readonly', function (s) {
        var out = { value: [] };
        s.getAll().onsuccess = function (e) { out.value = e.target.result; };
        return out;
      });
    }
  };
  if (window.indexedDB) window.hsJournal = api;
})();
