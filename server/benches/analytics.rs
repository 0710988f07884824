//! Benchmark (not a test): the analytics server function at scale on MariaDB/MySQL.
//!
//! Seeds a database with 1,000,000 candidates and 5,000,000 evaluated answers (once; later runs
//! reuse it), starts the real application on it, signs in as sampled candidates and calls
//! `/api/analytics` — the whole server function: session, the candidate's aggregates, the
//! histogram for rank and percentile, their attempts and skills — printing p50/p95/p99.
//!
//!   cargo bench -p server --bench analytics            (make bench runs it)
//!   BENCH_MYSQL_URL=mysql://root@127.0.0.1:3306/interview_coach_bench  (the default)
//!   BENCH_CANDIDATES=1000000 BENCH_ANSWERS_PER_CANDIDATE=5 BENCH_CALLS=1000

use std::time::{Duration, Instant};

use app::server::config::Settings;
use app::server::startup::Application;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};

const TOP_SKILLS: &str = r#"[{"name":"Rust","rank":1,"category":"technical","evidence":null},{"name":"SQL","rank":2,"category":"technical","evidence":null},{"name":"Kubernetes","rank":3,"category":"technical","evidence":null},{"name":"Testing","rank":4,"category":"technical","evidence":null},{"name":"Communication","rank":5,"category":"behavioural","evidence":null}]"#;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("BENCH_MYSQL_URL")
        .unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/interview_coach_bench".to_owned());
    let candidates: u64 = env_or("BENCH_CANDIDATES", 1_000_000);
    let per_candidate: u64 = env_or("BENCH_ANSWERS_PER_CANDIDATE", 5);
    let calls: usize = env_or("BENCH_CALLS", 1_000);
    let (server_url, name) = url.rsplit_once('/').expect("BENCH_MYSQL_URL names a database");
    let server = Database::connect(server_url).await?;
    server
        .execute_unprepared(&format!(
            "CREATE DATABASE IF NOT EXISTS `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        ))
        .await?;

    let dir = tempfile::tempdir()?;
    let env = std::collections::HashMap::from([
        ("DATABASE_URL", url.clone()),
        ("PORT", "0".to_owned()),
        ("DATA_DIR", dir.path().join("data").display().to_string()),
        ("LOG_DIR", dir.path().join("logs").display().to_string()),
        ("REPORTS_DIR", dir.path().join("reports").display().to_string()),
        ("LEPTOS_SITE_ROOT", dir.path().join("site").display().to_string()),
        ("DB_SLOW_STATEMENT_MS", "10000".to_owned()),
    ]);
    let settings = Settings::from_lookup(|key| env.get(key).cloned())?;
    let app = Application::build(settings).await?; // migrates
    let db = app.db().clone();
    seed(&db, candidates, per_candidate).await?;
    let address = app.local_addr();
    tokio::spawn(app.run_until(std::future::pending()));

    let sampled = sample_users(&db, 50).await?;
    let mut clients = Vec::new();
    for (user_id, email) in &sampled {
        db.execute_unprepared(&format!(
            "UPDATE users SET top_skills_json = '{TOP_SKILLS}' WHERE user_id = {user_id}"
        ))
        .await?;
        clients.push(sign_in(address, email).await?);
    }
    // Warm up the pool and the buffer pool.
    for client in &clients {
        call(client, address).await?;
    }
    let mut samples = Vec::with_capacity(calls);
    for i in 0..calls {
        let started = Instant::now();
        call(&clients[i % clients.len()], address).await?;
        samples.push(started.elapsed());
    }
    report(
        &format!(
            "analytics server function, {candidates} candidates x {per_candidate} evaluated answers on {}",
            server_url.rsplit('@').next().unwrap_or(server_url)
        ),
        samples,
    );

    // The PDF report of the same candidates: analytics, layout, charts, compression, file write.
    let mut pdf = Vec::new();
    for client in clients.iter().cycle().take(40) {
        let started = Instant::now();
        let origin = format!("http://{address}");
        let response =
            client.post(format!("{origin}/analytics/report")).header("origin", &origin).send().await?;
        anyhow::ensure!(response.status() == 303, "report failed: {}", response.status());
        pdf.push(started.elapsed());
    }
    report("PDF report (POST /analytics/report, file written)", pdf);
    Ok(())
}

fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label}:\n  n={}  p50={:.2} ms  p95={:.2} ms  p99={:.2} ms  max={:.2} ms",
        samples.len(),
        ms(at(0.50)),
        ms(at(0.95)),
        ms(at(0.99)),
        ms(*samples.last().expect("samples"))
    );
}

async fn count(db: &DatabaseConnection, sql: &str) -> anyhow::Result<u64> {
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await?;
    Ok(row.map(|r| r.try_get_by_index::<i64>(0)).transpose()?.unwrap_or(0) as u64)
}

/// Seeds `candidates` candidates with `per_candidate` evaluated answers each, in chunks, with
/// MariaDB's sequence tables; skipped when the database already holds them.
async fn seed(db: &DatabaseConnection, candidates: u64, per_candidate: u64) -> anyhow::Result<()> {
    let seeded = count(db, "SELECT COUNT(*) FROM candidate_stats WHERE evaluated > 0").await?;
    if seeded >= candidates {
        println!("reusing the seeded database ({seeded} ranked candidates)");
        return Ok(());
    }
    println!("seeding {candidates} candidates x {per_candidate} answers (once; several minutes)...");
    let started = Instant::now();
    for table in [
        "correctness_histogram",
        "candidate_stats",
        "suggestions",
        "answers",
        "questions",
        "interviews",
        "user_vacancies",
        "events",
        "sessions",
        "users",
        "vacancies",
    ] {
        db.execute_unprepared(&format!("DELETE FROM {table}")).await?;
    }
    db.execute_unprepared(
        "INSERT INTO vacancies (position_title, jd_file_hash, jd_file_name, jd_text, created_at) \
         VALUES ('Backend Engineer', REPEAT('b', 64), 'bench.txt', 'Benchmark vacancy', UTC_TIMESTAMP(6))",
    )
    .await?;
    let chunk = 100_000_u64;
    let mut from = 1;
    while from <= candidates {
        let to = (from + chunk - 1).min(candidates);
        db.execute_unprepared(&format!(
            "INSERT INTO users (email, first_name, last_name, created_at) \
             SELECT CONCAT('bench', seq, '@example.com'), 'Bench', CONCAT('Candidate ', seq), UTC_TIMESTAMP(6) \
             FROM seq_{from}_to_{to}"
        ))
        .await?;
        from = to + 1;
    }
    db.execute_unprepared(
        "INSERT INTO user_vacancies (user_id, vacancy_id, created_at, last_used_at) \
         SELECT u.user_id, (SELECT MIN(vacancy_id) FROM vacancies), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM users u",
    )
    .await?;
    let links = "SELECT uv.user_vacancy_id FROM user_vacancies uv";
    db.execute_unprepared(&format!(
        "INSERT INTO interviews (user_vacancy_id, status, started_at) \
         SELECT user_vacancy_id, 'active', UTC_TIMESTAMP(6) FROM ({links}) l"
    ))
    .await?;
    let max_interview = count(db, "SELECT MAX(interview_id) FROM interviews").await?;
    let mut from = 0;
    while from < max_interview {
        let to = from + chunk;
        let steps = [
            format!(
                "INSERT INTO questions (interview_id, user_vacancy_id, question_text, category, difficulty, skill_tag, \
                 skill_tags_json, question_order, created_at, asked_at) \
                 SELECT i.interview_id, i.user_vacancy_id, 'Benchmark question', 'technical', 'medium', \
                 ELT(1 + MOD(s.seq - 1, 5), 'Rust', 'SQL', 'Kubernetes', 'Testing', 'Communication'), '[]', s.seq, \
                 UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) \
                 FROM interviews i CROSS JOIN seq_1_to_{per_candidate} s WHERE i.interview_id > {from} AND i.interview_id <= {to}"
            ),
            format!(
                "INSERT INTO answers (question_id, answer_text, is_skipped, created_at) \
                 SELECT q.question_id, 'Benchmark answer', 0, UTC_TIMESTAMP(6) FROM questions q \
                 WHERE q.interview_id > {from} AND q.interview_id <= {to}"
            ),
            format!(
                "INSERT INTO suggestions (question_id, correctness, role_relevance, red_flags_count, red_flags_text, \
                 improvements_text, suggested_rewrite, fallacy_detected, coach_hint, coach_model, prompt_version, created_at) \
                 SELECT q.question_id, FLOOR(RAND(q.question_id) * 101), FLOOR(RAND(q.question_id + 7) * 101), \
                 FLOOR(RAND(q.question_id + 13) * 4), '', '', '', 0, '', 'Offline coach (rules)', 'bench', UTC_TIMESTAMP(6) \
                 FROM questions q WHERE q.interview_id > {from} AND q.interview_id <= {to}"
            ),
            format!(
                "INSERT INTO candidate_stats (user_id, attempted, skipped, evaluated, correctness_sum, relevance_sum, \
                 red_flags_sum, rank_key, updated_at) \
                 SELECT uv.user_id, COUNT(*), 0, COUNT(*), SUM(s.correctness), SUM(s.role_relevance), SUM(s.red_flags_count), \
                 FLOOR((SUM(s.correctness) * 200 + COUNT(*)) / (2 * COUNT(*))), UTC_TIMESTAMP(6) \
                 FROM questions q JOIN suggestions s ON s.question_id = q.question_id \
                 JOIN user_vacancies uv ON uv.user_vacancy_id = q.user_vacancy_id \
                 WHERE q.interview_id > {from} AND q.interview_id <= {to} GROUP BY uv.user_id"
            ),
        ];
        for sql in steps {
            db.execute_unprepared(&sql).await?;
        }
        from = to;
        print!("\r  {} of {max_interview} candidates seeded", to.min(max_interview));
        use std::io::Write;
        std::io::stdout().flush()?;
    }
    db.execute_unprepared(
        "INSERT INTO correctness_histogram (rank_key, candidates) \
         SELECT rank_key, COUNT(*) FROM candidate_stats WHERE rank_key IS NOT NULL GROUP BY rank_key",
    )
    .await?;
    let answers = count(db, "SELECT COUNT(*) FROM suggestions").await?;
    println!("\nseeded {answers} evaluated answers in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

async fn sample_users(db: &DatabaseConnection, n: u64) -> anyhow::Result<Vec<(i64, String)>> {
    let max = count(db, "SELECT MAX(user_id) FROM users").await?;
    let mut users = Vec::new();
    for i in 0..n {
        let id = 1 + (i * 7_919 * 104_729) % max.max(1);
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT user_id, email FROM users WHERE user_id >= {id} ORDER BY user_id LIMIT 1"),
            ))
            .await?
            .expect("a user");
        users.push((row.try_get_by_index::<i64>(0)?, row.try_get_by_index::<String>(1)?));
    }
    Ok(users)
}

async fn sign_in(address: std::net::SocketAddr, email: &str) -> anyhow::Result<reqwest::Client> {
    let client =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build()?;
    let origin = format!("http://{address}");
    let response = client
        .post(format!("{origin}/auth/dev"))
        .header("origin", &origin)
        .form(&[("first_name", "Bench"), ("last_name", "Candidate"), ("email", email)])
        .send()
        .await?;
    anyhow::ensure!(response.status().is_redirection(), "sign-in failed: {}", response.status());
    Ok(client)
}

async fn call(client: &reqwest::Client, address: std::net::SocketAddr) -> anyhow::Result<()> {
    let origin = format!("http://{address}");
    let response = client.post(format!("{origin}/api/analytics")).header("origin", &origin).send().await?;
    anyhow::ensure!(response.status().is_success(), "analytics failed: {}", response.status());
    response.bytes().await?;
    Ok(())
}
