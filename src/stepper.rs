//! Stepping through the mentions of the open article: next and previous over a list of stops
//! (the mentions of the selected entities, or all of them), wrapping at both ends, and the
//! jump from an entity's chip to its next mention.
//!
//! ```
//! use sorot_app::stepper::Stepper;
//! use sorot_engine::gazetteer::EntityId;
//!
//! let (ru, cn) = (EntityId(1), EntityId(2));
//! let mentions = [ru, cn, ru, cn];
//! let all = Stepper::new(&mentions, &[]);
//! assert_eq!(all.next(None), Some(0));
//! assert_eq!(all.previous(Some(0)), Some(3), "wraps around");
//! let of_china = Stepper::new(&mentions, &[cn]);
//! assert_eq!(of_china.stops(), [1, 3]);
//! assert_eq!(of_china.position(Some(3)), 2);
//! assert_eq!(Stepper::next_of(&mentions, ru, Some(0)), Some(2));
//! ```
//!
//! Mentions are named by their index in the document's mention list, as `data-mention` names
//! them in the reader. Pure: scrolling to the mention is the reader's business.

use sorot_engine::gazetteer::EntityId;

/// The mentions the stepper stops at, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stepper {
    stops: Vec<usize>,
}

impl Stepper {
    /// Stops at the mentions (given as the entity of each, in text order) of the `selected`
    /// entities; at every mention when none of them is selected or mentioned.
    pub fn new(mentions: &[EntityId], selected: &[EntityId]) -> Stepper {
        let of_selected: Vec<usize> =
            mentions.iter().enumerate().filter(|(_, e)| selected.contains(e)).map(|(i, _)| i).collect();
        let stops = if of_selected.is_empty() { (0..mentions.len()).collect() } else { of_selected };
        Stepper { stops }
    }

    /// The stops, as mention indices in text order.
    pub fn stops(&self) -> &[usize] {
        &self.stops
    }

    /// The stop after `focus`: the first when nothing (or a mention that is not a stop) has the
    /// focus, the first again after the last. `None` when there are no stops.
    pub fn next(&self, focus: Option<usize>) -> Option<usize> {
        let n = self.stops.len();
        let at = match self.index_of(focus) {
            None => 0,
            Some(p) => (p + 1) % n.max(1),
        };
        self.stops.get(at).copied()
    }

    /// The stop before `focus`: the last when nothing (or a mention that is not a stop) has
    /// the focus, the last again before the first. `None` when there are no stops.
    pub fn previous(&self, focus: Option<usize>) -> Option<usize> {
        let n = self.stops.len();
        let at = match self.index_of(focus) {
            None => n.checked_sub(1)?,
            Some(p) => (p + n - 1) % n,
        };
        self.stops.get(at).copied()
    }

    /// Where `focus` stands among the stops, counted from 1; 0 when it is not on a stop.
    pub fn position(&self, focus: Option<usize>) -> usize {
        self.index_of(focus).map_or(0, |p| p + 1)
    }

    /// How many stops there are.
    pub fn len(&self) -> usize {
        self.stops.len()
    }

    /// True when the article has no mention to stop at.
    pub fn is_empty(&self) -> bool {
        self.stops.is_empty()
    }

    /// The next mention of `entity` after mention `after` (given the entity of each mention,
    /// in text order), wrapping to its first; its first when `after` is `None`. Ignores the
    /// stops: a chip jumps to its entity whatever is selected.
    pub fn next_of(mentions: &[EntityId], entity: EntityId, after: Option<usize>) -> Option<usize> {
        let mut of_entity = mentions.iter().enumerate().filter(|&(_, &e)| e == entity).map(|(i, _)| i);
        let first = of_entity.next()?;
        match after {
            Some(a) if first <= a => Some(of_entity.find(|&i| i > a).unwrap_or(first)),
            _ => Some(first),
        }
    }

    fn index_of(&self, focus: Option<usize>) -> Option<usize> {
        focus.and_then(|f| self.stops.binary_search(&f).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: EntityId = EntityId(1);
    const CN: EntityId = EntityId(2);
    const US: EntityId = EntityId(3);
    /// An article's mentions, by entity: RU CN RU US CN RU.
    const ARTICLE: [EntityId; 6] = [RU, CN, RU, US, CN, RU];

    #[test]
    fn without_a_selection_every_mention_is_a_stop() {
        assert_eq!(Stepper::new(&ARTICLE, &[]).stops(), [0, 1, 2, 3, 4, 5]);
        // A selected entity the article does not mention does not empty the stepper.
        assert_eq!(Stepper::new(&ARTICLE, &[EntityId(9)]).stops(), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn a_selection_stops_only_at_its_mentions() {
        assert_eq!(Stepper::new(&ARTICLE, &[CN]).stops(), [1, 4]);
        assert_eq!(Stepper::new(&ARTICLE, &[US, CN]).stops(), [1, 3, 4]);
    }

    #[test]
    fn next_and_previous_wrap_around() {
        let s = Stepper::new(&ARTICLE, &[CN]);
        // (focus, next, previous)
        let rows = [(None, Some(1), Some(4)), (Some(1), Some(4), Some(4)), (Some(4), Some(1), Some(1))];
        for (focus, next, previous) in rows {
            assert_eq!(s.next(focus), next, "next after {focus:?}");
            assert_eq!(s.previous(focus), previous, "previous before {focus:?}");
        }
        let all = Stepper::new(&ARTICLE, &[]);
        assert_eq!(all.next(Some(5)), Some(0));
        assert_eq!(all.previous(Some(0)), Some(5));
        assert_eq!(all.next(Some(2)), Some(3));
    }

    #[test]
    fn a_focus_off_the_stops_starts_again_from_an_end() {
        // Mention 2 (RU) has the focus, then China is selected: 2 is not a stop.
        let s = Stepper::new(&ARTICLE, &[CN]);
        assert_eq!(s.position(Some(2)), 0);
        assert_eq!(s.next(Some(2)), Some(1));
        assert_eq!(s.previous(Some(2)), Some(4));
    }

    #[test]
    fn the_position_counts_from_one() {
        let s = Stepper::new(&ARTICLE, &[RU]);
        assert_eq!((s.position(None), s.position(Some(0)), s.position(Some(5)), s.len()), (0, 1, 3, 3));
    }

    #[test]
    fn an_article_without_mentions_has_nowhere_to_step() {
        let s = Stepper::new(&[], &[RU]);
        assert!(s.is_empty());
        assert_eq!((s.next(None), s.previous(None), s.position(Some(0))), (None, None, 0));
        assert_eq!(Stepper::next_of(&[], RU, None), None);
    }

    #[test]
    fn a_chip_jumps_to_its_entitys_next_mention() {
        // (entity, after, expected)
        let rows = [
            (RU, None, Some(0)),
            (RU, Some(0), Some(2)),
            (RU, Some(3), Some(5)),
            (RU, Some(5), Some(0)),
            (CN, Some(0), Some(1)),
            (CN, Some(4), Some(1)),
            (US, Some(3), Some(3)),
            (EntityId(9), Some(1), None),
        ];
        for (e, after, expected) in rows {
            assert_eq!(Stepper::next_of(&ARTICLE, e, after), expected, "{e:?} after {after:?}");
        }
    }
}
