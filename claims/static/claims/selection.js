// The article reader: turn a selection of the article's text into exact character
// offsets of the stored body. Each line is a <span data-offset> holding the line's text
// only, so an offset is the line's offset plus the code points before the selection.
(function () {
  "use strict";

  function codePoints(text) {
    return Array.from(text).length;
  }

  function lineOf(node) {
    var element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return element && element.closest ? element.closest("span[data-offset]") : null;
  }

  function position(container, node, offset, atEnd) {
    var line = lineOf(node);
    if (line && container.contains(line)) {
      var text = line.textContent;
      var within = node.nodeType === Node.TEXT_NODE ? offset : (offset > 0 ? text.length : 0);
      return parseInt(line.dataset.offset, 10) + codePoints(text.slice(0, within));
    }
    // Between lines (on a line break): snap to the nearest line's edge.
    var lines = container.querySelectorAll("span[data-offset]");
    var chosen = null;
    for (var i = 0; i < lines.length; i++) {
      var relation = node.compareDocumentPosition(lines[i]);
      var after = relation & Node.DOCUMENT_POSITION_FOLLOWING;
      if (!atEnd && after) { chosen = [lines[i], 0]; break; }
      if (atEnd && !after) { chosen = [lines[i], codePoints(lines[i].textContent)]; }
    }
    if (!chosen) { return null; }
    return parseInt(chosen[0].dataset.offset, 10) + chosen[1];
  }

  document.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("article-text");
    var form = document.getElementById("new-claim-form");
    if (!container || !form) { return; }
    var start = document.getElementById("id_start");
    var end = document.getElementById("id_end");
    var text = document.getElementById("id_claim_text");
    var note = document.getElementById("selection-note");
    var button = document.getElementById("add-claim");

    function onSelection() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
      var range = selection.getRangeAt(0);
      if (!container.contains(range.commonAncestorContainer)) { return; }
      var from = position(container, range.startContainer, range.startOffset, false);
      var to = position(container, range.endContainer, range.endOffset, true);
      if (from === null || to === null || to <= from) { return; }
      var selected = selection.toString();
      // Leading and trailing blanks are not part of a claim.
      var lead = selected.length - selected.replace(/^\s+/, "").length;
      var trail = selected.length - selected.replace(/\s+$/, "").length;
      from += codePoints(selected.slice(0, lead));
      to -= codePoints(selected.slice(selected.length - trail));
      if (to <= from) { return; }
      start.value = from;
      end.value = to;
      text.value = selected.trim().replace(/\s+/g, " ");
      note.textContent = "Selected characters " + from + "–" + to + ". Edit the claim text if needed.";
      button.disabled = false;
    }

    document.addEventListener("selectionchange", onSelection);
    // A selection made while the page was still loading counts too.
    onSelection();
  });
})();
