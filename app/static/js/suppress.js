// The annual report's anonymity rule in the browser: the twin of app/report.py (the reference, which
// explains the rule). tests/test_report_privacy.py checks that both hide exactly the same cells, and
// tests/js/ checks this file on its own.
"use strict";

var SMALL = "small";    // a count of 1 to 4: "fewer than 5"
var HIDDEN = "hidden";  // a count of 5 or more, hidden so that a small count cannot be worked out
var WITHHELD = "withheld";  // any count, zero included: a whole table's rows withheld (app/report.py)

function primary(count) {
  return count >= 1 && count <= 4 ? SMALL : count;
}

// What a reader knows of one cell before looking at the sums.
function knownRange(shown, top) {
  if (shown === SMALL) { return [1, 4]; }
  if (shown === HIDDEN) { return [5, top]; }  // never a zero: zeros are shown, only non-zero cells hidden
  if (shown === WITHHELD) { return [0, top]; }
  return [shown, shown];
}

function sumOf(ranges, side) {
  return ranges.reduce(function (total, range) { return total + range[side]; }, 0);
}

// The tables from which a reader can pin down a hidden cell, the most telling first (see app/report.py).
function workedOut(shownTotal, shownTables) {
  var total = knownRange(shownTotal, Infinity);
  var ranges = shownTables.map(function (rows) {
    return rows.map(function (cell) { return knownRange(cell, total[1]); });
  });
  var low = total[0];
  var high = total[1];
  ranges.forEach(function (table) {
    low = Math.max(low, sumOf(table, 0));
    high = Math.min(high, sumOf(table, 1));
  });
  var telling = [];
  shownTables.forEach(function (rows, index) {
    var table = ranges[index];
    var pinned = rows.some(function (cell, i) {
      if (cell !== SMALL && cell !== HIDDEN && cell !== WITHHELD) { return false; }
      var others = table.slice(0, i).concat(table.slice(i + 1));
      var cellLow = Math.max(table[i][0], low - sumOf(others, 1));
      var cellHigh = Math.min(table[i][1], high - sumOf(others, 0));
      return cellLow >= cellHigh;
    });
    if (pinned) { telling.push(index); }
  });
  if ((shownTotal === SMALL || shownTotal === HIDDEN) && low >= high) {
    var width = ranges.map(function (table) { return sumOf(table, 1) - sumOf(table, 0); });
    var order = ranges.map(function (table, index) { return index; });
    order.sort(function (a, b) { return width[a] - width[b] || a - b; });
    telling = telling.concat(order);
  }
  return telling;
}

// What the report shows of the total and of each table's rows: [shownTotal, shownTables]. total is null
// when the tables share no total (then only counts of 1 to 4 are hidden); otherwise every table's rows
// must add up to it.
function suppress(total, tables) {
  var shownTables = tables.map(function (rows) { return rows.map(primary); });
  if (total === null || total === undefined) { return [null, shownTables]; }
  tables.forEach(function (rows) {
    if (rows.reduce(function (a, b) { return a + b; }, 0) !== total) {
      throw new Error("every table's rows must add up to the total");
    }
  });
  var shownTotal = primary(total);
  for (;;) {
    var chosen = null;
    var telling = workedOut(shownTotal, shownTables);
    telling.some(function (index) {
      var candidates = [];
      tables[index].forEach(function (count, i) {
        if (count > 0 && shownTables[index][i] === count) { candidates.push([count, i]); }
      });
      if (shownTotal === total && total > 0) { candidates.push([total, tables[index].length]); }
      if (!candidates.length) { return false; }
      candidates.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      chosen = [index, candidates[0][1]];
      return true;
    });
    if (!chosen) {
      var open = telling.filter(function (index) {
        return shownTables[index].some(function (cell) { return cell !== WITHHELD; });
      });
      if (!open.length) { return [shownTotal, shownTables]; }
      shownTables[open[0]] = shownTables[open[0]].map(function () { return WITHHELD; });
      continue;
    }
    if (chosen[1] === tables[chosen[0]].length) { shownTotal = HIDDEN; }
    else { shownTables[chosen[0]][chosen[1]] = HIDDEN; }
  }
}

if (typeof module === "object" && module.exports) {
  module.exports = { SMALL: SMALL, HIDDEN: HIDDEN, WITHHELD: WITHHELD, primary: primary, suppress: suppress };  // for Node's tests
}
