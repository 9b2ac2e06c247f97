// Starts the app from the files served next to this one (dist/). The single-file build
// (nianbao.html) inlines the same steps with the wasm as base64.
import init from "./nianbao_web.js";

nianbaoStart(() => init({ module_or_path: "./nianbao_web_bg.wasm" }));
nianbaoRegisterServiceWorker();
