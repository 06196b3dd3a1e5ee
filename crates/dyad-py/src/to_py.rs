//! A serde serializer that builds Python objects directly: the library's JSON rows (`dyad::json`) become dicts with
//! the keys, order and values of their JSON, without text in between. Field names are made into Python strings once
//! per batch (`Keys`), which is what makes this several times cheaper than a general-purpose converter.

use std::collections::HashMap;
use std::fmt;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyString};
use serde::ser::{self, Impossible, Serialize};

/// Python strings for struct field names, made once and reused.
#[derive(Default)]
pub struct Keys(HashMap<&'static str, Py<PyString>>);

impl Keys {
    fn get<'py>(&mut self, py: Python<'py>, key: &'static str) -> Bound<'py, PyString> {
        self.0.entry(key).or_insert_with(|| PyString::intern(py, key).unbind()).bind(py).clone()
    }
}

/// An error: a Python exception while building, or a shape the rows never have.
#[derive(Debug)]
pub struct ToPyError(String);

impl fmt::Display for ToPyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ToPyError {}

impl ser::Error for ToPyError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ToPyError(msg.to_string())
    }
}

impl From<PyErr> for ToPyError {
    fn from(e: PyErr) -> Self {
        ToPyError(e.to_string())
    }
}

impl From<ToPyError> for PyErr {
    fn from(e: ToPyError) -> PyErr {
        pyo3::exceptions::PyRuntimeError::new_err(format!("dyad: could not build a Python object: {}", e.0))
    }
}

/// `value` as a Python object: structs become dicts, options None or the value, numbers int or float.
pub fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, keys: &mut Keys, value: &T) -> PyResult<Bound<'py, PyAny>> {
    Ok(value.serialize(ToPy { py, keys })?)
}

struct ToPy<'a, 'py> {
    py: Python<'py>,
    keys: &'a mut Keys,
}

struct Dict<'a, 'py> {
    py: Python<'py>,
    keys: &'a mut Keys,
    dict: Bound<'py, PyDict>,
}

fn unsupported<T>(what: &str) -> Result<T, ToPyError> {
    Err(ToPyError(format!("{what} is not supported")))
}

impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;
    type SerializeSeq = Impossible<Self::Ok, ToPyError>;
    type SerializeTuple = Impossible<Self::Ok, ToPyError>;
    type SerializeTupleStruct = Impossible<Self::Ok, ToPyError>;
    type SerializeTupleVariant = Impossible<Self::Ok, ToPyError>;
    type SerializeMap = Impossible<Self::Ok, ToPyError>;
    type SerializeStruct = Dict<'a, 'py>;
    type SerializeStructVariant = Impossible<Self::Ok, ToPyError>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, ToPyError> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, ToPyError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, ToPyError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, ToPyError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, ToPyError> {
        let Ok(n) = v.into_pyobject(self.py);
        Ok(n.into_any())
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, ToPyError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, ToPyError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, ToPyError> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, ToPyError> {
        let Ok(n) = v.into_pyobject(self.py);
        Ok(n.into_any())
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, ToPyError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, ToPyError> {
        Ok(PyFloat::new(self.py, v).into_any())
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, ToPyError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, ToPyError> {
        Ok(PyString::new(self.py, v).into_any())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Self::Ok, ToPyError> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<Self::Ok, ToPyError> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, ToPyError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, ToPyError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Self::Ok, ToPyError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Self::Ok, ToPyError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<Self::Ok, ToPyError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, ToPyError> {
        unsupported("an enum variant with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, ToPyError> {
        unsupported("a sequence")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, ToPyError> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, ToPyError> {
        unsupported("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, ToPyError> {
        unsupported("a tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, ToPyError> {
        unsupported("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, ToPyError> {
        Ok(Dict { py: self.py, keys: self.keys, dict: PyDict::new(self.py) })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, ToPyError> {
        unsupported("a struct variant")
    }
}

impl<'py> ser::SerializeStruct for Dict<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ToPyError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), ToPyError> {
        let value = value.serialize(ToPy { py: self.py, keys: self.keys })?;
        let key = self.keys.get(self.py, key);
        self.dict.set_item(key, value)?;
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, ToPyError> {
        Ok(self.dict.into_any())
    }
}
