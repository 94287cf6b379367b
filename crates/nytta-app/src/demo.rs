//! The demo portfolio (`nytta db demo`, the app's "Skapa demoportfölj"): 453 made-up
//! initiatives with the audit report's mix of stages and departments, for trying the
//! portfolio views. Generated the same way every time from a fixed seed, marked as demo
//! data in the store and removed in one action. People are named by role, never by name.
//!
//! The report's extract: 73 in development, 11 in planning, 25 valued, 45 awaiting decision,
//! 10 decided, 98 being carried out; Arbete och välfärd 53 (11,7 %), Omsorgsförvaltningen
//! 37 (8,2 %). Both shares hold for 453 initiatives, so the demo has 453; the stages the
//! extract does not give (idea, follow-up, closed, rejected) share the rest.

use nytta_core::document::Document;
use nytta_core::read::read_document;
use serde_json::{json, Value};

use crate::ctx::Ctx;
use crate::AppError;

/// Initiatives per stage, in process order.
pub const STAGES: [(&str, usize); 10] = [
    ("idea", 113),
    ("development", 73),
    ("valued", 25),
    ("awaiting_decision", 45),
    ("decided", 10),
    ("planning", 11),
    ("in_progress", 98),
    ("follow_up", 40),
    ("closed", 28),
    ("rejected", 10),
];

/// Initiatives per department or municipal company.
pub const DEPARTMENTS: [(&str, usize); 13] = [
    ("Arbete och välfärd", 53),
    ("Omsorgsförvaltningen", 37),
    ("Barn- och utbildningsförvaltningen", 62),
    ("Kommunledningsförvaltningen", 48),
    ("Samhällsbyggnadsförvaltningen", 45),
    ("Socialförvaltningen", 41),
    ("Gymnasie- och vuxenutbildningsförvaltningen", 35),
    ("Kultur- och fritidsförvaltningen", 30),
    ("Serviceförvaltningen", 28),
    ("Miljöförvaltningen", 22),
    ("Bostadsbolaget AB", 20),
    ("Energibolaget AB", 17),
    ("Räddningstjänsten", 15),
];

/// The seed of the generator.
pub const SEED: u64 = 0x6e79_7474_6120_3132;

/// SplitMix64: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True with probability `pct` %.
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = usize::try_from(self.next() % items.len() as u64).unwrap_or(0);
        &items[i]
    }
}

/// One kind of need, with the departments where it arises. Kinds with several departments
/// are the similar needs the portfolio should notice.
struct Theme {
    title: &'static str,
    departments: &'static [usize],
    tags: &'static [&'static str],
    problem: &'static str,
    goals: &'static str,
    target_groups: &'static str,
    alternatives: &'static str,
    /// Minutes saved per occurrence.
    minutes: (u64, u64),
    /// Occurrences a year.
    occurrences: (u64, u64),
    role: &'static str,
}

const THEMES: &[Theme] = &[
    Theme {
        title: "Digital nattillsyn med kamera",
        departments: &[0, 1, 5],
        tags: &["nattillsyn", "kamera", "välfärdsteknik"],
        problem: "Nattpersonalen gör tillsynsbesök hos brukare som sover, vilket stör deras sömn och kräver långa resor mellan besöken. Många tillsynsbesök visar att allt är som det ska.",
        goals: "Brukarnas sömn ska inte störas i onödan. Tillsynen ska ske via kamera när brukaren samtycker, och nattpersonalens resor ska minska.",
        target_groups: "Brukare med nattlig tillsyn, deras anhöriga och nattpersonalen.",
        alternatives: "Nollalternativet är fortsatta fysiska tillsynsbesök. Trygghetslarm med rörelsesensor är ett alternativ som ger mindre information än kamera.",
        minutes: (15, 30),
        occurrences: (4000, 20000),
        role: "usk",
    },
    Theme {
        title: "Digitala lås för medicinskåp",
        departments: &[1, 0],
        tags: &["läkemedel", "digitala lås", "spårbarhet"],
        problem: "Medicinskåpen låses med fysiska nycklar som lämnas över mellan arbetspassen. Läkemedel försvinner ibland utan att det går att spåra vem som öppnat skåpet.",
        goals: "Färre läkemedelsstölder, spårbar öppning av varje medicinskåp och mindre merarbete vid avvikelser.",
        target_groups: "Boende, undersköterskor med delegering, sjuksköterskor och enhetschefer.",
        alternatives: "Kodlås utan loggning är billigare men visar inte vem som öppnat. Förordat är digitala lås med central loggning.",
        minutes: (5, 12),
        occurrences: (5000, 15000),
        role: "usk",
    },
    Theme {
        title: "Digital signering av insatser",
        departments: &[1, 5, 0],
        tags: &["signering", "dokumentation", "patientsäkerhet"],
        problem: "Utförda insatser signeras på papperslistor som samlas in och förs över för hand. Osignerade insatser upptäcks sent och avvikelser blir svåra att följa upp.",
        goals: "Insatser signeras direkt i mobilen, osignerade insatser syns samma dag och administrationen minskar.",
        target_groups: "Undersköterskor, sjuksköterskor och enhetschefer samt brukare som får insatser.",
        alternatives: "Nollalternativet är papperslistor. Ett alternativ är signering i verksamhetssystemets webbgränssnitt på kontoret.",
        minutes: (2, 6),
        occurrences: (30000, 120000),
        role: "usk",
    },
    Theme {
        title: "E-arkiv för verksamhetens handlingar",
        departments: &[3, 4, 2, 8],
        tags: &["e-arkiv", "informationshantering", "arkiv"],
        problem: "Handlingar skrivs ut och arkiveras på papper, och äldre system hålls i drift bara för att informationen ska finnas kvar. Att söka fram handlingar tar lång tid.",
        goals: "Handlingar arkiveras digitalt vid källan, gamla system kan avvecklas och utlämnande av allmänna handlingar går snabbare.",
        target_groups: "Registratorer, arkivarier, handläggare och invånare som begär ut handlingar.",
        alternatives: "Fortsatt pappersarkiv, eller ett gemensamt e-arkiv för hela kommunkoncernen som upphandlas en gång.",
        minutes: (10, 30),
        occurrences: (2000, 9000),
        role: "adm",
    },
    Theme {
        title: "Chattbot för invånarfrågor",
        departments: &[3, 4, 7, 11],
        tags: &["chattbot", "kundtjänst", "självservice"],
        problem: "Kundtjänst och handläggare svarar på samma enkla frågor om öppettider, avgifter och ansökningar många gånger om dagen, och invånare får vänta i telefonkö.",
        goals: "Invånare får svar på vanliga frågor dygnet runt, och kundtjänstens tid räcker till de svåra ärendena.",
        target_groups: "Invånare, företagare och kundtjänstens medarbetare.",
        alternatives: "Utökade öppettider i telefon, bättre webbsidor med vanliga frågor, eller en chattbot som delas av flera förvaltningar.",
        minutes: (4, 10),
        occurrences: (8000, 40000),
        role: "adm",
    },
    Theme {
        title: "Automatiserad fakturahantering",
        departments: &[8, 10, 11, 3],
        tags: &["rpa", "faktura", "ekonomi"],
        problem: "Leverantörsfakturor konteras och attesteras manuellt, och samma uppgifter skrivs in i flera system. Påminnelseavgifter uppstår när fakturor fastnar.",
        goals: "Fakturor som följer avtal konteras automatiskt och betalas i tid; ekonomiassistenternas tid frigörs.",
        target_groups: "Ekonomiassistenter, attestanter och leverantörer.",
        alternatives: "Fortsatt manuell hantering, eller en programvarurobot (RPA) som delas inom koncernen.",
        minutes: (3, 8),
        occurrences: (20000, 80000),
        role: "adm",
    },
    Theme {
        title: "Digital schemaläggning och bemanning",
        departments: &[1, 0, 2, 12],
        tags: &["schema", "bemanning", "resursplanering"],
        problem: "Scheman läggs i kalkylark och luckor fylls genom telefonsamtal till vikarier, vilket tar chefernas tid och ger sena besked.",
        goals: "Luckor i schemat fylls snabbare, medarbetarna kan önska pass i mobilen och chefernas administrativa tid minskar.",
        target_groups: "Enhetschefer, bemanningsenheten, medarbetare och vikarier.",
        alternatives: "Nollalternativet är kalkylark och telefon. Ett gemensamt bemanningssystem för flera förvaltningar är ett alternativ.",
        minutes: (10, 20),
        occurrences: (3000, 12000),
        role: "chef",
    },
    Theme {
        title: "Bokningssystem för lokaler",
        departments: &[7, 2, 6],
        tags: &["lokalbokning", "självservice", "föreningar"],
        problem: "Lokaler och idrottshallar bokas via e-post och telefon, och bokningarna förs in för hand i flera kalendrar. Dubbelbokningar förekommer.",
        goals: "Föreningar och invånare bokar lediga lokaler själva på webben, och lokalerna används mer.",
        target_groups: "Föreningar, invånare, skolor och bokningshandläggare.",
        alternatives: "Fortsatt manuell bokning, eller ett gemensamt bokningssystem för kultur, fritid och skola.",
        minutes: (8, 15),
        occurrences: (3000, 10000),
        role: "adm",
    },
    Theme {
        title: "Digitala examinationer",
        departments: &[0, 6],
        tags: &["examination", "utbildning", "tillgänglighet"],
        problem: "Prov genomförs på papper och rättas för hand. Många deltagare har svårt att läsa, och det tar tid att ge resultat.",
        goals: "Prov görs digitalt med uppläsning, rättningen går fortare och deltagarna får resultat direkt.",
        target_groups: "Deltagare i utbildningen, lärare och administratörer.",
        alternatives: "Fortsatta pappersprov, eller digitala prov i en lärplattform som redan används.",
        minutes: (10, 20),
        occurrences: (1500, 3000),
        role: "larare",
    },
    Theme {
        title: "Läkemedelsrobotar i hemmet",
        departments: &[0, 1],
        tags: &["läkemedel", "välfärdsteknik", "robot"],
        problem: "Personalen gör besök som bara gäller att lämna över läkemedel, och doser tas inte alltid i tid.",
        goals: "Brukarna tar sina läkemedel i tid med stöd av en robot, och besök som bara gällde läkemedel kan ersättas.",
        target_groups: "Brukare med läkemedelsstöd, personal och sjuksköterskor.",
        alternatives: "Fortsatta läkemedelsbesök, eller påminnelser i telefon.",
        minutes: (15, 30),
        occurrences: (3000, 9000),
        role: "usk",
    },
    Theme {
        title: "Digital ansökan om ekonomiskt bistånd",
        departments: &[0, 5],
        tags: &["e-tjänst", "ekonomiskt bistånd", "automatisering"],
        problem: "Ansökningar kommer på papper och kompletteras i flera omgångar, och handläggarna hämtar uppgifter från andra myndigheter för hand.",
        goals: "Invånare ansöker digitalt, uppgifter hämtas automatiskt och handläggningstiden kortas.",
        target_groups: "Sökande, handläggare och enhetschefer.",
        alternatives: "Fortsatt pappersansökan, eller en e-tjänst med automatiserad kontroll av uppgifter.",
        minutes: (20, 45),
        occurrences: (2000, 8000),
        role: "hand",
    },
    Theme {
        title: "Sensorer för fastighetsdrift",
        departments: &[10, 11, 8],
        tags: &["sensorer", "fastighet", "energi"],
        problem: "Temperatur, fukt och energiförbrukning läses av på plats, och fel upptäcks först när hyresgästen hör av sig.",
        goals: "Avvikelser larmas direkt, energiförbrukningen minskar och onödiga besök på plats undviks.",
        target_groups: "Fastighetstekniker, hyresgäster och driftledning.",
        alternatives: "Fortsatt manuell avläsning, eller sensorer med en gemensam plattform för alla fastighetsägare i koncernen.",
        minutes: (30, 60),
        occurrences: (500, 3000),
        role: "tekn",
    },
    Theme {
        title: "Digitalt bygglov",
        departments: &[4],
        tags: &["bygglov", "e-tjänst", "handläggning"],
        problem: "Bygglovsansökningar kommer ofullständiga och på papper, och handläggarna begär kompletteringar i flera omgångar.",
        goals: "Kompletta ansökningar från början, kortare handläggningstid och nöjdare sökande.",
        target_groups: "Sökande, bygglovshandläggare och byggnadsnämnden.",
        alternatives: "Fortsatt pappersansökan eller e-tjänst med vägledning.",
        minutes: (30, 90),
        occurrences: (600, 1500),
        role: "hand",
    },
    Theme {
        title: "Digital tillsyn av livsmedelsverksamheter",
        departments: &[9],
        tags: &["tillsyn", "mobilt arbetssätt", "livsmedel"],
        problem: "Inspektörerna antecknar på papper vid tillsynen och skriver rent protokollen på kontoret.",
        goals: "Protokoll skrivs på plats i surfplattan och skickas samma dag.",
        target_groups: "Inspektörer, verksamhetsutövare och miljönämnden.",
        alternatives: "Fortsatt papper, eller ett mobilt tillsynsstöd i befintligt verksamhetssystem.",
        minutes: (30, 60),
        occurrences: (800, 2000),
        role: "hand",
    },
    Theme {
        title: "Frånvarohantering i skolan",
        departments: &[2, 6],
        tags: &["frånvaro", "skola", "vårdnadshavare"],
        problem: "Frånvaro anmäls per telefon och förs in för hand, och vårdnadshavare får sent besked om ogiltig frånvaro.",
        goals: "Frånvaro anmäls i en app, registreras direkt och vårdnadshavare meddelas samma dag.",
        target_groups: "Elever, vårdnadshavare, lärare och skoladministratörer.",
        alternatives: "Fortsatt telefonanmälan eller frånvaromodul i den lärplattform som redan används.",
        minutes: (3, 6),
        occurrences: (40000, 120000),
        role: "larare",
    },
    Theme {
        title: "Automatisk avläsning av vattenmätare",
        departments: &[11, 10],
        tags: &["mätare", "sensorer", "fakturering"],
        problem: "Mätare läses av manuellt en gång om året och fakturor bygger på uppskattningar.",
        goals: "Mätarna läses av automatiskt, fakturorna blir rätt och läckor upptäcks tidigt.",
        target_groups: "Kunder, mätartekniker och kundtjänst.",
        alternatives: "Fortsatt manuell avläsning eller självavläsning via webben.",
        minutes: (15, 25),
        occurrences: (4000, 15000),
        role: "tekn",
    },
    Theme {
        title: "Digital insatsplanering för räddningstjänsten",
        departments: &[12],
        tags: &["insats", "kartstöd", "beredskap"],
        problem: "Insatsplaner finns i pärmar i fordonen och uppdateras sällan.",
        goals: "Aktuella insatsplaner och kartor finns i fordonets surfplatta vid varje larm.",
        target_groups: "Styrkeledare, brandmän och insatsledare.",
        alternatives: "Fortsatta pärmar, eller ett nationellt kartstöd.",
        minutes: (20, 40),
        occurrences: (500, 1500),
        role: "tekn",
    },
    Theme {
        title: "Gemensam e-tjänstplattform",
        departments: &[3, 4, 9],
        tags: &["e-tjänst", "plattform", "självservice"],
        problem: "Förvaltningarna bygger egna blanketter och e-tjänster i olika verktyg, och invånarna möter olika inloggningar.",
        goals: "En plattform för alla e-tjänster med e-legitimation och ärenden som går direkt in i verksamhetssystemen.",
        target_groups: "Invånare, företag och handläggare i alla förvaltningar.",
        alternatives: "Fortsatt förvaltningsvisa lösningar, eller en gemensam plattform som upphandlas en gång.",
        minutes: (5, 15),
        occurrences: (10000, 50000),
        role: "adm",
    },
];

/// Responsible roles, by department index.
fn owner(department: &str, rng: &mut Rng) -> String {
    let role = rng.pick(&[
        "Verksamhetsutvecklare",
        "Digitaliseringsstrateg",
        "Enhetschef",
        "Projektledare",
        "IT-samordnare",
    ]);
    format!("{role}, {department}")
}

const AREAS: [&str; 8] = [
    "område Norr",
    "område Söder",
    "område Öster",
    "område Väster",
    "centrala staden",
    "ytterområdena",
    "etapp 2",
    "pilot",
];

const DECIDERS: [&str; 4] = [
    "Kommunstyrelsen",
    "Nämnden",
    "Förvaltningsledningen",
    "Styrelsen",
];

fn roles() -> Value {
    json!([
        { "id": "usk", "name": "Undersköterska", "hourly_cost": 359 },
        { "id": "ssk", "name": "Grundutbildad sjuksköterska", "hourly_cost": 453 },
        { "id": "chef", "name": "Enhetschef", "monthly_salary": 52000 },
        { "id": "adm", "name": "Administratör", "monthly_salary": 36000 },
        { "id": "hand", "name": "Handläggare", "monthly_salary": 41000 },
        { "id": "larare", "name": "Lärare", "monthly_salary": 43000 },
        { "id": "tekn", "name": "Tekniker", "monthly_salary": 40000 },
        { "id": "vu", "name": "Verksamhetsutvecklare", "monthly_salary": 46000 }
    ])
}

/// Process position of a stage (0 = idea).
fn stage_index(stage: &str) -> usize {
    STAGES.iter().position(|(s, _)| *s == stage).unwrap_or(0)
}

/// One initiative.
fn initiative(rng: &mut Rng, n: usize, department: &str, dept: usize, stage: &str) -> Value {
    let candidates: Vec<&Theme> = THEMES
        .iter()
        .filter(|t| t.departments.contains(&dept))
        .collect();
    let theme: &Theme = if candidates.is_empty() || rng.chance(15) {
        rng.pick(THEMES)
    } else {
        let i = usize::try_from(rng.next() % candidates.len() as u64).unwrap_or(0);
        candidates[i]
    };
    let area = rng.pick(&AREAS);
    let title = format!("{} – {area}", theme.title);
    let si = stage_index(stage);
    let basis = match rng.range(0, 99) {
        0..=19 => Some("legal"),
        20..=54 => Some("critical"),
        55..=94 => Some("efficiency"),
        _ => None,
    };
    let start_year = if si >= 4 {
        2021 + rng.range(0, 3)
    } else {
        2024 + rng.range(0, 2)
    };
    let decided = (4..=8).contains(&si);
    // Ideas are mostly not valued yet; everything else has a valuation.
    let valued = si >= 2 || (si == 1 && rng.chance(70)) || (si == 0 && rng.chance(15));
    let minutes = rng.range(theme.minutes.0, theme.minutes.1);
    let occurrences = rng.range(theme.occurrences.0, theme.occurrences.1) / 10 * 10;
    let one_off = rng.range(5, 300) * 10_000;
    let licence = rng.range(2, 60) * 5_000;
    let project_hours = rng.range(10, 120) * 10;
    let confidence = [0.6, 0.7, 0.8, 0.9][usize::try_from(rng.range(0, 3)).unwrap_or(0)];
    let full = rng.chance(55);
    let mut inputs = vec![json!({
        "id": "occurrences", "name": "Tillfällen per år", "unit": "st/år",
        "value": occurrences,
        "source": "Verksamhetens statistik (demodata)"
    })];
    if full {
        inputs[0]["low"] = json!(occurrences * 8 / 10);
        inputs[0]["high"] = json!(occurrences * 12 / 10);
    }
    let mut lines = Vec::new();
    if valued {
        lines.push(json!({
            "id": "time", "side": "benefit", "name": "Frigjord tid",
            "category": "reallocation", "stakeholder": "staff",
            "time": { "minutes": minutes, "occurrences": "occurrences", "role": theme.role },
            "timing": { "yearly": { "from": 1 } }, "ramp": [0.5, 1], "confidence": confidence
        }));
        if rng.chance(50) {
            lines.push(json!({
                "id": "saving", "side": "benefit", "name": "Minskade kostnader",
                "category": "financial", "stakeholder": "organisation",
                "amount": rng.range(2, 80) * 5_000,
                "timing": { "yearly": { "from": 1 } }
            }));
        }
        lines.push(json!({
            "id": "purchase", "side": "cost", "name": "Inköp och införande",
            "category": "financial", "stakeholder": "organisation",
            "amount": one_off, "timing": { "once": 0 }
        }));
        lines.push(json!({
            "id": "project", "side": "cost", "name": "Projekttid",
            "category": "reallocation", "stakeholder": "staff",
            "time": { "minutes": 60, "occurrences": project_hours, "role": "vu" },
            "timing": { "once": 0 }
        }));
        lines.push(json!({
            "id": "licence", "side": "cost", "name": "Licenser och support",
            "category": "financial", "stakeholder": "organisation",
            "amount": licence, "timing": { "yearly": { "from": 1 } }
        }));
        lines.push(json!({
            "id": "quality", "side": "benefit", "name": "Bättre kvalitet för brukare och invånare",
            "category": "quality", "stakeholder": "user"
        }));
    }
    let mut valuation = json!({
        "label": if decided { "Beslutsunderlag" } else { "Nyttovärdering" },
        "status": if decided { "decided" } else { "draft" },
        "parameters": {
            "start_year": start_year, "years": 6, "discount_rate": 0.03,
            "hours_per_fte": 1700, "optimism_bias": 0.1, "currency": "SEK"
        },
        "roles": roles(),
        "inputs": inputs,
        "lines": lines
    });
    if valued {
        let month = rng.range(1, 12);
        let day = rng.range(1, 28);
        let year = start_year - rng.range(0, 1);
        valuation["date"] = json!(format!("{year}-{month:02}-{day:02}"));
    }
    if decided {
        valuation["decided_by"] = json!(rng.pick(&DECIDERS));
    }
    if valued && si >= 2 {
        let level = |rng: &mut Rng| *rng.pick(&[1, 3, 3, 5, 5]);
        valuation["scores"] = json!({
            "feasibility": { "level": level(rng), "reason": "Bedömd av projektgruppen (demodata)." },
            "financing": { "level": level(rng), "reason": "Bedömd av ekonomifunktionen (demodata)." }
        });
    }
    let target_year = start_year + 2;
    if valued && (full || rng.chance(30)) {
        valuation["effect_goals"] = json!([{
            "id": "time_saved", "indicator": "Tid per tillfälle", "unit": "min",
            "direction": "decrease", "baseline": minutes + 20, "target": 20,
            "target_date": format!("{target_year}-12-31"),
            "method": "Tidsmätning två veckor före och efter införandet (demodata)."
        }]);
    }
    if valued && full {
        valuation["risks"] = json!([{
            "kind": "risk", "text": "Medarbetarna hinner inte lära sig det nya arbetssättet.",
            "likelihood": rng.range(1, 5), "impact": rng.range(1, 5),
            "mitigation": "Utbildning och stöd på plats under införandet."
        }]);
    }
    let mut doc = json!({
        "nytta": 1,
        "initiative": {
            "title": title,
            "description": format!("Demodata nr {n}: {} inom {}.", theme.title.to_lowercase(), department),
            "department": department,
            "owner": owner(department, rng),
            "stage": stage,
            "tags": theme.tags,
            "needs": {
                "problem": theme.problem,
                "goals": theme.goals,
                "target_groups": theme.target_groups,
                "alternatives": theme.alternatives
            }
        },
        "valuation": valuation
    });
    if let Some(b) = basis {
        doc["initiative"]["priority_basis"] = json!(b);
    }
    // Follow-ups: every initiative in follow-up or closed, some being carried out.
    if valued && (si == 7 || si == 8 || (si == 6 && rng.chance(25))) {
        let realised = occurrences * rng.range(50, 110) / 100;
        doc["follow_ups"] = json!([{
            "date": format!("{}-{:02}-15", target_year.min(2025), rng.range(1, 12)),
            "year": 2,
            "evaluator": "Verksamhetsutvecklare tillsammans med enhetschef",
            "method": "Tidsmätning och verksamhetsstatistik (demodata).",
            "inputs": { "occurrences": realised },
            "freed_time_use": *rng.pick(&["redeployed", "quality", "withdrawn"])
        }]);
    }
    doc
}

/// The demo portfolio's documents, the same every time.
pub fn documents() -> Result<Vec<Document>, AppError> {
    let mut rng = Rng(SEED);
    let total: usize = STAGES.iter().map(|s| s.1).sum();
    // Stages and departments are dealt out so that both mixes hold exactly.
    let mut stages: Vec<&str> = STAGES
        .iter()
        .flat_map(|(s, n)| std::iter::repeat_n(*s, *n))
        .collect();
    let mut departments: Vec<usize> = DEPARTMENTS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, n))| std::iter::repeat_n(i, *n))
        .collect();
    debug_assert_eq!(stages.len(), departments.len());
    shuffle(&mut rng, &mut stages);
    shuffle(&mut rng, &mut departments);
    (0..total)
        .map(|i| {
            let d = departments[i];
            let v = initiative(&mut rng, i + 1, DEPARTMENTS[d].0, d, stages[i]);
            read_document(&v.to_string()).map_err(AppError::from)
        })
        .collect()
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = usize::try_from(rng.next() % (i as u64 + 1)).unwrap_or(0);
        items.swap(i, j);
    }
}

/// What adding or removing the demo portfolio did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DemoOutcome {
    /// Initiatives added or removed.
    pub count: i64,
}

/// Adds the demo portfolio; refused while one is already there.
pub fn add(ctx: &Ctx) -> Result<DemoOutcome, AppError> {
    let docs = documents()?;
    let mut store = ctx.store();
    if store.demo_count()? > 0 {
        return Err(AppError::Store {
            code: "demo_exists".into(),
            message_sv:
                "demoportföljen finns redan; ta bort den först om du vill skapa den på nytt".into(),
            message_en: "the demo portfolio is already there; remove it first to create it again"
                .into(),
        });
    }
    let ids = store.add_demo(docs, &ctx.now())?;
    Ok(DemoOutcome {
        count: i64::try_from(ids.len()).unwrap_or(i64::MAX),
    })
}

/// Removes the demo portfolio in one action; the user's own initiatives are untouched.
pub fn remove(ctx: &Ctx) -> Result<DemoOutcome, AppError> {
    let count = ctx.store().remove_demo(&ctx.now())?;
    Ok(DemoOutcome { count })
}

/// How many live initiatives are demo data.
pub fn count(ctx: &Ctx) -> Result<i64, AppError> {
    Ok(ctx.store().demo_count()?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn the_demo_has_the_reports_stage_and_department_mix_and_is_the_same_every_time() {
        let docs = documents().unwrap();
        assert_eq!(docs.len(), 453);
        let mut stages: BTreeMap<String, usize> = BTreeMap::new();
        let mut departments: BTreeMap<String, usize> = BTreeMap::new();
        for d in &docs {
            let stage = nytta_store::valuation::code_of(&d.initiative.stage);
            *stages.entry(stage).or_default() += 1;
            *departments
                .entry(d.initiative.department.clone())
                .or_default() += 1;
        }
        // The report's figures.
        for (stage, n) in [
            ("development", 73),
            ("planning", 11),
            ("valued", 25),
            ("awaiting_decision", 45),
            ("decided", 10),
            ("in_progress", 98),
        ] {
            assert_eq!(stages[stage], n, "{stage}");
        }
        // 53 ÷ 453 = 11,70 %; 37 ÷ 453 = 8,17 % → 8,2 %.
        assert_eq!(departments["Arbete och välfärd"], 53);
        assert_eq!(departments["Omsorgsförvaltningen"], 37);
        assert_eq!(documents().unwrap(), docs, "deterministic");
        // Some needs recur in several departments on purpose.
        let camera: std::collections::BTreeSet<_> = docs
            .iter()
            .filter(|d| {
                d.initiative
                    .title
                    .starts_with("Digital nattillsyn med kamera")
            })
            .map(|d| d.initiative.department.as_str())
            .collect();
        assert!(camera.len() >= 2, "{camera:?}");
        // Names are roles and departments, never people.
        assert!(docs.iter().all(|d| d.initiative.owner.contains(", ")));
        // A department is a name: written as it is, never lower-cased ("Bostadsbolaget AB").
        assert!(docs
            .iter()
            .all(|d| d.initiative.owner.ends_with(&d.initiative.department)));
    }

    #[test]
    fn the_demo_is_added_once_and_removed_in_one_action() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = Ctx::open_with_clock(
            &dir.path().join("nytta.db"),
            Box::new(|| "2025-03-01T09:00:00Z".into()),
        )
        .unwrap();
        assert_eq!(add(&ctx).unwrap().count, 453);
        assert_eq!(count(&ctx).unwrap(), 453);
        assert_eq!(add(&ctx).unwrap_err().code(), "demo_exists");
        assert_eq!(remove(&ctx).unwrap().count, 453);
        assert_eq!(crate::portfolio::list(&ctx).unwrap().len(), 4);
    }
}
