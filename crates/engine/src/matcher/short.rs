//! Short aliases ("Persemakmuran"): a mention only where the same text also names one of their
//! entities in full, decided once the whole text is seen.

use std::collections::HashSet;

use super::rules::Veto;
use super::{Matcher, Mention, Vetoed};
use crate::gazetteer::EntityId;

impl Matcher {
    /// Keeps a short alias only where the text also names one of its entities in full; `pending`
    /// holds the trie node of each short match and its position in `out`. Dropped ones are
    /// reported to `vetoed`.
    pub(super) fn resolve_short(
        &self,
        out: &mut Vec<Mention>,
        pending: &[(u32, usize)],
        vetoed: &mut impl FnMut(Vetoed),
    ) {
        let short_at: HashSet<usize> = pending.iter().map(|&(_, k)| k).collect();
        let confirmed: HashSet<EntityId> =
            out.iter().enumerate().filter(|(k, _)| !short_at.contains(k)).map(|(_, m)| m.entity).collect();
        let mut drop = HashSet::new();
        for &(node, k) in pending {
            let resolved = self.trie.terminals(node).iter().copied().find(|&a| {
                let alias = self.gazetteer.alias(a);
                alias.short && alias.entity.is_some_and(|e| confirmed.contains(&e))
            });
            match resolved {
                Some(a) => {
                    out[k].alias = a;
                    out[k].entity = self.gazetteer.alias(a).entity.expect("short aliases name an entity");
                }
                None => {
                    vetoed(Vetoed { span: out[k].span, alias: out[k].alias, veto: Veto::ShortWithoutFullName });
                    drop.insert(k);
                }
            }
        }
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
    }
}
