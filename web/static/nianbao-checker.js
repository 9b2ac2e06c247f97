// <nianbao-checker>: the nianbao web app as a custom element, for a portal's own page.
//
//   <script type="module" src="/nianbao/nianbao-checker.js"></script>
//   <nianbao-checker lang="zh" compact value="…"></nianbao-checker>
//
// Attributes: lang (zh|en), compact (editor and findings only), value (text; setting it checks),
// store-ignored (keep waived findings in this page's localStorage; off by default).
// Event: "nianbao-result" (bubbles, composed), detail {summary, diagnostics} as in rules.md with
// UTF-16 offsets. Methods: check() → result, focus(code), property value, promise ready.
// The app lives in a shadow root with its own style sheet: the page's CSS does not reach it, and
// its CSS does not reach the page. It reads nothing of the page and stores nothing.
import "./helpers.js";
import init, { mountChecker } from "./nianbao_web.js";

const base = new URL(".", import.meta.url);
const elements = new Set();
let started = null;

function start() {
  if (started === null) {
    nianbaoJs.mode = () => "element";
    // A failure (e.g. a Rust panic) is shown inside every checker on the page, not in the page.
    nianbaoJs.failure = (kind, detail) => {
      for (const element of elements) element.showFailure(kind, detail);
    };
    started = init({ module_or_path: new URL("nianbao_web_bg.wasm", base) });
  }
  return started;
}

const FAILURE_TEXT = {
  csp: "本网站的安全策略禁止运行 WebAssembly：请在 Content-Security-Policy 的 script-src 中加入 'wasm-unsafe-eval'。",
  panic: "检查程序遇到内部错误，已停止运行。请刷新页面重试。",
};

class NianbaoChecker extends HTMLElement {
  static observedAttributes = ["lang", "compact", "value"];

  #checker = null;
  #mount;
  #failure;
  #ready;
  #resolveReady;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("style.css", base).href;
    this.#mount = document.createElement("div");
    this.#mount.className = "nianbao-root";
    const booting = document.createElement("p");
    booting.className = "booting";
    booting.textContent = "正在加载检查器…";
    this.#mount.append(booting);
    this.#failure = document.createElement("p");
    this.#failure.className = "failure";
    this.#failure.setAttribute("role", "alert");
    this.#failure.hidden = true;
    shadow.append(sheet, this.#mount, this.#failure);
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
  }

  /** Resolves with the element once the checker runs. */
  get ready() {
    return this.#ready;
  }

  connectedCallback() {
    elements.add(this);
    if (this.#checker !== null) return;
    start()
      .then(() => {
        if (this.#checker !== null) return;
        this.#checker = mountChecker(
          this.#mount,
          {
            lang: this.getAttribute("lang") === "en" ? "en" : "zh",
            compact: this.hasAttribute("compact"),
            value: this.getAttribute("value") ?? "",
            storeIgnored: this.hasAttribute("store-ignored"),
          },
          (result) => {
            this.dispatchEvent(new CustomEvent("nianbao-result", { detail: result, bubbles: true, composed: true }));
          },
        );
        this.#resolveReady(this);
      })
      .catch((error) => {
        const message = String((error && error.message) || error);
        const kind = /Content.Security.Policy|wasm-eval|unsafe-eval/i.test(message) ? "csp" : "start";
        this.showFailure(kind, message);
      });
  }

  disconnectedCallback() {
    elements.delete(this);
  }

  attributeChangedCallback(name, _old, value) {
    if (this.#checker === null) return;
    if (name === "value") this.#checker.setText(value ?? "");
    if (name === "lang") this.#checker.setLang(value === "en" ? "en" : "zh");
    if (name === "compact") this.#checker.setCompact(value !== null);
  }

  /** The text in the editor. */
  get value() {
    return this.#checker === null ? this.getAttribute("value") ?? "" : this.#checker.text();
  }

  set value(text) {
    this.setAttribute("value", String(text));
  }

  /** Checks the editor's text now; returns {summary, diagnostics} (null before `ready`). */
  check() {
    if (this.#checker === null) return null;
    return this.#checker.check();
  }

  /** Selects the first finding of rule `code` in the editor; without a code, focuses the editor. */
  focus(code) {
    if (this.#checker === null) return;
    if (typeof code === "string" && code !== "") {
      this.#checker.focus(code);
    } else {
      this.shadowRoot.querySelector("textarea")?.focus();
    }
  }

  showFailure(kind, detail) {
    this.#failure.textContent = (FAILURE_TEXT[kind] || "检查程序未能启动，请刷新页面重试。") + (detail ? ` (${kind})` : "");
    this.#failure.hidden = false;
  }
}

if (!customElements.get("nianbao-checker")) {
  customElements.define("nianbao-checker", NianbaoChecker);
}
