//! A progress indicator on standard error for long commands (`plan apply`, `export progress`).
//! It shows only on a terminal and only once the work has taken more than a second, so that
//! quick commands, pipes, scripts and tests never see it; it is cleared when the work ends.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::{Text, Ui};

/// How long the work may take before the indicator shows (`ENGAGE_PROGRESS_DELAY_MS` changes it,
/// for tests and the impatient).
pub const DELAY: Duration = Duration::from_secs(1);

/// What the work is doing, in both languages.
pub mod step {
    use crate::i18n::Text;
    pub const READING: Text = Text { en: "Reading the plan file", fr: "Lecture du fichier de plan" };
    pub const CHECKING: Text =
        Text { en: "Checking the plan against the store", fr: "Vérification du plan par rapport à la base de données" };
    pub const WRITING: Text = Text { en: "Writing changes", fr: "Écriture des changements" };
    pub const EXPORTING: Text = Text { en: "Writing rows", fr: "Écriture des lignes" };
}

/// How a step counts its work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    None,
    Open,
    Of(u64),
}

/// A running indicator; dropping it (or [`Indicator::finish`]) clears it.
pub struct Indicator {
    ui: Ui,
    bar: ProgressBar,
    done: Arc<(Mutex<bool>, Condvar)>,
    waiter: Option<JoinHandle<()>>,
}

impl Indicator {
    /// Starts timing; the indicator shows on stderr after [`DELAY`] if `terminal` (stderr is a
    /// terminal) and the work is still running.
    pub fn start(ui: Ui, terminal: bool) -> Indicator {
        Indicator::start_after(ui, terminal, DELAY)
    }

    /// [`Indicator::start`], showing after `delay`.
    pub fn start_after(ui: Ui, terminal: bool, delay: Duration) -> Indicator {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let done = Arc::new((Mutex::new(false), Condvar::new()));
        let waiter = terminal.then(|| {
            let (bar, done) = (bar.clone(), Arc::clone(&done));
            std::thread::spawn(move || {
                let (lock, cvar) = &*done;
                let Ok(guard) = lock.lock() else { return };
                let Ok((finished, _)) = cvar.wait_timeout_while(guard, delay, |finished| !*finished) else { return };
                if !*finished {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            })
        });
        Indicator { ui, bar, done, waiter }
    }

    /// Names the step under way and how it counts: not at all, up to an unknown end, or up to
    /// `total`. The count starts again.
    pub fn step(&self, text: Text, count: Count) {
        // French puts a space before the colon; plain counts read the same in both languages.
        let colon = match (count, self.ui) {
            (Count::None, _) => "",
            (_, Ui::En) => ":",
            (_, Ui::Fr) => "\u{a0}:",
        };
        self.bar.set_message(format!("{}{colon}", text.get(self.ui)));
        self.bar.set_position(0);
        let template = match count {
            Count::None => "{spinner} {msg} [{elapsed}]",
            Count::Open => "{spinner} {msg} {pos} [{elapsed}]",
            Count::Of(_) => "{spinner} {msg} {pos} / {len} [{elapsed}]",
        };
        match count {
            Count::Of(n) => self.bar.set_length(n),
            Count::None | Count::Open => self.bar.unset_length(),
        }
        if let Ok(style) = ProgressStyle::with_template(template) {
            self.bar.set_style(style);
        }
    }

    /// Runs `f` with the indicator hidden, for anything that writes to stderr meanwhile.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// How far the step has gone.
    pub fn at(&self, position: u64) {
        self.bar.set_position(position);
    }

    /// Whether the indicator has shown (for tests and callers that want to say more).
    pub fn is_visible(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// Ends the work: the indicator is cleared if it showed.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let (lock, cvar) = &*self.done;
        if let Ok(mut finished) = lock.lock() {
            *finished = true;
        }
        cvar.notify_all();
        if let Some(waiter) = self.waiter.take() {
            let _ = waiter.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Indicator {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_work_never_shows() {
        let indicator = Indicator::start(Ui::En, true);
        indicator.step(step::WRITING, Count::Of(10));
        indicator.at(10);
        assert!(!indicator.is_visible());
        indicator.finish();
    }

    #[test]
    fn off_a_terminal_it_never_shows() {
        let indicator = Indicator::start(Ui::Fr, false);
        std::thread::sleep(DELAY + Duration::from_millis(200));
        assert!(!indicator.is_visible());
    }
}
