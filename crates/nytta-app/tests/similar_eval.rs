//! The similar-needs measure evaluated on a labelled set: 48 pairs of needs as departments
//! write them (title, then the problem), 24 that are the same need in other words and 24
//! that are not, 14 of those near-misses that share words but not the need. Precision and
//! recall at the default threshold (and at others, for choosing it) are printed (`cargo test -p nytta-app --test
//! similar_eval -- --nocapture`) and must stay at or above the floors below.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use nytta_app::similar::Index;

/// (text A, text B, same need?)
const PAIRS: &[(&str, &str, bool)] = &[
    // The same need, written by different departments.
    ("Digital nattillsyn med kamera. Nattpersonalen väcker brukare vid tillsynsbesök och sömnen störs.",
     "Kameratillsyn nattetid i hemtjänsten. Brukarnas sömn störs av nattliga tillsynsbesök.", true),
    ("Digitala lås för medicinskåp. Läkemedel försvinner ur skåpen och nycklar lämnas över mellan passen.",
     "Elektroniska lås på läkemedelsskåp. Nycklar till medicinskåpen kommer bort och läkemedel försvinner.", true),
    ("E-arkiv för socialtjänstens akter. Pappersakter arkiveras och tar plats, sökning tar lång tid.",
     "Digitalt arkiv för bygglovshandlingar. Handlingar arkiveras på papper och är svåra att söka fram.", true),
    ("Chattbot för invånarfrågor. Kundtjänsten svarar på samma frågor om avgifter många gånger.",
     "Digital assistent på webben som svarar på vanliga frågor om avgifter och öppettider dygnet runt.", true),
    ("Automatiserad fakturahantering. Leverantörsfakturor konteras manuellt och attesteras sent.",
     "Robot för leverantörsfakturor. Manuell kontering av fakturor ger påminnelseavgifter.", true),
    ("Digital schemaläggning. Scheman läggs i kalkylark och vikarier ringes in per telefon.",
     "Bemanningssystem för vikarier. Luckor i schemat fylls genom telefonsamtal till vikarier.", true),
    ("Bokningssystem för idrottshallar. Föreningar bokar via e-post och dubbelbokningar uppstår.",
     "Webbokning av skolans lokaler för föreningar. Bokningar via telefon ger dubbelbokningar.", true),
    ("Digitala prov i SFI. Prov på papper rättas för hand och deltagare har svårt att läsa.",
     "Digitala examinationer i samhällsorienteringen. Pappersprov rättas manuellt, många deltagare kan inte läsa.", true),
    ("Läkemedelsrobotar i boendestödet. Personalen gör besök bara för att lämna läkemedel.",
     "Medicinrobot i hemtjänsten. Hembesök görs enbart för att dela ut läkemedel till brukaren.", true),
    ("E-tjänst för ekonomiskt bistånd. Ansökningar på papper kompletteras i flera omgångar.",
     "Digital ansökan om försörjningsstöd och ekonomiskt bistånd. Pappersansökningar måste kompletteras.", true),
    ("Sensorer för fukt och temperatur i fastigheter. Fel upptäcks först när hyresgästen ringer.",
     "Fastighetssensorer som larmar vid fuktskador och temperaturavvikelser i bostäderna.", true),
    ("Digital signering av HSL-insatser. Signeringslistor på papper och osignerade insatser upptäcks sent.",
     "Mobil signering av insatser i hemsjukvården. Papperslistor för signering samlas in för hand.", true),
    ("Frånvaroanmälan i app. Vårdnadshavare ringer in frånvaro som förs in för hand.",
     "Digital frånvarohantering i gymnasiet. Frånvaro anmäls per telefon och registreras manuellt.", true),
    ("Automatisk avläsning av vattenmätare. Mätare läses av manuellt och fakturor bygger på uppskattning.",
     "Fjärravläsning av vattenmätare så att fakturorna blir rätt utan manuell avläsning.", true),
    ("Gemensam e-tjänstplattform. Förvaltningarna bygger egna blanketter och e-tjänster.",
     "En plattform för kommunens e-tjänster i stället för förvaltningarnas egna webbformulär och blanketter.", true),
    ("Mobilt tillsynsstöd för livsmedelsinspektörer. Protokoll skrivs på papper och renskrivs på kontoret.",
     "Surfplatta vid tillsyn av miljöfarlig verksamhet. Tillsynsprotokoll renskrivs på kontoret.", true),
    ("Digitala insatsplaner i räddningsfordon. Pärmar med insatsplaner uppdateras sällan.",
     "Insatsplaner och kartor i fordonens surfplattor i stället för pärmar.", true),
    ("Digitala lås i hemtjänsten. Nycklar till brukarnas bostäder hanteras i nyckelskåp och kvitteras.",
     "Nyckelfri hemtjänst med digitala lås. Nyckelhantering och kvittering av brukarnas nycklar tar tid.", true),
    ("Digitalt bygglov. Ansökningar kommer ofullständiga och kompletteringar begärs i flera omgångar.",
     "E-tjänst för bygglovsansökan med vägledning så att ansökan är komplett från början.", true),
    ("Videomöten för vårdplanering. Personal reser till sjukhuset för samordnad vårdplanering.",
     "Samordnad individuell planering via video i stället för resor till sjukhuset.", true),
    ("Självincheckning på biblioteket. Personalen registrerar lån och återlämning för hand.",
     "Självbetjäningsautomater för lån och återlämning av böcker på biblioteken.", true),
    ("Digital post till invånare. Brev skrivs ut, kuverteras och skickas med vanlig post.",
     "Utskick till invånarnas digitala brevlåda i stället för utskrivna brev med post.", true),
    ("Trygghetslarm med digital teknik. Analoga larm fungerar inte i det nya telenätet.",
     "Byte från analoga till digitala trygghetslarm för brukare i ordinärt boende.", true),
    ("Rekryteringssystem med digital ansökan. Ansökningar kommer på papper och e-post.",
     "Digital rekrytering där sökande söker jobb via webben i stället för pappersansökan.", true),
    // Not the same need, and nothing much in common.
    ("Digital nattillsyn med kamera. Brukarnas sömn störs av tillsynsbesök.",
     "Automatiserad fakturahantering. Leverantörsfakturor konteras manuellt.", false),
    ("Chattbot för invånarfrågor om avgifter.",
     "Sensorer för fukt i fastigheter som larmar hyresgästen.", false),
    ("Bokningssystem för idrottshallar och föreningar.",
     "Digital signering av insatser i hemsjukvården.", false),
    ("Digitala prov i SFI som rättas automatiskt.",
     "Automatisk avläsning av vattenmätare.", false),
    ("E-arkiv för socialtjänstens akter.",
     "Läkemedelsrobotar i boendestödet.", false),
    ("Digital schemaläggning för enhetschefer.",
     "Insatsplaner i räddningsfordonens surfplattor.", false),
    ("Frånvaroanmälan i app för vårdnadshavare.",
     "Digitalt bygglov med vägledning.", false),
    ("Självincheckning på biblioteket.",
     "Trygghetslarm i ordinärt boende.", false),
    ("Digital post till invånare.",
     "Mobilt tillsynsstöd för livsmedelsinspektörer.", false),
    ("Rekryteringssystem med digital ansökan.",
     "Videomöten för samordnad vårdplanering.", false),
    // Near-misses: words in common, a different need.
    ("Digital nattillsyn med kamera. Brukarnas sömn störs av nattliga tillsynsbesök.",
     "Kameraövervakning av skolgårdar nattetid mot skadegörelse och inbrott.", false),
    ("Digitala lås för medicinskåp. Läkemedel försvinner ur skåpen.",
     "Digitala lås på kommunens förråd för verktyg och maskiner.", false),
    ("E-arkiv för socialtjänstens akter. Pappersakter tar plats.",
     "Digital akt för elevhälsan. Journaler i elevhälsan förs i papper.", false),
    ("Chattbot för invånarfrågor om avgifter och öppettider.",
     "Öppettider på återvinningscentralen visas på skyltar som uppdateras för hand.", false),
    ("Automatiserad fakturahantering för leverantörsfakturor.",
     "E-faktura till invånare för barnomsorgsavgifter i stället för pappersfaktura.", false),
    ("Digital schemaläggning av personal i hemtjänsten.",
     "Schemaläggning av skolans lektioner och salar inför läsåret.", false),
    ("Bokningssystem för idrottshallar.",
     "Bokning av tider för vaccination i vården via telefon.", false),
    ("Digitala prov i SFI. Pappersprov rättas för hand.",
     "Provtagning av dricksvatten. Vattenprover analyseras på laboratorium.", false),
    ("Läkemedelsrobotar i boendestödet.",
     "Robotgräsklippare på kommunens fotbollsplaner och parker.", false),
    ("Sensorer för fukt och temperatur i fastigheter.",
     "Temperaturmätning i skolmatens kyl och frys enligt egenkontrollen.", false),
    ("Digital signering av HSL-insatser.",
     "Digital signering av avtal och protokoll med e-legitimation.", false),
    ("Automatisk avläsning av vattenmätare.",
     "Mätning av buller vid byggarbetsplatser.", false),
    ("Trygghetslarm med digital teknik för brukare.",
     "Brandlarm i kommunens skolor kopplas till räddningstjänsten.", false),
    ("Digital post till invånare i stället för brev.",
     "Postgång inom kommunhuset: internpost sorteras för hand.", false),
];

/// At the default threshold (the setting's default, 0,25) the measure must find most same
/// needs and rarely call different needs the same: measured 0,95 and 0,75.
const PRECISION_FLOOR: f64 = 0.90;
const RECALL_FLOOR: f64 = 0.70;

#[test]
fn precision_and_recall_on_the_labelled_pairs() {
    assert!(PAIRS.len() >= 40);
    let texts: Vec<String> = PAIRS
        .iter()
        .flat_map(|(a, b, _)| [a.to_string(), b.to_string()])
        .collect();
    let index = Index::new(&texts);
    for t in [0.15, 0.20, 0.25, 0.30, 0.35, 0.40] {
        let (tp, fp, fneg) = count(&index, t, false);
        println!(
            "threshold {t:.2}: precision {:.2}, recall {:.2}",
            f64::from(tp) / f64::from((tp + fp).max(1)),
            f64::from(tp) / f64::from((tp + fneg).max(1))
        );
    }
    let threshold = nytta_store::PortfolioSettings::default()
        .similarity_threshold
        .to_string()
        .parse::<f64>()
        .unwrap();
    let (tp, fp, fneg) = count(&index, threshold, true);
    let precision = f64::from(tp) / f64::from(tp + fp);
    let recall = f64::from(tp) / f64::from(tp + fneg);
    println!(
        "similar needs, {} pairs at threshold {threshold:.2}: precision {precision:.2} ({tp} of {}), recall {recall:.2} ({tp} of {})",
        PAIRS.len(),
        tp + fp,
        tp + fneg
    );
    assert!(precision >= PRECISION_FLOOR, "precision {precision:.2}");
    assert!(recall >= RECALL_FLOOR, "recall {recall:.2}");
}

/// (true positives, false positives, false negatives) at `threshold`.
fn count(index: &Index, threshold: f64, show: bool) -> (u32, u32, u32) {
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (k, (a, b, same)) in PAIRS.iter().enumerate() {
        let c = index.cosine(2 * k, 2 * k + 1);
        let said = c >= threshold;
        match (said, *same) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                if show {
                    println!("false positive {c:.2}: {a} | {b}");
                }
            }
            (false, true) => {
                fneg += 1;
                if show {
                    println!("missed {c:.2}: {a} | {b}");
                }
            }
            (false, false) => {}
        }
    }
    (tp, fp, fneg)
}
