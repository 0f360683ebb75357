//! The world map's places, read from `data/world-map.tsv` (made by `scripts/world-map.mjs`
//! from Natural Earth; see `docs/MAP.md`): per country code a shape (SVG path data, already
//! projected), a dot (a small state the 1:110m data lacks), or nothing (a former state); and
//! the share classes the choropleth colours by.
//!
//! ```
//! let map = sorot_app::world::World::bundled();
//! assert!(map.places.iter().any(|p| p.code == "ID" && matches!(p.form, sorot_app::world::Form::Shape(_))));
//! assert!(map.places.iter().any(|p| p.code == "SG" && matches!(p.form, sorot_app::world::Form::Dot(..))));
//! assert_eq!(sorot_app::world::class(0, 10), 0);
//! ```

use std::sync::OnceLock;

/// The map file, as checked in.
pub const WORLD_TSV: &str = include_str!("../data/world-map.tsv");

/// How a country is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    /// A shape: SVG path data in the map's coordinates.
    Shape(String),
    /// A dot at (x, y).
    Dot(f64, f64),
    /// Not on today's map (a former state).
    None,
}

/// One place on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The gazetteer's country code, or `-` for land no country code counts.
    pub code: String,
    /// How it is drawn.
    pub form: Form,
}

/// The map: its places and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct World {
    /// Width and height of the map's coordinates (its `viewBox` from 0, 0).
    pub size: (f64, f64),
    /// Every place, shapes first in file order, then dots (drawn above the shapes).
    pub places: Vec<Place>,
}

impl World {
    /// The checked-in map, read once.
    ///
    /// # Panics
    /// If the checked-in file is malformed (a test reads it).
    pub fn bundled() -> &'static World {
        static WORLD: OnceLock<World> = OnceLock::new();
        WORLD.get_or_init(|| World::parse(WORLD_TSV).unwrap_or_else(|e| panic!("data/world-map.tsv: {e}")))
    }

    /// Reads a map file: `#` lines (one of them `# viewBox: 0 0 W H`), then rows
    /// `code shape d`, `code dot x y` or `code none`, tab-separated.
    pub fn parse(tsv: &str) -> Result<World, String> {
        let mut size = None;
        let (mut shapes, mut dots) = (Vec::new(), Vec::new());
        for (n, line) in tsv.lines().enumerate() {
            if let Some(comment) = line.strip_prefix('#') {
                if let Some(v) = comment.trim().strip_prefix("viewBox:") {
                    let nums: Vec<f64> = v.split_whitespace().take(4).filter_map(|x| x.parse().ok()).collect();
                    if let [0.0, 0.0, w, h] = nums[..] {
                        size = Some((w, h));
                    }
                }
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || format!("line {}: expected code, then shape d, dot x y, or none", n + 1);
            let code = f[0].to_string();
            match f.get(1..).unwrap_or_default() {
                ["shape", d] if !d.is_empty() => shapes.push(Place { code, form: Form::Shape(d.to_string()) }),
                ["dot", x, y] => {
                    let (x, y) = (x.parse().map_err(|_| bad())?, y.parse().map_err(|_| bad())?);
                    dots.push(Place { code, form: Form::Dot(x, y) });
                }
                ["none"] => shapes.push(Place { code, form: Form::None }),
                _ => return Err(bad()),
            }
        }
        let size = size.ok_or("no “# viewBox: 0 0 W H” line")?;
        shapes.extend(dots);
        Ok(World { size, places: shapes })
    }
}

/// Lower bounds, in percent of the matching articles, of the colour classes 1 to 5 (class 0
/// is no article): fixed, so that two views' colours compare.
pub const CLASS_FROM: [f64; 5] = [0.0, 1.0, 5.0, 15.0, 40.0];

/// The colour class of a country mentioned in `docs` of `matches` articles: 0 for none, else
/// 1 to 5 by [`CLASS_FROM`].
pub fn class(docs: u32, matches: usize) -> usize {
    if docs == 0 || matches == 0 {
        return 0;
    }
    let pct = 100.0 * f64::from(docs) / matches as f64;
    CLASS_FROM.iter().rposition(|&from| pct >= from).map_or(1, |i| i + 1)
}

/// The legend's label of class `k` (1 to 5).
pub fn class_label(k: usize) -> String {
    match CLASS_FROM.get(k) {
        Some(next) if k == 1 => format!("< {next}%"),
        Some(next) => format!("{}–{next}%", CLASS_FROM[k - 1]),
        None => format!("≥ {}%", CLASS_FROM[k - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sorot_engine::gazetteer::{Gazetteer, Kind};

    #[test]
    fn every_country_of_the_gazetteer_is_on_the_map_once_and_nothing_else_is() {
        let world = World::bundled();
        let g = Gazetteer::bundled();
        let countries: Vec<&str> =
            g.entities().iter().filter(|e| e.kind == Kind::Country).map(|e| e.code.as_str()).collect();
        for code in &countries {
            let n = world.places.iter().filter(|p| p.code == *code).count();
            assert_eq!(n, 1, "{code} is on the map {n} times");
        }
        for p in world.places.iter().filter(|p| p.code != "-") {
            assert!(countries.contains(&p.code.as_str()), "{} is not a gazetteer country", p.code);
        }
        // Small states are dots, large ones shapes, former states nowhere.
        let form = |c: &str| &world.places.iter().find(|p| p.code == c).unwrap().form;
        for c in ["SG", "MV", "BH", "MT"] {
            assert!(matches!(form(c), Form::Dot(..)), "{c}");
        }
        for c in ["ID", "RU", "UA", "MY", "PS"] {
            assert!(matches!(form(c), Form::Shape(_)), "{c}");
        }
        assert_eq!(form("SU"), &Form::None);
        // Dots and shapes lie inside the map.
        let (w, h) = world.size;
        for p in &world.places {
            if let Form::Dot(x, y) = p.form {
                assert!((0.0..=w).contains(&x) && (0.0..=h).contains(&y), "{} at {x},{y}", p.code);
            }
        }
    }

    #[test]
    fn malformed_rows_are_errors_naming_their_line() {
        let head = "# viewBox: 0 0 10 5\n";
        assert!(World::parse(&format!("{head}AA\tshape\tm0 0h1z\nBB\tdot\t1\t2\n")).is_ok());
        for bad in ["AA\tshape\t\n", "AA\tdot\t1\n", "AA\tdot\tx\ty\n", "AA\n", "AA\tcircle\t1\n"] {
            let e = World::parse(&format!("{head}{bad}")).unwrap_err();
            assert!(e.starts_with("line 2:"), "{bad:?}: {e}");
        }
        assert!(World::parse("AA\tnone\n").unwrap_err().contains("viewBox"));
    }

    #[test]
    fn classes_follow_fixed_shares() {
        let cases = [
            (0, 100, 0),
            (1, 1000, 1),
            (1, 100, 2),
            (4, 100, 2),
            (5, 100, 3),
            (15, 100, 4),
            (39, 100, 4),
            (40, 100, 5),
            (1, 1, 5),
            (3, 0, 0),
        ];
        for (docs, matches, k) in cases {
            assert_eq!(class(docs, matches), k, "{docs} of {matches}");
        }
        assert_eq!((1..=5).map(class_label).collect::<Vec<_>>(), ["< 1%", "1–5%", "5–15%", "15–40%", "≥ 40%"]);
    }
}
