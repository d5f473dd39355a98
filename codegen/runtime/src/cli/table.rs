//! `--output table`: boxed tables as the AWS CLI draws them, cell for cell.
//!
//! The response becomes sections, each a titled box with column headers and rows, nested
//! sections indented by one `|` per level on each side:
//! - a structure's scalar members make one section: their names as headers and one row of
//!   values (one scalar member alone: a two-cell row, name and value); each of its lists and
//!   structures follows as a section one level deeper, titled with its member's name;
//! - a list of structures makes one section per element, sharing headers (every scalar key of
//!   every element, blank where one lacks it), or a single section with a row per element when
//!   no element has nested values;
//! - a list of scalars makes a row per value.
//!
//! Every section is as wide as the widest (each column as wide as its widest cell plus four,
//! scaled to fill the box, with Python's rounding, half to even); when that is wider than the
//! terminal, each one-row section is turned on its side (a row per header: name, value). Widths
//! count East Asian wide, full-width and ambiguous characters as two columns, as the AWS CLI does
//! (the table of them is in `wide.rs`).
//!
//! Written here rather than with a table crate: the nesting, the scaling and the sideways turn
//! are the AWS CLI's own, and users compare the output line for line.

use ::serde_json::{Map, Value};

use super::text::scalar;

/// How a table is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Columns available; wider tables turn their one-row sections on their side.
    pub width: usize,
    /// ANSI colours for values and the indentation bars, as the AWS CLI draws them on a terminal.
    pub color: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style { width: 80, color: false }
    }
}

/// `value` as the AWS CLI's table of operation `title`: empty when there is nothing to show.
pub fn format(title: &str, value: &Value, style: Style) -> String {
    let mut table = Table::default();
    if !table.build(Some(title), value, 0) {
        return String::new();
    }
    table.render(style)
}

/// Columns a text takes, as the AWS CLI counts them: East Asian wide, full-width and ambiguous
/// characters take two, every other character one.
fn text_width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    let code = u32::from(c);
    // Most text is ASCII, which has no wide character.
    code >= 0xA1
        && super::wide::WIDE
            .binary_search_by(|&(first, last)| {
                if last < code {
                    ::std::cmp::Ordering::Less
                } else if first > code {
                    ::std::cmp::Ordering::Greater
                } else {
                    ::std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

#[derive(Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    /// The widest cell of each column.
    widths: Vec<usize>,
}

impl Section {
    fn titled(title: &str, indent: usize) -> Self {
        Section { title: title.to_owned(), indent, ..Section::default() }
    }

    fn widen(&mut self, cells: &[String]) {
        if self.widths.len() < cells.len() {
            self.widths.resize(cells.len(), 0);
        }
        for (width, cell) in self.widths.iter_mut().zip(cells) {
            *width = (*width).max(text_width(cell));
        }
    }

    fn set_headers(&mut self, headers: Vec<String>) {
        self.widen(&headers);
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        self.widen(&row);
        self.rows.push(row);
    }

    /// Each column's width with `padding`, scaled so that they add up to `total`.
    fn column_widths(&self, padding: usize, total: usize) -> Vec<usize> {
        let unscaled: Vec<usize> = self.widths.iter().map(|w| w + padding).collect();
        let sum: usize = unscaled.iter().sum();
        if sum == 0 {
            return unscaled;
        }
        let scale = total as f64 / sum as f64;
        let mut scaled: Vec<i64> =
            unscaled.iter().map(|&w| (scale * w as f64).round_ties_even() as i64).collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - total as i64;
        // Take the difference from the first columns, or give it to the last ones.
        while off_by != 0 {
            let order: Vec<usize> = match off_by > 0 {
                true => (0..scaled.len()).collect(),
                false => (0..scaled.len()).rev().collect(),
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    /// The width the section needs: its columns with padding 4 and borders, or its title.
    fn total_width(&self) -> usize {
        let columns: usize = self.widths.iter().map(|w| w + 4).sum::<usize>() + 2 + 2 * self.indent;
        columns.max(text_width(&self.title) + 2 + 2 * self.indent)
    }
}

#[derive(Default)]
struct Table {
    sections: Vec<Section>,
}

impl Table {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        self.sections.last_mut().expect("a section was just added")
    }

    /// Adds `value`'s sections; false when there is nothing to draw (null, empty).
    fn build(&mut self, title: Option<&str>, value: &Value, indent: usize) -> bool {
        let empty = match value {
            Value::Null | Value::Bool(false) => true,
            Value::Object(object) => object.is_empty(),
            Value::Array(items) => items.is_empty(),
            Value::String(text) => text.is_empty(),
            // Python's truth: a zero draws nothing either.
            Value::Number(number) => number.as_f64() == Some(0.0),
            Value::Bool(true) => false,
        };
        if empty {
            return false;
        }
        if let Some(title) = title {
            self.sections.push(Section::titled(title, indent));
        }
        match value {
            Value::Array(items) if items[0].is_object() => self.list_of_structures(items, indent, title),
            Value::Array(items) => {
                for element in items {
                    match element {
                        Value::Array(cells) if cells.iter().all(is_scalar) => {
                            self.current().add_row(cells.iter().map(scalar).collect());
                        }
                        element if is_scalar(element) => self.current().add_row(vec![scalar(element)]),
                        element => {
                            self.build(None, element, 0);
                        }
                    }
                }
            }
            Value::Object(object) => self.structure(object, indent),
            // A scalar alone (from --query) draws nothing but its title.
            _ => {}
        }
        true
    }

    fn structure(&mut self, object: &Map<String, Value>, indent: usize) {
        let (headers, more) = split_keys(object);
        match headers.as_slice() {
            [] => {}
            [only] => {
                let row = vec![(*only).to_owned(), scalar(&object[*only])];
                self.current().add_row(row);
            }
            _ => {
                let row = headers.iter().map(|key| scalar(&object[*key])).collect();
                let section = self.current();
                section.set_headers(headers.iter().map(|key| (*key).to_owned()).collect());
                section.add_row(row);
            }
        }
        for key in more {
            self.build(Some(key), &object[key], indent + 1);
        }
    }

    fn list_of_structures(&mut self, items: &[Value], indent: usize, title: Option<&str>) {
        let mut headers: Vec<&str> = Vec::new();
        let mut more: Vec<&str> = Vec::new();
        for object in items.iter().filter_map(Value::as_object) {
            let (h, m) = split_keys(object);
            headers.extend(h);
            more.extend(m);
        }
        headers.sort_unstable();
        headers.dedup();
        more.sort_unstable();
        more.dedup();
        let header_cells: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        self.current().set_headers(header_cells.clone());
        for (index, element) in items.iter().enumerate() {
            if index > 0 && !more.is_empty() {
                self.sections.push(Section::titled(title.unwrap_or_default(), indent));
                self.current().set_headers(header_cells.clone());
            }
            let get = |key: &str| element.get(key).map(scalar).unwrap_or_default();
            let row = headers.iter().map(|h| get(h)).collect();
            self.current().add_row(row);
            for key in &more {
                if let Some(nested) = element.get(*key) {
                    self.build(Some(key), nested, indent + 1);
                }
            }
        }
    }

    fn render(mut self, style: Style) -> String {
        let mut max_width = self.max_width();
        if max_width > style.width {
            self.turn_sideways();
            max_width = self.max_width();
        }
        let mut out = "-".repeat(max_width);
        out.push('\n');
        for section in &self.sections {
            render_section(section, max_width, style.color, &mut out);
        }
        out
    }

    fn max_width(&self) -> usize {
        self.sections.iter().map(Section::total_width).max().unwrap_or(0)
    }

    /// Each section with one row and headers becomes a row per header: name, value.
    fn turn_sideways(&mut self) {
        for section in &mut self.sections {
            if section.rows.len() == 1 && !section.headers.is_empty() {
                let mut turned = Section::titled(&section.title, section.indent);
                let row = std::mem::take(&mut section.rows[0]);
                for (header, cell) in std::mem::take(&mut section.headers).into_iter().zip(row) {
                    turned.add_row(vec![header, cell]);
                }
                *section = turned;
            }
        }
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Array(_))
}

/// A structure's keys: those with scalar values, and the others, each sorted.
fn split_keys(object: &Map<String, Value>) -> (Vec<&str>, Vec<&str>) {
    let (mut scalars, mut more): (Vec<&str>, Vec<&str>) =
        object.keys().map(String::as_str).partition(|key| is_scalar(&object[*key]));
    scalars.sort_unstable();
    more.sort_unstable();
    (scalars, more)
}

const VALUE_STYLE: &str = "\x1b[1m\x1b[34m";
const BAR_STYLE: &str = "\x1b[2m\x1b[33m";
const RESET: &str = "\x1b[0m";

/// `text` centred between the edges in `length` columns.
fn centered(text: &str, length: usize, left: &str, right: &str, out: &mut String) {
    let text_length = text_width(text) as i64;
    // As the AWS CLI counts: a text wider than the space starts at the edge, and the negative
    // start still counts, which widens the space on the right.
    let start = (length / 2) as i64 - text_length / 2 - 1;
    out.push_str(left);
    out.push_str(&" ".repeat(start.max(0) as usize));
    out.push_str(text);
    let so_far = text_width(left) as i64 + start + text_length;
    out.push_str(&" ".repeat((length as i64 - text_width(right) as i64 - so_far).max(0) as usize));
    out.push_str(right);
}

/// `text` two columns from the left edge (none when it does not fit) in `length` columns.
fn left_aligned(text: &str, shown: &str, length: usize, left: &str, out: &mut String) {
    let text_length = text_width(text);
    // Two columns of padding when the text, the padding and both edges fit.
    let right_edge = 1;
    let padding = if text_length + 2 + left.len() + right_edge <= length { 2 } else { 0 };
    out.push_str(left);
    out.push_str(&" ".repeat(padding));
    out.push_str(shown);
    out.push_str(&" ".repeat(length.saturating_sub(left.len() + padding + text_length + right_edge)));
    out.push('|');
}

fn line_break(widths: &[usize], out: &mut String) {
    for (index, width) in widths.iter().enumerate() {
        match index {
            0 => {
                out.push('+');
                out.push_str(&"-".repeat(width.saturating_sub(2)));
                out.push('+');
            }
            _ => {
                out.push_str(&"-".repeat(width.saturating_sub(1)));
                out.push('+');
            }
        }
    }
}

fn render_section(section: &Section, max_width: usize, color: bool, out: &mut String) {
    let bars = match color {
        true => format!("{BAR_STYLE}|{RESET}").repeat(section.indent),
        false => "|".repeat(section.indent),
    };
    let line = |content: &str, out: &mut String| {
        out.push_str(&bars);
        out.push_str(content);
        out.push_str(&bars);
        out.push('\n');
    };
    let width = max_width.saturating_sub(section.indent * 2);
    if !section.title.is_empty() {
        let mut title = String::new();
        centered(&section.title, width, "|", "|", &mut title);
        line(&title, out);
        if section.headers.is_empty() && section.rows.is_empty() {
            line(&format!("+{}+", "-".repeat(width.saturating_sub(2))), out);
        }
    }
    let widths = section.column_widths(4, width);
    if !section.headers.is_empty() {
        let mut rule = String::new();
        line_break(&widths, &mut rule);
        line(&rule, out);
        let mut headers = String::new();
        for (index, (column, header)) in widths.iter().zip(&section.headers).enumerate() {
            centered(header, *column, if index == 0 { "|" } else { "" }, "|", &mut headers);
        }
        line(&headers, out);
    }
    if section.rows.is_empty() || widths.is_empty() {
        return;
    }
    let mut rule = String::new();
    line_break(&widths, &mut rule);
    line(&rule, out);
    for row in &section.rows {
        let mut cells = String::new();
        for (index, (column, cell)) in widths.iter().zip(row).enumerate() {
            let shown = match color {
                true => format!("{VALUE_STYLE}{cell}{RESET}"),
                false => cell.clone(),
            };
            left_aligned(cell, &shown, *column, if index == 0 { "|" } else { "" }, &mut cells);
        }
        line(&cells, out);
    }
    line(&rule, out);
}
