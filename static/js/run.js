// The Run page's Play button. Without JavaScript the slider, Show and the step links choose the
// second; with it, Play walks the slider on through the minute, one sample at a time, asking the
// lab for each second as the slider does, and Pause (the same button) stops it. Under
// prefers-reduced-motion it moves four times slower, and it never starts by itself.
(function () {
  'use strict';

  var STEP_MS = 900;
  var playing = false;
  var restart = false;
  var refocus = false;
  var own = false;
  var timer = null;
  var slow = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)');

  function button() { return document.getElementById('run-play'); }
  function slider() { return document.getElementById('run-second'); }

  // The button as the state is: hidden without the slider, pressed while playing.
  function show() {
    var b = button();
    if (!b) { playing = false; return; }
    b.hidden = false;
    b.setAttribute('aria-pressed', playing ? 'true' : 'false');
    b.textContent = playing ? '❚❚ Pause' : '▶ Play';
    b.title = playing ? 'Stop at this second' : 'Step through the seconds' + (slow && slow.matches ? ' (slowly: you asked for less motion)' : '');
  }

  function stop() {
    playing = false;
    if (timer) clearTimeout(timer);
    timer = null;
    show();
  }

  // Asks for the next sample's second (the first after a restart); at the end of the minute, stops.
  function tick() {
    timer = null;
    var s = slider();
    var b = button();
    if (!playing || !s || !b || !window.htmx) { stop(); return; }
    var step = Number(s.step) || 1;
    var next = restart ? 0 : Number(s.value) + step;
    restart = false;
    if (next > Number(s.max)) { stop(); return; }
    refocus = document.activeElement === b;
    s.value = String(next);
    own = true;
    window.htmx.ajax('GET', b.getAttribute('data-here') + '&second=' + next, {target: '#run-panel', swap: 'outerHTML'});
  }

  function schedule() {
    if (playing && !timer) timer = setTimeout(tick, STEP_MS * (slow && slow.matches ? 4 : 1));
  }

  document.addEventListener('click', function (e) {
    if (!e.target.closest || !e.target.closest('#run-play')) return;
    if (playing) { stop(); return; }
    var s = slider();
    // from the last second, Play starts the minute again
    restart = !!s && Number(s.value) + (Number(s.step) || 1) > Number(s.max);
    playing = true;
    show();
    tick();
  });

  // Each answer swaps in a new panel with a new (hidden) button: show it as the state is, give it
  // back the focus it had, then go on.
  document.addEventListener('htmx:afterSettle', function () {
    show();
    if (refocus && button()) button().focus();
    refocus = false;
    schedule();
  });
  // A learner who takes the slider, a step link or a form in hand, or starts typing a load, stops the play.
  // (htmx announces the play's own requests from the page's body: those are let through.)
  document.addEventListener('htmx:beforeRequest', function () {
    if (own) own = false;
    else if (playing) stop();
  });
  document.addEventListener('focusin', function (e) {
    if (playing && e.target.closest && e.target.closest('.load-form')) stop();
  });
  // The number beside the slider follows it while it moves, before the lab answers.
  document.addEventListener('input', function (e) {
    var shown = document.getElementById('run-second-shown');
    if (e.target.id === 'run-second' && shown) shown.textContent = e.target.value;
  });
  document.addEventListener('htmx:responseError', stop);
  document.addEventListener('htmx:sendError', stop);
  document.addEventListener('DOMContentLoaded', show);
})();
