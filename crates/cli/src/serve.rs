//! `lede serve`: serves a built site on loopback, as a static host would,
//! to look at it before publishing.
//!
//! Files only, from inside the folder (no listing, nothing outside it);
//! the right type for `.wasm`, `.js` and the manifest; no caching, so a
//! rebuild shows at once; and the Content-Security-Policy Lede is built to
//! run under, so a page that would break under a strict host breaks here
//! first.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use tiny_http::{Header, Response, Server};

/// The policy the site runs under (as `scripts/serve.py` sends it).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The type of a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "css" => "text/css",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ics" => "text/calendar",
        "csv" => "text/csv",
        _ => "application/octet-stream",
    }
}

/// The file a request path names under `root`: `None` for a path that
/// leaves it. A folder gives its `index.html`.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path)?;
    let mut out = root.to_path_buf();
    for c in Path::new(path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

/// Serves `root` at `addr` (`127.0.0.1:8080`) until the process ends.
/// `ready` gets the address actually bound (port 0 picks a free one).
pub fn serve(root: &Path, addr: &str, ready: impl FnOnce(&str)) -> io::Result<()> {
    if !root.join("index.html").is_file() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} holds no built site (no index.html); run `lede build` first", root.display()),
        ));
    }
    let server = Server::http(addr).map_err(|e| io::Error::new(io::ErrorKind::AddrInUse, format!("cannot listen on {addr}: {e}")))?;
    ready(&server.server_addr().to_string());
    for request in server.incoming_requests() {
        let found = resolve(root, request.url()).filter(|p| p.is_file());
        let response = match found.as_ref().map(fs::read) {
            Some(Ok(bytes)) => {
                let path = found.as_deref().unwrap_or(root);
                Response::from_data(bytes).with_status_code(200).with_header(header("Content-Type", content_type(path)))
            }
            _ => Response::from_string("Not found").with_status_code(404).with_header(header("Content-Type", "text/plain; charset=utf-8")),
        }
        .with_header(header("Content-Security-Policy", CSP))
        .with_header(header("Cache-Control", "no-cache"))
        .with_header(header("X-Content-Type-Options", "nosniff"));
        // A reader that went away is no reason to stop.
        let _ = request.respond(response);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_folder() {
        let root = Path::new("/site");
        assert_eq!(resolve(root, "/a.html?q=x#s"), Some(PathBuf::from("/site/a.html")));
        assert_eq!(resolve(root, "/pkg/lede%2Dx.js"), Some(PathBuf::from("/site/pkg/lede-x.js")));
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/a/%2E%2E/%2E%2E/b"), None);
        assert_eq!(resolve(root, "/%zz"), None);
        assert_eq!(content_type(Path::new("x.wasm")), "application/wasm");
    }
}
