// The search page: Pagefind's index (made at build time, app/search_index.py) searched in the browser.
// Nothing typed leaves it: the index is a set of static files from this site, fetched on first use.
//
// Pagefind finds the pages that hold every word of a query. People type questions, so each word is
// searched on its own (with its synonyms, and corrected if it is a typo) and the scores are added up:
// a page that matches more of the words, and matches them better, comes first.
"use strict";

(function () {
  var form = document.querySelector("[data-search]");
  var statusLine = document.querySelector("[data-search-status]");
  var results = document.querySelector("[data-search-results]");
  var aToZ = document.querySelector("[data-a-z]");
  if (!form || !statusLine || !results || !window.fetch) { return; }
  var input = form.querySelector("input");
  form.closest("[data-search-box]").classList.add("ready");  // the field instead of the no-JS sentence
  var text = form.dataset;  // the interface strings, in the page's language
  // Pagefind's files are made by build.py next to this script's folder: static/pagefind/.
  var here = document.currentScript.src;
  var engineUrl = new URL("../pagefind/pagefind.js", here);
  var wordsUrl = new URL("../pagefind/words-" + document.documentElement.lang + ".json", here);
  var siteRoot = new URL("../../", here);
  var WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}'%-]*[\p{L}\p{N}%])?/gu;
  var PAGE_SIZE = 10;
  // A page with the word itself ranks above one with the guide's own word for it (the first of its
  // synonym group), and that above one with another synonym.
  var GUIDE_WORD_WEIGHT = 0.9;
  var SYNONYM_WEIGHT = 0.5;
  var PHRASE_WEIGHT = 1;     // extra for a page with the words of the query in the order typed
  // Pagefind's ranking. Nearly every page says "vertrouwenspersoon" many times, so how often a word
  // occurs says little: where it occurs (title, headings) says more.
  var RANKING = { metaWeights: { title: 5 }, termSaturation: 1.0, termFrequency: 0.2 };
  var TYPO_MIN_LENGTH = 5;   // one typo is tolerated in words this long or longer
  var engine = null;         // a promise of {pagefind, words}, made on first use
  var latest = 0;            // only the answer to the latest query is shown
  var found = [];
  var shown = 0;

  function load() {
    if (!engine) {
      engine = Promise.all([
        import(engineUrl.href).then(function (pagefind) {
          // The whole index at once (a few small files), the same for every query: which files the
          // browser asks for then says nothing about what is searched.
          var starts = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
          // noWorker: this index is small; a worker would be one more script to fetch and start.
          return pagefind.options({ ranking: RANKING, noWorker: true }).then(function () {
            return pagefind.init();
          }).then(function () {
            return Promise.all(starts.map(function (start) { return pagefind.preload(start); }));
          }).then(function () { return pagefind; });
        }),
        fetch(wordsUrl, { credentials: "omit" }).then(function (response) {
          return response.json();
        }),
      ]).then(function (loaded) { return { pagefind: loaded[0], words: prepare(loaded[1]) }; });
    }
    return engine;
  }

  function prepare(words) {
    var groupOf = new Map();
    words.synonyms.forEach(function (group) {
      group.forEach(function (word) { groupOf.set(word, group); });
    });
    return { groupOf: groupOf, stop: new Set(words.stopwords), known: new Set(words.vocabulary),
             vocabulary: words.vocabulary };
  }

  // True when b is a with one letter changed, added, left out, or two neighbours swapped.
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) { return false; }
    var i = 0;
    while (i < a.length && a[i] === b[i]) { i++; }
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // The likeliest word the site knows for a typo (the vocabulary is sorted by frequency), or null.
  function correction(word, words) {
    if (word.length < TYPO_MIN_LENGTH || words.known.has(word) || words.groupOf.has(word) || /\d/.test(word)) {
      return null;
    }
    if (words.vocabulary.some(function (known) { return known.indexOf(word) === 0; })) { return null; }
    return words.vocabulary.find(function (known) { return oneEdit(word, known); }) || null;
  }

  // True when the site has this word, or a form of it (the same start, another ending). Pagefind
  // matches an unknown word loosely, by pieces of it ("gedetacheerd" would find "de"), so words the
  // site does not know are not searched at all. Short words and numbers are searched as typed.
  function onSite(text, words) {
    return text.split(" ").every(function (word) {
      if (word.length < 4 || /\d/.test(word) || words.known.has(word)) { return true; }
      var start = word.slice(0, Math.max(4, word.length - 2));
      return words.vocabulary.some(function (known) { return known.indexOf(start) === 0; });
    });
  }

  // What to search for: per meaningful word (or synonym phrase such as "seksuele intimidatie"), the
  // texts that count as a match, each with a weight.
  function terms(query, words) {
    var tokens = query.toLowerCase().match(WORD) || [];
    var wanted = [];
    for (var i = 0; i < tokens.length; i++) {
      var term = tokens[i];
      for (var n = 3; n >= 2; n--) {
        var phrase = tokens.slice(i, i + n).join(" ");
        if (i + n <= tokens.length && words.groupOf.has(phrase)) { term = phrase; i += n - 1; break; }
      }
      if (words.stop.has(term)) { continue; }
      var fixed = correction(term, words);  // a word the site does not know is replaced, not kept
      var variants = [{ text: fixed || term, weight: 1 }];
      (words.groupOf.get(fixed || term) || []).forEach(function (synonym, position) {
        if (synonym !== (fixed || term)) {
          variants.push({ text: synonym, weight: position === 0 ? GUIDE_WORD_WEIGHT : SYNONYM_WEIGHT });
        }
      });
      variants = variants.filter(function (variant) { return onSite(variant.text, words); });
      if (variants.length) { wanted.push(variants); }
    }
    if (!wanted.length && tokens.length) {  // only stop words: search for them after all
      wanted = tokens.map(function (token) { return [{ text: token, weight: 1 }]; });
    }
    return wanted;
  }

  function search(query, loaded) {
    var wanted = terms(query, loaded.words);
    var words = query.toLowerCase().match(WORD) || [];
    var phrase = words.length > 1 ? loaded.pagefind.search('"' + words.join(" ") + '"') : Promise.resolve(null);
    return Promise.all([phrase].concat(wanted.map(function (variants) {
      return Promise.all(variants.map(function (variant) {
        return loaded.pagefind.search(variant.text).then(function (answer) {
          return { weight: variant.weight, results: answer ? answer.results : [] };
        });
      }));
    }))).then(function (answers) {
      var phraseResults = answers[0] ? answers[0].results : [];
      var perTerm = answers.slice(1);
      var pages = new Map();
      perTerm.forEach(function (variants) {
        var best = new Map();  // page id -> its best score for this word, among the word's variants
        variants.forEach(function (variant) {
          variant.results.forEach(function (result) {
            var page = pages.get(result.id);
            if (!page) {
              page = { result: result, score: 0, matched: 0, words: new Set() };
              pages.set(result.id, page);
            }
            result.words.forEach(function (location) { page.words.add(location); });
            best.set(result.id, Math.max(best.get(result.id) || 0, result.score * variant.weight));
          });
        });
        best.forEach(function (score, id) {
          var page = pages.get(id);
          page.score += score;
          page.matched += 1;
        });
      });
      var inOrder = new Map(phraseResults.map(function (result) { return [result.id, result.score]; }));
      return Array.from(pages.values()).map(function (page) {
        page.rank = (page.score + PHRASE_WEIGHT * (inOrder.get(page.result.id) || 0)) * page.matched / perTerm.length;
        return page;
      }).sort(function (a, b) { return b.rank - a.rank; });
    });
  }

  // About 30 words around the most matches, the matched words marked: why this page was found.
  function excerpt(content, locations) {
    var words = content.split(/[\r\n\s]+/g);
    var marked = Array.from(locations).sort(function (a, b) { return a - b; });
    var LENGTH = 30, start = 0, most = -1;
    marked.forEach(function (location) {
      var from = Math.max(0, location - 6);
      var count = marked.filter(function (other) { return other >= from && other < from + LENGTH; }).length;
      if (count > most) { most = count; start = from; }
    });
    var paragraph = document.createElement("p");
    paragraph.className = "search-excerpt";
    paragraph.appendChild(document.createTextNode(start > 0 ? "… " : ""));
    words.slice(start, start + LENGTH).forEach(function (word, offset) {
      if (locations.has(start + offset)) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(word));
      }
      paragraph.appendChild(document.createTextNode(" "));
    });
    if (start + LENGTH < words.length) { paragraph.appendChild(document.createTextNode("…")); }
    return paragraph;
  }

  function address(rawUrl) {
    var path = rawUrl.replace(/^\//, "");
    return new URL(/\/$/.test(path) ? path + "index.html" : path, siteRoot).href;
  }

  function render(page, data) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = address(data.raw_url);
    link.textContent = data.meta.title;
    item.appendChild(link);
    var section = document.createElement("p");
    section.textContent = data.meta.section || "";
    item.appendChild(section);
    item.appendChild(excerpt(data.content, page.words));
    return item;
  }

  function say(message) { statusLine.textContent = message; }

  // The next page of results, added below those shown, so nothing above them moves. On a new query
  // (fresh) the old results stay until the new ones are ready, then are replaced in one step.
  function showMore(query, fresh) {
    var batch = found.slice(shown, shown + PAGE_SIZE);
    return Promise.all(batch.map(function (page) { return page.result.data(); })).then(function (data) {
      if (query !== input.value.trim()) { return; }
      shown += batch.length;
      var list = fresh ? document.createElement("ul") : results.querySelector("ul");
      list.className = "item-list search-list";
      data.forEach(function (pageData, i) { list.appendChild(render(batch[i], pageData)); });
      if (fresh) { results.replaceChildren(list); }
      var more = results.querySelector("button");
      if (more) { more.remove(); }
      if (shown < found.length) {
        more = document.createElement("button");
        more.type = "button";
        more.className = "button button-secondary";
        more.textContent = text.more;
        more.addEventListener("click", function () { showMore(query, false); });
        results.appendChild(more);
      }
    });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    // While searching, the results take the A-Z list's place.
    if (aToZ) { aToZ.hidden = query !== ""; }
    results.classList.toggle("searching", query !== "");
    if (!query) {
      results.textContent = "";
      say("");
      form.dataset.query = "";
      return Promise.resolve();
    }
    return load().then(function (loaded) { return search(query, loaded); }).then(function (pages) {
      if (ticket !== latest) { return; }
      found = pages;
      shown = 0;
      if (!pages.length) {
        results.textContent = "";
        say(text.none);
        return;
      }
      return showMore(query, true).then(function () {
        say((pages.length === 1 ? text.countOne : text.countMany).replace("{count}", pages.length));
      });
    }).catch(function () {
      if (ticket === latest) { say(text.failed); }
    }).then(function () {
      if (ticket === latest) { form.dataset.query = query; }  // the results on screen are this query's
    });
  }

  var timer = null;
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("keydown", load, { once: true });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });

  // A search from the header field of another page (site.js): take it over, and erase it at once.
  var fromHeader = null;
  try {
    fromHeader = window.sessionStorage.getItem("wegwijzer-zoeken");
    window.sessionStorage.removeItem("wegwijzer-zoeken");
  } catch (error) { /* storage blocked: nothing to take over */ }
  if (fromHeader) {
    input.value = fromHeader;
    run();
  }
})();
