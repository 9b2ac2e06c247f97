// Browser tests of the batch page (`batch.html`, web/batch): many files chosen at once,
// one row per report, sorting and filtering, findings across reports (a renamed copy is Y04),
// the exports (summary CSV, 汇总 CSV, SARIF), opening a report in the checker, offline after a
// first visit (the service worker), the single file from file://, and screenshots at desktop and phone width. Run by scripts/e2e.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, BASE, DIST, launch, seeds } from "./lib.mjs";

const SEEDS = seeds();
const seed = (prefix) => SEEDS.find((s) => s.name.startsWith(prefix));
const batchUrl = (base) => new URL("batch.html", base).href;

/** Seeds 000–002 and 000 under another 街道's name. */
function files() {
  const s000 = seed("000").text;
  const copy = s000.replaceAll("沁园街道办事处", "青山街道办事处").replaceAll("沁园", "青山");
  return [
    { name: "000.txt", text: s000 },
    { name: "000-copy.txt", text: copy },
    { name: "001.txt", text: seed("001").text },
    { name: "002.txt", text: seed("002").text },
  ].map((f) => ({ name: f.name, mimeType: "text/plain", buffer: Buffer.from(f.text, "utf8") }));
}

let browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function openBatch(options = {}, url = batchUrl(BASE)) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector(".app.batch");
  return { context, page, errors, requests };
}

async function addFiles(page, list) {
  await page.setInputFiles("input.files", list);
  await waitForReports(page, list.length);
}

async function waitForReports(page, n) {
  await page.waitForFunction(
    (n) => {
      const app = document.querySelector(".app.batch");
      return app && app.dataset.reading === "0" && Number(app.dataset.reports) === n;
    },
    n,
    { timeout: 20000 },
  );
}

const rowFiles = (page) => page.$$eval("tr.report", (rows) => rows.map((r) => r.dataset.file));

describe("batch page", () => {
  test("one row per report in path order, the copy found across reports, nothing fetched", async () => {
    const { context, page, errors, requests } = await openBatch();
    await addFiles(page, files());
    assert.deepEqual(await rowFiles(page), ["000-copy.txt", "000.txt", "001.txt", "002.txt"]);
    const across = await page.$$eval("li.across-finding", (li) => li.map((l) => l.dataset.code));
    assert.deepEqual(across, ["Y04"]);
    // Both the copy and its original count it.
    const counts = await page.$$eval("tr.report td.across", (td) => td.map((t) => t.textContent));
    assert.deepEqual(counts, ["1", "1", "0", "0"]);
    assert.match(await page.textContent(".batch-summary"), /4 份报告/);
    const origin = new URL(BASE).origin;
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("sorting, filtering and a report's findings", async () => {
    const { context, page } = await openBatch();
    await addFiles(page, files());
    await page.click("th >> text=警告");
    await page.click("th >> text=警告"); // descending
    const warnings = await page.$$eval("tr.report td:nth-child(6)", (td) => td.map((t) => Number(t.textContent)));
    assert.deepEqual(warnings, [...warnings].sort((a, b) => b - a));
    await page.fill("input.filter", "慈音");
    assert.deepEqual(await rowFiles(page), ["002.txt"]);
    await page.fill("input.filter", "");
    await page.check("input.only-problems");
    assert.ok((await rowFiles(page)).length >= 1);
    await page.uncheck("input.only-problems");
    await page.click("tr.report[data-file='000.txt'] button.toggle");
    const details = await page.textContent("tr.details");
    assert.match(details, /Y04/);
    await context.close();
  });

  test("exports: summary CSV and 汇总 CSV with BOM, SARIF 2.1.0 with the copy related", async () => {
    const { context, page } = await openBatch();
    await addFiles(page, files());
    const [summary] = await Promise.all([page.waitForEvent("download"), page.click("button.export-summary")]);
    const s = readFileSync(await summary.path());
    assert.deepEqual([...s.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = s.toString("utf8").trim().split("\r\n");
    assert.equal(lines.length, 6);
    assert.match(lines[5], /^合计（4份报告）/);
    const [tables] = await Promise.all([page.waitForEvent("download"), page.click("button.export-tables")]);
    const t = readFileSync(await tables.path());
    assert.deepEqual([...t.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(t.toString("utf8"), /表三·一、本年新收政府信息公开申请数量·自然人/);
    const [sarif] = await Promise.all([page.waitForEvent("download"), page.click("button.export-sarif")]);
    const log = JSON.parse(readFileSync(await sarif.path(), "utf8"));
    assert.equal(log.version, "2.1.0");
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].columnKind, "utf16CodeUnits");
    const y04 = log.runs[0].results.find((r) => r.ruleId === "Y04");
    assert.ok(y04.relatedLocations.some((r) => r.physicalLocation.artifactLocation.uri === "000-copy.txt"));
    await context.close();
  });

  test("a report opens in the checker; the checker's header links here", async () => {
    const { context, page } = await openBatch();
    await addFiles(page, files());
    await page.click("tr.report[data-file='002.txt'] button.open-in-checker");
    await page.waitForSelector(".app[data-revision]");
    await page.waitForFunction(() => document.querySelector("textarea.text")?.value.length > 0);
    assert.equal(await page.inputValue("textarea.text"), seed("002").text.replace(/\r\n?/g, "\n"));
    await page.click(".masthead a.nav");
    await page.waitForSelector(".app.batch");
    await context.close();
  });

  test("对比上年: the same body's report of the year before, compared", async () => {
    const { context, page } = await openBatch();
    const s000 = seed("000").text;
    const next = s000.replaceAll("2020", "2021").replaceAll("2019", "2020");
    await addFiles(page, [
      { name: "2020.txt", mimeType: "text/plain", buffer: Buffer.from(s000, "utf8") },
      { name: "2021.txt", mimeType: "text/plain", buffer: Buffer.from(next, "utf8") },
    ]);
    // Only this year's report has a report of last year to compare with.
    assert.equal(await page.locator("tr.report[data-file='2020.txt'] button.compare").count(), 0);
    await page.click("tr.report[data-file='2021.txt'] button.compare");
    await page.waitForSelector(".compare-view");
    assert.match(await page.textContent(".compare-view h2"), /2020\.txt → 2021\.txt/);
    assert.deepEqual(
      await page.$$eval(".compare-view li.across-finding", (li) => li.map((l) => l.dataset.code)),
      ["Y03"],
    );
    assert.match(await page.textContent(".compare-count"), /项数值与上年不同/);
    await page.screenshot({ path: join(ARTIFACTS, "batch-compare.png"), fullPage: true });
    await page.click("button.close-compare");
    assert.equal(await page.locator(".compare-view").count(), 0);
    await context.close();
  });

  test("offline after a first visit: the service worker serves the batch page and the checker", async () => {
    const { context, page, errors } = await openBatch();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector(".app.batch");
    await addFiles(page, files());
    assert.deepEqual(await rowFiles(page), ["000-copy.txt", "000.txt", "001.txt", "002.txt"]);
    assert.deepEqual(await page.$$eval("li.across-finding", (li) => li.map((l) => l.dataset.code)), ["Y04"]);
    // The checker, never visited, opens from the cache too.
    await page.click("tr.report[data-file='002.txt'] button.open-in-checker");
    await page.waitForSelector(".app[data-revision]");
    await page.waitForFunction(() => document.querySelector("textarea.text")?.value.length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("offline after visiting only the checker: the batch page was cached with it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const checker = await context.newPage();
    await checker.goto(BASE);
    await checker.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    const batch = await context.newPage();
    await batch.goto(batchUrl(BASE));
    await batch.waitForSelector(".app.batch");
    await addFiles(batch, files().slice(0, 2));
    assert.deepEqual(await batch.$$eval("li.across-finding", (li) => li.map((l) => l.dataset.code)), ["Y04"]);
    await context.close();
  });

  test("a folder chosen with the folder picker: its reports, by path, and nothing else", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-folder-"));
    try {
      const root = join(dir, "各单位");
      mkdirSync(join(root, "街道", "二级"), { recursive: true });
      const [a, b, c] = files();
      writeFileSync(join(root, "000.txt"), a.buffer);
      writeFileSync(join(root, "街道", "000-copy.txt"), b.buffer);
      writeFileSync(join(root, "街道", "二级", "001.html"), `<html><body><pre>${seed("001").text}</pre></body></html>`);
      writeFileSync(join(root, "街道", "说明.pdf"), "%PDF-1.4");
      writeFileSync(join(root, "街道", "二级", "notes.md"), c.buffer);
      const { context, page, errors } = await openBatch();
      await page.setInputFiles("input.folder", root);
      await waitForReports(page, 3);
      assert.deepEqual(await rowFiles(page), ["各单位/000.txt", "各单位/街道/000-copy.txt", "各单位/街道/二级/001.html"]);
      assert.deepEqual(await page.$$eval("li.across-finding", (li) => li.map((l) => l.dataset.code)), ["Y04"]);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a folder dropped: walked recursively through webkitGetAsEntry, reports only, by path", async () => {
    // Playwright cannot drag a real folder from the desktop, so the drop's entries are built in
    // the page with the FileSystemEntry interface a browser gives (readEntries in pieces, then
    // an empty piece); the page's own drop handler and helpers.js walk them.
    const { context, page, errors } = await openBatch();
    const [a, b] = files();
    await page.evaluate(
      ([a, b, c]) => {
        const file = (name, text) => {
          const f = new File([text], name, { type: "text/plain" });
          return { isFile: true, isDirectory: false, name, file: (ok) => setTimeout(() => ok(f)) };
        };
        const dir = (name, children) => ({
          isFile: false,
          isDirectory: true,
          name,
          createReader: () => {
            const pieces = [children.slice(0, 1), children.slice(1), []];
            return { readEntries: (ok) => setTimeout(() => ok(pieces.shift() ?? [])) };
          },
        });
        const folder = dir("区属单位", [
          file("000.txt", a),
          dir("街道", [file("000-copy.txt", b), file("照片.jpg", "x"), dir("空", [])]),
          file("001.html", `<html><body><pre>${c}</pre></body></html>`),
        ]);
        const loose = new File([c], "single.txt", { type: "text/plain" });
        const dt = {
          items: [
            { kind: "file", webkitGetAsEntry: () => folder },
            { kind: "file", webkitGetAsEntry: () => ({ isFile: true, isDirectory: false, name: "single.txt", file: (ok) => ok(loose) }) },
          ],
          files: [],
        };
        const drop = new DragEvent("drop", { bubbles: true, cancelable: true });
        Object.defineProperty(drop, "dataTransfer", { value: dt });
        document.querySelector(".dropzone").dispatchEvent(drop);
      },
      [a.buffer.toString("utf8"), b.buffer.toString("utf8"), seed("001").text],
    );
    await waitForReports(page, 4);
    assert.deepEqual(await rowFiles(page), ["single.txt", "区属单位/000.txt", "区属单位/001.html", "区属单位/街道/000-copy.txt"]);
    assert.deepEqual(await page.$$eval("li.across-finding", (li) => li.map((l) => l.dataset.code)), ["Y04"]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("files dropped (a real DataTransfer): checked like chosen files", async () => {
    const { context, page } = await openBatch();
    const [a, b] = files();
    await page.evaluate(
      ([a, b]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([a], "000.txt", { type: "text/plain" }));
        dt.items.add(new File([b], "000-copy.txt", { type: "text/plain" }));
        dt.items.add(new File(["x"], "图.png", { type: "image/png" }));
        document.querySelector(".dropzone").dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: dt }));
      },
      [a.buffer.toString("utf8"), b.buffer.toString("utf8")],
    );
    await waitForReports(page, 2);
    assert.deepEqual(await rowFiles(page), ["000-copy.txt", "000.txt"]);
    assert.equal(await page.locator(".not-a-report").count(), 0);
    await context.close();
  });

  test("a file that is not an annual report says so instead of passing as clean", async () => {
    const { context, page } = await openBatch();
    await addFiles(page, [
      ...files().slice(2, 3),
      { name: "会议通知.txt", mimeType: "text/plain", buffer: Buffer.from("关于召开会议的通知\n各单位：\n请准时参加。\n", "utf8") },
    ]);
    const marked = await page.$$eval("tr.report", (rows) =>
      rows.filter((r) => r.querySelector(".not-a-report")).map((r) => r.dataset.file),
    );
    assert.deepEqual(marked, ["会议通知.txt"]);
    assert.match(await page.textContent("tr.report[data-file='会议通知.txt']"), /未识别为年度报告/);
    await page.screenshot({ path: join(ARTIFACTS, "batch-not-a-report.png") });
    await context.close();
  });

  test("the single file works from file://", async () => {
    const { context, page, errors } = await openBatch({}, pathToFileURL(join(DIST, "nianbao-batch.html")).href);
    await addFiles(page, files().slice(0, 2));
    assert.deepEqual(await page.$$eval("li.across-finding", (li) => li.map((l) => l.dataset.code)), ["Y04"]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("screenshots at desktop and phone width", async () => {
    for (const [name, viewport] of [["batch-desktop", { width: 1280, height: 900 }], ["batch-phone", { width: 390, height: 844 }]]) {
      const { context, page } = await openBatch({ viewport });
      await addFiles(page, files());
      await page.click("tr.report[data-file='000.txt'] button.toggle");
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name}: the page is ${overflow}px wider than the screen`);
      await context.close();
    }
  });
});
