//! The one place where byte offsets become lines, columns, character offsets and UTF-16
//! offsets. The CLI reports characters; JavaScript needs UTF-16 code units so that
//! `text.slice(start, end)` is the flagged text even after characters outside the BMP.

/// Precomputed line starts and a sparse table of (byte, char, utf16) checkpoints.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line (after `\n`; a lone `\r` does not end a line).
    line_starts: Vec<usize>,
    /// Every `STRIDE` bytes (rounded to a char boundary): (byte, chars before, utf16 units before).
    checkpoints: Vec<(usize, usize, usize)>,
}

const STRIDE: usize = 256;

/// A position as people and programs count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in Unicode characters.
    pub column: usize,
    /// Offset in Unicode characters from the start of the text.
    pub char_offset: usize,
    /// Offset in UTF-16 code units from the start of the text.
    pub utf16_offset: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        let mut checkpoints = vec![(0, 0, 0)];
        let (mut chars, mut units) = (0usize, 0usize);
        let mut next_checkpoint = STRIDE;
        for (i, c) in text.char_indices() {
            if i >= next_checkpoint {
                checkpoints.push((i, chars, units));
                next_checkpoint = i + STRIDE;
            }
            chars += 1;
            units += c.len_utf16();
            if c == '\n' {
                line_starts.push(i + 1);
            }
        }
        LineIndex {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// Clamps `byte` into the text and back to a char boundary.
    fn clamp(&self, byte: usize) -> usize {
        let mut b = byte.min(self.text.len());
        while b > 0 && !self.text.is_char_boundary(b) {
            b -= 1;
        }
        b
    }

    /// Character and UTF-16 counts of the text before `byte`.
    fn counts(&self, byte: usize) -> (usize, usize) {
        let byte = self.clamp(byte);
        let k = self.checkpoints.partition_point(|&(b, _, _)| b <= byte);
        let (b0, mut chars, mut units) = self
            .checkpoints
            .get(k.saturating_sub(1))
            .copied()
            .unwrap_or((0, 0, 0));
        for c in self.text.get(b0..byte).unwrap_or("").chars() {
            chars += 1;
            units += c.len_utf16();
        }
        (chars, units)
    }

    pub fn position(&self, byte: usize) -> Position {
        let byte = self.clamp(byte);
        let line = self.line_starts.partition_point(|&s| s <= byte).max(1);
        let line_start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let (char_offset, utf16_offset) = self.counts(byte);
        let (line_chars, _) = self.counts(line_start);
        Position {
            line,
            column: char_offset - line_chars + 1,
            char_offset,
            utf16_offset,
        }
    }

    /// The text of the 1-based line `line`, without its line ending.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line)
            .map(|e| e - 1)
            .unwrap_or(self.text.len());
        self.text
            .get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_and_utf16_after_astral_characters() {
        let text = "a😀𠤪\r\n二、x";
        let idx = LineIndex::new(text);
        let at = text.find('二').unwrap_or(0);
        let p = idx.position(at);
        assert_eq!(p.line, 2);
        assert_eq!(p.column, 1);
        assert_eq!(p.char_offset, 5);
        assert_eq!(p.utf16_offset, 1 + 2 + 2 + 2);
        assert_eq!(idx.line_text(1), "a😀𠤪");
    }

    #[test]
    fn checkpoints_agree_with_a_naive_count() {
        let text: String = "年度报告😀\n".repeat(200);
        let idx = LineIndex::new(&text);
        for (b, _) in text.char_indices().step_by(37) {
            let naive_chars = text[..b].chars().count();
            let naive_units: usize = text[..b].chars().map(char::len_utf16).sum();
            let p = idx.position(b);
            assert_eq!((p.char_offset, p.utf16_offset), (naive_chars, naive_units));
            assert_eq!(p.line, text[..b].matches('\n').count() + 1);
        }
    }
}
