//! Stands in for linuxdeploy when the Tauri bundler builds keepwarm's AppImage.
//!
//! The bundler prepares the AppDir (binaries, icons, desktop entry, WebKitGTK's
//! helper processes and `AppRun`), then runs
//! `linuxdeploy --appdir DIR --plugin gtk --output appimage` with `OUTPUT` set.
//! This program does what keepwarm needs of that: copies the shared libraries the
//! binaries use into `usr/lib` (leaving out those every desktop has and that must
//! match the system: glibc, GL, X11, fonts), points WebKitGTK at its helpers
//! inside the image, and packs the AppDir behind the AppImage runtime.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Libraries never carried in the image: the C library family, and libraries
/// that must match the machine's drivers, X server or fonts.
const EXCLUDED_PREFIXES: &[&str] = &[
    "ld-linux",
    "libc.so",
    "libm.so",
    "libmvec.so",
    "libdl.so",
    "librt.so",
    "libpthread.so",
    "libresolv.so",
    "libutil.so",
    "libanl.so",
    "libnss_",
    "libthread_db.so",
    "libBrokenLocale.so",
    "libGL.so",
    "libGLX",
    "libGLdispatch.so",
    "libEGL.so",
    "libOpenGL.so",
    "libgbm.so",
    "libdrm.so",
    "libglapi.so",
    "libX11.so",
    "libX11-xcb.so",
    "libxcb.so",
    "libasound.so",
    "libfontconfig.so",
    "libfreetype.so",
    "libharfbuzz.so",
    "libexpat.so",
    "libz.so",
    "libgpg-error.so",
    "libcom_err.so",
    "libuuid.so",
];

/// Where Debian's WebKitGTK looks for its helper processes (compiled in).
const WEBKIT_HELPERS: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1";
/// The same path, as long, relative to the folder AppRun runs the app from (`usr/`).
const WEBKIT_HELPERS_IN_IMAGE: &str = "././/lib/x86_64-linux-gnu/webkit2gtk-4.1";
/// GLib's compiled settings schemas: GTK's file chooser aborts the app without them,
/// so the image carries them (AppRun points `GSETTINGS_SCHEMA_DIR` here).
const GSETTINGS_SCHEMAS: &str = "usr/share/glib-2.0/schemas/gschemas.compiled";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let appdir = PathBuf::from(
        args.iter()
            .skip_while(|a| *a != "--appdir")
            .nth(1)
            .context("--appdir DIR is required")?,
    );
    let output = PathBuf::from(std::env::var("OUTPUT").context("OUTPUT must name the AppImage")?);
    let lib_dir = appdir.join("usr/lib");
    fs::create_dir_all(&lib_dir)?;

    let elves = elf_files(&appdir)?;
    let mut copied = BTreeSet::new();
    for elf in &elves {
        for library in needed_libraries(elf)? {
            let name = library
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if EXCLUDED_PREFIXES.iter().any(|p| name.starts_with(p)) || !copied.insert(name.clone())
            {
                continue;
            }
            fs::copy(&library, lib_dir.join(&name))
                .with_context(|| format!("copying {}", library.display()))?;
        }
    }
    eprintln!(
        "linuxdeploy: {} libraries for {} programs",
        copied.len(),
        elves.len()
    );

    let webkit = lib_dir.join("libwebkit2gtk-4.1.so.0");
    if webkit.exists() {
        let patched = replace_all(
            &fs::read(&webkit)?,
            WEBKIT_HELPERS.as_bytes(),
            WEBKIT_HELPERS_IN_IMAGE.as_bytes(),
        );
        if patched.1 == 0 {
            bail!("{} does not name {WEBKIT_HELPERS}", webkit.display());
        }
        fs::write(&webkit, patched.0)?;
    }

    let schemas = Path::new("/").join(GSETTINGS_SCHEMAS);
    if schemas.exists() {
        let target = appdir.join(GSETTINGS_SCHEMAS);
        fs::create_dir_all(target.parent().unwrap_or(&appdir))?;
        fs::copy(&schemas, &target).with_context(|| format!("copying {}", schemas.display()))?;
    }

    // The bundler links the desktop entry with an absolute path; the image needs a relative one.
    for entry in fs::read_dir(&appdir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "desktop") && path.is_symlink() {
            let name = path.file_name().map(|n| n.to_owned()).unwrap_or_default();
            fs::remove_file(&path)?;
            std::os::unix::fs::symlink(Path::new("usr/share/applications").join(name), &path)?;
        }
    }

    let name = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "keepwarm".to_owned());
    let build_dir = output
        .parent()
        .unwrap_or(Path::new("."))
        .join(".linuxdeploy");
    fs::create_dir_all(&build_dir)?;
    let image = appimage::AppImage::new(&build_dir, name)?;
    image.add_directory(&appdir, Path::new(""))?;
    image.build(&output, None)?;
    fs::remove_dir_all(&build_dir)?;
    eprintln!("linuxdeploy: wrote {}", output.display());
    Ok(())
}

/// The executables and shared objects in the AppDir.
fn elf_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.is_symlink() {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if fs::read(&path)
                .map(|b| b.starts_with(b"\x7fELF"))
                .unwrap_or(false)
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The resolved paths of every library `elf` loads, as `ldd` finds them.
fn needed_libraries(elf: &Path) -> Result<Vec<PathBuf>> {
    let out = Command::new("ldd")
        .arg(elf)
        .output()
        .context("running ldd")?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut libraries = Vec::new();
    for line in text.lines() {
        if line.contains("not found") {
            bail!("{}: {}", elf.display(), line.trim());
        }
        if let Some((_, rest)) = line.split_once("=> ") {
            if let Some(path) = rest
                .split_whitespace()
                .next()
                .filter(|p| p.starts_with('/'))
            {
                libraries.push(PathBuf::from(path));
            }
        }
    }
    Ok(libraries)
}

/// `haystack` with every `from` replaced by `to` (same length), and how many.
fn replace_all(haystack: &[u8], from: &[u8], to: &[u8]) -> (Vec<u8>, usize) {
    assert_eq!(from.len(), to.len(), "a binary patch keeps lengths");
    let mut out = haystack.to_vec();
    let mut count = 0;
    let mut i = 0;
    while i + from.len() <= out.len() {
        if &out[i..i + from.len()] == from {
            out[i..i + from.len()].copy_from_slice(to);
            count += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    (out, count)
}
