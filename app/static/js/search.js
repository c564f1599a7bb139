// Instant search over the index made at build time. Runs entirely in the browser: nothing typed leaves it.
"use strict";

(function () {
  var form = document.querySelector("[data-search]");
  var results = document.querySelector("[data-search-results]");
  if (!form || !results || !window.fetch) { return; }
  var input = form.querySelector("input");
  var pages = null;

  // Dutch word forms: "gepest", "pesten" and "pestgedrag" should all be found with "pesten".
  var SUFFIXES = ["heden", "ingen", "ing", "en", "e", "s"];

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(text) {
    return fold(text).match(/[a-z0-9]+/g) || [];
  }

  function queryStem(word) {
    var stem = word;
    if (stem.length > 5 && stem.indexOf("ge") === 0) { stem = stem.slice(2); }
    for (var i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (stem.length - suffix.length >= 3 && stem.slice(-suffix.length) === suffix) {
        return stem.slice(0, -suffix.length);
      }
    }
    return stem;
  }

  function matches(word, stem) {
    if (word.indexOf(stem) === 0) { return true; }
    return word.length > 4 && word.indexOf("ge") === 0 && word.slice(2).indexOf(stem) === 0;
  }

  function prepare(page) {
    page.titleWords = words(page.title);
    page.headingWords = words(page.headings.join(" "));
    page.textWords = words(page.text + " " + page.summary);
    return page;
  }

  function anyMatch(list, stem) {
    for (var i = 0; i < list.length; i++) { if (matches(list[i], stem)) { return list[i]; } }
    return null;
  }

  function search(query) {
    var stems = words(query).map(queryStem).filter(function (s) { return s.length >= 2; });
    if (!stems.length) { return []; }
    var found = [];
    pages.forEach(function (page) {
      var score = 0, why = null, hit = null;
      for (var i = 0; i < stems.length; i++) {
        var inTitle = anyMatch(page.titleWords, stems[i]);
        var inHeading = anyMatch(page.headingWords, stems[i]);
        var inText = anyMatch(page.textWords, stems[i]);
        if (!inTitle && !inHeading && !inText) { return; }  // every word must be found
        score += (inTitle ? 10 : 0) + (inHeading ? 4 : 0) + (inText ? 1 : 0);
        why = why || (inTitle ? "title" : inHeading ? "heading" : null);
        hit = hit || inText;
      }
      found.push({ page: page, score: score, why: why, hit: hit });
    });
    return found.sort(function (a, b) { return b.score - a.score; }).slice(0, 20);
  }

  // The sentence around the first matching word, with the word marked: why this page was found.
  function snippet(page, hitWord) {
    var sentences = page.text.split(/(?<=[.!?])\s+/);
    for (var i = 0; i < sentences.length; i++) {
      var sentenceWords = sentences[i].split(/(\s+)/);
      for (var j = 0; j < sentenceWords.length; j++) {
        if (words(sentenceWords[j])[0] === hitWord) {
          var paragraph = document.createElement("p");
          paragraph.className = "search-snippet";
          sentenceWords.forEach(function (part, k) {
            if (k === j) {
              var mark = document.createElement("mark");
              mark.textContent = part;
              paragraph.appendChild(mark);
            } else {
              paragraph.appendChild(document.createTextNode(part));
            }
          });
          return paragraph;
        }
      }
    }
    return null;
  }

  function show(found) {
    results.textContent = "";
    if (!input.value.trim()) { return; }
    var summary = document.createElement("p");
    summary.textContent = found.length ? results.dataset.count.replace("{count}", found.length) : results.dataset.none;
    results.appendChild(summary);
    var list = document.createElement("ul");
    list.className = "item-list";
    found.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.page.url;
      link.textContent = result.page.title;
      item.appendChild(link);
      var section = document.createElement("p");
      section.textContent = result.page.section;
      item.appendChild(section);
      if (result.why) {
        var why = document.createElement("p");
        why.className = "search-snippet";
        why.textContent = result.why === "title" ? results.dataset.inTitle : results.dataset.inHeading;
        item.appendChild(why);
      }
      var context = result.hit && snippet(result.page, result.hit);
      if (context) { item.appendChild(context); }
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  fetch(form.dataset.index, { credentials: "omit" })
    .then(function (response) { return response.json(); })
    .then(function (index) {
      pages = index.pages.map(prepare);
      form.hidden = false;
      input.addEventListener("input", function () { show(search(input.value)); });
      form.addEventListener("submit", function (event) { event.preventDefault(); show(search(input.value)); });
      if (input.value) { show(search(input.value)); }
    });
})();
