//! [`IdIndex`]: finding a section or an item by its id.
//!
//! The ids are already in the model, so the table keeps only the node, as a `u32` (4 bytes and
//! a control byte a slot, not a second copy of every id); hashing and comparing read the id
//! back from the model.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::node::Node;

/// A section or an item, as the index reads its id back.
pub trait Named {
    fn id(&self) -> &str;
}

/// Marks a section in the table's codes (sections and items are each far fewer than 2³¹).
const SECTION: u32 = 1 << 31;

/// id → node for every section and item of a report.
#[derive(Clone, Default)]
pub struct IdIndex {
    table: HashTable<u32>,
    hasher: std::hash::RandomState,
}

fn encode(node: Node) -> u32 {
    match node {
        Node::Section(s) => SECTION | s as u32,
        Node::Item(i) => i as u32,
    }
}

fn decode(code: u32) -> Node {
    if code & SECTION != 0 { Node::Section((code & !SECTION) as usize) } else { Node::Item(code as usize) }
}

/// The id of the node `code` stands for ("" if the model does not have it yet).
fn id_of<'a>(code: u32, sections: &'a [impl Named], items: &'a [impl Named]) -> &'a str {
    match decode(code) {
        Node::Section(s) => sections.get(s).map_or("", Named::id),
        Node::Item(i) => items.get(i).map_or("", Named::id),
    }
}

impl IdIndex {
    /// Room for `n` ids without growing.
    pub fn reserve(&mut self, n: usize, sections: &[impl Named], items: &[impl Named]) {
        let hasher = &self.hasher;
        self.table.reserve(n, |&code| hasher.hash_one(id_of(code, sections, items)));
    }

    /// Records `id` for `node`; false (and nothing recorded) when the id is already taken.
    /// The nodes already recorded must be in `sections` and `items`, with their ids.
    pub fn insert(&mut self, id: &str, node: Node, sections: &[impl Named], items: &[impl Named]) -> bool {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(id);
        let entry = self.table.entry(
            hash,
            |&code| id_of(code, sections, items) == id,
            |&code| hasher.hash_one(id_of(code, sections, items)),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(slot) => {
                slot.insert(encode(node));
                true
            }
        }
    }

    pub fn get(&self, id: &str, sections: &[impl Named], items: &[impl Named]) -> Option<Node> {
        let hash = self.hasher.hash_one(id);
        self.table.find(hash, |&code| id_of(code, sections, items) == id).map(|&code| decode(code))
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Every node recorded, in no particular order.
    pub fn nodes(&self) -> impl Iterator<Item = Node> + '_ {
        self.table.iter().map(|&code| decode(code))
    }
}

/// Two indexes are equal when they record the same nodes (their ids are the model's).
impl PartialEq for IdIndex {
    fn eq(&self, other: &IdIndex) -> bool {
        let sorted = |index: &IdIndex| {
            let mut codes: Vec<u32> = index.table.iter().copied().collect();
            codes.sort_unstable();
            codes
        };
        self.len() == other.len() && sorted(self) == sorted(other)
    }
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.nodes()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Item, Scale, Section};

    fn section(id: &str) -> Section {
        Section {
            id: id.into(),
            title: "t".into(),
            body: None,
            parent: None,
            depth: 0,
            items: Vec::new(),
            children: Vec::new(),
        }
    }

    fn item(id: &str) -> Item {
        Item {
            id: id.into(),
            title: None,
            text: "".into(),
            section: 0,
            scale: Scale::default(),
            criteria: None,
            tags: Default::default(),
            refs: Box::default(),
            self_score: None,
        }
    }

    #[test]
    fn finds_every_node_by_id_as_it_grows_and_refuses_a_taken_id() {
        let mut index = IdIndex::default();
        let (mut sections, mut items) = (Vec::new(), Vec::new());
        // Recorded before being pushed, as the loader does; enough to grow the table many times.
        for s in 0..300 {
            let id = format!("s{s}");
            assert!(index.insert(&id, Node::Section(s), &sections, &items));
            sections.push(section(&id));
            for i in 0..30 {
                let id = format!("s{s}.i{i}");
                assert!(index.insert(&id, Node::Item(items.len()), &sections, &items));
                items.push(item(&id));
            }
        }
        assert_eq!(index.len(), 300 + 9000);
        assert_eq!(index.get("s0", &sections, &items), Some(Node::Section(0)));
        assert_eq!(index.get("s299", &sections, &items), Some(Node::Section(299)));
        assert_eq!(index.get("s17.i3", &sections, &items), Some(Node::Item(17 * 30 + 3)));
        assert_eq!(index.get("s300", &sections, &items), None);
        // An id is one node's, whichever kind asks.
        assert!(!index.insert("s5.i5", Node::Section(300), &sections, &items));
        assert!(!index.insert("s5", Node::Item(9000), &sections, &items));
        assert_eq!(index.len(), 9300);
        assert_eq!(index.get("s5.i5", &sections, &items), Some(Node::Item(155)));
    }

    #[test]
    fn equal_when_recording_the_same_nodes() {
        let sections = vec![section("a"), section("b")];
        let mut one = IdIndex::default();
        let mut two = IdIndex::default();
        let no_items: &[Item] = &[];
        assert!(one.insert("a", Node::Section(0), &sections[..0], no_items));
        assert!(one.insert("b", Node::Section(1), &sections[..1], no_items));
        assert!(two.insert("b", Node::Section(1), &sections[..0], no_items));
        assert_ne!(one, two);
        assert!(two.insert("a", Node::Section(0), &sections, no_items));
        assert_eq!(one, two);
    }
}
