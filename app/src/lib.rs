//! Interview Coach: the Leptos application shared by the server (SSR, feature `ssr`) and the
//! browser (hydration, feature `hydrate`).
//!
//! Everything that touches I/O lives behind the single `ssr` gate in [`server`]; the rest of the
//! crate is plain view code and types that compile for both targets.

// Leptos views are deeply nested types; the release build of the setup screen needs more than
// the default 128 levels to lay them out.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod error;
pub mod messages;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos_meta::{Link, MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::components::header::SiteHeader;
use crate::pages::analytics::AnalyticsPage;
use crate::pages::history::{HistoryPage, PastInterviewPage};
use crate::pages::interview::InterviewPage;
use crate::pages::setup::SetupPage;
use crate::pages::{
    account::AccountPage, account_deleted::AccountDeleted, landing::Landing, not_found::NotFound,
    sign_in::SignIn, sign_in_failed::SignInFailed, welcome::Welcome,
};

/// The HTML document around the app, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <BundleScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The browser bundle's scripts (in place of Leptos' `HydrationScripts`, which the page had
/// before): the WASM is fetched and compiled from a classic script in the head, while the rest
/// of the page is still being parsed; the module script that runs after parsing then only
/// instantiates the compiled module and hydrates. With `HydrationScripts` compiling began only
/// after parsing. Both scripts carry the response's nonce (the Content-Security-Policy allows
/// no other inline script), and a browser without streaming compilation, or a failed compile,
/// falls back on loading the bundle by its address as before.
#[component]
fn BundleScripts(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let compile = format!(
        "self.__bundle=WebAssembly.compileStreaming?WebAssembly.compileStreaming(fetch({wasm:?}))\
         .catch(()=>null):Promise.resolve(null);",
        wasm = format!("{pkg}.wasm")
    );
    let hydrate = format!(
        "import({js:?}).then(async(m)=>{{const compiled=await self.__bundle;\
         await m.default({{module_or_path:compiled??{wasm:?}}});m.hydrate();}});",
        js = format!("{pkg}.js"),
        wasm = format!("{pkg}.wasm")
    );
    view! {
        <link rel="modulepreload" href=format!("{pkg}.js")/>
        <script nonce=nonce.clone()>{compile}</script>
        <script type="module" nonce=nonce>{hydrate}</script>
    }
}

/// Whether the WASM bundle has taken over the page: components that only make sense with
/// JavaScript (or without it) read this instead of keeping their own flag.
#[derive(Clone, Copy)]
pub struct Hydrated(pub ReadSignal<bool>);

/// The application: the page frame every screen lives in, and the routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    // Flips to "true" once the WASM bundle has taken over the server-rendered page. Browser tests
    // wait for it before they click, and it tells a developer at a glance that hydration works.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    provide_context(Hydrated(hydrated.read_only()));

    view! {
        <Stylesheet id="leptos" href="/pkg/interview-coach.css"/>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Title text="Interview Coach"/>
        <Router>
            <div class="page" data-hydrated=move || hydrated.get().to_string()>
                <SiteHeader/>
                <main class="content" id="main">
                    // Async SSR: the page is sent once its data is ready, so it reads complete
                    // with JavaScript off (no streamed placeholders to swap in).
                    <Routes fallback=NotFound>
                        <Route path=StaticSegment("") view=Landing ssr=SsrMode::Async/>
                        <Route path=StaticSegment("signin") view=SignIn ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("signin"), StaticSegment("failed"))
                            view=SignInFailed
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("welcome") view=Welcome ssr=SsrMode::Async/>
                        <Route path=StaticSegment("account") view=AccountPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("account"), StaticSegment("deleted"))
                            view=AccountDeleted
                            ssr=SsrMode::Async
                        />
                        <Route path=StaticSegment("setup") view=SetupPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("interview") view=InterviewPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("analytics") view=AnalyticsPage ssr=SsrMode::Async/>
                        <Route path=StaticSegment("history") view=HistoryPage ssr=SsrMode::Async/>
                        <Route
                            path=(StaticSegment("history"), ParamSegment("number"))
                            view=PastInterviewPage
                            ssr=SsrMode::Async
                        />
                    </Routes>
                </main>
                <footer class="site-footer">
                    <p>"Interview Coach: practise for one vacancy, with feedback on every answer."</p>
                </footer>
            </div>
        </Router>
    }
}
