// Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes; Cmd on a Mac: on every page with the sandbox's
// Undo and Redo buttons (the sandbox and its Run panel). Not while typing in a field, and not while
// a request is on its way (the form carries the version it showed, so a stale one would be refused).
(function () {
  'use strict';

  function typing(el) {
    if (!el) return false;
    if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
    return el.tagName === 'INPUT' && !/^(button|submit|reset|checkbox|radio|range|color|file|image)$/i.test(el.type);
  }

  document.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
    var key = e.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    var button = document.getElementById(key === 'y' || e.shiftKey ? 'redo' : 'undo');
    if (!button) return;
    e.preventDefault();
    if (button.disabled || document.querySelector('.htmx-request')) return;
    button.click();
  });
})();
