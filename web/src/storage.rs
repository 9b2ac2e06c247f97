//! The draft and the language survive a reload (localStorage); nothing is sent anywhere.

use gloo_storage::{LocalStorage, Storage};

const DRAFT: &str = "nianbao.draft";
const LANG: &str = "nianbao.lang";

pub fn draft() -> String {
    LocalStorage::get::<String>(DRAFT).unwrap_or_default()
}

pub fn save_draft(text: &str) {
    // A full storage (quota) only loses the draft, never the page.
    let _ = LocalStorage::set(DRAFT, text);
}

pub fn lang() -> String {
    LocalStorage::get::<String>(LANG).unwrap_or_default()
}

pub fn save_lang(tag: &str) {
    let _ = LocalStorage::set(LANG, tag);
}
