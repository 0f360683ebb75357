//! What the facet panel lists: the entities of each kind with their counts (a selected entity
//! stays listed at 0 when nothing matches it any more), the periods (years, with the months of
//! the chosen or only year under theirs), and short lists that keep the current choice visible.
//!
//! ```
//! use sorot_app::facet_lists::{periods, value_list};
//!
//! let years = [("2020".to_string(), 3), ("2019".to_string(), 5)];
//! let months = [("2020-02".to_string(), 3), ("2019-09".to_string(), 4), ("2019-08".to_string(), 1)];
//! let listed = periods(&years, &months, Some("2019-09"));
//! let names: Vec<&str> = listed.iter().map(|(k, _)| k.as_str()).collect();
//! assert_eq!(names, ["2020", "2019", "2019-09", "2019-08"]);
//! // An outlet chosen from a link stays listed, at 0, when no match comes from it.
//! assert_eq!(value_list(&[], Some("tempo.co"), false), [("tempo.co".to_string(), 0)]);
//! ```
//!
//! Pure: the components key their rows by the entity or value these lists hold, and read the
//! counts from them.

use sorot_engine::collection::EntityCount;
use sorot_engine::gazetteer::{EntityId, Kind};

/// How many values of a facet are listed before "Show all".
pub const SHORT_LIST: usize = 12;

/// The entity counts of the current matches, by kind, in the engine's order (most documents
/// first), each selected entity included (at 0 if nothing matches it, after the others).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityLists {
    /// Countries, territories and former states.
    pub countries: Vec<EntityCount>,
    /// International organizations.
    pub organizations: Vec<EntityCount>,
}

impl EntityLists {
    /// Splits `counts` by the kind of each entity, and adds the `selected` entities missing from
    /// it with no documents and no mentions.
    pub fn new(counts: &[EntityCount], selected: &[EntityId], kind_of: impl Fn(EntityId) -> Kind) -> EntityLists {
        let missing = selected.iter().filter(|&&e| !counts.iter().any(|c| c.entity == e)).map(|&entity| EntityCount {
            entity,
            docs: 0,
            mentions: 0,
        });
        let mut lists = EntityLists::default();
        for c in counts.iter().copied().chain(missing.collect::<Vec<_>>()) {
            match kind_of(c.entity) {
                Kind::Country => lists.countries.push(c),
                Kind::Organization => lists.organizations.push(c),
            }
        }
        lists
    }

    /// The list of one kind.
    pub fn of(&self, kind: Kind) -> &[EntityCount] {
        match kind {
            Kind::Country => &self.countries,
            Kind::Organization => &self.organizations,
        }
    }
}

/// The count of `entity` in `list`, or 0 documents and mentions when it is not listed.
pub fn count_of(list: &[EntityCount], entity: EntityId) -> EntityCount {
    list.iter().find(|c| c.entity == entity).copied().unwrap_or(EntityCount { entity, docs: 0, mentions: 0 })
}

/// The entities to show of `list`: all when `expanded`, else the first [`SHORT_LIST`] and,
/// after them, any selected one further down.
pub fn shown_entities(list: &[EntityCount], selected: &[EntityId], expanded: bool) -> Vec<EntityId> {
    list.iter()
        .enumerate()
        .filter(|(i, c)| expanded || *i < SHORT_LIST || selected.contains(&c.entity))
        .map(|(_, c)| c.entity)
        .collect()
}

/// The entities a chart shows: the `selected` ones first, then, when `fill` or when none is
/// selected, the most mentioned of `counts` (by articles, then mentions) until there are `n`.
pub fn chart_entities(counts: &[EntityCount], selected: &[EntityId], n: usize, fill: bool) -> Vec<EntityId> {
    let mut out: Vec<EntityId> = selected.iter().copied().take(n).collect();
    if fill || out.is_empty() {
        let mut top = counts.to_vec();
        top.sort_by(|x, y| y.docs.cmp(&x.docs).then(y.mentions.cmp(&x.mentions)));
        for e in top {
            if out.len() >= n {
                break;
            }
            if !out.contains(&e.entity) {
                out.push(e.entity);
            }
        }
    }
    out
}

/// The periods to list: every year (newest first, as given), and under the chosen year (the
/// year of `chosen`, which may be a year or a month) or the only one, its months.
pub fn periods(years: &[(String, u32)], months: &[(String, u32)], chosen: Option<&str>) -> Vec<(String, u32)> {
    let year = chosen.map(|p| p.chars().take(4).collect::<String>()).or_else(|| match years {
        [(only, _)] => Some(only.clone()),
        _ => None,
    });
    let mut v = years.to_vec();
    if let Some(y) = year {
        let at = v.iter().position(|(k, _)| *k == y).map_or(v.len(), |i| i + 1);
        let of_year: Vec<(String, u32)> = months.iter().filter(|(m, _)| m.starts_with(&y)).cloned().collect();
        v.splice(at..at, of_year);
    }
    v
}

/// The values to show of a single-choice facet: all when `expanded`, else the first
/// [`SHORT_LIST`]; the `current` value is always among them, with its count, or at 0 after the
/// others when no match has it.
pub fn value_list(values: &[(String, u32)], current: Option<&str>, expanded: bool) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = values
        .iter()
        .enumerate()
        .filter(|(i, (k, _))| expanded || *i < SHORT_LIST || current == Some(k.as_str()))
        .map(|(_, kv)| kv.clone())
        .collect();
    if let Some(c) = current {
        if !values.iter().any(|(k, _)| k == c) {
            v.push((c.to_string(), 0));
        }
    }
    v
}

/// The count of `value` in `values`, 0 when absent.
pub fn value_count(values: &[(String, u32)], value: &str) -> u32 {
    values.iter().find(|(k, _)| k == value).map_or(0, |(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: EntityId = EntityId(1);
    const CN: EntityId = EntityId(2);
    const SCO: EntityId = EntityId(100);
    const ASEAN: EntityId = EntityId(101);

    #[test]
    fn charts_show_the_selected_then_the_most_mentioned() {
        let c = |entity, docs, mentions| EntityCount { entity, docs, mentions };
        let counts = [c(RU, 5, 9), c(CN, 7, 7), c(SCO, 7, 8), c(ASEAN, 1, 1)];
        assert_eq!(chart_entities(&counts, &[], 3, false), [SCO, CN, RU]);
        assert_eq!(chart_entities(&counts, &[ASEAN], 3, false), [ASEAN], "only the selected");
        assert_eq!(chart_entities(&counts, &[ASEAN], 3, true), [ASEAN, SCO, CN]);
        assert_eq!(chart_entities(&counts, &[RU, CN, SCO, ASEAN], 2, true), [RU, CN]);
    }

    fn kind_of(e: EntityId) -> Kind {
        if e.0 >= 100 {
            Kind::Organization
        } else {
            Kind::Country
        }
    }

    fn count(entity: EntityId, docs: u32) -> EntityCount {
        EntityCount { entity, docs, mentions: 2 * docs }
    }

    fn kv(rows: &[(&str, u32)]) -> Vec<(String, u32)> {
        rows.iter().map(|&(k, n)| (k.to_string(), n)).collect()
    }

    #[test]
    fn entities_split_by_kind_in_the_engines_order() {
        let lists = EntityLists::new(&[count(RU, 5), count(SCO, 4), count(CN, 2)], &[], kind_of);
        assert_eq!(lists.countries, [count(RU, 5), count(CN, 2)]);
        assert_eq!(lists.of(Kind::Organization), [count(SCO, 4)]);
    }

    #[test]
    fn a_selected_entity_stays_listed_at_zero() {
        let lists = EntityLists::new(&[count(RU, 5)], &[ASEAN, RU, CN], kind_of);
        assert_eq!(lists.countries, [count(RU, 5), count(CN, 0)]);
        assert_eq!(lists.organizations, [count(ASEAN, 0)]);
        assert_eq!(count_of(&lists.countries, CN), count(CN, 0));
        assert_eq!(count_of(&lists.countries, EntityId(7)), count(EntityId(7), 0));
    }

    #[test]
    fn a_short_list_keeps_the_selected_entities_visible() {
        let list: Vec<EntityCount> = (0..20).map(|i| count(EntityId(i), 40 - i as u32)).collect();
        let first: Vec<EntityId> = (0..12).map(EntityId).collect();
        assert_eq!(shown_entities(&list, &[], false), first);
        assert_eq!(shown_entities(&list, &[EntityId(3)], false), first);
        let with_17: Vec<EntityId> = (0..12).chain([17]).map(EntityId).collect();
        assert_eq!(shown_entities(&list, &[EntityId(17)], false), with_17);
        assert_eq!(shown_entities(&list, &[], true).len(), 20);
    }

    #[test]
    fn periods_splice_the_months_of_the_chosen_or_only_year_under_it() {
        let years = kv(&[("2020", 3), ("2019", 5), ("2018", 1)]);
        let months = kv(&[("2020-02", 3), ("2019-09", 4), ("2019-08", 1), ("2018-01", 1)]);
        // (chosen, listed)
        let rows: [(Option<&str>, &[&str]); 4] = [
            (None, &["2020", "2019", "2018"]),
            (Some("2019"), &["2020", "2019", "2019-09", "2019-08", "2018"]),
            (Some("2019-08"), &["2020", "2019", "2019-09", "2019-08", "2018"]),
            // A chosen year with no match lists its months (none) at the end: nothing to add.
            (Some("2017"), &["2020", "2019", "2018"]),
        ];
        for (chosen, listed) in rows {
            let got = periods(&years, &months, chosen);
            assert_eq!(got.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), listed, "chosen {chosen:?}");
        }
        let only = periods(&kv(&[("2019", 5)]), &kv(&[("2019-09", 4), ("2019-08", 1)]), None);
        assert_eq!(only, kv(&[("2019", 5), ("2019-09", 4), ("2019-08", 1)]));
    }

    #[test]
    fn value_lists_keep_the_current_value_visible_with_its_count() {
        let values: Vec<(String, u32)> = (0..15).map(|i| (format!("outlet{i:02}"), 30 - i)).collect();
        assert_eq!(value_list(&values, None, false), values[..12]);
        assert_eq!(value_list(&values, None, true), values);
        // Chosen further down: listed after the first twelve, with its own count.
        let mut expected = values[..12].to_vec();
        expected.push(("outlet13".into(), 17));
        assert_eq!(value_list(&values, Some("outlet13"), false), expected);
        // Chosen but matching nothing: listed at 0.
        let mut expected = values[..12].to_vec();
        expected.push(("elsewhere".into(), 0));
        assert_eq!(value_list(&values, Some("elsewhere"), false), expected);
        assert_eq!((value_count(&values, "outlet01"), value_count(&values, "elsewhere")), (29, 0));
    }
}
