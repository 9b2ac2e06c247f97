//! Sorting through one shared routine, for the wasm's size: every `sort_by` or `sort_unstable`
//! on another element type or comparator instantiates the standard library's whole sort again
//! (2–4 KB of wasm each, measured). Here the sort itself runs once, on indices, behind a
//! `dyn` comparator; only the small reordering is generic. Results are those of
//! `slice::sort_by` (stable).

use std::cmp::Ordering;

/// The indices `0..n` in the order of `cmp`, equal ones by index (so the order is stable).
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut indices: Vec<usize> = (0..n).collect();
    indices.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    indices
}

/// Sorts `v` by `cmp`, stably: as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let indices = {
        let items: &[T] = v;
        order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        indices
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` by `key`, stably: as `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order: as `v.sort()` (and `v.sort_unstable()`, whose equal
/// elements cannot be told apart).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unnecessary_sort_by)] // the very call being compared with
    fn same_order_as_the_standard_stable_sort() {
        // Keys with many ties, paired with their position so that stability shows.
        let mut seed = 7u64;
        for len in [0, 1, 2, 3, 10, 33, 200] {
            let v: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 33) % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            let mut std_sorted = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted);
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std_sorted.sort_by(|a, b| b.0.cmp(&a.0));
            assert_eq!(ours, std_sorted);
            sort(&mut ours);
            std_sorted.sort();
            assert_eq!(ours, std_sorted);
        }
    }
}
