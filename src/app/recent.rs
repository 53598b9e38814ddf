//! Recently opened sessions, kept in a small RON file in the user's config directory
//! (eframe's own storage needs its `persistence` feature, which this build leaves out).

use std::path::{Path, PathBuf};

/// How many sessions the File > Recent menu keeps.
const KEEP: usize = 10;

/// The recent-sessions list and where it is stored (`None`: memory only, as in tests).
#[derive(Debug, Clone, Default)]
pub struct Recent {
    /// Most recent first.
    pub paths: Vec<PathBuf>,
    file: Option<PathBuf>,
}

/// `$XDG_CONFIG_HOME/demarche/recent.ron`, else `~/.config/demarche/recent.ron`
/// (`%APPDATA%\demarche\recent.ron` on Windows).
fn default_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("demarche").join("recent.ron"))
}

impl Recent {
    /// The list saved in the user's config directory (empty when there is none).
    #[must_use]
    pub fn load_default() -> Self {
        let Some(file) = default_file() else {
            return Self::default();
        };
        let paths = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| ron::from_str::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default();
        Self {
            paths,
            file: Some(file),
        }
    }

    /// Puts `path` first and saves the list. A list that cannot be saved stays in memory.
    pub fn push(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(KEEP);
        self.save();
    }

    fn save(&self) {
        let Some(file) = &self.file else {
            return;
        };
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = ron::to_string(&self.paths) {
            let _ = std::fs::write(file, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_comes_first_without_duplicates_and_the_list_is_capped() {
        let mut recent = Recent::default();
        for n in 0..12 {
            recent.push(Path::new(&format!("/nonexistent/s{n}.ron")));
        }
        recent.push(Path::new("/nonexistent/s5.ron"));
        assert_eq!(recent.paths.len(), KEEP);
        assert_eq!(recent.paths[0], Path::new("/nonexistent/s5.ron"));
        assert_eq!(
            recent
                .paths
                .iter()
                .filter(|p| p.ends_with("s5.ron"))
                .count(),
            1
        );
    }
}
