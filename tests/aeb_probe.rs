//! Scratch probe (not committed).
use demarche::article::{ArticleId, load_file};
use std::path::Path;

#[test]
#[ignore = "probe"]
fn aeb() {
    let dir = Path::new("/tmp/aeb/html");
    for e in std::fs::read_dir(dir).expect("dir") {
        let p = e.expect("e").path();
        let key = p
            .file_stem()
            .expect("s")
            .to_string_lossy()
            .replace(".html", "");
        let out = match load_file(&p, ArticleId(0)) {
            Ok(a) => {
                let body: Vec<&str> = a.paragraphs.iter().map(|s| s.slice(&a.text)).collect();
                let skip = usize::from(a.title.is_some());
                format!(
                    "{}\n{}\n{}\n{}\n{}",
                    a.title.clone().unwrap_or_default(),
                    a.date.clone().unwrap_or_default(),
                    a.outlet.clone().unwrap_or_default(),
                    a.provenance.encoding,
                    body.iter()
                        .skip(skip)
                        .copied()
                        .collect::<Vec<_>>()
                        .join("\n\n")
                )
            }
            Err(e) => format!("ERROR {e}"),
        };
        std::fs::write(format!("/tmp/aeb/out/{key}.txt"), out).expect("w");
    }
}
