//! Scene → canvas, through plotters-canvas, at the screen's devicePixelRatio.
//!
//! plotters-canvas draws in backing-store pixels and ignores devicePixelRatio (plotters
//! #164). We size the backing store to CSS size × DPR and convert every coordinate here,
//! snapping rectangles and rules to whole device pixels so edges stay sharp at any zoom.

use crate::scene::{dash_pattern, marker_outline, HAlign, Mark, Scene, VAlign};
use crate::theme::{Color, MarkerShape};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontFamily, FontStyle, RGBAColor, ShapeStyle, TextStyle};
use plotters_backend::DrawingBackend;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub fn draw_scene(canvas: &HtmlCanvasElement, scene: &Scene, dpr: f64) -> Result<(), String> {
    let device = |v: f32| (v as f64 * dpr).round() as i32;
    let (w, h) = (device(scene.width).max(1) as u32, device(scene.height).max(1) as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or("canvas 2d context unavailable")?;
    context.set_line_join("round");
    context.set_line_cap("round");
    let mut backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("canvas 2d context unavailable")?;
    let fail = |e: plotters_backend::DrawingErrorKind<_>| e.to_string();

    for mark in &scene.marks {
        match mark {
            Mark::Rect { x, y, w, h, fill, stroke } => {
                let (x0, y0, x1, y1) = (device(*x), device(*y), device(x + w), device(y + h));
                // Thin bars in long series must not vanish to zero device pixels.
                let x1 = if *w > 0.0 { x1.max(x0 + 1) } else { x1 };
                backend.draw_rect((x0, y0), (x1, y1), &style(*fill, 0), true).map_err(fail)?;
                if let Some(stroke) = stroke {
                    let t = (dpr.round() as i32).max(1);
                    for (a, b) in [((x0, y0), (x1, y0 + t)), ((x0, y1 - t), (x1, y1)), ((x0, y0), (x0 + t, y1)), ((x1 - t, y0), (x1, y1))] {
                        backend.draw_rect(a, b, &style(*stroke, 0), true).map_err(fail)?;
                    }
                }
            }
            Mark::Rule { x1, y1, x2, y2, width, color } => {
                let t = ((*width as f64 * dpr).round() as i32).max(1);
                let (a, b) = if (y1 - y2).abs() < f32::EPSILON {
                    let y = (((*y1 as f64) * dpr) - t as f64 / 2.0).round() as i32;
                    ((device(*x1), y), (device(*x2), y + t))
                } else {
                    let x = (((*x1 as f64) * dpr) - t as f64 / 2.0).round() as i32;
                    ((x, device(*y1)), (x + t, device(*y2)))
                };
                backend.draw_rect(a, b, &style(*color, 0), true).map_err(fail)?;
            }
            Mark::Polyline { points, width, color, dash } => {
                let stroke = ((*width as f64) * dpr).round().max(1.0) as u32;
                let pattern = dash_pattern(*dash);
                // plotters has no dashes; the context it draws on does.
                if !pattern.is_empty() {
                    let lengths: js_sys::Array = pattern.iter().map(|p| JsValue::from_f64(*p as f64 * stroke as f64)).collect();
                    let _ = context.set_line_dash(&lengths);
                    context.set_line_cap("butt");
                }
                let path = points.iter().map(|(x, y)| (device(*x), device(*y)));
                let drawn = backend.draw_path(path, &style(*color, stroke)).map_err(fail);
                if !pattern.is_empty() {
                    let _ = context.set_line_dash(&js_sys::Array::new());
                    context.set_line_cap("round");
                }
                drawn?;
            }
            Mark::Polygon { points, fill, stroke } => {
                let path: Vec<(i32, i32)> = points.iter().map(|(x, y)| (device(*x), device(*y))).collect();
                backend.fill_polygon(path.iter().copied(), &style(*fill, 0)).map_err(fail)?;
                if let Some((color, width)) = stroke {
                    let w = ((*width as f64) * dpr).round().max(1.0) as u32;
                    let closed = path.iter().copied().chain(path.first().copied());
                    backend.draw_path(closed, &style(*color, w)).map_err(fail)?;
                }
            }
            Mark::Marker { cx, cy, r, shape, fill, ring } => {
                let ring_width = (1.5 * dpr) as f32;
                let mut layers = Vec::with_capacity(2);
                if let Some(ring) = ring {
                    layers.push((*r * dpr as f32 + ring_width, *ring));
                }
                layers.push((*r * dpr as f32, *fill));
                let (dcx, dcy) = (*cx * dpr as f32, *cy * dpr as f32);
                for (radius, color) in layers {
                    match marker_outline(*shape, dcx, dcy, radius) {
                        None if *shape == MarkerShape::None => {}
                        None => backend
                            .draw_circle((dcx.round() as i32, dcy.round() as i32), radius.round().max(1.0) as u32, &style(color, 0), true)
                            .map_err(fail)?,
                        Some(points) => backend
                            .fill_polygon(points.iter().map(|(x, y)| (x.round() as i32, y.round() as i32)), &style(color, 0))
                            .map_err(fail)?,
                    }
                }
            }
            Mark::Text { x, y, text, size, bold, color, h, v, .. } => {
                let weight = if *bold { FontStyle::Bold } else { FontStyle::Normal };
                let color = rgba(*color);
                let font_style = TextStyle::from((FontFamily::Name(scene.font_family), *size as f64 * dpr, weight))
                    .color(&color)
                    .pos(Pos::new(h_pos(*h), v_pos(*v)));
                backend.draw_text(text, &font_style, (device(*x), device(*y))).map_err(fail)?;
            }
        }
    }
    Ok(())
}

fn rgba(c: Color) -> RGBAColor {
    RGBAColor(c.r, c.g, c.b, c.a as f64 / 255.0)
}

fn style(c: Color, stroke_width: u32) -> ShapeStyle {
    ShapeStyle { color: rgba(c), filled: stroke_width == 0, stroke_width }
}

fn h_pos(h: HAlign) -> HPos {
    match h {
        HAlign::Start => HPos::Left,
        HAlign::Middle => HPos::Center,
        HAlign::End => HPos::Right,
    }
}

fn v_pos(v: VAlign) -> VPos {
    match v {
        VAlign::Top => VPos::Top,
        VAlign::Middle => VPos::Center,
        VAlign::Bottom => VPos::Bottom,
    }
}
