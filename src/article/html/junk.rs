//! Page chrome: elements that are never article text, judged by tag, role, hiding
//! attributes, and words in their class or id.

use scraper::ElementRef;

/// Elements never part of an article's text.
const JUNK_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "figcaption",
    "button",
    "select",
    "textarea",
    "template",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "dialog",
    "menu",
    "head",
    "title",
    "input",
    "option",
    "label",
    "math",
];

/// ARIA roles of page chrome.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "tooltip",
];

/// Words in a class or id (split at `-` and `_`) that mark page chrome wherever they occur
/// ("article-share", "story-related", "post-tags").
const STRONG_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "promo",
    "promotion",
    "share",
    "sharing",
    "sharebar",
    "social",
    "related",
    "recommended",
    "recirc",
    "comment",
    "comments",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "tooltip",
    "outbrain",
    "taboola",
    "paywall",
    "byline",
    "caption",
    "credit",
    "tags",
    "taglist",
    "copyright",
    "copyrights",
];

/// Layout words that mark chrome unless a content word sits beside them
/// ("l-sidebar-fixed l-article-body" is the article's column).
const WEAK_WORDS: &[&str] = &[
    "menu",
    "nav",
    "navbar",
    "navigation",
    "sidebar",
    "toolbar",
    "masthead",
    "footer",
    "header",
    "topics",
    "gallery",
    "slideshow",
    "carousel",
    "slider",
    "meta",
];

/// Content words that cancel a weak word in the same element.
const CONTENT_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "story", "text", "post",
];

/// Starts of class or id words that mark page chrome even when run together with another
/// word ("captionlink", "sharebar", "newsletterbox").
const STRONG_PREFIXES: &[&str] = &[
    "caption",
    "share",
    "social",
    "related",
    "newsletter",
    "subscri",
    "cookie",
    "breadcrumb",
    "popup",
    "tooltip",
    "promo",
    "sponsor",
    "advert",
];

/// Weak prefixes and suffixes ("sidebarleft", "bottommeta").
const WEAK_PREFIXES: &[&str] = &["sidebar", "navbar", "gallery", "slideshow", "carousel"];

/// Whole class names that hide an element.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "d-none",
    "invisible",
];

/// True for elements that are page chrome or hidden, judged by the element alone.
pub(super) fn is_junk(el: ElementRef<'_>) -> bool {
    junk_by_markup(el) || junk_by_words(el)
}

/// Tag names, roles and hiding attributes: markup that says "not content" outright.
pub(super) fn junk_by_markup(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if JUNK_TAGS.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if e.attr("role")
        .is_some_and(|r| JUNK_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    e.classes()
        .any(|c| HIDDEN_CLASSES.contains(&c.to_ascii_lowercase().as_str()))
}

/// Class and id words hinting at ads, share bars, related links, comments, menus ...
fn junk_by_words(el: ElementRef<'_>) -> bool {
    let e = el.value();
    let words: Vec<String> = e
        .classes()
        .chain(e.id())
        .flat_map(|name| name.split(['-', '_', ' ']))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let strong = words.iter().any(|w| {
        STRONG_WORDS.contains(&w.as_str()) || STRONG_PREFIXES.iter().any(|p| w.starts_with(p))
    });
    // "entry-meta", "read__bottommeta": a class whose last word is metadata (byline, date,
    // tags); "wrapper_meta_field" is not.
    let meta = e.classes().chain(e.id()).any(|name| {
        name.rsplit(['-', '_'])
            .next()
            .is_some_and(|last| last.to_ascii_lowercase().ends_with("meta"))
    });
    if meta {
        return true;
    }
    if strong {
        return true;
    }
    let weak = words.iter().any(|w| {
        WEAK_WORDS.contains(&w.as_str()) || WEAK_PREFIXES.iter().any(|p| w.starts_with(p))
    });
    weak && !words.iter().any(|w| CONTENT_WORDS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn first_div_is_junk(html: &str) -> bool {
        let doc = Html::parse_fragment(html);
        let div = doc
            .root_element()
            .descendent_elements()
            .find(|e| e.value().name() == "div")
            .expect("a div");
        is_junk(div)
    }

    #[test]
    fn chrome_by_words_roles_and_hiding() {
        assert!(first_div_is_junk(r#"<div class="ad-slot">x</div>"#));
        assert!(first_div_is_junk(
            r#"<div class="captionlink fade">x</div>"#
        ));
        assert!(first_div_is_junk(r#"<div id="related_stories">x</div>"#));
        assert!(first_div_is_junk(r#"<div class="read__tooltip">x</div>"#));
        assert!(first_div_is_junk(r#"<div role="navigation">x</div>"#));
        assert!(first_div_is_junk(r#"<div aria-hidden="true">x</div>"#));
        assert!(first_div_is_junk(r#"<div style="display: none">x</div>"#));
        assert!(first_div_is_junk(r#"<div class="hidden">x</div>"#));
        assert!(first_div_is_junk(r#"<div class="entry-meta">x</div>"#));
        assert!(first_div_is_junk(
            r#"<div class="read__bottommeta">x</div>"#
        ));
    }

    #[test]
    fn content_words_are_not_chrome() {
        assert!(!first_div_is_junk(
            r#"<div class="entry-content article-body">x</div>"#
        ));
        assert!(!first_div_is_junk(r#"<div class="hidden-xs">x</div>"#));
        assert!(!first_div_is_junk(
            r#"<div class="person_tag read__tag">x</div>"#
        ));
        assert!(!first_div_is_junk(r#"<div class="commentary">x</div>"#));
        assert!(!first_div_is_junk(
            r#"<div class="l-sidebar-fixed l-article-body">x</div>"#
        ));
        assert!(!first_div_is_junk(
            r#"<div class="wrapper_meta_field type_rich_text">x</div>"#
        ));
        assert!(first_div_is_junk(r#"<div class="article-share">x</div>"#));
    }
}
