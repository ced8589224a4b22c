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
          label.hidden = action.value !== extras[name];
        });
      });
    }
    action.addEventListener("change", update);
    update();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
