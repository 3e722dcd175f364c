//! One sorting routine for the whole crate. Each `sort_by` call site with its own closure
//! compiles a separate copy of the standard library's sort (a few KB of wasm each); routing
//! every sort through this one non-generic function keeps a single copy.

/// The indices `0..n` ordered by `key`, ties kept in index order (so results are stable).
pub fn sorted_indices(n: usize, key: &dyn Fn(usize) -> f64) -> Vec<usize> {
    let mut keyed: Vec<(f64, usize)> = Vec::with_capacity(n);
    let mut sorted = true;
    for i in 0..n {
        let k = key(i);
        sorted &= keyed.last().map_or(true, |(last, _)| last.total_cmp(&k).is_le());
        keyed.push((k, i));
    }
    // Time series usually come in order: a million dates are not sorted again on every draw.
    if sorted {
        return (0..n).collect();
    }
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::with_capacity(n);
    for (_, i) in keyed {
        out.push(i);
    }
    out
}

/// `items` ordered by `key`, ties in their original order: [`sorted_indices`] applied.
pub fn sorted_by<T: Copy>(items: &[T], key: &dyn Fn(&T) -> f64) -> Vec<T> {
    let order = sorted_indices(items.len(), &|i| key(&items[i]));
    let mut sorted = Vec::with_capacity(order.len());
    for i in order {
        sorted.push(items[i]);
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_key_and_keeps_ties_in_index_order() {
        let keys = [3.0, 1.0, 2.0, 1.0];
        assert_eq!(sorted_indices(4, &|i| keys[i]), [1, 3, 2, 0]);
        assert_eq!(sorted_indices(0, &|_| 0.0), Vec::<usize>::new());
    }

    #[test]
    fn sorts_items_by_key_with_ties_in_original_order() {
        let items = [(3.0, 'a'), (1.0, 'b'), (2.0, 'c'), (1.0, 'd')];
        assert_eq!(sorted_by(&items, &|p| -p.0), [(3.0, 'a'), (2.0, 'c'), (1.0, 'b'), (1.0, 'd')]);
    }
}
