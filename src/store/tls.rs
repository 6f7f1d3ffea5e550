//! Encrypted connections to a team store, with the `sslmode` values PostgreSQL's own tools know:
//!
//! | `sslmode` | engage |
//! | --- | --- |
//! | `disable` | never encrypts |
//! | `prefer` (the default) | encrypts when the server can, without checking its certificate |
//! | `require` | always encrypts, without checking the server's certificate |
//! | `verify-ca` | always encrypts; the certificate must come from a trusted authority |
//! | `verify-full` | the same, and it must name the host of the URL |
//!
//! `$PGSSLMODE` gives the mode when the URL does not. Trusted authorities are the system's, and the
//! file `sslrootcert=FILE` in the URL (or `$PGSSLROOTCERT`) names (PEM). As with PostgreSQL's tools, only the two `verify-` modes protect
//! against a server that pretends to be another; `prefer` and `require` protect against listening.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

/// How much of the server's certificate is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Nothing (`prefer`, `require`, `disable`).
    Nothing,
    /// The chain of trust (`verify-ca`).
    Authority,
    /// The chain of trust and the host name (`verify-full`).
    Full,
}

/// What a URL says about encryption, taken out of it before the client library reads it (the
/// library knows neither `verify-` mode nor `sslrootcert`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub check: Check,
    pub root_file: Option<PathBuf>,
}

/// Splits `url` into the URL the client library reads (a `verify-` mode becomes `require`,
/// `sslrootcert` is removed) and the [`Settings`] engage applies itself.
pub fn split(url: &str) -> (String, Settings) {
    split_with(url, std::env::var("PGSSLMODE").ok().filter(|m| !m.is_empty()).as_deref(), std::env::var_os("PGSSLROOTCERT"))
}

/// [`split`], with `$PGSSLMODE` (used when the URL says no `sslmode`) and `$PGSSLROOTCERT`.
fn split_with(url: &str, env_mode: Option<&str>, env_root: Option<std::ffi::OsString>) -> (String, Settings) {
    let mut settings = Settings { check: Check::Nothing, root_file: env_root.map(PathBuf::from) };
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut kept = Vec::new();
    let mut mode = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("sslmode", m)) => mode = Some(m.to_string()),
            Some(("sslrootcert", file)) => settings.root_file = Some(PathBuf::from(percent_decoded(file))),
            _ => kept.push(pair.to_string()),
        }
    }
    let mode = mode.or_else(|| env_mode.map(str::to_string));
    let client_mode = match mode.as_deref() {
        Some("verify-ca") => {
            settings.check = Check::Authority;
            Some("require")
        }
        Some("verify-full") => {
            settings.check = Check::Full;
            Some("require")
        }
        // libpq's "allow" (plain first, TLS if the server insists) is closest to "prefer" here.
        Some("allow") => Some("prefer"),
        Some(other) => Some(other),
        None => None,
    };
    if let Some(m) = client_mode {
        kept.push(format!("sslmode={m}"));
    }
    let url = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
    (url, settings)
}

/// `%XX` escapes of a URL value decoded (anything else kept as it is).
pub fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The connector for `settings`; an unreadable root certificate file is an error saying which.
pub fn connector(settings: &Settings) -> Result<MakeRustlsConnect, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone()).with_safe_default_protocol_versions().map_err(|e| e.to_string())?;
    let verifier: Arc<dyn ServerCertVerifier> = match settings.check {
        Check::Nothing => Arc::new(Unchecked { algorithms: provider.signature_verification_algorithms }),
        Check::Authority | Check::Full => {
            let roots = Arc::new(roots(settings)?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider.clone()).build().map_err(|e| e.to_string())?;
            if settings.check == Check::Full { webpki } else { Arc::new(AnyName { inner: webpki }) }
        }
    };
    let config = builder.dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// The system's authorities and those of the root file.
fn roots(settings: &Settings) -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    if let Some(file) = &settings.root_file {
        let shown = file.display();
        let certs = CertificateDer::pem_file_iter(file).map_err(|e| format!("cannot read the root certificate {shown}: {e}"))?;
        for cert in certs {
            let cert = cert.map_err(|e| format!("cannot read the root certificate {shown}: {e}"))?;
            roots.add(cert).map_err(|e| format!("the root certificate {shown} cannot be used: {e}"))?;
        }
    }
    if roots.is_empty() {
        return Err("no trusted certificate authority: give one with sslrootcert=FILE or $PGSSLROOTCERT".into());
    }
    Ok(roots)
}

/// Encrypts without checking the certificate (`prefer`, `require`), but checks that the server
/// holds the key of the certificate it shows.
#[derive(Debug)]
struct Unchecked {
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// Checks the chain of trust but not the name (`verify-ca`).
#[derive(Debug)]
struct AnyName {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(rustls::Error::InvalidCertificate(CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. })) => {
                Ok(ServerCertVerified::assertion())
            }
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_modes_and_root_files_are_taken_out_of_the_url() {
        let (url, s) = split_with("postgres://a@h/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&application_name=x", None, None);
        assert_eq!(url, "postgres://a@h/db?application_name=x&sslmode=require");
        assert_eq!(s.check, Check::Full);
        assert_eq!(s.root_file, Some(PathBuf::from("/etc/ca.pem")));
        let (url, s) = split_with("postgres://a@h/db?sslmode=verify-ca", Some("disable"), None);
        assert_eq!((url.as_str(), s.check), ("postgres://a@h/db?sslmode=require", Check::Authority));
        let (url, s) = split_with("postgres://a@h/db?sslmode=require", None, None);
        assert_eq!((url.as_str(), s.check), ("postgres://a@h/db?sslmode=require", Check::Nothing));
        // $PGSSLMODE counts when the URL says nothing, as for PostgreSQL's own tools.
        let (url, s) = split_with("postgres://a@h/db", Some("verify-full"), Some("/etc/ca.pem".into()));
        assert_eq!((url.as_str(), s.check), ("postgres://a@h/db?sslmode=require", Check::Full));
        assert_eq!(s.root_file, Some(PathBuf::from("/etc/ca.pem")));
    }

    #[test]
    fn an_unreadable_root_file_is_said() {
        let settings = Settings { check: Check::Full, root_file: Some(PathBuf::from("/nonexistent/ca.pem")) };
        let Err(e) = connector(&settings) else { panic!("accepted") };
        assert!(e.contains("/nonexistent/ca.pem"), "{e}");
    }
}
