//! Where a text's lines break, found once: readers that walk lines (sections, prose, table
//! cells) split by it instead of searching for each `\n` again. A search per line costs more
//! than the line's own reading in a PDF text of short lines, mostly in mispredicted branches.

/// The byte offsets of a text's `\n`s, in order.
#[derive(Debug, Clone, Default)]
pub struct LineBreaks(Vec<u32>);

impl LineBreaks {
    pub fn of(text: &str) -> LineBreaks {
        LineBreaks(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i as u32)
                .collect(),
        )
    }

    /// The lines of `text[a..b]` as `text[a..b].split('\n')` gives them, each with its start
    /// offset in `text`. `text` is the text these breaks were found in.
    pub fn split<'t>(
        &'t self,
        text: &'t str,
        a: usize,
        b: usize,
    ) -> impl Iterator<Item = (usize, &'t str)> + 't {
        let b = b.min(text.len());
        let a = a.min(b);
        let first = self.0.partition_point(|&n| (n as usize) < a);
        let mut breaks = self
            .0
            .get(first..)
            .unwrap_or(&[])
            .iter()
            .map(|&n| n as usize)
            .take_while(move |&n| n < b);
        let mut start = Some(a);
        std::iter::from_fn(move || {
            let s = start?;
            match breaks.next() {
                Some(n) => {
                    start = Some(n + 1);
                    Some((s, text.get(s..n).unwrap_or("")))
                }
                None => {
                    start = None;
                    Some((s, text.get(s..b).unwrap_or("")))
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn split_is_str_split(
            text in "[a\n本 ]{0,40}",
            a in 0usize..50,
            b in 0usize..50,
        ) {
            let breaks = LineBreaks::of(&text);
            let b = b.min(text.len());
            let a = a.min(b);
            // Only ranges on char boundaries are asked for.
            proptest::prop_assume!(text.is_char_boundary(a) && text.is_char_boundary(b));
            let ours: Vec<(usize, &str)> = breaks.split(&text, a, b).collect();
            let mut at = a;
            let std: Vec<(usize, &str)> = text[a..b]
                .split('\n')
                .map(|l| {
                    let s = at;
                    at += l.len() + 1;
                    (s, l)
                })
                .collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
