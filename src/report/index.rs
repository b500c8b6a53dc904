//! [`IdIndex`]: finding a section or an item by its id.
//!
//! The ids are already in the model, so the table keeps only the node, as a `u32` (4 bytes and
//! a control byte a slot, not a second copy of every id); hashing and comparing read the id
//! back from the model.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::model::{Item, Node, Section};

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
fn id_of<'a>(code: u32, sections: &'a [Section], items: &'a [Item]) -> &'a str {
    match decode(code) {
        Node::Section(s) => sections.get(s).map_or("", |s| &s.id),
        Node::Item(i) => items.get(i).map_or("", |i| &i.id),
    }
}

impl IdIndex {
    /// Room for `n` ids without growing.
    pub fn reserve(&mut self, n: usize, sections: &[Section], items: &[Item]) {
        let hasher = &self.hasher;
        self.table.reserve(n, |&code| hasher.hash_one(id_of(code, sections, items)));
    }

    /// Records `id` for `node`; false (and nothing recorded) when the id is already taken.
    /// The nodes already recorded must be in `sections` and `items`, with their ids.
    pub fn insert(&mut self, id: &str, node: Node, sections: &[Section], items: &[Item]) -> bool {
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

    pub fn get(&self, id: &str, sections: &[Section], items: &[Item]) -> Option<Node> {
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
