// The private tools' one shared mechanism: read the form, check it, fill the preview, keep (only) the
// checklist's ticks in this browser, save a copy as a file. Nothing typed is sent anywhere.
"use strict";

// The annual report's anonymity rule: counts from 1 to 4 could point to a person, so they are never shown.
function shownCount(count, fewerThanFive) {
  if (count >= 1 && count <= 4) { return fewerThanFive; }
  return String(count);
}

function inChart(count) {
  return count >= 5;
}

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

if (typeof module === "object" && module.exports) {
  module.exports = { shownCount: shownCount, inChart: inChart };  // for the unit tests under Node
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
    button.hidden = false;
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
    form.hidden = false;
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
  function guardActions(form, inputs) {
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
          input.closest("[data-field-wrap]").scrollIntoView();
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
    // letter-docx.js) and before a link's download, so stopping here stops them all.
    document.addEventListener("click", function (event) {
      if (!event.target.closest(".actions [data-print], .actions [data-download], .actions [data-word]")) { return; }
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
    guardActions(form, inputs);
  }

  // ---- the annual report: built from the form, anonymous by construction -----------------------------

  function barChart(rows, title) {
    var ns = "http://www.w3.org/2000/svg";
    var shown = rows.filter(function (row) { return inChart(row.count); });
    if (!shown.length) { return null; }
    var top = Math.max.apply(null, shown.map(function (row) { return row.count; }));
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 640 " + shown.length * 34);
    svg.setAttribute("class", "chart-svg");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    shown.forEach(function (row, i) {
      var length = 300 * row.count / top;
      var label = document.createElementNS(ns, "text");
      label.setAttribute("x", "240"); label.setAttribute("y", String(i * 34 + 22));
      label.setAttribute("text-anchor", "end"); label.setAttribute("font-size", "16");
      label.textContent = row.label;
      var bar = document.createElementNS(ns, "rect");
      bar.setAttribute("x", "250"); bar.setAttribute("y", String(i * 34 + 7));
      bar.setAttribute("width", length.toFixed(1)); bar.setAttribute("height", "20");
      bar.setAttribute("fill", "#154273");
      var value = document.createElementNS(ns, "text");
      value.setAttribute("x", (258 + length).toFixed(1)); value.setAttribute("y", String(i * 34 + 22));
      value.setAttribute("font-size", "16");
      value.textContent = String(row.count);
      svg.appendChild(label); svg.appendChild(bar); svg.appendChild(value);
    });
    var figure = element("figure", null, "chart");
    figure.appendChild(element("figcaption", title));
    figure.appendChild(svg);
    return figure;
  }

  function startReport(form) {
    var report = document.querySelector("[data-report]");
    var heading = report.querySelector("h3").textContent;
    startForm(form, function () {
      report.textContent = "";
      report.appendChild(element("h3", heading));
      form.querySelectorAll("fieldset.part").forEach(function (part) {
        var section = element("section", null, "report-part");
        section.appendChild(element("h4", part.querySelector("legend").textContent));
        part.querySelectorAll("[data-table]").forEach(function (table) {
          var rows = Array.prototype.map.call(table.querySelectorAll("input"), function (input) {
            var ok = /^\d+$/.test(input.value.trim());
            return { label: input.dataset.label, count: ok ? Number(input.value.trim()) : 0, given: ok };
          });
          if (!rows.some(function (row) { return row.given; })) { return; }
          var chart = barChart(rows, table.dataset.title);
          if (chart) { section.appendChild(chart); }
          var data = element("table", null, "chart-table");
          data.appendChild(element("caption", table.dataset.title));
          var body = element("tbody");
          rows.forEach(function (row) {
            var tr = element("tr");
            var th = element("th", row.label);
            th.setAttribute("scope", "row");
            tr.appendChild(th);
            tr.appendChild(element("td", shownCount(row.count, form.dataset.fewerThanFive)));
            body.appendChild(tr);
          });
          data.appendChild(body);
          section.appendChild(data);
          if (rows.some(function (row) { return row.count >= 1 && row.count <= 4; })) {
            section.appendChild(element("p", form.dataset.note, "anonymity-note"));
          }
        });
        part.querySelectorAll(".field").forEach(function (field) {
          var input = field.querySelector("input, textarea");
          if (!input.value.trim()) { return; }
          section.appendChild(element("p", field.querySelector("label").textContent, "report-label"));
          input.value.trim().split(/\n\s*\n/).forEach(function (paragraph) {
            section.appendChild(element("p", displayValue({ value: paragraph, dataset: input.dataset })));
          });
        });
        report.appendChild(section);
      });
    });
    onDownload(function () {
      var page = "<!doctype html>\n<html lang=\"" + document.documentElement.lang + "\"><head><meta charset=\"utf-8\">" +
        "<title>" + heading + "</title></head><body>" + report.innerHTML + "</body></html>\n";
      saveFile(form.dataset.filename, "text/html", page);
    });
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

    progress.hidden = false;
    reset.hidden = false;
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
