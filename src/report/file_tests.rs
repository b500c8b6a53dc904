use super::*;
use std::sync::Arc;

/// A report with every field the format has, nested three deep, with an item that overrides
/// every part of the scale and one that sets nothing optional.
fn full() -> ReportFile {
    let item = |id: &str| ItemFile { id: id.into(), text: format!("text of {id}"), ..ItemFile::default() };
    ReportFile {
        format: Some(FORMAT.into()),
        id: "full".into(),
        title: "部门整体支出绩效评价 — every field".into(),
        meta: Meta(vec![
            ("unit".into(), MetaValue::Text("邵东市行政审批服务局".into())),
            ("year".into(), MetaValue::Number(2022.0)),
            ("weight".into(), MetaValue::Number(0.25)),
            ("lang".into(), MetaValue::Text("zh".into())),
        ]),
        scale: Some(ScaleFile { min: Some(0.0), max: Some(5.0), step: Some(0.25) }),
        grades: Some(vec![
            GradeFile { min: 90.0, label: "优".into() },
            GradeFile { min: 62.5, label: "中".into() },
            GradeFile { min: 0.0, label: "差".into() },
        ]),
        require_note_below_max: Some(true),
        sections: vec![
            SectionFile {
                id: "s1".into(),
                title: "一、决策".into(),
                body: Some("the section's own text\nover two lines".into()),
                items: vec![ItemFile {
                    id: "s1.1".into(),
                    title: Some("立项依据充分性".into()),
                    text: "一是……二是……\t(tab) \"quoted\" \\ back-slash 😀".into(),
                    min: Some(1.0),
                    max: Some(3.5),
                    step: Some(0.5),
                    criteria: Some("依据充分得满分".into()),
                    tags: vec!["决策".into(), "立项".into()],
                    refs: vec!["s2".into(), "s2.1.1".into()],
                    self_score: Some(3.0),
                }],
                sections: vec![],
            },
            SectionFile {
                id: "s2".into(),
                title: "二、过程".into(),
                body: None,
                items: vec![item("s2.0")],
                sections: vec![SectionFile {
                    id: "s2.1".into(),
                    title: "（一）资金管理".into(),
                    body: None,
                    items: vec![],
                    sections: vec![SectionFile {
                        id: "s2.1.x".into(),
                        title: "1. 资金到位率".into(),
                        body: Some("deep".into()),
                        items: vec![item("s2.1.1"), item("s2.1.2")],
                        sections: vec![],
                    }],
                }],
            },
        ],
    }
}

/// `file` as the readers give it back: `meta` numbers as text.
fn as_read(mut file: ReportFile) -> ReportFile {
    for (_, v) in &mut file.meta.0 {
        if let MetaValue::Number(n) = v {
            *v = MetaValue::Text(n.to_string());
        }
    }
    file
}

#[test]
fn a_report_with_every_field_reads_back_identically_through_both_readers() {
    let written = full();
    let text = written.to_json_pretty();
    let source = Arc::new(text.clone());
    let fast = super::super::fast::parse(&source, &source).expect("the fast reader takes a valid file");
    let slow = super::super::load::slow_path(&text).expect("the located reader takes it too");
    let expected = as_read(written);
    assert_eq!(ReportFile::of(&fast), expected, "the fast reader (fast.rs) lost or changed a field");
    assert_eq!(ReportFile::of(&slow), expected, "the located reader (load.rs) lost or changed a field");
    // And the one-line form reads the same.
    let line = full().to_json();
    assert!(!line.contains('\n'));
    assert_eq!(ReportFile::of(&crate::report::parse_report(line.as_bytes()).unwrap()), expected);
}

#[test]
fn written_a_section_at_a_time_the_text_is_the_same() {
    // Every shape: nested three deep, a section with only subsections, one with items and
    // subsections, escapes, no sections at all; told every byte, and never.
    let mut wide = full();
    wide.sections.push(SectionFile {
        id: "s3".into(),
        title: "三、\"末\"\n".into(),
        ..SectionFile::default()
    });
    let empty = ReportFile { sections: vec![], ..full() };
    for file in [full(), wide, empty] {
        let expected = file.to_json_pretty();
        let mut told = 0;
        assert_eq!(file.clone().into_json_pretty(1, || told += 1), expected);
        assert_eq!(file.into_json_pretty(usize::MAX, || panic!("told with nothing written")), expected);
        assert!(told > 0 || !expected.contains("\"s1\""), "{told}");
    }
}

#[test]
fn numbers_are_written_as_people_write_them() {
    let text = full().to_json();
    assert!(text.contains(r#""scale":{"min":0,"max":5,"step":0.25}"#), "{text}");
    assert!(text.contains(r#""year":2022,"weight":0.25"#), "{text}");
    assert!(text.contains(r#"{"min":62.5,"label":"中"}"#), "{text}");
    // Absent optional fields are not written at all.
    assert!(text.contains(r#"{"id":"s2.0","text":"text of s2.0"}"#), "{text}");
}

/// `schema` with every object that lists its properties closed to others: a field the schema
/// does not describe then fails validation.
fn closed(schema: &mut serde_json::Value) {
    match schema {
        serde_json::Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), false.into());
            }
            map.values_mut().for_each(closed);
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(closed),
        _ => {}
    }
}

#[test]
fn the_schema_describes_every_field_of_the_model() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schema/report-1.json");
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    closed(&mut schema);
    let url = "https://appraise.invalid/schema/report-1.json";
    let mut compiler = boon::Compiler::new();
    compiler.add_resource(url, schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let id = compiler.compile(url, &mut schemas).unwrap();
    let instance: serde_json::Value = serde_json::from_str(&full().to_json()).unwrap();
    if let Err(e) = schemas.validate(&instance, id) {
        panic!("docs/schema/report-1.json does not describe the model (a field it does not name?):\n{e:#}");
    }
    // The closed schema still refuses what the format refuses.
    let mut wrong = instance.clone();
    wrong["sections"][0]["items"][0]["max"] = "5".into();
    assert!(schemas.validate(&wrong, id).is_err());
    let mut unknown = instance;
    unknown["sections"][0]["colour"] = "red".into();
    assert!(schemas.validate(&unknown, id).is_err(), "closed: an unknown field fails");
}
