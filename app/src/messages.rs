//! The messages the interview's server functions send with an error, in one vocabulary.
//!
//! A form post without JavaScript comes back with its error in the URL (`?__err=`), and anyone
//! can write a URL. So a page shows a message from the URL only when it is one of these
//! (numbers may differ), and the error's generic wording otherwise ([`is_known`]). The server
//! builds its errors from these same constants and functions, so the list cannot drift from
//! what is sent.

pub const RESET_ELSEWHERE: &str =
    "This interview was reset in another window. Reload the page to start again.";
pub const MOVED_ON_ELSEWHERE: &str =
    "The interview moved on in another window. Reload to see the current question.";
pub const SKILLS_NOT_RANKED: &str =
    "The coach has not ranked the skills for this vacancy yet. Upload your CV again to retry.";
pub const SKILLS_NOT_RANKED_YET: &str = "The coach has not ranked the skills for this vacancy yet, so there is \
     nothing to ask about. Try again in a moment.";
pub const QUESTION_FAILED: &str =
    "The coach could not prepare the next question. Please try again in a moment.";
pub const INTERVIEW_CLOSED: &str =
    "This question belongs to an interview that is no longer open. Reload the page to see where you are.";
pub const ANSWER_EMPTY: &str =
    "Write your answer before submitting, or choose Next Question to skip this one.";
pub const ALREADY_SKIPPED: &str = "You skipped this question, so it can no longer be answered.";
pub const ALREADY_ANSWERED: &str = "You already submitted an answer to this question.";
pub const NO_ANSWER_TO_EVALUATE: &str = "There is no answer to this question to give feedback on.";
pub const DATABASE_UNREACHABLE: &str = "We cannot reach our database just now. Please try again in a moment.";
pub const SERVER_UNREACHABLE: &str = "We could not reach the server. Check your connection and try again.";
pub const UPLOAD_BOTH: &str = "Upload your CV and the job description to start.";
pub const UPLOAD_CV: &str = "Upload your CV to start.";
pub const UPLOAD_JD: &str = "Upload the job description, with its position title, to start.";

pub const RETAKE_UNANSWERED: &str = "Answer or skip this question before trying it again.";
pub const RETAKE_AFTER_CURRENT: &str =
    "Answer or skip the question on screen first; then you can try an earlier one again.";
pub const CHECK_AND_RETRY: &str = "Please check what you entered and try again.";
pub const RECORDING_EMPTY: &str =
    "The recording is empty. Check that your microphone is on, then record again.";
pub const RECORDING_NOT_AUDIO: &str =
    "That recording is not audio we can read. Record again, or type your answer.";
pub const NO_SPEECH_HEARD: &str =
    "No speech was heard in the recording. Check your microphone, then record again or type your answer.";
pub const VOICE_NOT_SET_UP: &str = "Spoken answers are not set up on this server. Type your answer instead.";
pub const VOICE_SIGNED_OUT: &str =
    "Your session has ended. Copy your answer, sign in again, and paste it back.";

pub fn recording_too_large(max_megabytes: usize) -> String {
    format!("The recording is larger than {max_megabytes} MB. Keep spoken answers under five minutes.")
}

pub fn transcription_failed(why: &str) -> String {
    format!(
        "Your recording could not be turned into text ({why}). Nothing you typed is lost: try again, or type your answer."
    )
}

pub fn too_many_transcriptions(limit: u32, when: &str) -> String {
    format!(
        "You have recorded {limit} answers in the last hour, the most we transcribe per hour. Please slow \
         down: you can record again {when}, and type answers meanwhile."
    )
}

pub fn too_many_reports(limit: u32, when: &str) -> String {
    format!(
        "You have downloaded {limit} reports in the last hour, the most we make per hour. Please try again {when}."
    )
}

pub fn answer_too_long(max_chars: usize) -> String {
    format!("Your answer is longer than {max_chars} characters; please shorten it.")
}

pub fn question_cap_reached(cap: usize) -> String {
    format!(
        "This interview has reached its {cap} questions. Look at your analytics, or use Reset Interview \
         to start a new one (your documents stay)."
    )
}

pub fn too_many_uploads(limit: u32, when: &str) -> String {
    format!(
        "You have uploaded {limit} documents in the last hour, the most we read per hour. Please try again {when}."
    )
}

pub fn too_many_coach_calls(limit: u32, when: &str) -> String {
    format!(
        "You have asked the coach {limit} times in the last hour, the most it takes per hour. Please slow \
         down and try again {when}."
    )
}

/// `text` with its first letter in upper case ("not enough…" → "Not enough…").
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// "in a minute" or "in N minutes".
pub fn in_minutes(minutes: u64) -> String {
    if minutes <= 1 { "in a minute".to_owned() } else { format!("in {minutes} minutes") }
}

/// Whether `message` is one the server sends (numbers aside).
pub fn is_known(message: &str) -> bool {
    let message = without_numbers(message);
    let fixed = [
        RESET_ELSEWHERE,
        MOVED_ON_ELSEWHERE,
        SKILLS_NOT_RANKED,
        SKILLS_NOT_RANKED_YET,
        QUESTION_FAILED,
        INTERVIEW_CLOSED,
        ANSWER_EMPTY,
        ALREADY_SKIPPED,
        ALREADY_ANSWERED,
        NO_ANSWER_TO_EVALUATE,
        RETAKE_UNANSWERED,
        RETAKE_AFTER_CURRENT,
        DATABASE_UNREACHABLE,
        SERVER_UNREACHABLE,
        UPLOAD_BOTH,
        UPLOAD_CV,
        UPLOAD_JD,
    ];
    let templated = [
        answer_too_long(0),
        question_cap_reached(0),
        too_many_uploads(0, &in_minutes(1)),
        too_many_uploads(0, &in_minutes(2)),
        too_many_coach_calls(0, &in_minutes(1)),
        too_many_coach_calls(0, &in_minutes(2)),
    ];
    fixed.iter().any(|known| without_numbers(known) == message)
        || templated.iter().any(|known| without_numbers(known) == message)
}

/// The text with every run of digits replaced by one `#`.
fn without_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_the_server_sends_are_known_whatever_their_numbers() {
        assert!(is_known(ALREADY_ANSWERED));
        assert!(is_known(&answer_too_long(20_000)));
        assert!(is_known(&too_many_coach_calls(200, &in_minutes(17))));
        assert!(is_known(&too_many_uploads(30, &in_minutes(1))));
        assert!(is_known(&question_cap_reached(50)));
    }

    #[test]
    fn anything_else_is_unknown() {
        assert!(!is_known("Your account is locked. Call +1 555 0100 to unlock it."));
        assert!(!is_known(&format!("{ALREADY_ANSWERED} Visit evil.example to appeal.")));
        assert!(!is_known(""));
    }
}
