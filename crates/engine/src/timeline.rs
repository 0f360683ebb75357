//! Articles and mentions over time: the matches of a view, and of each of a few entities, per
//! day, ISO week, month or year, beside every article of the corpus in the same period (the
//! denominator of a share). Bins run without gaps from the first dated match to the last, so
//! a trend is drawn over dates, never over document order; a match with no date that a bin
//! could hold is counted apart, never dropped.

use crate::collection::{Collection, Response};
use crate::gazetteer::EntityId;
use crate::period::{Date, Granularity, Period};

/// The most bins a timeline has at the finest width that fits; wider bins are chosen until the
/// range fits (a year is the widest: see [`MAX_YEARS`]).
pub const MAX_BINS: i64 = 60;

/// The most yearly bins: older matches (a corpus dated over millennia) are counted apart.
pub const MAX_YEARS: i64 = 400;

/// A bin holding fewer articles than this is marked: its share says little.
pub const FEW: u32 = 5;

/// The timeline of a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The width of every bin.
    pub granularity: Granularity,
    /// Consecutive periods, oldest first, with the articles of the corpus in each (those of
    /// the view's outlet when it has one): empty when no match is dated.
    pub bins: Vec<Bin>,
    /// The view's matches, then one series per entity asked for, in the order asked.
    pub series: Vec<Series>,
    /// Articles of the corpus (of the view's outlet) that no bin holds.
    pub unplaced: u32,
}

/// One period of a [`Timeline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bin {
    /// The period; its text (`2019-W37`) is the period filter that selects it.
    pub period: Period,
    /// Articles of the corpus in it (of the view's outlet when it has one).
    pub total: u32,
}

impl Bin {
    /// True when the bin holds fewer than [`FEW`] articles.
    pub fn is_sparse(&self) -> bool {
        self.total < FEW
    }
}

/// One line of a [`Timeline`]: per bin, the matches (all of them, or those mentioning an entity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The entity; `None` for the view's matches themselves.
    pub entity: Option<EntityId>,
    /// Matching articles per bin (mentioning the entity).
    pub docs: Vec<u32>,
    /// The entity's mentions in them per bin (mentions of every entity for the matches).
    pub mentions: Vec<u32>,
    /// Matching articles (mentioning the entity) that no bin holds: undated, dated less
    /// precisely than a bin, or older than the yearly bins go.
    pub unplaced_docs: u32,
    /// Their mentions.
    pub unplaced_mentions: u32,
}

impl Collection {
    /// The timeline of `response` (an answer of this collection's) over every period, ignoring
    /// its period filter, for the matches and for each of `entities`; the totals count the
    /// corpus's articles of `outlet` (all when `None`), the outlet filter of the request.
    ///
    /// The width is the finest of day, week, month and year that puts the dated matches in at
    /// most [`MAX_BINS`] bins and leaves at most a tenth of them unplaced for being dated less
    /// precisely (a corpus dated by month gets months).
    pub fn timeline(&self, response: &Response, outlet: Option<&str>, entities: &[EntityId]) -> Timeline {
        let matches: Vec<usize> = response.filtered.iter().filter(|d| d.1).map(|d| d.0 as usize).collect();
        // Dates are few beside articles (a corpus of 21,940 has 14): periods are worked out
        // once per distinct date, and each article looks its own up.
        let of_doc = &self.dates.of_doc;
        let mut matches_on = vec![0u32; self.parsed_dates.len()];
        for &d in &matches {
            if let Some(n) = matches_on.get_mut(of_doc[d] as usize) {
                *n += 1;
            }
        }
        let granularity = choose(&self.parsed_dates, &matches_on);
        let ordinals: Vec<Option<i64>> =
            self.parsed_dates.iter().map(|d| d.and_then(|d| d.period(granularity)).map(|p| p.ordinal)).collect();
        let range = ordinals
            .iter()
            .zip(&matches_on)
            .filter(|&(_, &n)| n > 0)
            .filter_map(|(o, _)| *o)
            .fold(None, |r: Option<(i64, i64)>, o| Some(r.map_or((o, o), |(lo, hi)| (lo.min(o), hi.max(o)))));
        let (lo, n) = match range {
            Some((lo, hi)) => {
                let n = hi - lo + 1;
                if granularity == Granularity::Year && n > MAX_YEARS {
                    (Period { granularity, ordinal: hi - MAX_YEARS + 1 }, MAX_YEARS)
                } else {
                    (Period { granularity, ordinal: lo }, n)
                }
            }
            None => (Period { granularity, ordinal: 0 }, 0),
        };
        let bin_of = |d: usize| -> Option<usize> {
            let k = ordinals.get(of_doc[d] as usize).copied().flatten()? - lo.ordinal;
            (0..n).contains(&k).then_some(k as usize)
        };
        let mut bins: Vec<Bin> = std::iter::successors(Some(lo), |p| Some(p.next()))
            .take(n as usize)
            .map(|period| Bin { period, total: 0 })
            .collect();
        let mut unplaced = 0;
        let outlet_id =
            outlet.map(|o| self.outlets.values.iter().position(|v| v == o).map_or(u32::MAX - 1, |i| i as u32));
        // Over one article per story, each period holds the stories with a copy in it.
        let mut seen: std::collections::HashSet<(Option<usize>, u32)> = std::collections::HashSet::new();
        for d in 0..self.len() {
            if outlet_id.is_some_and(|o| self.outlets.of_doc[d] != o) {
                continue;
            }
            let bin = bin_of(d);
            if response.unique && !seen.insert((bin, self.stories[d])) {
                continue;
            }
            match bin {
                Some(b) => bins[b].total += 1,
                None => unplaced += 1,
            }
        }
        let empty = |entity| Series {
            entity,
            docs: vec![0; n as usize],
            mentions: vec![0; n as usize],
            unplaced_docs: 0,
            unplaced_mentions: 0,
        };
        let mut series: Vec<Series> =
            std::iter::once(empty(None)).chain(entities.iter().map(|&e| empty(Some(e)))).collect();
        let of = self.entities();
        for &d in &matches {
            let b = bin_of(d);
            let mentioned = of.of(d);
            for s in &mut series {
                let m = match s.entity {
                    None => mentioned.iter().map(|x| x.1).sum(),
                    Some(e) => match mentioned.binary_search_by_key(&e, |x| x.0) {
                        Ok(k) => mentioned[k].1,
                        Err(_) => continue,
                    },
                };
                match b {
                    Some(b) => {
                        s.docs[b] += 1;
                        s.mentions[b] += m;
                    }
                    None => {
                        s.unplaced_docs += 1;
                        s.unplaced_mentions += m;
                    }
                }
            }
        }
        Timeline { granularity, bins, series, unplaced }
    }
}

/// The finest width that fits the dated matches (see [`Collection::timeline`]), given the
/// corpus's distinct dates and the matches on each.
fn choose(dates: &[Option<Date>], matches_on: &[u32]) -> Granularity {
    let on = || dates.iter().zip(matches_on).filter(|&(_, &n)| n > 0);
    let dated: u32 = on().filter(|(d, _)| d.is_some()).map(|(_, &n)| n).sum();
    let fits = |g: Granularity| {
        let mut placed = 0u32;
        let mut range: Option<(i64, i64)> = None;
        for (p, &n) in on().filter_map(|(d, n)| Some((d.and_then(|d| d.period(g))?, n))) {
            placed += n;
            range = Some(range.map_or((p.ordinal, p.ordinal), |(lo, hi)| (lo.min(p.ordinal), hi.max(p.ordinal))));
        }
        let Some((lo, hi)) = range else { return false };
        hi - lo < MAX_BINS && u64::from(placed) * 10 >= u64::from(dated) * 9
    };
    [Granularity::Day, Granularity::Week, Granularity::Month]
        .into_iter()
        .find(|&g| fits(g))
        .unwrap_or(Granularity::Year)
}
