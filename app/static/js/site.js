// Enhancements only: every page works without this file.
"use strict";

(function () {
  var exitLink = document.querySelector("[data-quick-exit]");

  // replace() rather than a normal visit, so the Back button does not return to this site.
  function leave() {
    if (!exitLink) { return; }
    document.body.hidden = true;
    window.location.replace(exitLink.href);
  }

  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
    // Shift pressed three times within a second leaves too, as with GOV.UK's "Exit this page".
    var presses = [];
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift") { return; }
      var now = Date.now();
      presses = presses.filter(function (time) { return now - time < 1000; });
      presses.push(now);
      if (presses.length >= 3) { leave(); }
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
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
