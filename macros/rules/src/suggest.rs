//! "Did you mean …?" suggestions for misspelled names: challenge names, keys and answers here,
//! and operation names in the generator.

/// Edit distance (Levenshtein) between two strings, by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The candidate closest to `wanted`, if any is close enough to be a plausible typo: within a
/// third of the longer name's length, or containing / contained in `wanted` (`SMS_CODE` →
/// `SMS_MFA_CODE`). Ties go to the earlier candidate, so the answer is deterministic.
pub fn closest<'a>(wanted: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let folded = wanted.to_ascii_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    let wanted_length = folded.chars().count();
    for &candidate in candidates {
        let other = candidate.to_ascii_lowercase();
        let other_length = other.chars().count();
        let limit = wanted_length.max(other_length) / 3 + 1;
        // The distance is at least the difference in length: past the limit, the quadratic
        // computation is skipped (a pasted value can be megabytes long).
        let distance = if wanted_length.abs_diff(other_length) > limit {
            usize::MAX
        } else {
            edit_distance(&folded, &other)
        };
        let related = distance <= limit || is_word_subsequence(&folded, &other);
        if related && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `sms_code` and `sms_mfa_code`: every `_`-separated word of the shorter name appears, in order,
/// in the longer one.
fn is_word_subsequence(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut long_words = long.split(['_', '-', '.']);
    let short_words: Vec<&str> = short.split(['_', '-', '.']).filter(|w| !w.is_empty()).collect();
    short_words.len() >= 2 && short_words.iter().all(|w| long_words.any(|l| l == *w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn suggests_typos_and_missing_words() {
        let keys = ["USERNAME", "SMS_MFA_CODE", "SECRET_HASH", "DEVICE_KEY"];
        assert_eq!(closest("SMS_CODE", &keys), Some("SMS_MFA_CODE"));
        assert_eq!(closest("USERNAM", &keys), Some("USERNAME"));
        assert_eq!(closest("secret_hash", &keys), Some("SECRET_HASH"));
        assert_eq!(closest("TOTALLY_DIFFERENT_THING", &keys), None);
        // A long text is compared by length first, not by a quadratic edit distance.
        let long = "x".repeat(1 << 20);
        assert_eq!(closest(&long, &keys), None);
    }
}
