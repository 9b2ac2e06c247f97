// The mock portal's own script: its form, the <nianbao-checker> element and the iframe way.
// The iframe's origin is ?frame=… (default http://127.0.0.1:8080); this page's origin is the only
// one the frame is told to accept (origins=…), and only messages from the frame's origin count.
const form = document.getElementById("report-form");
const portalText = document.getElementById("portal-text");
const status = document.getElementById("submit-status");
const checker = document.getElementById("checker");

// The element way: the portal's textarea feeds the checker; submission waits for a clean check.
let typing = null;
portalText.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    checker.value = portalText.value;
  }, 300);
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  await checker.ready;
  checker.value = portalText.value;
  const result = checker.check();
  const errors = result.summary.errors;
  if (errors > 0) {
    status.textContent = `有 ${errors} 处错误，不能提交。请先在下方检查器中修改。`;
    status.className = "status blocked";
    checker.focus(result.diagnostics.find((d) => d.severity === "error").code);
  } else {
    status.textContent = `检查通过（${result.summary.warnings} 处警告），已提交（演示，未发送）。`;
    status.className = "status passed";
  }
});

// The iframe way.
const params = new URLSearchParams(location.search);
const frameOrigin = new URL(params.get("frame") || "http://127.0.0.1:8080").origin;
const frame = document.getElementById("frame");
const frameStatus = document.getElementById("frame-status");
frame.src = `${frameOrigin}/index.html?embed=1&compact=1&origins=${encodeURIComponent(location.origin)}`;

window.addEventListener("message", (event) => {
  // The host checks the sender too: only the frame, only from its origin.
  if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
  const message = event.data || {};
  if (message.type === "nianbao:height" && Number.isFinite(message.px)) {
    frame.style.height = `${Math.max(200, message.px)}px`;
  } else if (message.type === "nianbao:result") {
    const s = message.summary;
    frameStatus.textContent = `iframe：${s.errors} 处错误，${s.warnings} 处警告，${s.infos} 条提示`;
  }
});

document.getElementById("frame-check").addEventListener("click", () => {
  frame.contentWindow.postMessage({ type: "nianbao:check", text: portalText.value }, frameOrigin);
});
