//! What each key does, in both languages: the descriptions of the key declarations
//! (`tui/keys.rs`), shown on the help screen, by `appraise config` and in the README's key
//! table, and the short labels of the on-screen hints.

crate::words! {
    // The modes, as the help screen and `appraise config` head them.
    MODE_NORMAL = "浏览与评分" / "Reading and scoring";
    MODE_PROMPT = "分数输入框" / "The score prompt";
    MODE_SEARCH = "搜索" / "Search";
    MODE_FILTERS = "筛选菜单" / "The filter menu";
    MODE_NOTE = "备注编辑器" / "The note editor";
    MODE_HELP = "帮助页与报告信息页" / "The help and report pages";
    MODE_LIST = "评价的报告列表（appraise 文件夹）" / "The evaluation's list of reports (appraise DIR)";

    // Reading and scoring
    NEXT_ITEM = "下一项（或下一段正文）" / "next item (or passage)";
    PREV_ITEM = "上一项（或上一段正文）" / "previous item (or passage)";
    NEXT_SECTION = "下一节（节页显示其正文和小计）" / "next section (a section shows its body and subtotal)";
    PREV_SECTION = "上一节" / "previous section";
    FIRST_ITEM = "第一项" / "first item";
    LAST_ITEM = "最后一项" / "last item";
    NEXT_UNSCORED = "下一个未评项（到末尾后从头开始；有筛选时只在筛选结果中）" / "next unscored item (wraps around; within the filter when one is on)";
    SEARCH = "模糊搜索标题、正文、评分标准、节正文、编号和备注；'原样 ^开头 结尾$ !排除" /
        "fuzzy search over titles, text, criteria, section bodies, ids and your notes; 'exact ^start end$ !not";
    FILTERS = "筛选：未评、待核实、扣分未写原因、有备注、按标签" / "filters: unscored, flagged, scored below full marks without a reason, has a note, by tag";
    CLEAR_FILTERS = "清除全部筛选" / "clear every filter";
    FOCUS_NEXT = "切换到下一个窗格" / "focus the next pane";
    FOCUS_PREV = "切换到上一个窗格" / "focus the previous pane";
    FOCUS_LEFT = "切换到大纲（窄终端只显示有焦点的窗格）" / "focus the outline (a narrow terminal shows the focused pane only)";
    FOCUS_RIGHT = "切换到正文（窄终端只显示有焦点的窗格）" / "focus the text (a narrow terminal shows the focused pane only)";
    PAGE_DOWN = "正文向下翻一页" / "scroll the text a page down";
    PAGE_UP = "正文向上翻一页" / "scroll the text a page up";
    HALF_PAGE_DOWN = "正文向下翻半页" / "scroll the text half a page down";
    HALF_PAGE_UP = "正文向上翻半页" / "scroll the text half a page up";
    FOLLOW_REF = "转到本项的佐证（引用）；再按转到下一个" / "go to the item's evidence (refs); again for the next one";
    JUMP_BACK = "回到上次跳转（搜索或佐证）前的位置" / "go back to where the last jump (a search hit or evidence) came from";
    QUICK_SCORE = "快速评分：设为该整数分（分值范围允许时）" / "quick score: that whole number, when the item's scale allows it";
    SCORE_PROMPT = "输入分数（7.5，或全角 ７．５；“4分”即 4）" / "type a score (7.5; full-width digits work too)";
    RAISE_SCORE = "分数加一档（未评项：满分）" / "raise the score one step (unscored: full marks)";
    LOWER_SCORE = "分数减一档（未评项：满分减一档）" / "lower the score one step (unscored: full marks minus one step)";
    CLEAR_SCORE = "清除分数" / "clear the score";
    ANNOTATE = "写备注（扣分原因）" / "write a note (the reason for a deduction)";
    TOGGLE_FLAG = "标记或取消待核实" / "flag or unflag for follow-up";
    UNDO = "撤销上一次对分数、备注或标记的修改" / "undo the last change to a score, note or flag";
    REDO = "重做" / "redo";
    COPY = "复制本项正文到剪贴板（在评分窗格中复制备注）；经 SSH 和 tmux 也可用" / "copy the item's text to the clipboard (from the score panel: its note); works over SSH and in tmux";
    NEXT_MATCH = "跳转搜索结果后：正文滚到下一处匹配" / "after a search jump: the text scrolls to the next match";
    PREV_MATCH = "跳转搜索结果后：正文滚到上一处匹配" / "after a search jump: the text scrolls to the previous match";
    GOTO = "按编号跳转（如 s2.1.3、r1.2；唯一的开头即可）" / "go to an id (s2.1.3, r1.2; a unique beginning is enough)";
    TAKE_MEAN = "专家组视图：本项的评价得分取各评价人员的均值（按所选方法，取到步长）；低于满分时带上扣分评价人员的原因" /
        "panel view: the agreed score := the evaluators' mean (by the method, on the step grid); below full marks, with the reasons of those who deducted";
    NEXT_BY_SPREAD = "专家组视图：按极差从大到小走到下一项" / "panel view: the next item in order of spread, widest first";
    TAKE_ALL_MEANS = "专家组视图：所有尚无评价得分的项都取均值（先确认）" /
        "panel view: the same for every item without an agreed score (asks first)";
    SAVE = "立即保存（修改后一秒内也会自动保存）" / "save now (it also saves by itself within a second of every change)";
    EXPORT = "在评分文件旁导出评分表（xlsx 和 csv），后台写入，可继续工作" / "export the scoring sheet beside the scores file (xlsx and csv), written in the background while you work";
    HELP = "本帮助：全部按键" / "this help: every key";
    INFO = "报告信息：标题、元数据、分值、等级、评价人、提交与修改时间、评分文件位置" / "about the report: title, meta, scale, grades, evaluator, when submitted and changed, where the scores file is";
    QUIT = "保存并退出（保存失败时先询问；连按两次 Ctrl-c 立即退出）" / "save and quit (if saving fails you are asked first; Ctrl-c twice quits at once)";
    DISMISS = "关闭消息" / "dismiss the message";

    // The score prompt
    PROMPT_SET = "确认输入的分数（不合规的分数会被拒绝并说明原因，原分数不变）" / "set the score typed (a score off the scale or its step grid is refused with the reason, and the old one stays)";
    PROMPT_CANCEL = "取消，分数不变" / "cancel: the score stays as it was";
    PROMPT_DELETE = "删除最后一个字符" / "delete the last character";
    PROMPT_CLEAR = "清空输入" / "clear what was typed";

    // Search
    SEARCH_JUMP = "跳到所选结果" / "go to the chosen hit";
    SEARCH_CLOSE = "关闭搜索，留在原处" / "close and stay where you were";
    SEARCH_DOWN = "下一个结果" / "next hit";
    SEARCH_UP = "上一个结果" / "previous hit";
    SEARCH_PAGE_DOWN = "向下十个结果" / "ten hits down";
    SEARCH_PAGE_UP = "向上十个结果" / "ten hits up";
    SEARCH_DELETE = "删除搜索词的最后一个字符" / "delete the query's last character";
    SEARCH_CLEAR = "清空搜索词" / "clear the query";

    // The filter menu
    FILTER_UNSCORED = "未评" / "unscored";
    FILTER_FLAGGED = "待核实" / "flagged for follow-up";
    FILTER_NEEDS_REASON = "扣分未写原因" / "scored below full marks without a reason";
    FILTER_HAS_NOTE = "有备注" / "has a note";
    FILTER_DISAGREE = "分歧（专家组视图）：评价人员评分相差较大的项" / "disagreements (panel view): items the evaluators scored far apart";
    FILTER_TAG = "按标签（再按换下一个标签）" / "by tag (again for the next tag)";
    FILTER_CLEAR = "清除全部筛选" / "clear every filter";
    FILTER_CLOSE = "关闭菜单" / "close the menu";

    // The note editor
    NOTE_CLOSE = "关闭编辑器并保留备注" / "close the editor and keep the note";
    NOTE_SAVE = "保留备注并立即保存" / "keep the note and save now";
    NOTE_QUIT = "保留备注，保存并退出" / "keep the note, save and quit";
    NOTE_FIXED_KEYS = "编辑键（固定）：Enter 换行，Ctrl-k 删到行尾，Ctrl-j 删到行首，Ctrl-w 删前一个词，Ctrl-u 撤销，Ctrl-r 重做，Ctrl-a / Ctrl-e 行首 / 行尾；粘贴的文本按原样插入" / "editing keys (fixed): Enter new line, Ctrl-k delete to the end of the line, Ctrl-j to its start, Ctrl-w the word before, Ctrl-u undo, Ctrl-r redo, Ctrl-a / Ctrl-e start / end of the line; pasted text lands as text";

    // The help and report pages
    PAGE_LINE_DOWN = "向下滚动一行" / "scroll down a line";
    PAGE_LINE_UP = "向上滚动一行" / "scroll up a line";
    PAGE_SCREEN_DOWN = "向下翻一页" / "scroll down a page";
    PAGE_SCREEN_UP = "向上翻一页" / "scroll up a page";
    PAGE_CLOSE = "关闭" / "close";

    // Hints: the short words after a key on screen
    HINT_MOVE = "移动" / "move";
    HINT_SCORE = "评分" / "score";
    HINT_NOTE = "扣分原因" / "note";
    HINT_FLAG = "待核实" / "flag";
    HINT_UNDO = "撤销" / "undo";
    HINT_HELP = "帮助" / "help";
    HINT_QUIT = "退出" / "quit";
    HINT_SET = "确认" / "set";
    HINT_CANCEL = "取消" / "cancel";
    HINT_DELETE = "删除" / "delete";
    HINT_CLOSE_KEEP = "关闭并保留" / "close and keep";
    HINT_NEW_LINE = "换行" / "new line";
    HINT_SAVE = "保存" / "save";
    HINT_SCROLL = "滚动" / "scroll";
    HINT_CLOSE = "关闭" / "close";
    HINT_TOGGLE = "切换" / "toggle";
    HINT_CLEAR = "清除" / "clear";
    HINT_TYPE = "输入即搜索" / "type to search";
    HINT_CHOOSE = "选择" / "choose";
    HINT_JUMP = "跳转" / "jump";
    HINT_TEXT = "正文" / "text";
    HINT_OUTLINE = "大纲" / "outline";
    HINT_BACK = "返回" / "back";
    HINT_FOLLOW = "查看佐证" / "follow";

    // The evaluation's list of reports
    LIST_DOWN = "下一份报告" / "next report";
    LIST_UP = "上一份报告" / "previous report";
    LIST_FIRST = "第一份报告" / "first report";
    LIST_LAST = "最后一份报告" / "last report";
    LIST_PAGE_DOWN = "向下翻一页" / "a page down";
    LIST_PAGE_UP = "向上翻一页" / "a page up";
    LIST_REVIEW = "评审这份报告（q 或 Esc 回到列表）" / "review this report (q or Esc comes back to the list)";
    LIST_PANEL = "专家组视图：各评价人的分数并列，记录评价得分（组长）" / "the panel view: every evaluator's scores side by side, the agreed score recorded (the chair)";
    LIST_SORT = "换一种排序：文件、评价得分、被评价单位、我的进度" / "the next order: file, panel score, unit, my progress";
    LIST_MINE = "筛选：我未评完的报告" / "filter: reports I have not finished";
    LIST_NOT_SUBMITTED = "筛选：尚未全部提交的报告" / "filter: reports not yet submitted by everyone";
    LIST_DISAGREE = "筛选：评价人有分歧的报告" / "filter: reports the evaluators disagree on";
    LIST_CLEAR_FILTERS = "清除全部筛选" / "clear every filter";
    LIST_HELP = "本帮助" / "this help";
    LIST_QUIT = "退出" / "quit";
    LIST_DISMISS = "关闭消息（再按清除筛选）" / "dismiss the message (again: clear the filters)";
    HINT_REVIEW = "评审" / "review";
    HINT_PANEL = "专家组" / "panel";
    HINT_SORT = "排序" / "sort";
    HINT_LIST_FILTERS = "筛选" / "filter";
}

/// `S`'s description lives with the other words of submitting a sheet.
pub use super::evaluators::SUBMIT_KEY;
