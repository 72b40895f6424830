/* HRD Tracker: a little plain JavaScript on top of pages that work without it. */
"use strict";

(function () {
  /* Meeting page: select a statement, highlight its evidence in the text and scroll to it. */
  function selectStatement(id, scroll) {
    document.querySelectorAll(".is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
    var marks = document.querySelectorAll('mark.evidence[data-statements~="' + id + '"]');
    marks.forEach(function (m) { m.classList.add("is-selected"); });
    var item = document.getElementById("st-" + id);
    if (item) { item.classList.add("is-selected"); }
    if (scroll && marks.length) {
      marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
    }
    return marks.length;
  }

  function initMeeting() {
    var links = document.querySelectorAll("a.statement-link[data-statement]");
    if (!links.length) { return; }
    links.forEach(function (a) {
      a.addEventListener("click", function (event) {
        event.preventDefault();
        var id = a.getAttribute("data-statement");
        selectStatement(id, true);
        history.replaceState(null, "", "#ev-" + id);
      });
    });
    document.querySelectorAll("mark.evidence").forEach(function (m) {
      m.addEventListener("click", function () {
        var ids = (m.getAttribute("data-statements") || "").split(" ");
        if (!ids[0]) { return; }
        selectStatement(ids[0], false);
        var item = document.getElementById("st-" + ids[0]);
        if (item) { item.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
      });
    });
    var match = /^#(?:ev|st)-(\d+)$/.exec(location.hash);
    if (match) { selectStatement(match[1], true); }
  }

  /* Review page: j/k to move, c to confirm, x to reject, e to edit. */
  function initReview() {
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-review-item]"));
    if (!items.length) { return; }
    var current = 0;
    function focusItem(i) {
      current = Math.max(0, Math.min(items.length - 1, i));
      items.forEach(function (el) { el.classList.remove("is-current"); });
      items[current].classList.add("is-current");
      items[current].focus({ preventScroll: true });
      items[current].scrollIntoView({ block: "nearest" });
    }
    items.forEach(function (el, i) { el.addEventListener("focusin", function () { current = i; }); });
    document.addEventListener("keydown", function (event) {
      var t = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) { return; }
      var item = items[current];
      if (event.key === "j") { focusItem(current + 1); }
      else if (event.key === "k") { focusItem(current - 1); }
      else if (event.key === "c") { item.querySelector('button[value="confirm"]').click(); }
      else if (event.key === "x") { item.querySelector('button[value="reject"]').click(); }
      else if (event.key === "e") {
        var details = item.querySelector("details.edit");
        details.open = true;
        details.querySelector("select, input:not([type=hidden])").focus();
      } else { return; }
      event.preventDefault();
    });
    focusItem(0);
  }

  /* API docs: leave empty fields out of "try it" queries. */
  function initTry() {
    document.querySelectorAll("form.try").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input").forEach(function (i) { if (!i.value) { i.disabled = true; } });
      });
    });
  }

  function init() { initMeeting(); initReview(); initTry(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
