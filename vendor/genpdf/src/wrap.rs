// SPDX-FileCopyrightText: 2020 Robin Krahl <robin.krahl@ireas.org>
// SPDX-License-Identifier: Apache-2.0 or MIT

//! Utilities for text wrapping.

use std::mem;

use crate::style;
use crate::Context;
use crate::Mm;

/// Combines a sequence of styled words into lines with a maximum width.
///
/// If a word does not fit into a line, the wrapper tries to split it using the `split` function.
pub struct Wrapper<'c, 's, I: Iterator<Item = style::StyledStr<'s>>> {
    iter: I,
    context: &'c Context,
    width: Mm,
    x: Mm,
    buf: Vec<style::StyledCow<'s>>,
    // Interview Coach patch: the part of a word that goes on the next line.
    carry: Option<style::StyledCow<'s>>,
}

impl<'c, 's, I: Iterator<Item = style::StyledStr<'s>>> Wrapper<'c, 's, I> {
    /// Creates a new wrapper for the given word sequence and with the given maximum width.
    pub fn new(iter: I, context: &'c Context, width: Mm) -> Wrapper<'c, 's, I> {
        Wrapper {
            iter,
            context,
            width,
            x: Mm(0.0),
            buf: Vec::new(),
            carry: None,
        }
    }
}

impl<'c, 's, I: Iterator<Item = style::StyledStr<'s>>> Iterator for Wrapper<'c, 's, I> {
    type Item = (Vec<style::StyledCow<'s>>, usize);

    fn next(&mut self) -> Option<(Vec<style::StyledCow<'s>>, usize)> {
        loop {
            let s = match self.carry.take() {
                Some(s) => s,
                None => match self.iter.next() {
                    Some(s) => s.into(),
                    None => break,
                },
            };
            let width = s.width(&self.context.font_cache);
            if self.x + width <= self.width {
                self.buf.push(s);
                self.x += width;
                continue;
            }

            let room = self.width - self.x;
            self.x = Mm(0.0);
            if !self.buf.is_empty() {
                // The word starts the next line, or as much of it as the hyphenator puts on this one.
                let mut delta = 0;
                match split(self.context, s.clone(), room) {
                    Some((start, end)) => {
                        delta = start.s.len() + end.s.len() - s.s.len();
                        self.buf.push(start);
                        self.carry = Some(end);
                    }
                    None => self.carry = Some(s),
                }
                return Some((mem::take(&mut self.buf), delta));
            }

            // Interview Coach patch: a word wider than a whole line used to end the paragraph
            // here, leaving the words after it misaligned with what was printed (a panic in
            // `Paragraph::render` when that split a character). It is cut instead, at the last
            // character that fits (at least one, so the paragraph always advances).
            let (start, end) = cut(self.context, s, self.width);
            self.carry = end;
            return Some((vec![start], 0));
        }

        if self.buf.is_empty() {
            None
        } else {
            self.x = Mm(0.0);
            Some((mem::take(&mut self.buf), 0))
        }
    }
}

/// Cuts `s` after the longest run of whole characters (at least one) that fits into `width`,
/// found by bisection over the character boundaries (widths grow with the text).
fn cut<'s>(
    context: &Context,
    s: style::StyledCow<'s>,
    width: Mm,
) -> (style::StyledCow<'s>, Option<style::StyledCow<'s>>) {
    let text = s.s.as_ref();
    let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let fits = |end: usize| s.style.str_width(&context.font_cache, &text[..end]) <= width;
    // ends[low] always goes on this line; ends[high] never fits (or is past the end).
    let (mut low, mut high) = (0, ends.len());
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if fits(ends[middle]) {
            low = middle;
        } else {
            high = middle;
        }
    }
    match ends.get(low) {
        Some(&end) if end < text.len() => (
            style::StyledCow::new(text[..end].to_owned(), s.style),
            Some(style::StyledCow::new(text[end..].to_owned(), s.style)),
        ),
        _ => (s, None),
    }
}

#[cfg(not(feature = "hyphenation"))]
fn split<'s>(
    _context: &Context,
    _s: style::StyledCow<'s>,
    _len: Mm,
) -> Option<(style::StyledCow<'s>, style::StyledCow<'s>)> {
    None
}

/// Tries to split the given string into two parts so that the first part is shorter than the given
/// width.
#[cfg(feature = "hyphenation")]
fn split<'s>(
    context: &Context,
    s: style::StyledCow<'s>,
    width: Mm,
) -> Option<(style::StyledCow<'s>, style::StyledCow<'s>)> {
    use hyphenation::{Hyphenator, Iter};

    let hyphenator = if let Some(hyphenator) = &context.hyphenator {
        hyphenator
    } else {
        return None;
    };

    let mark = "-";
    let mark_width = s.style.str_width(&context.font_cache, mark);

    let hyphenated = hyphenator.hyphenate(s.s.as_ref());
    let segments: Vec<_> = hyphenated.iter().segments().collect();

    // Find the hyphenation with the longest first part so that the first part (and the hyphen) are
    // shorter than or equals to the required width.
    let idx = segments
        .iter()
        .scan(Mm(0.0), |acc, t| {
            *acc += s.style.str_width(&context.font_cache, t);
            Some(*acc)
        })
        .position(|w| w + mark_width > width)
        .unwrap_or_default();
    if idx > 0 {
        let idx = hyphenated.breaks[idx - 1];
        let start = s.s[..idx].to_owned() + mark;
        let end = s.s[idx..].to_owned();
        Some((
            style::StyledCow::new(start, s.style),
            style::StyledCow::new(end, s.style),
        ))
    } else {
        None
    }
}

/// Splits a sequence of styled strings into words.
pub struct Words<I: Iterator<Item = style::StyledString>> {
    iter: I,
    s: Option<style::StyledString>,
}

impl<I: Iterator<Item = style::StyledString>> Words<I> {
    /// Creates a new words iterator.
    pub fn new<IntoIter: IntoIterator<Item = style::StyledString, IntoIter = I>>(
        iter: IntoIter,
    ) -> Words<I> {
        Words {
            iter: iter.into_iter(),
            s: None,
        }
    }
}

impl<I: Iterator<Item = style::StyledString>> Iterator for Words<I> {
    type Item = style::StyledString;

    fn next(&mut self) -> Option<style::StyledString> {
        if self.s.as_ref().map(|s| s.s.is_empty()).unwrap_or(true) {
            self.s = self.iter.next();
        }

        if let Some(s) = &mut self.s {
            // Split at the first space or use the complete string
            let n = s.s.find(' ').map(|i| i + 1).unwrap_or_else(|| s.s.len());
            let mut tmp = s.s.split_off(n);
            mem::swap(&mut tmp, &mut s.s);
            Some(style::StyledString::new(tmp, s.style))
        } else {
            None
        }
    }
}
