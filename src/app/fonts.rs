//! Fonts: egui's own fonts cover Latin, Greek and Cyrillic only, so a system CJK font is
//! added as the lowest-priority fallback when one is installed. Nothing fails without it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// Where common Linux, macOS and Windows installs keep a CJK-capable font, best first.
const CJK_CANDIDATES: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\msgothic.ttc",
];

/// The first CJK font found and its bytes, read once per process: every egui context
/// (one per window, and one per test harness) shares these ~20 MB instead of reading its
/// own copy.
fn cjk_font() -> Option<&'static (PathBuf, Vec<u8>)> {
    static FONT: OnceLock<Option<(PathBuf, Vec<u8>)>> = OnceLock::new();
    FONT.get_or_init(|| {
        CJK_CANDIDATES.iter().map(Path::new).find_map(|path| {
            std::fs::read(path)
                .ok()
                .map(|bytes| (path.to_owned(), bytes))
        })
    })
    .as_ref()
}

/// Adds the first CJK font found as the last fallback of both families. Returns its path,
/// or `None` when none is installed (CJK text then shows as boxes, or through eframe's own
/// system-font lookup).
pub fn install_cjk_fallback(ctx: &egui::Context) -> Option<PathBuf> {
    let (path, bytes) = cjk_font()?;
    ctx.add_font(FontInsert::new(
        "demarche-cjk-fallback",
        FontData::from_static(bytes),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Lowest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
    Some(path.clone())
}
