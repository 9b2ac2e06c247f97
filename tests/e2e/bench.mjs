// Benchmark (not a test): time from a paste to the highlights painted, for each seed and for a
// 200 KB report, in headless Chromium against the served dist/. Printed as a table.
import { BASE, clear, launch, openApp, seeds } from "./lib.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 5);

/** A ~200 KB (UTF-8) report: seed 000 with its 总体情况 section padded with narrative. */
function bigReport(base) {
  const lines = base.replace(/\r\n?/g, "\n").split("\n");
  const at = Math.max(1, lines.findIndex((l) => l.startsWith("二、")));
  const filler =
    "本年度，我单位坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读和回应关切，持续完善工作机制，" +
    "全年通过门户网站、政务新媒体等渠道发布各类信息，确保信息发布及时、准确、规范。";
  const padding = [];
  let size = Buffer.byteLength(base, "utf8");
  while (size < 200 * 1024) {
    padding.push(filler);
    size += Buffer.byteLength(filler, "utf8") + 1;
  }
  return [...lines.slice(0, at), ...padding, ...lines.slice(at)].join("\n");
}

async function timePaste(page, text) {
  await clear(page);
  return page.evaluate(async (text) => {
    const app = document.querySelector(".app");
    const before = Number(app.dataset.revision);
    const area = document.querySelector("textarea.text");
    area.focus();
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const start = performance.now();
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    await new Promise((resolve) => {
      const poll = () => {
        if (Number(app.dataset.revision) > before && app.dataset.pending === "false") resolve();
        else requestAnimationFrame(poll);
      };
      poll();
    });
    // The highlights are on screen after the next frame.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const total = performance.now() - start;
    const t0 = performance.now();
    window.nianbao.check(area.value);
    const core = performance.now() - t0;
    return { total, core, marks: document.querySelectorAll(".layer mark").length };
  }, text);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await openApp(page, BASE);
const cases = seeds().map((s) => ({ name: s.name, text: s.text }));
cases.push({ name: "200 KB report (seed 000 padded)", text: bigReport(cases[0].text) });
console.log(`\nPaste → highlights painted (median of ${RUNS}, ms); core = nianbao.check alone`);
console.log("report".padEnd(36) + "KB".padStart(7) + "paste→paint".padStart(13) + "core".padStart(9) + "marks".padStart(7));
for (const c of cases) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timePaste(page, c.text));
  const kb = (Buffer.byteLength(c.text, "utf8") / 1024).toFixed(1);
  console.log(
    c.name.padEnd(36) +
      kb.padStart(7) +
      median(runs.map((r) => r.total)).toFixed(1).padStart(13) +
      median(runs.map((r) => r.core)).toFixed(1).padStart(9) +
      String(runs[0].marks).padStart(7),
  );
}
await browser.close();
