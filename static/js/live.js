// The fallback for live pages: while the server-sent event stream is down (or the browser has no
// EventSource), every element marked data-live-poll is asked to refresh every 10 s; the stream
// coming back stops the polling.
(function () {
  var timer = null;
  function poll() {
    document.querySelectorAll('[data-live-poll]').forEach(function (el) { htmx.trigger(el, 'poll'); });
  }
  function start() { if (timer === null) timer = setInterval(poll, 10000); }
  function stop() { if (timer !== null) { clearInterval(timer); timer = null; } }
  if (typeof EventSource === 'undefined') start();
  document.addEventListener('htmx:sseError', start);
  document.addEventListener('htmx:sseClose', start);
  document.addEventListener('htmx:sseOpen', stop);
})();
