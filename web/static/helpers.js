// Browser-side helpers of the nianbao web app: start-up and failure states, turning pasted HTML
// and opened files (.txt, .html, .docx) into plain text, and small DOM utilities the Rust app calls
// through `window.nianbaoJs`. Nothing here makes a network request.
"use strict";

// ---- Start-up and failure states ---------------------------------------------------------------

var nianbaoCspViolation = "";

var NIANBAO_FAILURES = {
  "no-wasm": [
    "您的浏览器不支持 WebAssembly，无法运行检查程序。",
    "请使用较新版本的 Chrome、Edge、Firefox、Safari，或 360/QQ 等浏览器的“极速模式”打开本页面。",
  ],
  "old-browser": [
    "您的浏览器版本过旧，无法运行检查程序。",
    "请使用较新版本的 Chrome、Edge、Firefox、Safari，或 360/QQ 等浏览器的“极速模式”打开本页面。",
  ],
  csp: [
    "本网站的安全策略（Content-Security-Policy）禁止运行 WebAssembly，检查程序被浏览器拦截。",
    "如果本页面由门户网站部署，请网站管理员在安全策略的 script-src 中加入 'wasm-unsafe-eval'；也可以直接打开单文件版 nianbao.html 使用。",
  ],
  load: [
    "检查程序文件未能加载（网络中断或文件缺失）。",
    "请检查网络连接后点击“重新加载”。",
  ],
  panic: [
    "检查程序遇到内部错误，已停止运行。",
    "请点击“重新加载”重试；如果问题重复出现，请把下方“技术信息”和报告文本反馈给维护人员。",
  ],
  start: [
    "检查程序未能启动。",
    "请点击“重新加载”重试，或换用较新版本的浏览器。",
  ],
};

function nianbaoFailure(kind, detail) {
  var box = document.getElementById("failure");
  if (!box) return;
  var text = NIANBAO_FAILURES[kind] || NIANBAO_FAILURES.start;
  document.getElementById("failure-reason").textContent = text[0];
  document.getElementById("failure-advice").textContent = text[1];
  document.getElementById("failure-detail").textContent = kind + ": " + (detail || "");
  box.hidden = false;
  var reload = document.getElementById("failure-reload");
  if (reload) reload.onclick = function () { location.reload(); };
  document.body.classList.add("failed");
  var booting = document.getElementById("booting");
  if (booting) booting.remove();
}

function nianbaoClassify(error) {
  var message = String((error && (error.message || error)) || "");
  if (nianbaoCspViolation || /Content.Security.Policy|unsafe-eval|wasm-eval|Refused to (compile|execute)/i.test(message)) {
    return "csp";
  }
  if (/fetch|NetworkError|Failed to load|404/i.test(message)) return "load";
  return "start";
}

// Runs `init` (which instantiates the wasm) and turns every way it can fail into a visible message.
function nianbaoStart(init) {
  document.addEventListener("securitypolicyviolation", function (e) {
    nianbaoCspViolation = (e.violatedDirective || "") + " " + (e.blockedURI || "");
  });
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    nianbaoFailure("no-wasm", "typeof WebAssembly: " + typeof WebAssembly);
    return;
  }
  Promise.resolve()
    .then(init)
    .then(function () {
      var booting = document.getElementById("booting");
      if (booting) booting.remove();
    })
    .catch(function (error) {
      var kind = nianbaoClassify(error);
      var detail = String((error && (error.stack || error.message)) || error);
      if (nianbaoCspViolation) detail += "\nCSP: " + nianbaoCspViolation;
      nianbaoFailure(kind, detail);
    });
}

function nianbaoBytes(base64) {
  var raw = atob(base64);
  var bytes = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

// The service worker is only for http://localhost and https (never file://).
function nianbaoRegisterServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  var local = location.protocol === "http:" && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(location.hostname);
  if (location.protocol !== "https:" && !local) return;
  navigator.serviceWorker.register("sw.js").catch(function () {});
}

// ---- HTML → text (paste from Word/WPS/web pages, opened .html files) ----------------------------

var BLOCK_TAGS = /^(P|DIV|H[1-6]|LI|UL|OL|DL|DT|DD|SECTION|ARTICLE|HEADER|FOOTER|BLOCKQUOTE|PRE|TR|TABLE|CENTER|ADDRESS|FIGURE|MAIN|NAV|ASIDE|FORM|HR|CAPTION)$/;
var SKIP_TAGS = /^(SCRIPT|STYLE|TEMPLATE|HEAD|TITLE|META|LINK|NOSCRIPT|OBJECT|IFRAME|SVG|XML)$/;

function hidden(el) {
  var style = el.getAttribute && el.getAttribute("style");
  return !!style && /display\s*:\s*none/i.test(style);
}

// Lines of the text under `node`; tables become tab-separated rows.
function htmlLines(node) {
  var lines = [];
  var current = "";
  function flush() {
    var line = current.replace(/[ ]+/g, " ").replace(/^ | $/g, "");
    if (line !== "") lines.push(line);
    current = "";
  }
  function walk(n) {
    if (n.nodeType === 3) {
      current += n.data.replace(/[\s\u00a0]+/g, " ");
      return;
    }
    if (n.nodeType !== 1) return;
    var tag = n.tagName.toUpperCase();
    if (SKIP_TAGS.test(tag) || hidden(n)) return;
    if (tag === "BR") {
      flush();
      return;
    }
    if (tag === "TABLE") {
      flush();
      tableRows(n).forEach(function (row) {
        lines.push(row);
      });
      return;
    }
    var block = BLOCK_TAGS.test(tag);
    if (block) flush();
    for (var c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  }
  walk(node);
  flush();
  return lines;
}

function tableRows(table) {
  var rows = [];
  var trs = table.querySelectorAll("tr");
  for (var i = 0; i < trs.length; i++) {
    var tr = trs[i];
    // Rows of nested tables are read as part of their own cell.
    if (tr.closest("table") !== table) continue;
    var cells = [];
    for (var c = tr.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName !== "TD" && c.tagName !== "TH") continue;
      if (hidden(c)) continue;
      cells.push(htmlLines(c).join(" ").replace(/\t/g, " "));
    }
    if (cells.some(function (s) { return s !== ""; })) rows.push(cells.join("\t"));
  }
  return rows;
}

// Never inserted into the page: parsed in an inert document only. An opened web page's <title>
// (usually the report's title, naming the issuer) becomes the first line when the body lacks it.
function flattenHtml(html, withTitle) {
  var doc = new DOMParser().parseFromString(String(html), "text/html");
  var lines = htmlLines(doc.body || doc.documentElement);
  var title = withTitle ? (doc.title || "").replace(/\s+/g, " ").trim() : "";
  if (title && lines.indexOf(title) < 0) lines.unshift(title);
  return lines.join("\n");
}

// ---- Files: .txt, .html, .docx ------------------------------------------------------------------

function decodeText(bytes) {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function u16(b, i) {
  return b[i] | (b[i + 1] << 8);
}
function u32(b, i) {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

// A tiny zip reader: the entries' names and their (stored or deflated) bytes, on demand.
function zipEntries(bytes) {
  var end = -1;
  for (var i = bytes.length - 22; i >= Math.max(0, bytes.length - 65558); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("不是有效的 .docx 文件（找不到 zip 目录）");
  var count = u16(bytes, end + 10);
  var at = u32(bytes, end + 16);
  var entries = {};
  for (var n = 0; n < count; n++) {
    if (u32(bytes, at) !== 0x02014b50) throw new Error("不是有效的 .docx 文件（zip 目录损坏）");
    var method = u16(bytes, at + 10);
    var size = u32(bytes, at + 20);
    var nameLength = u16(bytes, at + 28);
    var extraLength = u16(bytes, at + 30);
    var commentLength = u16(bytes, at + 32);
    var local = u32(bytes, at + 42);
    var name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries[name] = { method: method, size: size, local: local };
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipRead(bytes, entry) {
  var at = entry.local;
  if (u32(bytes, at) !== 0x04034b50) return Promise.reject(new Error("zip 条目损坏"));
  var start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  var data = bytes.subarray(start, start + entry.size);
  if (entry.method === 0) return Promise.resolve(data);
  if (entry.method !== 8) return Promise.reject(new Error("不支持的 zip 压缩方式 " + entry.method));
  if (typeof DecompressionStream !== "function") {
    return Promise.reject(new Error("浏览器不支持解压 .docx，请直接复制粘贴报告文字"));
  }
  var stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).arrayBuffer().then(function (b) {
    return new Uint8Array(b);
  });
}

// A .docx: the XML of its body. The Rust core turns it into text exactly as the command line
// does (paragraphs as lines, table rows as tab-separated cells).
function docxXml(bytes) {
  var entries = zipEntries(bytes);
  var entry = entries["word/document.xml"];
  if (!entry) return Promise.reject(new Error("不是有效的 .docx 文件（没有 word/document.xml）"));
  return zipRead(bytes, entry).then(function (xml) {
    return { docxXml: new TextDecoder("utf-8").decode(xml) };
  });
}

// Reads an opened or dropped file: report text, or `{ docxXml }` for a .docx. Rejects with a
// Chinese message.
function readFile(file) {
  var name = (file.name || "").toLowerCase();
  if (/\.doc$/.test(name) || /\.wps$/.test(name)) {
    return Promise.reject(new Error("不支持旧版 .doc/.wps 文件：请在 Word 或 WPS 中另存为 .docx，或直接复制全文粘贴。"));
  }
  if (/\.pdf$/.test(name)) {
    return Promise.reject(new Error("不支持 PDF 文件：请在 PDF 阅读器中复制全文后粘贴。"));
  }
  return file.arrayBuffer().then(function (buffer) {
    var bytes = new Uint8Array(buffer);
    var zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
    if (/\.docx$/.test(name) || zip) return docxXml(bytes);
    var text = decodeText(bytes);
    if (/\.html?$/.test(name) || /^\s*<(!doctype html|html)/i.test(text)) return flattenHtml(text, true);
    return text;
  });
}

// ---- DOM utilities ------------------------------------------------------------------------------

// The vertical position (px, in scroll coordinates) of UTF-16 offset `offset` in `layer`'s text.
function spanTop(layer, offset) {
  var walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
  var seen = 0;
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var length = node.data.length;
    if (seen + length >= offset) {
      var range = document.createRange();
      range.setStart(node, Math.max(0, Math.min(length, offset - seen)));
      range.collapse(true);
      var rects = range.getClientRects();
      var rect = rects.length ? rects[0] : range.getBoundingClientRect();
      return rect.top - layer.getBoundingClientRect().top + layer.scrollTop;
    }
    seen += length;
  }
  return layer.scrollHeight;
}

function download(name, mime, text, bom) {
  var blob = new Blob([bom ? "\ufeff" : "", text], { type: mime });
  var url = URL.createObjectURL(blob);
  var a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () {
    URL.revokeObjectURL(url);
  }, 10000);
}

function copyText(text) {
  function fallback() {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    area.remove();
    return ok;
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(text).then(
      function () {
        return true;
      },
      function () {
        return fallback();
      },
    );
  }
  return Promise.resolve(fallback());
}

// Inserts text at the textarea's selection and fires `input`. Short pastes go through the editing
// commands so Ctrl+Z can undo them; Chrome takes about a second for a whole report that way
// (it works line by line), so long ones are placed directly.
function insertText(area, text) {
  area.focus();
  var ok = false;
  var short = text.length < 4000 && text.split("\n").length < 40;
  if (short) {
    try {
      ok = document.execCommand("insertText", false, text);
    } catch (e) {
      ok = false;
    }
  }
  if (!ok) {
    area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
    area.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }
}

// Applies a fix: `edits` is [start, end, replacement, ...] in UTF-16 offsets, in text order and
// not overlapping. Each edit goes through the editing commands (Ctrl+Z undoes it) from the last
// to the first, so the earlier offsets stay right; the scroll position is kept. No `input` event
// is relied on: the caller checks the new text itself.
function applyEdits(area, edits) {
  var top = area.scrollTop;
  area.focus();
  for (var i = edits.length - 3; i >= 0; i -= 3) {
    var start = edits[i], end = edits[i + 1], text = edits[i + 2];
    area.setSelectionRange(start, end);
    var ok = false;
    try {
      ok = document.execCommand(text === "" ? "delete" : "insertText", false, text);
    } catch (e) {
      ok = false;
    }
    if (!ok) area.setRangeText(text, start, end, "end");
  }
  area.scrollTop = top;
  return area.value;
}

// The files of a drop, folders walked (webkitGetAsEntry, recursively): each File carries its
// path inside the dropped folder as `nianbaoPath`. Entries are taken at once: the browser
// empties the drop's items when the event handler returns.
function droppedFiles(dt) {
  var items = dt && dt.items ? Array.prototype.slice.call(dt.items) : [];
  var entries = items.map(function (i) {
    return i.kind === "file" && i.webkitGetAsEntry ? i.webkitGetAsEntry() : null;
  });
  if (!entries.some(function (e) { return e && e.isDirectory; })) {
    return Promise.resolve(Array.prototype.slice.call((dt && dt.files) || []));
  }
  var out = [];
  function walk(entry, dir) {
    if (!entry) return Promise.resolve();
    if (entry.isFile) {
      return new Promise(function (done) {
        entry.file(function (f) {
          try { Object.defineProperty(f, "nianbaoPath", { value: dir + f.name }); } catch (e) {}
          out.push(f);
          done();
        }, function () { done(); });
      });
    }
    var reader = entry.createReader();
    var children = [];
    return new Promise(function (done) {
      // readEntries gives a directory's entries in pieces (100 at a time in Chromium).
      (function more() {
        reader.readEntries(function (some) {
          if (some.length) {
            children = children.concat(Array.prototype.slice.call(some));
            more();
          } else {
            Promise.all(children.map(function (c) { return walk(c, dir + entry.name + "/"); })).then(done);
          }
        }, function () { done(); });
      })();
    });
  }
  return Promise.all(entries.map(function (e) { return walk(e, ""); })).then(function () { return out; });
}

window.nianbaoJs = {
  failure: nianbaoFailure,
  // Which way the app runs; the frame and the element scripts change it before starting.
  mode: function () {
    return "page";
  },
  flattenHtml: flattenHtml,
  readFile: readFile,
  droppedFiles: droppedFiles,
  spanTop: spanTop,
  download: download,
  copyText: copyText,
  insertText: insertText,
  applyEdits: applyEdits,
};
