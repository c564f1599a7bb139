// The appointment letter's Word file with what was typed, made in this browser. Nothing typed is sent:
// the page reads the same blank Word file that the plain link offers (made when the site is built, see
// app/docx.py), fills its blanks with what the preview shows, and saves the result as a Blob.
//
// A .docx is a zip file. Only word/document.xml changes; every other part is copied byte for byte. The
// platform's own DecompressionStream and CompressionStream ("deflate-raw") do the (de)compression, so
// the zip reader and writer below only read and write the zip's headers.
"use strict";

var DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

var CRC_TABLE = (function () {
  var table = new Uint32Array(256);
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  var crc = 0xFFFFFFFF;
  for (var i = 0; i < bytes.length; i++) { crc = CRC_TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8); }
  return (crc ^ 0xFFFFFFFF) >>> 0;
}

// The entries of a zip file, from its central directory (which always holds the sizes and checksums).
function readZip(buffer) {
  var view = new DataView(buffer);
  var end = buffer.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) { end--; }
  if (end < 0) { throw new Error("not a zip file"); }
  var count = view.getUint16(end + 10, true);
  var at = view.getUint32(end + 16, true);
  var entries = [];
  for (var i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) { throw new Error("broken zip directory"); }
    var nameLength = view.getUint16(at + 28, true);
    var local = view.getUint32(at + 42, true);
    var packedSize = view.getUint32(at + 20, true);
    var start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({
      name: new TextDecoder().decode(new Uint8Array(buffer, at + 46, nameLength)),
      flags: view.getUint16(at + 8, true) & 0x0800,  // keep only "names are UTF-8"
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
      data: new Uint8Array(buffer, start, packedSize),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

// A zip file of these entries: a local header and the data for each, then the central directory.
function writeZip(entries) {
  var parts = [];
  var directory = [];
  var offset = 0;
  entries.forEach(function (entry) {
    var name = new TextEncoder().encode(entry.name);
    var local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, entry.flags, true);
    local.setUint16(8, entry.method, true);
    local.setUint16(10, entry.time, true);
    local.setUint16(12, entry.date, true);
    local.setUint32(14, entry.crc, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, entry.data);
    var central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    new Uint8Array(central.buffer, 6, 24).set(new Uint8Array(local.buffer, 4, 24));  // the same fields
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + entry.data.length;
  });
  var size = directory.reduce(function (sum, part) { return sum + part.length; }, 0);
  var end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return new Blob(parts.concat(directory, [new Uint8Array(end.buffer)]));
}

function through(bytes, stream) {
  return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
    .then(function (buffer) { return new Uint8Array(buffer); });
}

// Text as the content of an XML element: markup characters escaped, and characters that XML 1.0 does not
// allow (control characters a paste can bring along) left out, so Word always opens the file.
function xmlText(text) {
  return String(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// app/docx.py writes each blank as one highlighted run whose whole text is the blank. A filled blank
// becomes a plain run with the value; a blank without a value stays as it is, marked.
function fillBlanks(xml, values) {
  Object.keys(values).forEach(function (blank) {
    var run = '<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>' + xmlText(blank) + "</w:t></w:r>";
    var filled = '<w:r><w:t xml:space="preserve">' + xmlText(values[blank]) + "</w:t></w:r>";
    xml = xml.split(run).join(filled);
  });
  return xml;
}

// The blank Word file (an ArrayBuffer) with its blanks filled: values maps a blank's text to its value.
function filledDocx(buffer, values) {
  var entries = readZip(buffer);
  var main = entries.filter(function (entry) { return entry.name === "word/document.xml"; })[0];
  if (!main || (main.method !== 0 && main.method !== 8)) { return Promise.reject(new Error("no document.xml")); }
  var unpacked = main.method === 8 ? through(main.data, new DecompressionStream("deflate-raw")) : Promise.resolve(main.data);
  return unpacked.then(function (bytes) {
    var xml = new TextEncoder().encode(fillBlanks(new TextDecoder().decode(bytes), values));
    return through(xml, new CompressionStream("deflate-raw")).then(function (packed) {
      main.method = 8;
      main.crc = crc32(xml);
      main.size = xml.length;
      main.data = packed;
      return writeZip(entries);
    });
  });
}

if (typeof module === "object" && module.exports) {
  module.exports = { filledDocx: filledDocx, readZip: readZip, crc32: crc32 };  // for the unit tests under Node
}

(function () {
  if (typeof document === "undefined" || typeof CompressionStream === "undefined") { return; }
  var link = document.querySelector("[data-word][data-filled-label]");
  var preview = document.querySelector("[data-preview]");
  if (!link || !preview) { return; }
  var blankLabel = link.textContent;
  link.textContent = link.dataset.filledLabel;

  // What the preview shows is what the file says: a value that is wrong or empty is a blank there too.
  function values() {
    var found = {};
    preview.querySelectorAll(".slot.slot-filled").forEach(function (slot) { found[slot.dataset.blank] = slot.textContent; });
    return found;
  }

  function onClick(event) {
    event.preventDefault();
    var name = link.pathname.split("/").pop();
    fetch(link.href)
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.arrayBuffer();
      })
      .then(function (buffer) { return filledDocx(buffer, values()); })
      .then(function (blob) { saveFile(name, DOCX, blob); })
      .catch(function () {
        // Opened from a folder (file://) a page may not read files: fall back to the blank file, under
        // its own label, as without JavaScript.
        link.removeEventListener("click", onClick);
        link.textContent = blankLabel;
        link.click();
      });
  }
  link.addEventListener("click", onClick);
})();
