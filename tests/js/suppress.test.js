// The anonymity rule in the browser (app/static/js/suppress.js) under Node's own test runner:
// `node --test tests/js/`. The same exhaustive checker as tests/test_report_privacy.py, over tables from a
// small seeded generator, so every run tests the same tables.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { SMALL, HIDDEN, WITHHELD, primary, suppress } = require(path.join(__dirname, "..", "..", "app", "static", "js", "suppress.js"));

function seeded(seed) {  // mulberry32: small, fast, and the same numbers on every machine
  return function () {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function candidateValues(shown, top) {
  if (shown === SMALL) { return [1, 2, 3, 4]; }
  if (shown === HIDDEN) { return Array.from({ length: Math.max(0, top - 4) }, (_, i) => i + 5); }
  if (shown === WITHHELD) { return Array.from({ length: top + 1 }, (_, i) => i); }
  return [shown];
}

// Every sum the cells can reach: reach[s] is 1 when some choice of values sums to s.
function sums(valueLists, size) {
  let reach = new Uint8Array(size + 1);
  reach[0] = 1;
  for (const values of valueLists) {
    const next = new Uint8Array(size + 1);
    for (let s = 0; s <= size; s++) {
      if (!reach[s]) { continue; }
      for (const v of values) { if (s + v <= size) { next[s + v] = 1; } }
    }
    reach = next;
  }
  return reach;
}

// For every hidden cell ("total" or "table,row"), the values that fit what the report shows.
function possible(shownTotal, shownTables, trueTotal) {
  const top = typeof shownTotal === "number" ? shownTotal : 2 * trueTotal + 10;
  const totals = candidateValues(shownTotal, top).filter((t) => shownTables.every(
    (rows) => sums(rows.map((c) => candidateValues(c, top)), top)[t] === 1));
  const found = new Map();
  if (typeof shownTotal !== "number") { found.set("total", new Set(totals)); }
  shownTables.forEach((rows, g) => {
    rows.forEach((cell, i) => {
      if (typeof cell === "number") { return; }
      const others = sums(rows.filter((_, j) => j !== i).map((c) => candidateValues(c, top)), top);
      found.set(g + "," + i, new Set(candidateValues(cell, top).filter(
        (v) => totals.some((t) => t >= v && others[t - v] === 1))));
    });
  });
  return found;
}

function leaks(rule, total, tables) {
  const [shownTotal, shownTables] = rule(total, tables);
  const out = [];
  for (const [cell, values] of possible(shownTotal, shownTables, total)) {
    const truth = cell === "total" ? total : tables[+cell.split(",")[0]][+cell.split(",")[1]];
    assert.ok(values.has(truth), "the checker lost the true value of " + cell);
    if (values.size < 2) { out.push(cell); }
  }
  return out;
}

function noSecondary(total, tables) {
  return [primary(total), tables.map((rows) => rows.map(primary))];
}

function cellsOnly(total, tables) {
  return [total, suppress(total, tables)[1]];
}

function randomCase(random) {
  const rows = Array.from({ length: 2 + Math.floor(random() * 7) }, () => Math.floor(random() * 61));
  const total = rows.reduce((a, b) => a + b, 0);
  const tables = [rows];
  const more = Math.floor(random() * 3);
  for (let k = 0; k < more; k++) {
    const cuts = Array.from({ length: 1 + Math.floor(random() * 5) }, () => Math.floor(random() * (total + 1)));
    cuts.sort((a, b) => a - b);
    tables.push([0].concat(cuts).map((a, i) => (cuts.concat([total]))[i] - a));
  }
  return [total, tables];
}

test("the example from the brief is protected, and printing only the small cell hidden is caught", () => {
  assert.deepEqual(suppress(20, [[9, 0, 7, 4]]), [20, [[9, 0, HIDDEN, SMALL]]]);
  assert.deepEqual(leaks(suppress, 20, [[9, 0, 7, 4]]), []);
  assert.deepEqual(leaks(noSecondary, 20, [[9, 0, 7, 4]]), ["0,3"]);
});

test("a small total is hidden, and printing it is caught", () => {
  assert.deepEqual(suppress(3, [[0, 3, 0]]), [SMALL, [[0, SMALL, 0]]]);
  assert.deepEqual(leaks(cellsOnly, 3, [[0, 3, 0]]), ["0,1"]);
});

test("no hidden cell can be worked out, over 400 random tables with a shared total", () => {
  const random = seeded(2026);
  for (let n = 0; n < 400; n++) {
    const [total, tables] = randomCase(random);
    assert.deepEqual(leaks(suppress, total, tables), [], JSON.stringify([total, tables]));
  }
});

test("the same checker catches both weakened rules on random tables", () => {
  const random = seeded(7);
  const caught = { cellsOnly: false, noSecondary: false };
  for (let n = 0; n < 400; n++) {
    const rows = Array.from({ length: 2 + Math.floor(random() * 4) }, () => [0, 1, 2, 3, 4, 5, 7, 12][Math.floor(random() * 8)]);
    const total = rows.reduce((a, b) => a + b, 0);
    caught.cellsOnly = caught.cellsOnly || leaks(cellsOnly, total, [rows]).length > 0;
    caught.noSecondary = caught.noSecondary || leaks(noSecondary, total, [rows]).length > 0;
  }
  assert.deepEqual(caught, { cellsOnly: true, noSecondary: true });
});

test("without a shared total only counts of 1 to 4 are hidden", () => {
  assert.deepEqual(suppress(null, [[0, 1, 4, 5, 60]]), [null, [[0, SMALL, SMALL, 5, 60]]]);
});

test("rows that do not add up to the total are refused", () => {
  assert.throws(() => suppress(20, [[9, 0, 7, 3]]));
});
