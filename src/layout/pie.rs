//! Layout of `pie` charts. Not drawn yet: the scene keeps only its background.

use crate::scene::Scene;
use crate::spec::ChartSpec;
use crate::text::TextMeasure;
use crate::theme::Theme;

pub fn layout(_spec: &ChartSpec, _theme: &Theme, _measure: &dyn TextMeasure, _scene: &mut Scene) {}
