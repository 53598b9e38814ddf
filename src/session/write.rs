//! Writing a file so that no crash, kill or full disk costs the previous version: the bytes
//! go to a locked temporary file next to the target, are synced, and the temporary file is
//! renamed over the target; then the folder is synced so the rename itself survives a power
//! cut. The target keeps its permissions, a symlink is written through to the file it points
//! at, and the previous version can be kept as `NAME.bak`. Temporary files left by a save
//! that was killed are found by their lock and removed ([`remove_stale_temp_files`]).

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Whether to keep the previous version of the target as `NAME.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    /// Keep one `.bak` of the version being replaced.
    Keep,
    /// Replace without a backup (settings, recovery data).
    Skip,
}

/// A temporary file younger than this is never taken for a leftover, even when unlocked:
/// it may be one whose writer has created it but not yet locked it.
const STALE_AFTER: Duration = Duration::from_secs(1);

/// How many symlinks deep a target is followed before giving up on it.
const MAX_LINKS: usize = 40;

/// Makes each temporary name in this process unique.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` atomically (see the module docs).
///
/// # Errors
/// The I/O error; the previous file is then untouched and no temporary file is left.
pub fn write_atomically(path: &Path, bytes: &[u8], backup: Backup) -> io::Result<()> {
    write_atomically_with(path, backup, |out| out.write_all(bytes))
}

/// Writes what `fill` writes to `path` atomically (see the module docs). `fill` gets a
/// buffered writer; an error from it (a cancel, say) abandons the write.
///
/// # Errors
/// The I/O error or `fill`'s error; the previous file is then untouched and no temporary
/// file is left.
pub fn write_atomically_with(
    path: &Path,
    backup: Backup,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_symlinks(path);
    let dir = parent_dir(&target);
    let name = file_name(&target);
    let tmp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
    // Held until the file is renamed: another process sees it is in use, not left over.
    let _ = file.try_lock();
    let result = fill_and_replace(file, &tmp, &target, backup, fill);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn fill_and_replace(
    file: File,
    tmp: &Path,
    target: &Path,
    backup: Backup,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, file);
    fill(&mut out)?;
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    let existing = std::fs::metadata(target)
        .ok()
        .filter(std::fs::Metadata::is_file);
    if let Some(meta) = &existing {
        file.set_permissions(meta.permissions())?;
    }
    file.sync_all()?;
    if backup == Backup::Keep && existing.is_some() {
        keep_backup(target);
    }
    std::fs::rename(tmp, target)?;
    drop(file);
    sync_dir(&parent_dir(target));
    Ok(())
}

/// `NAME.bak` next to `target`: a hard link to the version about to be replaced (a copy
/// where links are not supported). A failure here never stops the save.
fn keep_backup(target: &Path) {
    let bak = backup_path(target);
    let _ = std::fs::remove_file(&bak);
    if std::fs::hard_link(target, &bak).is_err() {
        let _ = std::fs::copy(target, &bak);
    }
}

/// Where the previous version of `path` is kept.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let target = resolve_symlinks(path);
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// The file a path finally names, following symlinks (relative ones from their folder). A
/// dangling link names the file it would point at; a loop stops after [`MAX_LINKS`].
#[must_use]
pub fn resolve_symlinks(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(link) = std::fs::read_link(&current) else {
            break;
        };
        current = if link.is_absolute() {
            link
        } else {
            parent_dir(&current).join(link)
        };
    }
    current
}

fn parent_dir(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_owned)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned())
}

/// Syncs a folder so a rename in it is on disk (not possible on every platform: ignored
/// where folders cannot be opened).
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Removes temporary files that a killed or crashed save of `path` left next to it: those
/// whose lock nobody holds. Returns how many bytes were freed.
pub fn remove_stale_temp_files(path: &Path) -> u64 {
    let target = resolve_symlinks(path);
    let prefix = format!(".{}.", file_name(&target));
    let Ok(entries) = std::fs::read_dir(parent_dir(&target)) else {
        return 0;
    };
    let mut freed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(&prefix) && name.ends_with(".tmp")) {
            continue;
        }
        if let Some(size) = stale_size(&entry.path())
            && std::fs::remove_file(entry.path()).is_ok()
        {
            freed += size;
        }
    }
    freed
}

/// The size of a temporary file nobody is writing, or `None` while it is in use (locked or
/// too fresh to tell) or cannot be checked.
fn stale_size(path: &Path) -> Option<u64> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let age = meta
        .modified()
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())?;
    if age < STALE_AFTER {
        return None;
    }
    let file = OpenOptions::new().write(true).open(path).ok()?;
    file.try_lock().ok()?;
    Some(meta.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_the_target_and_keep_one_backup() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("s.ron");
        write_atomically(&path, b"one", Backup::Keep).expect("first");
        assert!(!backup_path(&path).exists(), "nothing to back up yet");
        write_atomically(&path, b"two", Backup::Keep).expect("second");
        write_atomically(&path, b"three", Backup::Keep).expect("third");
        assert_eq!(std::fs::read(&path).expect("read"), b"three");
        assert_eq!(std::fs::read(backup_path(&path)).expect("bak"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 2, "only the file and its backup: {names:?}");
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("s.ron");
        write_atomically(&path, b"kept", Backup::Skip).expect("first");
        let err = write_atomically_with(&path, Backup::Keep, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("cancelled"))
        })
        .expect_err("fails");
        assert_eq!(err.to_string(), "cancelled");
        assert_eq!(std::fs::read(&path).expect("read"), b"kept");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_symlinks_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let real = dir.path().join("real.ron");
        write_atomically(&real, b"v1", Backup::Skip).expect("write");
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real.ron", &link).expect("symlink");
        write_atomically(&link, b"v2", Backup::Keep).expect("through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink(),
            "the link stays a link"
        );
        assert_eq!(std::fs::read(&real).expect("real"), b"v2");
        let mode = std::fs::metadata(&real).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(
            std::fs::read(dir.path().join("real.ron.bak")).expect("bak"),
            b"v1"
        );
    }

    #[test]
    fn only_unlocked_old_temporaries_are_removed() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("s.ron");
        let left = dir.path().join(".s.ron.999-0.tmp");
        std::fs::write(&left, vec![b'x'; 1000]).expect("leftover");
        let busy = dir.path().join(".s.ron.999-1.tmp");
        std::fs::write(&busy, b"busy").expect("busy");
        let other = dir.path().join(".t.ron.999-0.tmp");
        std::fs::write(&other, b"another file's").expect("other");
        let old = SystemTime::now() - Duration::from_secs(60);
        for p in [&left, &busy, &other] {
            File::options()
                .write(true)
                .open(p)
                .and_then(|f| f.set_modified(old))
                .expect("age");
        }
        let holder = File::options().write(true).open(&busy).expect("open");
        holder.try_lock().expect("lock");
        assert_eq!(remove_stale_temp_files(&path), 1000);
        assert!(!left.exists());
        assert!(busy.exists(), "a locked temporary is being written");
        assert!(other.exists(), "another file's temporaries are not ours");
    }
}
