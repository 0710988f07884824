//! `/interview`: one question at a time, with every earlier question, answer and piece of
//! feedback above it.
//!
//! Every control is a form posting to its server function, so the page works with JavaScript
//! off (the server redirects back here and the page is rendered from the database). Hydrated,
//! the same forms run in place: the button disables while the request runs, a spinner counts
//! the seconds, and the screen is replaced by what the server returns.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::interview::{
    NextQuestion, ResetInterview, RetakeQuestion, RetryFeedback, StartInterview, SubmitAnswer, get_interview,
};
use crate::components::problem::{loaded, page_data};
use crate::components::turn::{TurnFrame, not_answered, reply_view};
use crate::components::voice::VoiceRecorder;
use crate::components::working::Working;
use crate::error::AppError;
use crate::model::interview::{InterviewScreen, Progress, Reply, SpokenTake, Stage, Turn, VoiceInput};

#[component]
pub fn InterviewPage() -> impl IntoView {
    let screen = page_data(|| (), |_| get_interview());
    view! {
        <h1>"Interview practice"</h1>
        {loaded(screen, |screen| view! { <InterviewBoard initial=screen/> }.into_any())}
    }
}

/// The problem a form post reported when JavaScript is off (the server puts it in the URL).
fn problem_from_url() -> Option<String> {
    let query = use_query_map().get_untracked();
    query.get("__err").map(|encoded| AppError::from_url(&encoded).to_string())
}

/// The actions the screen's forms run, shared by the pieces that show their state.
#[derive(Clone, Copy)]
struct Actions {
    start: ServerAction<StartInterview>,
    submit: ServerAction<SubmitAnswer>,
    next: ServerAction<NextQuestion>,
    retry: ServerAction<RetryFeedback>,
    reset: ServerAction<ResetInterview>,
    retake: ServerAction<RetakeQuestion>,
    /// A message from the last action: a refusal, or the coach's failure.
    problem: RwSignal<Option<String>>,
}

impl Actions {
    fn busy(self) -> bool {
        self.start.pending().get()
            || self.submit.pending().get()
            || self.next.pending().get()
            || self.retry.pending().get()
            || self.reset.pending().get()
            || self.retake.pending().get()
    }
}

#[component]
fn InterviewBoard(initial: InterviewScreen) -> impl IntoView {
    let screen = RwSignal::new(initial);
    let actions = Actions {
        start: ServerAction::new(),
        submit: ServerAction::new(),
        next: ServerAction::new(),
        retry: ServerAction::new(),
        reset: ServerAction::new(),
        retake: ServerAction::new(),
        problem: RwSignal::new(problem_from_url()),
    };
    let show = move |result: Result<InterviewScreen, AppError>, coach_problem: Option<String>| match result {
        Ok(updated) => {
            screen.set(updated);
            actions.problem.set(coach_problem);
        }
        Err(error) => actions.problem.set(Some(error.to_string())),
    };
    for screen_action in
        [actions.start.value(), actions.next.value(), actions.reset.value(), actions.retake.value()]
    {
        Effect::new(move |_| {
            if let Some(result) = screen_action.get() {
                show(result, None);
            }
        });
    }
    for submit_action in [actions.submit.value(), actions.retry.value()] {
        Effect::new(move |_| match submit_action.get() {
            Some(Ok(done)) => show(Ok(done.screen), done.coach_problem),
            Some(Err(error)) => show(Err(error), None),
            None => {}
        });
    }

    // The frame changes rarely; the progress and each question card update on their own, so a
    // click re-renders only the card that changed and the one that is new.
    let frame = Memo::new(move |_| screen.with(Frame::of));
    let progress = Memo::new(move |_| {
        screen.with(|s| match &s.stage {
            Stage::Running(run) => run.progress,
            _ => Progress { covered: 0, total: 0 },
        })
    });
    let turns = Memo::new(move |_| {
        screen.with(|s| match &s.stage {
            Stage::Running(run) => run.turns.clone(),
            _ => Vec::new(),
        })
    });

    view! {
        {move || {
            let frame = frame.get();
            view! {
                <p class="lead">
                    {(!frame.position_title.is_empty()).then(|| view! { <strong>{frame.position_title.clone()}</strong> })}
                </p>
                <Documents cv=frame.cv_file_name.clone() jd=frame.jd_file_name.clone()/>
                {frame.analytics_available.then(|| view! {
                    <p class="analytics-link"><a class="button secondary" href="/analytics">"Analytics"</a></p>
                })}
                {match frame.stage {
                    FrameStage::NotReady(reason) => view! {
                        <section class="panel">
                            <p>{reason}</p>
                            <a class="button primary" href="/setup">"Go to your documents"</a>
                        </section>
                    }.into_any(),
                    FrameStage::NotStarted => view! { <StartPanel actions/> }.into_any(),
                    FrameStage::Running { coach, voice } => view! { <RunView coach voice progress turns actions/> }.into_any(),
                }}
            }
        }}
        {move || actions.problem.get().map(|problem| view! { <p class="form-error" role="alert">{problem}</p> })}
    }
}

/// What the screen shows around the questions.
#[derive(Clone, PartialEq)]
struct Frame {
    position_title: String,
    cv_file_name: String,
    jd_file_name: String,
    analytics_available: bool,
    stage: FrameStage,
}

#[derive(Clone, PartialEq)]
enum FrameStage {
    NotReady(String),
    NotStarted,
    Running { coach: String, voice: VoiceInput },
}

impl Frame {
    fn of(screen: &InterviewScreen) -> Self {
        Self {
            position_title: screen.position_title.clone(),
            cv_file_name: screen.cv_file_name.clone(),
            jd_file_name: screen.jd_file_name.clone(),
            analytics_available: screen.analytics_available,
            stage: match &screen.stage {
                Stage::NotReady { reason } => FrameStage::NotReady(reason.clone()),
                Stage::NotStarted => FrameStage::NotStarted,
                Stage::Running(run) => FrameStage::Running { coach: run.coach.clone(), voice: run.voice },
            },
        }
    }
}

#[component]
fn Documents(cv: String, jd: String) -> impl IntoView {
    let files = [("CV", cv), ("Job description", jd)];
    view! {
        <ul class="documents" aria-label="Your documents">
            {files
                .into_iter()
                .filter(|(_, name)| !name.is_empty())
                .map(|(label, name)| view! { <li><span class="hint">{label} ": "</span>{name}</li> })
                .collect_view()}
            <li><a href="/setup">"Change documents"</a></li>
            <li><a href="/history">"All your interviews"</a></li>
        </ul>
    }
}

#[component]
fn StartPanel(actions: Actions) -> impl IntoView {
    view! {
        <section class="panel start" aria-label="Start">
            <p>"Your CV and the job description are ready. The coach asks about the ten skills that matter most for this job."</p>
            <ActionForm action=actions.start>
                <button type="submit" class="button primary" disabled=move || actions.busy()>"Start Interview"</button>
            </ActionForm>
            <Working pending=actions.start.pending() label="Preparing your first question…"/>
        </section>
    }
}

/// A card's identity for re-rendering: the question, whether it is the current one, and what it
/// shows (a card is rebuilt only when one of these changes).
fn card_key(turn: &Turn, is_current: bool, can_retake: bool) -> (i64, bool, bool, u64) {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    turn.hash(&mut hasher);
    (turn.question_id, is_current, can_retake, hasher.finish())
}

#[component]
fn RunView(
    coach: String,
    voice: VoiceInput,
    progress: Memo<Progress>,
    turns: Memo<Vec<Turn>>,
    actions: Actions,
) -> impl IntoView {
    let current_id = move || turns.with(|turns| turns.last().map(|turn| turn.question_id));
    // "Try again" is offered once the question on screen is answered or skipped.
    let cards = move || {
        let turns = turns.get();
        let last = turns.len();
        let can_retake = turns.last().is_some_and(|turn| turn.reply != Reply::Open);
        turns.into_iter().map(|turn| (turn.number == last, can_retake, turn)).collect::<Vec<_>>()
    };
    view! {
        <div class="progress-line">
            <label for="skills-progress">
                {move || { let p = progress.get(); format!("Skill {} of {} covered", p.covered, p.total) }}
            </label>
            <progress id="skills-progress" max=move || progress.get().total.to_string()
                value=move || progress.get().covered.to_string()></progress>
            <span class="hint">"Questions by " {coach}</span>
        </div>
        <ol class="turns" aria-label="Questions">
            <For each=cards key=|(is_current, can_retake, turn)| card_key(turn, *is_current, *can_retake)
                children=move |(is_current, can_retake, turn)| view! { <TurnCard turn is_current can_retake voice actions/> }/>
        </ol>
        <div class="interview-controls">
            {move || current_id().map(|question_id| view! {
                <ActionForm action=actions.next>
                    <input type="hidden" name="question_id" value=question_id.to_string()/>
                    <button type="submit" class="button" disabled=move || actions.busy()>"Next Question"</button>
                </ActionForm>
            })}
            <ActionForm action=actions.reset>
                <button type="submit" class="button secondary" disabled=move || actions.busy()>"Reset Interview"</button>
            </ActionForm>
        </div>
        <Working pending=actions.next.pending() label="Getting the next question…"/>
    }
}

#[component]
fn TurnCard(
    turn: Turn,
    is_current: bool,
    can_retake: bool,
    voice: VoiceInput,
    actions: Actions,
) -> impl IntoView {
    let Turn { question_id, number, question, skill, category, difficulty, reply, retake } = turn;
    let replied = reply != Reply::Open;
    let open = if is_current {
        view! { <AnswerForm question_id number voice actions/> }.into_any()
    } else {
        not_answered()
    };
    let reply_view =
        reply_view(reply, retake.as_ref(), open, view! { <RetryPanel question_id actions/> }.into_any());
    view! {
        <TurnFrame number skill category difficulty question current=is_current retake=retake>
            {reply_view}
            {(replied && can_retake).then(|| view! {
                <ActionForm action=actions.retake attr:class="retake-form">
                    <input type="hidden" name="question_id" value=question_id.to_string()/>
                    <button type="submit" class="button secondary" disabled=move || actions.busy()
                        aria-label=format!("Try question {number} again")>"Try again"</button>
                </ActionForm>
            })}
        </TurnFrame>
    }
}

#[component]
fn AnswerForm(question_id: i64, number: usize, voice: VoiceInput, actions: Actions) -> impl IntoView {
    let form = NodeRef::<leptos::html::Form>::new();
    let answer = NodeRef::<leptos::html::Textarea>::new();
    // What was heard when the answer was spoken; sent with it so the delivery can be coached.
    let take = RwSignal::new(None::<SpokenTake>);
    let field_id = format!("answer-{number}");
    // Ctrl+Enter (or Cmd+Enter) sends the answer from the text box; plain Enter is a new line.
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
            event.prevent_default();
            if let Some(form) = form.get() {
                let _ = form.request_submit();
            }
        }
    };
    // An emptied box drops what was heard: a typed answer is not coached as spoken.
    let on_input = move |_| {
        if answer.get_untracked().is_some_and(|area| area.value().trim().is_empty()) {
            take.set(None);
        }
    };
    view! {
        <ActionForm action=actions.submit node_ref=form attr:class="stack answer-form">
            <input type="hidden" name="question_id" value=question_id.to_string()/>
            <label for=field_id.clone()>"Your answer"</label>
            <textarea id=field_id name="answer" rows="8" required maxlength="20000" node_ref=answer
                aria-describedby="answer-help" on:keydown=on_keydown on:input=on_input></textarea>
            <p id="answer-help" class="hint">"Ctrl+Enter (⌘+Enter on a Mac) submits. You can submit once."</p>
            <VoiceRecorder voice answer take busy=Signal::derive(move || actions.busy())/>
            {move || take.get().map(|take| view! {
                <input type="hidden" name="spoken_seconds" value=take.seconds.to_string()/>
                <input type="hidden" name="spoken_transcript" value=take.transcript/>
                {take.pauses.map(|pauses| view! { <input type="hidden" name="spoken_pauses" value=pauses.to_string()/> })}
            })}
            <button type="submit" class="button primary" disabled=move || actions.busy()>"Submit Answer"</button>
            <Working pending=actions.submit.pending() label="The coach is reading your answer…"/>
        </ActionForm>
    }
}

#[component]
fn RetryPanel(question_id: i64, actions: Actions) -> impl IntoView {
    view! {
        <div class="retry" role="status">
            <p>"Your answer is saved. The coach has not evaluated it yet."</p>
            <ActionForm action=actions.retry>
                <input type="hidden" name="question_id" value=question_id.to_string()/>
                <button type="submit" class="button" disabled=move || actions.busy()>"Retry feedback"</button>
            </ActionForm>
            <Working pending=actions.retry.pending() label="The coach is reading your answer…"/>
        </div>
    }
}
