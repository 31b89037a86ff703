//! Large buffers (the text, its tokens, the finders' per-token tables) are
//! asked to be backed by transparent huge pages where the kernel offers
//! them on request (Linux, `madvise` mode): a long article then touches a
//! few hundred 2 MB pages instead of tens of thousands of 4 KB ones, and the
//! page faults were a sixth of the run time.
//!
//! Used by the `lede` and `analyze` programs as their global allocator
//! (`#[global_allocator] static A: HugePages = HugePages;`), on Linux.

use std::alloc::{GlobalAlloc, Layout, System};

/// Below one huge page, allocations are left alone.
const LARGE: usize = 2 << 20;
const MADV_HUGEPAGE: i32 = 14;

extern "C" {
    fn madvise(addr: *mut core::ffi::c_void, len: usize, advice: i32) -> i32;
}

pub struct HugePages;

fn advise(ptr: *mut u8, size: usize) {
    if ptr.is_null() || size < LARGE {
        return;
    }
    // madvise wants a page-aligned start; the advice is only a hint, so
    // a failure changes nothing.
    let start = (ptr as usize) & !4095;
    // SAFETY: the range lies within (or starts on the page of) memory
    // this allocator just handed out; MADV_HUGEPAGE never changes its
    // contents.
    unsafe {
        madvise(start as *mut core::ffi::c_void, size + (ptr as usize - start), MADV_HUGEPAGE);
    }
}

// SAFETY: every call is passed straight to `System`; the only addition
// is a hint to the kernel about memory already allocated.
unsafe impl GlobalAlloc for HugePages {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        advise(p, layout.size());
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        advise(p, layout.size());
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        advise(p, new_size);
        p
    }
}
