// 忽略此条: her waivers in the app (remembered by fingerprint across reloads and edits, restored,
// exported). The element's storage is in embed.test.mjs. Served by scripts/e2e like e2e.test.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, listedCodes, openApp, pasteReport, revision, seeds, waitForCheck } from "./lib.mjs";

const seed001 = seeds().find((s) => s.name.startsWith("001")).text;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Puts `text` in the editor as typing would (an input event), and waits for its check. */
async function setText(page, text) {
  const rev = await revision(page);
  await page.evaluate((text) => {
    const area = document.querySelector("textarea.text");
    area.value = text;
    area.dispatchEvent(new InputEvent("input", { bubbles: true }));
  }, text);
  await waitForCheck(page, rev);
}

const ignoredCodes = (page) => page.$$eval(".ignored-list li", (l) => l.map((i) => i.dataset.code));
const marks = (page) => page.$$eval(".layer mark.warning", (m) => m.length);

describe("忽略此条", () => {
  test("a waived finding leaves the counts and highlights, survives a reload and edits elsewhere, not an edit of its text", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openApp(page);
    await pasteReport(page, seed001);
    assert.deepEqual(await listedCodes(page), ["X01", "S03"]);
    assert.match(await page.textContent(".summary"), /1\s*警告/);
    const warningMarks = await marks(page);
    assert.ok(warningMarks > 0);

    await page.locator('.finding[data-code="S03"]').click();
    await page.locator(".finding.active .ignore-form .waive", { hasText: "已核实" }).click();
    assert.deepEqual(await listedCodes(page), ["X01"], "listed apart, not among the findings");
    assert.deepEqual(await ignoredCodes(page), ["S03"]);
    assert.match(await page.textContent(".ignored-list li"), /原因：已核实/);
    assert.match(await page.textContent(".summary"), /未发现错误或警告/, "it leaves the counts");
    assert.match(await page.textContent(".summary .ignored-count"), /已忽略 1 条/);
    assert.equal(await marks(page), 0, "and the highlights");

    // Exports say what was waived and why.
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("text=JSON")]);
    const report = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.equal(report.ignored.length, 1);
    assert.equal(report.ignored[0].code, "S03");
    assert.equal(report.ignored[0].reason, "已核实");
    assert.equal(report.diagnostics[report.ignored[0].index].code, "S03");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("text=CSV")]);
    const rows = readFileSync(await csv.path(), "utf8").trim().split("\r\n");
    assert.match(rows[0], /忽略原因$/);
    assert.match(rows.find((r) => r.includes(",S03,")), /,已核实$/);
    assert.match(rows.find((r) => r.includes(",X01,")), /,$/);

    // A reload keeps it.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll(".finding").length > 0);
    assert.deepEqual(await listedCodes(page), ["X01"]);
    assert.deepEqual(await ignoredCodes(page), ["S03"]);

    // An edit elsewhere (two lines above, every offset moves) keeps it.
    const text = await page.$eval("textarea.text", (a) => a.value);
    await setText(page, `补充说明\n\n${text}`);
    assert.deepEqual(await ignoredCodes(page), ["S03"]);
    assert.deepEqual(await listedCodes(page), ["X01"]);

    // An edit of the flagged text itself: a new finding, not waived.
    await setText(page, text.replace("\n6、 其他需要报告的事项", "\n6. 其他需要报告的事项"));
    assert.deepEqual(await listedCodes(page), ["X01", "S03"]);
    assert.deepEqual(await ignoredCodes(page), []);
    // Back to the waived text: her decision is still there.
    await setText(page, text);
    assert.deepEqual(await ignoredCodes(page), ["S03"]);

    // Restore: counted and highlighted again, and it stays restored after a reload.
    await page.click(".ignored-list .restore");
    assert.deepEqual(await listedCodes(page), ["X01", "S03"]);
    assert.equal(await page.$(".summary .ignored-count"), null);
    assert.equal(await marks(page), warningMarks);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll(".finding").length > 0);
    assert.deepEqual(await listedCodes(page), ["X01", "S03"]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a reason of her own, typed and confirmed with Enter, goes into the text export", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    await openApp(page);
    await pasteReport(page, seed001);
    await page.locator('.finding[data-code="X01"]').click();
    await page.fill(".finding.active .ignore-form .reason", "书签已在原稿删除");
    await page.press(".finding.active .ignore-form .reason", "Enter");
    assert.deepEqual(await ignoredCodes(page), ["X01"]);
    assert.match(await page.textContent(".ignored-list li"), /书签已在原稿删除/);
    await page.click("text=复制结果");
    await page.waitForSelector(".notice");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /X01 .*（已忽略：书签已在原稿删除）/);
    assert.doesNotMatch(copied.split("\n").find((l) => l.includes("S03")), /已忽略/);
    await context.close();
  });
});
