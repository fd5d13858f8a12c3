// The sandbox page's few behaviours htmx does not cover.
(function () {
  'use strict';

  // Tell the lab which parts the page holds (their keys), so an action's answer carries only what changed.
  // A part that shows the last action's message (itself, not a part inside it) goes without its key: the
  // answer redraws it without.
  document.addEventListener('htmx:configRequest', function (e) {
    var ws = document.getElementById('workspace');
    if (!ws || !ws.contains(e.detail.elt)) return;
    var held = [];
    ws.querySelectorAll('.part[data-key]').forEach(function (p) {
      var said = p.querySelector('[data-said]');
      held.push(p.id + '=' + (said && said.closest('.part') === p ? '' : p.getAttribute('data-key')));
    });
    e.detail.headers['X-Parts'] = held.join(',');
  });

  // Focus survives an answer that swaps in the part holding the focused control: every button the
  // sandbox page posts with has an id, and htmx focuses the element of the same id in the new part.

  // Copy buttons: the clipboard API, else the field selected for the browser's own copy.
  document.addEventListener('click', function (e) {
    var button = e.target.closest ? e.target.closest('[data-copy]') : null;
    if (!button) return;
    var field = document.getElementById(button.getAttribute('data-copy'));
    var said = document.getElementById(field.id + '-copied');
    function tell(text) { if (said) said.textContent = text; }
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
      tell(ok ? 'Copied.' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { tell('Copied.'); }, fallback);
    } else {
      fallback();
    }
  });
})();
