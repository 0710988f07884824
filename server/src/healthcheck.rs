//! `server healthcheck`: asks the running server's `/healthz` on 127.0.0.1:$PORT and exits 0
//! when it answers 200. It is the container's HEALTHCHECK, so the image needs no curl or shell.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

/// The port `serve` uses when PORT is not set (see `.env.example`).
const DEFAULT_PORT: u16 = 3000;
const TIMEOUT: Duration = Duration::from_secs(3);

/// Whether the server on this machine answers `/healthz` with 200; the error says why not.
pub fn check() -> Result<(), String> {
    let port = match std::env::var("PORT") {
        Ok(value) => value.trim().parse::<u16>().map_err(|_| format!("PORT={value} is not a port number"))?,
        Err(_) => DEFAULT_PORT,
    };
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, TIMEOUT).map_err(|e| format!("{address}: {e}"))?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .map_err(|e| format!("{address}: {e}"))?;
    let mut head = [0_u8; 16];
    let read = stream.read(&mut head).map_err(|e| format!("{address}: {e}"))?;
    let status_line = String::from_utf8_lossy(&head[..read]);
    if status_line.starts_with("HTTP/1.1 200") {
        Ok(())
    } else {
        Err(format!("{address}/healthz answered {:?}", status_line.lines().next().unwrap_or_default()))
    }
}
