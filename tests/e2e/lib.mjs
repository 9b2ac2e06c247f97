// Shared helpers of the browser tests and the benchmark: the browser, the seeds, pasting,
// waiting for a check, and a tiny .docx (zip) writer.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync } from "node:zlib";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "..", "..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(here, "artifacts");
export const BASE = process.env.NIANBAO_URL || "http://127.0.0.1:8080/";

/** The seed reports: ../shared/seeds from the repository root (NIANBAO_SEEDS overrides). */
export function seeds() {
  const dir = process.env.NIANBAO_SEEDS || resolve(ROOT, "..", "shared", "seeds");
  if (!existsSync(dir)) throw new Error(`seeds not found in ${dir} (set NIANBAO_SEEDS)`);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens the app and waits until it is running. */
export async function openApp(page, url = BASE) {
  await page.goto(url);
  await page.waitForSelector(".app[data-revision]");
  await page.waitForFunction(() => typeof window.nianbao?.check === "function");
}

/** The revision of the last check shown. */
export function revision(page) {
  return page.evaluate(() => Number(document.querySelector(".app").dataset.revision));
}

/** Waits for a check newer than `after` to be rendered, the tables (a frame later) too. */
export async function waitForCheck(page, after) {
  await page.waitForFunction(
    (after) => {
      const app = document.querySelector(".app");
      return (
        app &&
        Number(app.dataset.revision) > after &&
        app.dataset.pending === "false" &&
        app.dataset.tables === app.dataset.revision
      );
    },
    after,
    { timeout: 20000 },
  );
}

/** Dispatches a paste event whose clipboard holds the given flavours, as a browser would. */
export async function paste(page, flavours) {
  const before = await revision(page);
  await page.evaluate((flavours) => {
    const area = document.querySelector("textarea.text");
    area.focus();
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(flavours)) data.setData(type, value);
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, flavours);
  await waitForCheck(page, before);
}

/** Empties the editor, then pastes `text` as plain text. */
export async function pasteReport(page, text) {
  await clear(page);
  await paste(page, { "text/plain": text });
}

export async function clear(page) {
  const before = await revision(page);
  await page.click("button.clear");
  await waitForCheck(page, before);
}

/** The codes of the findings list, in order. */
export function listedCodes(page) {
  return page.$$eval(".finding", (items) => items.map((i) => i.dataset.code));
}

/** What the app's own core finds in the editor's text (window.nianbao.check). */
export function coreCodes(page) {
  return page.evaluate(() =>
    window.nianbao.check(document.querySelector("textarea.text").value).diagnostics.map((d) => d.code),
  );
}

// ---- A minimal .docx ---------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of `files` ({ name: string content }); `deflate` picks method 8 over stored. */
export function zip(files, deflate = true) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, "utf8");
    const raw = Buffer.from(content, "utf8");
    const data = deflate ? deflateRawSync(raw) : raw;
    const method = deflate ? 8 : 0;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** word/document.xml for lines (strings become paragraphs, arrays become table rows). */
export function documentXml(blocks) {
  const p = (t) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(t)}</w:t></w:r></w:p>`;
  const body = [];
  let rows = [];
  const flush = () => {
    if (rows.length) {
      body.push(
        `<w:tbl>${rows
          .map((r) => `<w:tr>${r.map((c) => `<w:tc><w:tcPr/>${p(c)}</w:tc>`).join("")}</w:tr>`)
          .join("")}</w:tbl>`,
      );
      rows = [];
    }
  };
  for (const b of blocks) {
    if (Array.isArray(b)) rows.push(b);
    else {
      flush();
      body.push(p(b));
    }
  }
  flush();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body.join("")}<w:sectPr/></w:body></w:document>`
  );
}
