//! `cli::plan` keeps no memory from one call to the next (it leaked a string per yes/no option
//! on every call). A test binary of its own: it counts every allocation of the process.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size() as isize, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size() as isize, Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn plan_in_a_loop_does_not_grow() {
    let env = |_: &str| Some("us-east-1".to_owned());
    let line = ["initiate-auth", "--auth-flow", "USER_PASSWORD_AUTH", "--client-id", "c"];
    let call = || drop(cognito_idp::cli::plan(line, &env).expect("plan"));
    for _ in 0..3 {
        call();
    }
    let before = LIVE_BYTES.load(Ordering::SeqCst);
    for _ in 0..20 {
        call();
    }
    let grown = LIVE_BYTES.load(Ordering::SeqCst) - before;
    assert!(grown <= 0, "20 calls kept {grown} bytes");
}
