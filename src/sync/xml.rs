//! The XML of WebDAV (RFC 4918), CardDAV (RFC 6352), CalDAV (RFC 4791) and
//! collection sync (RFC 6578): request bodies out, `multistatus` answers in.
//!
//! Answers are read by namespace and local name (`roxmltree`), never by prefix:
//! servers choose their own prefixes (`D:`, `ns0:`, none at all).

use roxmltree::{Document, Node};

/// The WebDAV namespace.
pub const DAV: &str = "DAV:";
/// The CardDAV namespace.
pub const CARDDAV: &str = "urn:ietf:params:xml:ns:carddav";
/// The CalDAV namespace.
pub const CALDAV: &str = "urn:ietf:params:xml:ns:caldav";

const HEADER: &str = r#"<?xml version="1.0" encoding="utf-8"?>"#;

/// Escapes text for an XML element or attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A PROPFIND body asking for the given properties (already written with the
/// prefixes `d:` for DAV, `card:` for CardDAV and `cal:` for CalDAV).
pub fn propfind(props: &[&str]) -> String {
    format!(
        r#"{HEADER}<d:propfind xmlns:d="DAV:" xmlns:card="{CARDDAV}" xmlns:cal="{CALDAV}"><d:prop>{}</d:prop></d:propfind>"#,
        props.iter().map(|p| format!("<{p}/>")).collect::<String>()
    )
}

/// An RFC 6578 sync-collection REPORT: what changed since `token` (all when `None`).
pub fn sync_collection(token: Option<&str>) -> String {
    let token = match token {
        Some(t) => format!("<d:sync-token>{}</d:sync-token>", escape(t)),
        None => "<d:sync-token/>".to_owned(),
    };
    format!(
        r#"{HEADER}<d:sync-collection xmlns:d="DAV:">{token}<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"#
    )
}

/// What kind of objects a collection holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A CardDAV address book (vCards).
    AddressBook,
    /// A CalDAV calendar (iCalendar objects).
    Calendar,
}

/// An addressbook-multiget or calendar-multiget REPORT for `hrefs` (paths).
pub fn multiget(kind: Kind, hrefs: &[String]) -> String {
    let hrefs: String = hrefs
        .iter()
        .map(|h| format!("<d:href>{}</d:href>", escape(h)))
        .collect();
    match kind {
        Kind::AddressBook => format!(
            r#"{HEADER}<card:addressbook-multiget xmlns:d="DAV:" xmlns:card="{CARDDAV}"><d:prop><d:getetag/><card:address-data/></d:prop>{hrefs}</card:addressbook-multiget>"#
        ),
        Kind::Calendar => format!(
            r#"{HEADER}<cal:calendar-multiget xmlns:d="DAV:" xmlns:cal="{CALDAV}"><d:prop><d:getetag/><cal:calendar-data/></d:prop>{hrefs}</cal:calendar-multiget>"#
        ),
    }
}

/// An extended MKCOL (RFC 5689) body making an address book named `name`.
pub fn mkcol_addressbook(name: &str) -> String {
    format!(
        r#"{HEADER}<d:mkcol xmlns:d="DAV:" xmlns:card="{CARDDAV}"><d:set><d:prop><d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><d:displayname>{}</d:displayname></d:prop></d:set></d:mkcol>"#,
        escape(name)
    )
}

/// A MKCALENDAR body making a calendar named `name` for the given components
/// (`VJOURNAL`, `VTODO`, `VEVENT`).
pub fn mkcalendar(name: &str, components: &[&str]) -> String {
    let comps: String = components
        .iter()
        .map(|c| format!(r#"<cal:comp name="{c}"/>"#))
        .collect();
    format!(
        r#"{HEADER}<cal:mkcalendar xmlns:d="DAV:" xmlns:cal="{CALDAV}"><d:set><d:prop><d:displayname>{}</d:displayname><cal:supported-calendar-component-set>{comps}</cal:supported-calendar-component-set></d:prop></d:set></cal:mkcalendar>"#,
        escape(name)
    )
}

/// The properties keepwarm reads, from the `propstat`s that succeeded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Props {
    /// `getetag`, quotes kept (it is sent back as is in `If-Match`).
    pub etag: Option<String>,
    /// The local names of the `resourcetype` children (`collection`, `addressbook`, `calendar`…).
    pub resource_types: Vec<String>,
    /// `displayname`.
    pub display_name: Option<String>,
    /// `current-user-principal`'s href.
    pub current_user_principal: Option<String>,
    /// `addressbook-home-set` hrefs.
    pub addressbook_home_set: Vec<String>,
    /// `calendar-home-set` hrefs.
    pub calendar_home_set: Vec<String>,
    /// The collection's `sync-token` property.
    pub sync_token: Option<String>,
    /// The `supported-calendar-component-set` (`VEVENT`, `VTODO`, `VJOURNAL`).
    pub components: Vec<String>,
    /// `address-data` or `calendar-data`: the object itself.
    pub data: Option<String>,
}

/// One `response` of a multistatus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The resource's href, percent-decoding left to the caller.
    pub href: String,
    /// The response-level status (a removed member in a sync report has 404 here).
    pub status: Option<u16>,
    /// The properties found.
    pub props: Props,
}

/// A whole `multistatus` answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Multistatus {
    /// Its responses, in order.
    pub responses: Vec<Response>,
    /// The new sync token of a sync-collection report.
    pub sync_token: Option<String>,
}

/// Reads a multistatus answer; the error says what is wrong in words.
pub fn parse_multistatus(body: &str) -> Result<Multistatus, String> {
    let doc = Document::parse(body).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    if !is(root, DAV, "multistatus") {
        return Err(format!(
            "expected a DAV multistatus, found <{}>",
            root.tag_name().name()
        ));
    }
    let mut out = Multistatus::default();
    for child in root.children().filter(Node::is_element) {
        if is(child, DAV, "sync-token") {
            out.sync_token = Some(text_of(child));
        } else if is(child, DAV, "response") {
            out.responses.push(parse_response(child)?);
        }
    }
    Ok(out)
}

fn parse_response(node: Node<'_, '_>) -> Result<Response, String> {
    let mut href = None;
    let mut status = None;
    let mut props = Props::default();
    for child in node.children().filter(Node::is_element) {
        if is(child, DAV, "href") && href.is_none() {
            href = Some(text_of(child));
        } else if is(child, DAV, "status") {
            status = parse_status(&text_of(child));
        } else if is(child, DAV, "propstat") {
            let ok = child
                .children()
                .find(|n| is(*n, DAV, "status"))
                .and_then(|n| parse_status(&text_of(n)))
                .is_none_or(|s| (200..300).contains(&s));
            if !ok {
                continue;
            }
            for prop in child.children().filter(|n| is(*n, DAV, "prop")) {
                read_props(prop, &mut props);
            }
        }
    }
    let href = href.ok_or("a response without an href")?;
    Ok(Response {
        href,
        status,
        props,
    })
}

fn read_props(prop: Node<'_, '_>, props: &mut Props) {
    for p in prop.children().filter(Node::is_element) {
        let ns = p.tag_name().namespace().unwrap_or("");
        match (ns, p.tag_name().name()) {
            (DAV, "getetag") => props.etag = Some(text_of(p)).filter(|e| !e.is_empty()),
            (DAV, "resourcetype") => {
                props.resource_types = p
                    .children()
                    .filter(Node::is_element)
                    .map(|t| t.tag_name().name().to_owned())
                    .collect()
            }
            (DAV, "displayname") => props.display_name = Some(text_of(p)),
            (DAV, "current-user-principal") => props.current_user_principal = hrefs(p).pop(),
            (DAV, "sync-token") => props.sync_token = Some(text_of(p)).filter(|t| !t.is_empty()),
            (CARDDAV, "addressbook-home-set") => props.addressbook_home_set = hrefs(p),
            (CALDAV, "calendar-home-set") => props.calendar_home_set = hrefs(p),
            (CALDAV, "supported-calendar-component-set") => {
                props.components = p
                    .children()
                    .filter(|c| is(*c, CALDAV, "comp"))
                    .filter_map(|c| c.attribute("name"))
                    .map(str::to_ascii_uppercase)
                    .collect()
            }
            (CARDDAV, "address-data") | (CALDAV, "calendar-data") => {
                // The object's text as is: CRLF and folding matter to its parser.
                props.data = Some(p.text().map(str::to_owned).unwrap_or_else(|| {
                    p.descendants()
                        .filter(Node::is_text)
                        .filter_map(|t| t.text())
                        .collect()
                }))
            }
            _ => {}
        }
    }
}

fn hrefs(node: Node<'_, '_>) -> Vec<String> {
    node.children()
        .filter(|n| is(*n, DAV, "href"))
        .map(text_of)
        .filter(|h| !h.is_empty())
        .collect()
}

fn is(node: Node<'_, '_>, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

fn text_of(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// `HTTP/1.1 404 Not Found` → 404.
fn parse_status(line: &str) -> Option<u16> {
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Whether an error answer names an RFC 6578 `valid-sync-token` precondition:
/// the token is too old and the collection must be read again from scratch.
pub fn names_invalid_sync_token(body: &str) -> bool {
    Document::parse(body)
        .map(|doc| doc.descendants().any(|n| is(n, DAV, "valid-sync-token")))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_sync_report_with_any_prefixes() {
        let body = r#"<?xml version="1.0"?>
<ns0:multistatus xmlns:ns0="DAV:"><ns0:response><ns0:href>/a/b%20c.vcf</ns0:href>
<ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status><ns0:prop><ns0:getetag>"e1"</ns0:getetag></ns0:prop></ns0:propstat></ns0:response>
<ns0:response><ns0:href>/a/gone.vcf</ns0:href><ns0:status>HTTP/1.1 404 Not Found</ns0:status></ns0:response>
<ns0:sync-token>tok-2</ns0:sync-token></ns0:multistatus>"#;
        let ms = parse_multistatus(body).unwrap();
        assert_eq!(ms.sync_token.as_deref(), Some("tok-2"));
        assert_eq!(ms.responses.len(), 2);
        assert_eq!(ms.responses[0].href, "/a/b%20c.vcf");
        assert_eq!(ms.responses[0].props.etag.as_deref(), Some("\"e1\""));
        assert_eq!(ms.responses[1].status, Some(404));
    }

    #[test]
    fn reads_homes_types_components_and_data() {
        let body = r#"<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:CR="urn:ietf:params:xml:ns:carddav">
<response><href>/u/</href><propstat><prop>
<current-user-principal><href>/u/</href></current-user-principal>
<CR:addressbook-home-set><href>/u/</href></CR:addressbook-home-set>
<C:calendar-home-set><href>/u/cal/</href></C:calendar-home-set>
<resourcetype><collection/><C:calendar/></resourcetype>
<C:supported-calendar-component-set><C:comp name="VTODO"/><C:comp name="vjournal"/></C:supported-calendar-component-set>
<C:calendar-data>BEGIN:VCALENDAR&#13;
END:VCALENDAR&#13;
</C:calendar-data>
</prop><status>HTTP/1.1 200 OK</status></propstat>
<propstat><prop><displayname>missing</displayname></prop><status>HTTP/1.1 404 Not Found</status></propstat>
</response></multistatus>"#;
        let p = &parse_multistatus(body).unwrap().responses[0].props;
        assert_eq!(p.current_user_principal.as_deref(), Some("/u/"));
        assert_eq!(p.addressbook_home_set, ["/u/"]);
        assert_eq!(p.calendar_home_set, ["/u/cal/"]);
        assert_eq!(p.resource_types, ["collection", "calendar"]);
        assert_eq!(p.components, ["VTODO", "VJOURNAL"]);
        assert_eq!(
            p.data.as_deref(),
            Some("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        );
        // A property the server does not have is not taken from a 404 propstat.
        assert_eq!(p.display_name, None);
    }

    #[test]
    fn malformed_and_foreign_xml_are_errors() {
        assert!(parse_multistatus("<multistatus xmlns=\"DAV:\"><response>").is_err());
        assert!(parse_multistatus("<html><body>Login</body></html>").is_err());
        assert!(parse_multistatus("not xml at all").is_err());
    }

    #[test]
    fn request_bodies_escape_what_they_carry() {
        let body = multiget(Kind::AddressBook, &["/a/x&y.vcf".into()]);
        assert!(body.contains("<d:href>/a/x&amp;y.vcf</d:href>"));
        assert!(Document::parse(&body).is_ok());
        assert!(Document::parse(&sync_collection(Some("a<b"))).is_ok());
        assert!(Document::parse(&mkcalendar("k & w", &["VTODO"])).is_ok());
        assert!(Document::parse(&mkcol_addressbook("<x>")).is_ok());
        assert!(Document::parse(&propfind(&["d:getetag", "card:addressbook-home-set"])).is_ok());
    }

    #[test]
    fn an_expired_token_is_recognised() {
        assert!(names_invalid_sync_token(
            r#"<D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>"#
        ));
        assert!(!names_invalid_sync_token("<error/>"));
    }
}
