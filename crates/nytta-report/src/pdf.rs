//! Putting a PDF together: the document with its embedded fonts, charts as image XObjects,
//! page furniture, metadata (title, author, language, the caller's printing date) and the
//! final bytes.

use nytta_core::date::{is_iso_date, unix_days};
use nytta_core::{Evaluation, Lang, Model};
use printpdf::{PdfDocument, PdfSaveOptions, RawImage, RawImageData, RawImageFormat};

use crate::charts::{self, Chart};
use crate::error::ReportError;
use crate::layout::{Layout, WIDTH};
use crate::text::{self, fill};
use crate::ReportOptions;

/// Chart resolution in the PDF: 1.5 × 800 px over the 483 pt text width ≈ 180 dpi.
const CHART_SCALE: f64 = 1.5;

/// A PDF being written.
pub(crate) struct Pdf {
    doc: PdfDocument,
    /// The layout the sections write into.
    pub layout: Layout,
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
        let mut doc = PdfDocument::new(title);
        let layout = Layout::new(&mut doc)?;
        Ok(Pdf { doc, layout })
    }

    /// Draws `chart` across the text width.
    pub(crate) fn chart(
        &mut self,
        chart: Chart,
        model: &Model,
        ev: &Evaluation,
        lang: Lang,
    ) -> Result<(), ReportError> {
        let (pixels, w, h) = charts::rgb(chart, model, ev, lang, CHART_SCALE)?;
        let image = RawImage {
            pixels: RawImageData::U8(pixels),
            width: w as usize,
            height: h as usize,
            data_format: RawImageFormat::RGB8,
            tag: Vec::new(),
        };
        let id = self.doc.add_image(&image);
        self.layout.image(id, (w, h), WIDTH);
        Ok(())
    }

    /// The finished PDF: header `left`/`right` on every page, footer with the printing date
    /// and page numbers, metadata and the document language.
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
        self.finish_by(&author, left, right, opts)
    }

    /// [`Pdf::finish`] for a document of no single initiative, by `author`.
    pub(crate) fn finish_by(
        self,
        author: &str,
        left: &str,
        right: &str,
        opts: &ReportOptions,
    ) -> Result<Vec<u8>, ReportError> {
        let lang = opts.lang;
        let Pdf { mut doc, layout } = self;
        let footer = fill(text::PRINTED.get(lang), &[("date", &opts.printed)]);
        let pages = layout.finish(left, right, &footer, |n, m| {
            fill(
                text::PAGE.get(lang),
                &[("n", &n.to_string()), ("m", &m.to_string())],
            )
        });
        let info = &mut doc.metadata.info;
        info.author = author.to_string();
        info.creator = "Nytta".into();
        info.producer = "Nytta (printpdf)".into();
        info.subject = right.to_string();
        if let Ok(date) =
            printpdf::DateTime::from_unix_timestamp(unix_days(&opts.printed).unwrap_or(0) * 86_400)
        {
            info.creation_date = date;
            info.modification_date = date;
            info.metadata_date = date;
        }
        doc.with_pages(pages);
        let save = PdfSaveOptions {
            optimize: false,
            subset_fonts: false,
            ..Default::default()
        };
        let mut lo = doc.to_lopdf_document(&save, &mut Vec::new());
        let code = match lang {
            Lang::Sv => "sv-SE",
            Lang::En => "en-GB",
        };
        if let Ok(root) = lo
            .trailer
            .get(b"Root")
            .and_then(lopdf::Object::as_reference)
        {
            if let Ok(catalog) = lo.get_object_mut(root).and_then(lopdf::Object::as_dict_mut) {
                catalog.set("Lang", lopdf::Object::string_literal(code));
            }
        }
        lo.compress();
        let mut out = Vec::new();
        lo.save_to(&mut out)
            .map_err(|e| ReportError::Write(e.to_string()))?;
        Ok(out)
    }
}
