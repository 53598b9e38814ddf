//! The user's settings (recent sessions, light or dark), kept in a small RON file in the
//! config directory, written atomically; a damaged file is set aside, never silently reset. eframe's own storage needs its `persistence` feature, which this build
//! leaves out; the session file never holds these.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::session::write::{Backup, write_atomically};

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
    /// Why the saved settings could not be used, to tell the user once.
    pub problem: Option<String>,
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
    /// The settings saved in the user's config directory (defaults when there are none).
    /// A file that cannot be read is moved aside as `settings.ron.damaged` rather than
    /// overwritten, and [`Settings::problem`] says so.
    #[must_use]
    pub fn load_default() -> Self {
        let Some(file) = default_file() else {
            return Self::default();
        };
        Self::load_from(file)
    }

    /// The settings in `file` (see [`Settings::load_default`]).
    #[must_use]
    pub fn load_from(file: PathBuf) -> Self {
        let (saved, problem) = match std::fs::read(&file) {
            Ok(bytes) => match parse(&bytes) {
                Ok(saved) => (saved, None),
                Err(why) => (SettingsFile::default(), Some(set_aside(&file, &why))),
            },
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                (SettingsFile::default(), None)
            }
            Err(err) => (
                SettingsFile::default(),
                Some(format!(
                    "Could not read your settings ({err}); defaults are used for now: {}",
                    file.display()
                )),
            ),
        };
        Self {
            recent: saved.recent,
            dark: saved.dark,
            file: Some(file),
            problem,
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

    /// Writes the file atomically; settings that cannot be saved stay in memory for this run.
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
            let _ = write_atomically(file, text.as_bytes(), Backup::Skip);
        }
    }
}

/// The settings in `bytes` (a UTF-8 byte-order mark is accepted), or why not.
fn parse(bytes: &[u8]) -> Result<SettingsFile, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .with_recursion_limit(16)
        .from_str(text)
        .map_err(|err| format!("line {}, column {}", err.position.line, err.position.col))
}

/// Moves a damaged settings file aside (never deleting it) and says where it went.
fn set_aside(file: &Path, why: &str) -> String {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".damaged");
    let aside = file.with_file_name(name);
    match std::fs::rename(file, &aside) {
        Ok(()) => format!(
            "Your settings file could not be read ({why}); it was kept as {} and the defaults \
             are used: {}",
            aside.display(),
            file.display()
        ),
        Err(_) => format!(
            "Your settings file could not be read ({why}); the defaults are used and it is left \
             as it is: {}",
            file.display()
        ),
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
    fn a_damaged_settings_file_is_kept_aside_and_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("settings.ron");
        std::fs::write(&file, "(recent: [\"/a.ron\", dark: tru").expect("write");
        let mut settings = Settings::load_from(file.clone());
        let problem = settings.problem.take().expect("reported");
        assert!(problem.contains("settings.ron.damaged"), "{problem}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("settings.ron.damaged")).expect("kept"),
            "(recent: [\"/a.ron\", dark: tru"
        );
        settings.set_dark(true);
        assert!(Settings::load_from(file).dark, "a fresh file is written");
    }

    #[test]
    fn settings_with_a_byte_order_mark_load() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("settings.ron");
        std::fs::write(&file, "\u{feff}(dark: true)").expect("write");
        let settings = Settings::load_from(file);
        assert!(settings.dark);
        assert!(settings.problem.is_none());
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
