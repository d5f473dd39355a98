//! Converts the HTML found in botocore `documentation` fields into Markdown
//! that rustdoc renders cleanly.
//!
//! "Cleanly" is stricter than "valid Markdown": rustdoc compiles any code
//! block without a language as a Rust doctest, reads `[x]` as an intra-doc
//! link, warns about raw HTML tags and bare URLs, and treats lines indented by
//! four spaces as code. Everything below is shaped by those rules.
//!
//! The pipeline is: tokenize the HTML → build a forgiving element tree (the
//! input is frequently unbalanced) → render the tree into Markdown blocks →
//! serialize the blocks into lines.

use std::collections::HashSet;

/// Converts botocore HTML documentation into Markdown that rustdoc renders without warnings.
pub fn html_to_markdown(html: &str) -> String {
    let tree = build_tree(tokenize(html));
    serialize(&blocks_of(&tree, Ctx::default()))
}

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// Text with entities already decoded.
    Text(String),
    Open {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
        /// The source text, kept so that a `<placeholder>` can be shown verbatim.
        raw: String,
    },
    Close {
        name: String,
        raw: String,
    },
}

/// A `<` with no `>` within this many bytes is text; the cap keeps
/// pathological inputs (many unterminated tags) linear.
const MAX_TAG_LEN: usize = 4096;

fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut raw_text = String::new();
    let mut rest = html;
    while let Some(pos) = rest.find('<') {
        raw_text.push_str(&rest[..pos]);
        let candidate = &rest[pos..];
        match scan_markup(candidate) {
            Some((token, len)) => {
                flush_text(&mut raw_text, &mut tokens);
                tokens.extend(token);
                rest = candidate.get(len..).unwrap_or("");
            }
            None => {
                // A stray `<` such as `a < b`.
                raw_text.push('<');
                rest = &candidate[1..];
            }
        }
    }
    raw_text.push_str(rest);
    flush_text(&mut raw_text, &mut tokens);
    tokens
}

fn flush_text(raw_text: &mut String, tokens: &mut Vec<Token>) {
    if !raw_text.is_empty() {
        tokens.push(Token::Text(decode_entities(raw_text)));
        raw_text.clear();
    }
}

/// Recognizes markup at the start of `s` (which starts with `<`). Returns the
/// token (none for comments and declarations) and the byte length consumed,
/// or `None` when the `<` is ordinary text.
fn scan_markup(s: &str) -> Option<(Option<Token>, usize)> {
    if let Some(body) = s.strip_prefix("<!--") {
        // An unterminated comment swallows the rest, as in HTML; this also
        // keeps scanning linear.
        let len = body.find("-->").map_or(s.len(), |end| 4 + end + 3);
        return Some((None, len));
    }
    if let Some(body) = s.strip_prefix("<![CDATA[") {
        let (text, len) = match body.find("]]>") {
            Some(end) => (&body[..end], 9 + end + 3),
            None => (body, s.len()),
        };
        // Botocore authors escape CDATA content as if it were HTML
        // (`<![CDATA[&amp;]]>` means `&`).
        return Some((Some(Token::Text(decode_entities(text))), len));
    }
    if s.starts_with("<!") || s.starts_with("<?") {
        let window = &s.as_bytes()[..s.len().min(MAX_TAG_LEN)];
        let end = 1 + window[1..].iter().position(|&b| b == b'>' || b == b'<')?;
        return (window[end] == b'>').then_some((None, end + 1));
    }
    parse_tag(s).map(|(token, len)| (Some(token), len))
}

fn parse_tag(s: &str) -> Option<(Token, usize)> {
    let mut limit = s.len().min(MAX_TAG_LEN);
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let b = &s.as_bytes()[..limit];
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while b.get(i).is_some_and(|&c| is_name_byte(c)) {
        i += 1;
    }
    let name = s.get(name_start..i)?.to_ascii_lowercase();
    // `<a,b>` or `<x+y>` are text, not tags.
    if !b.get(i).is_some_and(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/') {
        return None;
    }
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        i = skip_ws(b, i);
        match *b.get(i)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                i += 1;
                if b.get(i) == Some(&b'>') {
                    self_closing = true;
                    i += 1;
                    break;
                }
                continue;
            }
            b'<' => return None,
            _ if closing => return None,
            _ => {}
        }
        let (attr, next) = parse_attr(s, b, i)?;
        attrs.push(attr);
        i = next;
    }
    let raw = s.get(..i)?.to_string();
    let token =
        if closing { Token::Close { name, raw } } else { Token::Open { name, attrs, self_closing, raw } };
    Some((token, i))
}

fn is_name_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.')
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Parses `name`, `name=value`, `name="value"` or `name='value'` at `i`.
fn parse_attr(s: &str, b: &[u8], mut i: usize) -> Option<((String, String), usize)> {
    let start = i;
    while b
        .get(i)
        .is_some_and(|&c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/' | b'<' | b'"' | b'\''))
    {
        i += 1;
    }
    if i == start {
        return None;
    }
    let name = s.get(start..i)?.to_ascii_lowercase();
    i = skip_ws(b, i);
    if b.get(i) != Some(&b'=') {
        return Some(((name, String::new()), i));
    }
    i = skip_ws(b, i + 1);
    let value_raw = match *b.get(i)? {
        quote @ (b'"' | b'\'') => {
            let len = b.get(i + 1..)?.iter().position(|&c| c == quote)?;
            let value = s.get(i + 1..i + 1 + len)?;
            i += len + 2;
            value
        }
        _ => {
            let start = i;
            while b.get(i).is_some_and(|&c| !c.is_ascii_whitespace() && c != b'>') {
                i += 1;
            }
            s.get(start..i)?
        }
    };
    Some(((name, decode_entities(value_raw)), i))
}

// ---------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------

fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        match parse_entity(after) {
            Some((ch, len)) => {
                out.push(ch);
                rest = after.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the entity body that follows a `&`; returns the character and the
/// bytes consumed including the `;`. Unknown entities stay literal.
fn parse_entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(32).position(|b| b == b';')?;
    let body = s.get(..end)?;
    let ch = match body.strip_prefix('#') {
        Some(number) => {
            let (digits, radix) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            numeric_char(u32::from_str_radix(digits, radix).unwrap_or(u32::MAX))
        }
        None => named_entity(body)?,
    };
    Some((ch, end + 1))
}

fn numeric_char(code: u32) -> char {
    // HTML maps the C1 range through windows-1252 because that is what
    // authors meant (`&#150;` is an en dash, not a control character).
    const CP1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let code = match code {
        0x80..=0x9F => CP1252[(code - 0x80) as usize],
        0 => 0xFFFD,
        other => other,
    };
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "times" => '×',
        "divide" => '÷',
        "deg" => '°',
        "plusmn" => '±',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "cent" => '¢',
        "pound" => '£',
        "euro" => '€',
        "yen" => '¥',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "minus" => '−',
        "infin" => '∞',
        "shy" => '\u{AD}',
        "zwsp" => '\u{200B}',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Element tree
// ---------------------------------------------------------------------------

#[derive(Debug)]
enum Node {
    Text(String),
    Elem(Elem),
}

#[derive(Debug)]
struct Elem {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Elem {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Deeper nesting is flattened so that rendering recursion stays bounded.
const MAX_DEPTH: usize = 48;

fn build_tree(tokens: Vec<Token>) -> Vec<Node> {
    let mut opened = HashSet::new();
    let mut closed = HashSet::new();
    for token in &tokens {
        match token {
            Token::Open { name, .. } => opened.insert(name.clone()),
            Token::Close { name, .. } => closed.insert(name.clone()),
            Token::Text(_) => false,
        };
    }
    let mut stack = vec![Elem { name: "#root".into(), attrs: Vec::new(), children: Vec::new() }];
    for token in tokens {
        match token {
            Token::Text(text) => append_text(&mut stack, &text),
            Token::Open { name, attrs, self_closing, raw } => {
                // An unknown tag that is never closed is a placeholder such
                // as `arn:aws:iam::<account-id>:root`, not markup.
                if !is_known(&name) && !self_closing && !closed.contains(&name) {
                    append_text(&mut stack, &decode_entities(&raw));
                } else if self_closing || is_void(&name) {
                    push_child(&mut stack, Node::Elem(Elem { name, attrs, children: Vec::new() }));
                } else if stack.len() < MAX_DEPTH {
                    auto_close(&mut stack, &name);
                    stack.push(Elem { name, attrs, children: Vec::new() });
                }
            }
            Token::Close { name, raw } => {
                if !is_known(&name) && !opened.contains(&name) {
                    append_text(&mut stack, &decode_entities(&raw));
                } else if let Some(index) = stack.iter().rposition(|e| e.name == name) {
                    while index > 0 && stack.len() > index {
                        close_top(&mut stack);
                    }
                }
            }
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack);
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}

fn push_child(stack: &mut [Elem], node: Node) {
    if let Some(top) = stack.last_mut() {
        top.children.push(node);
    }
}

fn append_text(stack: &mut [Elem], text: &str) {
    if let Some(top) = stack.last_mut() {
        match top.children.last_mut() {
            Some(Node::Text(previous)) => previous.push_str(text),
            _ => top.children.push(Node::Text(text.to_string())),
        }
    }
}

fn close_top(stack: &mut Vec<Elem>) {
    if stack.len() > 1 {
        if let Some(elem) = stack.pop() {
            push_child(stack, Node::Elem(elem));
        }
    }
}

/// `<li>` and `<dt>`/`<dd>` are often left unclosed; a new one ends the
/// previous sibling instead of nesting inside it.
fn auto_close(stack: &mut Vec<Elem>, name: &str) {
    let (siblings, parents): (&[&str], &[&str]) = match name {
        "li" => (&["li"], &["ul", "ol"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl"]),
        _ => return,
    };
    let boundary = stack.iter().rposition(|e| parents.contains(&e.name.as_str())).unwrap_or(0);
    if let Some(offset) = stack[boundary..].iter().position(|e| siblings.contains(&e.name.as_str())) {
        let index = boundary + offset;
        while index > 0 && stack.len() > index {
            close_top(stack);
        }
    }
}

// ---------------------------------------------------------------------------
// Tag classification
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Block wrapper whose content flows as paragraphs (`p`, `div`, `dd`...).
    Container,
    List {
        ordered: bool,
    },
    Item,
    Term,
    Callout(&'static str),
    Pre,
    Heading(usize),
    Table,
    /// A table row outside any `<table>`.
    Row,
    Break,
    Code,
    Bold,
    Italic,
    Link,
    /// Unknown or purely presentational: keep the content, drop the tag.
    Transparent,
}

fn kind(name: &str) -> Kind {
    match name {
        "p" | "para" | "div" | "section" | "article" | "blockquote" | "fullname" | "dl" | "dd" | "thead"
        | "tbody" | "tfoot" | "caption" | "hr" | "body" | "html" | "title" | "center" | "simpara"
        | "example" => Kind::Container,
        "ul" | "itemizedlist" => Kind::List { ordered: false },
        "ol" | "orderedlist" => Kind::List { ordered: true },
        "li" | "listitem" => Kind::Item,
        "dt" => Kind::Term,
        "note" => Kind::Callout("Note"),
        "important" => Kind::Callout("Important"),
        "warning" => Kind::Callout("Warning"),
        "tip" => Kind::Callout("Tip"),
        "pre" | "programlisting" | "screen" => Kind::Pre,
        "h1" => Kind::Heading(1),
        "h2" => Kind::Heading(2),
        "h3" => Kind::Heading(3),
        "h4" => Kind::Heading(4),
        "h5" => Kind::Heading(5),
        "h6" => Kind::Heading(6),
        "table" => Kind::Table,
        "tr" => Kind::Row,
        "br" => Kind::Break,
        "code" | "tt" | "kbd" | "samp" | "function" | "filename" | "command" | "literal" => Kind::Code,
        "b" | "strong" => Kind::Bold,
        "i" | "em" | "emphasis" | "replaceable" | "var" | "cite" | "dfn" => Kind::Italic,
        "a" | "ulink" => Kind::Link,
        _ => Kind::Transparent,
    }
}

fn is_known(name: &str) -> bool {
    const PRESENTATIONAL: &[&str] = &[
        "span", "u", "s", "sup", "sub", "small", "big", "font", "abbr", "acronym", "strike", "del", "ins",
        "mark", "q", "label", "nobr", "link", "th", "td", "img", "wbr", "xhtml", "zonbook", "copy",
    ];
    kind(name) != Kind::Transparent || PRESENTATIONAL.contains(&name)
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr"
            | "img"
            | "wbr"
            | "col"
            | "area"
            | "base"
            | "input"
            | "meta"
            | "source"
            | "track"
            | "embed"
            | "param"
    )
}

fn is_block(kind: Kind) -> bool {
    !matches!(kind, Kind::Code | Kind::Bold | Kind::Italic | Kind::Link | Kind::Break | Kind::Transparent)
}

/// Inline formatting can only be expressed in Markdown when it does not span
/// blocks; elements for which this returns true are rendered transparently.
fn has_block(elem: &Elem) -> bool {
    elem.children.iter().any(|node| match node {
        Node::Elem(child) => is_block(kind(&child.name)) || has_block(child),
        Node::Text(_) => false,
    })
}

// ---------------------------------------------------------------------------
// Rendering: tree → blocks
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Block {
    /// A single line of inline Markdown.
    Para(String),
    Heading(usize, String),
    /// Preformatted text, rendered as a ```` ```text ```` fence.
    Fence(String),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// Rows of inline cells; the first row is the header.
    Table(Vec<Vec<String>>),
}

/// Inline formatting already in effect; nested `<b><b>` must not emit
/// `****`, and links cannot nest.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    bold: bool,
    italic: bool,
    link: bool,
}

#[derive(Default)]
struct Flow {
    blocks: Vec<Block>,
    line: Inline,
}

impl Flow {
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.line).finish();
        if !text.is_empty() {
            self.blocks.push(Block::Para(escape_line_start(&text)));
        }
    }

    fn push_block(&mut self, block: Option<Block>) {
        self.flush();
        self.blocks.extend(block);
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

fn blocks_of(nodes: &[Node], ctx: Ctx) -> Vec<Block> {
    let mut flow = Flow::default();
    for node in nodes {
        render_node(node, ctx, &mut flow);
    }
    flow.finish()
}

fn render_node(node: &Node, ctx: Ctx, flow: &mut Flow) {
    match node {
        Node::Text(text) => flow.line.text(text, ctx),
        Node::Elem(elem) => render_elem(elem, ctx, flow),
    }
}

fn render_children(elem: &Elem, ctx: Ctx, flow: &mut Flow) {
    for node in &elem.children {
        render_node(node, ctx, flow);
    }
}

fn render_container(elem: &Elem, ctx: Ctx, flow: &mut Flow) {
    flow.flush();
    render_children(elem, ctx, flow);
    flow.flush();
}

fn render_elem(elem: &Elem, ctx: Ctx, flow: &mut Flow) {
    match kind(&elem.name) {
        Kind::Container => render_container(elem, ctx, flow),
        Kind::List { ordered } => flow.push_block(list_block(&elem.children, ordered, ctx)),
        Kind::Item => {
            let items = vec![item_blocks(elem.children.iter(), ctx)];
            flow.push_block(non_empty_list(items, false));
        }
        Kind::Callout(label) => {
            flow.flush();
            flow.blocks.extend(callout(elem, label, ctx));
        }
        Kind::Term => {
            let text = flatten(&blocks_of(&elem.children, Ctx { bold: true, ..ctx }));
            flow.push_block((!text.is_empty()).then(|| Block::Para(format!("**{text}**"))));
        }
        Kind::Pre => flow.push_block(fence_block(elem)),
        Kind::Heading(level) => {
            let text = flatten(&blocks_of(&elem.children, ctx));
            flow.push_block((!text.is_empty()).then_some(Block::Heading(level, text)));
        }
        Kind::Table => {
            flow.flush();
            flow.blocks.extend(table_blocks(elem, ctx));
        }
        Kind::Row => flow.push_block(row_block(elem, ctx)),
        Kind::Break => flow.line.space(),
        Kind::Code | Kind::Bold | Kind::Italic | Kind::Link if !has_block(elem) => {
            inline_elem(elem, ctx, &mut flow.line)
        }
        _ => render_children(elem, ctx, flow),
    }
}

fn list_block(children: &[Node], ordered: bool, ctx: Ctx) -> Option<Block> {
    let mut items: Vec<Vec<Block>> = Vec::new();
    let mut stray: Vec<&Node> = Vec::new();
    for child in children {
        match child {
            Node::Elem(elem) if kind(&elem.name) == Kind::Item => {
                attach_stray(&mut items, item_blocks(stray.drain(..), ctx));
                items.push(item_blocks(elem.children.iter(), ctx));
            }
            other => stray.push(other),
        }
    }
    attach_stray(&mut items, item_blocks(stray.drain(..), ctx));
    non_empty_list(items, ordered)
}

/// Content directly inside `<ul>` is usually a sub-list placed next to its
/// `<li>` instead of inside it, so it belongs to the previous item.
fn attach_stray(items: &mut Vec<Vec<Block>>, blocks: Vec<Block>) {
    if blocks.is_empty() {
        return;
    }
    match items.last_mut() {
        Some(last) => {
            last.extend(blocks);
            *last = merge_paras(std::mem::take(last));
        }
        None => items.push(blocks),
    }
}

fn non_empty_list(items: Vec<Vec<Block>>, ordered: bool) -> Option<Block> {
    let items: Vec<Vec<Block>> = items.into_iter().filter(|item| !item.is_empty()).collect();
    (!items.is_empty()).then_some(Block::List { ordered, items })
}

fn item_blocks<'a>(nodes: impl Iterator<Item = &'a Node>, ctx: Ctx) -> Vec<Block> {
    let mut flow = Flow::default();
    for node in nodes {
        render_node(node, ctx, &mut flow);
    }
    merge_paras(flow.finish())
}

/// Botocore wraps nearly every list item in `<p>`; keeping those as separate
/// paragraphs would make every list loose and spread out.
fn merge_paras(blocks: Vec<Block>) -> Vec<Block> {
    let mut merged: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match (merged.last_mut(), block) {
            (Some(Block::Para(previous)), Block::Para(next)) => {
                previous.push(' ');
                previous.push_str(&next);
            }
            (_, block) => merged.push(block),
        }
    }
    merged
}

fn callout(elem: &Elem, label: &str, ctx: Ctx) -> Vec<Block> {
    let mut blocks = blocks_of(&elem.children, ctx);
    let prefix = format!("**{label}:**");
    match blocks.first_mut() {
        Some(Block::Para(text)) => *text = format!("{prefix} {text}"),
        Some(_) => blocks.insert(0, Block::Para(prefix)),
        None => {}
    }
    blocks
}

/// A Markdown table of the rows, preceded by whatever else the table holds
/// (a caption, stray text).
fn table_blocks(table: &Elem, ctx: Ctx) -> Vec<Block> {
    let mut rows = Vec::new();
    let mut other = Flow::default();
    split_table(&table.children, ctx, &mut rows, &mut other);
    let mut blocks = other.finish();
    let rows: Vec<Vec<String>> =
        rows.into_iter().map(|row| table_cells(row, ctx)).filter(|cells| !cells.is_empty()).collect();
    if !rows.is_empty() {
        blocks.push(Block::Table(rows));
    }
    blocks
}

fn split_table<'a>(nodes: &'a [Node], ctx: Ctx, rows: &mut Vec<&'a Elem>, other: &mut Flow) {
    for node in nodes {
        match node {
            Node::Elem(elem) if kind(&elem.name) == Kind::Row => rows.push(elem),
            Node::Elem(elem) if matches!(elem.name.as_str(), "thead" | "tbody" | "tfoot") => {
                split_table(&elem.children, ctx, rows, other)
            }
            node => render_node(node, ctx, other),
        }
    }
}

fn table_cells(row: &Elem, ctx: Ctx) -> Vec<String> {
    row.children
        .iter()
        .filter_map(|node| match node {
            Node::Elem(cell) => Some(flatten(&blocks_of(&cell.children, ctx)).replace('|', "\\|")),
            Node::Text(_) => None,
        })
        .collect()
}

fn row_block(row: &Elem, ctx: Ctx) -> Option<Block> {
    let cells: Vec<String> = row
        .children
        .iter()
        .map(|cell| flatten(&blocks_of(std::slice::from_ref(cell), ctx)))
        .filter(|cell| !cell.is_empty())
        .collect();
    (!cells.is_empty()).then(|| Block::Para(cells.join(" | ")))
}

fn fence_block(elem: &Elem) -> Option<Block> {
    let mut raw = String::new();
    collect_text(&elem.children, '\n', &mut raw);
    let content = tidy_preformatted(&raw);
    (!content.is_empty()).then_some(Block::Fence(content))
}

/// Joins blocks into one line for places that only take inline content
/// (headings, definition terms, table cells).
fn flatten(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|block| match block {
            Block::Para(text) | Block::Heading(_, text) => text.clone(),
            Block::Fence(content) => code_span(&collapse_ws(content)),
            Block::List { items, .. } => items.iter().map(|item| flatten(item)).collect::<Vec<_>>().join(" "),
            Block::Table(rows) => rows.iter().map(|row| row.join(" | ")).collect::<Vec<_>>().join(" "),
        })
        .filter(|part| !part.is_empty())
        .collect();
    parts.join(" ")
}

fn collect_text(nodes: &[Node], line_break: char, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Elem(elem) if kind(&elem.name) == Kind::Break => out.push(line_break),
            Node::Elem(elem) => collect_text(&elem.children, line_break, out),
        }
    }
}

fn tidy_preformatted(raw: &str) -> String {
    let normalized = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = normalized
        .split('\n')
        .map(|line| {
            let line: String = line
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect::<String>()
                .replace('\t', "    ");
            line.trim_end().to_string()
        })
        .collect();
    let first = lines.iter().position(|line| !line.is_empty());
    let last = lines.iter().rposition(|line| !line.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let lines = &lines[first..=last];
    let indent = lines
        .iter()
        .filter(|line| !line.is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    lines.iter().map(|line| line.get(indent..).unwrap_or("")).collect::<Vec<_>>().join("\n")
}

// ---------------------------------------------------------------------------
// Inline rendering
// ---------------------------------------------------------------------------

/// What the inline buffer ended with, for delimiters that would otherwise
/// fuse with the next one (`` `a``b` ``, `**a****b**`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum Tail {
    #[default]
    Other,
    Code,
    /// A closing emphasis marker. When the emphasized text ends with
    /// punctuation, the marker only closes if no letter follows directly.
    Marker {
        marker: &'static str,
        punct_end: bool,
    },
    /// Whitespace moved out of an element's inner edge; it yields to
    /// punctuation that follows (`<code>X </code>.` means `X.`).
    SoftSpace,
    /// Plain text that the next word continues (see `Inline::run`).
    Text,
}

/// One paragraph being built. Whitespace is collapsed as it arrives; a
/// leading space is kept so that callers can move it outside emphasis.
#[derive(Debug, Default)]
struct Inline {
    out: String,
    tail: Tail,
    /// Start offset in `out` and source text of the trailing plain-text run.
    /// Text split by dropped tags (`http://<x></x>e.com`) is one word to
    /// Markdown, so the run is escaped as a whole to find URLs across splits.
    run: Option<(usize, String)>,
}

/// Longer runs are not re-escaped, which keeps text made of many tiny
/// fragments linear; no real URL is split this far from its start.
const MAX_RUN: usize = 256;

impl Inline {
    fn space(&mut self) {
        if !self.out.ends_with(' ') {
            self.out.push(' ');
            self.tail = Tail::Other;
        }
    }

    fn soft_space(&mut self) {
        self.space();
        self.tail = Tail::SoftSpace;
    }

    fn push_markup(&mut self, markup: &str, tail: Tail) {
        self.out.push_str(markup);
        self.tail = tail;
    }

    fn text(&mut self, text: &str, ctx: Ctx) {
        let mut word_start = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(start) = word_start.take() {
                    self.word(&text[start..i], ctx);
                }
                self.space();
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        if let Some(start) = word_start {
            self.word(&text[start..], ctx);
        }
    }

    fn word(&mut self, word: &str, ctx: Ctx) {
        // `**Note:**The` does not render as bold; `**Note:** The` does.
        if matches!(self.tail, Tail::Marker { punct_end: true, .. })
            && word.starts_with(char::is_alphanumeric)
        {
            self.out.push(' ');
        }
        if self.tail == Tail::SoftSpace
            && word.starts_with([',', '.', ';', ':', '!', '?', ')'])
            && self.out.ends_with(' ')
        {
            self.out.pop();
        }
        let (start, mut raw) = match self.run.take() {
            Some((start, raw)) if self.tail == Tail::Text && raw.len() < MAX_RUN => (start, raw),
            _ => (self.out.len(), String::new()),
        };
        raw.push_str(word);
        self.out.truncate(start);
        // Link text must not contain autolinks (links do not nest), and
        // rustdoc's bare-URL lint ignores link text anyway.
        escape_word(&raw, !ctx.link, &mut self.out);
        self.run = Some((start, raw));
        self.tail = Tail::Text;
    }

    fn code(&mut self, raw: &str) {
        let content = collapse_ws(raw);
        if raw.starts_with(char::is_whitespace) {
            self.space();
        }
        if content.is_empty() {
            return;
        }
        if self.tail == Tail::Code {
            self.space();
        }
        self.push_markup(&code_span(&content), Tail::Code);
        if raw.ends_with(char::is_whitespace) {
            self.soft_space();
        }
    }

    /// Appends `inner` wrapped in an emphasis marker, keeping surrounding
    /// whitespace outside the markers (`** x**` does not render).
    fn emphasis(&mut self, inner: &str, marker: &'static str) {
        if inner.starts_with(' ') {
            self.space();
        }
        let trimmed = inner.trim_matches(' ');
        if trimmed.is_empty() {
            return;
        }
        let tail = Tail::Marker { marker, punct_end: trimmed.ends_with(|c: char| c.is_ascii_punctuation()) };
        // `<b>a</b><b>b</b>`: continue the previous run instead of emitting
        // `**a****b**`.
        let continues = matches!(self.tail, Tail::Marker { marker: previous, .. } if previous == marker)
            && self.out.ends_with(marker);
        if continues {
            self.out.truncate(self.out.len() - marker.len());
            self.push_markup(&format!("{trimmed}{marker}"), tail);
        } else {
            // Adjacent different markers (`**a***b*`) would fuse into one run,
            // and `a**(b)**` does not open: both need a gap.
            let fuses = matches!(self.tail, Tail::Marker { .. });
            let cannot_open = trimmed.starts_with(|c: char| c.is_ascii_punctuation())
                && self.out.ends_with(char::is_alphanumeric);
            if fuses || cannot_open {
                self.space();
            }
            self.push_markup(&format!("{marker}{trimmed}{marker}"), tail);
        }
        self.trailing_space(inner);
    }

    fn trailing_space(&mut self, inner: &str) {
        if inner.ends_with(' ') {
            self.soft_space();
        }
    }

    fn link(&mut self, inner: &str, url: &str) {
        if inner.starts_with(' ') {
            self.space();
        }
        let text = inner.trim_matches(' ');
        if text.is_empty() || text == url {
            self.push_markup(&format!("<{url}>"), Tail::Other);
        } else {
            // `![text](url)` would be an image.
            if self.out.ends_with('!') && !self.out.ends_with("\\!") {
                self.out.pop();
                self.out.push_str("\\!");
            }
            self.push_markup(&format!("[{text}]({url})"), Tail::Other);
        }
        self.trailing_space(inner);
    }

    fn finish(self) -> String {
        self.out.trim_matches(' ').to_string()
    }
}

/// Renders inline content for elements known to contain no blocks.
fn inline_nodes(nodes: &[Node], ctx: Ctx, buf: &mut Inline) {
    for node in nodes {
        match node {
            Node::Text(text) => buf.text(text, ctx),
            Node::Elem(elem) => match kind(&elem.name) {
                Kind::Code | Kind::Bold | Kind::Italic | Kind::Link => inline_elem(elem, ctx, buf),
                Kind::Break => buf.space(),
                _ => inline_nodes(&elem.children, ctx, buf),
            },
        }
    }
}

fn inline_elem(elem: &Elem, ctx: Ctx, buf: &mut Inline) {
    match kind(&elem.name) {
        Kind::Code => {
            let mut raw = String::new();
            collect_text(&elem.children, ' ', &mut raw);
            match sole_link(elem, ctx) {
                // `<code><a href="u">X</a></code>`: Markdown can only nest the
                // other way round, as [`X`](u).
                Some((link, url)) => {
                    let mut link_raw = String::new();
                    collect_text(&link.children, ' ', &mut link_raw);
                    let mut inner = Inline::default();
                    if raw.starts_with(char::is_whitespace) {
                        inner.space();
                    }
                    inner.code(&link_raw);
                    if raw.ends_with(char::is_whitespace) {
                        inner.space();
                    }
                    buf.link(&inner.out, &url);
                }
                None => buf.code(&raw),
            }
        }
        Kind::Bold if !ctx.bold => {
            let mut inner = Inline::default();
            inline_nodes(&elem.children, Ctx { bold: true, ..ctx }, &mut inner);
            buf.emphasis(&inner.out, "**");
        }
        Kind::Italic if !ctx.italic => {
            let mut inner = Inline::default();
            inline_nodes(&elem.children, Ctx { italic: true, ..ctx }, &mut inner);
            buf.emphasis(&inner.out, "*");
        }
        Kind::Link => match link_url(elem).filter(|_| !ctx.link) {
            Some(url) => {
                let mut inner = Inline::default();
                inline_nodes(&elem.children, Ctx { link: true, ..ctx }, &mut inner);
                buf.link(&inner.out, &url);
            }
            None => inline_nodes(&elem.children, ctx, buf),
        },
        _ => inline_nodes(&elem.children, ctx, buf),
    }
}

fn link_url(elem: &Elem) -> Option<String> {
    elem.attr("href").or_else(|| elem.attr("url")).and_then(normalize_href)
}

/// The only element of a `<code>` (whitespace aside), if it is a usable link.
fn sole_link(code: &Elem, ctx: Ctx) -> Option<(&Elem, String)> {
    if ctx.link {
        return None;
    }
    let mut found = None;
    for child in &code.children {
        match child {
            Node::Text(text) if text.trim().is_empty() => {}
            Node::Elem(elem) if kind(&elem.name) == Kind::Link && found.is_none() => found = Some(elem),
            _ => return None,
        }
    }
    let link = found?;
    Some((link, link_url(link)?))
}

/// Turns an `href` into an absolute URL usable as a Markdown link
/// destination, or `None` when it cannot point anywhere useful (fragments
/// and page-relative links have no meaning outside the AWS docs site).
fn normalize_href(href: &str) -> Option<String> {
    let href = href.trim();
    let absolute = if has_scheme(href) {
        href.to_string()
    } else if href.starts_with("//") {
        format!("https:{href}")
    } else if href.starts_with('/') {
        format!("https://docs.aws.amazon.com{href}")
    } else if href.contains("/latest/") {
        // Botocore sometimes drops the leading slash of a docs-site path.
        format!("https://docs.aws.amazon.com/{href}")
    } else {
        return None;
    };
    Some(encode_url(&absolute))
}

fn has_scheme(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && scheme.len() >= 2
        && !rest.is_empty()
}

/// Percent-encodes the characters that would end or confuse a Markdown link
/// destination or autolink.
fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            c if c.is_whitespace() => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whitespace-collapsed, trimmed text without control characters.
fn collapse_ws(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

fn code_span(content: &str) -> String {
    let longest_run = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // A span that starts or ends with a backtick needs padding, which
    // CommonMark strips again.
    if content.starts_with('`') || content.ends_with('`') {
        format!("{fence} {content} {fence}")
    } else {
        format!("{fence}{content}{fence}")
    }
}

// ---------------------------------------------------------------------------
// Text escaping
// ---------------------------------------------------------------------------

/// Escapes one whitespace-free word of text, wrapping bare URLs in `<...>`
/// when `autolink` is set.
fn escape_word(word: &str, autolink: bool, out: &mut String) {
    let mut rest = word;
    while !rest.is_empty() {
        let found = if autolink { find_url(rest) } else { None };
        let Some((start, end)) = found else {
            escape_plain(rest, out);
            return;
        };
        escape_plain(&rest[..start], out);
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
    }
}

/// Finds the first `http://` or `https://` URL in a word; returns its byte range.
fn find_url(word: &str) -> Option<(usize, usize)> {
    let bytes = word.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let scheme_len = scheme_len_at(&bytes[start..]);
        if scheme_len == 0 {
            start += 1;
            continue;
        }
        // `start` is at an ASCII `h`, so these slices are on char boundaries.
        let tail = &word[start + scheme_len..];
        let stop = tail.find(['<', '>', '"', '`', '\\']).unwrap_or(tail.len());
        let url = trim_url_end(&word[start..start + scheme_len + stop]);
        if url[scheme_len..].chars().any(char::is_alphanumeric) {
            return Some((start, start + url.len()));
        }
        start += scheme_len;
    }
    None
}

fn scheme_len_at(bytes: &[u8]) -> usize {
    ["https://", "http://"]
        .iter()
        .find(|scheme| {
            bytes.get(..scheme.len()).is_some_and(|prefix| prefix.eq_ignore_ascii_case(scheme.as_bytes()))
        })
        .map_or(0, |scheme| scheme.len())
}

/// Drops trailing sentence punctuation and unbalanced closing brackets, which
/// belong to the surrounding prose rather than to the URL.
fn trim_url_end(url: &str) -> &str {
    let balance =
        |open: char, close: char| url.matches(open).count() as isize - url.matches(close).count() as isize;
    // Opening minus closing count per bracket kind, updated while stripping.
    let mut brackets = [(')', balance('(', ')')), (']', balance('[', ']')), ('}', balance('{', '}'))];
    let mut end = url.len();
    for (i, c) in url.char_indices().rev() {
        let strip = match c {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' => true,
            _ => match brackets.iter_mut().find(|(close, _)| *close == c) {
                Some((_, balance)) if *balance < 0 => {
                    *balance += 1;
                    true
                }
                _ => false,
            },
        };
        if !strip {
            break;
        }
        end = i;
    }
    &url[..end]
}

fn escape_plain(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                // Intraword underscores never form emphasis; leave
                // identifiers like `API_Foo` readable.
                let prev = i.checked_sub(1).and_then(|p| chars.get(p));
                let next = chars.get(i + 1);
                if !(prev.is_some_and(|c| c.is_alphanumeric()) && next.is_some_and(|c| c.is_alphanumeric())) {
                    out.push('\\');
                }
                out.push('_');
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if looks_like_entity(&chars[i + 1..]) => out.push_str("&amp;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Whether the text after a literal `&` would be decoded by Markdown as an
/// entity reference.
fn looks_like_entity(after: &[char]) -> bool {
    let body = after.strip_prefix(&['#']).unwrap_or(after);
    let len = body.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    len > 0 && body.get(len) == Some(&';')
}

/// Escapes what would start a block construct (list item, heading, table
/// row, setext underline...) at the beginning of a line.
fn escape_line_start(text: &str) -> String {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) && matches!(text[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    match text.chars().next() {
        Some('-' | '+' | '=' | '#' | '|') => format!("\\{text}"),
        _ => text.to_string(),
    }
}

// ---------------------------------------------------------------------------
// Serialization: blocks → lines
// ---------------------------------------------------------------------------

/// Indentation above this would make rustdoc see an indented code block (and
/// compile it as a doctest), so deeper list levels are flattened.
const MAX_INDENT: usize = 3;

fn serialize(blocks: &[Block]) -> String {
    let mut lines = Vec::new();
    write_blocks(blocks, 0, false, &mut lines);
    let mut out = String::new();
    let mut blank_pending = false;
    for line in &lines {
        let line = line.trim_end();
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if blank_pending {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank_pending = false;
        out.push_str(line);
    }
    out
}

fn write_blocks(blocks: &[Block], col: usize, in_item: bool, lines: &mut Vec<String>) {
    let mut previous: Option<&Block> = None;
    for block in blocks {
        if previous.is_some_and(|p| !(in_item && is_tight(p, block))) {
            lines.push(String::new());
        }
        write_block(block, col, lines);
        previous = Some(block);
    }
}

/// Inside a list item, a sub-list may follow text on the next line, which
/// keeps the list compact; everything else (and everything at the top level)
/// is separated by a blank line. A sub-list whose first line is a bare
/// marker must not follow text: an empty item cannot interrupt a paragraph
/// and `-` would turn the text into a heading.
fn is_tight(previous: &Block, next: &Block) -> bool {
    match (previous, next) {
        (Block::Para(_), Block::List { items, .. }) => items.first().is_some_and(|item| !starts_bare(item)),
        _ => false,
    }
}

/// Whether an item's marker line would carry no text of its own.
fn starts_bare(item: &[Block]) -> bool {
    !matches!(item.first(), Some(Block::Para(_) | Block::Heading(..)))
}

fn write_block(block: &Block, col: usize, lines: &mut Vec<String>) {
    let indent = " ".repeat(col);
    match block {
        Block::Para(text) => lines.push(format!("{indent}{text}")),
        Block::Heading(level, text) => lines.push(format!("{indent}{}", heading_line(*level, text))),
        Block::Fence(content) => {
            let longest_run = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat((longest_run + 1).max(3));
            lines.push(format!("{indent}{fence}text"));
            lines.extend(content.split('\n').map(|line| {
                if line.is_empty() {
                    String::new()
                } else {
                    format!("{indent}{line}")
                }
            }));
            lines.push(format!("{indent}{fence}"));
        }
        Block::List { ordered, items } => write_list(*ordered, items, col, lines),
        Block::Table(rows) => write_table(rows, &indent, lines),
    }
}

fn write_table(rows: &[Vec<String>], indent: &str, lines: &mut Vec<String>) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let row_line = |cells: &[String]| {
        let padded: Vec<&str> = (0..columns).map(|i| cells.get(i).map_or("", String::as_str)).collect();
        format!("{indent}| {} |", padded.join(" | "))
    };
    let mut rows = rows.iter();
    lines.push(row_line(rows.next().map_or(&[], Vec::as_slice)));
    lines.push(format!("{indent}|{}", " --- |".repeat(columns)));
    lines.extend(rows.map(|row| row_line(row)));
}

fn heading_line(level: usize, text: &str) -> String {
    // A trailing `#` would be read as the optional closing sequence.
    let text = match text.strip_suffix('#') {
        Some(stripped) if !stripped.ends_with('\\') => format!("{stripped}\\#"),
        _ => text.to_string(),
    };
    format!("{} {text}", "#".repeat(level.clamp(1, 6)))
}

fn write_list(ordered: bool, items: &[Vec<Block>], col: usize, lines: &mut Vec<String>) {
    // Always `1.`: CommonMark numbers the items itself, and a fixed marker
    // width keeps continuation indentation predictable.
    let marker = if ordered { "1." } else { "-" };
    let content_col = col + marker.len() + 1;
    // Past the limit, nested content is written at this list's own column,
    // where it continues the parent item instead (a flatter but safe layout).
    let child_col = if content_col <= MAX_INDENT { content_col } else { col };
    let indent = " ".repeat(col);
    for item in items {
        let (head, rest) = match item.split_first() {
            Some((Block::Para(text), rest)) => (format!("{marker} {text}"), rest),
            Some((Block::Heading(level, text), rest)) => {
                (format!("{marker} {}", heading_line(*level, text)), rest)
            }
            _ => (marker.to_string(), &item[..]),
        };
        lines.push(format!("{indent}{head}"));
        if let (Some(first), Some(next)) = (item.first(), rest.first()) {
            if !starts_bare(item) && !is_tight(first, next) {
                lines.push(String::new());
            }
        }
        write_blocks(rest, child_col, true, lines);
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::html_to_markdown as md;
    use super::*;

    /// Checks the properties every output must have, whatever the input.
    fn assert_well_formed(input: &str, output: &str) {
        assert_eq!(output, output.trim(), "not trimmed for {input:?}");
        assert!(!output.contains("\n\n\n"), "double blank line for {input:?}:\n{output}");
        let mut fence: Option<String> = None;
        for line in output.lines() {
            assert_eq!(line, line.trim_end(), "trailing whitespace for {input:?}:\n{output}");
            let trimmed = line.trim_start();
            if let Some(open) = &fence {
                if trimmed == open {
                    fence = None;
                }
                continue;
            }
            assert!(!line.starts_with("    "), "4-space line for {input:?}:\n{output}");
            assert!(!line.starts_with('\t'), "tab line for {input:?}:\n{output}");
            let ticks: String = trimmed.chars().take_while(|&c| c == '`').collect();
            // A backtick run followed by more backticks is a code span, not a
            // fence (CommonMark forbids backticks in a fence's info string).
            let is_fence = ticks.len() >= 3 && !trimmed[ticks.len()..].contains('`');
            assert!(!trimmed.starts_with("~~~"), "tilde fence for {input:?}:\n{output}");
            if is_fence {
                assert_eq!(&trimmed[ticks.len()..], "text", "untyped fence for {input:?}:\n{output}");
                fence = Some(ticks);
            }
        }
        assert!(fence.is_none(), "unclosed fence for {input:?}:\n{output}");
    }

    fn check(input: &str, expected: &str) {
        let output = md(input);
        assert_eq!(output, expected, "for input {input:?}");
        assert_well_formed(input, &output);
    }

    #[test]
    fn paragraphs() {
        check("<p>One.</p><p>Two.</p>", "One.\n\nTwo.");
        check("<p>  lots   of \n\t space  </p>", "lots of space");
        check("plain text", "plain text");
        check("", "");
        check("<p></p><p> </p>", "");
        check("<p>a</p>\n\n\n<p>b</p>", "a\n\nb");
    }

    #[test]
    fn nested_paragraphs_from_service_docs() {
        check(
            "<p><fullname>Certificate Manager</fullname> <p>You can use ACM.</p></p>",
            "Certificate Manager\n\nYou can use ACM.",
        );
        check("<fullname>Amazon API Gateway</fullname> <p>Helps.</p>", "Amazon API Gateway\n\nHelps.");
    }

    #[test]
    fn code_spans() {
        check("<p>Set <code>MessageAction</code> now.</p>", "Set `MessageAction` now.");
        check("<code>a`b</code>", "``a`b``");
        check("<code>`a</code>", "`` `a ``");
        check("<code></code>x", "x");
        check("a<code> </code>b", "a b");
        check("<code> padded </code>", "`padded`");
        check("x <code>{####}</code> y", "x `{####}` y");
        check("<code>a  \n b</code>", "`a b`");
        check("<code>*_[x]_*</code>", "`*_[x]_*`");
        check("<code>a</code><code>b</code>", "`a` `b`");
        check("see <code>X </code>.", "see `X`.");
        check("see <code>X</code> .", "see `X` .");
        check("<b>x </b>, y", "**x**, y");
        check("<code>a &lt; b</code>", "`a < b`");
    }

    #[test]
    fn placeholders_inside_code_and_text() {
        check("<code>arn:aws:iam::<account-id>:root</code>", "`arn:aws:iam::<account-id>:root`");
        check("<code>/users/<username></code>", "`/users/<username>`");
        check(
            "<p>format arn:aws:kms:<region>:<account>:key/<uuid>.</p>",
            "format arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;uuid&gt;.",
        );
    }

    #[test]
    fn unknown_tags_keep_text() {
        check("<p>Example: <copy>mydbinstance</copy></p>", "Example: mydbinstance");
        check("<text>The version.</text>", "The version.");
        check("<zonbook></zonbook><xhtml></xhtml>", "");
        check("<p>a</p> <para/>", "a");
        check("<foo bar=\"1\">kept</foo>", "kept");
        check("<span class=\"x\">kept</span> too", "kept too");
    }

    #[test]
    fn stray_angle_brackets() {
        check("<p>a < b and c > d</p>", "a &lt; b and c &gt; d");
        check("x <= 5", "x &lt;= 5");
        check("<p>unterminated <b", "unterminated &lt;b");
        check("<a,b>", "&lt;a,b&gt;");
        check("1 <2", "1 &lt;2");
        check("</notopened> x", "&lt;/notopened&gt; x");
    }

    #[test]
    fn pre_blocks() {
        check("<pre><code>let x = 1;\n  y</code></pre>", "```text\nlet x = 1;\n  y\n```");
        check("<pre>\n    indented\n      more\n</pre>", "```text\nindented\n  more\n```");
        check("<pre>a ``` b</pre>", "````text\na ``` b\n````");
        check("<pre>   </pre>", "");
        check(
            "<p>Before <pre><code> &lt;/p&gt; </code></pre> after</p>",
            "Before\n\n```text\n</p>\n```\n\nafter",
        );
        check("<pre>a<br>b</pre>", "```text\na\nb\n```");
        check("<pre>\ttab</pre>", "```text\ntab\n```");
    }

    #[test]
    fn links() {
        check(
            "see <a href=\"https://example.com/x\">the guide</a>.",
            "see [the guide](https://example.com/x).",
        );
        check("<a href=\"https://e.com\">[x]</a>", "[\\[x\\]](https://e.com)");
        check("<a>StartPrimaryEmailUpdate</a>", "StartPrimaryEmailUpdate");
        check("<a href=\"\">text</a>", "text");
        check("<a href=\"https://e.com/\"></a>", "<https://e.com/>");
        check("<a href=\"https://e.com/\">https://e.com/</a>", "<https://e.com/>");
        check("<a href=\" https://e.com/a b(c) \">x</a>", "[x](https://e.com/a%20b%28c%29)");
        check("<a href=\"#NextToken\">NextToken</a>", "NextToken");
        check("<a href=\"API_Foo.html\">Foo</a>", "Foo");
        check(
            "<a href=\"/general/latest/gr/arns.html\">ARNs</a>",
            "[ARNs](https://docs.aws.amazon.com/general/latest/gr/arns.html)",
        );
        check(
            "<a href=\"gamelift/latest/apireference/API_X.html\">X</a>",
            "[X](https://docs.aws.amazon.com/gamelift/latest/apireference/API_X.html)",
        );
        check("<a href=\"mailto:a@b.com\">a@b.com</a>", "[a@b.com](mailto:a@b.com)");
        check("<a href='https://e.com?a=1&amp;b=2'>q</a>", "[q](https://e.com?a=1&b=2)");
        check("<a href=https://e.com>unquoted</a>", "[unquoted](https://e.com)");
        check("<a href=\"https://e.com\"> spaced </a>", "[spaced](https://e.com)");
        check("Wow!<a href=\"https://e.com\">x</a>", "Wow\\![x](https://e.com)");
        check(
            "<a href=\"https://a.com\">outer <a href=\"https://b.com\">inner</a></a>",
            "[outer inner](https://a.com)",
        );
        check("<ulink url=\"http://d.com/x\">Guide</ulink>", "[Guide](http://d.com/x)");
        check("<link linkend=\"Other\">Other</link> op", "Other op");
    }

    #[test]
    fn link_inside_code() {
        check(
            "see <code> <a href=\"https://e.com/Api.html\">CreateModel</a> </code>.",
            "see [`CreateModel`](https://e.com/Api.html).",
        );
        check("<code><a>NoHref</a></code>", "`NoHref`");
        check("<code>x <a href=\"https://e.com\">y</a></code>", "`x y`");
    }

    #[test]
    fn link_text_with_code_and_emphasis() {
        check("<a href=\"https://e.com\"><code>Foo</code></a>", "[`Foo`](https://e.com)");
        check(
            "In <i> <a href=\"https://e.com/s\">sandbox mode</a> </i>, you",
            "In *[sandbox mode](https://e.com/s)*, you",
        );
    }

    #[test]
    fn bare_urls_split_by_dropped_tags() {
        check("http://<unknown>www.e.com</unknown>", "<http://www.e.com>");
        check("ht<b></b>tp://e.com", "<http://e.com>");
        check("x \"http://<span></span>e.com/a_b\" y", "x \"<http://e.com/a_b>\" y");
        check("a_<span>_b</span>", "a\\_\\_b");
        check("http://<b>e.com</b>", "http://**e.com**");
    }

    #[test]
    fn bare_urls() {
        check("see https://example.com/a.", "see <https://example.com/a>.");
        check("(https://e.com/x_(y))", "(<https://e.com/x_(y)>)");
        check("(https://e.com/x)", "(<https://e.com/x>)");
        check("begin with http:// or https://", "begin with http:// or https://");
        check("HTTPS://E.COM", "<HTTPS://E.COM>");
        check("url:https://e.com/*", "url:<https://e.com/*>");
        check("\"https://e.com\"", "\"<https://e.com>\"");
        check("https://s3.<region>.amazonaws.com", "<https://s3>.&lt;region&gt;.amazonaws.com");
        check("<b>https://e.com</b>", "**<https://e.com>**");
    }

    #[test]
    fn lists() {
        check("<ul><li>a</li><li>b</li></ul>", "- a\n- b");
        check("<ol><li>a</li><li>b</li></ol>", "1. a\n1. b");
        check("<ul> <li> <p>a</p> <p>b</p> </li> </ul>", "- a b");
        check("<p>Values:</p><ul><li>x</li></ul><p>After</p>", "Values:\n\n- x\n\nAfter");
        check("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c");
        check("<ol><li>a<ul><li>b</li></ul></li></ol>", "1. a\n   - b");
        check("<ul><li></li><li> </li><li>x</li></ul>", "- x");
        check("<ul></ul>", "");
        check("<ul><li>a<li>b</ul>", "- a\n- b");
        check("<li>orphan</li>", "- orphan");
        check("<ul><li>a</li><ul><li>sub</li></ul></ul>", "- a\n  - sub");
        check("<ul><li>- dash</li><li>1. one</li><li># h</li></ul>", "- \\- dash\n- 1\\. one\n- \\# h");
    }

    #[test]
    fn deep_lists_never_reach_four_spaces() {
        let input = "<ul><li>1<ul><li>2<ul><li>3<ul><li>4</li></ul></li></ul></li></ul></li></ul>";
        check(input, "- 1\n  - 2\n  - 3\n  - 4");
        let input = "<ol><li>1<ol><li>2<ol><li>3</li></ol></li></ol></li></ol>";
        check(input, "1. 1\n   1. 2\n   1. 3");
    }

    #[test]
    fn list_items_with_other_blocks() {
        check("<ul><li><pre>code</pre></li></ul>", "-\n  ```text\n  code\n  ```");
        check("<ul><li>a<pre>code</pre>b</li></ul>", "- a\n\n  ```text\n  code\n  ```\n\n  b");
        check("<ul><li><ul><li>x</li></ul></li></ul>", "-\n  - x");
        check("<ul><li>x<note>careful</note></li></ul>", "- x **Note:** careful");
        check("<ul><li><h3>Title</h3>text</li></ul>", "- ### Title\n\n  text");
        check("<ul><li>a<ul><li><pre>c</pre></li></ul></li></ul>", "- a\n\n  -\n  ```text\n  c\n  ```");
    }

    #[test]
    fn callouts() {
        check("<note><p>Careful.</p></note>", "**Note:** Careful.");
        check("<important><p>A</p><p>B</p></important>", "**Important:** A\n\nB");
        check("<note><ul><li>x</li></ul></note>", "**Note:**\n\n- x");
        check("<note> </note>", "");
        check("<p>Text <note>inside</note> more</p>", "Text\n\n**Note:** inside\n\nmore");
    }

    #[test]
    fn definition_lists() {
        check(
            "<dl><dt>Name</dt><dd><p>The name.</p></dd><dt>Id</dt><dd>The id.</dd></dl>",
            "**Name**\n\nThe name.\n\n**Id**\n\nThe id.",
        );
        check("<dl><dt><b>Bold</b> term</dt><dd>x</dd></dl>", "**Bold term**\n\nx");
        check("<dl><dt>A<dd>a<dt>B<dd>b</dl>", "**A**\n\na\n\n**B**\n\nb");
        check("<dt> </dt>", "");
    }

    #[test]
    fn emphasis() {
        check("<b>bold</b> and <i>it</i>", "**bold** and *it*");
        check("<strong>s</strong><em>e</em>", "**s** *e*");
        check("a<b> spaced </b>b", "a **spaced** b");
        check("<b> </b>x", "x");
        check("a<b></b>b", "ab");
        check("<b>a <b>nested</b></b>", "**a nested**");
        check("<b>a</b><b>b</b>", "**ab**");
        check("<b><i>both</i></b>", "***both***");
        check("<b>Important</b><br>If", "**Important** If");
        check("<b><code>X</code></b>", "**`X`**");
        check("<p><b>unclosed</p><p>next</p>", "**unclosed**\n\nnext");
        check("<replaceable>region</replaceable>", "*region*");
        check("<i>a*b</i>", "*a\\*b*");
        check("<b>a</b><i>b</i>", "**a** *b*");
    }

    #[test]
    fn emphasis_next_to_punctuation_still_renders() {
        check("<p> <b>Note:</b>The limit</p>", "**Note:** The limit");
        check("<li> <b>Default VPC:</b>true</li>", "- **Default VPC:** true");
        check("<b>Note:</b>, x", "**Note:**, x");
        check("a<b>(x)</b>", "a **(x)**");
        check("a <b>(x)</b>", "a **(x)**");
        check("<b><code>X</code></b>s", "**`X`** s");
        check("<b>a:</b><b>b</b>", "**a:b**");
        check("x<i>y</i>z", "x*y*z");
    }

    #[test]
    fn emphasis_spanning_blocks_is_dropped() {
        check("<b><p>one</p><p>two</p></b>", "one\n\ntwo");
        check("<a href=\"https://e.com\"><p>x</p></a>", "x");
    }

    #[test]
    fn headings_tables_and_breaks() {
        check("<h2>Behavior</h2><p>x</p>", "## Behavior\n\nx");
        check("<h3>C#</h3>", "### C\\#");
        check("<h1></h1>", "");
        check(
            "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td></td><td>2</td></tr></table>",
            "| A | B |  |\n| --- | --- | --- |\n| 1 |  | 2 |",
        );
        check(
            "<table> <tbody> <tr> <td>a|b</td> <td><p>x</p><p>y</p></td> </tr> </tbody> </table>",
            "| a\\|b | x y |\n| --- | --- |",
        );
        check("<table> text </table>", "text");
        check(
            "<table><caption>Cap</caption><tbody><tr><td>1</td></tr></tbody></table>",
            "Cap\n\n| 1 |\n| --- |",
        );
        check("<table><tr></tr><tr><td>x</td></tr></table>", "| x |\n| --- |");
        check("<tr><td>loose</td><td>row</td></tr>", "loose | row");
        check("<ul><li>a<table><tr><td>1</td></tr></table></li></ul>", "- a\n\n  | 1 |\n  | --- |");
        check("a<br/>b<br>c", "a b c");
        check("a<hr>b", "a\n\nb");
    }

    #[test]
    fn entities() {
        check("&amp; &lt;b&gt; &quot;q&quot; &#39;s&#39; &apos;", "& &lt;b&gt; \"q\" 's' '");
        check("a&nbsp;b", "a b");
        check("&#65;&#x42;&#X43;", "ABC");
        check("&#150;&#x96;", "––");
        check("&#0; &#xD800; &#99999999;", "\u{FFFD} \u{FFFD} \u{FFFD}");
        check("&unknown; & &; &#; &#xZZ;", "&amp;unknown; & &; &#; &amp;#xZZ;");
        check("AT&amp;T &amp;amp; x", "AT&T &amp;amp; x");
        check("&#x2028;line&#x2028;sep", "line sep");
    }

    #[test]
    fn markdown_escaping() {
        check("[brackets]", "\\[brackets\\]");
        check("a*b*c", "a\\*b\\*c");
        check("API_Name and _private_ and x_", "API_Name and \\_private\\_ and x\\_");
        check("lone ` tick", "lone \\` tick");
        check("back\\slash", "back\\\\slash");
        check("~1 GB to ~2 GB", "\\~1 GB to \\~2 GB");
        check("a | b", "a | b");
        check("# not heading", "\\# not heading");
        check("<p>- not a list</p>", "\\- not a list");
        check("<p>+ plus</p>", "\\+ plus");
        check("<p>2. not ordered</p>", "2\\. not ordered");
        check("<p>2) not ordered</p>", "2\\) not ordered");
        check("<p>===</p>", "\\===");
        check("<p>---</p>", "\\---");
        check("<p>***</p>", "\\*\\*\\*");
        check("<p>&gt; quote</p>", "&gt; quote");
        check("<p>    four spaces</p>", "four spaces");
        check("2024. year", "2024\\. year");
        check("1234567890. big", "1234567890. big");
        check("![x](y)", "!\\[x\\](y)");
        check("[^1]", "\\[^1\\]");
        check("control\u{7}char", "controlchar");
    }

    #[test]
    fn comments_and_declarations() {
        check("a<!-- hidden -->b", "ab");
        check("a<!-- never closed", "a");
        check("<?xml version=\"1.0\"?><p>x</p>", "x");
        check("<!DOCTYPE html><p>x</p>", "x");
        check("a <! b", "a &lt;! b");
        check("x+=<![CDATA[&]]>;{}", "x+=&;{}");
        check("<![CDATA[<b>&amp;</b>]]>", "&lt;b&gt;&&lt;/b&gt;");
        check("a<![CDATA[b", "ab");
    }

    #[test]
    fn unbalanced_markup() {
        check("<p>a</b></i></p>", "a");
        check("</p>a", "a");
        check("<p><i>a</p>b", "*a*\n\nb");
        check("<ul><li><p>a</ul>b", "- a\n\nb");
    }

    #[test]
    fn real_cognito_snippet() {
        let input = "<p>If <code>MessageAction</code> isn't set, the default is to send a welcome message.</p> \
            <note> <p>Register with <a href=\"https://console.aws.amazon.com/pinpoint/home/\">Amazon Pinpoint</a>.</p> \
            <p class=\"title\"> <b>Learn more</b> </p> <ul> <li> <p> <a href=\"https://docs.aws.amazon.com/IAM/x.html\">Signing</a> </p> </li> \
            <li> <p>Plain</p> </li> </ul> </note>";
        check(
            input,
            "If `MessageAction` isn't set, the default is to send a welcome message.\n\n\
             **Note:** Register with [Amazon Pinpoint](https://console.aws.amazon.com/pinpoint/home/).\n\n\
             **Learn more**\n\n\
             - [Signing](https://docs.aws.amazon.com/IAM/x.html)\n\
             - Plain",
        );
    }

    #[test]
    fn output_is_deterministic() {
        let input = "<p>a <b>b</b> <a href=\"https://e.com\">c</a></p><ul><li>d</li></ul>";
        assert_eq!(md(input), md(input));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let input = "<b><i>".repeat(20_000) + "x";
        let output = md(&input);
        assert!(output.contains('x'));
        assert_well_formed(&input, &output);
        let input = "<ul><li>".repeat(5_000) + "x";
        assert_well_formed(&input, &md(&input));
        let input = "<p>".repeat(50_000);
        assert_eq!(md(&input), "");
    }

    #[test]
    fn pathological_inputs_stay_fast() {
        let inputs = [
            "<a href=\"".repeat(20_000),
            "<!x ".repeat(20_000),
            "&".repeat(100_000),
            "<".repeat(100_000),
            "<a ".repeat(20_000),
            "https://".repeat(20_000),
            "http://a<".repeat(20_000),
            format!("http://a{}", ")".repeat(100_000)),
            "<!<".repeat(30_000),
            "a<x/>".repeat(20_000),
        ];
        for input in &inputs {
            assert_well_formed(input, &md(input));
        }
    }

    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    #[test]
    fn fuzz_random_bytes() {
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3_000 {
            let len = rng.below(200);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let input = String::from_utf8_lossy(&bytes);
            let output = md(&input);
            assert_well_formed(&input, &output);
        }
    }

    #[test]
    fn fuzz_markup_soup() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<ul>",
            "</ul>",
            "<ol>",
            "</ol>",
            "<li>",
            "</li>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<code>",
            "</code>",
            "<pre>",
            "</pre>",
            "<note>",
            "</note>",
            "<important>",
            "</important>",
            "<dl>",
            "<dt>",
            "</dt>",
            "<dd>",
            "</dd>",
            "</dl>",
            "<a href=\"https://e.com/x\">",
            "<a href=\"/p/latest/x.html\">",
            "<a>",
            "</a>",
            "<br>",
            "<br/>",
            "<h2>",
            "</h2>",
            "<table>",
            "<tr>",
            "<td>",
            "</td>",
            "</tr>",
            "<unknown>",
            "</unknown>",
            "<x-y>",
            "text",
            " ",
            "  ",
            "\n",
            "\t",
            "[",
            "]",
            "*",
            "_",
            "`",
            "``",
            "#",
            "-",
            "1.",
            "+",
            "=",
            "~",
            "&amp;",
            "&lt;",
            "&gt;",
            "&#65;",
            "&#x;",
            "&",
            "<",
            ">",
            "https://e.com/a",
            "http://",
            "\\",
            "!",
            "|",
            "é",
            "\u{2028}",
            "<!--",
            "-->",
            "<p/>",
            "<a href=\"",
            "\"",
            "'",
            "    ",
            "```",
            "~~~",
            "<fullname>",
            "</fullname>",
            "<strong>",
            "<em>",
            "</em>",
        ];
        let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
        for _ in 0..20_000 {
            let count = rng.below(40);
            let input: String = (0..count).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            let output = md(&input);
            assert_well_formed(&input, &output);
            assert_eq!(output, md(&input), "nondeterministic for {input:?}");
        }
    }

    #[test]
    fn fuzz_truncated_real_docs() {
        const DOCS: &[&str] = &[
            "<p>Creates a new user in the specified user pool.</p> <p>If <code>MessageAction</code> isn't set, the default is to send a welcome message via email or phone (SMS).</p> <note> <p>This action might generate an SMS text message. Register with <a href=\"https://console.aws.amazon.com/pinpoint/home/\">Amazon Pinpoint</a>.</p> <p class=\"title\"> <b>Learn more</b> </p> <ul> <li> <p> <a href=\"https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_aws-signing.html\">Signing Amazon Web Services API Requests</a> </p> </li> </ul> </note>",
            "<p>Cannot create the branch. <pre><code> Branch names must be unique.&lt;/p&gt; </code></pre>",
            "<p><b>Important</b><br>If the value of SnapshotRetentionLimit is set to zero (0), backups are turned off.</p> <table> <tr> <th>Scenarios</th> <th>Pending Operation</th> </tr> <tr> <td>Scenario-1</td> <td>Delete</td> </tr> </table>",
            "<dl> <dt>PENDING</dt> <dd> <p>The job is <i>pending</i>.</p> </dd> <dt>DONE</dt> <dd><ul><li><p>one</p><ul><li>two<ul><li>three</li></ul></li></ul></li></ul></dd></dl>",
            "<p>Constrained KMS key ARN string matching the format arn:aws:kms:<region>:<account>:key/<uuid>. See https://docs.aws.amazon.com/kms/ for [details].</p>",
        ];
        for doc in DOCS {
            for (end, _) in doc.char_indices() {
                for start in [0, end / 2, end.saturating_sub(7)] {
                    if let Some(slice) = doc.get(start..end) {
                        assert_well_formed(slice, &md(slice));
                    }
                }
            }
        }
    }

    #[test]
    fn tokenizer_shapes() {
        assert_eq!(
            tokenize("a<b class='x' d>c</b >"),
            vec![
                Token::Text("a".into()),
                Token::Open {
                    name: "b".into(),
                    attrs: vec![("class".into(), "x".into()), ("d".into(), String::new())],
                    self_closing: false,
                    raw: "<b class='x' d>".into(),
                },
                Token::Text("c".into()),
                Token::Close { name: "b".into(), raw: "</b >".into() },
            ]
        );
        assert_eq!(
            tokenize("<BR/>"),
            vec![Token::Open { name: "br".into(), attrs: vec![], self_closing: true, raw: "<BR/>".into() }]
        );
        assert_eq!(tokenize("a <b"), vec![Token::Text("a <b".into())]);
    }

    #[test]
    fn helpers() {
        assert_eq!(code_span("a``b"), "```a``b```");
        assert_eq!(trim_url_end("https://e.com/a)."), "https://e.com/a");
        assert_eq!(trim_url_end("https://e.com/(a)"), "https://e.com/(a)");
        assert_eq!(trim_url_end("https://e.com/(a)))."), "https://e.com/(a)");
        assert_eq!(trim_url_end("https://e.com/a]},"), "https://e.com/a");
        assert_eq!(find_url("xHtTp://é.com"), Some((1, 14)));
        assert_eq!(find_url("éhttps://"), None);
        assert_eq!(find_url("https://..."), None);
        assert_eq!(escape_line_start("10) x"), "10\\) x");
        assert_eq!(normalize_href("://x"), None);
        assert_eq!(normalize_href("s3://bucket/key").as_deref(), Some("s3://bucket/key"));
        assert_eq!(tidy_preformatted("\n\n  a\n\n    b\n\n"), "a\n\n  b");
    }
}

/// The Markdown [`html_to_markdown`] writes, as plain text for a terminal (the command line's
/// help): links become their text, emphasis and code marks go, escapes are undone, code blocks
/// keep their lines indented. Paragraphs stay separated by blank lines; the reader wraps them.
pub fn markdown_to_text(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str("    ");
            out.push_str(line);
        } else {
            inline_text(line, &mut out);
        }
        out.push('\n');
    }
    out.trim_end().to_owned()
}

fn inline_text(line: &str, out: &mut String) {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if chars.get(i + 1).is_some_and(char::is_ascii_punctuation) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                let fence: String = "`".repeat(run);
                let rest: String = chars[i + run..].iter().collect();
                match rest.find(&fence) {
                    Some(end) => {
                        let code = &rest[..end];
                        let code = if run > 1 { code.strip_prefix(' ').unwrap_or(code) } else { code };
                        let code = if run > 1 { code.strip_suffix(' ').unwrap_or(code) } else { code };
                        out.push_str(code);
                        i += run + rest[..end].chars().count() + run;
                    }
                    None => {
                        out.push_str(&fence);
                        i += run;
                    }
                }
            }
            // A list item's marker stays; other stars are emphasis.
            '*' if i == 0 && chars.get(1) == Some(&' ') => {
                out.push('-');
                i += 1;
            }
            '*' => i += 1,
            '[' => {
                // `[text](url)`: the text.
                let rest: String = chars[i + 1..].iter().collect();
                match link_end(&rest) {
                    Some((text, consumed)) => {
                        inline_text(&text, out);
                        i += 1 + consumed;
                    }
                    None => {
                        out.push('[');
                        i += 1;
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// For `text](url)…`: the link text and the characters of `text](url)`.
fn link_end(rest: &str) -> Option<(String, usize)> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (index, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' if depth > 0 => depth -= 1,
            ']' => {
                let after = &rest[index + 1..];
                let url = after.strip_prefix('(')?;
                let close = url.find(')')?;
                let text = rest[..index].to_owned();
                let consumed = rest[..index].chars().count() + 2 + url[..close].chars().count() + 1;
                return Some((text, consumed));
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod text_tests {
    use super::*;

    #[test]
    fn markdown_becomes_terminal_text() {
        let html = "<p>See <a href=\"https://docs.aws.amazon.com/x\">Adding <b>groups</b></a> in the <i>Developer Guide</i>. Set <code>USERNAME</code> to a value like <code>a*b[c]</code>.</p><ul><li><p>One</p></li><li><p>Two</p></li></ul>";
        let text = markdown_to_text(&html_to_markdown(html));
        assert_eq!(
            text,
            "See Adding groups in the Developer Guide. Set USERNAME to a value like a*b[c].\n\n- One\n- Two"
        );
    }
}
