//! `/setup`: the CV and the job description. Choosing a file uploads and reads it straight
//! away (with JavaScript; without it, an Upload button submits the same form). What the app
//! understood is summarised under each form, and "Start Interview" stays disabled, with the
//! reason, until both documents are in.

use leptos::prelude::*;

use crate::Hydrated;
use crate::api::setup::get_setup;
use crate::components::problem::{loaded, page_data};
use crate::model::setup::{CvSummary, DocumentSlot, JdSummary, Setup, UploadNotice, VacancyItem};

/// Largest file the browser lets through before asking the server (the server checks too).
const MAX_UPLOAD_BYTES: f64 = 10.0 * 1024.0 * 1024.0;
const ACCEPT: &str = ".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain";

#[component]
pub fn SetupPage() -> impl IntoView {
    let setup = page_data(|| (), |_| get_setup());
    view! {
        <h1>"Prepare your interview"</h1>
        <p class="lead">"Your CV and the job description of the vacancy you are preparing for."</p>
        {loaded(setup, |setup| view! { <SetupForms setup=setup/> }.into_any())}
    }
}

#[component]
fn SetupForms(setup: Setup) -> impl IntoView {
    let notice_for = |slot| setup.notice.clone().filter(|n| n.slot == slot);
    let cv_notice = notice_for(DocumentSlot::Cv);
    let jd_notice = notice_for(DocumentSlot::JobDescription);
    let vacancies_notice = notice_for(DocumentSlot::Vacancies);
    let title_draft = jd_notice
        .as_ref()
        .and_then(|n| n.title_draft.clone())
        .or_else(|| setup.jd.as_ref().map(|jd| jd.position_title.clone()))
        .unwrap_or_default();
    view! {
        <div class="setup-grid">
            <section class="panel" aria-labelledby="cv-heading">
                <h2 id="cv-heading">"Your CV"</h2>
                {cv_notice.map(|n| view! { <Notice notice=n/> })}
                {setup.cv.map(|cv| view! { <CvCard cv=cv/> })}
                <UploadForm document=Upload::Cv title_draft=String::new()/>
            </section>
            <section class="panel" aria-labelledby="jd-heading">
                <h2 id="jd-heading">"Job description"</h2>
                {jd_notice.map(|n| view! { <Notice notice=n/> })}
                {setup.jd.map(|jd| view! { <JdCard jd=jd/> })}
                <UploadForm document=Upload::JobDescription title_draft=title_draft/>
            </section>
        </div>
        {(!setup.vacancies.is_empty()).then(|| view! { <VacancyList vacancies=setup.vacancies notice=vacancies_notice/> }.into_any())}
        <section class="panel start" aria-labelledby="start-heading">
            <h2 id="start-heading">"Interview"</h2>
            <form method="post" action="/setup/start">
                <button type="submit" class="button primary" disabled=setup.blocked_reason.is_some()
                    aria-describedby="start-reason">"Start Interview"</button>
            </form>
            {match (setup.blocked_reason, setup.interview_started) {
                (Some(reason), _) => view! { <p id="start-reason" class="hint">{reason}</p> }.into_any(),
                (None, Some(started)) => view! {
                    <p id="start-reason" class="hint">"Your interview for this vacancy started " {started} ". "
                        <a href="/interview">"Continue your interview"</a></p>
                }.into_any(),
                (None, None) => view! { <p id="start-reason" class="hint">"Both documents are in: you can start."</p> }.into_any(),
            }}
        </section>
    }
}

/// The candidate's vacancies: which one is current, how far each got, and the way to switch to
/// another or remove one (removing asks once more, in place, before it deletes anything).
#[component]
fn VacancyList(vacancies: Vec<VacancyItem>, notice: Option<UploadNotice>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="vacancies-heading">
            <h2 id="vacancies-heading">"Your vacancies"</h2>
            {notice.map(|n| view! { <Notice notice=n/> })}
            <ul class="vacancies" aria-label="Your vacancies">
                {vacancies.into_iter().map(|vacancy| {
                    let key = vacancy.key.to_string();
                    let title = vacancy.position_title.clone();
                    let progress = format!(
                        "{} \u{b7} added {} \u{b7} {} \u{b7} {} answered{}",
                        vacancy.jd_file_name,
                        vacancy.added,
                        match vacancy.interviews { 1 => "1 interview".to_owned(), n => format!("{n} interviews") },
                        vacancy.answered,
                        if vacancy.skills_ranked { "" } else { " \u{b7} skills not ranked yet" },
                    );
                    view! {
                        <li class="vacancy" class:current=vacancy.current>
                            <div class="vacancy-summary">
                                <strong>{vacancy.position_title}</strong>
                                {vacancy.current.then(|| view! { <span class="chip">"Current"</span> })}
                                <p class="hint">{progress}</p>
                            </div>
                            <div class="vacancy-actions">
                                {(!vacancy.current).then(|| view! {
                                    <form method="post" action="/vacancies/switch" class="inline-form">
                                        <input type="hidden" name="vacancy" value=key.clone()/>
                                        <button type="submit" class="button secondary"
                                            aria-label=format!("Switch to {title}")>"Switch to this vacancy"</button>
                                    </form>
                                })}
                                <details class="remove-vacancy">
                                    <summary aria-label=format!("Remove {title}")>"Remove\u{2026}"</summary>
                                    <div class="stack">
                                        <p>"This deletes the vacancy with all its interviews, answers and feedback, for good."</p>
                                        <form method="post" action="/vacancies/remove" class="inline-form">
                                            <input type="hidden" name="vacancy" value=key/>
                                            <button type="submit" class="button danger">{format!("Delete {title}")}</button>
                                        </form>
                                    </div>
                                </details>
                            </div>
                        </li>
                    }
                    .into_any()
                }).collect_view()}
            </ul>
            <p class="hint">"To add a vacancy, upload its job description above; each vacancy keeps its own skills and interviews."</p>
        </section>
    }
}

#[component]
fn Notice(notice: UploadNotice) -> impl IntoView {
    let class = if notice.is_error { "form-error" } else { "form-ok" };
    view! { <p class=class role=if notice.is_error { "alert" } else { "status" }>{notice.message}</p> }
}

#[component]
fn CvCard(cv: CvSummary) -> impl IntoView {
    view! {
        <div class="document-card" aria-label="CV summary">
            <p class="file">{cv.file_name}</p>
            <p class="hint">{format!("{} words, {} characters", cv.words, cv.characters)}</p>
            {cv.name.map(|name| view! { <p><strong>{name}</strong></p> })}
            {cv.headline.map(|headline| view! { <p>{headline}</p> })}
            {(!cv.top_skills.is_empty()).then(|| view! {
                <p class="subhead">"Top skills for this vacancy"</p>
                <ul class="chips" aria-label="Top skills for this vacancy">
                    {cv.top_skills.into_iter().map(|skill| view! { <li>{skill}</li> }).collect_view()}
                </ul>
                {cv.ranked_by.map(|coach| view! { <p class="hint">"Ranked by: " {coach}</p> })}
            })}
        </div>
    }
}

#[component]
fn JdCard(jd: JdSummary) -> impl IntoView {
    view! {
        <div class="document-card" aria-label="Job description summary">
            <p><strong>{jd.position_title}</strong></p>
            <p class="file">{jd.file_name}</p>
            <p class="hint">{format!("{} words, {} characters", jd.words, jd.characters)}</p>
            {(!jd.key_requirements.is_empty()).then(|| view! {
                <p class="subhead">"Key requirements"</p>
                <ul class="requirements">
                    {jd.key_requirements.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
}

/// Which document an upload form sends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Upload {
    Cv,
    JobDescription,
}

/// One upload form. With JavaScript the file is sent as soon as it is chosen (after the size
/// and, for the JD, the title are checked here); without it the Upload button sends it.
#[component]
fn UploadForm(document: Upload, title_draft: String) -> impl IntoView {
    let (action, noun, input_id) = match document {
        Upload::Cv => ("/documents/cv", "CV", "cv-file"),
        Upload::JobDescription => ("/documents/jd", "job description", "jd-file"),
    };
    let Hydrated(hydrated) = expect_context::<Hydrated>();
    let uploading = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let title_ref = NodeRef::<leptos::html::Input>::new();

    let on_change = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        if file.size() > MAX_UPLOAD_BYTES {
            problem.set(Some("This file is larger than 10 MB. Please choose a smaller version.".into()));
            input.set_value("");
            return;
        }
        if document == Upload::JobDescription
            && title_ref.get().is_some_and(|title| title.value().trim().is_empty())
        {
            problem.set(Some(
                "Enter the position title first; the upload starts when you choose the file.".into(),
            ));
            input.set_value("");
            return;
        }
        problem.set(None);
        uploading.set(true);
        if let Some(form) = form_ref.get() {
            let _ = form.request_submit();
        }
    };

    view! {
        <form method="post" action=action enctype="multipart/form-data" class="stack upload" node_ref=form_ref
            on:submit=move |_| uploading.set(true)>
            {(document == Upload::JobDescription).then(|| view! {
                <div class="field">
                    <label for="position_title">"Position title"</label>
                    <input id="position_title" name="position_title" type="text" maxlength="200" required
                        value=title_draft node_ref=title_ref autocomplete="off"/>
                </div>
            })}
            <div class="field">
                <label for=input_id>{format!("{} file (PDF, DOCX or TXT, up to 10 MB)", crate::messages::capitalised(noun))}</label>
                <input id=input_id name="file" type="file" accept=ACCEPT required
                    on:change=on_change disabled=move || uploading.get()/>
            </div>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert">{p}</p> })}
            <p class="progress" role="status" hidden=move || !uploading.get()>
                <span class="spinner" aria-hidden="true"></span>
                {format!("Uploading and reading your {noun}…")}
            </p>
            <button type="submit" class="button" hidden=move || hydrated.get()>{format!("Upload {noun}")}</button>
        </form>
    }
}
