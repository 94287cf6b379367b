//! Putting a PDF together: a tagged PDF/A-2a and PDF/UA-1 document (krilla checks both on
//! writing) with the embedded fonts subset to the glyphs used, charts as vector drawings,
//! page furniture, the outline, metadata (title, author, subject, keywords, language, the
//! caller's printing date, the decision date) and the final bytes.

use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::metadata::{DateTime, Metadata};
use krilla::{Document, SerializeSettings};
use nytta_core::date::is_iso_date;
use nytta_core::document::ValuationStatus;
use nytta_core::{Evaluation, Lang, Model};

use crate::charts::{self, Chart};
use crate::error::ReportError;
use crate::font::chart_tree;
use crate::layout::{Layout, WIDTH};
use crate::text::{self, fill};
use crate::ReportOptions;

/// A PDF being written.
pub(crate) struct Pdf {
    title: String,
    /// The layout the sections write into.
    pub layout: Layout,
}

/// The language tag of `lang` (RFC 3066), for the catalogue, the XMP and the structure.
fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv-SE",
        Lang::En => "en-GB",
    }
}

/// `YYYY-MM-DD` as a metadata date.
fn date(iso: &str) -> Option<DateTime> {
    let mut parts = iso.splitn(3, '-').map(str::parse::<u16>);
    let (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    Some(
        DateTime::new(y)
            .month(u8::try_from(m).ok()?)
            .day(u8::try_from(d).ok()?),
    )
}

impl Pdf {
    /// Starts a document titled `title`.
    pub(crate) fn new(title: &str, opts: &ReportOptions) -> Result<Pdf, ReportError> {
        if !is_iso_date(&opts.printed) {
            return Err(ReportError::BadDate {
                field: "printed".into(),
                value: opts.printed.clone(),
            });
        }
        Ok(Pdf {
            title: title.to_string(),
            layout: Layout::new()?,
        })
    }

    /// Draws `chart` across the text width as a vector figure, described for screen readers
    /// by [`charts::alt`].
    pub(crate) fn chart(
        &mut self,
        chart: Chart,
        model: &Model,
        ev: &Evaluation,
        lang: Lang,
    ) -> Result<(), ReportError> {
        let svg = charts::svg(chart, model, ev, lang)?;
        let alt = charts::alt(chart, model, ev, lang)?;
        let tree = chart_tree(&svg).map_err(|detail| ReportError::Chart {
            chart: format!("{chart:?}"),
            detail,
        })?;
        self.layout.image(tree, WIDTH, &alt);
        Ok(())
    }

    /// The finished PDF: header `left`/`right` on every page, footer with the printing date
    /// and page numbers, metadata (the initiative's tags and the diarienummer, when the
    /// decision material has one, as keywords) and the document language.
    pub(crate) fn finish(
        self,
        model: &Model,
        left: &str,
        right: &str,
        opts: &ReportOptions,
    ) -> Result<Vec<u8>, ReportError> {
        let initiative = &model.doc.initiative;
        let author = opts.author.clone().unwrap_or_else(|| {
            [initiative.owner.as_str(), initiative.department.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        });
        let mut keywords = initiative.tags.clone();
        let case_number = model
            .doc
            .valuation
            .case
            .as_ref()
            .map(|c| c.decision.case_number.trim())
            .filter(|n| !n.is_empty());
        if let Some(number) = case_number {
            keywords.push(format!(
                "{} {number}",
                text::five_case::CASE_NUMBER.get(opts.lang)
            ));
        }
        let valuation = &model.doc.valuation;
        let decided = valuation
            .date
            .as_deref()
            .filter(|d| valuation.status == ValuationStatus::Decided && is_iso_date(d));
        self.write(&author, keywords, decided, left, right, opts)
    }

    /// [`Pdf::finish`] for a document of no single initiative, by `author`.
    pub(crate) fn finish_by(
        self,
        author: &str,
        left: &str,
        right: &str,
        opts: &ReportOptions,
    ) -> Result<Vec<u8>, ReportError> {
        self.write(author, Vec::new(), None, left, right, opts)
    }

    fn write(
        self,
        author: &str,
        keywords: Vec<String>,
        decided: Option<&str>,
        left: &str,
        right: &str,
        opts: &ReportOptions,
    ) -> Result<Vec<u8>, ReportError> {
        let lang = opts.lang;
        let configuration = ConfigurationBuilder::new()
            .with_archival_validator(Archival::A2_A)
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|e| ReportError::Write(format!("{e:?}")))?;
        let mut doc = Document::new_with(SerializeSettings {
            configuration,
            enable_tagging: true,
            ..SerializeSettings::default()
        });
        let footer = fill(text::PRINTED.get(lang), &[("date", &opts.printed)]);
        let page = |n: usize, m: usize| {
            fill(
                text::PAGE.get(lang),
                &[("n", &n.to_string()), ("m", &m.to_string())],
            )
        };
        self.layout
            .finish(left, right, &footer, page, language(lang), &mut doc)?;
        let mut metadata = Metadata::new()
            .title(self.title)
            .description(right.to_string())
            .keywords(keywords)
            .language(language(lang).to_string())
            .creator("Nytta".into())
            .producer("Nytta (krilla)".into());
        if !author.is_empty() {
            metadata = metadata.authors(vec![author.to_string()]);
        }
        if let Some(printed) = date(&opts.printed) {
            metadata = metadata.creation_date(printed);
        }
        doc.set_metadata(metadata);
        let pdf = doc
            .finish()
            .map_err(|e| ReportError::Write(format!("{e:?}")))?;
        compact(&pdf, decided)
    }
}

/// `pdf` with its objects packed into compressed object streams and a cross-reference
/// stream (PDF 1.5, allowed by PDF/A-2). krilla writes each structure element, of which a
/// tagged business case has hundreds, as a plain object of its own; packed, the file is
/// about 40 % smaller. The output intent's empty optional entries (krilla writes an empty
/// `RegistryName` for its built-in sRGB profile) are left out. The date of the decision, for
/// a decided version, goes into the XMP as Dublin Core's `dc:date` (a date in the life of
/// the document; krilla writes no property of the caller's own).
fn compact(pdf: &[u8], decided: Option<&str>) -> Result<Vec<u8>, ReportError> {
    let fail = |e: lopdf::Error| ReportError::Write(e.to_string());
    let mut doc = lopdf::Document::load_mem(pdf).map_err(fail)?;
    if let Some(date) = decided {
        let id = doc
            .catalog()
            .and_then(|c| c.get(b"Metadata"))
            .and_then(lopdf::Object::as_reference)
            .map_err(fail)?;
        let stream = doc
            .get_object_mut(id)
            .and_then(lopdf::Object::as_stream_mut)
            .map_err(fail)?;
        let xmp = String::from_utf8_lossy(&stream.content).replacen(
            "</rdf:Description>",
            &format!(
                "<dc:date><rdf:Seq><rdf:li>{date}</rdf:li></rdf:Seq></dc:date></rdf:Description>"
            ),
            1,
        );
        stream.set_content(xmp.into_bytes());
    }
    for obj in doc.objects.values_mut() {
        if let Ok(dict) = obj.as_dict_mut() {
            if dict.has_type(b"OutputIntent") {
                let empty: Vec<Vec<u8>> = dict
                    .iter()
                    .filter(|(_, v)| matches!(v, lopdf::Object::String(s, _) if s.is_empty()))
                    .map(|(k, _)| k.clone())
                    .collect();
                for key in empty {
                    dict.remove(&key);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(pdf.len());
    doc.save_modern(&mut out)
        .map_err(|e| ReportError::Write(e.to_string()))?;
    Ok(out)
}
