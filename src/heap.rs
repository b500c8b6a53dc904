//! The process's heap: after a large, short-lived allocation (a file read at start, an exported
//! sheet, an import's stages) glibc keeps the freed pages; handing them back keeps the process
//! as small as its work — the app after an export, an import between its stages (each stage's
//! output replaces its input, and the next stage's memory comes from the pages the last gave
//! back, not from more).

/// Returns the heap's free pages to the system (glibc keeps them after a large, short-lived
/// allocation such as an exported sheet; the process would stay that big).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory malloc holds free; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}
