//! Contacts out: vCard 4.0 (written by `calcard`: CRLF, folding at 75 octets on
//! character boundaries, text escaping) and a Google-compatible CSV with
//! keepwarm's own columns, both of which import back to the same contacts.

use std::io::Write;

use calcard::common::PartialDateTime;
use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue, VCardVersion};

use crate::model::Contact;

type IoResult = std::io::Result<()>;

/// The vCard property that carries one of keepwarm's tags.
pub(crate) const TAG_PROPERTY: &str = "X-KEEPWARM-TAG";

fn entry(name: VCardProperty, values: Vec<VCardValue>) -> VCardEntry {
    VCardEntry {
        group: None,
        name,
        params: Vec::new(),
        values,
    }
}

fn text(s: &str) -> VCardValue {
    VCardValue::Text(s.to_owned())
}

/// One contact as a vCard 4.0 card (calcard adds BEGIN, VERSION and END).
pub fn to_vcard(c: &Contact) -> VCard {
    let mut entries = vec![
        entry(VCardProperty::Uid, vec![text(&c.uid)]),
        entry(VCardProperty::Fn, vec![text(&c.name)]),
        entry(
            VCardProperty::N,
            vec![
                text(&c.family_name),
                text(&c.given_name),
                text(""),
                text(""),
                text(""),
            ],
        ),
    ];
    entries.extend(
        c.emails
            .iter()
            .map(|e| entry(VCardProperty::Email, vec![text(e)])),
    );
    entries.extend(
        c.phones
            .iter()
            .map(|p| entry(VCardProperty::Tel, vec![text(p)])),
    );
    if let Some(company) = &c.company {
        entries.push(entry(VCardProperty::Org, vec![text(company)]));
    }
    if let Some(title) = &c.title {
        entries.push(entry(VCardProperty::Title, vec![text(title)]));
    }
    if let Some(b) = c.birthday {
        // Year-less birthdays come out as --MMDD, the form every reader knows.
        let date = PartialDateTime {
            year: b.year.and_then(|y| u16::try_from(y).ok()),
            month: u8::try_from(b.month).ok(),
            day: u8::try_from(b.day).ok(),
            ..PartialDateTime::default()
        };
        entries.push(entry(
            VCardProperty::Bday,
            vec![VCardValue::PartialDateTime(date)],
        ));
    }
    if !c.interests.is_empty() {
        entries.push(entry(
            VCardProperty::Categories,
            c.interests.iter().map(|i| text(i)).collect(),
        ));
    }
    // Tags are keepwarm's own: other apps read CATEGORIES as interests would be.
    entries.extend(
        c.tags
            .iter()
            .map(|t| entry(VCardProperty::Other(TAG_PROPERTY.into()), vec![text(t)])),
    );
    if !c.notes.is_empty() {
        entries.push(entry(VCardProperty::Note, vec![text(&c.notes)]));
    }
    entries.push(entry(
        VCardProperty::Other("X-KEEPWARM-CIRCLE".into()),
        vec![text(c.circle.as_str())],
    ));
    if c.paused {
        entries.push(entry(
            VCardProperty::Other("X-KEEPWARM-PAUSED".into()),
            vec![text("true")],
        ));
    }
    VCard { entries }
}

/// Writes every contact as vCard 4.0: UTF-8 without BOM, CRLF, folded lines.
pub fn write_vcards(contacts: &[Contact], out: &mut impl Write) -> IoResult {
    let mut text = String::new();
    for c in contacts {
        text.clear();
        to_vcard(c)
            .write_to(&mut text, VCardVersion::V4_0)
            .map_err(|_| std::io::Error::other("the vCard writer failed"))?;
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// Writes every contact as a CSV Google Contacts reads, with `keepwarm …`
/// columns (UID, circle, paused, full name) that make it import back unchanged.
pub fn write_csv(contacts: &[Contact], out: &mut impl Write) -> IoResult {
    let emails = contacts
        .iter()
        .map(|c| c.emails.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let phones = contacts
        .iter()
        .map(|c| c.phones.len())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut header: Vec<String> = [
        "First Name",
        "Middle Name",
        "Last Name",
        "Organization Name",
        "Organization Title",
        "Birthday",
        "Notes",
        "Labels",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for n in 1..=emails {
        header.push(format!("E-mail {n} - Label"));
        header.push(format!("E-mail {n} - Value"));
    }
    for n in 1..=phones {
        header.push(format!("Phone {n} - Label"));
        header.push(format!("Phone {n} - Value"));
    }
    header.extend(
        [
            "keepwarm Name",
            "keepwarm UID",
            "keepwarm Circle",
            "keepwarm Paused",
            super::csv_formats::KEEPWARM_INTERESTS,
            super::csv_formats::KEEPWARM_TAGS,
        ]
        .map(str::to_owned),
    );

    let mut writer = csv::Writer::from_writer(out);
    let csv_error = |e: csv::Error| std::io::Error::other(e.to_string());
    writer.write_record(&header).map_err(csv_error)?;
    for c in contacts {
        let mut labels = vec!["* myContacts".to_owned()];
        labels.extend(c.interests.iter().cloned());
        labels.extend(c.tags.iter().cloned());
        let mut row: Vec<String> = vec![
            c.given_name.clone(),
            String::new(),
            c.family_name.clone(),
            c.company.clone().unwrap_or_default(),
            c.title.clone().unwrap_or_default(),
            c.birthday.map(|b| b.to_string()).unwrap_or_default(),
            c.notes.clone(),
            labels.join(" ::: "),
        ];
        for n in 0..emails {
            let value = c.emails.get(n).cloned().unwrap_or_default();
            row.push(if value.is_empty() {
                String::new()
            } else {
                "* Other".into()
            });
            row.push(value);
        }
        for n in 0..phones {
            let value = c.phones.get(n).cloned().unwrap_or_default();
            row.push(if value.is_empty() {
                String::new()
            } else {
                "Mobile".into()
            });
            row.push(value);
        }
        row.extend([
            c.name.clone(),
            c.uid.clone(),
            c.circle.as_str().to_owned(),
            c.paused.to_string(),
            c.interests.join(" ::: "),
            c.tags.join(" ::: "),
        ]);
        writer.write_record(&row).map_err(csv_error)?;
    }
    writer.flush()
}
