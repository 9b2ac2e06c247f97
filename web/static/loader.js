// Starts the app from the files served next to this one (dist/). The single-file build
// (nianbao.html) inlines the same steps with the wasm as base64. `index.html?embed=1` is the
// iframe way of embedding (frame.js): no page chrome, postMessage to the listed origins only.
import init, { mountChecker } from "./nianbao_web.js";
import { startFrame } from "./frame.js";

const params = new URLSearchParams(location.search);
if (params.get("embed") === "1") {
  nianbaoJs.mode = () => "frame";
  nianbaoStart(() =>
    init({ module_or_path: "./nianbao_web_bg.wasm" }).then(() => startFrame(mountChecker, params)),
  );
} else {
  nianbaoStart(() => init({ module_or_path: "./nianbao_web_bg.wasm" }));
  nianbaoRegisterServiceWorker();
}
