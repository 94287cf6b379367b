//! The four sample initiatives (docs/domain.md §Samples), built into the program and loaded
//! (marked as examples, removable) into a new store.

/// `(file stem, document text)` of every sample.
pub const SAMPLES: [(&str, &str); 4] = [
    (
        "digitala-examinationer",
        include_str!("../../../samples/digitala-examinationer.nytta.json"),
    ),
    (
        "lakemedelsrobotar",
        include_str!("../../../samples/lakemedelsrobotar.nytta.json"),
    ),
    (
        "digitala-medicinskap",
        include_str!("../../../samples/digitala-medicinskap.nytta.json"),
    ),
    (
        "digital-signering",
        include_str!("../../../samples/digital-signering.nytta.json"),
    ),
];
