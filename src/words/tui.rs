//! The full screen's words: pane titles, labels, the status bar, the help and report pages,
//! and every message. A `{key}` placeholder is filled with the key the key map binds now, so
//! a remapped key is the one shown.

crate::words! {
    // Pane titles and the header
    OUTLINE_TITLE = " 大纲 {scored}/{items} " / " Outline {scored}/{items} ";
    ITEM_TITLE = " 评价项 {id} " / " Item {id} ";
    SECTION_TITLE = " 节 {id} " / " Section {id} ";
    REPORT_TITLE = " 报告 " / " Report ";
    SCORE_TITLE = " 评分 " / " Score ";
    NOTE_TITLE = " 备注（扣分原因）· {id} · {key} 保留 " / " Note · {id} · {key} keeps it ";
    NOTE_PLACEHOLDER = "扣分原因 — {key} 保留" / "why this score — {key} keeps it";
    SEARCH_TITLE = " 搜索 — {hints} " / " Search — {hints} ";
    FILTERS_TITLE = " 筛选 — 按键切换，{key} 关闭 " / " Filters — keys toggle, {key} closes ";
    HELP_TITLE = " 按键 — {close} 关闭，{scroll} 滚动 " / " Keys — {close} closes, {scroll} scroll ";
    INFO_TITLE = " 报告信息 — {close} 关闭 " / " Report — {close} closes ";
    EVALUATOR = " 评价人 {name}" / " Evaluator {name}";
    READ_ONLY_TAG = " [只读]" / " [read-only]";

    // The status bar
    SCORED = " 已评 {scored}/{items} 项" / " {scored}/{items} scored";
    POINTS = "{points}/{max} 分" / "{points}/{max} pts";
    NO_POINTS = "满分 {max}" / "– of {max} pts";
    GRADE_PROVISIONAL = "（暂定）" / " (provisional)";
    READ_ONLY = "只读" / "read-only";
    SAVED = "✓ 已保存" / "✓ saved";
    SAVING = "● 保存中…" / "● saving…";
    NOT_SAVED = "✗ 未保存" / "✗ NOT SAVED";
    JOURNAL_BAD = "✗ 日志" / "✗ JOURNAL";
    FILTER_STATUS = "筛选：{filter}（{shown}）{key} 清除" / "filter: {filter} ({shown}) {key} clears";
    TEXT_HIDDEN = "正文已隐藏：{key} 显示" / "text hidden: {key} shows it";
    OUTLINE_HIDDEN = "大纲已隐藏：{key} 显示" / "outline hidden: {key} shows it";

    // The outline's filter words (also the status bar's)
    FILTERED_UNSCORED = "未评" / "unscored";
    FILTERED_FLAGGED = "待核实" / "flagged";
    FILTERED_NEEDS_REASON = "缺扣分原因" / "needs a reason";
    FILTERED_HAS_NOTE = "有备注" / "has a note";
    NO_MATCHES_HERE = "这里没有标出的搜索匹配；按 {key} 搜索。" / "No search match is marked here; {key} searches.";
    MATCH_LINE = "正文中有 {n} 行带匹配。" / "{n} lines of the text have a match.";
    NO_LATER_MATCH = "下面没有更多匹配了。" / "No further match below.";
    NO_EARLIER_MATCH = "上面没有更多匹配了。" / "No match above.";
    GOTO_PROMPT = "跳转到编号：" / "Go to id: ";
    GOTO_NONE = "没有以“{id}”开头的编号。" / "No id begins with \"{id}\".";
    GOTO_AMBIGUOUS = "有 {n} 个编号以“{id}”开头：{list}" / "{n} ids begin with \"{id}\": {list}";
    FILTERED_DISAGREE = "分歧" / "disagreements";
    FILTERED_TAG = "标签 {tag}" / "tag {tag}";
    FILTER_TAG_NEXT = "标签：{tag}（{key} 换下一个）" / "tag: {tag} ({key} for the next)";
    FILTERS_CLEAR_HINT = " 在大纲中按 {key} 清除全部筛选。" / " {key} in the outline clears every filter.";
    FILTER_MATCHES_NOTHING = "筛选“{filter}”没有匹配的评价项：{key} 修改筛选，{clear} 清除。" / "The filter \"{filter}\" matches no item: {key} changes it, {clear} clears it.";

    // The reading pane
    NO_SECTIONS = "本报告没有章节。" / "This report has no sections.";
    ITEM_FACTS = "{id} · {min}–{max} 步长 {step}" / "{id} · {min}–{max} step {step}";
    CRITERIA = "评分标准" / "Criteria";
    SELF_SCORE = "自评得分  " / "Self score  ";
    EVIDENCE_NONE = "佐证 — 导入时未在正文中找到相关段落；按 {key} 搜索正文。" /
        "Evidence — none found in the text on import; {key} searches it.";
    EVIDENCE = "佐证 — {follow} 查看，{back} 返回" / "Evidence — {follow} follows, {back} comes back";
    SECTION_FACTS = "{id} · {count} · 满分 {max}" / "{id} · {count} · full marks {max}";
    SECTION_SCORED = " · 已评 {scored}/{items}：{points} / {max} 分" / " · scored {scored}/{items}: {points} of {max} points";
    PASSAGES_LABEL = "正文 — {keys} 逐段阅读" / "The text — {keys} to read it in turn";
    ITEMS_LABEL = "评价项 — {keys} 逐项阅读和评分" / "Items — {keys} to read and score them";
    AND_MORE = "……还有 {n} 项（{keys} 逐项查看）" / "… and {n} more ({keys} walks them)";
    COUNT_ITEM = "{n} 项" / "{n} item";
    COUNT_ITEMS = "{n} 项" / "{n} items";

    // The score panel
    SCORE_LABEL = "评分   " / "Score  ";
    FLAG_LABEL = "待核实 " / "Flag   ";
    NOTE_LABEL = "备注   " / "Note   ";
    SCALE = "（{min}–{max}，步长 {step}）" / "  ({min}–{max}, step {step})";
    PROMPT_HINT = "输入分数，{set} 确认，{cancel} 取消。" / "Type a score, {set} sets it, {cancel} cancels.";
    PROMPT_REFUSED = "{why}；分数不变（输入即替换）" / "{why}; the score stays as it was (typing replaces it)";
    PROMPT_NUMBERS_ONLY = "只能输入数字：数字、小数点、负号（“4分”即 4）" / "Only a number goes here: digits, a point, a minus sign";
    FLAG_ON = "⚑ 待核实（{key} 取消）" / "⚑ needs follow-up ({key} clears)";
    FLAG_OFF = "–（{key} 标为待核实）" / "– ({key} flags)";
    NOTE_NONE = "–（{key} 写扣分原因）" / "– ({key} writes a note)";
    NEEDS_REASON = "! 低于满分：须写扣分原因（{key}）" / "! Below full marks: the report requires a reason ({key})";
    SUBTOTAL = "小计 " / "Subtotal ";
    SELF_SHORT = "   自评 {v}" / "   self {v}";
    NOTHING_SCORED = "–（尚未评分）" / "– (nothing scored yet)";
    SECTION_STATS = "已评 {scored}/{items} 项 · 满分 {max} · 待核实 {flagged} 项" / "{scored}/{items} items scored · full marks {max} · {flagged} flagged";
    SECTION_MISSING = "! {n} 项扣分未写原因" / "! {n} scored below max without a reason";
    A_SECTION = "这是节：移到评价项（{keys}）再评分。" / "A section: move to an item ({keys}) to score it.";
    NOTHING_TO_SCORE = "没有可评分的项。" / "Nothing to score.";

    // Search
    SEARCH_EMPTY = "输入即搜索标题、正文、评分标准和备注" / "type to search titles, text, criteria and notes";
    SEARCHING = "搜索中…" / "searching…";
    NO_MATCH = "无匹配" / "no match";
    HIT_COUNT = "第 {k} 个，共 {n} 个" / "{k} of {n}";
    FIELD_CRITERIA = "评分标准 " / "criteria ";
    FIELD_NOTE = "备注 " / "note ";

    // The help page
    HELP_MARKS = "大纲标记：· 未评  ⚑ 待核实  ! 需写扣分原因  ✎ 有备注" / "Outline marks: · unscored  ⚑ flagged  ! needs a reason  ✎ has a note";
    HELP_NUMBERS = "大纲数字：评价项为“得分/满分”；节为“已评项得分/满分”，窗格够宽时再加“（已评项数/项数）”" / "Outline numbers: an item shows its score / its full marks; a section the points of its scored items / its full marks, and (items scored / items) where the pane is wide enough";

    // The report page
    INFO_TITLE_ROW = "标题" / "title";
    INFO_ID = "编号" / "id";
    INFO_COUNTS = "节 / 评价项" / "sections / items";
    INFO_FULL_MARKS = "满分" / "full marks";
    INFO_SCALE = "默认分值" / "default scale";
    INFO_SCALE_VALUE = "{min}–{max}，步长 {step}" / "{min}–{max}, step {step}";
    INFO_GRADES = "等级" / "grades";
    INFO_NONE = "无" / "none";
    INFO_REASONS = "扣分原因" / "reasons";
    INFO_REASONS_REQUIRED = "低于满分须写扣分原因" / "a score below full marks needs a note";
    INFO_REASONS_OPTIONAL = "备注可选" / "notes are optional";
    INFO_EVALUATOR = "评价人" / "evaluator";
    INFO_STATUS = "状态" / "status";
    INFO_CHANGED = "最后修改" / "last change";
    INFO_HANDOVERS = "交接" / "handed over";
    INFO_HANDOVER = "{from} → {to}（{at}）" / "{from} → {to} ({at})";
    INFO_SCORES_FILE = "评分文件" / "scores file";
    INFO_SHA = "报告 sha256" / "report sha256";
    INFO_LANG = "界面语言" / "interface language";
    INFO_LANG_VALUE = "中文（--lang、config.toml 的 lang 或 LANG 可改）" / "English (change with --lang, lang in config.toml, or LANG)";

    // A terminal too small
    TOO_SMALL = "终端太小（{w}×{h}），需要 {min_w}×{min_h}，请放大窗口。放大之前按键不起作用，{key} 退出。" / "Terminal too small ({w}×{h}): appraise needs {min_w}×{min_h}; enlarge the window. Keys do nothing until then; {key} quits.";

    // Messages
    RECOVERED = "已从恢复日志找回 {count} 未保存的修改，正在保存。{key} 关闭" / "Recovered unsaved work on {count} from the recovery journal; saving it. {key} dismisses";
    EXPORT_WRITTEN = "评分表已写入 {path}" / "Scoring sheet written to {path}";
    EXPORT_FAILED = "导出失败：{why}" / "Export failed: {why}";
    AT_LAST_ITEM = "已是最后一项。" / "This is the last item.";
    AT_FIRST_ITEM = "已是第一项。" / "This is the first item.";
    LAST_SECTION = "已是最后一节。" / "This is the last section.";
    FIRST_SECTION = "已是第一节。" / "This is the first section.";
    NO_ITEMS = "本报告没有评价项。" / "The report has no items.";
    BACK = "已返回。" / "Back.";
    NOTHING_BACK = "没有可返回的位置。" / "Nothing to go back to.";
    AT_MAX = "已是最高分（{v}）。" / "Already at the maximum ({v}).";
    AT_MIN = "已是最低分（{v}）。" / "Already at the minimum ({v}).";
    NO_SCORE_TO_CLEAR = "本项没有分数可清除。" / "This item has no score to clear.";
    SCORE_CLEARED = "分数已清除（{key} 撤销）。" / "Score cleared ({key} undoes).";
    UNDONE = "已撤销：{id}。" / "Undone: item {id}.";
    REDONE = "已重做：{id}。" / "Redone: item {id}.";
    NOTHING_UNDO = "没有可撤销的修改。" / "Nothing to undo.";
    NOTHING_REDO = "没有可重做的修改。" / "Nothing to redo.";
    READ_ONLY_NO_SAVE = "只读：不会保存。" / "Read-only: nothing is saved.";
    READ_ONLY_NO_CHANGE = "只读：不能修改分数、备注或标记。" / "Read-only: scores, notes and flags cannot be changed.";
    SHEET_BUSY = "评分表仍在写入…" / "The scoring sheet is still being written…";
    SHEET_WRITING = "正在写入评分表…" / "Writing the scoring sheet…";
    FILTERS_CLEARED = "已清除筛选：显示全部评价项。" / "Filters cleared: every item is shown.";
    NO_FILTER_ON = "没有筛选（{key} 选择筛选）。" / "No filter is on ({key} chooses one).";
    NO_FILTER = "没有筛选：显示全部评价项。" / "No filter: every item is shown.";
    FILTER_COUNT = "筛选 {filter}：{count}。" / "Filter {filter}: {count}.";
    NOTHING_TO_COPY = "这里没有可复制的内容。" / "Nothing to copy here.";
    COPIED = "已复制{what}（{n} 个字符）到剪贴板。" / "Copied the {what} ({n} characters) to the clipboard.";
    COPY_NOTE = "备注" / "note";
    COPY_ITEM_TEXT = "本项正文" / "item text";
    COPY_SECTION_TEXT = "本节正文" / "section text";
    PASTE_WHERE = "粘贴的内容只能放进备注（{note}）或分数输入框（{score}）。" / "Paste goes into a note ({note}) or the score prompt ({score}).";
    TEXT_NOT_SCORED = "这是报告正文，供阅读、不评分；{key} 到下一个未评的评价项。" /
        "This is the report's text, to read, not to score; {key} goes to the next unscored item.";
    A_SECTION_MSG = "这是节；移到评价项（{keys}）再评分。" / "This is a section; move to an item ({keys}) to score it.";
    NOT_SET = "未设置：{why}；分数不变。" / "Not set: {why}; the score stays as it was.";
    JUMPED = "{key} 返回原处。" / "{key} goes back to where you were.";
    ONLY_UNSCORED = "这是唯一未评的项。" / "This is the only unscored item.";
    ALL_SHOWN_SCORED = "显示的项都已评分。" / "Every item shown is scored.";
    ALL_SCORED = "全部评价项都已评分。" / "Every item is scored.";
    NO_REFS_SECTION = "节没有佐证链接；请移到评价项。" / "Sections have no evidence links; move to an item.";
    NO_REFS = "本项没有佐证链接。" / "This item has no evidence links (refs).";
    EVIDENCE_AT = "佐证 {k}/{n}：{id}（{back} 返回）。" / "Evidence {k}/{n}: {id} ({back} goes back).";
    EVIDENCE_AT_MORE = "佐证 {k}/{n}：{id}（{back} 返回，{next} 下一个）。" / "Evidence {k}/{n}: {id} ({back} goes back, {next} for the next).";

    // Saving, the journal, another program's changes, quitting
    SAVED_AGAIN = "已重新保存，全部修改都已写入磁盘。" / "Saved again; all edits are on disk.";
    NOT_SAVED_RETRY = "未保存（修改保留，每 5 秒重试）：{why}" / "NOT SAVED (edits kept, retrying every 5 s): {why}";
    NOT_DURABLE = "{count}的修改没有写入任何磁盘 — 再按 {key} 继续退出，按其他键留下。未保存：{why}。恢复日志也写不进：{journal}。" / "Edits to {count} are on NO disk — {key} again to go on, any other key stays. Not saved: {why}. Not in the recovery journal: {journal}.";
    LOSES = "再按 {key} 退出并丢失{count}的修改（{ids}）；按其他键留下。" / "{key} again quits and LOSES your edits to {count} ({ids}); any other key stays.";
    MISSING_REASONS = "{count}低于满分但没写扣分原因 — 按 {go} 转到第一项，再按 {key} 退出，按其他键留下。" / "{count} below full marks without a reason — {go} goes to the first, {key} again quits, any other key stays.";
    QUIT_UNSCORED = "还有 {count}未评分（共 {items} 项）；下次打开时从第一个未评分项开始。" /
        "{count} still unscored (of {items}); the next start opens on the first of them.";
    QUIT_NOT_AGREED = "{count}尚无评价得分：汇总表对这些项取{method}（标 †）。" /
        "{count} without an agreed score: the panel's sheet takes the {method} for them (marked †).";
    MISSING_REASON_HERE = "这一项低于满分，须写扣分原因：按 {key} 填写。" / "This one is below full marks and needs a reason: {key} writes it.";
    SAVE_FAILED_QUIT = "未保存 — 再按 {key} 不保存就退出（修改留在恢复日志，下次打开时找回）；按其他键留下。{why}" / "NOT SAVED — {key} again quits WITHOUT saving (your edits stay in the recovery journal for next time); any other key stays. {why}";
    JOURNAL_FAILED = "恢复日志无法写入：此时崩溃会丢失未保存的修改。{why}" / "The recovery journal cannot be written: a crash now would lose unsaved edits. {why}";
    JOURNAL_OK = "恢复日志已恢复正常。" / "The recovery journal works again.";
    JOURNAL_NOT_OPEN = "无法打开" / "it could not be opened";
    JOURNAL_GONE = "{path} 已被删除或替换" / "{path} was removed or replaced";
    JOURNAL_FAILED_SHORT = "写入失败" / "it failed";
    CONFLICT = "另一个程序也修改了{what}：保留你的，对方的在 {file}。{key} 关闭" / "Another program also changed {what}: yours kept, theirs in {file}. {key} dismisses";
    TAKEN = "另一个程序修改了评分文件中的{what}：已采用。" / "Another program changed {what} in the scores file: taken.";
    ONE_ITEM_NAMED = "评价项 {id}" / "item {id}";
    ITEMS_NAMED = "{count}（{ids}）" / "{count} ({ids})";
    FINISHING_SHEET = "appraise：正在完成评分表……（Ctrl-c 放弃）" / "appraise: finishing the scoring sheet… (Ctrl-c abandons it)";
    SHEET_NOT_FINISHED = "appraise：评分表没有写完；下次再按 {key}。" / "appraise: the scoring sheet was not finished; press {key} again next time";
    EXPORT_CANNOT_START = "无法开始导出（{why}）" / "cannot start the export ({why})";
    EXPORT_STOPPED = "导出意外中止" / "the export stopped unexpectedly";
    SAVER_STOPPED = "保存线程已停止" / "the saver stopped";
    TERMINAL_GONE = "终端已断开" / "the terminal went away";
}

/// "1 item" / "3 items" (Chinese has one form).
pub fn count_items(n: usize) -> String {
    let word = if n == 1 { COUNT_ITEM } else { COUNT_ITEMS };
    word.fill(&[("n", &n)])
}
