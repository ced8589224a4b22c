// The review queue's action bar: show the reason box only for "dismiss" and the person
// picker only for "assign to…", so the bar asks only for what the chosen action needs.
(function () {
  "use strict";
  function setUp() {
    var form = document.getElementById("changelist-form");
    if (!form) return;
    var action = form.querySelector("select[name=action]");
    if (!action) return;
    var extras = {
      reason: "dismiss_selected",
      assignee: "assign_selected",
    };
    function update() {
      Object.keys(extras).forEach(function (name) {
        form.querySelectorAll("[name=" + name + "]").forEach(function (field) {
          var label = field.closest("label") || field;
          label.style.display = action.value === extras[name] ? "" : "none";
        });
      });
    }
    action.addEventListener("change", update);
    update();
  }

  // Keys on the queue: j / k move between claims, x ticks the focused one, Enter opens it.
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#result_list tbody tr"));
  }

  function rowLink(row) {
    return row.querySelector("th a, td a");
  }

  function onKeyDown(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var all = rows();
    if (!all.length) return;
    var current = target.closest ? target.closest("#result_list tbody tr") : null;
    var index = all.indexOf(current);
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      var next = index < 0 ? 0 : index + (event.key === "j" ? 1 : -1);
      var link = rowLink(all[Math.max(0, Math.min(all.length - 1, next))]);
      if (link) link.focus();
    } else if (event.key === "x" && current) {
      event.preventDefault();
      var box = current.querySelector("input.action-select");
      if (box) box.click();
    }
  }
  document.addEventListener("keydown", onKeyDown);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
