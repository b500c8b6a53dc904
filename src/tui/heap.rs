//! The process's heap: after a large, short-lived allocation (a file read at start, an exported
//! sheet) glibc keeps the freed pages; handing them back keeps the app as small as its work.

/// Returns the heap's free pages to the system (glibc keeps them after a large, short-lived
/// allocation such as an exported sheet; the process would stay that big).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory malloc holds free; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}
