//! The narrative reader: what the report's text says outside its tables, read once as a stage
//! of the check beside the table reader, so that the N-, M- and L-rules only compare.
//!
//! Built from the view and the tables' spans ([`read`]):
//! - [`prose`]: the narrative as running text (wraps joined, footers and spaces dropped) with a
//!   map back to the view; clauses, sentences, paragraphs;
//! - [`counts`]: numbers with their unit (`12件`) and shares (`占33.9%`);
//! - [`claims`]: figures of the tables the text states (requests, reviews, carried-over
//!   requests, results, outcomes of reviews);
//! - [`documents`]: 规章 and 规范性文件 issued, repealed, in force;
//! - [`breakdowns`]: totals and the parts listed after them;
//! - [`figures`]: one named thing counted (a column's items), to find a figure stated twice;
//! - [`years`]: the year a paragraph reports its work under.

pub mod breakdowns;
pub mod claims;
pub mod counts;
pub mod documents;
pub mod figures;
pub mod prose;
pub mod years;

pub use breakdowns::{Breakdown, Part};
pub use claims::{Applicant, Claim, Outcome, ReviewOutcome, Reviews, Subject};
pub use counts::Count;
pub use documents::{DocKind, DocMeasure, DocumentClaim};
pub use figures::Figure;
pub use prose::Prose;
pub use years::YearLead;

use crate::model::Report;
use crate::span::Span;
use crate::view::View;

/// What the narrative says, read once per check.
pub struct Narrative {
    pub prose: Prose,
    pub claims: Vec<Claim>,
    pub documents: Vec<DocumentClaim>,
    pub breakdowns: Vec<Breakdown>,
    pub figures: Vec<Figure>,
    pub year_leads: Vec<YearLead>,
}

/// Reads the narrative of a report whose tables have been read: everything outside the
/// tables' spans.
pub fn read(view: &View, report: &Report) -> Narrative {
    let t = &report.tables;
    let tables: Vec<Span> = [&t.active, &t.requests, &t.reviews]
        .into_iter()
        .flatten()
        .map(|t| t.span)
        .filter(|s| !s.is_empty())
        .collect();
    let prose = prose::of_view(view, &tables);
    let year = report.year.as_ref().map(|y| y.value);
    let sentences = prose::sketched_sentences(&prose);
    let claims = claims::claims(&prose, &sentences, year);
    let documents = documents::documents(&sentences, year);
    let figures = figures::figures(&prose, &sentences, year);
    let breakdowns = breakdowns::breakdowns(&prose, &sentences);
    drop(sentences);
    Narrative {
        claims,
        documents,
        breakdowns,
        figures,
        year_leads: years::year_leads(&prose),
        prose,
    }
}
