//! Comparison: normalise (with offset maps) -> sentences -> align -> diff -> shared phrases.
