//! Analytics maths over plain numbers: averages, the rank key, rank and percentile from the
//! histogram of all candidates' keys, the distribution's bins, and the weakest skills.

use crate::model::analytics::{self, Comparison, MIN_OTHER_CANDIDATES, SkillResult};

/// Average correctness in hundredths of a percent (0–10000), rounded half up; the key candidates
/// are ranked by. `None` before the first evaluated answer.
pub fn rank_key(correctness_sum: i64, evaluated: i64) -> Option<i32> {
    (evaluated > 0).then(|| ((correctness_sum * 200 + evaluated) / (2 * evaluated)) as i32)
}

/// `part / whole`, or `None` when there is nothing to divide by.
pub fn average(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Where a candidate stands among everyone with at least one evaluated answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// 1 is best; candidates with the same key share a rank.
    pub rank: u64,
    /// Candidates ranked (the candidate included).
    pub candidates: u64,
    /// Share of candidates with a lower average, in percent.
    pub percentile: f64,
}

/// The standing of the candidate with `key`, from `(key, candidates)` histogram rows.
pub fn standing(key: i32, histogram: &[(i32, i64)]) -> Standing {
    let (mut above, mut below, mut total) = (0_u64, 0_u64, 0_u64);
    for &(other, count) in histogram {
        let count = count.max(0) as u64;
        total += count;
        if other > key {
            above += count;
        } else if other < key {
            below += count;
        }
    }
    let total = total.max(1);
    Standing { rank: above + 1, candidates: total, percentile: below as f64 * 100.0 / total as f64 }
}

/// The candidate with `key` (`None`: not ranked) compared with the group whose keys are in
/// `histogram`, shown only when at least [`MIN_OTHER_CANDIDATES`] others are ranked in it.
pub fn compare(key: Option<i32>, histogram: &[(i32, i64)]) -> Comparison {
    let Some(key) = key else { return Comparison::NotRanked };
    if !enough_to_compare(histogram) {
        return Comparison::TooFew;
    }
    let s = standing(key, histogram);
    Comparison::Ranked(analytics::Standing {
        rank: s.rank,
        candidates: s.candidates,
        percentile: s.percentile,
    })
}

/// Whether the group in `histogram` has [`MIN_OTHER_CANDIDATES`] besides any one candidate.
pub fn enough_to_compare(histogram: &[(i32, i64)]) -> bool {
    let ranked: i64 = histogram.iter().map(|&(_, count)| count.max(0)).sum();
    ranked as u64 > MIN_OTHER_CANDIDATES
}

/// How many candidates fall in each of `bins` equal slices of 0–100 % (the last one includes
/// 100 %), from the histogram rows.
pub fn distribution(histogram: &[(i32, i64)], bins: usize) -> Vec<u64> {
    let mut counts = vec![0_u64; bins];
    for &(key, count) in histogram {
        counts[bin_of(key, bins)] += count.max(0) as u64;
    }
    counts
}

/// The bin of `distribution` a key falls in.
pub fn bin_of(key: i32, bins: usize) -> usize {
    (key.clamp(0, 10_000) as usize * bins / 10_000).min(bins - 1)
}

/// The skills to practise next: those never asked first (in rank order), then the lowest
/// average correctness; at most `limit`.
pub fn weakest(skills: &[SkillResult], limit: usize) -> Vec<String> {
    let mut order: Vec<&SkillResult> = skills.iter().collect();
    // `None` (never evaluated) sorts before every score; the sort is stable, so rank order stays.
    order.sort_by(|a, b| match (a.avg_correctness, b.avg_correctness) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (x, y) => x.is_some().cmp(&y.is_some()),
    });
    order.into_iter().take(limit).map(|skill| skill.skill.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rank_needs_five_other_ranked_candidates() {
        // The candidate (key 7000) and four others: too few; a fifth other makes a rank.
        let four_others = [(7000, 1), (5000, 2), (9000, 2)];
        let five_others = [(7000, 1), (5000, 2), (9000, 3)];

        assert_eq!(compare(Some(7000), &four_others), Comparison::TooFew);
        let Comparison::Ranked(standing) = compare(Some(7000), &five_others) else { panic!("ranked") };
        assert_eq!((standing.rank, standing.candidates), (4, 6));
        assert_eq!(compare(None, &five_others), Comparison::NotRanked);
        assert!(!enough_to_compare(&four_others) && enough_to_compare(&five_others));
    }

    #[test]
    fn the_rank_key_is_the_average_in_hundredths_rounded_half_up() {
        assert_eq!(rank_key(0, 0), None);
        assert_eq!(rank_key(70, 1), Some(7000));
        assert_eq!(rank_key(200, 3), Some(6667), "66.666… → 66.67");
        assert_eq!(rank_key(1, 8), Some(13), "0.125 → 0.13");
        assert_eq!(rank_key(100, 1), Some(10_000));
    }

    #[test]
    fn a_single_candidate_is_first_and_beats_nobody() {
        let standing = standing(5000, &[(5000, 1)]);
        assert_eq!(standing, Standing { rank: 1, candidates: 1, percentile: 0.0 });
    }

    #[test]
    fn equal_candidates_share_the_first_rank() {
        let standing = standing(6000, &[(6000, 4)]);
        assert_eq!((standing.rank, standing.candidates, standing.percentile), (1, 4, 0.0));
    }

    #[test]
    fn ties_share_a_rank_and_the_next_rank_skips() {
        // Keys: 90, 80, 80, 70, 60.
        let histogram = [(9000, 1), (8000, 2), (7000, 1), (6000, 1)];
        assert_eq!(standing(9000, &histogram).rank, 1);
        assert_eq!(standing(8000, &histogram).rank, 2);
        assert_eq!(standing(7000, &histogram).rank, 4);
        assert_eq!(standing(7000, &histogram).percentile, 20.0, "beats one of five");
        assert_eq!(standing(6000, &histogram).percentile, 0.0);
        assert_eq!(standing(9000, &histogram).percentile, 80.0);
    }

    #[test]
    fn the_distribution_puts_every_candidate_in_one_bin() {
        let histogram = [(0, 2), (999, 1), (1000, 1), (9999, 3), (10_000, 4)];
        let bins = distribution(&histogram, 10);
        assert_eq!(bins.iter().sum::<u64>(), 11);
        assert_eq!(bins[0], 3, "0 % and 9.99 %");
        assert_eq!(bins[1], 1, "10 %");
        assert_eq!(bins[9], 7, "99.99 % and 100 %");
        assert_eq!(bin_of(10_000, 10), 9);
    }

    #[test]
    fn the_weakest_skills_are_unpractised_ones_then_the_lowest_scores() {
        let skill = |name: &str, questions, avg_correctness| SkillResult {
            skill: name.to_owned(),
            questions,
            avg_correctness,
            first_and_latest: None,
        };
        let skills = vec![
            skill("Rust", 2, Some(80.0)),
            skill("SQL", 1, Some(35.0)),
            skill("Kubernetes", 0, None),
            skill("Testing", 1, Some(50.0)),
        ];
        assert_eq!(weakest(&skills, 3), ["Kubernetes", "SQL", "Testing"]);
    }

    #[test]
    fn averages_need_something_to_divide_by() {
        assert_eq!(average(3, 0), None);
        assert_eq!(average(3, 4), Some(0.75));
    }
}
