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
 * Types `keys` characters a third of the way into the text of `selector` (a textarea holding
 * the report), a pause between them shorter than the check's debounce, and times each
 * keystroke: from the keydown event's time stamp to the frame after it (a rAF, then a task: the
 * frame was painted; this includes the wait for the frame), and the longest key or input event
 * the browser's Event Timing saw (it lists only events of 16 ms and more).
 */
async function timeKeystrokes(page, selector, keys) {
  await page.evaluate((selector) => {
    const area = document.querySelector(selector);
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
  }, selector);
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press("x");
    await page.waitForTimeout(60);
  }
  await page.waitForFunction((keys) => window.__keys.length >= keys, keys);
  const { frames, events } = await page.evaluate(() => ({ frames: window.__keys, events: window.__events }));
  const keyEvents = events.filter((e) => ["keydown", "keypress", "keyup", "input", "beforeinput"].includes(e.name));
  const longest = keyEvents.reduce((m, e) => Math.max(m, e.duration), 0);
  return (
    "keydown → next frame: median " +
    median(frames).toFixed(1) +
    ", max " +
    Math.max(...frames).toFixed(1) +
    "; Event Timing: " +
    (keyEvents.length
      ? `${keyEvents.length} key/input events of 16 ms or more, longest ${longest.toFixed(0)}`
      : "no key/input event of 16 ms or more")
  );
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
console.log(`\nA keystroke in the ${big.name} (${KEYS} keys, ms)`);
await clear(page);
await paste(page, { "text/plain": big.text });
console.log("the app:            " + (await timeKeystrokes(page, "textarea.text", KEYS)));
// What the browser alone takes: a bare textarea of the editor's size, font and text.
const look = await page.$eval("textarea.text", (a) => {
  const s = getComputedStyle(a);
  return `width:${a.offsetWidth}px;height:${a.offsetHeight}px;font:${s.font};padding:${s.padding};white-space:pre-wrap;box-sizing:border-box`;
});
const bare = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await bare.setContent(`<textarea style="${look}"></textarea>`);
await bare.$eval("textarea", (a, text) => (a.value = text), big.text);
console.log("a bare textarea:    " + (await timeKeystrokes(bare, "textarea", KEYS)));
await browser.close();
