//! The setup screen's data: the caller's own CV and current job description.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::setup::Setup;

/// The caller's setup, with the last upload's notice (shown once).
#[server(endpoint = "setup")]
pub async fn get_setup() -> Result<Setup, AppError> {
    use crate::error::ResultExt;
    use crate::model::setup::UploadNotice;
    use crate::server::auth::{self, session};
    use crate::server::intake::{self, routes::NOTICE_KEY};

    let state = auth::app_state()?;
    let user = auth::require_user().await?;
    let session = auth::current_session().await?;
    let notice: Option<UploadNotice> =
        session::take_flash(&session, NOTICE_KEY).await.context("reading the upload notice")?;
    intake::setup(&state, &user, notice).await
}
