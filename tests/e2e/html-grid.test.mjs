// The browser as the reference HTML parser: each tricky table is loaded into headless Chromium
// (served on a free port), its grid is read from the DOM (the HTML table model over the parsed
// rows and cells, rowspans clipped to their row group as browsers lay them out), and the core's
// reading of the same markup (the JS API package, dist/pkg, from `cargo xtask pkg`) must put
// the same numbers in the same rows and columns, with spans that hold the cell's text.
//   cd tests/e2e && node --test html-grid.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DIST, ROOT, launch } from "./lib.mjs";

const pkg = await import(join(DIST, "pkg", "nianbao.js"));
await pkg.default({ module_or_path: readFileSync(join(DIST, "pkg", "nianbao_bg.wasm")) });

const COLUMNS = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"];
// Labels of the fixtures' rows (whitespace removed) and their keys.
const ROWS = {
  "一、本年新收政府信息公开申请数量": "received",
  "二、上年结转政府信息公开申请数量": "carried_in",
  "（一）予以公开": "granted",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "partly_granted",
  "1.属于国家秘密": "denied_state_secret",
  "2.其他法律行政法规禁止公开": "denied_prohibited",
  "3.危及“三安全一稳定”": "denied_security_stability",
  "四、结转下年度继续办理": "carried_out",
};

const HEAD = "<p>三、收到和处理政府信息公开申请情况</p>";
const HEADER = `<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
const page = (body) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试</title><style>td{border:1px solid #000;padding:2px 6px}table{border-collapse:collapse}</style></head><body>${HEAD}${body}<p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>`;
const w = (t) => `<p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt'>${t}<o:p></o:p></span></p>`;
const wEmpty = `<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;

const FIXTURES = {
  // Empty cells of every kind between numbers (the 821 | 35 | &nbsp; | &nbsp; | 2 | 1 | 859).
  "nbsp and empty cells": page(`<table>${HEADER}
<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>821</td><td>35</td><td>&nbsp;</td><td><p>&nbsp;</p></td><td>2</td><td>1</td><td>859</td></tr>
<tr><td colspan=3>二、上年结转政府信息公开申请数量</td><td></td><td><o:p></o:p></td><td>0</td><td>0</td><td> </td><td>0</td><td>0</td></tr></table>`),
  // Word clipboard: mso styles, runs split inside numbers, <o:p>, every cell in a <p>.
  "word clipboard": page(`<!--StartFragment--><table class=MsoNormalTable border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr style='mso-yfti-irow:0'><td colspan=3 rowspan=3 style='border:solid windowtext 1.0pt'>${w("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")}</td><td colspan=7>${w("申请人情况")}</td></tr>
<tr><td rowspan=2>${w("自然人")}</td><td colspan=5>${w("法人或其他组织")}</td><td rowspan=2>${w("总计")}</td></tr>
<tr><td>${w("商业企业")}</td><td>${w("科研机构")}</td><td>${w("社会公益组织")}</td><td>${w("法律服务")}${w("机构")}</td><td>${w("其他")}</td></tr>
<tr><td colspan=3>${w("一、本年新收<br>政府信息公开申请数量")}</td><td>${w("1</span><span lang=EN-US>2")}</td><td>${wEmpty}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("12")}</td></tr>
<tr><td rowspan=4>${w("三、本年度办理结果")}</td><td colspan=2>${w("（一）予以公开")}</td><td>${w("5")}</td><td>${w("0")}</td><td>${wEmpty}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("5")}</td></tr>
<tr><td colspan=2>${w("（二）部分公开（区分处理的，只计这一情形，不计其他情形）")}</td><td>${w("2")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("2")}</td></tr>
<tr><td rowspan=2>${w("（三）不予公开")}</td><td>${w("1.属于国家秘密")}</td><td>${w("1")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("1")}</td></tr>
<tr><td>${w("2.其他法律行政法规禁止公开")}</td><td>${w("3")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("0")}</td><td>${w("1")}</td><td>${w("0")}</td><td>${w("4")}</td></tr>
</table><!--EndFragment-->`),
  // Markup a browser repairs: no </td> or </tr>, upper case, quoted '>' in attributes, comments
  // and Word's conditional comments, text outside any cell, HTML integers in spans, <tbody>s.
  "browser repairs": page(`<TABLE border=1><caption>表三</caption><THEAD>${HEADER}</THEAD>
<tbody><TR><TD COLSPAN="3px" title="a>b">一、本年新收政府信息公开申请数量<TD>7<td>0<td><!-- 0 --><td>0<td><![if !supportLists]>0<![endif]><td>1<td>8
<tr><td colspan=" 3">二、上年结转政府信息公开申请数量</td>stray<td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></tbody>
<tbody><tr><td rowspan=0>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>&#51;</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&#x33;</td></tr>
<tr><td colspan=2>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr></tbody>
<tr><td colspan=3>四、结转下年度继续办理</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>6</td></tr></TABLE>`),
  // A layout table around the report (old portals) holding the data table.
  "layout table": `<!DOCTYPE html><html><body><table width=100%><tr><td>${HEAD}<table border=1>${HEADER}
<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>
<tr><td colspan=3>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table><p>四、政府信息公开行政复议、行政诉讼情况</p></td></tr></table></body></html>`,
  "corpus web page": readFileSync(resolve(ROOT, "..", "shared", "corpus", "city-2025-web-page.html"), "utf8"),
};

let browser;
let server;
let base;

before(async () => {
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname.slice(1));
    const body = FIXTURES[name];
    res.writeHead(body === undefined ? 404 : 200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(body ?? "");
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok) ?? ok());
});

/** Every table's grid from the DOM: the HTML table model over the rows the parser made. */
function domGrids() {
  return [...document.querySelectorAll("table")].map((table) => {
    const groups = [];
    for (const child of table.children) {
      if (/^(THEAD|TBODY|TFOOT)$/.test(child.tagName)) groups.push([...child.children].filter((c) => c.tagName === "TR"));
      else if (child.tagName === "TR") groups.push([child]);
    }
    const rows = [];
    for (const group of groups) {
      const start = rows.length;
      const end = start + group.length;
      const taken = new Set();
      group.forEach((tr, i) => {
        const y = start + i;
        const cells = [];
        let x = 0;
        for (const td of tr.children) {
          if (td.tagName !== "TD" && td.tagName !== "TH") continue;
          while (taken.has(`${x},${y}`)) x++;
          const colspan = td.colSpan;
          const rowspan = td.rowSpan === 0 ? end - y : Math.min(td.rowSpan, end - y);
          for (let yy = y; yy < y + rowspan; yy++) for (let xx = x; xx < x + colspan; xx++) taken.add(`${xx},${yy}`);
          const r = td.getBoundingClientRect();
          cells.push({ col: x, rowspan, colspan, text: td.textContent.replace(/\s+/g, " ").trim(), left: r.left, top: r.top });
          x += colspan;
        }
        rows.push(cells);
      });
    }
    return rows;
  });
}

const compact = (s) => s.replace(/\s+/g, "");
const numberOf = (s) => (s === "" ? null : Number(s));

/** The text a span of the source holds, as a reader sees it (tags and comments out). */
function spanText(html, start, end) {
  const div = html.slice(start, end).replace(/<!--[\s\S]*?-->|<![^>]*>|<[^>]*>/g, "");
  return compact(div.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&nbsp;/g, " "));
}

for (const [name, html] of Object.entries(FIXTURES)) {
  test(`${name}: the core reads the grid the browser builds`, async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(base + encodeURIComponent(name));
    const grids = await tab.evaluate(domGrids);
    await context.close();

    // The model agrees with the browser's layout: cells in later columns (rows) sit further
    // right (down), cells in the same column (row) line up.
    for (const g of grids) {
      const all = g.flatMap((row, y) => row.map((c) => ({ ...c, y })));
      for (const a of all) {
        for (const b of all) {
          if (a.col < b.col) assert.ok(a.left < b.left + 0.5, `${name}: column ${a.col} left of ${b.col}`);
          if (a.col === b.col) assert.ok(Math.abs(a.left - b.left) < 1, `${name}: column ${a.col} lines up`);
          if (a.y < b.y) assert.ok(a.top < b.top + 0.5, `${name}: row ${a.y} above ${b.y}`);
          if (a.y === b.y && a.rowspan === b.rowspan) assert.ok(Math.abs(a.top - b.top) < 1, `${name}: row ${a.y} lines up`);
        }
      }
    }

    // The grid's value rows (a known label in the three label columns, seven value columns
    // after) against the core's table 三.
    const result = pkg.check(html);
    const table = result.report.tables.requests;
    assert.ok(table, `${name}: table 三 read`);
    const cells = new Map(table.cells.map((c) => [`${c.row}.${c.column}`, c]));
    let compared = 0;
    for (const g of grids) {
      const width = Math.max(...g.map((row) => row.reduce((w, c) => Math.max(w, c.col + c.colspan), 0)));
      if (width !== 10) continue;
      for (const row of g) {
        const label = row.find((c) => c.col < 3 && ROWS[compact(c.text)]);
        if (!label) continue;
        const key = ROWS[compact(label.text)];
        const want = COLUMNS.map((_, i) => {
          const c = row.find((c) => c.col === 3 + i);
          return c ? numberOf(compact(c.text)) : null;
        });
        const got = COLUMNS.map((col) => table.rows[key]?.[col] ?? null);
        assert.deepEqual(got, want, `${name}: ${key}`);
        COLUMNS.forEach((col, i) => {
          const c = row.find((c) => c.col === 3 + i);
          const cell = cells.get(`${key}.${col}`);
          if (c && compact(c.text) !== "") {
            assert.equal(spanText(html, cell.start, cell.end), compact(c.text), `${name}: ${key}.${col} span`);
          }
        });
        compared++;
      }
    }
    assert.ok(compared >= 2, `${name}: ${compared} rows compared`);
    // No message quotes markup.
    for (const d of result.diagnostics) assert.ok(!/<\/?[a-z]|&nbsp;|mso-/i.test(d.message), `${name}: ${d.code} ${d.message}`);
  });
}
