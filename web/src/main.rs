//! nianbao web app: a clerk pastes a 政府信息公开工作年度报告 and at once sees every problem
//! highlighted. Everything runs in the browser; the text never leaves the machine.

mod analysis;
mod api;
mod app;
mod dom;
mod editor;
mod embed;
mod examples;
mod export;
mod findings;
mod help_card;
mod highlight;
mod i18n;
mod ignore;
mod js;
mod navigate;
mod print;
mod rules_list;
mod state;
mod storage;
mod summary_bar;
mod tables_view;
mod toolbar;

fn main() {
    // Yew installs its own hook when it renders unless given one: ours also shows the message.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        js::failure("panic", &info.to_string());
    }));
    if js::mode() != "page" {
        return; // embedded: the element or the frame calls `mountChecker`
    }
    api::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => js::failure("start", "no #app element"),
    }
}
