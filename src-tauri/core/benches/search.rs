//! Searching 100,000 resources (issue 6: under 50 ms). Release build:
//! `cargo bench -p mulu-core --bench search`.

use std::time::Instant;

use mulu_core::model::fields::set;
use mulu_core::sample;
use mulu_core::store::Workspace;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let n = 100_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.mulu");
    let mut ws = Workspace::create(&path).unwrap();
    let mut c = sample::large_catalog(n, 6);
    let words = ["农村低保", "城市低收入", "残疾人补贴", "高龄津贴", "危房改造", "退役军人", "计划生育", "耕地保护"];
    for (i, r) in c.resources.iter_mut().enumerate() {
        set(r, "name", &format!("{}对象名册（第{}批）", words[i % words.len()], i)).unwrap();
    }
    let t = Instant::now();
    ws.add_resources(c.resources).unwrap();
    println!("indexed {n} resources in {:.1} s", t.elapsed().as_secs_f64());
    drop(ws);
    let ws = Workspace::open(&path).unwrap();
    for q in ["低收入", "高龄津贴对象", "第99999批", "财政预算公开", "不存在的词语", "低保", "退役"]
    {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..9 {
            let t = Instant::now();
            hits = ws.search(q, 200).unwrap().len();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "search {q:<12} {hits:>4} hits (first 200)  median {:>6.2} ms  max {:>6.2} ms",
            times[4].as_secs_f64() * 1e3,
            times[8].as_secs_f64() * 1e3
        );
    }
}
