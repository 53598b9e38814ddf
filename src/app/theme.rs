//! The app's colours, in one place, for light and dark. Meaning is never carried by colour
//! alone: deletions are also struck through and insertions underlined.

use egui::{Color32, Stroke, Visuals};

/// Background tints for statements in the reader, one per government (light, dark). Picked
/// by the government's code, so a government keeps its colour in every article and run.
const GOVERNMENT_TINTS: [(Color32, Color32); 8] = [
    (
        Color32::from_rgb(0xcf, 0xe3, 0xff),
        Color32::from_rgb(0x1e, 0x3a, 0x5f),
    ),
    (
        Color32::from_rgb(0xff, 0xd6, 0xd6),
        Color32::from_rgb(0x5f, 0x24, 0x24),
    ),
    (
        Color32::from_rgb(0xd4, 0xf2, 0xd4),
        Color32::from_rgb(0x1f, 0x4d, 0x2a),
    ),
    (
        Color32::from_rgb(0xe8, 0xd9, 0xff),
        Color32::from_rgb(0x3f, 0x2a, 0x63),
    ),
    (
        Color32::from_rgb(0xff, 0xe4, 0xc4),
        Color32::from_rgb(0x5c, 0x3b, 0x14),
    ),
    (
        Color32::from_rgb(0xc9, 0xf0, 0xee),
        Color32::from_rgb(0x14, 0x4d, 0x4a),
    ),
    (
        Color32::from_rgb(0xff, 0xd6, 0xee),
        Color32::from_rgb(0x5c, 0x1f, 0x45),
    ),
    (
        Color32::from_rgb(0xe6, 0xeb, 0xc4),
        Color32::from_rgb(0x45, 0x4a, 0x16),
    ),
];

/// The tint of statements of a government (`None`: not a government's, grey).
#[must_use]
pub fn government_colour(iso3: Option<&str>, dark: bool) -> Color32 {
    let Some(iso3) = iso3 else {
        return if dark {
            Color32::from_gray(0x44)
        } else {
            Color32::from_gray(0xe4)
        };
    };
    // FNV-1a: stable across runs and platforms, unlike the standard hasher's seed.
    let hash = iso3.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let (light, dark_tint) = GOVERNMENT_TINTS[hash as usize % GOVERNMENT_TINTS.len()];
    if dark { dark_tint } else { light }
}

/// Colours used by the views.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Background of words only in the left statement (deleted).
    pub deleted_bg: Color32,
    /// Text of deleted words.
    pub deleted_fg: Color32,
    /// Background of words only in the right statement (inserted).
    pub inserted_bg: Color32,
    /// Text of inserted words.
    pub inserted_fg: Color32,
    /// Background of the statement in the article reader.
    pub highlight_bg: Color32,
    /// Ordinary text.
    pub text: Color32,
    /// Headings and strong text.
    pub strong: Color32,
    /// Secondary text (counts, dates).
    pub weak: Color32,
    /// Error notices.
    pub error: Color32,
    /// Warning notices.
    pub warning: Color32,
}

impl Palette {
    /// The palette for the current visuals.
    #[must_use]
    pub fn of(visuals: &Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                deleted_bg: Color32::from_rgb(0x5c, 0x1f, 0x24),
                deleted_fg: Color32::from_rgb(0xff, 0xc4, 0xc4),
                inserted_bg: Color32::from_rgb(0x1b, 0x4a, 0x2c),
                inserted_fg: Color32::from_rgb(0xc6, 0xf6, 0xd0),
                highlight_bg: Color32::from_rgb(0x5a, 0x4a, 0x12),
                text: visuals.text_color(),
                strong: visuals.strong_text_color(),
                weak: visuals.weak_text_color(),
                error: Color32::from_rgb(0xff, 0x8a, 0x80),
                warning: Color32::from_rgb(0xff, 0xcc, 0x66),
            }
        } else {
            Self {
                deleted_bg: Color32::from_rgb(0xff, 0xdc, 0xdc),
                deleted_fg: Color32::from_rgb(0x8a, 0x10, 0x10),
                inserted_bg: Color32::from_rgb(0xd4, 0xf5, 0xdc),
                inserted_fg: Color32::from_rgb(0x0b, 0x5d, 0x1e),
                highlight_bg: Color32::from_rgb(0xff, 0xec, 0x99),
                text: visuals.text_color(),
                strong: visuals.strong_text_color(),
                weak: visuals.weak_text_color(),
                error: Color32::from_rgb(0xb0, 0x1c, 0x1c),
                warning: Color32::from_rgb(0x8a, 0x5a, 0x00),
            }
        }
    }

    /// The text colour of shared phrase `id` (both statements use it), cycling through a
    /// few hues readable on the background.
    #[must_use]
    pub fn phrase(&self, id: usize, dark: bool) -> Color32 {
        const LIGHT: [Color32; 5] = [
            Color32::from_rgb(0x1d, 0x4e, 0xd8),
            Color32::from_rgb(0x7e, 0x22, 0xce),
            Color32::from_rgb(0x0f, 0x76, 0x6e),
            Color32::from_rgb(0xb4, 0x53, 0x09),
            Color32::from_rgb(0xbe, 0x18, 0x5d),
        ];
        const DARK: [Color32; 5] = [
            Color32::from_rgb(0x93, 0xc5, 0xfd),
            Color32::from_rgb(0xd8, 0xb4, 0xfe),
            Color32::from_rgb(0x5e, 0xea, 0xd4),
            Color32::from_rgb(0xfc, 0xd3, 0x4d),
            Color32::from_rgb(0xf9, 0xa8, 0xd4),
        ];
        let hues = if dark { &DARK } else { &LIGHT };
        hues[id % hues.len()]
    }

    /// The stroke that strikes deleted words through.
    #[must_use]
    pub fn deleted_stroke(&self) -> Stroke {
        Stroke::new(1.0, self.deleted_fg)
    }

    /// The stroke that underlines inserted words.
    #[must_use]
    pub fn inserted_stroke(&self) -> Stroke {
        Stroke::new(1.0, self.inserted_fg)
    }

    /// The colour of a similarity figure: weak when high, warning when low.
    #[must_use]
    pub fn similarity(&self, similarity: f32) -> Color32 {
        if similarity >= 0.8 {
            self.weak
        } else if similarity >= 0.4 {
            self.warning
        } else {
            self.error
        }
    }
}

/// The colour of a shift of position, from the Okabe-Ito palette (told apart with any of the
/// common colour-vision deficiencies), darker on light backgrounds and lighter on dark ones.
/// Badges also name their kind, so the colour is never the only cue.
#[must_use]
pub fn shift_colour(kind: crate::compare::ShiftKind, dark: bool) -> Color32 {
    use crate::compare::ShiftKind;
    let (light, dark_tint) = match kind {
        // Vermillion.
        ShiftKind::Stronger => (
            Color32::from_rgb(0xb8, 0x4a, 0x00),
            Color32::from_rgb(0xff, 0x8c, 0x4a),
        ),
        // Blue / sky blue.
        ShiftKind::Weaker => (
            Color32::from_rgb(0x00, 0x72, 0xb2),
            Color32::from_rgb(0x56, 0xb4, 0xe9),
        ),
        // Reddish purple.
        ShiftKind::MoreCertain => (
            Color32::from_rgb(0xa3, 0x4a, 0x82),
            Color32::from_rgb(0xe0, 0x94, 0xc0),
        ),
        // Orange.
        ShiftKind::LessCertain => (
            Color32::from_rgb(0x9a, 0x66, 0x00),
            Color32::from_rgb(0xe6, 0x9f, 0x00),
        ),
        // Black / yellow.
        ShiftKind::Negation => (
            Color32::from_rgb(0x30, 0x30, 0x30),
            Color32::from_rgb(0xf0, 0xe4, 0x42),
        ),
        // Bluish green.
        ShiftKind::Renamed => (
            Color32::from_rgb(0x00, 0x7a, 0x5a),
            Color32::from_rgb(0x3c, 0xcb, 0x9c),
        ),
    };
    if dark { dark_tint } else { light }
}

/// Colours for a timeline's variants (Okabe-Ito, then repeating), readable on the plot's
/// background in light and dark.
#[must_use]
pub fn variant_colour(index: usize, dark: bool) -> Color32 {
    const LIGHT: [Color32; 7] = [
        Color32::from_rgb(0x00, 0x72, 0xb2),
        Color32::from_rgb(0xd5, 0x5e, 0x00),
        Color32::from_rgb(0x00, 0x9e, 0x73),
        Color32::from_rgb(0xcc, 0x79, 0xa7),
        Color32::from_rgb(0xb0, 0x80, 0x00),
        Color32::from_rgb(0x56, 0xb4, 0xe9),
        Color32::from_rgb(0x30, 0x30, 0x30),
    ];
    const DARK: [Color32; 7] = [
        Color32::from_rgb(0x56, 0xb4, 0xe9),
        Color32::from_rgb(0xff, 0x8c, 0x4a),
        Color32::from_rgb(0x3c, 0xcb, 0x9c),
        Color32::from_rgb(0xe0, 0x94, 0xc0),
        Color32::from_rgb(0xe6, 0x9f, 0x00),
        Color32::from_rgb(0xf0, 0xe4, 0x42),
        Color32::from_rgb(0xe0, 0xe0, 0xe0),
    ];
    let colours = if dark { &DARK } else { &LIGHT };
    colours[index % colours.len()]
}
