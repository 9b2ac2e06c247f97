// Starts the batch page from the files served next to this one (dist/). The single-file build
// (nianbao-batch.html) inlines the same step with the wasm as base64.
import init from "./nianbao_batch.js";

nianbaoStart(() => init({ module_or_path: "./nianbao_batch_bg.wasm" }));
nianbaoRegisterServiceWorker();
