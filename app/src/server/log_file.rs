//! `app.log` with daily rotation: the current day's lines go to `<dir>/app.log`; when the day
//! (UTC) changes, the file is renamed `app.<yyyy-mm-dd>.log` and a fresh `app.log` begins.
//! Files older than the retention are removed at rotation.
//!
//! tracing-appender's roller always puts the date into the live file's name; operators and the
//! README expect a stable `logs/app.log` to `tail -f`, hence this small writer.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};

const FILE_NAME: &str = "app.log";

/// A writer that appends to `app.log` and rotates it at midnight UTC.
pub struct DailyLogFile {
    dir: PathBuf,
    file: File,
    day: NaiveDate,
    keep_days: u32,
}

impl DailyLogFile {
    /// Opens (or creates) `<dir>/app.log`, creating `dir` if needed.
    pub fn open(dir: &Path, keep_days: u32) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        let path = dir.join(FILE_NAME);
        // A file left by yesterday's run is rotated now rather than appended to.
        let day = match fs::metadata(&path).and_then(|m| m.modified()) {
            Ok(modified) => chrono::DateTime::<Utc>::from(modified).date_naive(),
            Err(_) => Utc::now().date_naive(),
        };
        let mut writer = Self { dir: dir.to_owned(), file: append(&path)?, day, keep_days };
        writer.rotate_if_new_day(Utc::now().date_naive())?;
        Ok(writer)
    }

    fn rotate_if_new_day(&mut self, today: NaiveDate) -> io::Result<()> {
        if today == self.day {
            return Ok(());
        }
        self.file.flush()?;
        let live = self.dir.join(FILE_NAME);
        fs::rename(&live, self.dir.join(format!("app.{}.log", self.day.format("%Y-%m-%d"))))?;
        self.file = append(&live)?;
        self.day = today;
        self.prune(today);
        Ok(())
    }

    /// Removes rotated files older than the retention; failures only cost disk space.
    fn prune(&self, today: NaiveDate) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(date) = name
                .to_str()
                .and_then(|n| n.strip_prefix("app.")?.strip_suffix(".log"))
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            else {
                continue;
            };
            if (today - date).num_days() > i64::from(self.keep_days) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

fn append(path: &Path) -> io::Result<File> {
    OpenOptions::new().create(true).append(true).open(path)
}

impl Write for DailyLogFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.rotate_if_new_day(Utc::now().date_naive())?;
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_day_renames_the_live_file_and_starts_a_fresh_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = DailyLogFile::open(dir.path(), 14).unwrap();
        log.write_all(b"yesterday\n").unwrap();
        let yesterday = log.day;
        let today = yesterday.succ_opt().unwrap();

        log.rotate_if_new_day(today).unwrap();
        log.write_all(b"today\n").unwrap();

        let rotated = dir.path().join(format!("app.{}.log", yesterday.format("%Y-%m-%d")));
        assert_eq!(fs::read_to_string(rotated).unwrap(), "yesterday\n");
        assert_eq!(fs::read_to_string(dir.path().join("app.log")).unwrap(), "today\n");
    }

    #[test]
    fn rotation_prunes_files_past_retention_and_keeps_others() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = DailyLogFile::open(dir.path(), 7).unwrap();
        let today = log.day.succ_opt().unwrap();
        let old = today - chrono::Days::new(30);
        let recent = today - chrono::Days::new(3);
        for day in [old, recent] {
            fs::write(dir.path().join(format!("app.{}.log", day.format("%Y-%m-%d"))), "x").unwrap();
        }
        fs::write(dir.path().join("notes.txt"), "not a log").unwrap();

        log.rotate_if_new_day(today).unwrap();

        assert!(!dir.path().join(format!("app.{}.log", old.format("%Y-%m-%d"))).exists());
        assert!(dir.path().join(format!("app.{}.log", recent.format("%Y-%m-%d"))).exists());
        assert!(dir.path().join("notes.txt").exists());
    }
}
