//! A small JSON value tree that both entry points deserialize into.
//!
//! The browser hands us a JS object (through serde-wasm-bindgen), native tests hand us
//! JSON text (through serde_json). Validating our own tree instead of deriving serde
//! structs lets every error name its JSON path, say what was found, and speak Japanese,
//! which serde's derived messages cannot. Object keys keep their order and may repeat
//! (`__proto__` is just a key here: no prototype to pollute). A repeated key is kept as
//! written and refused by the validator with its path (`spec::Fields::of`).

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One JSON value. Numbers are `f64`, as in JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object (the first one when a key repeats; the validator
    /// refuses repeated keys, so no chart depends on which one is read).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(item) = seq.next_element::<Json>()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

/// Where a value sits in the spec, printed the way authors write it: `series[0].values[3]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(String);

impl JsonPath {
    /// The whole spec.
    pub fn root() -> Self {
        JsonPath(String::new())
    }
    /// The path of `key` inside this object.
    pub fn key(&self, key: &str) -> Self {
        if self.0.is_empty() {
            JsonPath(key.to_owned())
        } else {
            JsonPath(format!("{}.{}", self.0, key))
        }
    }
    /// The path of item `index` inside this array.
    pub fn index(&self, index: usize) -> Self {
        JsonPath(format!("{}[{}]", self.0, index))
    }
    /// The printed path; empty for the root.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The path of the first key written twice in one object of JSON `text`, if any.
///
/// The browser parses spec text with `JSON.parse`, which keeps the last of a repeated key
/// silently, so the validator never sees the repeat; this scan of the text lets the browser
/// refuse it as native callers do (`Problem::DuplicateKey`). Only structure is read — strings,
/// brackets, commas — and nothing is allocated for values; malformed text is the parser's
/// business. Each object remembers at most 64 keys: every object of a valid spec takes fewer
/// names than that, so one with more holds an unknown field the validator refuses anyway.
pub fn repeated_key(text: &str) -> Option<JsonPath> {
    /// An open object (its keys so far and the one whose value is being read) or array.
    enum Frame {
        Object { keys: Vec<String>, expect_key: bool },
        Array { index: usize },
    }
    const REMEMBERED_KEYS: usize = 64;
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = string_end(bytes, i)?;
                if let Some(Frame::Object { keys, expect_key: expect_key @ true }) = stack.last_mut() {
                    let name = unescape(text.get(i + 1..end).unwrap_or_default());
                    if keys.contains(&name) {
                        // The path is only built for the answer.
                        let mut path = JsonPath::root();
                        for frame in &stack[..stack.len() - 1] {
                            path = match frame {
                                Frame::Object { keys, .. } => path.key(keys.last().map_or("", String::as_str)),
                                Frame::Array { index } => path.index(*index),
                            };
                        }
                        return Some(path.key(&name));
                    }
                    // The current key is kept last (it names the path into nested values).
                    if keys.len() >= REMEMBERED_KEYS {
                        keys.pop();
                    }
                    keys.push(name);
                    *expect_key = false;
                }
                i = end;
            }
            b'{' => stack.push(Frame::Object { keys: Vec::new(), expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the quote that closes the string opening at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// A key's characters with JSON escapes resolved, so `"\u0074itle"` repeats `"title"`.
fn unescape(raw: &str) -> String {
    if !raw.bytes().any(|b| b == b'\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let unit = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                // A lone or paired surrogate stands for itself here: such keys are never field names.
                out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_found_with_their_path() {
        let at = |t: &str| repeated_key(t).map(|p| p.as_str().to_owned());
        assert_eq!(at(r#"{"title":"a","title":"b"}"#).as_deref(), Some("title"));
        assert_eq!(at(r#"{"series":[{"name":"a"},{"name":"b","values":[1,{"v":1,"v":2}]}]}"#).as_deref(), Some("series[1].values[1].v"));
        assert_eq!(at(r#"{"ti\u0074le":"a","title":"b"}"#).as_deref(), Some("title"), "escapes are resolved");
        // The same key in sibling objects, inside strings, or as a value is no repeat.
        assert_eq!(at(r#"{"a":{"k":1},"b":{"k":2},"c":"\"a\":1,\"a\"","d":["a","a"],"e":"a"}"#), None);
        assert_eq!(at("{\"a\":"), None, "malformed text is the parser's business");
        // A hostile object repeating one name 100,000 times is found at once.
        let hostile = format!("{{{}}}", vec![r#""title":1"#; 100_000].join(","));
        assert_eq!(at(&hostile).as_deref(), Some("title"));
    }

    #[test]
    fn paths_print_like_javascript_accessors() {
        let p = JsonPath::root().key("series").index(0).key("values").index(3);
        assert_eq!(p.as_str(), "series[0].values[3]");
        assert_eq!(JsonPath::root().as_str(), "");
    }

    #[test]
    fn deserializes_every_json_kind_in_order() {
        let v: Json = serde_json::from_str(r#"{"b":[1,2.5,null,true,"x"],"a":{},"__proto__":1}"#).unwrap();
        let Json::Object(entries) = &v else { panic!("not an object") };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "__proto__"]);
        assert_eq!(
            v.get("b"),
            Some(&Json::Array(vec![Json::Number(1.0), Json::Number(2.5), Json::Null, Json::Bool(true), Json::String("x".into())]))
        );
    }
}
