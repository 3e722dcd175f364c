//! The legend: every slice with its swatch, name, value and share, in as many columns as
//! the plan gives it; what does not fit is counted 「ほか3項目（表を参照）」.

use super::*;
use crate::locale::Locale;
use crate::text::truncate_to_width;

/// The legend: every slice with its value and share.
impl Ctx<'_> {
    pub(super) fn legend_items(&self, values: &[Option<f64>], shares: &[Option<f64>]) -> Vec<LegendItem> {
        let missing = self.r.locale().pick("データなし", "no data");
        let mut items = Vec::with_capacity(values.len());
        for (index, value) in values.iter().enumerate() {
            let name = self.spec.categories.get(index).cloned().unwrap_or_default();
            items.push(match (value, shares.get(index).copied().flatten()) {
                (Some(v), Some(share)) => LegendItem { index, name, value: self.value_with_unit(*v), share: self.share_text(share) },
                _ => LegendItem { index, name, value: missing.to_owned(), share: String::new() },
            });
        }
        items
    }

    pub(super) fn draw_legend(&self, items: &[LegendItem], colors: &[Color], legend: &LegendPlan, scene: &mut Scene) {
        let capacity = legend.rows * legend.columns;
        let shown = if capacity < items.len() { capacity.saturating_sub(1) } else { items.len() };
        let share_offset = SWATCH
            + SWATCH_GAP
            + legend.name_room
            + COLUMN_GAP
            + if legend.show_values { legend.value_width + COLUMN_GAP } else { 0.0 }
            + legend.share_width;
        let place = |k: usize| {
            let (column, row) = (k / legend.rows.max(1), k % legend.rows.max(1));
            let x = legend.x + column as f32 * (legend.column_width + LEGEND_COLUMN_GAP);
            (x, legend.y + row as f32 * LEGEND_ROW + LEGEND_ROW / 2.0)
        };
        for (k, item) in items.iter().take(shown).enumerate() {
            let (x, y) = place(k);
            let name_x = x + SWATCH + SWATCH_GAP;
            let share_right = x + share_offset;
            let value_right = share_right - legend.share_width - COLUMN_GAP;
            let color = colors[item.index];
            let drawn = !item.share.is_empty();
            let stroke = if drawn { self.theme.outline_for(color) } else { Some(self.theme.baseline) };
            let fill = if drawn { color } else { self.theme.background };
            scene.marks.push(Mark::Rect { x, y: y - SWATCH / 2.0, w: SWATCH, h: SWATCH, fill, stroke });
            let (name, _) = truncate_to_width(&item.name, legend.name_room, self.font, self.measure);
            scene.marks.push(self.text(name_x, y, &name, self.font, self.theme.text, HAlign::Start, VAlign::Middle));
            if legend.show_values {
                scene.marks.push(self.text(value_right, y, &item.value, self.font, self.theme.text, HAlign::End, VAlign::Middle));
            }
            if drawn {
                scene.marks.push(self.text(share_right, y, &item.share, self.font, self.theme.muted_text, HAlign::End, VAlign::Middle));
            } else if !legend.show_values {
                scene.marks.push(self.text(share_right, y, &item.value, self.font, self.theme.muted_text, HAlign::End, VAlign::Middle));
            }
        }
        if shown < items.len() {
            let rest = items.len() - shown;
            let (long, short) = match self.r.locale() {
                Locale::Ja => (format!("ほか{rest}項目（表を参照）"), format!("ほか{rest}項目")),
                Locale::En => (format!("{rest} more (see the table)"), format!("{rest} more")),
            };
            let (x, y) = place(shown);
            let room = share_offset;
            let text = if self.measure.width(&long, self.font) <= room {
                long
            } else {
                truncate_to_width(&short, room, self.font, self.measure).0
            };
            scene.marks.push(self.text(x, y, &text, self.font, self.theme.muted_text, HAlign::Start, VAlign::Middle));
        }
    }
}
