// The claim page, faster by hand: keyboard shortcuts (listed in the "?" overlay), and
// actions that keep the page where it was. A form posted from the page is sent in the
// background; when the answer is this same claim page, the page's content is swapped in
// place (scroll position and the focused passage kept); when it is another page (the
// queue after a dismissal, the new claims after a split), the browser goes there.
// Without JavaScript every form still posts and reloads as usual.
(function () {
  "use strict";

  var SCROLL_KEY = "workbench-scroll";

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function $all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // --- Typing guard ------------------------------------------------------------------

  function isTyping(target) {
    if (!target || target === document.body) return false;
    if (target.isContentEditable) return true;
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  // --- Matches: focus, accept, reject ---------------------------------------------------

  function matches() {
    return $all("#matches .match");
  }

  function prepareMatches() {
    matches().forEach(function (match) {
      if (!match.hasAttribute("tabindex")) match.setAttribute("tabindex", "-1");
    });
  }

  function focusedMatch() {
    var active = document.activeElement;
    var match = active && active.closest ? active.closest("#matches .match") : null;
    return match || $("#matches .match.kb-focus");
  }

  function focusMatch(match) {
    if (!match) return;
    matches().forEach(function (m) {
      m.classList.toggle("kb-focus", m === match);
    });
    match.focus({ preventScroll: true });
    match.scrollIntoView({ block: "nearest" });
  }

  function moveMatch(step) {
    var all = matches();
    if (!all.length) return;
    var index = all.indexOf(focusedMatch());
    var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : index + step;
    focusMatch(all[Math.max(0, Math.min(all.length - 1, next))]);
  }

  function decide(action) {
    var match = focusedMatch();
    if (!match) return;
    var field = $("form input[name=action][value=" + action + "]", match);
    if (field) field.form.requestSubmit();
  }

  // --- Shortcuts -----------------------------------------------------------------------

  function follow(selector) {
    var link = $(selector);
    if (link && link.href) window.location.assign(link.href);
  }

  function click(selector) {
    var button = $(selector);
    if (button) button.click();
  }

  function openSearch() {
    var field = $("#id_library_q");
    if (!field) return;
    field.scrollIntoView({ block: "center" });
    field.focus();
    field.select();
  }

  function openVerdict() {
    var form = $("#verdict-form");
    if (!form) return;
    form.scrollIntoView({ block: "start" });
    var first = $("#id_rating", form) || $("select, textarea, input:not([type=hidden])", form);
    if (first) first.focus();
  }

  function help() {
    return $("#keyboard-help");
  }

  function toggleHelp() {
    var dialog = help();
    if (!dialog) return;
    if (dialog.open) dialog.close();
    else dialog.showModal();
  }

  var pendingG = false;

  var KEYS = {
    n: function () { follow("#queue-next"); },
    p: function () { follow("#queue-previous"); },
    j: function () { moveMatch(1); },
    k: function () { moveMatch(-1); },
    a: function () { decide("accept"); },
    r: function () { decide("reject"); },
    u: function () { decide("reset"); },
    t: function () { click("#start-review"); },
    "/": openSearch,
    v: openVerdict,
    "?": toggleHelp,
  };

  function onKeyDown(event) {
    // Ctrl+Enter (or Cmd+Enter) in the verdict form proposes it: the one combination
    // that acts while typing, as it cannot be typed by accident.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var form = event.target.closest && event.target.closest("#verdict-form");
      if (form) {
        event.preventDefault();
        form.requestSubmit($("#propose", form) || undefined);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (isTyping(event.target)) return;
    var dialog = help();
    if (dialog && dialog.open) {
      if (event.key === "?") {
        event.preventDefault();
        dialog.close();
      }
      return; // Esc is the dialog's own
    }
    if (pendingG) {
      pendingG = false;
      if (event.key === "q") {
        event.preventDefault();
        follow("#queue-back");
      }
      return;
    }
    if (event.key === "g") {
      pendingG = true;
      window.setTimeout(function () { pendingG = false; }, 1500);
      return;
    }
    var handler = KEYS[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  }

  // --- Actions without a full reload ----------------------------------------------------

  function samePage(url) {
    var there = new URL(url, window.location.href);
    return there.origin === window.location.origin && there.pathname === window.location.pathname;
  }

  function swapFrom(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.getElementById("content-main");
    var current = document.getElementById("content-main");
    if (!fresh || !current) return false;
    var focusedId = (focusedMatch() || {}).id;
    var y = window.scrollY;
    current.replaceWith(fresh);
    ["queue-nav"].forEach(function (id) {
      var old = document.getElementById(id);
      var replacement = doc.getElementById(id);
      if (old && replacement) old.replaceWith(replacement);
    });
    var oldMessages = $(".messagelist");
    if (oldMessages) oldMessages.remove();
    var newMessages = $(".messagelist", doc);
    var content = document.getElementById("content");
    if (newMessages && content) content.parentNode.insertBefore(newMessages, content);
    document.title = doc.title;
    if (url !== window.location.href) window.history.replaceState(null, "", url);
    prepareMatches();
    window.scrollTo(0, y);
    if (focusedId && document.getElementById(focusedId)) {
      focusMatch(document.getElementById(focusedId));
      window.scrollTo(0, y);
    }
    document.dispatchEvent(new CustomEvent("workbench:updated"));
    return true;
  }

  // Actions after which the claim has left the person's hands: the page goes to the queue.
  var LEAVES = { dismiss: true, request_changes: true };

  function keepScroll() {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify([window.location.pathname, window.scrollY]));
  }

  // Not form.action: the forms have a field named "action", which that property returns.
  function formUrl(form) {
    var address = form.getAttribute("action");
    return address ? new URL(address, window.location.href).href : window.location.href;
  }

  function inPlace(form) {
    if ((form.method || "").toLowerCase() !== "post" || form.target) return false;
    if (!form.closest("#content-main") || !window.fetch || !window.DOMParser) return false;
    // Only the claim page's own actions: other addresses (hand work) answer elsewhere.
    if (!samePage(formUrl(form))) return false;
    var action = form.querySelector("input[name=action]");
    return !(action && LEAVES[action.value]);
  }

  function onSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if (!inPlace(form)) {
      // An ordinary post: if it comes back to this page, it comes back to this place.
      if ((form.method || "").toLowerCase() === "post") keepScroll();
      return;
    }
    event.preventDefault();
    var main = document.getElementById("content-main");
    main.classList.add("wb-busy");
    var data = event.submitter ? new FormData(form, event.submitter) : new FormData(form);
    fetch(formUrl(form), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      redirect: "follow",
    })
      .then(function (response) {
        if (!response.ok || !samePage(response.url)) {
          window.location.assign(response.url);
          return null;
        }
        return response.text().then(function (html) {
          if (!swapFrom(html, response.url)) window.location.assign(response.url);
        });
      })
      .catch(function () {
        // The request may not have arrived: post the form the ordinary way.
        keepScroll();
        main.classList.remove("wb-busy");
        HTMLFormElement.prototype.submit.call(form);
      });
  }

  function restoreScroll() {
    var kept = sessionStorage.getItem(SCROLL_KEY);
    if (!kept) return;
    sessionStorage.removeItem(SCROLL_KEY);
    try {
      var place = JSON.parse(kept);
      if (place[0] === window.location.pathname) window.scrollTo(0, place[1]);
    } catch (e) {
      /* a damaged entry is forgotten */
    }
  }

  function setUp() {
    prepareMatches();
    restoreScroll();
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("submit", onSubmit);
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("#keyboard-help-button")) toggleHelp();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
