//! The words of evaluators and their sheets: whose file is opened (the takeover question at
//! start), submitting a sheet (`S`) and changing it after, and which sheets are not submitted yet.

crate::words! {
    // Names and files, at start (src/cmd/open.rs).
    EVALUATOR_EMPTY = "评价人姓名不能为空：请用 {flag} 给出姓名" /
        "an evaluator's name cannot be empty: give one with {flag}";
    EVALUATOR_RESERVED = "“{name}”不能作为评价人姓名：它留给评议组的评分文件（{file}）；请换一个名字" /
        "\"{name}\" cannot be an evaluator's name: it is kept for the panel's scores file ({file}); choose another";
    TAKEOVER_ASK = "{path} 是 {theirs} 的评分，而你是 {name}。只读打开（r）、另建你自己的文件 {own}（o），还是接手这份评分（t）？[r/o/t] " /
        "{path} holds {theirs}'s scores, and you are {name}. Open it read-only (r), start your own file {own} (o), or take it over (t)? [r/o/t] ";
    TAKEOVER_REFUSED = "未打开：{path} 是 {theirs} 的评分；用 {ro} 只读查看，用 {scores} 指定你自己的文件，或用 {evaluator} 换成文件里的名字" /
        "nothing opened: {path} holds {theirs}'s scores; use {ro} to look, {scores} for a file of your own, or {evaluator} with the name in the file";
    TAKEOVER_NO_TERMINAL = "{path} 是 {theirs} 的评分，不是 {name} 的，且没有终端可以询问：用 {ro} 只读查看，用 {scores} 指定你自己的文件，或用 {evaluator} 换成文件里的名字" /
        "{path} holds {theirs}'s scores, not {name}'s, and there is no terminal to ask on: use {ro} to look, {scores} for a file of your own, or {evaluator} with the name in the file";
    WHOSE_ASK = "{path} 是 {theirs} 的评分（本机登录名是 {login}）。这是你的吗：是，我就是 {theirs}（m）；另建我自己的文件 {own}（o）；只读查看（r）？[m/o/r] " /
        "{path} holds {theirs}'s scores (this login is {login}). Is it yours: yes, I am {theirs} (m); start my own file {own} (o); look read-only (r)? [m/o/r] ";
    WHOSE_NO_TERMINAL = "{path} 是 {theirs} 的评分，而本机登录名是 {login}，且没有终端可以询问：用 {evaluator} 说明你是谁，或用 {ro} 只读查看" /
        "{path} holds {theirs}'s scores, this login is {login}, and there is no terminal to ask on: say who you are with {evaluator}, or use {ro} to look";
    WHOSE_REFUSED = "未打开：{path} 是 {theirs} 的评分；用 {evaluator} 说明你是谁，或用 {ro} 只读查看" /
        "nothing opened: {path} holds {theirs}'s scores; say who you are with {evaluator}, or use {ro} to look";
    REMEMBER_ASK = "记住这个回答吗（在 {config} 中写入 {setting}，以后不再询问）？[Y/n] " /
        "Remember this answer (write {setting} to {config}, and never ask again)? [Y/n] ";
    REMEMBERED = "已记住：你是 {name}（{config}）" / "remembered: you are {name} ({config})";
    REMEMBER_FAILED = "未能记住（{why}）；下次仍会询问" / "not remembered ({why}); you will be asked again";
    NO_SHEET_OF = "{report} 旁边没有 {name} 的评分文件（找过 {pattern} 中写明的评价人）" /
        "there are no scores of {name} beside {report} (looked at the evaluator named in every {pattern})";
    TOOK_OVER = "已从 {from} 接手这份评分（记入文件的交接记录）" /
        "took these scores over from {from} (recorded in the file's handovers)";
    OWN_FILE = "你的评分保存在 {path}；{theirs} 的文件未改动" /
        "your scores go to {path}; {theirs}'s file is left as it is";

    // Submitting (the `S` key) and changing a submitted sheet (src/tui/app/submit.rs).
    SUBMIT_KEY = "提交评分表（先确认，并说明还有几项未评分或缺扣分原因）" /
        "submit the sheet (asks first, saying how many items are unscored or lack a reason)";
    SUBMIT_ASK = "提交评分表吗？{state}[y/N]" / "Submit this sheet? {state}[y/N]";
    SUBMIT_ALL_SCORED = "{count}均已评分。" / "All {count} are scored. ";
    SUBMIT_UNSCORED = "还有 {count}未评分。" / "{count} still unscored. ";
    SUBMIT_NO_REASON = "{count}缺少要求的扣分原因。" / "{count} without the reason required. ";
    SUBMITTED = "评分表已提交（{at}）" / "sheet submitted ({at})";
    SUBMIT_CANCELLED = "未提交" / "not submitted";
    ALREADY_SUBMITTED = "评分表已于 {at} 提交；修改时会先询问" /
        "this sheet was submitted on {at}; a change asks first";
    REOPEN_ASK = "这份评分表已于 {at} 提交；要修改吗？[y/N]" /
        "This sheet was submitted on {at}; change it? [y/N]";
    REOPENED = "评分表已重新打开：提交后又有修改（{key} 再次提交）" /
        "sheet reopened: changed after its submission ({key} submits it again)";
    REOPEN_CANCELLED = "未修改：评分表仍为已提交" / "nothing changed: the sheet stays submitted";
    STATUS_SUBMITTED = "已提交" / "submitted";
    STATUS_REOPENED = "已重新打开" / "reopened";
    HINT_ANSWER = "y 确认  其他键取消" / "y yes  any other key no";

    // Which sheets are not submitted yet (summary, merge).
    NOT_SUBMITTED_YET = "尚未提交：{list}" / "not submitted yet: {list}";
    NOT_SUBMITTED_ONE = "{name} ({file})" / "{name} ({file})";
    NOT_SUBMITTED_SEP = "、" / ", ";
    SUMMARY_STATUS = "状态" / "Status";
    SUMMARY_NOT_SUBMITTED = "尚未提交" / "not submitted yet";
    SUMMARY_SUBMITTED = "已于 {at} 提交" / "submitted {at}";
    SUMMARY_REOPENED = "{at} 提交后又于 {reopened} 修改，尚未再次提交" /
        "submitted {at}, changed since {reopened}, not submitted again";
}
