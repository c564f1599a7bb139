// Enhancements only: every page works without this file.
"use strict";

// The parts that work only with JavaScript arrive as data blocks (app/templates/_macros.html,
// needs_javascript): put them in place first, as the other scripts expect to find them in the page.
document.querySelectorAll("script[data-needs-js]").forEach(function (block) {
  var range = document.createRange();
  range.selectNode(block);
  block.replaceWith(range.createContextualFragment(block.textContent));
});

(function () {
  var exitLink = document.querySelector("[data-quick-exit]");
  var status = document.querySelector("[data-quick-exit-status]");
  var PRESSES_TO_LEAVE = 3;
  var WINDOW_MS = 5000;  // the presses must all come within this time of the first one
  // Set in this tab only (sessionStorage ends with the tab) once someone has left by the quick exit, so
  // that pages of this site the browser shows again from its history come back with empty forms.
  var LEFT_KEY = "wegwijzer-quick-exit";

  // Empty every form, so Back does not show what was typed. The checklist (data-store) keeps its ticks on
  // purpose: they are in localStorage anyway, and the safety page says so.
  function clearForms() {
    document.querySelectorAll("form:not([data-store])").forEach(function (form) {
      form.reset();
      // reset() fires no input event: send one, so the tools and the search redraw their preview and
      // results from the now empty fields.
      form.querySelectorAll("input, textarea").forEach(function (field) {
        field.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  // replace() rather than a normal visit, so the Back button does not return to this page.
  function leave() {
    document.body.hidden = true;
    clearForms();
    try { sessionStorage.setItem(LEFT_KEY, "1"); } catch (error) { /* storage off: this page is cleared still */ }
    window.location.replace(exitLink.href);
  }

  function leftByQuickExit() {
    try { return sessionStorage.getItem(LEFT_KEY) === "1"; } catch (error) { return false; }
  }

  // Shown from the browser's history: from the back/forward cache, or loaded again with its form values.
  function shownFromHistory(event) {
    var navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    return event.persisted || Boolean(navigation && navigation.type === "back_forward");
  }

  // ---- Shift pressed three times, as GOV.UK's "Exit this page": only Shift on its own counts --------

  var presses = 0;
  var shiftAlone = false;  // Shift is down and no other key has been pressed since
  var expiry = null;

  function announce(text) {
    if (status && status.textContent !== text) { status.textContent = text; }
  }

  function resetCount() {
    presses = 0;
    clearTimeout(expiry);
    announce("");
  }

  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });

    // Capture phase, so no other script on the page can hide a key from the count.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) { shiftAlone = true; }  // holding Shift down repeats keydown: one press still
        return;
      }
      // Any other key (Shift+Tab, Shift+A, typing) means the user is typing, not asking to leave.
      shiftAlone = false;
      if (presses) { resetCount(); }
    }, true);

    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift" || !shiftAlone) { return; }
      shiftAlone = false;
      presses += 1;
      if (presses === 1) { expiry = setTimeout(resetCount, WINDOW_MS); }
      if (presses >= PRESSES_TO_LEAVE) {
        resetCount();
        leave();
        return;
      }
      // Of three presses, two or one are left: base.html holds both sentences in the page's language.
      if (status) { announce(PRESSES_TO_LEAVE - presses === 1 ? status.dataset.oneLeft : status.dataset.twoLeft); }
    }, true);

    // Every showing of the page, from the back/forward cache too: count afresh and show the page again
    // (leave() hid it); after a quick exit in this tab, a page back from history starts empty.
    window.addEventListener("pageshow", function (event) {
      resetCount();
      shiftAlone = false;
      document.body.hidden = false;
      if (leftByQuickExit() && shownFromHistory(event)) { clearForms(); }
    });
  }

  // The header's search field hands its query to the search page in this tab's sessionStorage: not in
  // the address, so it is never sent to a server and never lands in the browser history. The search
  // page reads it and erases it at once (static/js/search.js).
  var headerSearch = document.querySelector("[data-header-search]");
  if (headerSearch) {
    headerSearch.addEventListener("submit", function () {
      try {
        window.sessionStorage.setItem("wegwijzer-zoeken", headerSearch.querySelector("input").value.trim());
      } catch (error) { /* storage blocked: the search page opens with an empty field */ }
    });
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
