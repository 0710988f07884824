// SPDX-FileCopyrightText: 2026 Interview Coach
// SPDX-License-Identifier: Apache-2.0 or MIT

//! Interview Coach patch: an embedded font whose character map comes from its `cmap` table.
//!
//! printpdf 0.3 builds an embedded font's ToUnicode map and widths from
//! [`printpdf::FontData::glyph_ids`], which for a rusttype font asks for the glyph of every
//! Unicode scalar value (1.1 million lookups, about 20 ms per font, on every document). This font
//! answers the same question from the code points the font's Unicode `cmap` subtables list, and
//! keeps rusttype for everything else, so the PDF it produces is the same. printpdf then asks
//! for the metrics of every glyph in that map (rusttype works out each glyph's outline for its
//! height), so the map and the metrics are worked out once per font and process, and kept.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use printpdf::types::plugins::graphics::two_dimensional::font::{FontMetrics, GlyphMetrics};

use crate::error::{Context as _, Error, ErrorKind};

/// A TrueType font for printpdf: rusttype's metrics, with the glyph map read once from `cmap`.
#[derive(Clone, Debug)]
pub struct EmbeddedFont {
    font: rusttype::Font<'static>,
    glyphs: Arc<HashMap<u16, char>>,
    metrics: Arc<HashMap<u16, GlyphMetrics>>,
}

/// How many fonts [`EmbeddedFont::cached`] keeps (a document embeds a handful).
const CACHED_FONTS: usize = 8;

impl EmbeddedFont {
    /// Parses a TrueType font (the first one of a collection, as printpdf does).
    pub fn parse(data: &[u8]) -> Result<EmbeddedFont, Error> {
        let collection = rusttype::FontCollection::from_bytes(data.to_vec())
            .context("Failed to read rusttype font")?;
        let font = collection
            .clone()
            .into_font()
            .or_else(|_| collection.font_at(0))
            .context("Failed to read rusttype font")?;
        let face = ttf_parser::Face::parse(data, 0)
            .map_err(|_| Error::new("Failed to read the font's tables", ErrorKind::InvalidFont))?;
        let mut code_points = BTreeSet::new();
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|table| table.is_unicode()) {
                subtable.codepoints(|code| {
                    code_points.extend(char::from_u32(code));
                });
            }
        }
        // In ascending order, as printpdf's own scan: where several characters share a glyph,
        // the last one names it.
        let mut glyphs = HashMap::new();
        for c in code_points {
            if let Some(glyph) = printpdf::FontData::glyph_id(&font, c) {
                glyphs.insert(glyph, c);
            }
        }
        let metrics = glyphs
            .keys()
            .filter_map(|&glyph| Some((glyph, printpdf::FontData::glyph_metrics(&font, glyph)?)))
            .collect();
        Ok(EmbeddedFont { font, glyphs: Arc::new(glyphs), metrics: Arc::new(metrics) })
    }

    /// [`EmbeddedFont::parse`], once per font for the life of the process (the few most recent
    /// fonts are kept, compared by their bytes).
    pub fn cached(data: &[u8]) -> Result<EmbeddedFont, Error> {
        static FONTS: Mutex<Vec<(Vec<u8>, EmbeddedFont)>> = Mutex::new(Vec::new());
        let known = |fonts: &[(Vec<u8>, EmbeddedFont)]| {
            fonts.iter().find(|(bytes, _)| bytes.as_slice() == data).map(|(_, font)| font.clone())
        };
        if let Some(font) = known(&FONTS.lock().unwrap_or_else(|poisoned| poisoned.into_inner())) {
            return Ok(font);
        }
        let font = EmbeddedFont::parse(data)?;
        let mut fonts = FONTS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if known(&fonts).is_none() {
            if fonts.len() == CACHED_FONTS {
                fonts.remove(0);
            }
            fonts.push((data.to_vec(), font.clone()));
        }
        Ok(font)
    }
}

impl printpdf::FontData for EmbeddedFont {
    fn font_metrics(&self) -> FontMetrics {
        self.font.font_metrics()
    }

    fn glyph_id(&self, c: char) -> Option<u16> {
        printpdf::FontData::glyph_id(&self.font, c)
    }

    fn glyph_ids(&self) -> HashMap<u16, char> {
        self.glyphs.as_ref().clone()
    }

    fn glyph_metrics(&self, glyph_id: u16) -> Option<GlyphMetrics> {
        match self.metrics.get(&glyph_id) {
            Some(metrics) => Some(*metrics),
            None => self.font.glyph_metrics(glyph_id),
        }
    }
}
