//! The offline coach's reading of a CV against a job description: the candidate's profile and
//! the ten skills that matter most for this vacancy, each with the CV's evidence.
//!
//! Importance comes from the job description: how often a skill is named, whether it is in a
//! requirement bullet, and how early. When the JD names fewer than ten known skills, the list
//! is completed with the core behavioural skills every interview probes (communication,
//! problem solving, ...), so there are always exactly ten.

use serde::{Deserialize, Serialize};

use super::taxonomy::{self, SkillCategory};
use crate::server::intake::highlights;

/// How many skills an interview covers.
pub const TOP_SKILLS: usize = 10;

/// Fallbacks, in order, when the JD names fewer than ten skills.
const CORE_SKILLS: &[&str] = &[
    "Communication",
    "Problem solving",
    "Teamwork",
    "Ownership",
    "Decision making",
    "Stakeholder management",
    "Adaptability",
    "Continuous learning",
    "Time management",
    "Leadership",
];

/// Who the candidate is, as the CV tells it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: Option<String>,
    pub headline: Option<String>,
    /// "junior", "mid-level", "senior", "lead" or "principal"; `None` when the CV does not say.
    pub seniority: Option<String>,
    pub years_of_experience: Option<u32>,
    pub key_achievements: Vec<String>,
}

/// A skill the vacancy needs, ranked (1 = most important), with what the CV shows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopSkill {
    pub name: String,
    pub rank: u32,
    pub category: SkillCategory,
    /// A line of the CV that shows the skill; `None` when the CV does not show it.
    pub evidence: Option<String>,
}

/// Words of the heading of a JD section about the employer or the offer rather than the work:
/// its lines name no skill the vacancy asks for ("Medical, dental and vision insurance",
/// "Ledgerly helps small businesses control their cash").
const OFFER_HEADINGS: &[&str] = &[
    "benefit",
    "perk",
    "what we offer",
    "we offer",
    "compensation",
    "salary",
    "pay and",
    "culture",
    "how to apply",
    "to apply",
    "interview process",
    "our process",
    "hiring process",
    "equal opportunit",
    "diversity",
    "why join",
    "why work",
    "why you'll love",
    "life at",
    "who we are",
    "our story",
    "our mission",
    "our values",
    "working conditions",
];
/// Words of the heading of a JD section about the work or the candidate: after one, lines count
/// again.
const WORK_HEADINGS: &[&str] = &[
    "responsibilit",
    "requirement",
    "qualification",
    "duties",
    "what you'll",
    "what you will",
    "what we're looking for",
    "what we are looking for",
    "looking for",
    "who you are",
    "you'll bring",
    "you will bring",
    "nice to have",
    "bonus",
    "desirable",
    "essential",
    "preferred",
    "must have",
    "person specification",
    "overview",
    "summary",
    "the role",
    "your role",
    "the job",
    "skills",
    "experience",
    "your profile",
    "tasks",
];
/// "About us" and "About Ledgerly" describe the employer; "About the role" and "About you" are
/// the work.
const ABOUT_THE_WORK: &[&str] = &["role", "job", "you", "position", "team", "opportunity", "work"];

/// Which kind of section `line` opens, if it is a heading: a short line that is not a bullet,
/// ends in no full stop, is not a "Label: value" pair, and says what it is about ("Benefits",
/// "About us:", "Perks & benefits 🎁", "## What you'll do"). A short line of anything else
/// ("Health insurance" under Benefits, "Python, SQL" under Requirements) is not a heading.
fn section_opened_by(line: &str) -> Option<Section> {
    let bold = line.starts_with("**"); // Markdown's bold, not a "*" bullet
    if (highlights::bullet_item(line).is_some() && !bold) || line.trim_end().ends_with('.') {
        return None;
    }
    let text = line.trim_matches(|c: char| !c.is_alphanumeric());
    let words = text.split_whitespace().count();
    if words == 0 || words > 6 || text.contains(':') {
        return None;
    }
    let heading = super::text::lower_plain(text);
    let about = heading.strip_prefix("about ");
    if about.is_some_and(|rest| !rest.split_whitespace().any(|word| ABOUT_THE_WORK.contains(&word)))
        || OFFER_HEADINGS.iter().any(|words| heading.contains(words))
    {
        Some(Section::Offer)
    } else if about.is_some() || WORK_HEADINGS.iter().any(|words| heading.contains(words)) {
        Some(Section::Work)
    } else {
        None
    }
}

/// What a part of a job description is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// The work and the candidate: its lines rank skills.
    Work,
    /// The employer or the offer: its lines do not.
    Offer,
}

/// The ten skills for this vacancy, most important first.
///
/// Each JD line that names a skill counts once for it (so a line listing three aliases of one
/// skill is not three votes): 3 points, 2 more in a requirement bullet, 3 more in the title
/// line; a broad skill ("Backend development") gets 1. Ties go to the skill named first. Lines
/// under a heading about the employer or the offer ("About us", "Benefits") count nothing.
pub fn top_skills(cv: &str, jd: &str) -> Vec<TopSkill> {
    let mut scores: Vec<(usize, usize, usize)> = Vec::new(); // (skill, score, first line)
    let jd_lines = jd.lines().map(str::trim).zip(taxonomy::mentions_by_line(jd));
    let mut section = Section::Work;
    for (number, (line, mentioned)) in jd_lines.filter(|(line, _)| !line.is_empty()).enumerate() {
        if let Some(opened) = section_opened_by(line).filter(|_| number > 0) {
            section = opened;
        }
        if section == Section::Offer {
            continue;
        }
        let bullet = highlights::bullet_item(line).is_some();
        for skill in mentioned {
            let weight = if taxonomy::skills()[skill].broad {
                1
            } else {
                3 + if bullet { 2 } else { 0 } + if number == 0 { 3 } else { 0 }
            };
            match scores.iter_mut().find(|(seen, _, _)| *seen == skill) {
                Some(entry) => entry.1 += weight,
                None => scores.push((skill, weight, number)),
            }
        }
    }
    scores.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));

    let skills = taxonomy::skills();
    let mut chosen: Vec<usize> = scores.into_iter().map(|(skill, _, _)| skill).take(TOP_SKILLS).collect();
    for core in CORE_SKILLS {
        if chosen.len() == TOP_SKILLS {
            break;
        }
        if let Some(index) = skills.iter().position(|s| s.name == *core)
            && !chosen.contains(&index)
        {
            chosen.push(index);
        }
    }
    // The skills each CV line shows, found once for all ten evidence look-ups.
    let cv = unwrapped(cv);
    let cv_lines: Vec<(&str, Vec<usize>)> =
        cv.lines().map(str::trim).zip(taxonomy::mentions_by_line(&cv)).collect();
    chosen
        .into_iter()
        .enumerate()
        .map(|(position, index)| TopSkill {
            name: skills[index].name.clone(),
            rank: position as u32 + 1,
            category: skills[index].category,
            evidence: evidence(&cv_lines, index),
        })
        .collect()
}

/// `text` with every line that only continues the one before it (a bullet wrapped by the
/// document's layout: the line before ends without a full stop, this one starts in lower case or
/// with a bracket) joined to it, so that "…alerts for matchmaking, reducing" and "false pages by
/// 70%." are one line to quote. A joined line stops growing at [`MAX_JOINED_BYTES`]: a wrapped
/// bullet is a few lines long, and a document of a hundred thousand "a" lines is not one line.
fn unwrapped(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    let mut open = false; // the line so far ends mid-sentence
    let mut current = 0; // bytes in the line so far
    for line in text.lines().map(str::trim) {
        let continues = open
            && line.starts_with(|c: char| c.is_lowercase() || c == '(')
            && current + line.len() < MAX_JOINED_BYTES;
        if continues {
            joined.push(' ');
            current += 1 + line.len();
        } else {
            if !joined.is_empty() {
                joined.push('\n');
            }
            current = line.len();
        }
        joined.push_str(line);
        open = !line.is_empty() && !line.ends_with(['.', '!', '?', ':', ';']);
    }
    joined
}

/// The longest line [`unwrapped`] makes of wrapped ones.
const MAX_JOINED_BYTES: usize = 600;

/// The first CV line that mentions the skill, shortened for display: one that says what was
/// done with it if there is one, else a list of skills that names it.
fn evidence(cv_lines: &[(&str, Vec<usize>)], skill: usize) -> Option<String> {
    let mentioning = || cv_lines.iter().filter(|(_, skills)| skills.contains(&skill));
    mentioning()
        .find(|(line, _)| !super::text::is_name_list(line))
        .or_else(|| mentioning().next())
        .map(|(line, _)| super::text::shorten(line, 160))
}

/// The candidate's profile from the CV text.
pub fn profile(cv: &str) -> Profile {
    let (name, headline) = highlights::cv_name_and_headline(cv);
    Profile {
        seniority: seniority(headline.as_deref().unwrap_or_default()).or_else(|| seniority(cv)),
        years_of_experience: years_of_experience(cv),
        key_achievements: key_achievements(cv, 3),
        name,
        headline,
    }
}

fn seniority(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    [
        ("principal", "principal"),
        ("staff", "principal"),
        ("lead", "lead"),
        ("head of", "lead"),
        ("senior", "senior"),
        ("junior", "junior"),
        ("graduate", "junior"),
        ("intern", "junior"),
    ]
    .iter()
    .find(|(word, _)| {
        lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == *word)
            || (word.contains(' ') && lower.contains(word))
    })
    .map(|(_, level)| (*level).to_owned())
}

/// "N years" stated in the CV (the largest plausible one), else the span of year ranges.
fn years_of_experience(cv: &str) -> Option<u32> {
    let words: Vec<&str> = cv.split_whitespace().collect();
    let stated = words
        .windows(2)
        .filter(|pair| pair[1].to_lowercase().starts_with("year"))
        .filter_map(|pair| pair[0].trim_end_matches('+').parse::<u32>().ok())
        .filter(|years| (1..=50).contains(years))
        .max();
    stated.or_else(|| {
        let years: Vec<u32> = cv
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|d| d.parse::<u32>().ok())
            .filter(|y| (1960..=2100).contains(y))
            .collect();
        let span = years.iter().max()? - years.iter().min()?;
        (1..=50).contains(&span).then_some(span)
    })
}

/// Lines that state a result with a number (latency, money, people, percentages).
fn key_achievements(cv: &str, max: usize) -> Vec<String> {
    cv.lines()
        .map(|l| l.trim().trim_start_matches(['•', '-', '*']).trim())
        .filter(|line| {
            let chars = line.chars().count();
            (30..=220).contains(&chars)
                && line.chars().any(|c| c.is_ascii_digit())
                && !line.chars().take(9).all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
        })
        .take(max)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CV: &str = "Ada Lovelace\nSenior Rust Engineer\n8 years building backend systems.\n\
        Reduced p95 latency from 420 ms to 90 ms by rewriting the payments API in Rust.\n\
        Skills: Rust, PostgreSQL, Terraform\nMentored 6 engineers.";
    const JD: &str = "Backend Engineer (Rust)\nWe build payments in Rust.\nKey requirements\n\
        - 3+ years of Rust\n- PostgreSQL schema design\n- Kubernetes in production\nNice to have: Kafka";

    #[test]
    fn exactly_ten_skills_ranked_by_the_job_description() {
        let top = top_skills(CV, JD);
        assert_eq!(top.len(), TOP_SKILLS);
        assert_eq!(top[0].name, "Rust", "named most and in a requirement");
        let names: Vec<&str> = top.iter().map(|s| s.name.as_str()).collect();
        for expected in ["PostgreSQL", "Kubernetes", "Kafka", "Communication"] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
        assert!(names.iter().position(|n| *n == "Kubernetes") < names.iter().position(|n| *n == "Kafka"));
        assert_eq!(top.iter().map(|s| s.rank).collect::<Vec<_>>(), (1..=10).collect::<Vec<_>>());
    }

    #[test]
    fn the_employer_and_the_offer_name_no_skill_the_vacancy_asks_for() {
        let jd = "Data Engineer\n\
                  About us\n\
                  We build payments software for banks.\n\
                  About the role\n\
                  - Build pipelines in Airflow and SQL\n\
                  Perks & benefits 🎁\n\
                  - Medical, dental and vision insurance\n\
                  Salary: competitive, reviewed every year with Kubernetes budget\n\
                  How to apply:\n\
                  - Send a CV that shows your Rust";

        let names: Vec<String> = top_skills("", jd).into_iter().map(|s| s.name).collect();

        for asked in ["Data engineering", "SQL"] {
            assert!(names.contains(&asked.to_owned()), "{asked} missing from {names:?}");
        }
        for offered in ["Payments", "Banking", "Insurance", "Rust"] {
            assert!(!names.contains(&offered.to_owned()), "{offered} in {names:?}");
        }
        // "Salary: …" is a label and its value, not a heading: the benefits section goes on.
        assert!(!names.contains(&"Kubernetes".to_owned()), "{names:?}");
        assert_eq!(section_opened_by("Salary: competitive"), None);
        assert_eq!(section_opened_by("## What you'll do"), Some(Section::Work));
        assert_eq!(section_opened_by("**Our values**"), Some(Section::Offer));
        assert_eq!(section_opened_by("- Benefits"), None, "a bullet");
        // A short line that names no kind of section changes nothing, under either kind.
        assert_eq!(section_opened_by("Health insurance"), None);
        let short_lines = "Backend Engineer\nRequirements\nRust, PostgreSQL\nBenefits\nHealth insurance";
        let names: Vec<String> = top_skills("", short_lines).into_iter().map(|s| s.name).collect();
        assert!(names.contains(&"Rust".to_owned()) && names.contains(&"PostgreSQL".to_owned()), "{names:?}");
        assert!(!names.contains(&"Insurance".to_owned()), "{names:?}");
    }

    #[test]
    fn a_bullet_wrapped_over_two_lines_is_one_piece_of_evidence() {
        let cv = "Experience\n\
                  - Ran Kubernetes for the game fleet across six regions, cutting\n  \
                  deploy time from 40 to 8 minutes.\n\
                  - Led the on-call rota.";

        let top = top_skills(cv, "Platform Engineer\n- Kubernetes in production");

        assert_eq!(top[0].name, "Kubernetes");
        assert_eq!(
            top[0].evidence.as_deref(),
            Some(
                "- Ran Kubernetes for the game fleet across six regions, cutting deploy time from 40 to 8 minutes."
            )
        );
        // A line that ends a sentence, or a next line in capitals, stays a line of its own.
        assert_eq!(
            unwrapped("Led the rota.\nthen more\nSkills\nRust"),
            "Led the rota.\nthen more\nSkills\nRust"
        );
    }

    #[test]
    fn evidence_comes_from_the_cv_or_is_absent() {
        let top = top_skills(CV, JD);
        let find = |name: &str| top.iter().find(|s| s.name == name).unwrap();
        assert!(find("Rust").evidence.as_deref().unwrap().contains("Rust"));
        assert_eq!(find("Kubernetes").evidence, None, "the CV does not show Kubernetes");
    }

    #[test]
    fn documents_of_many_short_lines_are_ranked_in_well_under_a_second() {
        // 100,000 one-letter lines each (the most a document can hold): searching every line for
        // every spelling took tens of seconds of CPU in a release build. Now about a second in a
        // debug build on a quiet machine; the bound is loose, so that a busy machine running the
        // other tests alongside (5 s was seen) cannot fail it, and a return of that cost still does.
        let cv = format!("{CV}\n{}", "a\n".repeat(100_000));
        let jd = format!("{JD}\n{}", "a\n".repeat(100_000));

        let started = std::time::Instant::now();
        let top = top_skills(&cv, &jd);
        let took = started.elapsed();

        assert_eq!(top, top_skills(CV, JD), "the short lines change nothing");
        assert!(took < std::time::Duration::from_secs(30), "took {took:?}");
    }

    #[test]
    fn profile_reads_name_seniority_years_and_results() {
        let profile = profile(CV);
        assert_eq!(profile.name.as_deref(), Some("Ada Lovelace"));
        assert_eq!(profile.seniority.as_deref(), Some("senior"));
        assert_eq!(profile.years_of_experience, Some(8));
        assert!(
            profile.key_achievements[0].starts_with("8 years")
                || profile.key_achievements.iter().any(|a| a.contains("420 ms"))
        );
    }
}
