//! From tokens to rows being built. A label that names a template row starts one and owns the
//! values after it; a piece of a label broken over lines continues the row it belongs to;
//! values with no label before them are kept as a row without a name, to be placed later
//! between their labelled neighbours (placement.rs) — never given to the nearest label.

use super::cells::{Kind, Token, Value};
use super::labels;
use crate::template::RowDef;
use crate::view::ViewRange;

/// A value or a visible blank found for a row.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// None: a blank cell the layout shows.
    pub value: Option<Value>,
    pub range: ViewRange,
    pub line: usize,
    pub row_line: bool,
    /// Blank lines just before this item's line (one-cell-per-line layouts).
    pub gap_before: u32,
}

impl Item {
    pub fn is_value(&self) -> bool {
        self.value.is_some()
    }
    fn of(t: &Token) -> Option<Item> {
        let value = match &t.kind {
            Kind::Value(v) => Some(v.clone()),
            Kind::Empty => None,
            Kind::Label(_) => return None,
        };
        Some(Item {
            value,
            range: t.range,
            line: t.line,
            row_line: t.row_line,
            gap_before: t.gap_before,
        })
    }
}

/// A row being built.
#[derive(Debug, Clone)]
pub(super) struct Building {
    /// The template row; None for values with no label, or under an unknown label.
    pub def: Option<&'static RowDef>,
    pub label: Option<ViewRange>,
    /// The label as written, when it names no template row (T06 unless placed).
    pub unknown: Option<String>,
    /// The label as written, when it was taken for `def` despite a typo in the fixed text.
    pub variant: Option<String>,
    pub items: Vec<Item>,
}

impl Building {
    fn new(def: Option<&'static RowDef>, label: Option<ViewRange>) -> Building {
        Building {
            def,
            label,
            unknown: None,
            variant: None,
            items: Vec::new(),
        }
    }
    pub fn values(&self) -> usize {
        self.items.iter().filter(|i| i.is_value()).count()
    }
    pub fn has_values(&self) -> bool {
        self.items.iter().any(Item::is_value)
    }
}

/// What a label is, given the row being built.
enum Resolution {
    Row {
        def: &'static RowDef,
        variant: bool,
    },
    /// A further piece of the current row's label.
    Continue,
    /// Header words, a group row, prose: no row.
    Skip,
    Unknown,
}

struct Resolver<'a> {
    defs: &'a [&'static RowDef],
    order: &'a [&'static RowDef],
}

impl Resolver<'_> {
    fn index(&self, def: &RowDef) -> Option<usize> {
        self.order.iter().position(|d| d.key == def.key)
    }

    /// Rows of the template after the current one that no building names yet.
    fn later<'b>(
        &'b self,
        current: Option<&'b Building>,
        built: &'b [Building],
    ) -> impl Iterator<Item = &'static RowDef> + 'b {
        let from = current
            .and_then(|b| b.def)
            .and_then(|d| self.index(d))
            .map_or(0, |i| i + 1);
        // Which rows of the order are built already, as a bit set (tables have < 64 rows).
        let done = built
            .iter()
            .filter_map(|b| b.def.and_then(|d| self.index(d)))
            .fold(0u64, |m, i| m | 1u64.checked_shl(i as u32).unwrap_or(0));
        self.order
            .iter()
            .enumerate()
            .skip(from)
            .filter(move |(i, _)| done & 1u64.checked_shl(*i as u32).unwrap_or(0) == 0)
            .map(|(_, d)| *d)
    }

    fn resolve(
        &self,
        label: &str,
        current: Option<&Building>,
        built: &[Building],
        values_follow: bool,
    ) -> Resolution {
        if labels::is_narrative(label) {
            return Resolution::Skip;
        }
        let current_def = current.and_then(|b| b.def);
        let current_empty = current.is_some_and(|b| !b.has_values());
        // Only punctuation (the `）` or `”` a broken label leaves on its own line).
        if !label.chars().any(char::is_alphanumeric) {
            return if current_def.is_some() {
                Resolution::Continue
            } else {
                Resolution::Skip
            };
        }
        if let Some(def) = labels::match_row_unchecked(label, self.defs) {
            // A broken label's next line can name the same row again.
            if current_def.is_some_and(|d| d.key == def.key) && current_empty {
                return Resolution::Continue;
            }
            // （六）其他处理 is a row of 2019 and a group heading of 2021.
            if self.index(def).is_none() && !values_follow && labels::is_group(label) {
                return Resolution::Skip;
            }
            return Resolution::Row {
                def,
                variant: false,
            };
        }
        let core = labels::view_core(label);
        if let Some(d) = current_def {
            if labels::is_fragment_of(&core, d) && (current_empty || !values_follow) {
                return Resolution::Continue;
            }
        }
        if labels::is_group_core(&core) || labels::is_header(label) {
            return Resolution::Skip;
        }
        // The start of a row's label was lost (a page break): the next row whose text has it.
        if core.chars().count() >= 3 {
            if let Some(def) = self
                .later(current, built)
                .find(|d| labels::is_fragment_of(&core, d))
            {
                return Resolution::Row {
                    def,
                    variant: false,
                };
            }
        }
        // A typo in the fixed text: the nearest row not yet read, preferring later rows.
        let near = labels::near_rows(label, self.defs);
        if near.is_empty() {
            return Resolution::Unknown;
        }
        let later: Vec<&'static RowDef> = self.later(current, built).collect();
        let pick = near
            .iter()
            .find(|(d, _)| later.iter().any(|l| l.key == d.key))
            .or_else(|| {
                near.iter()
                    .find(|(d, _)| !built.iter().any(|b| b.def.is_some_and(|x| x.key == d.key)))
            });
        if let Some((def, _)) = pick {
            return Resolution::Row { def, variant: true };
        }
        Resolution::Unknown
    }
}

/// Builds the rows of one table from its tokens. `defs` are the rows labels may name,
/// `order` the table's rows in template order.
pub(super) fn build(
    tokens: &[Token],
    defs: &[&'static RowDef],
    order: &[&'static RowDef],
) -> Vec<Building> {
    let resolver = Resolver { defs, order };
    let mut built: Vec<Building> = Vec::new();
    let mut i = 0;
    while let Some(first) = tokens.get(i) {
        let line = first.line;
        let mut j = i;
        while tokens.get(j).is_some_and(|t| t.line == line) {
            j += 1;
        }
        let line_tokens = tokens.get(i..j).unwrap_or(&[]);
        i = j;
        if first.row_line {
            row_line(line_tokens, &resolver, &mut built);
        } else {
            for t in line_tokens {
                one_cell(t, &resolver, &mut built);
            }
        }
    }
    built
}

/// A line of several cells (tab, pipe, space-separated rows).
fn row_line(tokens: &[Token], resolver: &Resolver, built: &mut Vec<Building>) {
    let first_label = tokens.iter().position(|t| matches!(t.kind, Kind::Label(_)));
    let has_values = |from: usize| {
        tokens
            .iter()
            .skip(from)
            .take_while(|t| !matches!(t.kind, Kind::Label(_)))
            .any(|t| matches!(t.kind, Kind::Value(_)))
    };
    // Whether values on this line go to a new row of their own (set by a label on the line).
    let mut owner: Option<usize> = None;
    let mut skipping = false;
    for (k, t) in tokens.iter().enumerate() {
        match &t.kind {
            Kind::Label(l) => {
                let current = owner.and_then(|o| built.get(o)).or(built.last());
                match resolver.resolve(l, current, built, has_values(k + 1)) {
                    Resolution::Row { def, variant } => {
                        let mut b = Building::new(Some(def), Some(t.range));
                        if variant {
                            b.variant = Some(l.clone());
                        }
                        built.push(b);
                        owner = Some(built.len() - 1);
                        skipping = false;
                    }
                    Resolution::Continue => {
                        if let Some(b) = built.last_mut() {
                            if !b.has_values() {
                                b.label = Some(b.label.map_or(t.range, |r| r.cover(t.range)));
                            }
                        }
                        owner = Some(built.len().saturating_sub(1));
                        skipping = false;
                    }
                    Resolution::Skip => {
                        skipping = true;
                    }
                    Resolution::Unknown => {
                        // A short word among a row's cells is a cell that is not a number
                        // (`见附件`), not a row of its own.
                        let among_cells = owner
                            .and_then(|o| built.get(o))
                            .is_some_and(|b| !b.items.is_empty() && b.def.is_some())
                            && labels::core(l).chars().count() <= 6;
                        if among_cells {
                            if let Some(b) = owner.and_then(|o| built.get_mut(o)) {
                                b.items.push(Item {
                                    value: Some(Value::Text),
                                    range: t.range,
                                    line: t.line,
                                    row_line: true,
                                    gap_before: 0,
                                });
                            }
                            continue;
                        }
                        let mut b = Building::new(None, Some(t.range));
                        b.unknown = Some(l.clone());
                        built.push(b);
                        owner = Some(built.len() - 1);
                        skipping = false;
                    }
                }
            }
            _ => {
                // Leading blanks before the label stand for merged label cells (T layout).
                if first_label.is_some_and(|f| k < f) && t.kind == Kind::Empty {
                    continue;
                }
                let Some(item) = Item::of(t) else { continue };
                if skipping {
                    // Cells after header words (a header row's blanks) are not a row's.
                    if item.is_value() {
                        let mut b = Building::new(None, None);
                        b.items.push(item);
                        built.push(b);
                        owner = Some(built.len() - 1);
                        skipping = false;
                    }
                    continue;
                }
                match owner {
                    Some(o) => {
                        if let Some(b) = built.get_mut(o) {
                            b.items.push(item);
                        }
                    }
                    None => {
                        // Values on the line after their label's own line go to that label's
                        // row while it has none; otherwise they are a row without a name.
                        let take = built.last().is_some_and(|b| {
                            !b.has_values() && (b.def.is_some() || b.unknown.is_some())
                        });
                        if !take {
                            built.push(Building::new(None, None));
                        }
                        owner = Some(built.len() - 1);
                        if let Some(b) = built.last_mut() {
                            b.items.push(item);
                        }
                    }
                }
            }
        }
    }
}

/// A token of a one-cell-per-line layout.
fn one_cell(t: &Token, resolver: &Resolver, built: &mut Vec<Building>) {
    match &t.kind {
        Kind::Label(l) => match resolver.resolve(l, built.last(), built, false) {
            Resolution::Row { def, variant } => {
                let mut b = Building::new(Some(def), Some(t.range));
                if variant {
                    b.variant = Some(l.clone());
                }
                built.push(b);
            }
            Resolution::Continue => {
                if let Some(b) = built.last_mut() {
                    if !b.has_values() {
                        b.label = Some(b.label.map_or(t.range, |r| r.cover(t.range)));
                    }
                }
            }
            Resolution::Skip => {}
            Resolution::Unknown => {
                // Text between the values of a row still being filled (a repeated header, a
                // page title in PDF text) is not a row of its own.
                let filling = built.last().is_some_and(|b| {
                    b.has_values() && b.def.is_none_or(|d| b.values() != d.columns.len())
                });
                if !filling {
                    let mut b = Building::new(None, Some(t.range));
                    b.unknown = Some(l.clone());
                    built.push(b);
                }
            }
        },
        _ => {
            let Some(item) = Item::of(t) else { return };
            match built.last_mut() {
                Some(b) => b.items.push(item),
                None => {
                    let mut b = Building::new(None, None);
                    b.items.push(item);
                    built.push(b);
                }
            }
        }
    }
}
