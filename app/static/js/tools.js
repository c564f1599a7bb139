// The private tools' one shared mechanism: read the form, check it, fill the preview, keep (only) the
// checklist's ticks in this browser, save a copy as a file. Nothing typed is sent anywhere.
"use strict";

// The annual report's anonymity rule and free-text check are modules of their own, loaded before this
// file on the report's page: suppress.js (SMALL, HIDDEN, WITHHELD, primary, suppress) and identifying.js.

// Save what the browser made as a file: a Blob, so nothing leaves the browser. Outside the closure below
// because letter-docx.js saves the filled Word file the same way.
function saveFile(filename, type, content) {
  var url = URL.createObjectURL(new Blob([content], { type: type }));
  var anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

(function () {
  if (typeof document === "undefined") { return; }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function onDownload(handler) {
    var button = document.querySelector("[data-download]");
    if (!button) { return; }
    button.addEventListener("click", handler);
  }

  // ---- checking what was typed, with the message next to the field ---------------------------------

  function fieldProblem(input, form) {
    var value = input.value.trim();
    var kind = input.dataset.kind;
    if (!value) { return input.closest("[data-table]") ? null : form.dataset.msgRequired; }
    if (kind === "number" && !/^\d+$/.test(value)) { return form.dataset.msgNumber; }
    // A share of working time may have decimals, written the Dutch way (12,5) or the English way (12.5).
    if (kind === "percentage" && !/^\d+([.,]\d+)?$/.test(value)) { return form.dataset.msgPercentage; }
    if (input.dataset.max && Number(value.replace(",", ".")) > Number(input.dataset.max)) {
      return input.dataset.maxMessage;
    }
    if (kind === "date" && isNaN(Date.parse(value))) { return form.dataset.msgDate; }
    if (kind === "text" && value.length > 120) { return form.dataset.msgText; }
    return null;
  }

  function errorOf(input) {
    return document.getElementById(input.getAttribute("aria-describedby").split(" ").pop());
  }

  function check(input, form, showEmpty) {
    var problem = fieldProblem(input, form);
    if (problem === form.dataset.msgRequired && !showEmpty) { problem = null; }
    var error = errorOf(input);
    error.textContent = problem || "";
    error.hidden = !problem;
    if (problem) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
    return !problem;
  }

  function displayValue(input) {
    var value = input.value.trim();
    if (input.dataset.kind === "percentage") {
      return value.replace(/[.,]/, document.documentElement.lang === "nl" ? "," : ".");
    }
    if (input.dataset.kind === "date" && value && !isNaN(Date.parse(value))) {
      var lang = document.documentElement.lang;
      return new Date(value + "T12:00:00").toLocaleDateString(lang === "en" ? "en-GB" : lang,
        { day: "numeric", month: "long", year: "numeric" });
    }
    return value;
  }

  function startForm(form, update) {
    document.querySelectorAll(".no-js-note").forEach(function (note) { note.hidden = true; });
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-kind], textarea"));
    inputs.forEach(function (input) {
      input.addEventListener("input", function () { check(input, form, false); update(inputs); });
      input.addEventListener("blur", function () { check(input, form, true); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update(inputs);
    return inputs;
  }

  // ---- the appointment letter: the preview is the letter itself --------------------------------------

  // GOV.UK's error summary: printing or downloading with a wrong value left is stopped, and the summary at
  // the top of the form links to each wrong field. Empty fields are no problem: they stay marked blanks.
  // actions: a selector of the buttons and links to stop.
  function guardActions(form, inputs, actions) {
    var summary = form.querySelector("[data-error-summary]");
    var list = summary.querySelector("ul");

    function listProblems() {
      var wrong = inputs.filter(function (input) { return !check(input, form, false); });
      list.textContent = "";
      wrong.forEach(function (input) {
        var link = element("a", errorOf(input).textContent);
        link.href = "#" + input.id;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          input.closest("[data-field-wrap], .count-row").scrollIntoView();
          input.focus({ preventScroll: true });
        });
        var item = element("li");
        item.appendChild(link);
        list.appendChild(item);
      });
      summary.hidden = !wrong.length;
      return wrong.length;
    }

    inputs.forEach(function (input) {
      input.addEventListener("input", function () { if (!summary.hidden) { listProblems(); } });
    });
    // Capturing on the document runs before the actions' own handlers (print in site.js, the Word file in
    // letter-docx.js, the report's warnings) and before a link's download, so stopping here stops them all.
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(actions)) { return; }
      if (!listProblems()) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      summary.focus();
    }, true);
  }

  function startLetter(form) {
    var inputs = startForm(form, function (inputs) {
      inputs.forEach(function (input) {
        var ok = fieldProblem(input, form) === null;
        document.querySelectorAll('[data-slot="' + input.name + '"]').forEach(function (slot) {
          var filled = ok && input.value.trim();
          slot.textContent = filled ? displayValue(input) : slot.dataset.blank;
          slot.classList.toggle("slot-filled", Boolean(filled));
        });
      });
    });
    guardActions(form, inputs, ".actions [data-print], .actions [data-download], .actions [data-word]");
  }

  // ---- the annual report: built from the form, anonymous by construction -----------------------------

  // Only counts that the table shows as a number of 5 or more are drawn: a bar would give a hidden one away.
  // The drawing is the page's own (the chart_figure macro, in a <template>): this only fills it in.
  function barChart(rows, title) {
    var shown = rows.filter(function (row) { return typeof row.shown === "number" && row.shown >= 5; });
    if (!shown.length) { return null; }
    var top = Math.max.apply(null, shown.map(function (row) { return row.count; }));
    var figure = document.querySelector("[data-chart-template]").content.querySelector("figure").cloneNode(true);
    figure.querySelector("figcaption").textContent = title;
    var model = figure.querySelector("[data-bar]");
    shown.forEach(function (row) {
      var bar = model.cloneNode(true);
      bar.querySelector(".bar-label").textContent = row.label;
      bar.querySelector("rect").setAttribute("width", (100 * row.count / top).toFixed(1));
      bar.querySelector(".bar-value").textContent = String(row.count);
      model.parentNode.appendChild(bar);
    });
    model.remove();
    return figure;
  }

  function countOf(input) {
    var value = input ? input.value.trim() : "";
    return /^\d+$/.test(value) ? Number(value) : null;
  }

  function shownText(shown, form) {
    if (shown === SMALL) { return form.dataset.fewerThanFive; }
    if (shown === HIDDEN || shown === WITHHELD) { return form.dataset.hidden; }
    return String(shown);
  }

  function countTable(table, rows, title, form) {
    var data = element("table", null, "chart-table");
    data.appendChild(element("caption", title));
    var body = element("tbody");
    rows.forEach(function (row) {
      var tr = element("tr");
      var th = element("th", row.label);
      th.setAttribute("scope", "row");
      tr.appendChild(th);
      tr.appendChild(element("td", shownText(row.shown, form)));
      body.appendChild(tr);
    });
    data.appendChild(body);
    return data;
  }

  // Every count table as the report shows it. Tables with data-total count the same reports, so they
  // take part in one suppression with that total; a table that does not add up to it is left out until
  // it does, with an error once the user has left it.
  function shownCounts(form, touched) {
    var totalName = null;
    var tables = Array.prototype.map.call(form.querySelectorAll("[data-table]"), function (table) {
      var rows = Array.prototype.map.call(table.querySelectorAll("input"), function (input) {
        return { label: input.dataset.label, count: countOf(input) || 0, given: countOf(input) !== null };
      });
      if (table.dataset.total) { totalName = table.dataset.total; }
      return { node: table, rows: rows, given: rows.some(function (row) { return row.given; }) };
    });
    var total = totalName ? countOf(form.querySelector('[name="' + totalName + '"]')) : null;
    var shared = tables.filter(function (table) {
      var problem = null;
      if (table.node.dataset.total && table.given) {
        var sum = table.rows.reduce(function (a, row) { return a + row.count; }, 0);
        if (total === null) { problem = form.dataset.msgTotalMissing; }
        else if (sum !== total) {
          problem = form.dataset.msgTotalMismatch.replace("{sum}", sum).replace("{total}", total);
        }
        var error = document.getElementById(table.node.getAttribute("aria-describedby"));
        error.textContent = problem || "";
        error.hidden = !(problem && touched.indexOf(table.node) !== -1);
        table.shown = !problem;
      } else {
        table.shown = table.given;
      }
      return table.shown && table.node.dataset.total;
    });
    var result = suppress(total, shared.map(function (table) { return table.rows.map(function (row) { return row.count; }); }));
    shared.forEach(function (table, index) {
      table.rows.forEach(function (row, i) { row.shown = result[1][index][i]; });
    });
    tables.forEach(function (table) {
      if (table.shown && !table.node.dataset.total) {
        table.rows.forEach(function (row) { row.shown = primary(row.count); });
      }
    });
    return { totalName: totalName, reports: total, total: total === null ? null : result[0], tables: tables };
  }

  function warnings(form, lists, reports) {
    var found = [];
    form.querySelectorAll("[data-warning]").forEach(function (warning) {
      var input = warning.parentNode.querySelector("textarea, input");
      var kinds = lists ? identifyingKinds(input.value, lists, reports) : [];
      var message = kinds.map(function (kind) {
        return form.dataset["warn" + kind.charAt(0).toUpperCase() + kind.slice(1)];
      }).join(" ");
      warning.textContent = message;
      warning.hidden = !message;
      if (message) { found.push({ input: input, message: message }); }
    });
    return found;
  }

  function reportTitle(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".slot:not(.slot-filled)").forEach(function (slot) { slot.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The saved report: one self-contained page with its own styles and no script, its headings one level
  // up (the report's title is the file's only h1).
  function reportFile(report, title, style) {
    var copy = report.cloneNode(true);
    [["h4", "h2"], ["h3", "h1"]].forEach(function (pair) {
      copy.querySelectorAll(pair[0]).forEach(function (old) {
        var heading = element(pair[1]);
        heading.innerHTML = old.innerHTML;
        old.replaceWith(heading);
      });
    });
    return "<!doctype html>\n<html lang=\"" + document.documentElement.lang + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escapeHtml(title) +
      "</title>\n<style>\n" + style + "\n</style>\n</head>\n<body>\n<main class=\"report\">\n" + copy.innerHTML +
      "\n</main>\n</body>\n</html>\n";
  }

  function startReport(form) {
    var report = document.querySelector("[data-report]");
    var heading = report.querySelector("[data-report-heading]");
    var lists = form.dataset.identifying ? JSON.parse(form.dataset.identifying) : null;
    var summary = form.querySelector("[data-warning-summary]");
    var touched = [];
    var found = [];
    var seen = null;  // the warnings the user was last shown in the summary

    function showSummary() {
      var list = summary.querySelector("[data-warning-list]");
      list.textContent = "";
      found.forEach(function (warning) {
        var item = element("li");
        var link = element("a", form.querySelector('label[for="' + warning.input.id + '"]').textContent + ": " + warning.message);
        link.href = "#" + warning.input.id;
        link.addEventListener("click", function (event) { event.preventDefault(); warning.input.focus(); });
        item.appendChild(link);
        list.appendChild(item);
      });
      summary.hidden = !found.length;
    }

    var inputs = startForm(form, function (inputs) {
      var counts = shownCounts(form, touched);
      inputs.forEach(function (input) {
        document.querySelectorAll('[data-slot="' + input.name + '"]').forEach(function (slot) {
          var filled = fieldProblem(input, form) === null && input.value.trim();
          slot.textContent = filled ? displayValue(input) : slot.dataset.blank;
          slot.classList.toggle("slot-filled", Boolean(filled));
        });
      });
      report.textContent = "";
      report.appendChild(heading);
      var anyHidden = counts.total === SMALL || counts.total === HIDDEN;
      form.querySelectorAll("fieldset.part").forEach(function (part) {
        var section = element("section", null, "report-part");
        section.appendChild(element("h4", part.querySelector("legend").textContent));
        counts.tables.forEach(function (table) {
          if (!table.shown || !part.contains(table.node)) { return; }
          var chart = barChart(table.rows, table.node.dataset.title);
          if (chart) { section.appendChild(chart); }
          section.appendChild(countTable(table.node, table.rows, table.node.dataset.title, form));
          anyHidden = anyHidden || table.rows.some(function (row) { return row.shown === SMALL || row.shown === HIDDEN; });
        });
        part.querySelectorAll(".field").forEach(function (field) {
          var input = field.querySelector("input, textarea");
          var inHeading = heading.querySelector('[data-slot="' + input.name + '"]');
          if (!input.value.trim() || inHeading && fieldProblem(input, form) === null) { return; }
          section.appendChild(element("p", field.querySelector("label").textContent, "report-label"));
          if (input.name === counts.totalName && counts.total !== null) {
            section.appendChild(element("p", shownText(counts.total, form)));
            return;
          }
          input.value.trim().split(/\n\s*\n/).forEach(function (paragraph) {
            section.appendChild(element("p", displayValue({ value: paragraph, dataset: input.dataset })));
          });
        });
        if (section.childNodes.length > 1) { report.appendChild(section); }
      });
      if (anyHidden) { report.appendChild(element("p", form.dataset.note, "anonymity-note")); }
      found = warnings(form, lists, counts.reports);
      if (!found.length) { summary.hidden = true; seen = null; }
      else if (!summary.hidden) { showSummary(); }
    });
    // Before the warnings below: a count that is not a whole number stops printing and saving first. A
    // table that does not add up only stays out of the report (its error is at the table). The Word file
    // is the blank scheme, so nothing typed can be wrong in it.
    guardActions(form, inputs, ".actions [data-print], .actions [data-download]");
    form.querySelectorAll("[data-table]").forEach(function (table) {
      table.addEventListener("focusout", function (event) {
        if (table.contains(event.relatedTarget)) { return; }
        if (touched.indexOf(table) === -1) { touched.push(table); }
        shownCounts(form, touched);
      });
    });

    // Saving or printing with a warning first shows the warnings; the second time it goes ahead, since a
    // word like "team" can be harmless ("het team van vertrouwenspersonen") and only the user can tell.
    function warnedFirst(event) {
      // A table left out because it does not add up says so now, even if the user never left it.
      touched = Array.prototype.slice.call(form.querySelectorAll("[data-table]"));
      shownCounts(form, touched);
      var key = found.map(function (warning) { return warning.input.id + warning.message; }).join("|");
      if (!found.length || key === seen) { return false; }
      seen = key;
      showSummary();
      summary.focus();
      event.preventDefault();
      event.stopImmediatePropagation();
      return true;
    }
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("[data-print]")) { warnedFirst(event); }
    }, true);
    onDownload(function (event) {
      if (warnedFirst(event)) { return; }
      // The file is named after the blanks filled in its title, such as the year: jaarverslag-2026.html.
      var filled = Array.prototype.map.call(heading.querySelectorAll(".slot-filled"), function (slot) {
        return slot.textContent.trim().replace(/[^\w-]+/g, "-");
      });
      var name = form.dataset.filename.replace(/\.html$/, (filled.length ? "-" + filled.join("-") : "") + ".html");
      saveFile(name, "text/html", reportFile(report, reportTitle(heading), form.dataset.fileStyle));
    });
    return inputs;
  }

  // ---- the checklist: ticks kept under one named key, and nothing else -------------------------------

  function startChecklist(form) {
    var key = form.dataset.store;
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var progress = form.querySelector("[data-progress]");
    var reset = form.querySelector("[data-reset]");
    var saved = [];
    try { saved = JSON.parse(localStorage.getItem(key) || "[]"); } catch (error) { saved = []; }
    boxes.forEach(function (box) { box.checked = saved.indexOf(box.name) !== -1; });

    function update() {
      var done = boxes.filter(function (box) { return box.checked; });
      progress.textContent = progress.dataset.template.replace("{done}", done.length).replace("{total}", boxes.length);
      try {
        if (done.length) { localStorage.setItem(key, JSON.stringify(done.map(function (box) { return box.name; }))); }
        else { localStorage.removeItem(key); }
      } catch (error) { /* storage off: the list still works for this visit */ }
    }

    boxes.forEach(function (box) { box.addEventListener("change", update); });
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      update();
    });
    update();
    onDownload(function () {
      var lines = [document.querySelector("h1").textContent, progress.textContent, ""];
      boxes.forEach(function (box) {
        var title = form.querySelector('label[for="' + box.id + '"]').textContent.trim();
        lines.push((box.checked ? "[x] " : "[ ] ") + title);
      });
      saveFile(form.dataset.filename, "text/plain", lines.join("\n") + "\n");
    });
  }

  var starters = { checklist: startChecklist, letter: startLetter, report: startReport };
  document.querySelectorAll("form[data-tool]").forEach(function (form) {
    starters[form.dataset.tool](form);
  });
})();
