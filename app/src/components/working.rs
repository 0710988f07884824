//! "The coach is working": a spinner with the seconds elapsed, shown while an action runs.

use std::time::Duration;

use leptos::prelude::*;

/// Visible while `pending` is true, counting seconds from when it became true.
#[component]
pub fn Working(#[prop(into)] pending: Signal<bool>, label: &'static str) -> impl IntoView {
    let elapsed = RwSignal::new(0_u32);
    Effect::new(move |previous: Option<Option<IntervalHandle>>| {
        if let Some(Some(handle)) = previous {
            handle.clear();
        }
        elapsed.set(0);
        if pending.get() {
            set_interval_with_handle(move || elapsed.update(|s| *s += 1), Duration::from_secs(1)).ok()
        } else {
            None
        }
    });
    view! {
        <p class="progress" role="status" hidden=move || !pending.get()>
            <span class="spinner" aria-hidden="true"></span>
            {label}
            <span class="elapsed">{move || format!(" {} s", elapsed.get())}</span>
        </p>
    }
}
