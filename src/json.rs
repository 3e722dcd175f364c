//! A small JSON value tree that both entry points deserialize into.
//!
//! The browser hands us a JS object (through serde-wasm-bindgen), native tests hand us
//! JSON text (through serde_json). Validating our own tree instead of deriving serde
//! structs lets every error name its JSON path, say what was found, and speak Japanese,
//! which serde's derived messages cannot. Object keys keep their order and may repeat
//! (`__proto__` is just a key here: no prototype to pollute).

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
    /// The value of `key` in an object (the first one when a key repeats).
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

#[cfg(test)]
mod tests {
    use super::*;

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
