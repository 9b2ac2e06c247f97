//! Many inputs checked in parallel (rayon), handed on in path order, with flat memory: inputs
//! go through in windows of a few hundred, each window is worked on by every core, and its
//! results are emitted in order before the next window is read. A worker keeps what the output
//! needs (a rendered block, a summary), never the text, so memory does not grow with the batch.
//!
//! The progress bar (indicatif, on stderr) is shown only when both stdout and stderr are
//! terminals and `--quiet` is not given.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::inputs::{Item, Problem};

/// Inputs read and checked at a time: enough to keep every core busy, few enough that the
/// window's texts and results stay small.
const WINDOW: usize = 256;

/// Whether to draw a progress bar.
pub fn progress_wanted(quiet: bool) -> bool {
    !quiet && std::io::stdout().is_terminal() && std::io::stderr().is_terminal()
}

/// Runs `work` on every input in parallel and `emit` on the results in input order (with the
/// input's index). A path that could not be used reaches `emit` as its problem.
pub fn run<R, W, E>(items: &[Item], progress: bool, work: W, mut emit: E)
where
    R: Send,
    W: Fn(usize, &crate::inputs::Input) -> Result<R, Problem> + Sync,
    E: FnMut(usize, Result<R, Problem>),
{
    let bar = if progress && items.len() > 1 {
        let bar = ProgressBar::new(items.len() as u64);
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {bar:40} {pos}/{len} 份报告 reports  {elapsed_precise} 预计剩余 ETA {eta}",
        ) {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    for (w, window) in items.chunks(WINDOW).enumerate() {
        let base = w * WINDOW;
        let results: Vec<Result<R, Problem>> = window
            .par_iter()
            .enumerate()
            .map(|(i, item)| {
                let r = match item {
                    Ok(input) => work(base + i, input),
                    Err(p) => Err(p.clone()),
                };
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                r
            })
            .collect();
        let emit_all = || {
            for (i, r) in results.into_iter().enumerate() {
                emit(base + i, r);
            }
        };
        // Output to a terminal is written with the bar hidden, so they do not mix.
        match &bar {
            Some(bar) => bar.suspend(emit_all),
            None => emit_all(),
        }
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
}
