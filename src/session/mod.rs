//! The session: the user's whole work, saved as a versioned RON file.
