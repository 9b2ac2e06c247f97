// The JS API package, as a Node program would use it: import, init from the wasm bytes, check
// the seeds, and verify that UTF-16 offsets slice the flagged text (after an emoji and 𠤪 too).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

const pkg = new URL("../../dist/pkg/", import.meta.url);
const { default: init, check, rules, version, toCsv, toSarif } = await import(new URL("nianbao.js", pkg));
await init({ module_or_path: readFileSync(new URL("nianbao_bg.wasm", pkg)) });

const seeds = new URL("../../../shared/seeds/", import.meta.url);
const seed = (name) => readFileSync(new URL(name, seeds), "utf8");
const serious = (r) => r.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code).sort();

test("version and rules come from the registry", () => {
  assert.match(version(), /^\d+\.\d+\.\d+$/);
  const all = rules();
  assert.ok(all.length >= 38);
  const a01 = all.find((r) => r.code === "A01");
  assert.equal(a01.severity, "error");
  assert.ok(a01.help_zh.includes("第一项加第二项"));
});

test("seed 002: N02 and L01, offsets in UTF-16", () => {
  const text = seed("002_23d160e7ec491542.txt");
  const r = check(text);
  assert.equal(r.offsets, "utf16");
  assert.equal(r.report.year, 2023);
  assert.equal(r.report.template, "2021");
  assert.deepEqual(serious(r), ["L01", "N02"]);
  const n02 = r.diagnostics.find((d) => d.code === "N02");
  assert.ok(text.slice(n02.start, n02.end).includes("1"));
});

test("every seed checks, and every span slices the text", () => {
  for (const name of readdirSync(seeds).filter((n) => n.endsWith(".txt"))) {
    const text = seed(name);
    const r = check(text);
    assert.ok(r.report.sections.length === 6, name);
    for (const d of r.diagnostics) {
      assert.ok(d.start <= d.end && d.end <= text.length, `${name} ${d.code}`);
    }
  }
});

test("offsets stay right after characters outside the BMP", () => {
  const base = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t5\n";
  const text = "😀𠤪" + base;
  const a02 = check(text).diagnostics.find((d) => d.code === "A02");
  assert.equal(text.slice(a02.start, a02.end), "5");
  for (const rel of a02.related) assert.match(text.slice(rel.start, rel.end), /^[0-9]$/);
});

test("fixes: UTF-16 edits that, applied from the last, remove the finding", () => {
  const text = "😀二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t-\t/\t0\n规范性文件\t1\t0\t—\n";
  const v02 = check(text).diagnostics.find((d) => d.code === "V02");
  assert.deepEqual(
    v02.fix.map((e) => [text.slice(e.start, e.end), e.replacement]),
    [["-", "0"], ["/", "0"], ["—", "0"]],
  );
  let fixed = text;
  for (const e of [...v02.fix].reverse()) fixed = fixed.slice(0, e.start) + e.replacement + fixed.slice(e.end);
  assert.equal(check(fixed).diagnostics.filter((d) => d.code === "V02").length, 0);
  const n02 = check(seed("002_23d160e7ec491542.txt")).diagnostics.find((d) => d.code === "N02");
  assert.equal(n02.fix, undefined, "no fix where the right text cannot be known");
});

test("options: english messages, disabled rules", () => {
  const text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t5\n";
  const en = check(text, { lang: "en" }).diagnostics.find((d) => d.code === "A02");
  assert.match(en.message, /Row total/);
  assert.equal(check(text, { disable: ["A02"] }).diagnostics.filter((d) => d.code === "A02").length, 0);
  assert.throws(() => check(text, { disable: "A02" }));
});

test("exporters: CSV with BOM, SARIF 2.1.0", () => {
  const r = check(seed("002_23d160e7ec491542.txt"));
  const csv = toCsv(r, "002.txt");
  assert.ok(csv.startsWith("\ufeff文件,行,列,代码"));
  assert.ok(csv.includes(",N02,警告,"));
  assert.equal(toCsv(seed("002_23d160e7ec491542.txt")), toCsv(r));
  const sarif = toSarif(r, "002.txt");
  assert.equal(sarif.version, "2.1.0");
  assert.equal(sarif.runs[0].columnKind, "utf16CodeUnits");
  assert.ok(sarif.runs[0].results.some((x) => x.ruleId === "N02"));
});

test("arguments that are not what the API takes are refused with a message", () => {
  const text = "三、收到和处理政府信息公开申请情况\n";
  assert.throws(() => check(text, "en"), /invalid options/);
  assert.throws(() => check(text, { lang: 1 }), /lang/);
  assert.throws(() => check(text, { disable: [1] }), /disable/);
  assert.doesNotThrow(() => check(text, { lang: null, disable: undefined }));
  assert.throws(() => toCsv({}), /not a check\(\) result/);
  assert.throws(() => toCsv(42), /not a check\(\) result/);
  assert.throws(() => toSarif({ diagnostics: [{ code: "A02" }] }), /diagnostics\[0\]/);
  const r = check(seed("002_23d160e7ec491542.txt"));
  // A result that went through JSON (as a portal stores it) exports the same.
  assert.equal(toCsv(JSON.parse(JSON.stringify(r)), "002.txt"), toCsv(r, "002.txt"));
  // title is optional (older results).
  const noTitle = { diagnostics: r.diagnostics.map(({ title, ...d }) => d) };
  assert.equal(toCsv(noTitle).split("\n").length, toCsv(r).split("\n").length);
});
