//! Skill coverage is code, not a prompt: the next question always targets the least-covered of
//! the vacancy's top skills, ties going to the more important (lower rank), so every skill is
//! asked about once before any is asked about twice.

use std::collections::HashMap;

/// The skill to ask about next: the least-covered of `top_skills` (in rank order), ties by
/// rank. `coverage` counts questions already asked per skill; skills it does not mention have
/// none. `None` only when there are no skills at all.
pub fn next_target_skill<'a>(top_skills: &'a [String], coverage: &HashMap<String, u32>) -> Option<&'a str> {
    top_skills
        .iter()
        .enumerate()
        .min_by_key(|(rank, skill)| (coverage.get(skill.as_str()).copied().unwrap_or(0), *rank))
        .map(|(_, skill)| skill.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skills(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("skill {i}")).collect()
    }

    /// Asks `rounds` questions, counting coverage as an interview would.
    fn ask(top: &[String], rounds: usize) -> Vec<String> {
        let mut coverage = HashMap::new();
        (0..rounds)
            .map(|_| {
                let next = next_target_skill(top, &coverage).unwrap().to_owned();
                *coverage.entry(next.clone()).or_insert(0) += 1;
                next
            })
            .collect()
    }

    #[test]
    fn all_ten_are_covered_before_any_repeats() {
        let top = skills(10);
        let asked = ask(&top, 25);
        assert_eq!(asked[..10], top[..], "first round in rank order");
        assert_eq!(asked[10..20], top[..], "second round again in rank order");
        assert_eq!(asked[20], "skill 1");
    }

    #[test]
    fn ties_go_to_the_higher_ranked_skill() {
        let top = skills(4);
        let coverage = HashMap::from([("skill 1".to_owned(), 1), ("skill 3".to_owned(), 0)]);
        assert_eq!(next_target_skill(&top, &coverage), Some("skill 2"));
    }

    #[test]
    fn the_least_covered_wins_even_when_ranked_low() {
        let top = skills(3);
        let coverage =
            HashMap::from([("skill 1".to_owned(), 2), ("skill 2".to_owned(), 2), ("skill 3".to_owned(), 1)]);
        assert_eq!(next_target_skill(&top, &coverage), Some("skill 3"));
    }

    #[test]
    fn fewer_than_ten_skills_work_and_none_gives_none() {
        assert_eq!(ask(&skills(3), 4), ["skill 1", "skill 2", "skill 3", "skill 1"]);
        assert_eq!(next_target_skill(&[], &HashMap::new()), None);
    }

    #[test]
    fn coverage_of_skills_no_longer_in_the_top_list_is_ignored() {
        let top = skills(2);
        let coverage = HashMap::from([("retired skill".to_owned(), 0), ("skill 1".to_owned(), 1)]);
        assert_eq!(next_target_skill(&top, &coverage), Some("skill 2"));
    }
}
