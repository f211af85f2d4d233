// Hindsight accessibility (docs/accessibility.md), loaded by app.js after the editor's first frame: the mirror of the
// controls the canvas draws, and the live regions that speak what changes. window.hindsightA11y(module, canvas)
// returns {apply(changes_json), announce(text, assertive)}, which the wasm calls (src/ui/a11y.cpp, app.cpp).
'use strict';
window.hindsightA11y = function (mod, canvas) {
  // The canvas is one role=application widget; the controls it draws are mirrored by elements inside it (canvas
  // fallback content: in the accessibility tree, never painted). The canvas keeps the keyboard focus and names the
  // focused control with aria-activedescendant, so every key still reaches ImGui. src/ui/a11y.cpp sends only what
  // changed: nothing while the editor is idle.
  var AX = { CHECKED: 1, EXPANDED: 2, EXPANDABLE: 4, DISABLED: 8, SELECTED: 16, CHECKABLE: 32, SORT_UP: 64, SORT_DOWN: 128 };
  // Roles that must sit in a container of theirs (a tab in a tablist): consecutive ones are grouped.
  var AX_GROUP = { tab: 'tablist', menuitem: 'menu', menuitemcheckbox: 'menu' };
  var axNodes = new Map(), axSeq = 0;  // key -> element
  canvas.setAttribute('role', 'application');
  function axFlag(el, attr, on, applies) {
    if (applies) el.setAttribute(attr, on ? 'true' : 'false'); else el.removeAttribute(attr);
  }
  function axAttr(el, attr, value) { if (value) el.setAttribute(attr, value); else el.removeAttribute(attr); }
  function axPress(type) { canvas.dispatchEvent(new KeyboardEvent(type, { key: ' ', code: 'Space', keyCode: 32, bubbles: true })); }
  function afterFrames(n, fn) { if (n <= 0) fn(); else requestAnimationFrame(function () { afterFrames(n - 1, fn); }); }
  // A screen reader's cursor or Tab reached a mirror element: ImGui's focus moves to its control, the DOM focus
  // goes back to the canvas (which now names that element as active).
  function axFocus(el) {
    if (el.hsId) mod._hs_a11y_focus(el.hsId);
    canvas.focus({ preventScroll: true });
  }
  // Activation from a screen reader (a click on the element): focus the control, then press Space as ImGui's
  // keyboard navigation does.
  function axActivate(el) {
    if (!el.hsId) return;
    axFocus(el);
    afterFrames(2, function () { axPress('keydown'); afterFrames(2, function () { axPress('keyup'); }); });
  }
  // A table's header row (row 1), kept on the table's element and put back first whenever its rows are placed.
  function axHead(table, names, sorted, direction) {
    var head = table.hsHead || (table.hsHead = document.createElement('div'));
    head.setAttribute('role', 'row');
    head.setAttribute('aria-rowindex', '1');
    head.textContent = '';
    names.forEach(function (name, i) {
      var c = document.createElement('div');
      c.setAttribute('role', 'columnheader');
      c.textContent = name;
      if (i === sorted) c.setAttribute('aria-sort', direction);
      head.appendChild(c);
    });
    if (!head.parentNode) table.insertBefore(head, table.firstChild);
  }
  function axNode(n) {
    var el = axNodes.get(n[0]);
    if (!el) {
      axNodes.set(n[0], el = document.createElement('div'));
      el.id = 'hs-ax-' + (++axSeq);
      el.addEventListener('focus', function () { axFocus(el); });
      el.addEventListener('click', function (e) { if (el.hsId) { e.preventDefault(); e.stopPropagation(); axActivate(el); } });
    }
    var s = n[4], role = n[1];
    el.setAttribute('role', role);
    el.hsRole = role;
    // Rows and cells are named by what they hold; a table or a control by its name.
    if (n[2]) el.setAttribute('aria-label', n[2]); else el.removeAttribute('aria-label');
    // A table or a row holds its children's elements, not text; a table's value is its column names.
    if (el.hsHead && role !== 'table') {  // a table's header row, from when the key was a table
      if (el.hsHead.parentNode) el.hsHead.parentNode.removeChild(el.hsHead);
      el.hsHead = null;
    }
    if (role === 'table' || role === 'row') {
      // Text left from when the key was another control (its children, elements, stay where axOrder puts them).
      for (var c = el.firstChild, next; c; c = next) { next = c.nextSibling; if (c.nodeType === 3) el.removeChild(c); }
      if (role === 'table') axHead(el, n[3].split('\t'), (s >> 8) - 1, s & AX.SORT_UP ? 'ascending' : 'descending');
    } else el.textContent = n[3];
    if (n[5]) el.tabIndex = -1; else el.removeAttribute('tabindex');
    el.hsDepth = n[7] || 0;
    axAttr(el, 'aria-rowcount', role === 'table' && n[8]);
    axAttr(el, 'aria-rowindex', role === 'row' && n[8]);
    axFlag(el, 'aria-checked', s & AX.CHECKED, s & AX.CHECKABLE);
    axFlag(el, 'aria-expanded', s & AX.EXPANDED, s & AX.EXPANDABLE);
    axFlag(el, 'aria-disabled', true, s & AX.DISABLED);
    axFlag(el, 'aria-selected', s & AX.SELECTED, role === 'tab');
    el.hsId = n[5];
    if (n[6]) el.setAttribute('data-locate', n[6]); else el.removeAttribute('data-locate');
  }
  // The reading order: the elements in drawing order, runs of tabs or menu items in their container, and the nodes
  // of a table (its rows, the controls in a row, each in a cell of its own) inside their parent: a node's depth says
  // how deep. The mirror is reconciled in place, not rebuilt: each container keeps a cursor over its element
  // children, an element already where it belongs is passed over, one out of place is moved there, and what is left
  // after the cursor at the end is gone. Cells and groups are kept on the element they hold (or begin). The order is
  // sent with every change (a whole screen of controls, at every keystroke in the library's search box), and a
  // rebuild made and dropped hundreds of elements each time, which the page's garbage collector then had to trace.
  // Allocates next to nothing: a screen's order is a few hundred keys at every change.
  var touched = [], parents = [], axGen = 0;
  function axOrder(keys) {
    var nTouched = 0, top = 0, group = null, gen = ++axGen, i, el, box;
    parents[0] = canvas;
    function place(box, el) {
      if (!box.hsTouched) { box.hsTouched = true; box.hsAt = box.firstElementChild; touched[nTouched++] = box; }
      if (box.hsAt === el) { box.hsAt = el.nextElementSibling; return; }
      var from = el.parentNode;  // a container whose cursor is this element: its cursor moves on before it leaves
      if (from && from.hsTouched && from.hsAt === el) from.hsAt = el.nextElementSibling;
      box.insertBefore(el, box.hsAt);
    }
    function wrapper(role) {
      var w = document.createElement('div');
      w.setAttribute('role', role);
      w.hsRole = role;
      return w;
    }
    for (i = 0; i < keys.length; i++) {
      el = axNodes.get(keys[i]);
      var g = AX_GROUP[el.hsRole], d = Math.min(el.hsDepth, top), parent = parents[d];
      el.hsGen = gen;
      top = d + 1;
      parents[top] = el;
      if (el.hsHead) place(el, el.hsHead);  // a table's header row comes before its rows
      // Each control drawn in a table's row is one cell's content, in column order.
      if (parent.hsRole === 'row') {
        var cell = el.hsCell || (el.hsCell = wrapper('cell'));
        place(parent, cell);
        parent = cell;
      }
      if (!g) group = null;
      else if (!group || group.hsRole !== g || group.hsIn !== parent) {
        group = el.hsGroup && el.hsGroup.hsRole === g ? el.hsGroup : (el.hsGroup = wrapper(g));
        group.hsIn = parent;
        place(parent, group);
      }
      place(group || parent, el);
    }
    // Containers that hold nothing now: an element whose children are gone, the canvas when nothing is mirrored.
    for (i = 0; i < keys.length; i++) {
      el = axNodes.get(keys[i]);
      if (!el.hsTouched) while (el.firstElementChild) el.removeChild(el.firstElementChild);
    }
    if (!canvas.hsTouched) while (canvas.firstElementChild) canvas.removeChild(canvas.firstElementChild);
    for (i = 0; i < nTouched; i++) {
      box = touched[i];
      while (box.hsAt) { var next = box.hsAt.nextElementSibling; box.removeChild(box.hsAt); box.hsAt = next; }
      box.hsTouched = false;
      touched[i] = null;
    }
    for (i = 0; i < parents.length; i++) parents[i] = null;
    axNodes.forEach(function (e, k) { if (e.hsGen !== gen) axNodes.delete(k); });
  }
  function axApply(json) {
    window.hindsightA11y.updates++;  // for tests: how many changes the wasm sent
    var d = JSON.parse(json);
    d.n.forEach(axNode);
    if (d.o) axOrder(d.o);
    var f = d.f && axNodes.get(d.f);
    if (f) canvas.setAttribute('aria-activedescendant', f.id); else canvas.removeAttribute('aria-activedescendant');
  }
  // Live regions: news a sighted user sees (saved, a link copied, a merge, findings), assertive for problems.
  var live = {};
  [['status', 'polite'], ['alert', 'assertive']].forEach(function (r) {
    var el = live[r[1]] = document.createElement('div');
    el.className = 'hs-sr';
    el.setAttribute('role', r[0]);
    el.setAttribute('aria-live', r[1]);
    document.body.appendChild(el);
  });
  // Emptied first, so the same news twice ("Saved", "Saved") is spoken twice.
  function announce(text, assertive) {
    var el = live[assertive ? 'assertive' : 'polite'];
    el.textContent = '';
    setTimeout(function () { el.textContent = text; }, 30);
  }
  return { apply: axApply, announce: announce };
};
window.hindsightA11y.updates = 0;
