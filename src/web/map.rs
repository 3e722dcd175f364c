//! The map build's additions to the browser binding (`map` feature, `pkg/map/`): the page
//! hands in the prefecture shapes once, and the keyboard asks for compass neighbours.

use super::{error_object, spec_tree, WasmChart};
use crate::map::Geometry;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The page's shapes (`www/maps/prefectures.json`), read once and shared by its maps.
    static GEOMETRY: RefCell<Option<Rc<Geometry>>> = const { RefCell::new(None) };
}

/// Reads the geometry asset (the parsed JSON of `www/maps/prefectures.json`) for every map the
/// page draws from now on. Throws `{ message }` naming the part that is wrong.
#[wasm_bindgen(js_name = setMapGeometry)]
pub fn set_map_geometry(asset: JsValue) -> Result<(), JsValue> {
    let json = spec_tree(asset, None)?;
    let geometry = Geometry::from_json(&json).map_err(|e| error_object(&format!("map geometry: {}", e.0), e.0, "ja"))?;
    GEOMETRY.with(|g| *g.borrow_mut() = Some(Rc::new(geometry)));
    Ok(())
}

/// The chart with the page's shapes, when it is a map that needs them and they are loaded.
pub(super) fn attach(chart: crate::chart::Chart) -> crate::chart::Chart {
    match GEOMETRY.with(|g| g.borrow().clone()) {
        Some(geometry) if chart.needs_geometry() => chart.with_geometry(geometry),
        _ => chart,
    }
}

#[wasm_bindgen(js_class = Chart)]
impl WasmChart {
    /// Whether this chart is a `geo` map made before the page handed in its shapes: the loader
    /// then fetches them (once a page) and calls [`WasmChart::attach_geometry`]. The tile grid
    /// never needs them.
    #[wasm_bindgen(js_name = needsGeometry)]
    pub fn needs_geometry(&self) -> bool {
        self.chart.needs_geometry()
    }

    /// Gives this chart the page's shapes, now that `setMapGeometry` has them (no new parse).
    #[wasm_bindgen(js_name = attachGeometry)]
    pub fn attach_geometry(&mut self) {
        if let Some(geometry) = GEOMETRY.with(|g| g.borrow().clone()) {
            self.chart.set_geometry(geometry);
            self.scene = None;
        }
    }

    /// For an arrow key (`ArrowRight` …) on point `k` (a position in `points()`), the position
    /// of the point the keyboard moves to, or -1 at an edge (the chart is not a map: -2).
    pub fn neighbour(&self, k: u32, key: &str) -> i32 {
        let (dx, dy) = match key {
            "ArrowRight" => (1, 0),
            "ArrowLeft" => (-1, 0),
            "ArrowDown" => (0, 1),
            "ArrowUp" => (0, -1),
            _ => return -2,
        };
        let Some(scene) = &self.scene else { return -2 };
        if self.chart.spec().map.is_none() {
            return -2;
        }
        let Some(point) = scene.points.get(k as usize) else { return -1 };
        self.chart.neighbour(point.index, dx, dy).and_then(|c| scene.points.iter().position(|p| p.index == c)).map_or(-1, |i| i as i32)
    }
}
