// Filters for the record tables and highlighting of the evidence span a link points to.
(function () {
  "use strict";
  var $ = function (s) { return document.querySelector(s); };
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var fields = ["kind", "status", "state", "modality"];
  function apply() {
    var want = {};
    fields.forEach(function (f) { want[f] = $("#f-" + f).value; });
    var q = $("#f-search").value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = fields.every(function (f) { return !want[f] || r.dataset[f] === want[f]; });
      ok = ok && (!q || r.dataset.search.indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    $("#f-count").textContent = shown + " of " + rows.length + " shown";
  }
  fields.concat(["search"]).forEach(function (f) { $("#f-" + f).addEventListener("input", apply); });
  function activate() {
    document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^ev-\d+$/.test(id)) { return; }
    document.querySelectorAll("mark[data-spans]").forEach(function (m) {
      if (m.dataset.spans.split(" ").indexOf(id) >= 0) { m.classList.add("active"); }
    });
  }
  window.addEventListener("hashchange", activate);
  activate();
  apply();
})();
