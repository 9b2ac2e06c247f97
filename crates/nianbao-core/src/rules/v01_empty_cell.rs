//! V01: not implemented yet.

use crate::diagnostic::Diagnostic;
use crate::rules::Context;

pub fn check(_ctx: &Context, _out: &mut Vec<Diagnostic>) {}
