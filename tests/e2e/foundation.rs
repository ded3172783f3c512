//! Issue 2: init, operators, register, show, list, log, and the store's guarantees.

use crate::harness::*;

#[test]
fn register_prints_only_the_id_and_commits_as_the_operator() {
    let env = Env::new();
    let id = env.register("zhangsan", "2026-11-20T09:30:00+08:00");
    assert_eq!(id, "TAX-2026-0001");
    let author = env.git(&["log", "-1", "--format=%an <%ae>"]);
    assert_eq!(author.trim(), "张三 <zhangsan@rc.example.cn>");
    env.assert_clean();
    assert_all_cases_valid(&env);
}
