// Embedding in a portal's page (docs/embedding.md), in headless Chromium against dist/ served with
// the documented Content-Security-Policy on three origins: the checker's (the iframe), a portal's
// (web/embed-demo.html with <nianbao-checker>) and a stranger's the frame must ignore.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, DIST, launch, seeds } from "./lib.mjs";
import { serveEmbedding } from "./server.mjs";

// Free ports unless EMBED_*_PORT says otherwise: the tests run beside a `scripts/serve`.
const ports = {
  frame: Number(process.env.EMBED_FRAME_PORT || 0),
  host: Number(process.env.EMBED_HOST_PORT || 0),
  stranger: Number(process.env.EMBED_STRANGER_PORT || 0),
};
const seed = (prefix) => seeds().find((s) => s.name.startsWith(prefix)).text;
const PURPLE = "rgb(128, 0, 128)";

// The JS API package's own result for a text (dist/pkg, as Node imports it).
const pkg = await import(join(DIST, "pkg", "nianbao.js"));
await pkg.default({ module_or_path: readFileSync(join(DIST, "pkg", "nianbao_bg.wasm")) });

let browser;
let origins;
const requests = [];
const violations = [];

before(async () => {
  origins = await serveEmbedding(ports);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await origins?.close();
});

/** A page of its own context; every request and every CSP violation (in any frame) recorded. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  context.on("request", (r) => requests.push(r.url()));
  await context.exposeBinding("reportViolation", ({ frame }, v) => violations.push({ url: frame.url(), ...v }));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportViolation({ directive: e.violatedDirective, blocked: e.blockedURI }),
    );
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => violations.push({ pageerror: String(e) }));
  return { context, page };
}

/** Opens the demo portal and waits for the element to run. */
async function openDemo() {
  const { context, page } = await newPage();
  await page.goto(`${origins.host}/embed-demo.html?frame=${origins.frame}`);
  await page.waitForFunction(() => document.getElementById("checker").check() !== null);
  return { context, page };
}

/** Sets the element's text; resolves to the detail of the next nianbao-result event at document. */
function checkWithElement(page, text) {
  return page.evaluate(
    (text) =>
      new Promise((resolve) => {
        document.addEventListener("nianbao-result", (e) => resolve(e.detail), { once: true });
        document.getElementById("checker").value = text;
      }),
    text,
  );
}

const codes = (result) => result.diagnostics.map((d) => `${d.code}@${d.start}-${d.end}`);

describe("<nianbao-checker>", () => {
  test("checks seed 002 and fires nianbao-result as the JS API finds it", async () => {
    const { context, page } = await openDemo();
    const text = seed("002");
    const detail = await checkWithElement(page, text);
    const warnings = detail.diagnostics.filter((d) => d.severity === "warning").map((d) => d.code);
    assert.ok(warnings.includes("N02"), `N02 among ${warnings}`);
    assert.ok(warnings.includes("L01"), `L01 among ${warnings}`);
    const api = pkg.check(text);
    assert.deepEqual(codes(detail), codes(api));
    assert.deepEqual(detail.summary, api.summary);
    // check() returns the same; the findings are listed inside the shadow root.
    const checked = await page.evaluate(() => document.getElementById("checker").check());
    assert.deepEqual(codes(checked), codes(api));
    const listed = await page.evaluate(() =>
      [...document.getElementById("checker").shadowRoot.querySelectorAll(".finding")].map((f) => f.dataset.code),
    );
    assert.deepEqual(listed, api.diagnostics.map((d) => d.code));
    await context.close();
  });

  test("focus(code) selects that rule's first finding in the editor", async () => {
    const { context, page } = await openDemo();
    const text = seed("002");
    await checkWithElement(page, text);
    const n02 = pkg.check(text).diagnostics.find((d) => d.code === "N02");
    await page.evaluate(() => document.getElementById("checker").focus("N02"));
    await page.waitForFunction(() => {
      const area = document.getElementById("checker").shadowRoot.querySelector("textarea");
      return area.selectionEnd > area.selectionStart;
    });
    const selected = await page.evaluate(() => {
      const area = document.getElementById("checker").shadowRoot.querySelector("textarea");
      return { start: area.selectionStart, end: area.selectionEnd };
    });
    assert.deepEqual(selected, { start: n02.start, end: n02.end });
    await context.close();
  });

  test("UTF-16 offsets slice the host's text, also after an emoji and 𠤪", async () => {
    const { context, page } = await openDemo();
    const plain = seed("002");
    // At the start of the second line: before the first heading the text would start mid-report
    // (S07), and seed 002 starts with its first heading.
    const at = plain.indexOf("\n") + 1;
    const text = `${plain.slice(0, at)}😀𠤪${plain.slice(at)}`;
    const detail = await checkWithElement(page, text);
    assert.deepEqual(codes(detail), codes(pkg.check(text)));
    // Every finding of the plain text is found again two surrogate pairs (4 units) later.
    const flagged = pkg.check(plain).diagnostics.filter((p) => p.end > p.start);
    assert.ok(flagged.every((p) => p.start >= at), "every finding is after the pairs");
    assert.ok(flagged.length > 0);
    for (const p of flagged) {
      const d = detail.diagnostics.find((d) => d.code === p.code && d.start === p.start + 4);
      assert.ok(d, `${p.code} at ${p.start} moved by 4`);
      assert.equal(text.slice(d.start, d.end), plain.slice(p.start, p.end), p.code);
    }
    await context.close();
  });

  test("the portal's styles stay out of the shadow root, and ours stay out of the portal", async () => {
    const { context, page } = await openDemo();
    await checkWithElement(page, seed("002"));
    const inside = await page.evaluate(() => {
      const root = document.getElementById("checker").shadowRoot;
      const style = (sel) => {
        const s = getComputedStyle(root.querySelector(sel));
        return { color: s.color, font: s.fontFamily, outline: s.outlineStyle, background: s.backgroundColor };
      };
      return { area: style("textarea"), finding: style(".finding"), mark: style("mark"), summary: style(".summary") };
    });
    for (const [name, s] of Object.entries(inside)) {
      assert.notEqual(s.color, PURPLE, `${name} is not purple`);
      assert.ok(!/^serif$/.test(s.font) && s.font.includes("system-ui"), `${name} font: ${s.font}`);
      assert.notEqual(s.outline, "dashed", `${name} has no portal outline`);
    }
    assert.notEqual(inside.mark.background, "rgb(0, 255, 0)", "<mark> is ours, not the portal's lime");
    const outside = await page.evaluate(() => {
      const s = (el) => getComputedStyle(el);
      return {
        sheets: [...document.styleSheets].map((x) => x.href),
        area: { font: s(document.getElementById("portal-text")).fontFamily, size: s(document.getElementById("portal-text")).fontSize },
        mark: s(document.querySelector(".hint mark")).backgroundColor,
        heading: s(document.querySelector("h2")).color,
      };
    });
    assert.deepEqual(outside.sheets, [`${origins.host}/embed-demo.css`]);
    assert.equal(outside.area.font, "serif");
    assert.equal(outside.area.size, "18px");
    assert.equal(outside.mark, "rgb(0, 255, 0)");
    assert.equal(outside.heading, PURPLE);
    await context.close();
  });

  test("提交前检查 blocks the submission while there are errors and shows the count", async () => {
    const { context, page } = await openDemo();
    const sample = readFileSync(join(DIST, "..", "web", "examples", "sample-2022.txt"), "utf8");
    const errors = pkg.check(sample).summary.errors;
    assert.ok(errors > 0);
    await page.fill("#portal-text", sample);
    const url = page.url();
    await page.click("#submit");
    await page.waitForFunction(() => document.getElementById("submit-status").textContent !== "");
    assert.equal(await page.textContent("#submit-status"), `有 ${errors} 处错误，不能提交。请先在下方检查器中修改。`);
    assert.equal(page.url(), url, "the form was not submitted");
    await context.close();
  });
});

describe("<nianbao-checker> without 'wasm-unsafe-eval'", () => {
  test("shows an explanation inside the element instead of staying blank", async () => {
    const { context, page } = await newPage();
    const before = violations.length;
    await page.route((url) => url.pathname === "/embed-demo.html", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), "content-security-policy": "default-src 'self'; style-src 'self'" };
      await route.fulfill({ response, headers });
    });
    await page.goto(`${origins.host}/embed-demo.html?frame=${origins.frame}`);
    await page.waitForFunction(() => {
      const failure = document.getElementById("checker").shadowRoot.querySelector(".failure");
      return failure && !failure.hidden;
    });
    const message = await page.evaluate(
      () => document.getElementById("checker").shadowRoot.querySelector(".failure").textContent,
    );
    assert.match(message, /wasm-unsafe-eval/);
    // The recorder sees violations; this page's were wanted: keep them out of the policy test.
    assert.ok(violations.length > before, "the wasm compile was reported as a violation");
    violations.splice(before);
    await context.close();
  });
});

describe("iframe", () => {
  test("answers nianbao:check with nianbao:result and reports its height", async () => {
    const { context, page } = await openDemo();
    await page.evaluate(() => {
      window.fromFrame = [];
      window.addEventListener("message", (e) => window.fromFrame.push({ origin: e.origin, data: e.data }));
    });
    const frame = page.frameLocator("#frame");
    await frame.locator(".app.embedded").waitFor();
    const text = seed("002");
    await page.fill("#portal-text", text);
    await page.click("#frame-check");
    await page.waitForFunction(() => window.fromFrame.some((m) => m.data.type === "nianbao:result"));
    const messages = await page.evaluate(() => window.fromFrame);
    assert.ok(messages.every((m) => m.origin === origins.frame));
    const result = messages.find((m) => m.data.type === "nianbao:result").data;
    assert.deepEqual(codes(result), codes(pkg.check(text)));
    await page.waitForFunction(() => window.fromFrame.some((m) => m.data.type === "nianbao:height" && m.data.px > 300));
    // The host sized the frame from the heights the frame sent.
    const { px, height } = await page.evaluate(() => ({
      px: window.fromFrame.filter((m) => m.data.type === "nianbao:height").at(-1).data.px,
      height: document.getElementById("frame").getBoundingClientRect().height,
    }));
    assert.ok(Math.abs(height - px) <= 2, `frame ${height}px for ${px}px of content`);
    assert.match(await page.textContent("#frame-status"), /^iframe：\d+ 处错误/);
    assert.equal(await frame.locator("header.masthead").count(), 0, "no page chrome in the frame");
    await page.screenshot({ path: join(ARTIFACTS, "embed-demo.png"), fullPage: true });
    await context.close();
  });

  test("a message from an origin the frame does not list is ignored", async () => {
    const { context, page } = await newPage();
    await page.goto(`${origins.stranger}/stranger.html?frame=${origins.frame}&listed=${origins.host}`);
    await page.waitForFunction(() => window.frameLoaded === true);
    const frame = page.frameLocator("#frame");
    await frame.locator(".app.embedded").waitFor();
    await page.evaluate((text) => window.askToCheck(text), seed("002"));
    await page.waitForTimeout(1500);
    assert.deepEqual(await page.evaluate(() => window.received), []);
    // The frame did not even load the text.
    assert.equal(await frame.locator("textarea").inputValue(), "");
    await context.close();
  });
});

describe("security", () => {
  test("no CSP violation and no script error under the documented policy", () => {
    assert.deepEqual(violations, []);
  });

  test("no request goes anywhere but the loopback servers", () => {
    const local = (u) => /^http:\/\/127\.0\.0\.1:\d+\//.test(u) || /^(data|blob):/.test(u);
    assert.deepEqual(requests.filter((u) => !local(u)), []);
    assert.ok(requests.some((u) => u.startsWith(origins.frame)));
    assert.ok(requests.some((u) => u.startsWith(origins.host)));
  });
});

describe("忽略此条 embedded", () => {
  /** Waives seed 001's S03 inside the element with id `id`. */
  async function waive(page, id) {
    const checker = page.locator(`#${id}`);
    await checker.locator('.finding[data-code="S03"]').click();
    await checker.locator(".finding.active .ignore-form .waive", { hasText: "已核实" }).click();
    return page.evaluate(
      (id) => [...document.getElementById(id).shadowRoot.querySelectorAll(".ignored-list li")].map((l) => l.dataset.code),
      id,
    );
  }

  test("by default a waiver lives only as long as the element: nothing in the host page's storage", async () => {
    const { context, page } = await openDemo();
    await checkWithElement(page, seed("001"));
    assert.deepEqual(await waive(page, "checker"), ["S03"]);
    const stored = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(stored, [], "the host's localStorage is untouched");
    await page.reload();
    await page.waitForFunction(() => document.getElementById("checker").check() !== null);
    await checkWithElement(page, seed("001"));
    const listed = await page.evaluate(() =>
      [...document.getElementById("checker").shadowRoot.querySelectorAll(".finding")].map((f) => f.dataset.code),
    );
    assert.ok(listed.includes("S03"), "not remembered across a reload");
    await context.close();
  });

  test("with store-ignored the host allows it: kept in its localStorage across a reload", async () => {
    const { context, page } = await openDemo();
    const add = () =>
      page.evaluate(async () => {
        const el = document.createElement("nianbao-checker");
        el.id = "kept";
        el.setAttribute("store-ignored", "");
        document.body.append(el);
        await el.ready;
      });
    await add();
    const setKept = (text) =>
      page.evaluate(
        (text) =>
          new Promise((resolve) => {
            const el = document.getElementById("kept");
            el.addEventListener("nianbao-result", () => resolve(), { once: true });
            el.value = text;
          }),
        text,
      );
    await setKept(seed("001"));
    assert.deepEqual(await waive(page, "kept"), ["S03"]);
    assert.ok(await page.evaluate(() => localStorage.getItem("nianbao.ignored")?.includes("S03")));
    await page.reload();
    await page.waitForFunction(() => document.getElementById("checker").check() !== null);
    await add();
    await setKept(seed("001"));
    const ignored = await page.evaluate(() =>
      [...document.getElementById("kept").shadowRoot.querySelectorAll(".ignored-list li")].map((l) => l.dataset.code),
    );
    assert.deepEqual(ignored, ["S03"]);
    await context.close();
  });
});
