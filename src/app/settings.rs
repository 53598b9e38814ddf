//! The user's settings (recent sessions, light or dark), kept in a small RON file in the
//! config directory. eframe's own storage needs its `persistence` feature, which this build
//! leaves out; the session file never holds these.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many sessions the File > Recent menu keeps.
const KEEP: usize = 10;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct SettingsFile {
    #[serde(default)]
    recent: Vec<PathBuf>,
    #[serde(default)]
    dark: bool,
}

/// The settings and where they are stored (`None`: memory only, as in tests).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Recently opened or saved sessions, most recent first.
    pub recent: Vec<PathBuf>,
    /// Dark mode.
    pub dark: bool,
    file: Option<PathBuf>,
}

/// `$XDG_CONFIG_HOME/demarche/settings.ron`, else `~/.config/demarche/settings.ron`
/// (`%APPDATA%\demarche\settings.ron` on Windows).
fn default_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("demarche").join("settings.ron"))
}

impl Settings {
    /// The settings saved in the user's config directory (defaults when there are none or
    /// the file does not parse).
    #[must_use]
    pub fn load_default() -> Self {
        let Some(file) = default_file() else {
            return Self::default();
        };
        let saved: SettingsFile = std::fs::read_to_string(&file)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default();
        Self {
            recent: saved.recent,
            dark: saved.dark,
            file: Some(file),
        }
    }

    /// Puts `path` first in the recent list and saves.
    pub fn push_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(KEEP);
        self.save();
    }

    /// Records light or dark and saves.
    pub fn set_dark(&mut self, dark: bool) {
        if self.dark != dark {
            self.dark = dark;
            self.save();
        }
    }

    /// Writes the file; settings that cannot be saved stay in memory for this run.
    fn save(&self) {
        let Some(file) = &self.file else {
            return;
        };
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let saved = SettingsFile {
            recent: self.recent.clone(),
            dark: self.dark,
        };
        if let Ok(text) = ron::ser::to_string_pretty(&saved, ron::ser::PrettyConfig::default()) {
            let _ = std::fs::write(file, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_comes_first_without_duplicates_and_the_list_is_capped() {
        let mut settings = Settings::default();
        for n in 0..12 {
            settings.push_recent(Path::new(&format!("/nonexistent/s{n}.ron")));
        }
        settings.push_recent(Path::new("/nonexistent/s5.ron"));
        assert_eq!(settings.recent.len(), KEEP);
        assert_eq!(settings.recent[0], Path::new("/nonexistent/s5.ron"));
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|p| p.ends_with("s5.ron"))
                .count(),
            1
        );
    }

    #[test]
    fn settings_round_trip_through_their_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("demarche").join("settings.ron");
        let mut settings = Settings {
            file: Some(file.clone()),
            ..Settings::default()
        };
        settings.set_dark(true);
        settings.push_recent(Path::new("/nonexistent/a.ron"));
        let text = std::fs::read_to_string(&file).expect("written");
        let back: SettingsFile = ron::from_str(&text).expect("parses");
        assert!(back.dark);
        assert_eq!(back.recent, [PathBuf::from("/nonexistent/a.ron")]);
    }
}
