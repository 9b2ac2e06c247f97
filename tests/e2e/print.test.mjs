// 打印 / save as PDF: the printed report (summary, findings with their lines, waived findings with
// reasons, the tables as understood) under print media, and a PDF of sane length.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, launch, listedCodes, openApp, pasteReport, seeds } from "./lib.mjs";

const seed = (prefix) => seeds().find((s) => s.name.startsWith(prefix)).text;
let browser;
before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Which of these selectors are shown (a box with a size) on the page as it is now laid out. */
function shown(page, selectors) {
  return page.evaluate(
    (selectors) =>
      Object.fromEntries(
        selectors.map((s) => {
          const e = document.querySelector(s);
          const r = e?.getBoundingClientRect();
          return [s, Boolean(r && r.width > 0 && r.height > 0)];
        }),
      ),
    selectors,
  );
}

describe("print", () => {
  test("the printed report: head with issuer, year and date; findings with lines; waived ones with reasons; the tables; no gaps", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await openApp(page);
    await pasteReport(page, seed("002"));
    const codes = await listedCodes(page);
    assert.ok(codes.length >= 3, `findings of seed 002: ${codes}`);
    await page.locator(".finding").first().click();
    await page.locator(".finding.active .ignore-form .waive", { hasText: "不适用" }).click();
    const printed = await listedCodes(page);
    assert.equal(printed.length, codes.length - 1);
    assert.deepEqual((await shown(page, [".print-head"]))[".print-head"], false, "the head is for print only");

    await page.emulateMedia({ media: "print" });
    const visible = await shown(page, [
      ".print-head", ".summary", ".finding-list", ".ignored-list", ".tables",
      ".masthead", ".toolbar", ".summary .changes", ".editor-pane", ".filters", ".ignore-form", ".rules", ".footer",
    ]);
    assert.deepEqual(visible, {
      ".print-head": true, ".summary": true, ".finding-list": true, ".ignored-list": true, ".tables": true,
      ".masthead": false, ".toolbar": false, ".summary .changes": false, ".editor-pane": false, ".filters": false, ".ignore-form": false,
      ".rules": false, ".footer": false,
    });
    const head = await page.textContent(".print-head");
    const report = await page.evaluate(() => window.nianbao.check(document.querySelector("textarea.text").value).report);
    assert.ok(report.issuer && head.includes(report.issuer), `the issuer in ${head}`);
    assert.ok(head.includes(`${report.year} 年度`), "the year");
    const now = new Date();
    assert.ok(head.includes(`${now.getFullYear()}年${now.getMonth() + 1}月`), `the date checked in ${head}`);
    // Every finding with its line, whole (no list that scrolls inside the page).
    const list = await page.$eval(".finding-list", (l) => ({ scroll: l.scrollHeight, client: l.clientHeight }));
    assert.ok(list.scroll <= list.client + 1, `the list is not cut: ${JSON.stringify(list)}`);
    const wheres = await page.$$eval(".finding .where", (w) => w.map((e) => e.textContent));
    assert.equal(wheres.length, printed.length);
    for (const w of wheres) assert.match(w, /第\d+行/);
    assert.match(await page.textContent(".ignored-list"), /原因：不适用/);
    // No blank gaps: the findings pane is as tall as what it holds, the tables follow at once.
    const gap = await page.evaluate(() => {
      const pane = document.querySelector(".side-pane").getBoundingClientRect();
      const last = document.querySelector(".ignored").getBoundingClientRect();
      const tables = document.querySelector(".tables").getBoundingClientRect();
      return { inPane: pane.bottom - last.bottom, toTables: tables.top - pane.bottom };
    });
    assert.ok(gap.inPane < 40 && gap.toTables < 60, `gaps ${JSON.stringify(gap)}`);

    await page.screenshot({ path: join(ARTIFACTS, "print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(ARTIFACTS, "print.pdf"), pdf);
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length;
    // A4 at 96 dpi with Chromium's default margins holds about 1000 CSS px of content a page.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const expected = Math.ceil(height / 1000);
    assert.ok(pages >= 1 && pages <= expected + 1, `${pages} pages for ${height}px of content`);
    await context.close();
  });
});
