//! The words of the chair's panel view (`appraise panel`, src/panel.rs, src/tui/app/panel.rs).

crate::words! {
    AGREED_USED = "评价得分采用专家组议定的得分（{path}），未议定的按方法计算" /
        "the panel's agreed scores are used ({path}); items not agreed follow the method";
    NO_SPREAD = "评价人员对每一项的评分都一致。" / "The evaluators agree on every item.";
    SPREAD_AT = "按极差排第 {k}/{n}：极差 {spread}。" / "Spread {k} of {n}: {spread} apart.";
    MEMBERS_JOINED = "加入专家组：{names}" / "joined the panel: {names}";
    MEMBERS_LEFT = "评分文件已移出文件夹：{names}" / "left the panel (their file is gone from the folder): {names}";
    MEMBER_GONE = "评分文件已不存在" / "the scores file is gone";
    METHOD_MEAN = "平均值" / "mean";
    METHOD_TRIMMED = "去掉一个最高分和一个最低分后的平均值" / "mean without the highest and the lowest score";
    PANEL_LABEL = "各评价人员 — {key} 取{method}" / "The evaluators — {key} takes the {method}";
    PANEL_NOT_SCORED = "未评" / "not scored";
    PANEL_PROPOSAL = "{method}：{exact}，按步长取 {grid}" / "{method}: {exact}, on the step grid {grid}";
    PANEL_FELL_BACK = "（不足 3 个评分，取平均值）" / " (fewer than 3 scores: the plain mean)";
    PANEL_NOBODY = "还没有评价人员给这一项评分。" / "No evaluator has scored this item yet.";
    PANEL_SPREAD = "极差 {spread}（超过分值的 {pct}%）" / "spread {spread} (over {pct}% of the max)";
    TOOK_MEAN = "评价得分取{method}：{value}（精确值 {exact}）。" / "Agreed score set to the {method}: {value} (exactly {exact}).";
    TAKE_ALL_CONFIRM = "{n} 个尚无评价得分的指标将取{method} — 再按 {key} 确认，按其他键取消。" /
        "{n} items without an agreed score will take the {method} — {key} again confirms, any other key cancels.";
    TOOK_ALL = "{n} 个指标已取{method}。" / "{n} items took the {method}.";
    NAMED_REASON = "{name}：{note}" / "{name}: {note}";
    REASON_SEP = "；" / "; ";
    REASON_LINE_SEP = "，" / ", ";
    NAMES_SEP = "、" / ", ";
    REASON_TAKEN = "扣分原因取自 {names} 的说明（{key} 修改）。" / " The reason is {names}'s notes ({key} edits it).";
    REASON_NONE = "低于满分，但没有评价人员写明原因：按 {key} 填写。" / " Below full marks and no evaluator wrote a reason: {key} writes one.";
    REASONS_TAKEN = "{n} 个扣分原因取自评价人员的说明。" / " {n} reasons taken from the evaluators' notes.";
    REASONS_MISSING = "{n} 个低于满分的指标没有评价人员写明原因（{key} {filter} 筛选出来）。" /
        " {n} below full marks have no evaluator's reason ({key} {filter} lists them).";
    NONE_TO_TAKE = "没有可取均值的指标：都已有评价得分，或还没有人评分。" /
        "No item to take: every one has an agreed score or nobody has scored it.";
    ONLY_IN_PANEL = "只在专家组视图（{cmd}）中可用。" / "Only in the panel view ({cmd}).";
    MEMBERS_READ = "已重新读取：{names}。" / "Read again: {names}.";
    MEMBER_PROBLEM = "{name} 的评分无法读取：{problem}（显示上次读到的评分）。" /
        "{name}'s scores cannot be read: {problem} (showing the scores last read).";
}
