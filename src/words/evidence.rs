//! The words of linking a rubric's indicators to the passages of the text (import/evidence.rs).

crate::words! {
    EVIDENCE_LINKED = "{n}/{m} 个指标已关联原文段落作为佐证链接" /
        "linked {n} of {m} indicators to passages of the text (evidence links)";
}
