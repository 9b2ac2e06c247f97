//! Values whose label was lost or not recognised: a row of numbers with no label, under an
//! unknown label, or more numbers under one label than its row takes. They belong to the
//! template rows between their labelled neighbours, in template order — when the counts fit
//! exactly. Otherwise they are not placed (and said so), never given to the nearest label.

use super::segments::{Building, Item};
use crate::template::RowDef;

/// Places nameless rows and surplus values. What cannot be placed stays nameless.
pub(super) fn place(
    built: &mut Vec<Building>,
    order: &[&'static RowDef],
    count: &dyn Fn(&RowDef) -> usize,
) {
    split_surplus(built, order, count);
    let index = |d: &RowDef| order.iter().position(|o| o.key == d.key);
    let mut k = 0;
    while k < built.len() {
        let nameless = built
            .get(k)
            .is_some_and(|b| b.def.is_none() && b.has_values());
        if !nameless {
            k += 1;
            continue;
        }
        // The run of nameless rows k..end, between labelled neighbours.
        let mut end = k;
        while built
            .get(end)
            .is_some_and(|b| b.def.is_none() && b.has_values())
        {
            end += 1;
        }
        let before = built
            .get(..k)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find_map(|b| b.def)
            .and_then(&index);
        let after = built
            .get(end..)
            .unwrap_or(&[])
            .iter()
            .find_map(|b| b.def)
            .and_then(&index);
        let lo = before.map_or(0, |i| i + 1);
        let hi = after.unwrap_or(order.len());
        let free: Vec<&'static RowDef> = order
            .get(lo..hi.max(lo))
            .unwrap_or(&[])
            .iter()
            .copied()
            .filter(|d| !built.iter().any(|b| b.def.is_some_and(|x| x.key == d.key)))
            .collect();
        let groups: Vec<usize> = built
            .get(k..end)
            .unwrap_or(&[])
            .iter()
            .map(Building::values)
            .collect();
        if let Some(assigned) = fit_groups(&groups, &free, count) {
            for (b, def) in built
                .get_mut(k..end)
                .unwrap_or(&mut [])
                .iter_mut()
                .zip(assigned)
            {
                b.def = Some(def);
            }
        }
        k = end;
    }
}

/// Assigns each group of values to a free row, in order, when every group's count is that
/// row's count and there are exactly as many groups as free rows (or as many as the groups
/// need, when the free rows have one count and the groups fill them from the top).
fn fit_groups(
    groups: &[usize],
    free: &[&'static RowDef],
    count: &dyn Fn(&RowDef) -> usize,
) -> Option<Vec<&'static RowDef>> {
    if groups.is_empty() || groups.len() != free.len() {
        return None;
    }
    let fits = groups
        .iter()
        .zip(free)
        .all(|(&g, d)| g == count(d) || (g < count(d) && g > 0 && free.len() == 1));
    fits.then(|| free.to_vec())
}

/// A labelled row with more values than it takes, followed (in template order) by rows that
/// are not in the text: when the surplus is exactly what those rows take, they were there
/// with their labels lost.
fn split_surplus(
    built: &mut Vec<Building>,
    order: &[&'static RowDef],
    count: &dyn Fn(&RowDef) -> usize,
) {
    let mut k = 0;
    while k < built.len() {
        let Some((def, values)) = built.get(k).and_then(|b| b.def.map(|d| (d, b.values()))) else {
            k += 1;
            continue;
        };
        let own = count(def);
        if values <= own {
            k += 1;
            continue;
        }
        let Some(at) = order.iter().position(|o| o.key == def.key) else {
            k += 1;
            continue;
        };
        let mut next: Vec<&'static RowDef> = Vec::new();
        let mut need = 0;
        for d in order.iter().skip(at + 1) {
            if built.iter().any(|b| b.def.is_some_and(|x| x.key == d.key)) || need >= values - own {
                break;
            }
            next.push(d);
            need += count(d);
        }
        if next.is_empty() || need != values - own {
            k += 1;
            continue;
        }
        let Some(b) = built.get_mut(k) else { break };
        // Split after the row's own values: the rest (with their blanks) are the next rows'.
        let cut = b
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.is_value())
            .nth(own)
            .map_or(b.items.len(), |(at, _)| at);
        let rest: Vec<Item> = b.items.split_off(cut);
        let mut rest = rest.into_iter().peekable();
        let mut insert_at = k + 1;
        for d in next {
            let mut items: Vec<Item> = Vec::new();
            while items.iter().filter(|i| i.is_value()).count() < count(d) {
                let Some(i) = rest.next() else { break };
                items.push(i);
            }
            // Blanks right after the row's last value are still its cells.
            while rest.peek().is_some_and(|i| !i.is_value()) {
                items.extend(rest.next());
            }
            built.insert(
                insert_at,
                Building {
                    def: Some(d),
                    label: None,
                    unknown: None,
                    variant: None,
                    items,
                },
            );
            insert_at += 1;
        }
        k = insert_at;
    }
}
