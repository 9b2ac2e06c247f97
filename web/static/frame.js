// The iframe way of embedding: index.html?embed=1&origins=https://a.example,https://b.example
//
//   host → frame  {type: "nianbao:check", text}
//   frame → host  {type: "nianbao:result", summary, diagnostics}   (after every check)
//                 {type: "nianbao:height", px}                      (on every size change)
//
// Messages are accepted only from the parent window and only from a listed origin; with no
// `origins` none is accepted. Results go only to the listed origin that sent the text; heights go
// to the listed origins (postMessage delivers them only if the parent is one of them).
// Other parameters: lang=zh|en, compact=1, store-ignored=1 (keep waived findings in the frame's
// localStorage; off by default).

export function startFrame(mountChecker, params) {
  const origins = (params.get("origins") || "")
    .split(",")
    .map((o) => o.trim())
    .filter((o) => o !== "");
  let contactedBy = null;
  document.documentElement.classList.add("embedded");

  const root = document.getElementById("app");
  const checker = mountChecker(
    root,
    {
      lang: params.get("lang") || "zh",
      compact: params.get("compact") === "1",
      storeIgnored: params.get("store-ignored") === "1",
    },
    (result) => {
      if (contactedBy === null || window.parent === window) return;
      window.parent.postMessage({ type: "nianbao:result", ...result }, contactedBy);
    },
  );

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !origins.includes(event.origin)) return;
    const message = event.data;
    if (!message || message.type !== "nianbao:check" || typeof message.text !== "string") return;
    contactedBy = event.origin;
    checker.setText(message.text);
  });

  let lastHeight = -1;
  const postHeight = () => {
    const px = Math.ceil(document.body.getBoundingClientRect().height);
    if (px === lastHeight || window.parent === window) return;
    lastHeight = px;
    for (const origin of origins) {
      window.parent.postMessage({ type: "nianbao:height", px }, origin);
    }
  };
  new ResizeObserver(postHeight).observe(document.body);
  postHeight();
}
