//! Calendar periods: the dates a corpus gives, the periods a timeline bins them into (day,
//! ISO week, month, year) and the period filter's text for each (`2019-09-14`, `2019-W37`,
//! `2019-09`, `2019`).
//!
//! Dates are proleptic Gregorian, counted in days from 1970-01-01, with no time zone: a
//! corpus's `2019-09-14` is that day wherever the page runs.

use std::fmt;

/// A corpus date as far as it goes: a year, perhaps a month, perhaps a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year, 1000–9999 (four digits, as ISO 8601 writes them without an extension).
    pub year: i32,
    /// The month, 1–12, when given.
    pub month: Option<u8>,
    /// The day of the month when given (and valid for that month).
    pub day: Option<u8>,
}

impl Date {
    /// Reads the ISO 8601 date a text starts with: `2019`, `2019-09` or `2019-09-14`, perhaps
    /// followed by a time (`2019-09-14T08:00:00Z`, `2019-09-14 08:00`). Anything else, and any
    /// impossible date (`2019-02-30`), is `None`: undated, never guessed.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let digits = |from: usize, n: usize| -> Option<u32> {
            let part = b.get(from..from + n)?;
            part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |v, &d| v * 10 + u32::from(d - b'0')))
        };
        // What follows a part must not be a digit (`20190` is no year) nor a dash that begins
        // no further part (`2019-9` is no month).
        let ends = |at: usize| b.get(at).is_none_or(|c| !c.is_ascii_digit() && *c != b'-');
        let year = digits(0, 4)?;
        if year < 1000 {
            return None;
        }
        let year = year as i32;
        if ends(4) {
            return Some(Date { year, month: None, day: None });
        }
        if b[4] != b'-' {
            return None;
        }
        let month = digits(5, 2).filter(|m| (1..=12).contains(m))? as u8;
        if ends(7) {
            return Some(Date { year, month: Some(month), day: None });
        }
        if b[7] != b'-' {
            return None;
        }
        let day = digits(8, 2).filter(|&d| d >= 1 && d <= days_in_month(year, month))? as u8;
        if b.get(10).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Some(Date { year, month: Some(month), day: Some(day) })
    }

    /// The day number (days since 1970-01-01) of the date's first day.
    pub fn first_day(self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The period of granularity `g` holding this date, when the date is precise enough.
    pub fn period(self, g: Granularity) -> Option<Period> {
        let have = match (self.month, self.day) {
            (Some(_), Some(_)) => Granularity::Day,
            (Some(_), None) => Granularity::Month,
            _ => Granularity::Year,
        };
        let enough = match g {
            Granularity::Year => true,
            Granularity::Month => have != Granularity::Year,
            Granularity::Week | Granularity::Day => have == Granularity::Day,
        };
        enough.then(|| Period::containing(g, self.first_day()))
    }
}

/// How wide a timeline's bins are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    /// One day.
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

impl Granularity {
    /// `day`, `week`, `month` or `year`.
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Year => "year",
        }
    }
}

/// One period of a [`Granularity`], as an ordinal: consecutive periods have consecutive
/// ordinals, so a range of them is every period between two dates, empty ones included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// Its width.
    pub granularity: Granularity,
    /// Day number, week number (from the week of 1970-01-01), month number (year × 12 +
    /// month − 1) or year.
    pub ordinal: i64,
}

impl Period {
    /// The period of granularity `g` holding day number `day`.
    pub fn containing(g: Granularity, day: i64) -> Period {
        let ordinal = match g {
            Granularity::Day => day,
            // Day 0 is a Thursday: weeks start on the Mondays, days ≡ 4 (mod 7).
            Granularity::Week => (day + 3).div_euclid(7),
            Granularity::Month => {
                let (y, m, _) = civil_from_days(day);
                i64::from(y) * 12 + i64::from(m) - 1
            }
            Granularity::Year => i64::from(civil_from_days(day).0),
        };
        Period { granularity: g, ordinal }
    }

    /// The next period of the same width.
    pub fn next(self) -> Period {
        Period { ordinal: self.ordinal + 1, ..self }
    }

    /// The day number of its first day.
    pub fn first_day(self) -> i64 {
        match self.granularity {
            Granularity::Day => self.ordinal,
            Granularity::Week => self.ordinal * 7 - 3,
            Granularity::Month => {
                days_from_civil(self.ordinal.div_euclid(12) as i32, (self.ordinal.rem_euclid(12) + 1) as u8, 1)
            }
            Granularity::Year => days_from_civil(self.ordinal as i32, 1, 1),
        }
    }

    /// Reads a period filter's text: `2019`, `2019-09`, `2019-09-14` or `2019-W37` (ISO week;
    /// `2019-w37` too). `None` for anything else.
    pub fn parse(s: &str) -> Option<Period> {
        if let Some((y, w)) = s.split_once(['W', 'w']) {
            let year: i32 = y.strip_suffix('-')?.parse().ok().filter(|y| (1000..=9999).contains(y))?;
            let week: i64 = w.parse().ok().filter(|_| w.len() == 2 && w.bytes().all(|c| c.is_ascii_digit()))?;
            if week < 1 || week > iso_weeks(year) {
                return None;
            }
            return Some(Period { granularity: Granularity::Week, ordinal: iso_week_one(year) + week - 1 });
        }
        let d = Date::parse(s).filter(|_| s.len() == 4 || s.len() == 7 || s.len() == 10)?;
        let g = match (d.month, d.day) {
            (Some(_), Some(_)) => Granularity::Day,
            (Some(_), None) => Granularity::Month,
            _ => Granularity::Year,
        };
        d.period(g)
    }

    /// Whether a corpus date lies in this period (a date less precise than the period never does).
    pub fn contains(self, date: &str) -> bool {
        Date::parse(date).and_then(|d| d.period(self.granularity)) == Some(self)
    }
}

/// The text of a period, as the period filter reads it ([`Period::parse`]).
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = civil_from_days(self.first_day());
        match self.granularity {
            Granularity::Day => write!(f, "{y:04}-{m:02}-{d:02}"),
            Granularity::Week => {
                // The ISO year of a week is the year of its Thursday.
                let year = civil_from_days(self.first_day() + 3).0;
                write!(f, "{year:04}-W{:02}", self.ordinal - iso_week_one(year) + 1)
            }
            Granularity::Month => write!(f, "{y:04}-{m:02}"),
            Granularity::Year => write!(f, "{y:04}"),
        }
    }
}

/// Whether a corpus date passes the period filter `filter`: an ISO week holds the dates of its
/// days; any other filter is a prefix of the dates it holds (`2019`, `2019-09`, `2019-09-14`).
pub fn matches(filter: &str, date: &str) -> bool {
    match Period::parse(filter) {
        Some(p) if p.granularity == Granularity::Week => p.contains(date),
        _ => date.starts_with(filter),
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The week ordinal of ISO week 1 of `year`: the week holding 4 January.
fn iso_week_one(year: i32) -> i64 {
    Period::containing(Granularity::Week, days_from_civil(year, 1, 4)).ordinal
}

/// ISO weeks in `year`: 52 or 53.
fn iso_weeks(year: i32) -> i64 {
    iso_week_one(year + 1) - iso_week_one(year)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number: (year, month, day).
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_far_as_they_go_and_impossible_ones_are_undated() {
        let d = |y, m, d| Some(Date { year: y, month: m, day: d });
        assert_eq!(Date::parse("2019-09-14"), d(2019, Some(9), Some(14)));
        assert_eq!(Date::parse("2019-09-14T08:00:00+07:00"), d(2019, Some(9), Some(14)));
        assert_eq!(Date::parse("2019-09"), d(2019, Some(9), None));
        assert_eq!(Date::parse("2019"), d(2019, None, None));
        assert_eq!(Date::parse("2020-02-29"), d(2020, Some(2), Some(29)));
        for bad in [
            "2019-02-29",
            "1900-02-29",
            "2019-13",
            "2019-9-1",
            "20190",
            "0999",
            "Selasa, 26 Desember",
            "",
            "2019-09-140",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn day_numbers_and_dates_agree_across_leap_years_and_centuries() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        // Walk day by day from 1899 to 2101, counting months' lengths independently.
        let (mut y, mut m, mut d) = (1899, 1u8, 1u8);
        let start = days_from_civil(1899, 1, 1);
        for day in start..start + 74_000 {
            assert_eq!(civil_from_days(day), (y, m, d));
            assert_eq!(days_from_civil(y, m, d), day);
            d += 1;
            if u32::from(d) > days_in_month(y, m) {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }

    #[test]
    fn iso_weeks_start_on_monday_and_belong_to_the_year_of_their_thursday() {
        let week = |s: &str| Date::parse(s).and_then(|d| d.period(Granularity::Week)).map(|p| p.to_string());
        // 2019-09-14 is a Saturday of week 37; 2019-12-30 (a Monday) begins week 1 of 2020;
        // 2021-01-03 (a Sunday) ends week 53 of 2020.
        assert_eq!(week("2019-09-09").as_deref(), Some("2019-W37"));
        assert_eq!(week("2019-09-15").as_deref(), Some("2019-W37"));
        assert_eq!(week("2019-09-16").as_deref(), Some("2019-W38"));
        assert_eq!(week("2019-12-30").as_deref(), Some("2020-W01"));
        assert_eq!(week("2021-01-03").as_deref(), Some("2020-W53"));
        assert_eq!(week("2019-09").as_deref(), None, "a month is no week");
        assert_eq!(iso_weeks(2020), 53);
        assert_eq!(iso_weeks(2019), 52);
    }

    #[test]
    fn every_period_parses_back_from_its_text() {
        for g in [Granularity::Day, Granularity::Week, Granularity::Month, Granularity::Year] {
            let mut p = Period::containing(g, days_from_civil(2018, 12, 20));
            for _ in 0..60 {
                assert_eq!(Period::parse(&p.to_string()), Some(p), "{p}");
                assert!(p.next().first_day() > p.first_day());
                assert_eq!(Period::containing(g, p.first_day()), p);
                assert_eq!(Period::containing(g, p.next().first_day() - 1), p, "{p}: its last day");
                p = p.next();
            }
        }
        for bad in ["2019-W00", "2019-W53", "2019-W7", "W37", "2019-09-1", "19-09"] {
            assert_eq!(Period::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_filter_holds_the_days_of_a_week_and_the_prefixes_of_anything_else() {
        assert!(matches("2019-W37", "2019-09-09"));
        assert!(matches("2019-W37", "2019-09-15T23:59"));
        assert!(!matches("2019-W37", "2019-09-16"));
        assert!(!matches("2019-W37", "2019-09"));
        assert!(matches("2019-09", "2019-09-16"));
        assert!(matches("2019", "2019-09-16"));
        assert!(matches("2019-09-16", "2019-09-16T10:00"));
        assert!(!matches("2019-10", "2019-09-16"));
    }
}
