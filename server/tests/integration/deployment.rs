//! The deployment files cannot drift from the code: the Dockerfile builds with the Makefile's
//! own targets (so the pinned tool versions live in one place), every environment variable the
//! code reads is in `.env.example` and in the README's table, and docker-compose.yml has the
//! services, volume, health checks and start order the README promises.
//!
//! (There is no Docker engine on the build machine; these checks and the container contract
//! test in `container.rs` are how the image's promises are verified here.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use yaml_rust2::{Yaml, YamlLoader};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

/// The instructions of one Dockerfile stage (from its `FROM ... AS name` to the next `FROM`).
fn stage(dockerfile: &str, name: &str) -> String {
    let mut lines = Vec::new();
    let mut inside = false;
    for line in dockerfile.lines() {
        if line.starts_with("FROM ") {
            inside = line.ends_with(&format!(" AS {name}"));
        }
        if inside {
            lines.push(line);
        }
    }
    assert!(!lines.is_empty(), "the Dockerfile has a stage named {name}");
    lines.join("\n")
}

#[test]
fn the_image_builds_with_the_makefiles_own_targets_and_pins() {
    let dockerfile = read("Dockerfile");
    let build = stage(&dockerfile, "build");
    let makefile = read("Makefile");

    assert!(build.contains("RUN make tools"), "the build stage installs tools through the Makefile");
    assert!(build.contains("RUN make build"), "the build stage builds through the Makefile");
    for lockfile in ["Cargo.lock", "rust-toolchain.toml", "end2end/package-lock.json"] {
        assert!(build.contains(lockfile), "the build stage uses {lockfile}");
    }
    // A version written in the Dockerfile would be a second pin that can drift from the Makefile.
    let instructions: String =
        dockerfile.lines().filter(|l| !l.trim_start().starts_with('#')).collect::<Vec<_>>().join("\n");
    for tool in ["cargo install", "cargo-leptos", "wasm-bindgen-cli", "binaryen", "CARGO_LEPTOS_VERSION"] {
        assert!(!instructions.contains(tool), "the Dockerfile pins {tool:?} itself; use the Makefile's pin");
    }
    assert!(makefile.contains("CARGO_LEPTOS_VERSION := 0.3.10"), "cargo-leptos is pinned in the Makefile");
    assert!(makefile.contains("--locked --features no_downloads"));
    let package_json = read("end2end/package.json");
    assert!(package_json.contains("\"binaryen\": \"132.0.0\""), "wasm-opt is pinned exactly (npm binaryen)");

    let app = stage(&dockerfile, "app");
    assert!(dockerfile.trim_end().ends_with("CMD [\"serve\"]"), "the app-only image is the default target");
    assert!(app.contains("USER nonroot"), "the app runs as a non-root user");
    assert!(app.contains("PORT=8080") && app.contains("HOST=0.0.0.0") && app.contains("LOG_FORMAT=json"));
    assert!(app.contains("HEALTHCHECK") && app.contains("healthcheck"), "a HEALTHCHECK on /healthz");
    assert!(!app.contains("RUN "), "the runtime stage only copies the build: {app}");
    let aio = stage(&dockerfile, "all-in-one");
    assert!(aio.contains("mariadb-server") && aio.contains("tini"));
    assert!(aio.contains("ephemeral"), "the all-in-one stage warns that Cloud Run storage is ephemeral");

    let ignored = read(".dockerignore");
    for path in ["target/", "**/node_modules/", "data/", ".env"] {
        assert!(ignored.lines().any(|l| l == path), ".dockerignore keeps {path} out of the context");
    }
}

/// Every environment variable the server reads: the names in the settings code (outside its
/// tests) and any other `std::env::var` call in the server's sources.
fn variables_read_by_the_code() -> BTreeSet<String> {
    let config = read("app/src/server/config.rs");
    let code = config.split("#[cfg(test)]").next().unwrap_or_default();
    let mut names: BTreeSet<String> = quoted_variable_names(code).into_iter().collect();
    for file in ["server/src/main.rs", "server/src/healthcheck.rs", "app/src/server/telemetry.rs"] {
        let source = read(file);
        for (i, _) in source.match_indices("env::var(\"") {
            let rest = &source[i + "env::var(\"".len()..];
            names.insert(rest[..rest.find('"').expect("a closing quote")].to_owned());
        }
    }
    names
}

/// Quoted SCREAMING_CASE words of three or more characters.
fn quoted_variable_names(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|word| {
            let screaming = word.starts_with(|c: char| c.is_ascii_uppercase())
                && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            screaming && (word.contains('_') || matches!(*word, "HOST" | "PORT"))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_variable_the_code_reads_is_in_env_example_and_the_readme_table() {
    let variables = variables_read_by_the_code();
    let env_example = read(".env.example");
    let readme = read("README.md");

    assert!(variables.len() >= 20, "the scan finds the settings: {variables:?}");
    for variable in ["DATABASE_URL", "OIDC_ISSUER_URL", "OPENAI_BASE_URL", "PORT", "REPORTS_DIR"] {
        assert!(variables.contains(variable), "the scan finds {variable}");
    }
    let missing_example: Vec<_> = variables
        .iter()
        .filter(|v| !env_example.lines().any(|l| l.trim_start_matches("# ").starts_with(&format!("{v}="))))
        .collect();
    assert!(missing_example.is_empty(), ".env.example lacks {missing_example:?}");
    let missing_readme: Vec<_> =
        variables.iter().filter(|v| !readme.contains(&format!("| `{v}` |"))).collect();
    assert!(missing_readme.is_empty(), "the README's variable table lacks {missing_readme:?}");
}

fn compose() -> Yaml {
    let documents =
        YamlLoader::load_from_str(&read("docker-compose.yml")).expect("docker-compose.yml is valid YAML");
    with_merge_keys(documents.into_iter().next().expect("one document"))
}

/// Applies YAML merge keys (`<<: *anchor`) as Compose does: the mapping's own keys win.
fn with_merge_keys(yaml: Yaml) -> Yaml {
    match yaml {
        Yaml::Hash(hash) => {
            let merge_key = Yaml::String("<<".into());
            let mut merged = yaml_rust2::yaml::Hash::new();
            if let Some(Yaml::Hash(base)) = hash.get(&merge_key).cloned().map(with_merge_keys) {
                merged.extend(base);
            }
            for (key, value) in hash.into_iter().filter(|(key, _)| *key != merge_key) {
                merged.insert(key, with_merge_keys(value));
            }
            Yaml::Hash(merged)
        }
        Yaml::Array(items) => Yaml::Array(items.into_iter().map(with_merge_keys).collect()),
        other => other,
    }
}

#[test]
fn compose_runs_the_app_after_a_healthy_mysql_with_a_volume_and_an_oidc_profile() {
    let compose = compose();
    let services = &compose["services"];

    let mysql = &services["mysql"];
    assert_eq!(mysql["image"].as_str(), Some("mysql:8.4"));
    assert!(mysql["volumes"][0].as_str().is_some_and(|v| v.starts_with("mysql-data:")));
    assert!(!compose["volumes"]["mysql-data"].is_badvalue(), "mysql-data is a named volume");
    assert!(mysql["healthcheck"]["test"][1].as_str().is_some_and(|t| t.contains("mysqladmin ping")));

    for name in ["app", "app-oidc"] {
        let app = &services[name];
        assert_eq!(app["image"].as_str(), Some("interview-coach:local"), "{name} runs the app image");
        assert_eq!(
            app["depends_on"]["mysql"]["condition"].as_str(),
            Some("service_healthy"),
            "{name} waits for MySQL"
        );
        assert_eq!(app["healthcheck"]["test"][1].as_str(), Some("/app/server"));
        assert!(
            app["env_file"][0].as_str().is_some_and(|f| f.contains("compose.env")),
            "{name} reads the env file"
        );
        let url = app["environment"]["DATABASE_URL"].as_str().expect("a DATABASE_URL");
        assert!(
            url.starts_with("mysql://") && url.contains("@mysql:3306/"),
            "{name} talks to the mysql service"
        );
        assert!(
            app["ports"][0].as_str().is_some_and(|p| p.starts_with("127.0.0.1:")),
            "{name} is published on loopback only"
        );
    }
    assert_eq!(services["app"]["build"]["target"].as_str(), Some("app"));
    assert_eq!(services["app"]["environment"]["ALLOW_DEV_SIGNIN"].as_str(), Some("true"));

    let oidc = &services["oidc"];
    assert_eq!(oidc["profiles"][0].as_str(), Some("oidc"));
    assert_eq!(services["app-oidc"]["profiles"][0].as_str(), Some("oidc"));
    assert_eq!(services["app-oidc"]["depends_on"]["oidc"]["condition"].as_str(), Some("service_healthy"));
    let issuer = oidc["environment"]["OIDC_ISSUER"].as_str().expect("the provider's issuer");
    assert_eq!(
        services["app-oidc"]["environment"]["OIDC_ISSUER_URL"].as_str(),
        Some(issuer),
        "one issuer for both"
    );
    assert!(
        services["app-oidc"]["environment"]["ALLOW_DEV_SIGNIN"].is_badvalue(),
        "no dev sign-in beside OIDC"
    );
    assert_eq!(oidc["build"]["dockerfile"].as_str(), Some("end2end/oidc/Dockerfile"));
    assert!(read("end2end/oidc/Dockerfile").contains("provider.mjs"), "the same provider the tests use");
    assert!(std::path::Path::new(&repo().join("compose.env")).exists());
}
