//! SIGTERM and SIGINT: instead of ending the process at once (and losing unsaved work), they
//! set a flag and wake the window; the next frame writes the recovery data and closes the
//! app through its normal path. A second signal while that runs ends the process at once.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Installs the handlers; the returned flag is set when a signal came. `None` where signals
/// cannot be watched (the app then simply ends on them, as before).
#[cfg(unix)]
pub fn install(ctx: &egui::Context) -> Option<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use std::sync::atomic::Ordering;
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [SIGTERM, SIGINT] {
        // Registered before the flag is set by this signal, so only a second one exits.
        signal_hook::flag::register_conditional_shutdown(signal, 1, Arc::clone(&flag)).ok()?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT]).ok()?;
    let ctx = ctx.clone();
    let seen = Arc::clone(&flag);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for _ in signals.forever() {
                seen.store(true, Ordering::SeqCst);
                ctx.request_repaint();
            }
        })
        .ok()?;
    Some(flag)
}

/// Signals are not watched on this platform.
#[cfg(not(unix))]
pub fn install(_ctx: &egui::Context) -> Option<Arc<AtomicBool>> {
    None
}
