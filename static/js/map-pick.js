// Click the world map in a sandbox to fill the "place a user" form with that point.
// The map is an equirectangular projection on a 1000 x 500 viewBox (see cloudlab.diagram.MapView).
(function () {
  "use strict";
  function pick(event) {
    var svg = event.target.closest && event.target.closest("svg.cld-map");
    var form = document.getElementById("form-place-user");
    if (!svg || !form || !svg.getScreenCTM) return;
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var p = point.matrixTransform(svg.getScreenCTM().inverse());
    var lon = Math.max(-180, Math.min(180, p.x / 1000 * 360 - 180));
    var lat = Math.max(-90, Math.min(90, 90 - p.y / 500 * 180));
    form.querySelector("[name=lat]").value = lat.toFixed(2);
    form.querySelector("[name=lon]").value = lon.toFixed(2);
    var details = form.closest("details");
    if (details) details.open = true;
    var name = form.querySelector("[name=name]");
    if (!name.value) name.value = "user-" + (document.querySelectorAll(".cld-map .user").length + 1);
    name.focus();
    var hint = document.getElementById("map-pick-hint");
    if (hint) hint.textContent = "Picked " + lat.toFixed(2) + ", " + lon.toFixed(2) + ": name the user and press Place user.";
  }
  document.addEventListener("click", pick);
})();
