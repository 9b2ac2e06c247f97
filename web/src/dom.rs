//! Finding the app's own elements by id: in the page's document, or in the shadow root of
//! `<nianbao-checker>` (never in the host page's document).

use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, Node};

/// The element with `id` in the tree `anchor` belongs to.
pub fn by_id(anchor: &Node, id: &str) -> Option<Element> {
    let root = anchor.get_root_node();
    if let Some(document) = root.dyn_ref::<Document>() {
        return document.get_element_by_id(id);
    }
    // A shadow root is a document fragment.
    root.dyn_ref::<DocumentFragment>()
        .and_then(|fragment| fragment.get_element_by_id(id))
}
