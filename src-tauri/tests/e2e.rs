//! The real-window end-to-end test: the built `nytta-desktop` binary driven through
//! tauri-driver and WebKitWebDriver, on a temporary store.
//!
//! It runs only with `NYTTA_E2E=1`, because it needs a display (`xvfb-run -a -s "-screen 0
//! 1280x800x24"`), `tauri-driver` (`cargo install tauri-driver --version '^2' --locked`) and
//! `WebKitWebDriver` (Debian: `webkit2gtk-driver`); `scripts/test.sh` provides all three.
//! With `NYTTA_SCREENSHOTS=DIR` (an absolute path, e.g. `$PWD/docs/images`) it also captures
//! the screen (`import -window root`) of the portfolio, the valuation editor, the follow-up,
//! the settings, the decision material (Beslut), the business case on Beslutsunderlag (with
//! its year tables), a finished simulation on Känslighet with its charts, and on the demo
//! portfolio the overview, a count clicked through, the prioritisation, similar needs and the PULS agenda into
//! `DIR/app-*.png`. With `NYTTA_E2E_BENCH=1` it also prints how long the overview of the
//! demo portfolio takes on screen.
//!
//! The elements are found by the `data-testid`s agreed with the UI.
//!
//! The sync test also needs the test PostgreSQL of `scripts/pg-test-server.sh`
//! (`NYTTA_TEST_PG_URL`; without it, it is skipped) and captures the sync view after a
//! conflict (`DIR/app-sync.png`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const TITLE: &str = "Digital bygglovsansökan";

/// tauri-driver, stopped with SIGTERM when dropped (SIGKILL would orphan WebKitWebDriver on
/// its port and hang the next run).
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(db: &Path) -> Driver {
        let exe = tauri_driver();
        let port = free_port();
        let native_port = free_port();
        let child = Command::new(&exe)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("NYTTA_DB", db)
            // No session bus for the app under test: a Nytta already open on this desktop
            // must not receive the test's start as a "second instance".
            .env("DBUS_SESSION_BUS_ADDRESS", "disabled:")
            .stdout(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// A new session starts the app; closing the session quits it.
    async fn session(&self) -> Client {
        let app = app();
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": app },
        });
        let serde_json::Value::Object(caps) = caps else {
            unreachable!()
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&self.url)
                .await
            {
                Ok(c) => return c,
                Err(e) if Instant::now() > deadline => panic!("no WebDriver session: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        eprintln!("tauri-driver did not stop within 10 s after SIGTERM");
    }
}

/// The binary under test: `NYTTA_E2E_APP` (an installed `/usr/bin/nytta-desktop`, see
/// `scripts/install-test.sh`), else the one this test was built with.
fn app() -> PathBuf {
    std::env::var_os("NYTTA_E2E_APP")
        .filter(|p| !p.is_empty())
        .map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_nytta-desktop")),
            PathBuf::from,
        )
}

fn tauri_driver() -> PathBuf {
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .map(|d| d.join("bin").join("tauri-driver"));
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|d| d.join("tauri-driver"));
    on_path
        .chain(in_cargo_home)
        .find(|p| p.is_file())
        .expect("tauri-driver is missing: cargo install tauri-driver --version '^2' --locked")
}

/// Whether the real-window tests are off (they need `NYTTA_E2E=1` and a display); says so.
fn skipped() -> bool {
    let off = std::env::var_os("NYTTA_E2E").is_none();
    if off {
        eprintln!("skipped: set NYTTA_E2E=1 and run under xvfb-run (see scripts/test.sh)");
    }
    off
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn id(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

async fn wait_for(c: &Client, testid: &str) -> Element {
    let css = id(testid);
    c.wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(&css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"))
}

/// Scrolls an element to the middle of the window and clicks it (WebKitWebDriver refuses
/// clicks on elements that a scrollbar or the window edge overlaps).
async fn press(c: &Client, element: &Element) {
    let arg = serde_json::to_value(element).unwrap();
    c.execute(
        "arguments[0].scrollIntoView({block: 'center', inline: 'center'})",
        vec![arg],
    )
    .await
    .unwrap();
    element.click().await.unwrap();
}

async fn click(c: &Client, testid: &str) {
    press(c, &wait_for(c, testid).await).await;
}

/// The last element with this test id (the row just added).
async fn last(c: &Client, testid: &str) -> Element {
    wait_for(c, testid).await;
    c.find_all(Locator::Css(&id(testid)))
        .await
        .unwrap()
        .pop()
        .unwrap()
}

async fn type_into(field: &Element, text: &str) {
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

/// Waits until a figure's `data-value` (the Evaluation's raw string) is `expected`.
async fn figure_becomes(c: &Client, testid: &str, expected: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = None;
    while Instant::now() < deadline {
        if let Ok(e) = c.find(Locator::Css(&id(testid))).await {
            seen = e.attr("data-value").await.ok().flatten();
            if seen.as_deref() == Some(expected) {
                return e.text().await.unwrap();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{testid}: expected data-value {expected:?}, last seen {seen:?}");
}

/// Text with every kind of space removed, so `783 438 kr` compares the same whichever space
/// character the formatter uses.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect()
}

async fn text_of(c: &Client, testid: &str) -> String {
    wait_for(c, testid).await.text().await.unwrap()
}

async fn wait_text(c: &Client, testid: &str, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = String::new();
    while Instant::now() < deadline {
        seen = text_of(c, testid).await;
        if seen.contains(expected) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{testid}: expected text containing {expected:?}, saw {seen:?}");
}

/// The portfolio row whose text contains `title`.
async fn row_with(c: &Client, title: &str) -> Element {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        for row in c
            .find_all(Locator::Css(&id("portfolio-row")))
            .await
            .unwrap()
        {
            if row.text().await.unwrap_or_default().contains(title) {
                return row;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("no portfolio row with {title:?}");
}

async fn open_row(c: &Client, title: &str) {
    let row = row_with(c, title).await;
    // By keyboard, as the UX asks (Enter on the title link opens the initiative).
    let link = row
        .find(Locator::Css(&id("open-initiative")))
        .await
        .unwrap();
    link.send_keys(&Key::Enter.to_string()).await.unwrap();
    wait_text(c, "initiative-title", title).await;
}

async fn switch_lang(c: &Client, lang: &str, nav_label: &str) {
    wait_for(c, "lang-switch")
        .await
        .select_by_value(lang)
        .await
        .unwrap();
    wait_text(c, "nav-portfolio", nav_label).await;
    let html_lang = c
        .execute("return document.documentElement.lang", vec![])
        .await
        .unwrap();
    assert_eq!(html_lang, json!(lang), "<html lang> follows the switch");
}

fn screenshot(name: &str) {
    let Some(dir) = std::env::var_os("NYTTA_SCREENSHOTS") else {
        return;
    };
    // Let the last render and any focus ring settle before capturing.
    std::thread::sleep(Duration::from_millis(600));
    let file = Path::new(&dir).join(format!("{name}.png"));
    let ok = Command::new("import")
        .args(["-window", "root"])
        .arg(&file)
        .status();
    assert!(
        ok.is_ok_and(|s| s.success()),
        "import -window root {}",
        file.display()
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_person_values_a_new_initiative_finds_it_after_a_restart_and_switches_language() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    let driver = Driver::start(&db);

    // First start on an empty store: the four examples are there.
    let c = driver.session().await;
    wait_for(&c, "portfolio-row").await;
    let rows = c
        .find_all(Locator::Css(&id("portfolio-row")))
        .await
        .unwrap();
    assert_eq!(
        rows.len(),
        4,
        "a new store starts with the four example initiatives"
    );

    click(&c, "new-initiative").await;
    type_into(&wait_for(&c, "new-title").await, TITLE).await;
    type_into(&wait_for(&c, "new-department").await, "Samhällsbyggnad").await;
    click(&c, "new-create").await;
    wait_text(&c, "initiative-title", TITLE).await;
    click(&c, "tab-valuation").await;

    click(&c, "add-role").await;
    type_into(&last(&c, "role-name").await, "Handläggare").await;
    type_into(&last(&c, "role-hourly-cost").await, "400").await;

    click(&c, "add-benefit-time").await;
    let benefit = last(&c, "line").await;
    let field = |t: &'static str| {
        let benefit = benefit.clone();
        async move { benefit.find(Locator::Css(&id(t))).await.unwrap() }
    };
    type_into(&field("line-name").await, "Handläggning av ansökan").await;
    type_into(&field("line-minutes").await, "30").await;
    type_into(&field("line-occurrences").await, "1 000").await;
    field("line-role")
        .await
        .select_by_label("Handläggare")
        .await
        .unwrap();

    click(&c, "add-cost-once").await;
    let cost = last(&c, "line").await;
    let name = cost.find(Locator::Css(&id("line-name"))).await.unwrap();
    type_into(&name, "Införande").await;
    let amount = cost.find(Locator::Css(&id("line-amount"))).await.unwrap();
    type_into(&amount, "300 000").await;

    // By hand: 30 min × 1 000 times a year × 400 kr/h ÷ 60 = 200 000 kr a year in years 1–6
    // (reallocation: economic view only); 300 000 kr once in year 0 (financial), at the
    // default 3 % over 6 years.
    // NPV = −300 000 + 200 000 × (1 − 1.03^−6) / 0.03 = −300 000 + 200 000 × 5.417191444
    //     = 783 438.29 kr.
    // Payback: cumulative −300 000, −100 000, +100 000 → 1 + 100 000 / 200 000 = 1.5 years.
    // Budget view: only the cost counts → NPV −300 000 kr, no payback within the period.
    let npv = figure_becomes(&c, "npv-economic", "783438.29").await;
    assert_eq!(
        squeeze(&npv),
        "783438kr",
        "shown as sv-SE whole kronor: {npv:?}"
    );
    let payback = figure_becomes(&c, "payback-economic", "1.500000").await;
    assert!(
        squeeze(&payback).starts_with("1,5"),
        "shown as 1,5 år: {payback:?}"
    );
    figure_becomes(&c, "npv-budget", "-300000.00").await;
    figure_becomes(&c, "payback-budget", "").await;
    wait_text(&c, "save-status", "Sparat").await;
    c.close().await.unwrap();

    // Second start on the same store: the initiative is there with its figures.
    let c = driver.session().await;
    let row = row_with(&c, TITLE).await;
    let row_text = squeeze(&row.text().await.unwrap());
    assert!(
        row_text.contains("783438"),
        "the portfolio shows the stored NPV: {row_text}"
    );
    screenshot("app-portfolio");
    open_row(&c, TITLE).await;
    click(&c, "tab-valuation").await;
    figure_becomes(&c, "npv-economic", "783438.29").await;
    figure_becomes(&c, "payback-economic", "1.500000").await;

    // An example opens with its own figures; its follow-up tab and the settings show.
    click(&c, "nav-portfolio").await;
    open_row(&c, "Läkemedelsrobotar").await;
    click(&c, "tab-valuation").await;
    let npv = wait_for(&c, "npv-economic")
        .await
        .attr("data-value")
        .await
        .unwrap();
    assert!(npv.is_some_and(|v| !v.is_empty()), "the example has an NPV");
    screenshot("app-valuation");
    click(&c, "tab-follow-up").await;
    screenshot("app-follow-up");
    // The example is decided: its valuation is locked, yet a lesson is saved into its
    // follow-up (the store refuses only changes to the valuation).
    wait_for(&c, "decided-note").await;
    click(&c, "fu-lesson-add").await;
    type_into(&last(&c, "fu-lesson").await, "Börja med en pilot").await;
    wait_text(&c, "save-status", "Sparat").await;
    click(&c, "nav-settings").await;
    screenshot("app-settings");

    // English and back.
    switch_lang(&c, "en", "Portfolio").await;
    switch_lang(&c, "sv", "Portfölj").await;
    c.close().await.unwrap();
    drop(driver);
}

/// The reported data loss: a negative hourly cost made every save fail, so a description
/// typed in Behov meanwhile was gone after going back to the portfolio and reopening.
#[tokio::test(flavor = "current_thread")]
async fn an_invalid_edit_keeps_every_typed_word_across_leaving_and_a_restart() {
    if skipped() {
        return;
    }
    const EXAMPLE: &str = "Digitala examinationer";
    const TYPED: &str = "Nattlig tillsyn med kamera i stället för besök";
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    let driver = Driver::start(&db);

    let c = driver.session().await;
    open_row(&c, EXAMPLE).await;
    click(&c, "tab-valuation").await;
    type_into(&wait_for(&c, "role-hourly-cost").await, "-5").await;
    click(&c, "tab-needs").await;
    type_into(&wait_for(&c, "needs-description").await, TYPED).await;
    wait_text(&c, "save-status", "arbetskopia").await;
    wait_for(&c, "working-copy-note").await;
    screenshot("app-working-copy");

    // Back to the portfolio asks first; staying keeps the editor open.
    click(&c, "back-to-portfolio").await;
    let dialog = wait_for(&c, "leave-dialog").await;
    wait_text(&c, "leave-dialog", "arbetskopia").await;
    screenshot("app-leave-dialog");
    press(&c, &dialog.find(Locator::Css(&id("cancel"))).await.unwrap()).await;
    wait_text(&c, "initiative-title", EXAMPLE).await;
    click(&c, "back-to-portfolio").await;
    let dialog = wait_for(&c, "leave-dialog").await;
    wait_text(&c, "leave-dialog", "arbetskopia").await;
    press(
        &c,
        &dialog.find(Locator::Css(&id("confirm"))).await.unwrap(),
    )
    .await;
    // The portfolio row says that changes with problems wait in the initiative.
    let row = row_with(&c, EXAMPLE).await;
    row.find(Locator::Css(&id("working-copy-badge")))
        .await
        .expect("the row is marked");
    c.close().await.unwrap();

    // After a restart every typed word is there, with the problem marked.
    let c = driver.session().await;
    open_row(&c, EXAMPLE).await;
    wait_for(&c, "working-copy-note").await;
    click(&c, "tab-needs").await;
    let description = wait_for(&c, "needs-description")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(description.as_deref(), Some(TYPED));
    click(&c, "tab-valuation").await;
    let cost = wait_for(&c, "role-hourly-cost")
        .await
        .prop("value")
        .await
        .unwrap();
    assert!(
        cost.as_deref()
            .map(squeeze)
            .is_some_and(|v| v == "-5" || v == "\u{2212}5"),
        "the negative hourly cost typed is shown again: {cost:?}"
    );
    c.close().await.unwrap();
    drop(driver);
}

/// Waits until the save status says the document is saved as a valid version (not only as a
/// working copy).
async fn saved_valid(c: &Client) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = String::new();
    while Instant::now() < deadline {
        seen = text_of(c, "save-status").await;
        if seen == "Sparat" {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("save-status: expected \"Sparat\", saw {seen:?}");
}

async fn value_of(c: &Client, testid: &str) -> String {
    wait_for(c, testid)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// The decision material typed on the Beslut tab is stored by the real engine and store: the
/// proposed decision, the deciding body, an option (with the engine's NPV), a funding row and
/// a milestone are there after a restart.
#[tokio::test(flavor = "current_thread")]
async fn the_proposed_decision_and_an_option_are_there_after_a_restart() {
    if skipped() {
        return;
    }
    const EXAMPLE: &str = "Digitala examinationer";
    const PROPOSAL: &str = "Nämnden beslutar att införa digitala examinationer från 2025.";
    const BODY: &str = "Arbetsmarknadsnämnden";
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));

    let c = driver.session().await;
    page_size(&c, 1280, 800).await;
    open_row(&c, EXAMPLE).await;
    click(&c, "tab-case").await;
    type_into(&wait_for(&c, "case-proposal").await, PROPOSAL).await;
    type_into(&wait_for(&c, "case-deciding-body").await, BODY).await;
    type_into(&wait_for(&c, "case-start").await, "2025-01-01").await;
    click(&c, "case-option-add").await;
    type_into(&last(&c, "case-option-name").await, "Köpa tjänsten").await;
    type_into(&last(&c, "case-option-one-off").await, "300 000").await;
    type_into(&last(&c, "case-option-yearly-benefit").await, "200000").await;
    click(&c, "case-funding-add").await;
    type_into(
        &last(&c, "case-funding-source-row").await,
        "Investeringsbudget",
    )
    .await;
    last(&c, "case-funding-year")
        .await
        .select_by_label("år 1 (2024)")
        .await
        .unwrap();
    type_into(&last(&c, "case-funding-amount").await, "300 000").await;
    click(&c, "case-milestone-add").await;
    type_into(&last(&c, "case-milestone-date").await, "2024-03-01").await;
    type_into(&last(&c, "case-milestone-text").await, "Upphandling klar").await;
    saved_valid(&c).await;
    c.close().await.unwrap();

    let c = driver.session().await;
    page_size(&c, 1280, 800).await;
    open_row(&c, EXAMPLE).await;
    click(&c, "tab-case").await;
    assert_eq!(value_of(&c, "case-proposal").await, PROPOSAL);
    assert_eq!(value_of(&c, "case-deciding-body").await, BODY);
    assert_eq!(value_of(&c, "case-start").await, "2025-01-01");
    assert_eq!(value_of(&c, "case-option-name").await, "Köpa tjänsten");
    assert_eq!(
        squeeze(&value_of(&c, "case-option-one-off").await),
        "300000",
        "shown as 300 000"
    );
    // The engine's NPV of the option, by hand at 3 % over years 1–6: −300 000 + 200 000 ×
    // (1 − 1.03^−6) / 0.03 = −300 000 + 200 000 × 5.417191444 = 783 438.29 kr.
    let npv = figure_becomes(&c, "case-option-npv", "783438.29").await;
    assert_eq!(
        squeeze(&npv),
        "783438kr",
        "shown as sv-SE whole kronor: {npv:?}"
    );
    assert_eq!(value_of(&c, "case-funding-year").await, "1");
    assert_eq!(
        value_of(&c, "case-milestone-text").await,
        "Upphandling klar"
    );
    page_screenshot(&c, "app-decision").await;
    // The options, the funding and the milestones below the sticky app bar.
    c.execute(
        "window.scrollTo(0, document.getElementById('case-options-h').getBoundingClientRect().top + window.scrollY - 56)",
        vec![],
    )
    .await
    .unwrap();
    page_screenshot(&c, "app-decision-options").await;
    c.close().await.unwrap();
    drop(driver);
}

/// The Beslutsunderlag tab shows the business case the PDF prints, from the real engine: its
/// seven sections in order, the year tables with their column headers, the charts with their
/// descriptions, and the economic NPV of Läkemedelsrobotar, 2 829 229,77 kr by the reference
/// implementation (tests/reference), in whole kronor; every table fits its column at
/// 1280×800, and the document follows a switch to English.
#[tokio::test(flavor = "current_thread")]
async fn beslutsunderlag_shows_the_business_case_the_pdf_prints() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    page_size(&c, 1280, 800).await;
    open_row(&c, "Läkemedelsrobotar").await;
    click(&c, "tab-report").await;
    let doc = wait_for(&c, "case-document").await;
    let sections = |lang: &str| -> Vec<String> {
        let sv = [
            "Läkemedelsrobotar i boendestödet",
            "1. Sammanfattning",
            "2. Strategiskt underlag",
            "3. Ekonomiskt underlag",
            "4. Kommersiellt underlag",
            "5. Finansiellt underlag",
            "6. Genomförande och styrning",
            "7. Antaganden och beräkningsregler",
        ];
        let en = [
            "Läkemedelsrobotar i boendestödet",
            "1. Summary",
            "2. Strategic case",
            "3. Economic case",
            "4. Commercial case",
            "5. Financial case",
            "6. Management case",
            "7. Assumptions and calculation conventions",
        ];
        let list = if lang == "sv" { sv } else { en };
        list.iter().map(|s| (*s).to_string()).collect()
    };
    let headings = |c: Client| async move {
        let mut out = Vec::new();
        for h in c
            .find_all(Locator::Css("[data-testid=\"case-document\"] h3"))
            .await
            .unwrap()
        {
            out.push(h.text().await.unwrap());
        }
        out
    };
    assert_eq!(headings(c.clone()).await, sections("sv"));
    let text = squeeze(&doc.text().await.unwrap());
    assert!(
        text.contains("2829230kr"),
        "the economic NPV in whole kronor"
    );
    let discounted = c
        .find_all(Locator::XPath(
            "//*[@data-testid='case-document']//th[@scope='col'][normalize-space()='Diskonterat netto']",
        ))
        .await
        .unwrap();
    assert_eq!(
        discounted.len(),
        2,
        "both year tables have their header row"
    );
    let figures = c.find_all(Locator::Css(&id("case-figure"))).await.unwrap();
    assert!(figures.len() >= 5, "{} charts", figures.len());
    let alt = figures[0].attr("alt").await.unwrap().unwrap_or_default();
    assert!(alt.starts_with("Linjediagram"), "{alt:?}");
    let bad = misfits(&c, ".case-document table", ".table-wrap").await;
    assert!(bad.is_empty(), "1280×800: {bad:#?}");
    page_screenshot(&c, "app-report").await;
    // The year tables with their sum rows, below the sticky app bar.
    c.execute(
        "const h = [...document.querySelectorAll('.case-document h4')].find((e) => e.textContent.startsWith('År för år')); window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 56)",
        vec![],
    )
    .await
    .unwrap();
    page_screenshot(&c, "app-report-years").await;

    switch_lang(&c, "en", "Portfolio").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    while headings(c.clone()).await != sections("en") {
        assert!(
            Instant::now() < deadline,
            "the document follows the switch to English"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    c.close().await.unwrap();
    drop(driver);
}

/// "Visa formel" on a time line turned it into an amount line: Frigjord tid of the example
/// Digitala medicinskåp fell from 1 173 h to 355 h, and the change was saved.
#[tokio::test(flavor = "current_thread")]
async fn showing_a_time_lines_formula_changes_no_figure_and_saves_nothing() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    open_row(&c, "Digitala medicinskåp").await;
    click(&c, "tab-valuation").await;
    let freed = || async {
        wait_for(&c, "freed-time")
            .await
            .attr("data-value")
            .await
            .unwrap()
            .unwrap_or_default()
    };
    let before = freed().await;
    assert!(
        !before.is_empty() && before != "0.00",
        "the example frees time: {before:?}"
    );
    let mut time_line = None;
    for line in c.find_all(Locator::Css(&id("line"))).await.unwrap() {
        if line.find(Locator::Css(&id("line-minutes"))).await.is_ok() {
            time_line = Some(line);
            break;
        }
    }
    let line = time_line.expect("the example has a time line");
    for _ in 0..3 {
        press(
            &c,
            &line
                .find(Locator::Css(&id("formula-toggle")))
                .await
                .unwrap(),
        )
        .await;
        line.find(Locator::Css(&id("formula-time-note")))
            .await
            .unwrap();
        press(
            &c,
            &line
                .find(Locator::Css(&id("formula-toggle")))
                .await
                .unwrap(),
        )
        .await;
        line.find(Locator::Css(&id("line-minutes"))).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(freed().await, before, "Frigjord tid is unchanged");
    assert_eq!(text_of(&c, "save-status").await, "", "nothing was saved");
    c.close().await.unwrap();
    drop(driver);
}

#[tokio::test(flavor = "current_thread")]
async fn a_damaged_store_shows_the_recovery_message_and_the_file_is_kept() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    let junk = "Det här är ingen databas. ".repeat(200);
    std::fs::write(&db, &junk).unwrap();
    let driver = Driver::start(&db);
    let c = driver.session().await;

    let message = text_of(&c, "store-error").await;
    assert!(
        message.contains(&db.display().to_string()),
        "the message names the file: {message}"
    );
    let rows = c
        .find_all(Locator::Css(&id("portfolio-row")))
        .await
        .unwrap();
    assert!(
        rows.is_empty(),
        "no portfolio over a store that did not open"
    );
    c.close().await.unwrap();
    drop(driver);

    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t == junk))
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the damaged file is kept, byte for byte: {kept:?}"
    );
}

/// The installed package (`scripts/install-test.sh`): the app installed by dpkg opens its
/// portfolio on the store `NYTTA_E2E_STORE` (left for the script to check after removing the
/// package), and names a damaged store's file. Runs only with `NYTTA_E2E_APP` set.
#[tokio::test(flavor = "current_thread")]
async fn the_installed_app_opens_its_portfolio_and_names_a_damaged_store() {
    let (Some(_), Some(_), Some(store)) = (
        std::env::var_os("NYTTA_E2E"),
        std::env::var_os("NYTTA_E2E_APP"),
        std::env::var_os("NYTTA_E2E_STORE"),
    ) else {
        eprintln!("skipped: run by scripts/install-test.sh on an installed package");
        return;
    };
    let store = PathBuf::from(store);
    let driver = Driver::start(&store);
    let c = driver.session().await;
    wait_for(&c, "portfolio-row").await;
    let rows = c
        .find_all(Locator::Css(&id("portfolio-row")))
        .await
        .unwrap();
    assert_eq!(
        rows.len(),
        4,
        "the installed app starts with the four examples"
    );
    row_with(&c, "Läkemedelsrobotar").await;
    // "Om Nytta" from the header: the package's version and the store it was started on.
    click(&c, "about-open").await;
    wait_text(&c, "about-version", env!("CARGO_PKG_VERSION")).await;
    assert_eq!(text_of(&c, "about-licence").await, "EUPL-1.2");
    assert_eq!(
        text_of(&c, "about-db-path").await,
        store.display().to_string()
    );
    let schema = text_of(&c, "about-schema").await;
    assert!(
        schema.parse::<u32>().is_ok_and(|v| v > 0),
        "the open store's schema version: {schema:?}"
    );
    click(&c, "about-close").await;
    c.close().await.unwrap();
    drop(driver);

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    std::fs::write(&db, "Det här är ingen databas. ".repeat(200)).unwrap();
    let driver = Driver::start(&db);
    let c = driver.session().await;
    let message = text_of(&c, "store-error").await;
    assert!(
        message.contains(&db.display().to_string()),
        "the installed app names the damaged file: {message}"
    );
    c.close().await.unwrap();
    drop(driver);
}

/// Every cell of the tables matching `tables` (CSS) that pokes out of `frame` (CSS, the
/// nearest ancestor of the table that clips or holds it), and every two cells that overlap,
/// each as a line of text; empty when all fit.
async fn misfits(c: &Client, tables: &str, frame: &str) -> Vec<String> {
    let found = c
        .execute(
            r#"
            const [tables, frame] = arguments;
            const out = [];
            const boxes = [];
            for (const table of document.querySelectorAll(tables)) {
              const holder = table.closest(frame) ?? table.parentElement;
              const h = holder.getBoundingClientRect();
              const right = h.left + holder.clientLeft + holder.clientWidth;
              for (const cell of table.querySelectorAll("th, td")) {
                const r = cell.getBoundingClientRect();
                if (r.width === 0) continue;
                // A cell's content may spill over its own edge without widening it.
                let edge = r.right;
                for (const e of cell.querySelectorAll("*")) {
                  const b = e.getBoundingClientRect();
                  if (b.width > 0 && getComputedStyle(e).position !== "absolute") edge = Math.max(edge, b.right);
                }
                const text = cell.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
                if (edge > right + 0.5) out.push(`"${text}" ends at ${edge.toFixed(0)} beyond ${frame} at ${right.toFixed(0)}`);
                boxes.push({ text, l: r.left, r: edge, t: r.top, b: r.bottom });
              }
            }
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i], b = boxes[j];
                if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5)
                  out.push(`"${a.text}" overlaps "${b.text}"`);
              }
            return out;
            "#,
            vec![json!(tables), json!(frame)],
        )
        .await
        .unwrap();
    serde_json::from_value(found).unwrap()
}

/// Sizes the window so that the page inside it is `width` × `height` CSS pixels.
async fn page_size(c: &Client, width: u32, height: u32) {
    let inner = |v: serde_json::Value| -> (u32, u32) { serde_json::from_value(v).unwrap() };
    let (mut w, mut h) = (width, height);
    for _ in 0..3 {
        c.set_window_size(w, h).await.unwrap();
        tokio::time::sleep(Duration::from_millis(400)).await;
        let (iw, ih) = inner(
            c.execute("return [window.innerWidth, window.innerHeight]", vec![])
                .await
                .unwrap(),
        );
        if (iw, ih) == (width, height) {
            return;
        }
        (w, h) = (w + width - iw.min(width), h + height - ih.min(height));
    }
    panic!("the page could not be made {width}×{height}");
}

/// A screenshot of the page alone (not the whole screen) into `NYTTA_SCREENSHOTS`.
async fn page_screenshot(c: &Client, name: &str) {
    let Some(dir) = std::env::var_os("NYTTA_SCREENSHOTS") else {
        return;
    };
    tokio::time::sleep(Duration::from_millis(600)).await;
    let png = c.screenshot().await.unwrap();
    std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
}

/// At 1280×800 the budget column of Digitala medicinskåp's key figures (−1 555 228 kr,
/// ROI −81 %) was cut off by the results panel, and the follow-up comparison's tables ran
/// into each other ("−1 181 177 kr" over "51 %"). At 1280×800 and 1024×700 every cell now
/// fits inside its panel and no two cells overlap.
#[tokio::test(flavor = "current_thread")]
async fn the_results_panel_and_the_follow_up_comparison_fit_at_1280_and_1024() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    wait_for(&c, "portfolio-row").await;
    for (width, height) in [(1280, 800), (1024, 700)] {
        page_size(&c, width, height).await;
        click(&c, "nav-portfolio").await;
        open_row(&c, "Digitala medicinskåp").await;
        click(&c, "tab-valuation").await;
        let deadline = Instant::now() + Duration::from_secs(20);
        while !squeeze(&text_of(&c, "npv-budget").await).contains("1555228kr") {
            assert!(
                Instant::now() < deadline,
                "the budget NPV −1 555 228 kr is shown"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let bad = misfits(&c, ".results-col table", ".results-col").await;
        assert!(bad.is_empty(), "{width}×{height}, key figures: {bad:#?}");
        page_screenshot(&c, &format!("app-valuation-{width}")).await;

        for title in ["Läkemedelsrobotar", "Digital signering"] {
            click(&c, "nav-portfolio").await;
            open_row(&c, title).await;
            click(&c, "tab-follow-up").await;
            let cmp = wait_for(&c, "fu-comparison").await;
            let bad = misfits(&c, "[data-testid=fu-comparison] table", ".tab-panel").await;
            assert!(bad.is_empty(), "{width}×{height}, {title}: {bad:#?}");
            if title == "Läkemedelsrobotar" {
                // Below the sticky app bar, with the comparison's heading in view.
                c.execute(
                    "window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 56)",
                    vec![serde_json::to_value(&cmp).unwrap()],
                )
                .await
                .unwrap();
                page_screenshot(&c, &format!("app-follow-up-{width}")).await;
            }
        }
    }
    c.close().await.unwrap();
    drop(driver);
}

/// Whether the table matching `table` (CSS) scrolls sideways in its `.table-wrap`, and
/// whether the page itself does.
async fn scrolls_sideways(c: &Client, table: &str) -> serde_json::Value {
    c.execute(
        r#"const t = document.querySelector(arguments[0]);
           const w = t.closest(".table-wrap");
           return [w.scrollWidth > w.clientWidth + 0.5,
                   document.documentElement.scrollWidth > window.innerWidth];"#,
        vec![json!(table)],
    )
    .await
    .unwrap()
}

/// With the demo portfolio at 1280×800 the portfolio table was wider than the window (the
/// NPV cut to "5 559 426 k", payback and the row actions off screen, a horizontal scrollbar
/// under 457 rows) and the overview's department table lost its Årsarbetare column. At
/// 1280×800 and 1024×700 both now fit: no cell outside its frame, none overlapping another,
/// no sideways scrolling.
#[tokio::test(flavor = "current_thread")]
async fn the_portfolio_and_overview_tables_fit_at_1280_and_1024_with_the_demo_portfolio() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    wait_for(&c, "portfolio-row").await;
    let added = invoke(&c, "demo_add", json!({})).await;
    let total = 4 + added["count"].as_u64().unwrap();
    for (width, height) in [(1280, 800), (1024, 700)] {
        page_size(&c, width, height).await;
        click(&c, "nav-overview").await;
        wait_for(&c, "ov-departments").await;
        let bad = misfits(&c, "[data-testid=ov-departments]", ".table-wrap").await;
        assert!(bad.is_empty(), "{width}×{height}, overview: {bad:#?}");
        assert_eq!(
            scrolls_sideways(&c, "[data-testid=ov-departments]").await,
            json!([false, false]),
            "{width}×{height}: the department table scrolls sideways"
        );
        page_screenshot(&c, &format!("app-overview-{width}")).await;

        click(&c, "nav-portfolio").await;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let shown = c
                .execute(
                    "return document.querySelectorAll('[data-testid=portfolio-row]').length",
                    vec![],
                )
                .await
                .unwrap();
            if shown.as_u64() == Some(total) {
                break;
            }
            assert!(Instant::now() < deadline, "{total} rows shown, not {shown}");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let bad = misfits(&c, ".portfolio-table", ".table-wrap").await;
        assert!(bad.is_empty(), "{width}×{height}, portfolio: {bad:#?}");
        assert_eq!(
            scrolls_sideways(&c, ".portfolio-table").await,
            json!([false, false]),
            "{width}×{height}: the portfolio table scrolls sideways"
        );
        page_screenshot(&c, &format!("app-portfolio-{width}")).await;
    }
    c.close().await.unwrap();
    drop(driver);
}

/// Runs a command of the real shell from the window, as the UI's `ui/src/api` does (the
/// native file dialogs are left out: the path a dialog would return is passed directly).
async fn invoke(c: &Client, cmd: &str, args: serde_json::Value) -> serde_json::Value {
    let out = c
        .execute_async(
            "const [cmd, args, done] = arguments; \
             window.__TAURI_INTERNALS__.invoke(cmd, args).then((ok) => done({ ok }), (err) => done({ err }));",
            vec![json!(cmd), args],
        )
        .await
        .unwrap();
    assert!(out.get("err").is_none(), "{cmd} failed: {out}");
    out["ok"].clone()
}

#[tokio::test(flavor = "current_thread")]
async fn excel_export_and_import_run_through_the_real_shell() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    let robots = "Läkemedelsrobotar i boendestödet";
    row_with(&c, robots).await;
    for testid in ["xlsx-export", "xlsx-import"] {
        assert_eq!(
            wait_for(&c, testid).await.text().await.unwrap(),
            if testid == "xlsx-export" {
                "Exportera till Excel"
            } else {
                "Importera från Excel"
            }
        );
    }
    let list = invoke(&c, "portfolio_list", json!({})).await;
    let rows = list.as_array().unwrap().len();
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == robots)
        .unwrap()["id"]
        .clone();

    // The valuation as a workbook, and the workbook back into the store as a copy.
    let book = dir.path().join("robotar.xlsx");
    invoke(&c, "xlsx_export", json!({ "id": id, "path": book })).await;
    assert_eq!(&std::fs::read(&book).unwrap()[..2], b"PK", "an .xlsx file");
    let copy = invoke(
        &c,
        "xlsx_import",
        json!({ "path": book, "onDuplicate": "copy" }),
    )
    .await;
    assert_ne!(copy, id, "a copy is a new initiative");
    let list = invoke(&c, "portfolio_list", json!({})).await;
    assert_eq!(list.as_array().unwrap().len(), rows + 1);

    // The portfolio as a workbook.
    let portfolio = dir.path().join("portfolj.xlsx");
    invoke(&c, "portfolio_export_xlsx", json!({ "path": portfolio })).await;
    assert_eq!(&std::fs::read(&portfolio).unwrap()[..2], b"PK");

    // A file that is no workbook is refused with the problem in both languages.
    let junk = dir.path().join("inte-excel.xlsx");
    std::fs::write(&junk, "hej").unwrap();
    let out = c
        .execute_async(
            "const [args, done] = arguments; \
             window.__TAURI_INTERNALS__.invoke('xlsx_import', args).then((ok) => done({ ok }), (err) => done({ err }));",
            vec![json!({ "path": junk, "onDuplicate": "refuse" })],
        )
        .await
        .unwrap();
    let err = out["err"].to_string();
    assert!(
        err.contains("Excelarbetsbok") && err.contains("Excel workbook"),
        "{out}"
    );
    c.close().await.unwrap();
    drop(driver);
}

/// The data-ids of the portfolio rows shown.
async fn shown_ids(c: &Client) -> Vec<i64> {
    let ids = c
        .execute(
            "return [...document.querySelectorAll('[data-testid=\"portfolio-row\"]')].map((r) => Number(r.dataset.id))",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(ids).unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn the_overview_of_the_demo_portfolio_clicks_through_a_count_to_its_initiatives() {
    if skipped() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    wait_for(&c, "portfolio-row").await;
    wait_text(&c, "demo-toggle", "Lägg till demoportfölj").await;
    click(&c, "demo-toggle").await;
    wait_text(&c, "demo-toggle", "Ta bort demoportföljen").await;
    screenshot("app-portfolio-demo");

    click(&c, "nav-overview").await;
    wait_for(&c, "ov-funnel").await;
    screenshot("app-overview");
    // The audit report's 45 awaiting decision (the examples have none).
    let css =
        "[data-testid=\"ov-stage\"][data-stage=\"awaiting_decision\"] [data-testid=\"ov-link\"]";
    let link = c.find(Locator::Css(css)).await.unwrap();
    assert_eq!(link.text().await.unwrap(), "45");
    let overview = invoke(&c, "portfolio_overview", json!({})).await;
    let expected: Vec<i64> = overview["steps"][0]["stages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["stage"] == "awaiting_decision")
        .map(|s| serde_json::from_value(s["ids"].clone()).unwrap())
        .unwrap();
    assert_eq!(expected.len(), 45);
    press(&c, &link).await;
    wait_for(&c, "id-filter").await;
    assert_eq!(
        squeeze(&text_of(&c, "id-filter").await),
        squeeze("Visar: För beslut (45) Visa hela portföljen")
    );
    assert_eq!(
        shown_ids(&c).await,
        expected,
        "exactly those, in priority order"
    );
    screenshot("app-overview-click-through");

    click(&c, "nav-priorities").await;
    wait_for(&c, "pr-row").await;
    let budget = wait_for(&c, "pr-budget").await;
    type_into(&budget, "5 000 000").await;
    budget.send_keys(&Key::Tab.to_string()).await.unwrap();
    let capacity = squeeze(&text_of(&c, "pr-capacity").await);
    assert!(
        capacity.contains(&squeeze("ryms i budgeten 5 000 000 kr per år")),
        "{capacity}"
    );
    // Staff capacity as well: the line is drawn where either runs out.
    let hours = wait_for(&c, "pr-hours").await;
    type_into(&hours, "3 000").await;
    hours.send_keys(&Key::Tab.to_string()).await.unwrap();
    let want = squeeze("ryms i budgeten 5 000 000 kr och 3 000 h per år");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut seen = String::new();
    while Instant::now() < deadline && !seen.contains(&want) {
        tokio::time::sleep(Duration::from_millis(100)).await;
        seen = squeeze(&text_of(&c, "pr-capacity").await);
    }
    assert!(seen.contains(&want), "{seen}");
    wait_for(&c, "pr-fit-hours").await;
    // Tab moved on to the table; the picture shows the fields and the capacity line.
    c.execute(
        "document.activeElement.blur(); window.scrollTo(0, 0);",
        vec![],
    )
    .await
    .unwrap();
    screenshot("app-priorities");

    click(&c, "nav-similar").await;
    wait_for(&c, "sim-group").await;
    wait_text(&c, "sim-summary", "grupper vid tröskeln 0,25").await;
    // Hundreds of rows take the window a moment to paint.
    tokio::time::sleep(Duration::from_secs(2)).await;
    screenshot("app-similar");

    // The PULS agenda since its default date, two weeks back: the demo was written just now,
    // so it asks for the 45 decisions and the 73 in development.
    click(&c, "nav-agenda").await;
    wait_for(&c, "ag-item").await;
    let summary = squeeze(&text_of(&c, "ag-summary").await);
    assert!(
        summary.contains(&squeeze("45 för beslut")) && summary.contains(&squeeze("73 för stöd")),
        "{summary}"
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    screenshot("app-agenda");
    c.close().await.unwrap();
    drop(driver);
}

/// How long *Översikt* takes on the demo portfolio from the click on its header button to
/// the first frame painted with the funnel, measured inside the window (`performance.now()`,
/// two animation frames after the funnel is in the page). Printed, not asserted: speed is
/// read from benchmarks (issue 12's target: under 300 ms). Runs only with
/// `NYTTA_E2E_BENCH=1` as well as `NYTTA_E2E=1`.
#[tokio::test(flavor = "current_thread")]
async fn bench_the_overview_of_the_demo_portfolio_on_screen() {
    if skipped() {
        return;
    }
    if std::env::var_os("NYTTA_E2E_BENCH").is_none() {
        eprintln!("skipped: set NYTTA_E2E_BENCH=1 to measure");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    wait_for(&c, "portfolio-row").await;
    wait_text(&c, "demo-toggle", "Lägg till demoportfölj").await;
    click(&c, "demo-toggle").await;
    wait_text(&c, "demo-toggle", "Ta bort demoportföljen").await;
    let count = invoke(&c, "portfolio_overview", json!({})).await["total"]["count"].clone();
    let script = r#"
        const done = arguments[arguments.length - 1];
        const t0 = performance.now();
        document.querySelector('[data-testid="nav-overview"]').click();
        const tick = () => {
          if (document.querySelector('[data-testid="ov-funnel"]')) {
            requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
          } else {
            requestAnimationFrame(tick);
          }
        };
        requestAnimationFrame(tick);
    "#;
    // From the portfolio list (its 457 rows are taken down on the way) and from Settings.
    let mut runs = Vec::new();
    let mut from_settings = Vec::new();
    for _ in 0..7 {
        click(&c, "nav-portfolio").await;
        wait_for(&c, "portfolio-row").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let ms = c.execute_async(script, vec![]).await.unwrap();
        runs.push(ms.as_f64().unwrap());
        click(&c, "nav-settings").await;
        wait_for(&c, "settings-save").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let ms = c.execute_async(script, vec![]).await.unwrap();
        from_settings.push(ms.as_f64().unwrap());
    }
    // The command alone (read from the store and computed, over the shell's IPC), to tell
    // the computing from the drawing.
    let command = r#"
        const done = arguments[arguments.length - 1];
        const t0 = performance.now();
        window.__TAURI_INTERNALS__.invoke("portfolio_overview", {})
          .then(() => done(performance.now() - t0), () => done(-1));
    "#;
    let mut calls = Vec::new();
    for _ in 0..7 {
        calls.push(
            c.execute_async(command, vec![])
                .await
                .unwrap()
                .as_f64()
                .unwrap(),
        );
    }
    let median = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let shown = |v: &[f64]| {
        v.iter()
            .map(|ms| format!("{ms:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "Översikt on screen, click to painted, {count} initiatives: from the portfolio list first {:.0} ms, median of the next {} {:.0} ms [runs: {} ms]; from Settings median {:.0} ms [{} ms] (target < 300 ms); the portfolio_overview command alone: median {:.0} ms [{} ms]",
        runs[0],
        runs.len() - 1,
        median(&runs[1..]),
        shown(&runs),
        median(&from_settings),
        shown(&from_settings),
        median(&calls),
        shown(&calls)
    );
    c.close().await.unwrap();
    drop(driver);
}

/// The test PostgreSQL that `scripts/pg-test-server.sh start` names in `NYTTA_TEST_PG_URL`
/// (its administrator, password in `PGPASSFILE`): (port, password), or `None` and "skipped".
fn test_server() -> Option<(u16, String)> {
    let Ok(url) = std::env::var("NYTTA_TEST_PG_URL") else {
        eprintln!("skipped: needs NYTTA_TEST_PG_URL (scripts/pg-test-server.sh start)");
        return None;
    };
    let port = url
        .split_once("@127.0.0.1:")
        .and_then(|(_, rest)| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("NYTTA_TEST_PG_URL names a port on 127.0.0.1");
    let passfile = std::env::var("PGPASSFILE").expect("PGPASSFILE beside NYTTA_TEST_PG_URL");
    let text = std::fs::read_to_string(passfile).unwrap();
    let password = text.lines().next().unwrap().rsplit(':').next().unwrap();
    Some((port, password.to_string()))
}

/// Runs `sql` with psql as `user` on `db` of the test server; returns what it printed.
fn psql(port: u16, user: &str, db: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .args(["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"])
        .arg(format!(
            "postgresql://{user}@127.0.0.1:{port}/{db}?sslmode=require"
        ))
        .args(["-c", sql])
        .output()
        .expect("psql (Debian: postgresql-client)");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn synkronisera_sends_what_waits_to_the_server_in_the_settings() {
    if skipped() {
        return;
    }
    let Some((port, password)) = test_server() else {
        return;
    };
    // A fresh database `nytta` with Nytta's schema, owned as the README's IT section says,
    // the department and one member of it (roles belong to the whole test server, so they
    // are made once).
    let (db, owner, user) = ("nytta", "nytta_agare", "handlaggare_omsorg");
    let role = |name: &str, rest: &str| {
        format!(
            "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN
               CREATE ROLE {name} {rest}; END IF;"
        )
    };
    psql(
        port,
        "admin",
        "postgres",
        &format!(
            "DO $$ BEGIN {} {} {} {} {} END $$",
            role("nytta_reader", "NOLOGIN"),
            role("nytta_portfolio_admin", "NOLOGIN IN ROLE nytta_reader"),
            role(owner, &format!("LOGIN PASSWORD '{password}'")),
            role(
                user,
                &format!("LOGIN PASSWORD '{password}' IN ROLE nytta_reader")
            ),
            role(
                "utvecklare_omsorg",
                &format!("LOGIN PASSWORD '{password}' IN ROLE nytta_reader")
            ),
        ),
    );
    psql(
        port,
        "admin",
        "postgres",
        "DROP DATABASE IF EXISTS nytta WITH (FORCE)",
    );
    psql(
        port,
        "admin",
        "postgres",
        &format!("CREATE DATABASE {db} OWNER {owner}"),
    );
    // The PostgreSQL client blocks on a runtime of its own: off this test's runtime.
    let init = format!("postgresql://{owner}@127.0.0.1:{port}/{db}?sslmode=require");
    std::thread::spawn(move || nytta_app::sync::server_init(&init))
        .join()
        .unwrap()
        .unwrap();
    psql(
        port,
        owner,
        db,
        &format!(
            "INSERT INTO nytta.departments (name) VALUES ('Omsorgsförvaltningen');
             INSERT INTO nytta.members (department, member) VALUES ('Omsorgsförvaltningen', '{user}');"
        ),
    );

    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));
    let c = driver.session().await;
    wait_for(&c, "portfolio-row").await;
    let x = invoke(
        &c,
        "initiative_create",
        json!({ "title": "Digital tillsyn nattetid", "department": "Omsorgsförvaltningen" }),
    )
    .await;

    // Before any server is set: what waits is shown, the sync is not offered.
    click(&c, "nav-sync").await;
    wait_text(&c, "sync-waiting", "1 ändring väntar").await;
    assert_eq!(text_of(&c, "sync-last").await, "aldrig");

    // The settings: verify-full against the test server's certificate (it names localhost).
    click(&c, "nav-settings").await;
    type_into(&wait_for(&c, "server-host").await, "localhost").await;
    type_into(&wait_for(&c, "server-port").await, &port.to_string()).await;
    type_into(&wait_for(&c, "server-database").await, db).await;
    type_into(&wait_for(&c, "server-user").await, user).await;
    let ca = std::env::var("NYTTA_TEST_PG_CA").expect("NYTTA_TEST_PG_CA");
    type_into(&wait_for(&c, "server-ca-file").await, &ca).await;
    click(&c, "server-save").await;
    wait_text(&c, "toast", "Serverinställningarna sparades.").await;

    click(&c, "nav-sync").await;
    wait_text(&c, "sync-server", &format!("{user}@localhost:{port}/{db}")).await;
    click(&c, "sync-run").await;
    wait_text(&c, "sync-done", "Skickade initiativ: 1.").await;
    wait_text(&c, "sync-waiting", "0 ändringar väntar").await;
    let last = text_of(&c, "sync-last").await;
    let shape: String = last
        .chars()
        .map(|ch| if ch.is_ascii_digit() { '9' } else { ch })
        .collect();
    assert_eq!(
        shape, "9999-99-99 99:99",
        "last synced as the local YYYY-MM-DD HH:MM, saw {last:?}"
    );
    assert_eq!(
        psql(port, "admin", db, "SELECT title FROM nytta.initiatives"),
        "Digital tillsyn nattetid",
        "the initiative is on the server"
    );

    // A colleague in the department changes the same draft meanwhile (a store of their own,
    // synced by nytta-app as the window does), and so does this window: the sync keeps both
    // and names the conflict, with a way to the initiative.
    let colleague = "utvecklare_omsorg";
    psql(
        port,
        owner,
        db,
        &format!(
            "INSERT INTO nytta.members (department, member) VALUES ('Omsorgsförvaltningen', '{colleague}')"
        ),
    );
    let theirs = nytta_app::types::ServerSettings {
        host: "localhost".into(),
        port: u32::from(port),
        database: db.into(),
        user: colleague.into(),
        tls: nytta_app::types::ServerTls::VerifyFull,
        ca_file: Some(ca.clone()),
    };
    let their_store = dir.path().join("kollega.db");
    std::thread::spawn(move || {
        let b = nytta_app::ctx::Ctx::open(&their_store).unwrap();
        nytta_app::server_settings::save(&b, &theirs).unwrap();
        nytta_app::sync::sync_now(&b).unwrap();
        let x = nytta_app::portfolio::list(&b)
            .unwrap()
            .into_iter()
            .find(|s| s.summary.title == "Digital tillsyn nattetid")
            .unwrap()
            .id;
        let mut doc: serde_json::Value =
            serde_json::from_str(&nytta_app::portfolio::export(&b, x).unwrap()).unwrap();
        doc["initiative"]["description"] = json!("Kollegan: kamera endast i hallen.");
        nytta_app::portfolio::save_draft(&b, x, &doc.to_string()).unwrap();
        nytta_app::sync::sync_now(&b).unwrap();
    })
    .join()
    .unwrap();
    let stored = invoke(&c, "initiative_get", json!({ "id": x })).await;
    let mut doc: serde_json::Value =
        serde_json::from_str(stored["document_json"].as_str().unwrap()).unwrap();
    doc["initiative"]["description"] = json!("Sensorer i alla rum.");
    invoke(
        &c,
        "initiative_save",
        json!({ "id": x, "document": doc.to_string() }),
    )
    .await;
    click(&c, "nav-portfolio").await;
    click(&c, "nav-sync").await;
    wait_text(&c, "sync-waiting", "1 ändring väntar").await;
    click(&c, "sync-run").await;
    wait_text(
        &c,
        "sync-conflict",
        "Digital tillsyn nattetid (Omsorgsförvaltningen): version 2 är konfliktversionen, bredvid version 1",
    )
    .await;
    wait_text(&c, "sync-waiting", "0 ändringar väntar").await;
    if let Ok(close) = c.find(Locator::Css("[data-testid=\"toast\"] button")).await {
        press(&c, &close).await;
    }
    screenshot("app-sync");
    click(&c, "sync-conflict-open").await;
    wait_text(&c, "initiative-title", "Digital tillsyn nattetid").await;

    // At the narrowest window, with Synkronisering among them, the header's views wrap to a
    // second line: the language and "Om Nytta" stay in sight.
    page_size(&c, 1024, 700).await;
    let fit = c
        .execute(
            r#"const h = document.querySelector("header");
               const about = document.querySelector('[data-testid="about-open"]').getBoundingClientRect();
               return [h.scrollWidth <= h.clientWidth, about.right <= window.innerWidth];"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fit, json!([true, true]), "the header fits at 1024 px");
    c.close().await.unwrap();
    drop(driver);
    psql(
        port,
        "admin",
        "postgres",
        &format!("DROP DATABASE {db} WITH (FORCE)"),
    );
}

/// Stores `draws` and the largest seed in the example's `valuation.simulation` through the
/// real shell, before the window opens it; returns the stored text.
async fn with_simulation(c: &Client, title: &str, draws: u32) -> String {
    let list = invoke(c, "portfolio_list", json!({})).await;
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"].as_str().unwrap().starts_with(title))
        .unwrap()["id"]
        .clone();
    let stored = invoke(c, "initiative_get", json!({ "id": id })).await;
    let mut doc: serde_json::Value =
        serde_json::from_str(stored["document_json"].as_str().unwrap()).unwrap();
    doc["valuation"]["simulation"] = json!({ "draws": draws, "seed": "18446744073709551615" });
    let text = doc.to_string();
    invoke(
        c,
        "initiative_save",
        json!({ "id": id, "document": text.clone() }),
    )
    .await;
    text
}

/// "Simulera" on Känslighet runs in the shell off the main thread: progress arrives over the
/// channel while it draws, Avbryt stops it, a finished run shows the engine's figures, the
/// sentence and both charts with the document's 64-bit seed intact, and a changed
/// distribution marks the result stale.
#[tokio::test(flavor = "current_thread")]
async fn simulera_shows_progress_stops_on_avbryt_and_goes_stale_after_an_edit() {
    if skipped() {
        return;
    }
    const EXAMPLE: &str = "Digitala examinationer";
    let dir = tempfile::tempdir().unwrap();
    let driver = Driver::start(&dir.path().join("nytta.db"));

    let c = driver.session().await;
    page_size(&c, 1280, 800).await;
    with_simulation(&c, EXAMPLE, 100_000).await;
    open_row(&c, EXAMPLE).await;
    click(&c, "tab-sensitivity").await;
    click(&c, "sim-run").await;
    wait_text(&c, "sim-progress-text", "av 100 000 dragningar").await;
    click(&c, "sim-cancel").await;
    wait_text(&c, "sim-cancelled", "Simuleringen avbröts.").await;
    assert!(
        c.find(Locator::Css(&id("sim-result"))).await.is_err(),
        "no result from a cancelled run"
    );
    c.close().await.unwrap();

    let c = driver.session().await;
    page_size(&c, 1280, 800).await;
    let text = with_simulation(&c, EXAMPLE, 4_000).await;
    open_row(&c, EXAMPLE).await;
    click(&c, "tab-sensitivity").await;
    click(&c, "sim-run").await;
    wait_text(&c, "sim-ran", "4 000 utfall, frö 18446744073709551615").await;
    // The engine's run of the same document, in this process.
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let run = nytta_app::simulation::run_text(&text, &cancel, |_| {})
        .unwrap()
        .unwrap();
    // Each view's sentence follows its label and a colon, so it starts in lower case there
    // ("Samhällsekonomiskt: nuvärdet är positivt …").
    let after_colon = |s: &str| {
        let mut cs = s.chars();
        cs.next()
            .map(|f| f.to_lowercase().chain(cs).collect::<String>())
            .unwrap_or_default()
    };
    wait_text(&c, "sim-sentence", &after_colon(&run.economic.sentence_sv)).await;
    wait_text(&c, "sim-sentence", &after_colon(&run.budget.sentence_sv)).await;
    let figures = squeeze(&text_of(&c, "sim-figures").await);
    let p50 = nytta_app::format::kronor(
        run.economic.npv_p50.parse::<nytta_app::Decimal>().unwrap(),
        nytta_app::Lang::Sv,
    );
    assert!(figures.contains(&squeeze(&p50)), "{p50} in {figures}");
    wait_for(&c, "chart-histogram").await;
    wait_for(&c, "chart-s-curve").await;
    c.execute(
        "window.scrollTo(0, document.getElementById('sim-h').getBoundingClientRect().top + window.scrollY - 56)",
        vec![],
    )
    .await
    .unwrap();
    page_screenshot(&c, "app-simulation").await;
    c.execute(
        "document.querySelector('[data-testid=chart-histogram]').scrollIntoView({block: 'center'})",
        vec![],
    )
    .await
    .unwrap();
    page_screenshot(&c, "app-simulation-charts").await;
    click(&c, "tab-valuation").await;
    wait_for(&c, "input-distribution")
        .await
        .select_by_value("uniform")
        .await
        .unwrap();
    saved_valid(&c).await;
    click(&c, "tab-sensitivity").await;
    wait_text(&c, "sim-stale", "Inaktuellt – dokumentet har ändrats").await;
    c.close().await.unwrap();
    drop(driver);
}
