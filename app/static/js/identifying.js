// Free text in the annual report that may point to a person: a name after "mevrouw", an e-mail address,
// a phone number, or (in a small report) a department. The word lists come from the content (the
// report's `identifying`), so each language has its own; this file holds only the patterns.
"use strict";

// Below 20 reports, splitting them by department gives groups that are mostly smaller than 5: the very
// size the tables hide. A department named in the text would undo that. Above it, a department is
// usually a group of several reports and may help the employer; names and contact details never do.
var SMALL_REPORT = 20;

function escapeForPattern(word) {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The kinds of identifying text found, in a fixed order: "department", "name", "email", "phone".
// reports is the report's number of reports, or null when it is not filled in (then it counts as small).
function identifyingKinds(text, lists, reports) {
  var found = [];
  var small = reports === null || reports === undefined || reports < SMALL_REPORT;
  if (small && lists.words.length) {
    var words = lists.words.map(escapeForPattern).join("|");
    // At the start of a word ("afdelingshoofd") or at its end ("inkoopafdeling").
    var department = new RegExp("(?:^|[^\\p{L}])(?:" + words + ")|(?:" + words + ")(?![\\p{L}])", "iu");
    if (department.test(text)) { found.push("department"); }
  }
  if (lists.titles.length) {
    var title = new RegExp("(?:^|[^\\p{L}])(?:" + lists.titles.map(escapeForPattern).join("|") + ")\\s+(\\S)", "giu");
    var match;
    while ((match = title.exec(text)) !== null) {
      if (/\p{Lu}/u.test(match[1])) { found.push("name"); break; }  // "collega Jansen", not "collega's"
    }
  }
  if (/[^\s@]+@[^\s@]+\.[^\s@]+/.test(text)) { found.push("email"); }
  if (/\+?\d(?:[\s.\-]?\d){8,}/.test(text)) { found.push("phone"); }  // nine digits or more
  return found;
}

if (typeof module === "object" && module.exports) {
  module.exports = { SMALL_REPORT: SMALL_REPORT, identifyingKinds: identifyingKinds };  // for Node's tests
}
