// Benchmark (not a test): time from a paste to the highlights painted, for each seed and for a
// 200 KB report, and how long a keystroke in that report holds the page, in headless Chromium
// against the served dist/. Printed as tables; nothing is asserted.
import { BASE, clear, launch, openApp, paste, seeds } from "./lib.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 5);

/**
 * A ~200 KB (UTF-8) report with 200+ findings: seed 000 with its 总体情况 section padded with
 * narrative, every third paragraph dated 1月32日 (one M04 each).
 */
function bigReport(base) {
  const lines = base.replace(/\r\n?/g, "\n").split("\n");
  const at = Math.max(1, lines.findIndex((l) => l.startsWith("二、")));
  const filler =
    "本年度，我单位坚持以公开为常态、不公开为例外，围绕重点领域信息公开、政策解读和回应关切，持续完善工作机制，" +
    "全年通过门户网站、政务新媒体等渠道发布各类信息，确保信息发布及时、准确、规范。";
  const padding = [];
  let size = Buffer.byteLength(base, "utf8");
  const dated = "2023年1月32日，召开政务公开工作推进会，研究部署下一阶段重点任务。";
  while (size < 200 * 1024) {
    const line = padding.length % 3 === 2 ? dated : filler;
    padding.push(line);
    size += Buffer.byteLength(line, "utf8") + 1;
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
    // The first frame that has the check rendered; the task after its rAF callbacks runs once
    // that frame is laid out and painted.
    await new Promise((resolve) => {
      const poll = () => {
        if (Number(app.dataset.revision) > before && app.dataset.pending === "false") setTimeout(resolve, 0);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    const total = performance.now() - start;
    const t0 = performance.now();
    const findings = window.nianbao.check(area.value).diagnostics.length;
    const core = performance.now() - t0;
    return { total, core, findings };
  }, text);
}

/**
 * Types `keys` characters a third of the way into `text` (pasted and checked first), a pause
 * between them shorter than the check's debounce, and times each keystroke: from the keydown
 * event's time stamp to the frame after it (a rAF, then a task: the frame was painted), and the
 * longest event the browser's Event Timing saw (it lists only events of 16 ms and more).
 */
async function timeKeystrokes(page, text, keys) {
  await clear(page);
  await paste(page, { "text/plain": text });
  await page.evaluate(() => {
    const area = document.querySelector("textarea.text");
    const at = Math.floor(area.value.length / 3);
    area.focus();
    area.setSelectionRange(at, at);
    window.__keys = [];
    window.__events = [];
    window.addEventListener(
      "keydown",
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => window.__keys.push(performance.now() - t0), 0));
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__events.push({ name: e.name, duration: e.duration });
    }).observe({ type: "event", durationThreshold: 16 });
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press("x");
    await page.waitForTimeout(60);
  }
  await page.waitForFunction((keys) => window.__keys.length >= keys, keys);
  return page.evaluate(() => ({ frames: window.__keys, events: window.__events }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await openApp(page, BASE);
const cases = seeds().map((s) => ({ name: s.name, text: s.text }));
cases.push({ name: "200 KB report (000 padded)", text: bigReport(cases[0].text) });
console.log(`\nPaste → highlights painted (median of ${RUNS}, ms); core = nianbao.check alone`);
console.log("report".padEnd(36) + "KB".padStart(7) + "paste→paint".padStart(13) + "core".padStart(9) + "findings".padStart(10));
for (const c of cases) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timePaste(page, c.text));
  const kb = (Buffer.byteLength(c.text, "utf8") / 1024).toFixed(1);
  console.log(
    c.name.padEnd(36) +
      kb.padStart(7) +
      median(runs.map((r) => r.total)).toFixed(1).padStart(13) +
      median(runs.map((r) => r.core)).toFixed(1).padStart(9) +
      String(runs[0].findings).padStart(10),
  );
}
const KEYS = 20;
const big = cases[cases.length - 1];
const typed = await timeKeystrokes(page, big.text, KEYS);
const keyEvents = typed.events.filter((e) => ["keydown", "keypress", "keyup", "input", "beforeinput"].includes(e.name));
const longest = keyEvents.reduce((m, e) => Math.max(m, e.duration), 0);
console.log(`\nA keystroke in the ${big.name} (${KEYS} keys, ms)`);
console.log(
  "keydown → next frame: median " +
    median(typed.frames).toFixed(1) +
    ", max " +
    Math.max(...typed.frames).toFixed(1) +
    "; Event Timing: " +
    (keyEvents.length
      ? `${keyEvents.length} key/input events of 16 ms or more, longest ${longest.toFixed(0)}`
      : "no key/input event of 16 ms or more"),
);
await browser.close();
