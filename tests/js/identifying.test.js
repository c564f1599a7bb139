// Free text that may point to a person (app/static/js/identifying.js), with the word lists of the content.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { SMALL_REPORT, identifyingKinds } = require(path.join(__dirname, "..", "..", "app", "static", "js", "identifying.js"));

// The lists as the content gives them: read from the report's YAML, flow lists on one line each.
function lists(lang) {
  const yaml = fs.readFileSync(path.join(__dirname, "..", "..", "content", lang, "vertrouwenspersoon", "jaarverslag.yml"), "utf8");
  const list = (key) => yaml.match(new RegExp("\\n  " + key + ": \\[(.*)\\]"))[1].split(",").map((w) => w.trim());
  return { words: list("words"), titles: list("titles") };
}

const NL = lists("nl");
const EN = lists("en");

test("a department in a small report is flagged, in a large one it is not", () => {
  assert.deepEqual(identifyingKinds("Veel meldingen bij afdeling Inkoop.", NL, 12), ["department"]);
  assert.deepEqual(identifyingKinds("Veel meldingen bij de inkoopafdeling.", NL, null), ["department"]);
  assert.deepEqual(identifyingKinds("Het teamoverleg liep vast.", NL, SMALL_REPORT - 1), ["department"]);
  assert.deepEqual(identifyingKinds("Veel meldingen bij afdeling Inkoop.", NL, SMALL_REPORT), []);
  assert.deepEqual(identifyingKinds("Most reports came from the sales department.", EN, 8), ["department"]);
});

test("a capitalised word after a title is flagged as a name, an ordinary word is not", () => {
  assert.deepEqual(identifyingKinds("Gesprek met mevrouw Jansen.", NL, 40), ["name"]);
  assert.deepEqual(identifyingKinds("Een collega De Vries belde.", NL, 40), ["name"]);
  assert.deepEqual(identifyingKinds("Een collega belde, collega's hielpen.", NL, 40), []);
  assert.deepEqual(identifyingKinds("I spoke with Mrs. Smith.", EN, 40), ["name"]);
  assert.deepEqual(identifyingKinds("A colleague helped.", EN, 40), []);
});

test("e-mail addresses and phone numbers are always flagged, years and counts are not", () => {
  assert.deepEqual(identifyingKinds("Mail naar a.b@voorbeeld.nl of bel 06 1234 5678.", NL, 100), ["email", "phone"]);
  assert.deepEqual(identifyingKinds("In 2026 kwamen 25 meldingen binnen, 12 meer dan in 2025.", NL, 100), []);
});
