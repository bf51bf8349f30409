//! What the benchmarks share: the median of timed runs, printed with min and max.

use std::time::{Duration, Instant};

/// Runs `f` `runs` times; prints and returns the median.
pub fn measure<T>(label: &str, runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    report(label, times)
}

/// Prints min, median and max of `times`; returns the median.
pub fn report(label: &str, mut times: Vec<Duration>) -> Duration {
    times.sort();
    let med = times[times.len() / 2];
    println!(
        "{label:<48} min {:>8.1} ms   median {:>8.1} ms   max {:>8.1} ms   ({} runs)",
        ms(times[0]),
        ms(med),
        ms(times[times.len() - 1]),
        times.len()
    );
    med
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
