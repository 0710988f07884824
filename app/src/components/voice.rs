//! "Record answer": speak the answer instead of typing it. The transcript lands in the answer
//! box for the candidate to read and correct, and what was heard goes with "Submit Answer" so
//! the coach can comment on the delivery.
//!
//! Recording needs JavaScript (public/voice.js does the browser's part), so the control appears
//! only once the page is hydrated; without JavaScript the page is the typed form it always was.

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::model::delivery::{MAX_RECORDING_SECONDS, clock};
use crate::model::interview::{SpokenTake, VoiceInput};

#[cfg(feature = "hydrate")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(raw_module = "/voice.js")]
    extern "C" {
        /// "recorder", "speech", or "" when this browser can do neither for `mode`.
        #[wasm_bindgen(js_name = voiceSupport)]
        pub fn voice_support(mode: &str) -> String;
        #[wasm_bindgen(js_name = startVoice, catch)]
        pub async fn start_voice(
            kind: &str,
            on_level: &js_sys::Function,
            on_problem: &js_sys::Function,
        ) -> Result<JsValue, JsValue>;
        /// Resolves with `{text, seconds, pauses}`.
        #[wasm_bindgen(js_name = stopVoice, catch)]
        pub async fn stop_voice() -> Result<JsValue, JsValue>;
        #[wasm_bindgen(js_name = cancelVoice)]
        pub fn cancel_voice();
    }

    /// The sentence a rejected promise carries.
    pub fn message(error: &JsValue) -> String {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "Recording failed. Try again, or type your answer.".into())
    }

    pub fn field(value: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }
}

/// Where the recorder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), expect(dead_code, reason = "only the browser leaves `Waiting`"))]
enum Phase {
    /// Server-rendered, or not hydrated yet: nothing is shown.
    Waiting,
    /// This browser cannot record for this server.
    Unsupported,
    Idle,
    /// Waiting for the microphone (the browser may be asking for permission).
    Starting,
    Recording,
    Transcribing,
}

/// What the candidate is told about where their voice goes.
fn privacy_note(voice: VoiceInput) -> &'static str {
    match voice {
        VoiceInput::Transcriber => {
            "Your recording is sent to our transcription service and deleted as soon as it is turned into text."
        }
        VoiceInput::Browser => {
            "Your browser turns speech into text; Chrome and Edge send the audio to Google or Microsoft to do it."
        }
    }
}

fn unsupported_note(voice: VoiceInput) -> &'static str {
    match voice {
        VoiceInput::Transcriber => "This browser cannot record audio, so type your answer here.",
        VoiceInput::Browser => {
            "To answer aloud, use a browser with speech recognition (such as Chrome or Edge), or ask the \
             operator to set up transcription (README, \u{201c}Voice answers\u{201d})."
        }
    }
}

/// The record button, timer, level meter and messages for the answer box `answer`. Each
/// finished recording is appended to the box and to `take`.
#[component]
pub fn VoiceRecorder(
    voice: VoiceInput,
    answer: NodeRef<Textarea>,
    take: RwSignal<Option<SpokenTake>>,
    #[prop(into)] busy: Signal<bool>,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Waiting);
    let elapsed = RwSignal::new(0u32);
    let level = RwSignal::new(0.0f64);
    let problem = RwSignal::new(None::<String>);

    #[cfg(feature = "hydrate")]
    let toggle = hydrated::controls(voice, answer, take, phase, elapsed, level, problem);
    #[cfg(not(feature = "hydrate"))]
    let toggle = {
        let _ = (answer, take);
        move |_: leptos::ev::MouseEvent| {}
    };

    let label = move || match phase.get() {
        Phase::Recording => "Stop",
        Phase::Starting => "Starting\u{2026}",
        Phase::Transcribing => "Transcribing\u{2026}",
        _ => "Record answer",
    };
    view! {
        <div class="voice" role="group" aria-label="Spoken answer">
            {move || match phase.get() {
                Phase::Waiting => ().into_any(),
                Phase::Unsupported => view! { <p class="hint voice-unsupported">{unsupported_note(voice)}</p> }.into_any(),
                current => view! {
                    <div class="voice-controls">
                        <button type="button" class="button secondary voice-toggle"
                            class:recording=move || phase.get() == Phase::Recording
                            aria-pressed=move || (phase.get() == Phase::Recording).to_string()
                            disabled=move || busy.get() || matches!(phase.get(), Phase::Starting | Phase::Transcribing)
                            on:click=toggle>
                            {label}
                        </button>
                        <span class="voice-timer" role="timer" aria-label="Recording time">
                            {move || clock(elapsed.get())} " / " {clock(MAX_RECORDING_SECONDS)}
                        </span>
                        {(current == Phase::Recording).then(|| view! {
                            <meter class="voice-level" min="0" max="1" value=move || level.get() aria-label="Microphone level"></meter>
                        })}
                    </div>
                    <p class="hint voice-note">
                        {format!("Answers of up to {} minutes. ", MAX_RECORDING_SECONDS / 60)}
                        {privacy_note(voice)}
                    </p>
                }.into_any(),
            }}
            {move || problem.get().map(|p| view! { <p class="form-error voice-problem" role="alert">{p}</p> })}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod hydrated {
    use leptos::html::Textarea;
    use leptos::prelude::*;
    use leptos::task::spawn_local;
    use wasm_bindgen::prelude::*;

    use super::{Phase, js};
    use crate::model::delivery::MAX_RECORDING_SECONDS;
    use crate::model::interview::{SpokenTake, VoiceInput};

    /// Checks what this browser can do, and returns the record/stop button's handler.
    pub fn controls(
        voice: VoiceInput,
        answer: NodeRef<Textarea>,
        take: RwSignal<Option<SpokenTake>>,
        phase: RwSignal<Phase>,
        elapsed: RwSignal<u32>,
        level: RwSignal<f64>,
        problem: RwSignal<Option<String>>,
    ) -> impl Fn(leptos::ev::MouseEvent) + Copy + 'static {
        let mode = match voice {
            VoiceInput::Transcriber => "transcriber",
            VoiceInput::Browser => "browser",
        };
        let kind = StoredValue::new(String::new());
        let ticker = StoredValue::new(None::<IntervalHandle>);
        let started_at = StoredValue::new(0.0f64);
        Effect::new(move |_| {
            let supported = js::voice_support(mode);
            phase.set(if supported.is_empty() { Phase::Unsupported } else { Phase::Idle });
            kind.set_value(supported);
        });
        on_cleanup(move || {
            js::cancel_voice();
            if let Some(handle) = ticker.try_get_value().flatten() {
                handle.clear();
            }
        });

        let stop = move || {
            if phase.get_untracked() != Phase::Recording {
                return;
            }
            if let Some(handle) = ticker.get_value() {
                handle.clear();
            }
            ticker.set_value(None);
            phase.set(Phase::Transcribing);
            level.set(0.0);
            spawn_local(async move {
                match js::stop_voice().await {
                    Ok(heard) => {
                        let text = js::field(&heard, "text").as_string().unwrap_or_default();
                        let seconds = js::field(&heard, "seconds")
                            .as_f64()
                            .map_or(elapsed.get_untracked(), |s| s.round().max(0.0) as u32);
                        let pauses = js::field(&heard, "pauses").as_f64().map(|p| p.max(0.0) as u32);
                        fill_answer(answer, &text);
                        take.update(|take| *take = Some(add_take(take.take(), text, seconds, pauses)));
                    }
                    Err(error) => problem.set(Some(js::message(&error))),
                }
                phase.set(Phase::Idle);
            });
        };

        move |_| match phase.get_untracked() {
            Phase::Recording => stop(),
            Phase::Idle => {
                problem.set(None);
                elapsed.set(0);
                let on_level = Closure::<dyn FnMut(f64)>::new(move |value: f64| level.set(value));
                let on_problem = Closure::<dyn FnMut(String)>::new(move |message: String| {
                    problem.set(Some(message));
                    stop();
                });
                phase.set(Phase::Starting);
                spawn_local(async move {
                    let kind = kind.get_value();
                    let started = js::start_voice(
                        &kind,
                        on_level.as_ref().unchecked_ref(),
                        on_problem.as_ref().unchecked_ref(),
                    )
                    .await;
                    // The callbacks live as long as the page: a recording may call them until it ends.
                    on_level.forget();
                    on_problem.forget();
                    if let Err(error) = started {
                        problem.set(Some(js::message(&error)));
                        phase.set(Phase::Idle);
                        return;
                    }
                    phase.set(Phase::Recording);
                    started_at.set_value(js_sys::Date::now());
                    let tick = move || {
                        let seconds = ((js_sys::Date::now() - started_at.get_value()) / 1000.0) as u32;
                        elapsed.set(seconds.min(MAX_RECORDING_SECONDS));
                        if seconds >= MAX_RECORDING_SECONDS {
                            stop();
                        }
                    };
                    ticker.set_value(
                        set_interval_with_handle(tick, std::time::Duration::from_millis(250)).ok(),
                    );
                });
            }
            Phase::Waiting | Phase::Unsupported | Phase::Starting | Phase::Transcribing => {}
        }
    }

    /// Puts `text` in the answer box, after whatever is there already.
    fn fill_answer(answer: NodeRef<Textarea>, text: &str) {
        let Some(area) = answer.get_untracked() else { return };
        let current = area.value();
        let joined = if current.trim().is_empty() {
            text.to_owned()
        } else {
            format!("{}\n\n{text}", current.trim_end())
        };
        area.set_value(&joined);
        let _ = area.focus();
    }

    /// Several recordings for one answer add up.
    fn add_take(
        before: Option<SpokenTake>,
        transcript: String,
        seconds: u32,
        pauses: Option<u32>,
    ) -> SpokenTake {
        match before {
            None => SpokenTake { seconds, transcript, pauses },
            Some(before) => SpokenTake {
                seconds: before.seconds + seconds,
                transcript: format!("{} {transcript}", before.transcript),
                pauses: before.pauses.zip(pauses).map(|(a, b)| a + b),
            },
        }
    }
}
