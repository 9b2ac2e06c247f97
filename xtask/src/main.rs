//! Builds the nianbao web app into `dist/` without Trunk:
//!
//! ```text
//! cargo xtask build          # size-optimised wasm (profile `web`), the default
//! cargo xtask build --dev    # quick debug build while iterating
//! cargo xtask pkg [--dev]    # only the JS API package, dist/pkg
//! ```
//!
//! `build` also builds the JS API package (crates/nianbao-wasm) into `dist/pkg/`, and copies the
//! embedding files: `nianbao-checker.js` (the custom element), `frame.js` (the iframe way) and
//! the demo portal page `embed-demo.html` of `web/`.
//!
//! Steps: cargo build for wasm32, the `wasm-bindgen` CLI (`--target web`), `wasm-opt` if one is
//! installed (never required), the static files of `web/static/`, and `dist/nianbao.html`: one file
//! with the script, the CSS and the wasm (base64) inlined, which works when opened from file://.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// What the compressed wasm may weigh (the issue's budget).
const GZIP_BUDGET: usize = 300 * 1024;
/// What the JS API package's compressed wasm may weigh.
const PKG_GZIP_BUDGET: usize = 150 * 1024;
/// Known overrun: the round-two reader, narrative and fix code took the JS API to 170.0 KiB
/// (2026-12-04), over its 150 KiB budget; the size work that day brought it to 153.0 KiB. Until
/// it is back under, the build reports the overrun on every run and fails only past this
/// ceiling (lowered from 172 KiB with that work), so that it cannot grow further unnoticed.
const PKG_GZIP_CEILING: usize = 160 * 1024;
const CRATE: &str = "nianbao-web";
const WASM_NAME: &str = "nianbao_web";
/// The batch page's crate (web/batch) and its wasm.
const BATCH_CRATE: &str = "nianbao-batch-web";
const BATCH_WASM_NAME: &str = "nianbao_batch";
/// Files of `web/static/` copied into `dist/`.
const STATIC_FILES: &[&str] = &[
    "index.html",
    "style.css",
    "helpers.js",
    "loader.js",
    "sw.js",
    "manifest.webmanifest",
    "icon.svg",
    "frame.js",
    "nianbao-checker.js",
];
/// The mock portal page of `web/` that shows the two ways of embedding.
const DEMO_FILES: &[&str] = &["embed-demo.html", "embed-demo.css", "embed-demo.js"];
/// Files of `packages/nianbao/` copied into `dist/pkg/`.
const PKG_FILES: &[&str] = &["package.json", "nianbao.d.ts", "README.md"];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => {
            let dev = args.iter().any(|a| a == "--dev");
            build(dev).and_then(|()| pkg(dev))
        }
        Some("pkg") => pkg(args.iter().any(|a| a == "--dev")),
        _ => Err("usage: cargo xtask build|pkg [--dev]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    // xtask/ is one level below the workspace root.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    eprintln!("xtask: {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Builds `package` for wasm32 (`--profile web`, or dev) and returns `<artifact>.wasm`.
fn build_wasm(root: &Path, package: &str, artifact: &str, dev: bool) -> Result<PathBuf> {
    let profile = if dev { "dev" } else { "web" };
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    run(Command::new(cargo).current_dir(root).args([
        "build",
        "-p",
        package,
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]))?;
    let target_dir = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("target"));
    Ok(target_dir
        .join("wasm32-unknown-unknown")
        .join(if dev { "debug" } else { "web" })
        .join(format!("{artifact}.wasm")))
}

fn build(dev: bool) -> Result {
    let root = root();
    let dist = root.join("dist");
    let wasm = build_wasm(&root, CRATE, CRATE, dev)?;

    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create dist/: {e}"))?;
    clear_files(&dist)?;
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            WASM_NAME,
            "--out-dir",
        ])
        .arg(&dist))?;
    let bg = dist.join(format!("{WASM_NAME}_bg.wasm"));
    if !dev {
        optimise(&root, &bg, "-Oz")?;
    }

    let wasm_bytes =
        std::fs::read(&bg).map_err(|e| format!("cannot read {}: {e}", bg.display()))?;
    let glue = read(&dist.join(format!("{WASM_NAME}.js")))?;
    let version = fingerprint(&[wasm_bytes.as_slice(), glue.as_bytes()]);
    let statics = root.join("web").join("static");
    for name in STATIC_FILES {
        let text = read(&statics.join(name))?.replace("__BUILD__", &version);
        write(&dist.join(name), text)?;
    }
    for name in DEMO_FILES {
        write(&dist.join(name), read(&root.join("web").join(name))?)?;
    }
    single_file(&dist, &glue, &wasm_bytes)?;
    batch(&root, &dist, dev)?;
    // The service worker caches the batch page's files too: its cache is named after both wasm.
    let batch_wasm = std::fs::read(dist.join(format!("{BATCH_WASM_NAME}_bg.wasm")))
        .map_err(|e| format!("cannot read the batch wasm: {e}"))?;
    let cache = fingerprint(&[wasm_bytes.as_slice(), glue.as_bytes(), &batch_wasm]);
    write(
        &dist.join("sw.js"),
        read(&statics.join("sw.js"))?.replace("__BUILD__", &cache),
    )?;
    // Which build this is, for scripts/e2e (which tests and times the optimised one).
    write(
        &dist.join("BUILD"),
        format!("{} {version}\n", if dev { "dev" } else { "web" }),
    )?;

    let gz = gzip_len(&wasm_bytes)?;
    println!(
        "wasm: {} raw, {} gzip (budget {}){}",
        kib(wasm_bytes.len()),
        kib(gz),
        kib(GZIP_BUDGET),
        if dev { " [dev build]" } else { "" }
    );
    println!("glue: {} raw", kib(glue.len()));
    let single = dist.join("nianbao.html");
    let single_len = std::fs::metadata(&single).map(|m| m.len()).unwrap_or(0);
    println!(
        "dist/nianbao.html: {} (single file, works from file://)",
        kib(single_len as usize)
    );
    if !dev && gz > GZIP_BUDGET {
        return Err(format!("wasm is {} gzip, over the budget", kib(gz)));
    }
    Ok(())
}

/// The JS API package (crates/nianbao-wasm, no Yew) into `dist/pkg/`.
fn pkg(dev: bool) -> Result {
    let root = root();
    let out = root.join("dist").join("pkg");
    let wasm = build_wasm(&root, "nianbao-wasm", "nianbao", dev)?;
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("cannot clear dist/pkg: {e}"))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create dist/pkg: {e}"))?;
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out))?;
    let bg = out.join("nianbao_bg.wasm");
    if !dev {
        // -O3 packs smaller under gzip than -Oz here (162.8 against 163.7 KB), raw 0.7% larger.
        optimise(&root, &bg, "-O3")?;
    }
    let package = root.join("packages").join("nianbao");
    for name in PKG_FILES {
        write(&out.join(name), read(&package.join(name))?)?;
    }
    let bytes = std::fs::read(&bg).map_err(|e| format!("cannot read {}: {e}", bg.display()))?;
    let gz = gzip_len(&bytes)?;
    println!(
        "dist/pkg/nianbao_bg.wasm: {} raw, {} gzip (budget {}){}",
        kib(bytes.len()),
        kib(gz),
        kib(PKG_GZIP_BUDGET),
        if dev { " [dev build]" } else { "" }
    );
    if !dev && gz > PKG_GZIP_CEILING {
        return Err(format!(
            "dist/pkg wasm is {} gzip, over the budget and past the ceiling of {}",
            kib(gz),
            kib(PKG_GZIP_CEILING)
        ));
    }
    if !dev && gz > PKG_GZIP_BUDGET {
        println!(
            "xtask: OVER BUDGET: dist/pkg wasm is {} gzip, {} over the {} budget (known overrun; fails past {})",
            kib(gz),
            kib(gz - PKG_GZIP_BUDGET),
            kib(PKG_GZIP_BUDGET),
            kib(PKG_GZIP_CEILING)
        );
    }
    Ok(())
}

/// Removes the files (not the folders: `dist/pkg` is the JS API package's) of the last build.
fn clear_files(dist: &Path) -> Result {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot list dist/: {e}"))?;
    for entry in entries.flatten() {
        if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Runs `wasm-opt` at `level` (`-Oz`, `-O3`) when one is installed (npm `binaryen` in
/// tests/e2e, or on PATH).
fn optimise(root: &Path, wasm: &Path, level: &str) -> Result {
    // npm `binaryen` of tests/e2e, or where scripts/setup-wasm puts it, or on PATH.
    let home = std::env::var("HOME").unwrap_or_default();
    let candidates = [
        root.join("tests/e2e/node_modules/.bin/wasm-opt"),
        Path::new(&home).join(".cache/nianbao/tools/node_modules/.bin/wasm-opt"),
    ];
    let tool = match candidates.into_iter().find(|p| p.exists()) {
        Some(found) => found,
        None if Command::new("wasm-opt").arg("--version").output().is_ok() => {
            PathBuf::from("wasm-opt")
        }
        None => {
            eprintln!("xtask: wasm-opt not found, skipping (optional)");
            return Ok(());
        }
    };
    let optimised = wasm.with_extension("opt.wasm");
    let result = run(Command::new(tool)
        // Measured on the JS API: merging similar functions first 0.4 KiB gzip, --converge
        // 0.8 KiB, the two strips 0.2 KiB.
        .args(["--merge-similar-functions", level])
        .args(["--converge", "--strip-producers", "--strip-target-features"])
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "--enable-mutable-globals",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(&optimised));
    match result {
        Ok(()) => std::fs::rename(&optimised, wasm)
            .map_err(|e| format!("cannot replace {}: {e}", wasm.display())),
        Err(e) => {
            // Optional: the unoptimised wasm works, only larger.
            eprintln!("xtask: {e}; keeping the wasm as wasm-bindgen wrote it");
            let _ = std::fs::remove_file(&optimised);
            Ok(())
        }
    }
}

/// The batch page (web/batch): its own wasm, so that the checker's stays within its budget;
/// `dist/batch.html` and the single file `dist/nianbao-batch.html`.
fn batch(root: &Path, dist: &Path, dev: bool) -> Result {
    let wasm = build_wasm(root, BATCH_CRATE, BATCH_CRATE, dev)?;
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            BATCH_WASM_NAME,
            "--out-dir",
        ])
        .arg(dist))?;
    let bg = dist.join(format!("{BATCH_WASM_NAME}_bg.wasm"));
    if !dev {
        optimise(root, &bg, "-Oz")?;
    }
    let wasm_bytes =
        std::fs::read(&bg).map_err(|e| format!("cannot read {}: {e}", bg.display()))?;
    let glue = read(&dist.join(format!("{BATCH_WASM_NAME}.js")))?;
    let statics = root.join("web").join("batch").join("static");
    for name in ["batch.html", "batch-loader.js"] {
        write(&dist.join(name), read(&statics.join(name))?)?;
    }
    single_page(
        dist,
        "batch.html",
        "batch-loader.js",
        "nianbao-batch.html",
        &glue,
        &wasm_bytes,
    )?;
    let gz = gzip_len(&wasm_bytes)?;
    println!(
        "batch wasm: {} raw, {} gzip (budget {})",
        kib(wasm_bytes.len()),
        kib(gz),
        kib(GZIP_BUDGET)
    );
    if !dev && gz > GZIP_BUDGET {
        return Err(format!("batch wasm is {} gzip, over the budget", kib(gz)));
    }
    Ok(())
}

/// `dist/nianbao.html`: index.html with the CSS, the helpers, the glue and the wasm inlined.
fn single_file(dist: &Path, glue: &str, wasm: &[u8]) -> Result {
    single_page(dist, "index.html", "loader.js", "nianbao.html", glue, wasm)
}

/// One page (`page`, which loads `loader`) as the single file `out`.
fn single_page(
    dist: &Path,
    page: &str,
    loader: &str,
    out: &str,
    glue: &str,
    wasm: &[u8],
) -> Result {
    let index = read(&dist.join(page))?;
    let css = read(&dist.join("style.css"))?;
    let helpers = read(&dist.join("helpers.js"))?;
    // The glue's default export is the async init; inside one module we call it by a local name.
    let glue = glue
        .replace(
            "export { initSync, __wbg_init as default };",
            "const nianbaoInit = __wbg_init;",
        )
        .replace(
            "export default __wbg_init;",
            "const nianbaoInit = __wbg_init;",
        );
    if !glue.contains("const nianbaoInit") {
        return Err("wasm-bindgen glue: cannot find the default export of __wbg_init".into());
    }
    let module = format!(
        "{glue}\nconst wasmBase64 = \"{}\";\n{}",
        base64(wasm),
        "nianbaoStart(() => nianbaoInit({ module_or_path: nianbaoBytes(wasmBase64) }));\n"
    );
    let replacements = [
        (
            r#"<link rel="stylesheet" href="style.css">"#.to_string(),
            format!("<style>\n{css}</style>"),
        ),
        (
            r#"<script src="helpers.js"></script>"#.to_string(),
            format!("<script>\n{}</script>", script_safe(&helpers)),
        ),
        (
            format!(r#"<script type="module" src="{loader}"></script>"#),
            format!(
                "<script type=\"module\">\n{}</script>",
                script_safe(&module)
            ),
        ),
        (
            r#"<link rel="manifest" href="manifest.webmanifest">"#.to_string(),
            String::new(),
        ),
        (
            r#"<link rel="icon" href="icon.svg">"#.to_string(),
            format!(
                r#"<link rel="icon" href="data:image/svg+xml;base64,{}">"#,
                base64(read(&dist.join("icon.svg"))?.as_bytes())
            ),
        ),
    ];
    let mut html = index;
    for (from, to) in replacements {
        if !html.contains(from.as_str()) {
            return Err(format!("{page} lacks `{from}`"));
        }
        html = html.replace(from.as_str(), &to);
    }
    write(&dist.join(out), html)
}

/// Keeps inlined script text from closing its `<script>` element.
fn script_safe(js: &str) -> String {
    js.replace("</script", "<\\/script")
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sym = |i: u32| {
        ALPHABET
            .get((i & 63) as usize)
            .map(|&b| b as char)
            .unwrap_or('=')
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| chunk.get(i).copied().map(u32::from).unwrap_or(0);
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        out.push(if chunk.len() > 1 { sym(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { sym(n) } else { '=' });
    }
    out
}

fn gzip_len(bytes: &[u8]) -> Result<usize> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    enc.finish().map(|v| v.len()).map_err(|e| e.to_string())
}

/// A short hash naming this build (the service worker's cache).
fn fingerprint(parts: &[&[u8]]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut s = String::new();
    let _ = write!(s, "{h:016x}");
    s
}

fn kib(n: usize) -> String {
    format!("{n} B ({:.1} KiB)", n as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b"M"), "TQ==");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b""), "");
    }

    #[test]
    fn script_text_cannot_close_its_element() {
        assert_eq!(script_safe("a</script>b"), "a<\\/script>b");
    }
}
