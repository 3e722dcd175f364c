//! The symbols of Japanese statistical tables, for tables, tooltips and screen readers.
//!
//! A value can stand in for a number that is missing for a reason (`-` 該当数値なし,
//! `…` 不詳, `x` 秘匿) or carry a flag on a published number (`p` 速報値, `r` 訂正値). The spec
//! parser records them as [`StatSymbol`] and [`ValueFlag`] (in `spec`); [`StatMark`] is the one
//! type the display code needs for both: the symbol to print and the words to speak.
//!
//! ```
//! use indicator_chart::locale::Locale;
//! use indicator_chart::stat_symbols::{flagged, flagged_spoken, StatMark, StatSymbol, ValueFlag};
//!
//! let mark = StatMark::from(StatSymbol::Confidential);
//! assert_eq!((mark.symbol(), mark.name(Locale::Ja)), ("x", "秘匿"));
//! assert_eq!(flagged("1,234", ValueFlag::Preliminary), "1,234 p");
//! assert_eq!(flagged_spoken("1,234", ValueFlag::Preliminary, Locale::Ja), "1,234（速報値）");
//! ```

use crate::locale::Locale;
pub use crate::spec::{StatSymbol, ValueFlag};

/// A statistical symbol or flag, as printed and as spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatMark {
    /// `-`: 該当数値なし, not applicable.
    NotApplicable,
    /// `…`: 不詳, unknown.
    Unknown,
    /// `x`: 秘匿, confidential.
    Confidential,
    /// `p`: 速報値, preliminary.
    Preliminary,
    /// `r`: 訂正値, revised.
    Revised,
}

impl StatMark {
    /// Every mark, in the order tables explain them.
    pub const ALL: [StatMark; 5] =
        [StatMark::NotApplicable, StatMark::Unknown, StatMark::Confidential, StatMark::Preliminary, StatMark::Revised];

    /// The symbol printed in a cell or after a number: `-`, `…`, `x`, `p`, `r`.
    pub fn symbol(self) -> &'static str {
        match self {
            StatMark::NotApplicable => "-",
            StatMark::Unknown => "…",
            StatMark::Confidential => "x",
            StatMark::Preliminary => "p",
            StatMark::Revised => "r",
        }
    }

    /// What the symbol means, for screen readers (`aria-label`, `<abbr title>`) and tooltips:
    /// 該当数値なし / not applicable, 不詳 / unknown, 秘匿 / confidential, 速報値 / preliminary,
    /// 訂正値 / revised.
    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            StatMark::NotApplicable => locale.pick("該当数値なし", "not applicable"),
            StatMark::Unknown => locale.pick("不詳", "unknown"),
            StatMark::Confidential => locale.pick("秘匿", "confidential"),
            StatMark::Preliminary => locale.pick("速報値", "preliminary"),
            StatMark::Revised => locale.pick("訂正値", "revised"),
        }
    }

    /// A flag follows a number (`p`, `r`); the other marks replace it.
    pub fn is_flag(self) -> bool {
        matches!(self, StatMark::Preliminary | StatMark::Revised)
    }

    /// One entry of a table's key of symbols: 「x：秘匿」 / `x: confidential`.
    pub fn key(self, locale: Locale) -> String {
        match locale {
            Locale::Ja => format!("{}：{}", self.symbol(), self.name(locale)),
            Locale::En => format!("{}: {}", self.symbol(), self.name(locale)),
        }
    }
}

impl From<StatSymbol> for StatMark {
    fn from(symbol: StatSymbol) -> StatMark {
        match symbol {
            StatSymbol::NotApplicable => StatMark::NotApplicable,
            StatSymbol::Unknown => StatMark::Unknown,
            StatSymbol::Confidential => StatMark::Confidential,
        }
    }
}

impl From<ValueFlag> for StatMark {
    fn from(flag: ValueFlag) -> StatMark {
        match flag {
            ValueFlag::Preliminary => StatMark::Preliminary,
            ValueFlag::Revised => StatMark::Revised,
        }
    }
}

/// A flagged number as printed: `1,234 p`.
pub fn flagged(number: &str, flag: ValueFlag) -> String {
    format!("{number} {}", StatMark::from(flag).symbol())
}

/// A flagged number as spoken: 「1,234（速報値）」 / `1,234 (preliminary)`.
pub fn flagged_spoken(number: &str, flag: ValueFlag, locale: Locale) -> String {
    let name = StatMark::from(flag).name(locale);
    match locale {
        Locale::Ja => format!("{number}（{name}）"),
        Locale::En => format!("{number} ({name})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_and_names_table() {
        let cases: &[(StatMark, &str, &str, &str, bool)] = &[
            (StatMark::NotApplicable, "-", "該当数値なし", "not applicable", false),
            (StatMark::Unknown, "…", "不詳", "unknown", false),
            (StatMark::Confidential, "x", "秘匿", "confidential", false),
            (StatMark::Preliminary, "p", "速報値", "preliminary", true),
            (StatMark::Revised, "r", "訂正値", "revised", true),
        ];
        assert_eq!(cases.len(), StatMark::ALL.len());
        for (&(mark, symbol, ja, en, flag), all) in cases.iter().zip(StatMark::ALL) {
            assert_eq!(mark, all);
            assert_eq!(mark.symbol(), symbol);
            assert_eq!(mark.name(Locale::Ja), ja);
            assert_eq!(mark.name(Locale::En), en);
            assert_eq!(mark.is_flag(), flag);
        }
        assert_eq!(StatMark::Confidential.key(Locale::Ja), "x：秘匿");
        assert_eq!(StatMark::Unknown.key(Locale::En), "…: unknown");
    }

    #[test]
    fn parsed_symbols_and_flags_map_to_their_marks() {
        assert_eq!(StatMark::from(StatSymbol::NotApplicable), StatMark::NotApplicable);
        assert_eq!(StatMark::from(StatSymbol::Unknown), StatMark::Unknown);
        assert_eq!(StatMark::from(StatSymbol::Confidential), StatMark::Confidential);
        assert_eq!(StatMark::from(ValueFlag::Preliminary), StatMark::Preliminary);
        assert_eq!(StatMark::from(ValueFlag::Revised), StatMark::Revised);
    }

    #[test]
    fn flagged_numbers_print_and_speak() {
        assert_eq!(flagged("1,234", ValueFlag::Preliminary), "1,234 p");
        assert_eq!(flagged("9,852万", ValueFlag::Revised), "9,852万 r");
        assert_eq!(flagged_spoken("1,234", ValueFlag::Preliminary, Locale::Ja), "1,234（速報値）");
        assert_eq!(flagged_spoken("1,234", ValueFlag::Revised, Locale::En), "1,234 (revised)");
    }
}
