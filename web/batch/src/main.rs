//! The batch page of nianbao (`batch.html`, `nianbao-batch.html`): a supervising office drops its
//! units' reports and gets one row per report and the findings across them. Its own wasm (the
//! checker page has its own size budget); the browser helpers, the language and the draft are
//! the checker's own modules, shared by path.

#[allow(dead_code)]
#[path = "../../src/i18n.rs"]
mod i18n;
#[allow(dead_code)]
#[path = "../../src/js.rs"]
mod js;
mod page;
#[allow(dead_code)]
#[path = "../../src/storage.rs"]
mod storage;

fn main() {
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        js::failure("panic", &info.to_string());
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<page::BatchPage>::with_root(root).render();
        }
        None => js::failure("start", "no #app element"),
    }
}
