//! The PDF report's layout (genpdf, Liberation Sans embedded): header, summary metrics, the four
//! charts drawn as vector lines like the on-screen D3 ones, the per-skill table, the questions
//! with their scores, and a footer naming the coach and its version with the disclaimer.
//! Pure: data in, PDF bytes out.

use genpdf::elements::{Break, LinearLayout, Paragraph, TableLayout};
use genpdf::fonts::{FontData, FontFamily};
use genpdf::render::Area;
use genpdf::style::{Color, Style};
use genpdf::{Context, Element, Mm, Position, RenderResult, Size};

use crate::model::analytics::{
    Analytics, Bin, MIN_OTHER_CANDIDATES, Point, SkillResult, SpokenPoint, percent,
};
use crate::model::delivery::{COMFORTABLE_PACE, Delivery, GUIDELINE_SECONDS, LONG_PAUSE_SECONDS};
use crate::model::interview::Feedback;
use crate::server::coach::text::first_chars;

// Liberation Sans subsets (scripts/subset-fonts.py): what a report can hold, a quarter the size.
const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/InterviewCoachSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/InterviewCoachSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-BoldItalic.ttf");

const BLUE: Color = Color::Rgb(36, 85, 214);
const ORANGE: Color = Color::Rgb(232, 115, 12);
const GREY: Color = Color::Rgb(150, 158, 172);
const INK: Color = Color::Rgb(29, 36, 51);

/// Everything the report shows.
#[derive(Debug, Clone)]
pub struct ReportData {
    pub candidate_name: String,
    pub email: String,
    pub date: String,
    pub analytics: Analytics,
    pub questions: Vec<QuestionLine>,
}

/// One attempted question in the report's list.
#[derive(Debug, Clone)]
pub struct QuestionLine {
    pub number: usize,
    pub skill: String,
    pub question: String,
    /// "answered", "skipped" or "awaiting feedback".
    pub status: &'static str,
    pub correctness: Option<u8>,
    pub relevance: Option<u8>,
    /// What the candidate answered; `None` for a skip.
    pub answer: Option<String>,
    pub feedback: Option<Feedback>,
    /// How a spoken answer was delivered.
    pub delivery: Option<Delivery>,
}

/// The longest answer printed in full: a longer one is shortened (the app keeps all of it).
const MAX_ANSWER_CHARS: usize = 4_000;

/// Liberation Sans (subset), regular and bold embedded. Italics (only the disclaimer uses them) are the
/// PDF viewer's built-in Helvetica Oblique, which Liberation Sans matches metric for metric, so
/// the report does not carry two more font files.
fn font_family() -> Result<FontFamily<FontData>, genpdf::error::Error> {
    use printpdf::BuiltinFont;
    let font = |bytes: &[u8], builtin| FontData::new(bytes.to_vec(), builtin);
    Ok(FontFamily {
        regular: font(REGULAR, None)?,
        bold: font(BOLD, None)?,
        italic: font(ITALIC, Some(BuiltinFont::HelveticaOblique))?,
        bold_italic: font(BOLD_ITALIC, Some(BuiltinFont::HelveticaBoldOblique))?,
    })
}

/// Renders the report; the bytes are not compressed yet (see `report::compress`).
pub fn render(data: &ReportData) -> Result<Vec<u8>, genpdf::error::Error> {
    let mut doc = genpdf::Document::new(font_family()?);
    doc.set_title("Interview Coach report");
    // No print-shop colour profile (a 650 KB ICC stream) and no XMP packet: a report for the
    // screen and an office printer, a fraction of the size.
    doc.set_conformance(printpdf::PdfConformance::Custom(printpdf::CustomPdfConformance {
        requires_icc_profile: false,
        requires_xmp_metadata: false,
        allows_default_fonts: true,
        ..Default::default()
    }));
    doc.set_font_size(10);
    let mut decorator = genpdf::SimplePageDecorator::new();
    decorator.set_margins(14);
    doc.set_page_decorator(decorator);
    let analytics = &data.analytics;

    doc.push(
        Paragraph::new("Interview Coach \u{2014} progress report")
            .styled(Style::new().bold().with_font_size(18)),
    );
    doc.push(Break::new(0.5));
    for (label, value) in [
        ("Candidate", data.candidate_name.as_str()),
        ("E-mail", data.email.as_str()),
        ("Position", analytics.position_title.as_str()),
        ("Date", data.date.as_str()),
    ] {
        let mut line = Paragraph::default();
        line.push_styled(format!("{label}: "), Style::new().bold());
        line.push(value);
        doc.push(line);
    }

    heading(&mut doc, "Summary");
    let summary = &analytics.summary;
    table(
        &mut doc,
        &[3, 2],
        &["Metric", "Value"],
        analytics.summary_rows().into_iter().map(|(label, value)| vec![label.to_owned(), value]).collect(),
    );
    doc.push(Break::new(0.3));
    doc.push(
        Paragraph::new(format!(
            "A rank is shown once at least {MIN_OTHER_CANDIDATES} other candidates are in the group."
        ))
        .styled(Style::new().with_font_size(8)),
    );
    if !analytics.weakest.is_empty() {
        doc.push(Break::new(0.5));
        doc.push(Paragraph::new(format!("Practise next: {}", analytics.weakest.join(", "))));
    }

    let averages =
        Chart::Averages(summary.avg_correctness.unwrap_or(0.0), summary.avg_relevance.unwrap_or(0.0));
    // Without enough candidates the distribution would show where the few others are.
    let distribution = (!analytics.distribution.is_empty()).then(|| {
        (
            "All candidates' average correctness (your bin in orange)",
            Chart::Distribution(analytics.distribution.clone()),
        )
    });
    let charts = [
        Some(("Correctness and role relevance per answer", Chart::Progress(analytics.series.clone()))),
        Some(("Average correctness and role relevance", averages)),
        distribution,
        Some(("Correctness per skill", Chart::Skills(analytics.skills.clone()))),
    ];
    for (title, chart) in charts.into_iter().flatten() {
        doc.push(Break::new(1.0));
        // A chart is drawn whole: on this page if it fits, else on the next.
        doc.push(KeepTogether {
            inner: TitledChart { title, chart },
            min_height: Mm::from(TITLE_HEIGHT + CHART_HEIGHT),
        });
    }

    heading(&mut doc, "Skills");
    table(
        &mut doc,
        &[4, 2, 2, 2],
        &["Skill", "Questions", "Average correctness", "First \u{2192} latest"],
        analytics
            .skills
            .iter()
            .map(|s| {
                vec![s.skill.clone(), s.questions.to_string(), percent(s.avg_correctness), s.progress_text()]
            })
            .collect(),
    );

    heading(&mut doc, "Questions");
    let score = |value: Option<u8>| value.map_or_else(|| "\u{2014}".to_owned(), |v| format!("{v} %"));
    table(
        &mut doc,
        &[1, 3, 9, 3, 2, 2],
        &["#", "Skill", "Question", "Status", "Correct.", "Relev."],
        data.questions
            .iter()
            .map(|q| {
                vec![
                    q.number.to_string(),
                    q.skill.clone(),
                    q.question.clone(),
                    q.status.to_owned(),
                    score(q.correctness),
                    score(q.relevance),
                ]
            })
            .collect(),
    );

    if data.questions.iter().any(|q| q.answer.is_some()) {
        heading(&mut doc, "Answers and feedback");
        for question in &data.questions {
            question_section(&mut doc, question);
        }
    }

    if !analytics.spoken.is_empty() {
        heading(&mut doc, "Spoken answers");
        doc.push(Paragraph::new(format!(
            "Guidelines: {}\u{2013}{} minutes per answer, {}\u{2013}{} words per minute, few fillers, \
             no silence of {} seconds or more.",
            GUIDELINE_SECONDS.start() / 60,
            GUIDELINE_SECONDS.end() / 60,
            COMFORTABLE_PACE.start(),
            COMFORTABLE_PACE.end(),
            LONG_PAUSE_SECONDS as u32,
        )));
        doc.push(Break::new(0.3));
        table(
            &mut doc,
            &[1, 4, 2, 2, 2, 2],
            &SpokenPoint::HEADERS,
            analytics.spoken.iter().map(SpokenPoint::cells).collect(),
        );
    }

    doc.push(Break::new(1.0));
    let coaches = if analytics.coaches.is_empty() {
        "no evaluations yet".to_owned()
    } else {
        analytics.coaches.join("; ")
    };
    doc.push(Paragraph::new(format!("Scores by: {coaches}.")).styled(Style::new().with_font_size(8)));
    doc.push(
        Paragraph::new(
            "Probabilistic coaching, not truth: scores and flags are a practice aid, not a hiring decision.",
        )
        .styled(Style::new().italic().with_font_size(8)),
    );

    let mut bytes = Vec::new();
    doc.render(&mut bytes)?;
    Ok(bytes)
}

/// One question with the answer, the delivery, the scores, the rewrite, improvements, red flags
/// and fallacy note. The header never ends a page on its own: it moves to the next page with the
/// start of its body.
fn question_section(doc: &mut genpdf::Document, question: &QuestionLine) {
    let mut header = LinearLayout::vertical();
    header.push(Break::new(0.8));
    header.push(
        Paragraph::new(format!(
            "Question {} \u{b7} {} \u{b7} {}",
            question.number, question.skill, question.status
        ))
        .styled(Style::new().bold().with_font_size(11)),
    );
    header.push(Paragraph::new(printable(&question.question).join(" ")).styled(Style::new().with_color(INK)));
    match &question.answer {
        Some(answer) => {
            header.push(label("Your answer"));
            for paragraph in printable(&shortened(answer)) {
                header.push(Paragraph::new(paragraph));
            }
        }
        None => header.push(Paragraph::new("Skipped.").styled(Style::new().with_color(GREY))),
    }
    doc.push(KeepTogether { inner: header, min_height: Mm::from(45) });
    if let Some(delivery) = &question.delivery {
        doc.push(label("How you spoke"));
        for line in delivery.lines() {
            push_text(doc, &format!("{}: {} \u{2014} {}", line.label, line.value, line.advice));
        }
    }
    let Some(feedback) = &question.feedback else { return };
    doc.push(Break::new(0.3));
    doc.push(
        Paragraph::new(format!(
            "Correctness {} % \u{b7} Role relevance {} %",
            feedback.correctness, feedback.role_relevance
        ))
        .styled(Style::new().bold()),
    );
    if let Some(fallacy) = &feedback.fallacy {
        doc.push(
            Paragraph::new(
                printable(&format!("Fallacy detected \u{2014} {}: {}", fallacy.name, fallacy.why)).join(" "),
            )
            .styled(Style::new().with_color(ORANGE)),
        );
    }
    doc.push(label("Suggested rewrite"));
    push_text(doc, &feedback.suggested_rewrite);
    for (title, items, empty) in [
        ("Improvements", &feedback.improvements, "Nothing to add."),
        ("Red flags", &feedback.red_flags, "No red flags."),
    ] {
        doc.push(label(title));
        if items.is_empty() {
            doc.push(Paragraph::new(empty).styled(Style::new().with_color(GREY)));
        }
        let mut list = genpdf::elements::UnorderedList::new();
        for item in items {
            list.push(Paragraph::new(printable(item).join(" ")));
        }
        doc.push(list);
    }
}

fn label(text: &str) -> impl Element + use<> {
    Paragraph::new(text.to_owned())
        .styled(Style::new().bold().with_font_size(9).with_color(GREY))
        .padded((1, 0, 0, 0))
}

/// The longest run of characters without a space that is printed as one word: genpdf breaks
/// lines only at spaces, so a longer token (a URL, a stack trace) is broken up first.
const MAX_TOKEN_CHARS: usize = 48;

/// Text from a candidate or a model as paragraphs genpdf can lay out: one per line of the text,
/// control characters dropped, and tokens longer than [`MAX_TOKEN_CHARS`] broken with spaces.
fn printable(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            let mut run = 0;
            for c in line.chars() {
                if c.is_whitespace() {
                    out.push(' ');
                    run = 0;
                    continue;
                }
                if c.is_control() {
                    continue;
                }
                if run == MAX_TOKEN_CHARS {
                    out.push(' ');
                    run = 0;
                }
                out.push(c);
                run += 1;
            }
            out.trim().to_owned()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// Pushes `text` as one paragraph per line (see [`printable`]).
fn push_text(doc: &mut genpdf::Document, text: &str) {
    for paragraph in printable(text) {
        doc.push(Paragraph::new(paragraph));
    }
}

fn shortened(answer: &str) -> String {
    let kept = first_chars(answer, MAX_ANSWER_CHARS);
    if kept.len() == answer.len() {
        answer.to_owned()
    } else {
        format!("{kept}\u{2026} (shortened here; the app keeps the whole answer)")
    }
}

/// Renders `inner` on this page only when at least `min_height` is left, else starts it on the
/// next page (a fresh page always has more than that, so this never loops).
struct KeepTogether<E: Element> {
    inner: E,
    min_height: Mm,
}

impl<E: Element> Element for KeepTogether<E> {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        if area.size().height < self.min_height {
            return Ok(RenderResult { size: Size::new(0, 0), has_more: true });
        }
        self.inner.render(context, area, style)
    }
}

fn heading(doc: &mut genpdf::Document, text: &str) {
    doc.push(Break::new(1.0));
    doc.push(Paragraph::new(text).styled(Style::new().bold().with_font_size(13)));
    doc.push(Break::new(0.3));
}

fn table(doc: &mut genpdf::Document, weights: &[usize], header: &[&str], rows: Vec<Vec<String>>) {
    let mut table = TableLayout::new(weights.to_vec());
    table.set_cell_decorator(genpdf::elements::FrameCellDecorator::new(true, true, false));
    let mut head = table.row();
    for cell in header {
        head.push_element(Paragraph::new(*cell).styled(Style::new().bold()).padded(1));
    }
    head.push().expect("the header has one cell per column");
    for cells in rows {
        let mut row = table.row();
        for cell in cells {
            row.push_element(Paragraph::new(cell).padded(1));
        }
        row.push().expect("every row has one cell per column");
    }
    doc.push(table);
}

/// A chart drawn with genpdf lines: the same four charts as the analytics page. It is drawn
/// by [`TitledChart`], which keeps it on one page with its title.
enum Chart {
    Progress(Vec<Point>),
    Averages(f64, f64),
    Distribution(Vec<Bin>),
    Skills(Vec<SkillResult>),
}

const CHART_HEIGHT: f64 = 55.0;
/// Room for a chart's title above it (the title and its chart always share a page).
const TITLE_HEIGHT: f64 = 8.0;

/// A chart with its title, kept on one page together.
struct TitledChart {
    title: &'static str,
    chart: Chart,
}

impl Element for TitledChart {
    fn render(
        &mut self,
        context: &Context,
        area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        let title_style = Style::new().bold().with_font_size(13);
        area.print_str(&context.font_cache, Position::new(0, 0), title_style, self.title)?;
        let mut below = area.clone();
        below.add_offset(Position::new(0, TITLE_HEIGHT));
        self.chart.draw(context, &below, style)?;
        Ok(RenderResult {
            size: Size::new(area.size().width, Mm::from(TITLE_HEIGHT + CHART_HEIGHT)),
            has_more: false,
        })
    }
}
const PLOT_LEFT: f64 = 14.0;
const PLOT_BOTTOM: f64 = 10.0;

impl Chart {
    /// Draws the chart into the top `CHART_HEIGHT` millimetres of `area` (the caller checked
    /// that they fit).
    fn draw(&self, context: &Context, area: &Area<'_>, style: Style) -> Result<(), genpdf::error::Error> {
        let plot = Plot {
            area,
            context,
            style: style.with_font_size(7),
            width: f64::from(area.size().width) - PLOT_LEFT - 4.0,
            height: CHART_HEIGHT - PLOT_BOTTOM - 4.0,
        };
        plot.axes()?;
        match self {
            Chart::Progress(points) => plot.lines(points),
            Chart::Averages(correctness, relevance) => plot
                .bars(&[("Correctness", *correctness, BLUE), ("Role relevance", *relevance, ORANGE)], 100.0),
            Chart::Distribution(bins) => {
                let max = bins.iter().map(|b| b.candidates).max().unwrap_or(1).max(1) as f64;
                let labels: Vec<String> = bins.iter().map(|b| format!("{}-{}", b.from, b.to)).collect();
                let bars: Vec<(&str, f64, Color)> = bins
                    .iter()
                    .zip(&labels)
                    .map(|(b, label)| {
                        (label.as_str(), b.candidates as f64, if b.yours { ORANGE } else { GREY })
                    })
                    .collect();
                plot.bars(&bars, max)
            }
            Chart::Skills(skills) => {
                let bars: Vec<(&str, f64, Color)> = skills
                    .iter()
                    .map(|s| (s.skill.as_str(), s.avg_correctness.unwrap_or(0.0), BLUE))
                    .collect();
                plot.bars(&bars, 100.0)
            }
        }
    }
}

/// Drawing helpers over one chart's area (millimetres, origin top-left).
struct Plot<'a, 'b> {
    area: &'a Area<'b>,
    context: &'a Context,
    style: Style,
    width: f64,
    height: f64,
}

impl Plot<'_, '_> {
    fn at(&self, x: f64, y_from_bottom: f64) -> Position {
        Position::new(PLOT_LEFT + x, 4.0 + self.height - y_from_bottom)
    }

    fn text(&self, x: f64, y: f64, text: &str) -> Result<(), genpdf::error::Error> {
        self.area.print_str(&self.context.font_cache, Position::new(x, y), self.style, text).map(|_| ())
    }

    fn axes(&self) -> Result<(), genpdf::error::Error> {
        let axis = Style::new().with_color(INK);
        self.area
            .draw_line(vec![self.at(0.0, self.height), self.at(0.0, 0.0), self.at(self.width, 0.0)], axis);
        Ok(())
    }

    /// The y-axis scale 0, 50, 100 with `unit` and light grid lines.
    fn scale(&self, max: f64, unit: &str) -> Result<(), genpdf::error::Error> {
        for fraction in [0.0, 0.5, 1.0] {
            let y = self.height * fraction;
            if fraction > 0.0 {
                self.area.draw_line(
                    vec![self.at(0.0, y), self.at(self.width, y)],
                    Style::new().with_color(Color::Rgb(223, 227, 234)),
                );
            }
            // Counts below 2 have no sensible middle tick.
            if fraction == 0.5 && unit.is_empty() && max < 2.0 {
                continue;
            }
            let label = format!("{:.0}{unit}", max * fraction);
            self.text(1.0, 4.0 + self.height - y - 1.5, &label)?;
        }
        Ok(())
    }

    fn lines(&self, points: &[Point]) -> Result<(), genpdf::error::Error> {
        self.scale(100.0, "%")?;
        let n = points.len().max(2) as f64;
        let x = |number: usize| (number as f64 - 1.0) / (n - 1.0) * self.width;
        for (color, value) in
            [(BLUE, (|p: &Point| p.correctness) as fn(&Point) -> u8), (ORANGE, |p: &Point| p.relevance)]
        {
            let path: Vec<Position> = points
                .iter()
                .map(|p| self.at(x(p.number), f64::from(value(p)) / 100.0 * self.height))
                .collect();
            if path.len() > 1 {
                self.area.draw_line(path.clone(), Style::new().with_color(color));
            }
            for point in path {
                // A small cross marks each answer.
                let (px, py) = (f64::from(point.x), f64::from(point.y));
                self.area.draw_line(
                    vec![Position::new(px - 0.8, py), Position::new(px + 0.8, py)],
                    Style::new().with_color(color),
                );
                self.area.draw_line(
                    vec![Position::new(px, py - 0.8), Position::new(px, py + 0.8)],
                    Style::new().with_color(color),
                );
            }
        }
        self.text(PLOT_LEFT + self.width / 2.0 - 6.0, 4.0 + self.height + 2.0, "Answer")?;
        self.text(PLOT_LEFT + 2.0, 4.0 + self.height + 5.5, "blue: correctness   orange: role relevance")
    }

    fn bars(&self, bars: &[(&str, f64, Color)], max: f64) -> Result<(), genpdf::error::Error> {
        self.scale(max, if max == 100.0 { "%" } else { "" })?;
        let slot = self.width / bars.len().max(1) as f64;
        let bar_width = slot * 0.6;
        for (i, (label, value, color)) in bars.iter().enumerate() {
            let left = slot * i as f64 + (slot - bar_width) / 2.0;
            let top = (value / max).clamp(0.0, 1.0) * self.height;
            // genpdf draws lines only: a bar is filled with close vertical strokes.
            let mut x = left;
            while x <= left + bar_width && top > 0.0 {
                self.area.draw_line(vec![self.at(x, 0.0), self.at(x, top)], Style::new().with_color(*color));
                x += 0.35;
            }
            let short: String = label.chars().take((slot / 1.6) as usize).collect();
            self.text(PLOT_LEFT + slot * i as f64 + 0.5, 4.0 + self.height + 1.5, &short)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::analytics::{Comparison, Standing, Summary};
    use crate::model::delivery::FillerCount;
    use crate::model::interview::FallacyNote;

    fn data() -> ReportData {
        ReportData {
            candidate_name: "Ada Lovelace".into(),
            email: "ada@example.com".into(),
            date: "25 Nov 2026".into(),
            analytics: Analytics {
                position_title: "Backend Engineer".into(),
                summary: Summary {
                    attempted: 3,
                    skipped: 1,
                    evaluated: 2,
                    avg_correctness: Some(72.5),
                    avg_relevance: Some(60.0),
                    avg_red_flags: 0.67,
                },
                overall: Comparison::Ranked(Standing { rank: 2, candidates: 6, percentile: 60.0 }),
                in_vacancy: Comparison::TooFew,
                series: vec![
                    Point { number: 1, skill: "Rust".into(), correctness: 80, relevance: 70 },
                    Point { number: 2, skill: "SQL".into(), correctness: 65, relevance: 50 },
                ],
                skills: vec![SkillResult {
                    skill: "Rust".into(),
                    questions: 2,
                    avg_correctness: Some(80.0),
                    first_and_latest: Some((70, 90)),
                }],
                weakest: vec!["SQL".into()],
                distribution: (0..10)
                    .map(|i| Bin { from: i * 10, to: i * 10 + 10, candidates: u64::from(i), yours: i == 7 })
                    .collect(),
                coaches: vec!["Offline coach (rules), rules-1".into()],
                spoken: vec![SpokenPoint {
                    number: 2,
                    skill: "SQL".into(),
                    seconds: 95,
                    words_per_minute: 142,
                    fillers: 3,
                    pauses: Some(1),
                }],
            },
            questions: vec![QuestionLine {
                number: 1,
                skill: "Rust".into(),
                question: "Tell me about Rust.".into(),
                status: "answered",
                correctness: Some(80),
                relevance: Some(70),
                answer: Some(
                    "We rewrote the payment service in Rust; p99 fell from 900 ms to 120 ms.".into(),
                ),
                feedback: Some(Feedback {
                    correctness: 80,
                    role_relevance: 70,
                    improvements: vec!["Say how you measured it.".into()],
                    red_flags: Vec::new(),
                    suggested_rewrite: "Situation: the service timed out. Action: …".into(),
                    followup_question: None,
                    coach_hint: "Lead with the result.".into(),
                    fallacy: Some(FallacyNote {
                        name: "Bandwagon".into(),
                        definition: "Popularity as proof.".into(),
                        why: "\u{201c}everyone uses it\u{201d}".into(),
                        interview_risk: "Sounds unreasoned.".into(),
                    }),
                    coach: "Offline coach (rules)".into(),
                }),
                delivery: Some(Delivery {
                    seconds: 95,
                    words_per_minute: 142,
                    fillers: vec![FillerCount { word: "um".into(), count: 3 }],
                    pauses: Some(1),
                }),
            }],
        }
    }

    /// The report's text as a PDF reader extracts it.
    fn text_of(pdf: &[u8]) -> String {
        let compressed = crate::server::report::compress(pdf).expect("compresses");
        let kind = crate::server::documents::detect("report.pdf", &compressed).expect("a PDF");
        let text = crate::server::documents::extract_blocking(kind, &compressed).expect("readable").text;
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn text_is_split_into_lines_without_controls_and_long_tokens_are_broken() {
        let url = format!("https://example.com/{}", "é".repeat(100));
        let text = format!("First line\u{7}\r\n\n  second\tline {url}");

        let paragraphs = printable(&text);

        assert_eq!(paragraphs[0], "First line");
        assert!(paragraphs[1].starts_with("second line https://"));
        assert!(
            paragraphs[1].split(' ').all(|token| token.chars().count() <= MAX_TOKEN_CHARS),
            "{paragraphs:?}"
        );
        assert_eq!(paragraphs[1].replace(' ', ""), format!("secondline{url}"), "nothing is lost but spaces");
    }

    #[test]
    fn every_answered_question_gets_its_answer_and_feedback() {
        let text = text_of(&render(&data()).expect("renders"));

        for expected in [
            "Answers and feedback",
            "Question 1 \u{b7} Rust \u{b7} answered",
            "p99 fell from 900 ms to 120 ms",
            "Correctness 80 % \u{b7} Role relevance 70 %",
            "Say how you measured it.",
            "No red flags.",
            "Situation: the service timed out.",
            "Fallacy detected \u{2014} Bandwagon",
            "Speaking time: 1:35",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
    }

    #[test]
    fn embedded_font_maps_the_same_glyphs_as_printpdf() {
        use printpdf::FontData as _;
        for font in [REGULAR, BOLD] {
            let rusttype = rusttype::Font::from_bytes(font.to_vec()).expect("a font");
            let scanned = rusttype.glyph_ids();

            let embedded = genpdf::embedded_font::EmbeddedFont::cached(font).expect("a font");

            assert!(scanned.len() > 1_000, "the subset keeps Latin, Greek and Cyrillic");
            assert_eq!(embedded.glyph_ids(), scanned);
            for glyph in scanned.keys() {
                let (kept, measured) = (embedded.glyph_metrics(*glyph), rusttype.glyph_metrics(*glyph));
                assert_eq!(kept.map(|m| (m.width, m.height)), measured.map(|m| (m.width, m.height)));
            }
        }
    }

    #[test]
    fn a_word_wider_than_the_page_is_cut_not_dropped() {
        let wide = "W".repeat(120);
        let mut data = data();
        data.analytics.coaches = vec![format!("{wide} and after")];

        let text = text_of(&render(&data).expect("renders"));

        let squeezed: String = text.split_whitespace().collect();
        assert!(squeezed.contains(&format!("{wide}andafter")), "{text}");
    }

    #[test]
    fn the_report_renders_a_pdf() {
        let bytes = render(&data()).expect("renders");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.len() > 10_000);
    }

    /// Characters outside the embedded fonts, characters whose case changes their length,
    /// combining marks, direction overrides, ZWJ emoji, control characters.
    const HOSTILE: &str = "\u{212A}\u{130}\u{23A}\u{1E9E}e\u{301}\u{200F}\u{202E}\u{1F469}\u{200D}\u{1F4BB}\u{0}\t\u{FEFF}\u{4E2D}\u{2026}";

    /// The sample report with every text replaced by `text` (skills and questions get their
    /// number, so the rows differ).
    fn with_text(text: &str) -> ReportData {
        let mut data = data();
        let analytics = &mut data.analytics;
        data.candidate_name = text.to_owned();
        data.email = text.to_owned();
        data.date = text.to_owned();
        analytics.position_title = text.to_owned();
        analytics.weakest = vec![text.to_owned(), text.to_owned()];
        analytics.coaches = vec![text.to_owned()];
        for (i, point) in analytics.series.iter_mut().enumerate() {
            point.skill = format!("{text}{i}");
        }
        analytics.skills = (0..10)
            .map(|i| SkillResult {
                skill: format!("{text}{i}"),
                questions: i,
                avg_correctness: Some(f64::from(i) * 10.0),
                first_and_latest: Some((i as u8, 100 - i as u8)),
            })
            .collect();
        data.questions = (1..=12)
            .map(|number| QuestionLine {
                number,
                skill: format!("{text}{number}"),
                question: format!("{text} {text}?"),
                answer: Some(format!("{text} {text} {text}")),
                feedback: data.questions[0].feedback.clone().map(|feedback| Feedback {
                    improvements: vec![text.to_owned(), format!("{text}{number}")],
                    red_flags: vec![text.to_owned()],
                    suggested_rewrite: format!("{text} {text}"),
                    fallacy: feedback.fallacy.map(|note| FallacyNote { why: text.to_owned(), ..note }),
                    ..feedback
                }),
                ..data.questions[0].clone()
            })
            .collect();
        data
    }

    #[test]
    fn hostile_characters_and_unbreakable_words_lay_out_without_a_panic() {
        let unbreakable = HOSTILE.repeat(30);

        let hostile = render(&with_text(&format!("{HOSTILE} Ada {HOSTILE}")));
        let too_wide = render(&with_text(&unbreakable));

        assert!(hostile.expect("renders").starts_with(b"%PDF-"));
        assert!(too_wide.expect("a word wider than its column is cut, not an error").starts_with(b"%PDF-"));
    }

    proptest::proptest! {
        // Each report takes a few hundred milliseconds to lay out in a debug build.
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

        #[test]
        fn any_text_in_every_field_lays_out_as_a_pdf(text in "\\PC{0,60}|[\\x00-\\x{10FFFF}]{0,60}") {
            let bytes = render(&with_text(&text));

            proptest::prop_assert!(bytes.is_ok_and(|bytes| bytes.starts_with(b"%PDF-")));
        }
    }
}
