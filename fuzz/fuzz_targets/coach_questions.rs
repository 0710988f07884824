//! Any CV, job description and position title must give a profile, exactly ten ranked skills
//! and questions that never repeat and name their skill, without a panic.
//!
//! Panics are not contained: the coach is plain code over text, and a panic in it is the bug
//! being looked for. The input is the CV, the job description and the position title,
//! separated by NUL bytes.
#![no_main]

use interview_coach_fuzz::server::coach::profile::{self, TOP_SKILLS};
use interview_coach_fuzz::server::coach::questions::{QuestionRequest, generate, next_difficulty, skill_in_sentence};
use interview_coach_fuzz::server::coach::taxonomy::kind_of;
use interview_coach_fuzz::texts;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [cv, jd, title] = texts::<3>(data);

    let found = profile::profile(&cv);
    for taken in found.name.iter().chain(&found.headline).chain(&found.key_achievements) {
        assert!(cv.contains(taken.as_str()), "{taken:?} is not in the CV");
    }
    assert!(found.years_of_experience.is_none_or(|years| (1..=50).contains(&years)));

    let top = profile::top_skills(&cv, &jd);
    assert_eq!(top.len(), TOP_SKILLS);

    // Two rounds over the ten skills, difficulty following made-up scores, as an interview goes.
    let scores: Vec<u8> = data.iter().map(|b| b % 101).take(4).collect();
    let mut asked_before: Vec<String> = Vec::new();
    for (order, skill) in top.iter().cycle().take(2 * TOP_SKILLS).enumerate() {
        let recent = &scores[..order.min(scores.len())];
        let request = QuestionRequest {
            skill: &skill.name,
            skill_category: skill.category,
            position_title: &title,
            evidence: skill.evidence.as_deref(),
            difficulty: next_difficulty(&recent[recent.len().saturating_sub(2)..]),
            asked_before: &asked_before,
            order,
        };
        let question = generate(&request);
        let named = skill_in_sentence(&skill.name, kind_of(&skill.name, skill.category));
        assert!(question.text.contains(&named), "the question does not name its skill");
        assert!(!asked_before.contains(&question.text), "a question repeated");
        asked_before.push(question.text);
    }
});
