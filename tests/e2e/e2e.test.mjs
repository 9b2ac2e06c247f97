// Browser tests of the nianbao web app. scripts/e2e builds dist/, serves it on a free port and
// runs `node --test` here. Each test opens the real app in headless Chromium.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ARTIFACTS,
  BASE,
  DIST,
  clear,
  coreCodes,
  documentXml,
  launch,
  listedCodes,
  openApp,
  paste,
  pasteReport,
  revision,
  seeds,
  waitForCheck,
  zip,
} from "./lib.mjs";

const SEEDS = seeds();
const seed = (prefix) => SEEDS.find((s) => s.name.startsWith(prefix));
const normalise = (text) => text.replace(/\r\n?/g, "\n");

let browser;
const requests = [];

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.on("request", (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

async function selectedText(page) {
  return page.evaluate(() => {
    const a = document.querySelector("textarea.text");
    return { text: a.value.slice(a.selectionStart, a.selectionEnd), start: a.selectionStart, end: a.selectionEnd };
  });
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

describe("seeds", () => {
  for (const s of SEEDS) {
    test(`pasting ${s.name} lists exactly what the core finds`, async () => {
      const { context, page, errors } = await newPage();
      await openApp(page);
      await pasteReport(page, s.text);
      const value = await page.$eval("textarea.text", (a) => a.value);
      assert.equal(value, normalise(s.text), "the textarea holds the pasted text unchanged");
      const listed = await listedCodes(page);
      const core = await coreCodes(page);
      assert.deepEqual(listed, core);
      if (s.name.startsWith("002")) {
        assert.ok(listed.includes("N02"), `N02 in ${listed}`);
        assert.ok(listed.includes("L01"), `L01 in ${listed}`);
      }
      const heights = await page.evaluate(() => [
        document.querySelector(".layer").scrollHeight,
        document.querySelector("textarea.text").scrollHeight,
      ]);
      assert.ok(Math.abs(heights[0] - heights[1]) <= 2, `layer and textarea wrap alike: ${heights}`);
      const unmarked = await page.$$eval(".finding", (items) =>
        items
          .map((item) => Number(item.id.slice(1)))
          .filter((i) => !document.querySelector(`.layer #m${i}`)),
      );
      assert.deepEqual(unmarked, [], "every finding has its mark in the highlight layer");
      const summary = await page.$eval(".summary", (e) => e.textContent);
      assert.match(summary, /年度/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe("examples", () => {
  test("the made-up sample report shows arithmetic and narrative errors", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    const before = await revision(page);
    await page.selectOption("select.examples", "5");
    await waitForCheck(page, before);
    const listed = await listedCodes(page);
    for (const code of ["N01", "N02", "A01", "A02", "A03", "A04"]) {
      assert.ok(listed.includes(code), `${code} in ${listed}`);
    }
    assert.deepEqual(listed, await coreCodes(page));
    await context.close();
  });
});

describe("selection", () => {
  test("clicking a finding selects its exact text, also after an emoji and 𠤪 before it", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("000").text);
    const items = await page.$$eval(".finding", (els) =>
      els.map((e) => ({ code: e.dataset.code, start: +e.dataset.start, end: +e.dataset.end })),
    );
    const index = items.findIndex((f) => f.end > f.start);
    assert.ok(index >= 0, "a finding with a non-empty span");
    const finding = items[index];
    const flagged = await page.evaluate(
      ({ start, end }) => document.querySelector("textarea.text").value.slice(start, end),
      finding,
    );
    await page.locator(".finding").nth(index).click();
    let sel = await selectedText(page);
    assert.equal(sel.text, flagged);
    assert.equal(sel.start, finding.start);

    // Characters outside the BMP count two UTF-16 units each.
    await page.evaluate(() => {
      const a = document.querySelector("textarea.text");
      a.focus();
      a.setSelectionRange(0, 0);
    });
    const rev = await revision(page);
    await page.keyboard.insertText("😀𠤪");
    await waitForCheck(page, rev);
    const moved = await page.locator(".finding").nth(index).evaluate((e) => ({ code: e.dataset.code, start: +e.dataset.start }));
    assert.equal(moved.code, finding.code);
    assert.equal(moved.start, finding.start + 4);
    await page.locator(".finding").nth(index).click();
    sel = await selectedText(page);
    assert.equal(sel.text, flagged);
    assert.equal(sel.start, finding.start + 4);

    // Keyboard: ↓ moves through the list, Enter selects in the text.
    await page.focus(".finding-list");
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    const first = await page.$eval(".finding", (e) => ({ start: +e.dataset.start, end: +e.dataset.end }));
    sel = await selectedText(page);
    assert.deepEqual([sel.start, sel.end], [first.start, first.end]);
    await context.close();
  });
});

describe("typing", () => {
  test("nothing is checked during an IME composition; it is checked after it ends", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("002").text);
    const rev = await revision(page);
    await page.evaluate(() => {
      const a = document.querySelector("textarea.text");
      a.focus();
      a.dispatchEvent(new CompositionEvent("compositionstart", { data: "" }));
      a.setRangeText("ni", 0, 0, "end");
      a.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true, inputType: "insertCompositionText" }));
    });
    await page.waitForTimeout(600);
    assert.equal(await revision(page), rev, "no check while composing");
    assert.equal(await page.$eval(".app", (a) => a.dataset.pending), "true");
    await page.evaluate(() => {
      const a = document.querySelector("textarea.text");
      a.setRangeText("你", 0, 2, "end");
      a.dispatchEvent(new CompositionEvent("compositionend", { data: "你" }));
    });
    await waitForCheck(page, rev);
    assert.ok((await page.$eval("textarea.text", (a) => a.value)).startsWith("你一、"));
    await context.close();
  });

  test("typing is checked after a short pause", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("000").text);
    const rev = await revision(page);
    await page.focus("textarea.text");
    await page.keyboard.press("End");
    await page.keyboard.type("（补充）");
    await waitForCheck(page, rev);
    assert.deepEqual(await listedCodes(page), await coreCodes(page));
    await context.close();
  });
});

describe("export", () => {
  test("JSON follows the contract with UTF-16 offsets; CSV has a BOM for Excel", async () => {
    const { context, page } = await newPage({ acceptDownloads: true });
    await openApp(page);
    await pasteReport(page, seed("003").text);
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("text=JSON")]);
    const report = JSON.parse(readFileSync(await json.path(), "utf8"));
    assert.equal(report.offsets, "utf16");
    assert.deepEqual(
      report.diagnostics.map((d) => d.code),
      await coreCodes(page),
    );
    assert.ok(report.report.tables.active.rows);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click("text=CSV")]);
    const bytes = readFileSync(await csv.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").trim().split("\r\n");
    assert.equal(lines.length, report.diagnostics.length + 1);
    await context.close();
  });
});

describe("navigation", () => {
  test("clicking a cell of the tables selects it in the text; A-code cells show the expected value", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    const before = await revision(page);
    await page.selectOption("select.examples", "5");
    await waitForCheck(page, before);
    const flagged = page.locator("td.flagged .expected").first();
    assert.match(await flagged.textContent(), /应为 \d+/);
    const cell = page.locator('td[data-row="received"][data-column="natural_person"] button');
    await cell.click();
    const sel = await selectedText(page);
    assert.equal(sel.text, (await cell.textContent()).trim());
    await context.close();
  });

  test("F8 selects the next finding; a click on flagged text shows its finding", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("003").text);
    const items = await page.$$eval(".finding", (els) => els.map((e) => ({ start: +e.dataset.start, end: +e.dataset.end })));
    assert.ok(items.length >= 2);
    await page.evaluate(() => {
      const a = document.querySelector("textarea.text");
      a.focus();
      a.setSelectionRange(0, 0);
    });
    await page.keyboard.press("F8");
    let sel = await selectedText(page);
    const first = items.find((f) => f.start > 0 || f.end > 0) || items[0];
    assert.deepEqual([sel.start, sel.end], [first.start, first.end]);
    await page.keyboard.press("F8");
    sel = await selectedText(page);
    assert.ok(sel.start >= first.start, "F8 moves forward");

    // Clicking inside a flagged span (here: put the caret there and click) activates its finding.
    const target = items.findIndex((f) => f.end > f.start);
    await page.evaluate((f) => {
      const a = document.querySelector("textarea.text");
      a.setSelectionRange(f.start, f.start);
      a.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }, items[target]);
    await page.waitForSelector(`#f${target}.active`);
    assert.ok(await page.$(".help-card"));
    await context.close();
  });

  test("清空 can be undone", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("004").text);
    await clear(page);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), "");
    const rev = await revision(page);
    await page.click(".notice .undo");
    await waitForCheck(page, rev);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), normalise(seed("004").text));
    await context.close();
  });
});

describe("bugs a new user hit", () => {
  test("清空, a new paste, then 撤销: the new report is kept (the new text retires the undo)", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("004").text);
    await clear(page);
    assert.ok(await page.$(".notice .undo"), "撤销 is offered after 清空");
    await paste(page, { "text/plain": seed("001").text });
    assert.equal(await page.$(".notice .undo"), null, "the new paste retired 撤销");
    assert.equal(await page.$eval("textarea.text", (a) => a.value), normalise(seed("001").text));
    await context.close();
  });

  test("text typed just before a reload is kept", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("002").text);
    await page.focus("textarea.text");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("补");
    await page.reload(); // well inside the pause before the check
    await openApp(page);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), normalise(seed("002").text) + "补");
    await context.close();
  });

  test("nothing was checked yet: the footer gives no check time", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await clear(page);
    const meta = await page.$eval(".footer .meta", (e) => e.textContent);
    assert.doesNotMatch(meta, /用时/);
    await pasteReport(page, seed("000").text);
    assert.match(await page.$eval(".footer .meta", (e) => e.textContent), /用时 \d+ 毫秒/);
    await context.close();
  });

  test("a report pasted into the empty editor says nothing of what changed: its findings are not new", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("002").text);
    assert.ok((await listedCodes(page)).length > 0);
    assert.equal(await page.$(".summary .changes"), null, "no 新增 after a paste into the empty editor");
    await context.close();
  });

  test("the ✓ of a clean report is visible (not white on pale green)", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("000").text);
    const colours = await page.$eval(".summary.clean .icon", (e) => {
      const s = getComputedStyle(e);
      return { fg: s.color, bg: s.backgroundColor, page: getComputedStyle(e.closest(".summary")).backgroundColor };
    });
    const rgb = (c) => c.match(/\d+(\.\d+)?/g).map(Number);
    const luminance = (c) => {
      const [r, g, b] = rgb(c).slice(0, 3).map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = rgb(colours.bg).length === 4 && rgb(colours.bg)[3] === 0 ? colours.page : colours.bg;
    const [hi, lo] = [luminance(colours.fg), luminance(bg)].sort((a, b) => b - a);
    assert.ok((hi + 0.05) / (lo + 0.05) >= 3, `✓ contrast ${JSON.stringify(colours)}`);
    await context.close();
  });

  test("seed 000: recovered cells show their value, with a legend for every cell colour", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("000").text);
    const t07 = await page.evaluate(() =>
      window.nianbao.check(document.querySelector("textarea.text").value).diagnostics.filter((d) => d.code === "T07"),
    );
    assert.equal(t07.length, 1, "the reader recovered short rows (T07)");
    assert.equal(await page.$$eval("table.requests td.missing", (t) => t.length), 0, "no 缺 where a value was recovered");
    const recovered = await page.$$eval("table.requests td.recovered", (t) => t.map((c) => c.textContent.trim()));
    assert.ok(recovered.length >= 1 && recovered.every((v) => /^\d+$/.test(v)), `recovered: ${recovered}`);
    const legend = await page.$eval(".cell-legend", (e) => e.textContent);
    for (const word of ["红框", "黄底", "补出", "占位符"]) assert.match(legend, new RegExp(word));
    await context.close();
  });

  test("English: a finding's related notes are English (Chinese only as quoted report text)", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("000").text);
    await page.click("button.lang");
    const chinese = (t) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(t.replace(/“[^”]*”/g, ""));
    for (const code of ["T07"]) {
      await page.locator(`.finding[data-code="${code}"]`).first().click();
      await page.waitForSelector(".help-card .related-list li");
      const notes = await page.$$eval(".help-card .related-list li", (li) => li.map((l) => l.textContent));
      assert.ok(notes.length >= 1, `${code} has related notes`);
      for (const n of notes) assert.ok(!chinese(n), `${code}: Chinese in the English note “${n}”`);
      const message = await page.textContent(`.finding[data-code="${code}"] .message`).catch(() => "");
      assert.ok(!chinese(message ?? ""), `${code}: Chinese in the English message “${message}”`);
    }
    await context.close();
  });

  test("with a finding open, the list still shows several whole findings (1366×768)", async () => {
    const { context, page } = await newPage({ viewport: { width: 1366, height: 768 } });
    await openApp(page);
    await pasteReport(page, seed("003").text);
    await page.locator(".finding").nth(0).click();
    await page.waitForSelector(".help-card");
    const whole = await page.$eval(".finding-list", (list) => {
      const box = list.getBoundingClientRect();
      return [...list.children].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      }).length;
    });
    assert.ok(whole >= 3, `${whole} whole findings in view`);
    await context.close();
  });

  test("phone: 表三's numbers are on screen beside a sticky label column, and the table says it scrolls", async () => {
    const { context, page } = await newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    await openApp(page);
    await pasteReport(page, seed("002").text);
    const row = 'table.requests td[data-row="received"]';
    await page.locator(row).first().scrollIntoViewIfNeeded();
    const first = await page.$eval(row, (c) => c.getBoundingClientRect().right);
    assert.ok(first <= 390, `the first number of 表三 is on screen (right edge ${first}px)`);
    assert.ok(await page.isVisible(".scroll-hint"), "the scroll hint shows");
    const label = await page.$eval("table.requests tbody th[scope=row]", (th) => {
      th.closest(".table-scroll").scrollLeft = 300;
      return th.getBoundingClientRect().left - th.closest(".table-scroll").getBoundingClientRect().left;
    });
    assert.ok(Math.abs(label) <= 1, `the label column stays at the left edge (${label}px)`);
    await page.locator("table.requests").screenshot({ path: join(ARTIFACTS, "phone-table.png") });
    await context.close();
  });
});

describe("fixes", () => {
  test("a placeholder finding offers 全部改为“0”: previewed, applied in one click, undone by 撤销", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("003").text);
    const original = normalise(seed("003").text);
    const index = (await listedCodes(page)).indexOf("V02");
    await page.locator(".finding").nth(index).click();
    await page.waitForSelector(".help-card .apply-fix");
    assert.match(await page.textContent(".help-card .apply-fix"), /全部改为“0”（18 处）/);
    const preview = await page.$$eval(".fix-preview li", (li) => li.map((l) => l.textContent));
    assert.match(preview[0], /表二.*-\s*→\s*0/);
    await page.screenshot({ path: join(ARTIFACTS, "fix.png") });
    const rev = await revision(page);
    await page.click(".help-card .apply-fix");
    await waitForCheck(page, rev);
    const value = await page.$eval("textarea.text", (a) => a.value);
    assert.equal(value.length, original.length, "each placeholder became one 0");
    const v02 = await page.evaluate(() =>
      window.nianbao.check(document.querySelector("textarea.text").value).diagnostics.filter((d) => d.code === "V02"),
    );
    assert.equal(v02.length, 2, "table 二's V02 is gone, the other tables' remain");
    assert.deepEqual(await listedCodes(page), await coreCodes(page));
    assert.match(await page.textContent(".notice"), /已修改 18 处/);
    assert.equal(await page.textContent(".summary .changes"), "已修复 1 处", "what the edit changed");
    const again = await revision(page);
    await page.click(".notice .undo");
    await waitForCheck(page, again);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), original);
    assert.equal(await page.$(".summary .changes"), null, "撤销 loads the old text: nothing to compare");
    await context.close();
  });

  test("a heading numbered 6、 offers 改为“六、”; the tables view reads expected totals from the fix", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("001").text);
    const index = (await listedCodes(page)).indexOf("S03");
    await page.locator(".finding").nth(index).click();
    assert.match(await page.textContent(".help-card .apply-fix"), /改为“六、”/);
    const rev = await revision(page);
    await page.click(".help-card .apply-fix");
    await waitForCheck(page, rev);
    assert.ok(!(await listedCodes(page)).includes("S03"));
    assert.match(await page.$eval("textarea.text", (a) => a.value), /\n六、 ?其他需要报告的事项/);
    // Ctrl+Z in the text undoes the edit too (it went through the editing commands).
    await page.focus("textarea.text");
    const before = await revision(page);
    await page.keyboard.press("Control+z");
    await waitForCheck(page, before);
    assert.match(await page.$eval("textarea.text", (a) => a.value), /\n6、 ?其他需要报告的事项/);

    const sample = await revision(page);
    await page.selectOption("select.examples", "5");
    await waitForCheck(page, sample);
    const fixes = await page.evaluate(() =>
      window.nianbao
        .check(document.querySelector("textarea.text").value)
        .diagnostics.filter((d) => /^A0[234]$/.test(d.code) && d.fix)
        .map((d) => [d.fix[0].start, `应为 ${d.fix[0].replacement}`]),
    );
    assert.ok(fixes.length > 0, "the sample has a total with a fix");
    const shown = await page.$$eval("td.flagged", (cells) =>
      cells.map((c) => [c.dataset.start, c.querySelector(".expected")?.textContent ?? null]),
    );
    for (const [start, text] of fixes) {
      assert.ok(shown.some(([s, t]) => Number(s) === start && t === text), `${text} at ${start}: ${JSON.stringify(shown)}`);
    }
    await context.close();
  });
});

describe("import", () => {
  test("pasting HTML from Word turns its table into tab-separated rows, never into page HTML", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await clear(page);
    const html = `<html><head><style>p{color:red}</style></head><body>
      <p class="MsoNormal">二、主动公开政府信息情况</p>
      <table border="1"><tbody>
        <tr><td><p>信息内容</p></td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
        <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>行政规范性<br>文件</td><td>3</td><td>1</td><td>12</td></tr>
      </tbody></table>
      <p>三、收到和处理政府信息公开申请情况</p>
      <img src="http://example.invalid/tracker.png" onerror="window.__pwned = 1">
      <script>window.__pwned = 2</script></body></html>`;
    await paste(page, { "text/html": html, "text/plain": "plain fallback" });
    const value = await page.$eval("textarea.text", (a) => a.value);
    assert.equal(
      value,
      "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n" +
        "行政规范性 文件\t3\t1\t12\n三、收到和处理政府信息公开申请情况",
    );
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.$$eval("img", (i) => i.length), 0);
    await context.close();
  });

  test("opening a .docx reads its paragraphs and table rows", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    const blocks = normalise(seed("002").text)
      .split("\n")
      .map((line) => {
        if (!line.includes(" | ")) return line;
        const cells = line.split("|").map((c) => c.trim());
        while (cells.length && cells[cells.length - 1] === "") cells.pop();
        return cells;
      });
    const before = await revision(page);
    await page.setInputFiles('input[type="file"]', {
      name: "慈音街道2023年报.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: zip({ "word/document.xml": documentXml(blocks) }),
    });
    await waitForCheck(page, before);
    const value = await page.$eval("textarea.text", (a) => a.value);
    assert.match(value, /\n规章\t0\t0\t0\n/);
    assert.match(value, /^一、总体情况\n/);
    assert.deepEqual(await listedCodes(page), await coreCodes(page));
    assert.match(await page.$eval(".summary", (e) => e.textContent), /2023/);
    await context.close();
  });

  test("dropping a file on the editor opens it", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    const before = await revision(page);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "report.txt", { type: "text/plain" }));
      document.querySelector(".editor").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, seed("004").text);
    await waitForCheck(page, before);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), normalise(seed("004").text));
    await context.close();
  });

  test("a GB18030 .txt file is decoded", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    // "一、总体情况" in GB18030.
    const gb = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, 0x0a]);
    const before = await revision(page);
    await page.setInputFiles('input[type="file"]', { name: "report.txt", mimeType: "text/plain", buffer: gb });
    await waitForCheck(page, before);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), "一、总体情况\n");
    await context.close();
  });
});

describe("offline and single file", () => {
  test("after the service worker installed, a reload with the network off still checks", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.reload();
    await openApp(page, page.url());
    await pasteReport(page, seed("002").text);
    const listed = await listedCodes(page);
    assert.deepEqual(listed, await coreCodes(page));
    assert.ok(listed.length > 0);
    await context.close();
  });

  test("dist/nianbao.html works from file://", async () => {
    const { context, page, errors } = await newPage();
    await openApp(page, pathToFileURL(join(DIST, "nianbao.html")).href);
    const before = await revision(page);
    await page.selectOption("select.examples", "0");
    await waitForCheck(page, before);
    const listed = await listedCodes(page);
    assert.deepEqual(listed, await coreCodes(page));
    assert.ok(listed.length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe("failure states are never a blank page", () => {
  test("no WebAssembly", async () => {
    const { context, page } = await newPage();
    await context.addInitScript(() => {
      delete window.WebAssembly;
    });
    await page.goto(BASE);
    await page.waitForSelector("#failure:not([hidden])");
    assert.match(await page.$eval("#failure", (e) => e.textContent), /不支持 WebAssembly/);
    await context.close();
  });

  test("wasm refused by a Content-Security-Policy", async () => {
    const { context, page } = await newPage();
    const html = readFileSync(join(DIST, "index.html"), "utf8").replace(
      "<head>",
      `<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'">`,
    );
    await page.route(
      (url) => url.pathname === "/" || url.pathname === "/index.html",
      (route) => route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }),
    );
    await page.goto(BASE);
    await page.waitForSelector("#failure:not([hidden])");
    assert.match(await page.$eval("#failure", (e) => e.textContent), /安全策略/);
    await context.close();
  });

  test("a Rust panic shows an explanation", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await page.evaluate(() => {
      try {
        window.nianbao.panicForTest();
      } catch (e) {
        /* the wasm traps after the hook ran */
      }
    });
    await page.waitForSelector("#failure:not([hidden])");
    assert.match(await page.$eval("#failure", (e) => e.textContent), /内部错误/);
    await context.close();
  });
});

describe("look", () => {
  test("screenshots at desktop and phone width", async () => {
    for (const [name, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }],
    ]) {
      const { context, page } = await newPage({ viewport, deviceScaleFactor: 1 });
      await openApp(page);
      const before = await revision(page);
      await page.selectOption("select.examples", "5");
      await waitForCheck(page, before);
      await page.locator(".finding").nth(1).click();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.width, `no sideways scrolling at ${viewport.width}px (page is ${width}px)`);
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
      await page.screenshot({ path: join(ARTIFACTS, `${name}-full.png`), fullPage: true });
      await page.click("button.lang");
      await page.screenshot({ path: join(ARTIFACTS, `${name}-en.png`) });
      await page.click("button.lang");
      await context.close();
    }
  });

  test("the draft survives a reload", async () => {
    const { context, page } = await newPage();
    await openApp(page);
    await pasteReport(page, seed("001").text);
    await page.reload();
    await openApp(page);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), normalise(seed("001").text));
    assert.ok((await listedCodes(page)).length > 0);
    await clear(page);
    await page.reload();
    await openApp(page);
    assert.equal(await page.$eval("textarea.text", (a) => a.value), "");
    await context.close();
  });
});

describe("privacy", () => {
  test("no request goes anywhere but the local server", () => {
    const local = new URL(BASE).origin;
    const foreign = requests.filter(
      (u) => !(u.startsWith(local + "/") || u.startsWith("file://") || u.startsWith("data:") || u.startsWith("blob:")),
    );
    assert.deepEqual(foreign, []);
    assert.ok(requests.length > 0);
  });
});
