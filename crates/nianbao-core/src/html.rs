//! HTML input (L9 web pages, L11 Word/WPS clipboard HTML), read as a browser reads it: tags,
//! comments and entities as the HTML tokenizer sees them, and every table laid out on its grid
//! by the HTML table model (rowspan and colspan occupy their slots; every `<td>`/`<th>` is a
//! cell, `&nbsp;` and `<o:p></o:p>` ones too). The result is plain text for the view: blocks
//! become lines, a table row becomes one line of tab-separated cells — a cell's own `<p>`,
//! `<br>` and `<span>` runs joined inside it, a slot covered by a cell from the row above shown
//! as an empty cell (as Word's text copy does), so columns never shift. Nothing is rendered.
//!
//! Knows nothing of the view: `flatten` returns characters with their original byte ranges.
//! Departures from a browser, on purpose: `<td>`/`<tr>` outside any `<table>` still make a
//! table (a pasted fragment), and rowspans are clipped to the rows of their row group (as
//! browsers lay them out), so no row exists without a `<tr>`.

use crate::span::Span;

/// A character of the flattened text and the original bytes `[start, end)` it comes from
/// (an empty range for a separator the layout implies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub c: char,
    pub start: u32,
    pub end: u32,
}

/// A table as its grid: each row's cells in source order, where they sit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    pub rows: Vec<Vec<GridCell>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// The cell's first column (its row is its index in `Grid::rows`).
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    /// The text, entities decoded, whitespace runs as one space, trimmed.
    pub text: String,
    /// Where that text is; an empty span where the cell's content ends if it has none.
    pub span: Span,
}

/// Whether the text is markup to flatten (a whole page or table), not text with stray tags.
pub fn looks_like_html(text: &str) -> bool {
    // Any of these tags (any case) in the first 16 KB, or a <table anywhere in a long page.
    const MARKS: &[&[u8]] = &[b"<!doctype html", b"<html", b"<table", b"<td", b"<body"];
    let bytes = text.as_bytes();
    let starts_with_any = |at: usize, marks: &[&[u8]]| {
        marks.iter().any(|m| {
            bytes
                .get(at..at + m.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(m))
        })
    };
    let head = bytes.len().min(16 * 1024);
    // `match_indices` with a char pattern runs on memchr.
    text.match_indices('<')
        .any(|(i, _)| starts_with_any(i, if i < head { MARKS } else { &[b"<table"] }))
}

/// The markup as text: lines, tab-separated table rows.
pub fn flatten(text: &str) -> Vec<Piece> {
    Parser::<false>::run(text).0.pieces
}

/// Every table of the markup as its grid, in document order (an outer table before the ones
/// inside it), as the DOM has them.
pub fn tables(text: &str) -> Vec<Grid> {
    Parser::<true>::run(text).1
}

/// A stream of text being written: whitespace runs collapse to one space, blocks to one line
/// break. A table's cells share one (`Table::cells`): each cell's text is the run written
/// while it was open, from `base` on.
#[derive(Default)]
struct Flow {
    pieces: Vec<Piece>,
    space: Option<(u32, u32)>,
    /// Where the text being written now began (a cell's first piece).
    base: usize,
}

impl Flow {
    fn last(&self) -> Option<char> {
        self.pieces.get(self.base..)?.last().map(|p| p.c)
    }
    /// Starts a new run (a cell) at the end: what was written before is not its text.
    fn start_run(&mut self) -> usize {
        self.space = None;
        self.base = self.pieces.len();
        self.base
    }
    fn raw(&mut self, c: char, start: u32, end: u32) {
        self.pieces.push(Piece { c, start, end });
    }
    fn text(&mut self, c: char, start: u32, end: u32) {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            self.space.get_or_insert((start, end));
            return;
        }
        if let Some((s, e)) = self.space.take() {
            if !matches!(self.last(), None | Some('\n' | '\t' | ' ')) {
                self.raw(' ', s, e);
            }
        }
        self.raw(c, start, end);
    }
    fn newline(&mut self, at: u32) {
        self.space = None;
        if !matches!(self.last(), None | Some('\n')) {
            self.raw('\n', at, at);
        }
    }
    fn append(&mut self, other: &[Piece]) {
        self.space = None;
        self.pieces.extend_from_slice(other);
    }
}

struct Cell {
    /// Where its `<td` starts and where its content ends (the tag that closed it).
    start: u32,
    end: u32,
    colspan: usize,
    /// 0: to the end of its row group.
    rowspan: usize,
    /// Its text: these pieces of the table's `cells`.
    text: std::ops::Range<usize>,
}

struct Row {
    start: u32,
    cells: Vec<Cell>,
}

struct Table {
    /// Its place in document order.
    seq: usize,
    start: u32,
    rows: Vec<Row>,
    /// The first row of each row group (thead, tbody, tfoot, or an implied one).
    groups: Vec<usize>,
    group_open: bool,
    row_open: bool,
    cell_open: bool,
    /// Text in the table but in no cell (and captions): shown before it, as a browser does.
    foster: Flow,
    /// The text of all its cells, one after another (text goes only to the last cell opened).
    cells: Flow,
    /// Holds another table: a layout table, its cells read as blocks, not as a grid.
    layout: bool,
}

impl Table {
    fn new(seq: usize, start: u32) -> Table {
        Table {
            seq,
            start,
            rows: Vec::new(),
            groups: Vec::new(),
            group_open: false,
            row_open: false,
            cell_open: false,
            foster: Flow::default(),
            cells: Flow::default(),
            layout: false,
        }
    }
    fn close_cell(&mut self, at: u32) {
        if self.cell_open {
            if let Some(c) = self.rows.last_mut().and_then(|r| r.cells.last_mut()) {
                c.end = at;
                c.text.end = self.cells.pieces.len();
            }
            self.cell_open = false;
        }
    }
    fn close_row(&mut self, at: u32) {
        self.close_cell(at);
        self.row_open = false;
    }
    fn close_group(&mut self, at: u32) {
        self.close_row(at);
        self.group_open = false;
    }
    fn open_row(&mut self, at: u32) {
        self.close_row(at);
        if !self.group_open {
            self.groups.push(self.rows.len());
            self.group_open = true;
        }
        self.rows.push(Row {
            start: at,
            cells: Vec::new(),
        });
        self.row_open = true;
    }
    fn open_cell(&mut self, at: u32, colspan: usize, rowspan: usize) {
        self.close_cell(at);
        if !self.row_open {
            self.open_row(at);
        }
        if let Some(r) = self.rows.last_mut() {
            let from = self.cells.start_run();
            r.cells.push(Cell {
                start: at,
                end: at,
                colspan,
                rowspan,
                text: from..from,
            });
            self.cell_open = true;
        }
    }
    /// Where text goes now: the open cell (always the last row's last: `cell_open` is set only
    /// as a cell is pushed there), else before the table.
    fn flow(&mut self) -> &mut Flow {
        if self.cell_open {
            &mut self.cells
        } else {
            &mut self.foster
        }
    }
    /// A cell's text as written.
    fn text_of(&self, c: &Cell) -> &[Piece] {
        self.cells.pieces.get(c.text.clone()).unwrap_or(&[])
    }
}

/// A slot of a grid row as the text shows it: a cell (its index in the row) or a run of
/// slots covered by one cell from a row above.
#[derive(Clone, Copy)]
enum Slot {
    Cell(usize),
    Covered,
}

#[derive(Clone, Copy)]
/// A cell from a row above still covering columns `[col, end)` of the rows before `until`.
struct Spanning {
    col: usize,
    end: usize,
    until: usize,
}

/// The HTML table model's placement, row by row: each row's slots, and each cell's column and
/// (clipped) rowspan. `budget` bounds the work spent on rowspans, so that the text stays linear
/// in the input even for a table made to be quadratic.
/// Each cell's (column, rowspan), row by row.
type Placed = Vec<Vec<(usize, usize)>>;

fn place(t: &Table, budget: &mut usize) -> (Vec<Vec<Slot>>, Placed) {
    let mut lines = Vec::with_capacity(t.rows.len());
    let mut placed = Vec::with_capacity(t.rows.len());
    let mut above: Vec<Spanning> = Vec::new();
    let mut group = 0usize;
    for (y, row) in t.rows.iter().enumerate() {
        if t.groups.get(group + 1).is_some_and(|&g| g <= y) {
            group += 1;
        }
        if t.groups.get(group) == Some(&y) {
            above.clear();
        }
        let group_end = t.groups.get(group + 1).copied().unwrap_or(t.rows.len());
        *budget = budget.saturating_sub(above.len() + 1);
        if *budget == 0 {
            above.clear();
        }
        let mut line = Vec::with_capacity(row.cells.len());
        let mut cells = Vec::with_capacity(row.cells.len());
        let mut new = Vec::new();
        let (mut x, mut k) = (0usize, 0usize);
        // Slots covered from above at `x` are passed, one empty cell per covering cell.
        let pass = |x: &mut usize, k: &mut usize, line: &mut Vec<Slot>| loop {
            while above.get(*k).is_some_and(|s| s.end <= *x) {
                *k += 1;
            }
            match above.get(*k) {
                Some(s) if s.col <= *x => {
                    line.push(Slot::Covered);
                    *x = s.end;
                    *k += 1;
                }
                _ => break,
            }
        };
        for (i, cell) in row.cells.iter().enumerate() {
            pass(&mut x, &mut k, &mut line);
            let left = group_end.saturating_sub(y).max(1);
            let rowspan = match cell.rowspan {
                0 => left,
                n => n.min(left),
            };
            line.push(Slot::Cell(i));
            cells.push((x, rowspan));
            if rowspan > 1 && *budget > 0 {
                new.push(Spanning {
                    col: x,
                    end: x + cell.colspan,
                    until: y + rowspan,
                });
            }
            x += cell.colspan;
        }
        // Covered slots after the row's last cell.
        for s in above.get(k..).unwrap_or(&[]) {
            if s.end > x {
                line.push(Slot::Covered);
                x = s.end;
            }
        }
        // Both in column order: merged, not sorted (a sort would weigh on the wasm).
        // Both in column order: merged, not sorted (a sort would weigh on the wasm); cells that
        // end with this row are dropped on the way.
        let old = std::mem::take(&mut above);
        let mut o = 0;
        for n in new.into_iter().chain(std::iter::once(Spanning {
            col: usize::MAX,
            end: 0,
            until: 0,
        })) {
            while let Some(s) = old.get(o).filter(|s| s.col <= n.col) {
                if s.until > y + 1 {
                    above.push(*s);
                }
                o += 1;
            }
            if n.until > y + 1 {
                above.push(n);
            }
        }
        lines.push(line);
        placed.push(cells);
    }
    (lines, placed)
}

/// A cell's text, to `emit`: whitespace (of any kind, line breaks of its blocks too) as single
/// spaces, trimmed.
fn cell_text(pieces: &[Piece], mut emit: impl FnMut(Piece)) {
    let mut space: Option<Piece> = None;
    let mut started = false;
    for &p in pieces {
        if p.c.is_whitespace() {
            if started && space.is_none() {
                space = Some(Piece { c: ' ', ..p });
            }
            continue;
        }
        if let Some(sp) = space.take() {
            emit(sp);
        }
        started = true;
        emit(p);
    }
}

/// The grid of a table laid out by `place`.
fn grid_of(t: &Table, placed: &[Vec<(usize, usize)>]) -> Grid {
    let rows = t
        .rows
        .iter()
        .zip(placed)
        .map(|(row, cells)| {
            row.cells
                .iter()
                .zip(cells)
                .map(|(c, &(col, rowspan))| {
                    let mut pieces = Vec::new();
                    cell_text(t.text_of(c), |p| pieces.push(p));
                    let span = match (pieces.first(), pieces.last()) {
                        (Some(a), Some(z)) => Span::new(a.start as usize, z.end as usize),
                        _ => Span::empty_at(c.end as usize),
                    };
                    GridCell {
                        col,
                        rowspan,
                        colspan: c.colspan,
                        text: pieces.iter().map(|p| p.c).collect(),
                        span,
                    }
                })
                .collect()
        })
        .collect();
    Grid { rows }
}

/// Writes a finished table into `out`: a grid as lines of tab-separated cells, a layout table
/// as blocks.
fn render(t: Table, lines: &[Vec<Slot>], out: &mut Flow) {
    out.newline(t.start);
    if !t.foster.pieces.is_empty() {
        out.append(&t.foster.pieces);
        out.newline(t.start);
    }
    if t.layout {
        for row in &t.rows {
            for c in &row.cells {
                out.newline(c.start);
                out.append(t.text_of(c));
                out.newline(c.end);
            }
        }
        return;
    }
    for (row, line) in t.rows.iter().zip(lines) {
        if row.cells.is_empty() {
            continue;
        }
        // Separators sit where the cell before them ends: an empty cell's position is there.
        let mut at = row.start;
        for (k, slot) in line.iter().enumerate() {
            if k > 0 {
                out.raw('\t', at, at);
            }
            if let Slot::Cell(i) = slot {
                if let Some(c) = row.cells.get(*i) {
                    cell_text(t.text_of(c), |p| out.pieces.push(p));
                    at = c.end;
                }
            }
        }
        out.raw('\n', at, at);
    }
}

/// What a tag does here.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Table,
    Caption,
    Group,
    Tr,
    Cell,
    /// Starts a new line (a new word inside a cell).
    Block,
    /// Its content is not text of the page (script, style, Word's `<xml>`).
    Skip,
    Other,
}

fn tag_kind(name: &str) -> Tag {
    // Word lists rather than a `match` of byte strings: smaller in the wasm, and a length test
    // rules out almost every word before a byte is compared (this runs for every tag).
    // Table tags first: they are most of the tags of a report's tables.
    const KINDS: [(Tag, &[&str]); 7] = [
        (Tag::Cell, &["td", "th"]),
        (Tag::Tr, &["tr"]),
        (Tag::Table, &["table"]),
        (Tag::Caption, &["caption"]),
        (Tag::Group, &["thead", "tbody", "tfoot"]),
        (
            Tag::Block,
            &[
                "p",
                "div",
                "br",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "li",
                "ul",
                "ol",
                "section",
                "article",
                "title",
                "blockquote",
                "pre",
                "hr",
                "dl",
                "dt",
                "dd",
                "center",
                "head",
                "body",
                "header",
                "footer",
                "main",
                "nav",
                "aside",
                "figure",
                "address",
            ],
        ),
        (
            Tag::Skip,
            &[
                "script", "style", "xml", "noscript", "template", "iframe", "noembed", "noframes",
                "xmp", "textarea",
            ],
        ),
    ];
    let first = name.as_bytes().first().map(u8::to_ascii_lowercase);
    KINDS
        .iter()
        .find(|(_, names)| {
            names.iter().any(|n| {
                n.len() == name.len()
                    && n.as_bytes().first().copied() == first
                    && n.eq_ignore_ascii_case(name)
            })
        })
        .map_or(Tag::Other, |k| k.0)
}

/// A tag as the tokenizer reads it.
struct TagToken<'a> {
    closing: bool,
    name: &'a str,
    /// Just past its `>`.
    end: usize,
    colspan: Option<&'a str>,
    rowspan: Option<&'a str>,
}

/// Reads the tag at `i` (`<` then a letter, or `</` then a letter). None: the text ends inside
/// it, and a browser drops it.
fn scan_tag(text: &str, i: usize) -> Option<TagToken<'_>> {
    let bytes = text.as_bytes();
    let closing = bytes.get(i + 1) == Some(&b'/');
    let name_start = i + 1 + usize::from(closing);
    let stop = |b: &u8| b.is_ascii_whitespace() || *b == b'/' || *b == b'>';
    let name_end = bytes
        .get(name_start..)?
        .iter()
        .position(stop)
        .map_or(bytes.len(), |p| name_start + p);
    let mut tag = TagToken {
        closing,
        name: text.get(name_start..name_end)?,
        end: 0,
        colspan: None,
        rowspan: None,
    };
    let mut j = name_end;
    loop {
        while bytes
            .get(j)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            j += 1;
        }
        match bytes.get(j)? {
            b'>' => {
                tag.end = j + 1;
                return Some(tag);
            }
            _ => {
                let a = j;
                j += 1;
                while bytes.get(j).is_some_and(|b| !(stop(b) || *b == b'=')) {
                    j += 1;
                }
                let name = bytes.get(a..j).unwrap_or(&[]);
                while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                let mut value = "";
                if bytes.get(j) == Some(&b'=') {
                    j += 1;
                    while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                        j += 1;
                    }
                    let v = match bytes.get(j)? {
                        &q @ (b'"' | b'\'') => {
                            let close = bytes.get(j + 1..)?.iter().position(|&b| b == q)?;
                            let v = (j + 1, j + 1 + close);
                            j += close + 2;
                            v
                        }
                        _ => {
                            let a = j;
                            while bytes
                                .get(j)
                                .is_some_and(|b| !(b.is_ascii_whitespace() || *b == b'>'))
                            {
                                j += 1;
                            }
                            (a, j)
                        }
                    };
                    value = text.get(v.0..v.1).unwrap_or("");
                }
                // The first of repeated attributes counts.
                if name.eq_ignore_ascii_case(b"colspan") {
                    tag.colspan = tag.colspan.or(Some(value));
                } else if name.eq_ignore_ascii_case(b"rowspan") {
                    tag.rowspan = tag.rowspan.or(Some(value));
                }
            }
        }
    }
}

/// The HTML rules for parsing a non-negative integer (`"3px"` is 3, `"x"` is none).
fn non_negative(v: &str) -> Option<usize> {
    let b = v.as_bytes().trim_ascii_start();
    let (negative, b) = match b.split_first() {
        Some((b'-', r)) => (true, r),
        Some((b'+', r)) => (false, r),
        _ => (false, b),
    };
    let (mut n, mut digits) = (0usize, 0);
    for d in b.iter().take_while(|d| d.is_ascii_digit()) {
        n = n.saturating_mul(10).saturating_add(usize::from(d - b'0'));
        digits += 1;
    }
    (digits > 0 && (!negative || n == 0)).then_some(n)
}

/// `GRIDS`: also keep each table's grid (`tables`); the view's `flatten` does not, so none of
/// that code is in its build.
struct Parser<'a, const GRIDS: bool> {
    text: &'a str,
    doc: Flow,
    open: Vec<Table>,
    tables: usize,
    budget: usize,
    /// In document order: a table's place is taken when it opens.
    grids: Vec<Grid>,
}

/// Tables nested deeper than this are read as part of the one around them.
const MAX_DEPTH: usize = 32;

impl<'a, const GRIDS: bool> Parser<'a, GRIDS> {
    fn run(text: &'a str) -> (Flow, Vec<Grid>) {
        let mut p = Parser::<GRIDS> {
            text,
            doc: Flow {
                pieces: Vec::with_capacity(text.len() / 2),
                space: None,
                base: 0,
            },
            open: Vec::new(),
            tables: 0,
            budget: text.len().max(1 << 16),
            grids: Vec::new(),
        };
        p.walk();
        let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        while !p.open.is_empty() {
            p.close_table(end);
        }
        (p.doc, p.grids)
    }

    fn flow(&mut self) -> &mut Flow {
        match self.open.last_mut() {
            Some(t) => t.flow(),
            None => &mut self.doc,
        }
    }

    fn close_table(&mut self, at: u32) {
        let Some(mut t) = self.open.pop() else { return };
        t.close_group(at);
        let parent = self.open.last_mut();
        let inside_cell = parent.as_ref().is_some_and(|p| p.cell_open);
        let out = match parent {
            Some(p) => {
                p.layout |= inside_cell;
                p.flow()
            }
            None => &mut self.doc,
        };
        let (lines, placed) = place(&t, &mut self.budget);
        if GRIDS {
            if let Some(g) = self.grids.get_mut(t.seq) {
                *g = grid_of(&t, &placed);
            }
        }
        render(t, &lines, out);
    }

    /// Applies `f` to the table that `<td>`/`<tr>` go to: the innermost open one, or a new one
    /// (a pasted fragment without `<table>`).
    fn with_table(&mut self, at: u32, f: impl FnOnce(&mut Table)) {
        if self.open.is_empty() {
            self.open_table(at);
        }
        if let Some(t) = self.open.last_mut() {
            f(t);
        }
    }

    fn open_table(&mut self, at: u32) {
        self.open.push(Table::new(self.tables, at));
        self.tables += 1;
        if GRIDS {
            self.grids.push(Grid::default());
        }
    }

    fn tag(&mut self, tag: &TagToken, at: u32) {
        let kind = tag_kind(tag.name);
        let in_table = !self.open.is_empty();
        match (kind, tag.closing) {
            (Tag::Table, false) => {
                // `<table>` in a table but in no cell closes that table first.
                if self.open.last().is_some_and(|t| !t.cell_open) {
                    self.close_table(at);
                }
                if self.open.len() < MAX_DEPTH {
                    self.flow().newline(at);
                    self.open_table(at);
                }
            }
            (Tag::Table, true) if in_table => self.close_table(at),
            (Tag::Caption, false) | (Tag::Group, _) if in_table => {
                self.with_table(at, |t| t.close_group(at))
            }
            (Tag::Tr, false) => self.with_table(at, |t| t.open_row(at)),
            (Tag::Tr, true) if in_table => self.with_table(at, |t| t.close_row(at)),
            (Tag::Cell, false) => {
                let colspan = tag
                    .colspan
                    .and_then(non_negative)
                    .map_or(1, |n| n.clamp(1, 1000));
                let rowspan = tag
                    .rowspan
                    .and_then(non_negative)
                    .map_or(1, |n| n.min(65534));
                self.with_table(at, |t| t.open_cell(at, colspan, rowspan));
            }
            (Tag::Cell, true) if in_table => self.with_table(at, |t| t.close_cell(at)),
            (Tag::Block, _) => self.flow().newline(at),
            _ => {}
        }
    }

    fn walk(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let pos = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut i = 0usize;
        while let Some(&b) = bytes.get(i) {
            if b == b'<' {
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                let after = bytes.get(i + 2).copied().unwrap_or(b' ');
                let rest = text.get(i..).unwrap_or("");
                if rest.starts_with("<!--") {
                    // `<!-->` and `<!--->` end at once.
                    let body = rest.get(4..).unwrap_or("");
                    let end = if body.starts_with('>') {
                        5
                    } else if body.starts_with("->") {
                        6
                    } else {
                        body.find("-->").map_or(rest.len(), |e| e + 7)
                    };
                    i += end;
                    continue;
                }
                let tag_start =
                    next.is_ascii_alphabetic() || (next == b'/' && after.is_ascii_alphabetic());
                if tag_start {
                    let Some(tag) = scan_tag(text, i) else { break };
                    let end = tag.end;
                    self.tag(&tag, pos(i));
                    i = end;
                    if !tag.closing && tag_kind(tag.name) == Tag::Skip {
                        i += closing_tag(text.get(i..).unwrap_or(""), tag.name);
                    }
                    continue;
                }
                if matches!(next, b'!' | b'?' | b'/') {
                    // A bogus comment (`<!DOCTYPE …>`, `<![if …]>`, `<?xml …?>`, `</ >`).
                    i += rest.find('>').map_or(rest.len(), |e| e + 1);
                    continue;
                }
                self.flow().text('<', pos(i), pos(i + 1));
                i += 1;
                continue;
            }
            if b == b'&' {
                if let Some((c, len)) = entity(text.get(i..).unwrap_or("")) {
                    self.flow().text(c, pos(i), pos(i + len));
                    i += len;
                    continue;
                }
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            let n = c.len_utf8();
            self.flow().text(c, pos(i), pos(i + n));
            i += n;
        }
    }
}

/// Bytes up to `</name` (any case) ending the raw text in `rest`, or all of it.
fn closing_tag(rest: &str, name: &str) -> usize {
    for (at, _) in rest.match_indices("</") {
        let after = rest.as_bytes().get(at + 2..).unwrap_or(&[]);
        let named = after
            .get(..name.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()));
        let ends = after
            .get(name.len())
            .is_none_or(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>');
        if named && ends {
            return at;
        }
    }
    rest.len()
}

/// Decodes an entity at the start of `s`: (char, length in bytes). Numeric references out of
/// range read as U+FFFD, as in a browser.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.get(..12.min(s.len()))?.find(';')?;
    let body = s.get(1..end)?;
    const NAMED: [(&str, char); 17] = [
        ("nbsp", '\u{a0}'),
        ("ensp", ' '),
        ("emsp", ' '),
        ("thinsp", ' '),
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("mdash", '—'),
        ("ndash", '–'),
        ("hellip", '…'),
        ("middot", '·'),
    ];
    let c = match NAMED.iter().find(|(n, _)| *n == body) {
        Some(&(_, c)) => c,
        _ => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{fffd}')
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::View;

    #[test]
    fn tag_names_are_read_in_any_case() {
        assert!(tag_kind("TD") == Tag::Cell && tag_kind("Th") == Tag::Cell);
        assert!(tag_kind("TABLE") == Tag::Table && tag_kind("tBody") == Tag::Group);
        assert!(tag_kind("P") == Tag::Block && tag_kind("Script") == Tag::Skip);
        assert!(tag_kind("span") == Tag::Other && tag_kind("") == Tag::Other);
        assert!(tag_kind("tdx") == Tag::Other && tag_kind("t") == Tag::Other);
    }

    /// Each table's rows as `text@col` (with `/rowspan×colspan` when spanning).
    fn grids(html: &str) -> Vec<Vec<String>> {
        tables(html)
            .iter()
            .map(|g| {
                g.rows
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|c| {
                                let spans = if c.rowspan > 1 || c.colspan > 1 {
                                    format!("/{}x{}", c.rowspan, c.colspan)
                                } else {
                                    String::new()
                                };
                                format!("{}@{}{spans}", c.text, c.col)
                            })
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tables_become_tab_separated_lines_and_runs_join() {
        let html =
            "<table><tr><td>行政许可</td><td colspan=3><span>20</span><span>23</span></td></tr>\
                    <tr><td>规章</td><td>&nbsp;</td></tr></table><p>六、其他&amp;事项</p>";
        let v = View::new(html);
        assert_eq!(v.text, "行政许可\t2023\n规章\t\n六、其他&事项\n");
        let at = v.text.find("2023").unwrap_or(0);
        let s = v.span(at, at + 4);
        assert_eq!(&html[s.start..s.end], "20</span><span>23");
    }

    #[test]
    fn scripts_styles_and_comments_are_skipped() {
        let v = View::new("<!DOCTYPE html><html><head><title>T</title><style>td{}</style></head><body><!-- <td>x</td> --><![if !supportLists]>1.<![endif]><script>var a='</td>';</script><td>1</td></body></html>");
        assert!(!v.text.contains("td{}"));
        assert!(!v.text.contains("var") && !v.text.contains("DOCTYPE") && !v.text.contains('x'));
        assert!(v.text.contains('T') && v.text.contains("1.") && v.text.contains('1'));
    }

    #[test]
    fn rowspan_and_colspan_take_their_slots() {
        let html = "<table>\
            <tr><td rowspan=2 colspan=2>A</td><td>B</td><td rowspan=3>C</td></tr>\
            <tr><td>D</td></tr>\
            <tr><td>E</td><td colspan=2>F</td></tr>\
            <tr><td colspan=0>G</td><td rowspan=9>H</td></tr></table>";
        assert_eq!(
            grids(html),
            [vec!["A@0/2x2 B@2 C@3/3x1", "D@2", "E@0 F@1/1x2", "G@0 H@1"]]
        );
        // A covered run is one empty cell, as in Word's text copy.
        let v = View::new(html);
        assert_eq!(v.text, "A\tB\tC\n\tD\t\nE\tF\t\nG\tH\n");
    }

    #[test]
    fn rowspan_zero_and_row_groups() {
        let html = "<table><thead><tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr></thead>\
                    <tr><td>d</td><td>e</td></tr><tbody><tr><td rowspan=5>f</td></tr><tr><td>g</td></tr></table>";
        assert_eq!(
            grids(html),
            [vec!["a@0/2x1 b@1", "c@1", "d@0 e@1", "f@0/2x1", "g@1"]]
        );
    }

    #[test]
    fn every_cell_is_a_cell_even_empty() {
        let html = "<table><tr><td>821</td><td>35</td><td>&nbsp;</td><td><p>&nbsp;</p></td>\
                    <td><p class=MsoNormal><span lang=EN-US><o:p></o:p></span></p></td><td></td>\
                    <td><p>2</p></td><td>1</td><td>859</td></tr></table>";
        let v = View::new(html);
        assert_eq!(v.text, "821\t35\t\t\t\t\t2\t1\t859\n");
        assert_eq!(grids(html)[0][0].split(' ').count(), 9);
        // An empty cell's position is inside it, never inside a tag.
        let g = tables(html);
        let empty = &g[0].rows[0][4];
        assert!(empty.span.is_empty());
        assert!(html[..empty.span.start].ends_with("</o:p></span></p>"));
    }

    #[test]
    fn word_clipboard_markup_reads_as_rows() {
        let html = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><style><!-- p.MsoNormal {mso-style-unhide:no;} --></style></head>\
            <body lang=ZH-CN><!--StartFragment--><table class=MsoNormalTable border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'>\
            <tr style='mso-yfti-irow:0'><td width=71 rowspan=2 style='width:53.25pt;border:solid windowtext 1.0pt'>\
            <p class=MsoNormal align=center style='text-align:center'><span style='font-family:仿宋_GB2312'>行政</span><span lang=EN-US>许可<o:p></o:p></span></p></td>\
            <td><p class=MsoNormal><span lang=EN-US>1</span><span>2<o:p></o:p></span></p></td>\
            <td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td></tr>\
            <tr><td><p class=MsoNormal>本年<br>制发</p><p>件数</p></td><td x='>'>3</td></tr></table><!--EndFragment--></body></html>";
        assert_eq!(
            grids(html),
            [vec!["行政许可@0/2x1 12@1 @2", "本年 制发 件数@1 3@2"]]
        );
        let v = View::new(html);
        assert!(
            v.text.contains("行政许可\t12\t\n\t本年 制发 件数\t3\n"),
            "{:?}",
            v.text
        );
    }

    #[test]
    fn browser_parsing_rules() {
        // Implied ends: a new cell or row closes the open one; text in no cell goes first.
        let html = "<table>junk<tr><td>a<td>b<tr><th>c</table>";
        assert_eq!(grids(html), [vec!["a@0 b@1", "c@0"]]);
        assert_eq!(View::new(html).text, "junk\na\tb\nc\n");
        // Nested tables: the outer is a layout table, read as blocks.
        let html = "<table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>3</td></tr></table><p>二</p></td></tr></table>";
        assert_eq!(
            grids(html),
            [vec!["一、总体情况 规章 3 二@0"], vec!["规章@0 3@1"]]
        );
        assert_eq!(View::new(html).text, "一、总体情况\n规章\t3\n二\n");
        // Attribute values parsed as HTML integers; quotes may hold `>`.
        let html = "<table><tr><td colspan=\" 2px\" title='a>b'>x</td><td colspan=0 rowspan=-1>y</td><td COLSPAN=5000>z</td></tr></table>";
        assert_eq!(grids(html), [vec!["x@0/1x2 y@2 z@3/1x1000"]]);
        // Entities: named, numeric, out of range; a lone `<` and `&` are text.
        let html = "<table><tr><td>&lt;1&gt; &#x4E00;&#19968; &#0; a < b &c</td></tr></table>";
        assert_eq!(grids(html), [vec!["<1> 一一 \u{fffd} a < b &c@0"]]);
    }

    #[test]
    fn fragments_and_junk_do_not_panic() {
        for t in [
            "<td>1</td><td>2",
            "<table><tr><td rowspan=65534 colspan=1000>",
            "<table",
            "<td colspan='1",
            "</td></tr></table><tr>",
            "<!--",
            "<table><caption>表</caption><tr><td>1</td></tr></table>",
        ] {
            let _ = View::new(t);
            let _ = tables(t);
        }
        assert_eq!(View::new("<td>1</td><td>2").text, "1\t2\n");
        assert_eq!(
            grids("<table><caption>表一</caption><tr><td>1</td></tr></table>"),
            [vec!["1@0"]]
        );
    }

    #[test]
    fn quadratic_tables_stay_linear() {
        // Many cells spanning many rows: the work on rowspans is bounded by the text's size.
        let mut html = String::from("<table><tr>");
        html.push_str(&"<td rowspan=60000>x</td>".repeat(3000));
        html.push_str(&"<tr><td>y</td>".repeat(3000));
        let v = View::new(&html);
        assert!(v.text.len() < 4 * html.len());
    }
}
