//! The error sentences of the core and the store: a report or scores file that cannot be read,
//! the problems found in one (each placed), outputs, locks, side files, the recovery journal,
//! imports (decoding, .docx, rubric tables), scores off the grid, themes, and the short reasons
//! for an I/O error. Each reads after the file's name and the place (`FILE: PLACE: …`); the
//! English texts are the program's messages as they always were.
//!
//! Names of things the user types or the files hold — flags, keys, JSON fields, file names,
//! `true`/`false`/`null` — are placeholders, so the Chinese texts hold no English words.

crate::words! {
    // ── io_error: the reason after "cannot read FILE: " ─────────────────────────────────────
    IO_NOT_FOUND = "文件不存在" / "no such file";
    IO_PERMISSION = "没有权限" / "permission denied";
    IO_IS_DIRECTORY = "它是一个文件夹" / "it is a directory";
    IO_NOT_A_DIRECTORY = "路径上的某个文件夹其实是文件" / "a folder on its path is a file";
    IO_DISK_FULL = "磁盘已满" / "the disk is full";
    IO_QUOTA = "超出了磁盘配额" / "the disk quota is exceeded";
    IO_FILE_TOO_LARGE = "文件超出了本次会话的大小限制（ulimit -f）" /
        "the file is over this session's size limit (ulimit -f)";
    IO_READ_ONLY_FS = "文件系统是只读的" / "read-only file system";
    IO_TIMED_OUT = "操作超时" / "the operation timed out";
    IO_EXISTS = "文件已存在" / "the file already exists";
    IO_INTERRUPTED = "操作被中断" / "the operation was interrupted";
    IO_WOULD_BLOCK = "资源暂时不可用" / "the resource is temporarily unavailable";
    IO_INVALID_DATA = "数据无效" / "the data is invalid";
    IO_UNEXPECTED_EOF = "文件意外结束" / "the file ended unexpectedly";
    IO_OUT_OF_MEMORY = "内存不足" / "out of memory";
    IO_BUSY = "资源正忙" / "the resource is busy";
    IO_NOT_EMPTY = "文件夹不是空的" / "the folder is not empty";
    IO_CROSSES_DEVICES = "不能跨设备移动文件" / "a file cannot be moved across devices";
    IO_BAD_FILE_NAME = "文件名无效或太长" / "the file name is invalid or too long";
    IO_TOO_MANY_LINKS = "链接太多" / "too many links";
    IO_STALE = "网络文件句柄已失效" / "the network file handle is stale";
    IO_BROKEN_PIPE = "管道已断开" / "the pipe is broken";
    IO_WRITE_ZERO = "什么也写不进去" / "nothing could be written";
    IO_UNSUPPORTED = "不支持此操作" / "the operation is not supported";
    IO_EIO = "输入/输出错误" / "input/output error";
    /// Any other error the system names by its number.
    IO_OS_ERROR = "系统错误（错误码 {code}）" / "system error (code {code})";
    IO_OTHER = "系统错误" / "system error";

    // ── Reading and writing files ─────────────────────────────────────────────────────────
    CANNOT_READ = "无法读取 {path}：{why}" / "cannot read {path}: {why}";
    CANNOT_WRITE = "无法写入 {path}：{why}" / "cannot write {path}: {why}";
    /// A warning about a file, after its name.
    WARNING = "警告：{text}" / "warning: {text}";

    // ── A report file's problems (report/load.rs, report/json.rs) ─────────────────────────
    AT_POSITION = "第 {line} 行第 {column} 列" / "line {line}, column {column}";
    TOP_LEVEL = "（顶层）" / "(top level)";
    FILE_EMPTY = "文件是空的" / "the file is empty";
    NOT_UTF8_AT = "文件不是 UTF-8 文本（此处的字节 0x{byte} 无效）" /
        "the file is not UTF-8 text (byte 0x{byte} is invalid here)";
    NOT_UTF8 = "文件不是 UTF-8 文本" / "the file is not UTF-8 text";
    JSON_EOF_ARRAY = "文件意外结束（数组缺少结尾的 `]`）" /
        "unexpected end of file (an array is not closed with `]`)";
    JSON_EOF_OBJECT = "文件意外结束（对象缺少结尾的 `}`）" /
        "unexpected end of file (an object is not closed with `}`)";
    JSON_EOF_STRING = "文件意外结束（字符串缺少结尾的 `\"`）" /
        "unexpected end of file (a string is not closed with `\"`)";
    JSON_EOF_VALUE = "文件意外结束（此处应有一个值）" / "unexpected end of file (expected a value)";
    JSON_EXPECTED_IDENT = "此处应为 `{t}`、`{f}` 或 `{n}`" / "expected `{t}`, `{f}` or `{n}`";
    JSON_EXPECTED_VALUE = "此处应有一个值（字符串、数字、对象、数组、{t}、{f} 或 {n}）" /
        "expected a value (a string, number, object, array, {t}, {f} or {n})";
    JSON_INVALID_ESCAPE = "字符串中有无效的转义序列" / "invalid escape sequence in a string";
    JSON_NUMBER_RANGE = "数字超出范围（太大）" / "number out of range (too large)";
    JSON_UNICODE_ESCAPE = "字符串中有无效的 `\\u` 转义" / "invalid `\\u` escape in a string";
    JSON_CONTROL = "字符串中有控制字符（请写成转义，如 `\\n` 或 `\\t`）" /
        "control character in a string (write it as an escape such as `\\n` or `\\t`)";
    JSON_TRAILING_COMMA = "多余的逗号（最后一个元素后面不能再有东西）" /
        "trailing comma (nothing may follow the last element)";
    JSON_TRAILING_TEXT = "JSON 文档结束之后还有多余的文字" /
        "unexpected text after the end of the JSON document";
    JSON_TOO_DEEP = "JSON 嵌套太深（超过 128 层）" / "the JSON is nested too deeply (more than 128 levels)";
    JSON_EXPECTED_COLON = "此处应为 `:`" / "expected `:`";
    JSON_EXPECTED_COMMA_BRACKET = "此处应为 `,` 或 `]`" / "expected `,` or `]`";
    JSON_EXPECTED_COMMA_BRACE = "此处应为 `,` 或 `}`" / "expected `,` or `}`";
    JSON_KEY_STRING = "对象的键必须是字符串" / "key must be a string";
    JSON_INVALID_NUMBER = "无效的数字" / "invalid number";
    /// Any other syntax error, in the JSON parser's own words.
    JSON_SYNTAX = "JSON 语法错误：{detail}" / "{detail}";

    /// `expected a string, found a number (42)`.
    EXPECTED_FOUND = "应为{what}，实为{found}" / "expected {what}, found {found}";
    EXPECTED = "应为{what}" / "expected {what}";
    MISSING_FIELD = "缺少必需的字段（应为{what}）" / "missing required field (expected {what})";
    WHAT_OBJECT = "对象" / "an object";
    WHAT_ARRAY = "数组" / "an array";
    WHAT_STRING = "字符串" / "a string";
    WHAT_NUMBER = "数字" / "a number";
    WHAT_NON_EMPTY_STRING = "非空的字符串" / "a non-empty string";
    /// Starts with a space: it follows "应为" directly.
    WHAT_BOOL = " {t} 或 {f}" / "{t} or {f}";
    WHAT_STRING_OR_NUMBER = "字符串或数字" / "a string or a number";
    WHAT_SECTIONS = "由章节组成的数组" / "an array of sections";
    WHAT_THE_STRING = "字符串 {value}" / "the string {value}";
    WHAT_NUMBER_OR_NULL = "数字或 {n}" / "a number or {n}";
    WHAT_STRING_OR_NULL = "字符串或 {n}" / "a string or {n}";
    /// What a wrong value is, after "found".
    FOUND_BOOL = "布尔值（{value}）" / "a boolean ({value})";
    FOUND_NUMBER = "数字（{value}）" / "a number ({value})";
    FOUND_STRING = "字符串（{value}）" / "a string ({value})";
    FOUND_EMPTY_ARRAY = "空数组" / "an empty array";
    FOUND_ARRAY = "数组（{value}）" / "an array ({value})";
    FOUND_EMPTY_OBJECT = "空对象" / "an empty object";
    FOUND_OBJECT = "对象（{value}）" / "an object ({value})";
    MUST_NOT_BE_EMPTY = "不能为空" / "must not be empty";
    REPORT_FORMAT = "不支持的格式 {found}（此版本读取 {expected}）" /
        "unsupported format {found} (this version reads {expected})";
    MIN_BELOW_MAX = "最低分（{min}）必须小于最高分（{max}）" / "min ({min}) must be less than max ({max})";
    STEP_POSITIVE = "必须大于 0（实为 {step}）" / "must be greater than 0 (found {step})";
    ITEM_STEP_POSITIVE = "步长必须大于 0（实为 {step}）" / "step must be greater than 0 (found {step})";
    DUPLICATE_ID = "重复的 id {id}（首次用于 {first}）" / "duplicate id {id} (first used at {first})";
    SELF_SCORE_OUTSIDE = "{score} 超出该项的分值范围（{min} 至 {max}）" /
        "{score} is outside the item's scale ({min} to {max})";
    UNKNOWN_REF = "未知的 id {id}（没有哪个章节或评分项用它）" / "unknown id {id} (no section or item has it)";
    MORE_PROBLEM = "……另有 {n} 个问题" / "… and {n} more problem";
    MORE_PROBLEMS = "……另有 {n} 个问题" / "… and {n} more problems";

    // ── A scores file (store/scores_file.rs) ──────────────────────────────────────────────
    WHOLE_FILE = "（文件）" / "(file)";
    OTHER_REPORT = "{path} 中的评分属于报告“{found}”，不属于“{expected}”" /
        "{path} holds scores for report \"{found}\", not for \"{expected}\"";
    OTHER_REPORT_REASON = "其中是报告“{found}”的评分" / "it holds scores for report \"{found}\"";
    SCORES_FORMAT = "不支持的格式 {found}，应为 {expected}" / "unsupported format {found}, expected {expected}";
    SCORES_FORMAT_MISSING = "缺失；这不是 appraise 评分文件（{expected}）" /
        "missing; this is not an appraise scores file ({expected})";
    REPORT_CHANGED = "报告文件在这些评分保存之后改动过；评分按 id 对应到各评分项" /
        "the report file has changed since these scores were saved; scores are matched to items by id";
    DUPLICATE_ENTRY = "评分项“{id}”的条目重复" / "duplicate entry for item \"{id}\"";
    SAVED_SCORE_OFF = "评分项 {id}：保存的分数不符合本报告（{why}）；请重新评分" /
        "item {id}: the saved score {why} for this report; please re-score it";
    ORPHAN_ENTRY = "{n} 条已保存的评分属于报告中已不存在的评分项（仍保留在文件中）：{ids}" /
        "{n} saved entry is for items the report no longer has (kept in the file): {ids}";
    ORPHAN_ENTRIES = "{n} 条已保存的评分属于报告中已不存在的评分项（仍保留在文件中）：{ids}" /
        "{n} saved entries are for items the report no longer has (kept in the file): {ids}";

    // ── A score and its grid (scores/grid.rs) ─────────────────────────────────────────────
    SCORE_NOT_A_NUMBER = "{value} 不是数字" / "{value} is not a number";
    SCORE_BELOW_MIN = "{value} 低于最低分 {min}" / "{value} is below the minimum {min}";
    SCORE_ABOVE_MAX = "{value} 高于最高分 {max}" / "{value} is above the maximum {max}";
    SCORE_OFF_GRID = "{value} 不在从 {min} 起、步长为 {step} 的分值档上（最接近的是 {lower} 或 {upper}）" /
        "{value} is not on the {step} step grid from {min} (nearest: {lower} or {upper})";

    // ── Where an output may go (store/output.rs, store/mod.rs) ────────────────────────────
    OUTPUT_LINK_CHAIN = "它是一串没有尽头（或超过 {max} 层）的符号链接" /
        "it is a chain of symbolic links that does not end (or is over {max} deep)";
    OUTPUT_NOT_A_FOLDER = "{dir} 不是文件夹" / "{dir} is not a folder";
    OUTPUT_NO_FOLDER = "文件夹 {dir} 不存在" / "the folder {dir} does not exist";
    OUTPUT_NOT_A_FILE = "它是{kind}，不是文件；请指定一个要写入的文件" /
        "it is {kind}, not a file; name a file to write";
    KIND_BLOCK_DEVICE = "块设备" / "a block device";
    KIND_CHAR_DEVICE = "字符设备" / "a character device";
    KIND_FIFO = "命名管道" / "a FIFO (named pipe)";
    KIND_SOCKET = "套接字" / "a socket";
    KIND_DIRECTORY = "文件夹" / "a directory";
    KIND_SYMLINK = "符号链接" / "a symbolic link";
    KIND_REGULAR = "普通文件" / "a regular file";
    KIND_SPECIAL = "特殊文件" / "a special file";
    KIND_NOT_A_NAME = "无效的文件名" / "not a file name";
    // ── Reading a file the user named (input.rs) ──────────────────────────────────────────
    NOT_REGULAR_FILE = "它是{kind}，不是普通文件" / "it is {kind}, not a regular file";
    LARGER_THAN_CAP = "超过了 {mb} MB 的上限" / "it is larger than the limit of {mb} MB";
    CANNOT_KEEP_SCORES = "无法在 {path} 保存评分：{why}" / "cannot keep scores in {path}: {why}";
    SCORES_NOT_REGULAR = "它是{kind}，不是普通文件；请用 {flag} 指定一个评分文件" /
        "it is {kind}, not a regular file; name a scores file with {flag}";

    // ── The app's side files, the lock (store/side.rs, store/lock.rs) ──────────────────────
    SIDE_NOT_REGULAR = "{path}: {what}是{kind}，不是普通文件；appraise 从不通过它写入——请删除它后重新开始" /
        "{path}: the {what} is {kind}, not a regular file; appraise never writes through it — remove it and start again";
    SIDE_REFUSED = "{path} 是{kind}，不是普通文件；appraise 从不通过它写入" /
        "{path} is {kind}, not a regular file; appraise never writes through it";
    LOCK_HOLDER_UNKNOWN = "另一个 appraise" / "another appraise";
    LOCK_KEEPS_CHANGING = "锁文件不断在变" / "the lock file keeps changing";

    // ── The recovery journal (store/journal.rs) ───────────────────────────────────────────
    JOURNAL_NOT_FLUSHED = "恢复日志未能写入磁盘" / "the journal could not be flushed to disk";
    JOURNAL_CUT_SHORT = "不是完整的记录（写入被中断了？）" / "not a complete record (a write cut short?)";
    JOURNAL_NO_ID = "没有评分项 id" / "no item id";
    JOURNAL_SECTION = "{id} 是章节，不是评分项" / "{id} is a section, not an item";
    JOURNAL_NO_ITEM = "报告中没有评分项 {id}" / "the report has no item {id}";
    JOURNAL_NOT_TEXT = "评分项 {id}：{field} 不是文本" / "item {id}: {field} is not text";
    JOURNAL_SCORE_NAN = "评分项 {id}：分数不是数字" / "item {id}: the score is not a number";
    JOURNAL_SCORE_OFF = "评分项 {id}：分数 {why}" / "item {id}: score {why}";
    JOURNAL_NOT_BOOL = "评分项 {id}：{field} 不是 {t} 或 {f}" / "item {id}: {field} is not {t} or {f}";

    // ── Saving beside another program (store/writer.rs) ───────────────────────────────────
    SAVE_FAILED = "{why}（{path}）" / "{why} ({path})";
    NOT_OVERWRITTEN = "未覆盖（{why}）：另一个程序改动了它；请修好或移走它——你的修改仍保留着" /
        "not overwritten ({why}): another program changed it; fix it or move it away — your edits are kept";
    CONFLICT_NOT_KEPT = "无法保留另一个程序的 {path} 版本（{why}）；未覆盖（你的修改仍保留着）" /
        "cannot keep the other program's version of {path} ({why}); not overwritten (your edits are kept)";

    // ── Importing a document (import/) ───────────────────────────────────────────────────
    IMPORT_TOO_LARGE_FILE = "{path}: 文件有 {megabytes} MB，作为报告太大了（最多 {max} MB）" /
        "{path}: the file is {megabytes} MB, too large for a report (at most {max} MB)";
    IMPORT_NOT_WHAT_IT_SAYS = "按扩展名应是 {kind} 文件，但内容不是：文件可能已损坏、不完整，或是改了扩展名的其他文件" /
        "named as a {kind} file, but its content is not one: it may be damaged, cut short, or another kind of file renamed";
    IMPORT_JSON = "这是 JSON 文件；报告文件可以直接打开，{cmd} 只读取 .txt、.md 和 .docx" /
        "this is a JSON file; a report file is opened as it is, {cmd} reads .txt, .md and .docx";
    IMPORT_TOO_LARGE = "文件作为报告太大了（最多 {max} MB）" / "the file is too large for a report (at most {max} MB)";
    IMPORT_REPLACED_ONE = "{n} 个无法解码的字节序列已替换为 �" / "{n} undecodable byte sequence was replaced by �";
    IMPORT_REPLACED = "{n} 个无法解码的字节序列已替换为 �" / "{n} undecodable byte sequences were replaced by �";
    IMPORT_EMPTY = "文档是空的（里面没有文字）" / "the document is empty (there is no text in it)";
    IMPORT_OUT_OF_SEQUENCE_ONE = "{n} 行看似编号但不合顺序，保留为正文" /
        "{n} numbered-looking line out of sequence kept as text";
    IMPORT_OUT_OF_SEQUENCE = "{n} 行看似编号但不合顺序，保留为正文" /
        "{n} numbered-looking lines out of sequence kept as text";
    IMPORT_RUBRIC_HINT = "文中有个表格像是评分表：要按它的指标评分，可把它另存为 {csv} 文件，再运行 `{command}`" /
        "a table in the text looks like a scoring table: to score by its indicators, save it as a {csv} file and run `{command}`";
    OPTION_EMPTY = "{flag} 不能为空" / "{flag} must not be empty";
    OPTION_POSITIVE = "{flag} 必须是大于 0 的数（实为 {value}）" / "{flag} must be a number greater than 0 (got {value})";
    OPTION_STEP_OVER_MAX = "{step_flag}（{step}）不能大于 {max_flag}（{max}）" /
        "{step_flag} ({step}) must not be larger than {max_flag} ({max})";
    IMPORT_INTERNAL = "导入得到的报告无效（这是内部错误，请报告此问题）：{first}" /
        "the imported report is not valid (an internal error, please report it): {first}";
    NO_NUMBERING_ONE_ITEM = "没有找到大纲编号：全文作为一个评分项" /
        "no outline numbering found: the whole text is one item";
    NO_NUMBERING_TITLES = "没有找到大纲编号：以文中的短标题行作为评分项" /
        "no outline numbering found: items are the text's short title lines";
    NO_NUMBERING_DASHES = "没有找到大纲编号：以“——”开头的段落各作为一个评分项" /
        "no outline numbering found: each paragraph opening with a dash (——) is an item";
    ONE_LEVEL = "只有一级编号：每个编号部分成为一个评分项" /
        "one level of numbering only: each numbered part became an item";
    /// A Markdown or Word heading level, as an outline level's style.
    HEADING_LEVEL = "{n} 级标题" / "heading {n}";
    /// What was dropped as noise.
    NOISE_TOC_ONE = "目录（{n} 行）" / "a table of contents ({n} line)";
    NOISE_TOC = "目录（{n} 行）" / "a table of contents ({n} lines)";
    NOISE_PAGE_NUMBER = "{n} 个页码" / "{n} page number";
    NOISE_PAGE_NUMBERS = "{n} 个页码" / "{n} page numbers";
    NOISE_FORM_FEED = "{n} 个换页符" / "{n} form feed";
    NOISE_FORM_FEEDS = "{n} 个换页符" / "{n} form feeds";
    NOISE_DOT_LEADER = "{n} 处引导点" / "{n} dot leader";
    NOISE_DOT_LEADERS = "{n} 处引导点" / "{n} dot leaders";
    NOISE_CONTROL_CHAR = "{n} 个控制字符" / "{n} control character";
    NOISE_CONTROL_CHARS = "{n} 个控制字符" / "{n} control characters";
    NOISE_MARKUP_LINE = "{n} 行标记" / "{n} line of markup";
    NOISE_MARKUP_LINES = "{n} 行标记" / "{n} lines of markup";
    IMPORT_TABLE_ALONE = "{file} 是评分表：其指标即是评分项，旁边没有报告正文；要对照正文评分，请导入报告正文并用 {flag} 指定此表" / "{file} is a scoring table: its indicators are what is scored, with no report text beside them; to score with the text, import the report's text with {flag} and this table";
    IMPORT_SHEET_NOT_A_TABLE = "{flag} 选择工作簿中的工作表，但 {file} 不是评分表，也没有用 {rubric} 指定评分表" / "{flag} chooses a workbook's worksheet, but {file} is no scoring table and no {rubric} table was given";
    NOISE_TITLE_AGAIN_ONE = "{n} 行重复的标题" / "{n} line repeating the title";
    NOISE_TITLE_AGAIN = "{n} 行重复的标题" / "{n} lines repeating the title";
    NOISE_WEB_ONE = "{n} 行网页残留" / "{n} web-page line";
    NOISE_WEB = "{n} 行网页残留" / "{n} web-page lines";
    NOISE_HEADINGS_JOINED_ONE = "{n} 个折行标题已合并" / "{n} wrapped heading joined";
    NOISE_HEADINGS_JOINED = "{n} 个折行标题已合并" / "{n} wrapped headings joined";
    NOISE_JOINED_ONE = "{n} 处硬换行已合并" / "{n} hard line break joined";
    NOISE_JOINED = "{n} 处硬换行已合并" / "{n} hard line breaks joined";

    // Decoding (import/decode.rs).
    DECODE_OLD_WORD = "这是旧式的二进制 {doc} 文件（或其他 {ole} 文件）；请另存为 .docx 或 .txt 再导入" /
        "this is an old binary {doc} (or another {ole} file); save it as .docx or .txt and import that";
    DECODE_RTF = "这是 RTF 文档；请另存为 .docx 或 .txt 再导入" /
        "this is an RTF document; save it as .docx or .txt and import that";
    DECODE_NUL = "这看起来是二进制文件，不是文本（在偏移 {offset} 处有一个零字节）" /
        "this looks like a binary file, not text (it has a NUL byte at offset {offset})";
    DECODE_CONTROLS = "这看起来是二进制文件，不是文本（{percent}% 的字符是控制字符）" /
        "this looks like a binary file, not text ({percent}% of its characters are control characters)";
    DECODE_UNKNOWN = "第 {line} 行（字节 {offset}）：这不是已知编码（{known}）的文本，或者根本不是文本；可用 {flag} 指定编码" /
        "line {line} (byte {offset}): this is not text in a known encoding ({known}), or not text at all; name its encoding with {flag}";
    DECODE_BAD_BOM = "它的字节顺序标记表明是 {encoding}，但其中 {replaced} 个字节序列无法按此解码" /
        "its byte-order mark says {encoding}, but {replaced} of its byte sequences do not decode as such";
    DECODE_BAD_GUESS = "它看起来是 {encoding}，但其中 {replaced} 个字节序列无法按此解码" /
        "it looks like {encoding}, but {replaced} of its byte sequences do not decode as such";
    DECODE_BAD_FORCED = "已用 {flag} 指定为 {encoding}，但其中 {replaced} 个字节序列无法按此解码" /
        "{flag} says {encoding}, but {replaced} of its byte sequences do not decode as such";
    DECODE_LINES_LOST = "已用 {flag} 指定为 {encoding}，但按此解码后没有一个换行：它不是 {encoding}" /
        "{flag} says {encoding}, but read as such it has not one line break: it is not {encoding}";
    IMPORT_UNKNOWN_ENCODING = "{flag} {value}：未知的编码名称（可用 `{examples}` 等）" /
        "{flag} {value}: not an encoding name (use one such as {examples})";

    // PDF (import/pdf.rs).
    PDF_NO_PDFTOTEXT = "这是 PDF，需要 {program} 才能读取，但找不到它；请安装（{install}），或先用 `{command}` 转换，再导入得到的 .txt" /
        "this is a PDF, read with {program}, which was not found; install it ({install}) or convert it first with `{command}` and import the .txt";
    PDF_NO_TEXT = "这个 PDF 没有文字层（是扫描件？）；请先做文字识别（如 `{ocr}`），再导入" /
        "this PDF has no text layer (a scan?); run OCR on it first (e.g. `{ocr}`) and import the result";
    PDF_FAILED = "{program} 无法读取这个 PDF：{why}" / "{program} cannot read this PDF: {why}";
    PDF_EXIT = "退出状态 {code}" / "exit status {code}";
    PDF_TIMEOUT = "{program} 在 {seconds} 秒内没有读完这个 PDF；请自行转换（`{command}`），再导入得到的 .txt" /
        "{program} did not finish reading this PDF within {seconds} s; convert it yourself (`{command}`) and import the .txt";
    PDF_TOO_LARGE = "{program} 从这个 PDF 得到的文字超过 {max} MB" / "{program} gave more than {max} MB of text for this PDF";

    // Word documents (import/docx.rs).
    DOCX_UNREADABLE = "这不是可读的 .docx 文件：{detail}" / "this is not a readable .docx (zip) file: {detail}";
    DOCX_NOT_WORD = "这个压缩包不是 {word} 文档（里面没有 {part}）；只读取 .docx" /
        "this zip archive is not a {word} document (it has no {part}); only .docx is read";
    DOCX_PART_UNREADABLE = "无法读取 .docx 中的 {part}：{detail}" / "cannot read {part} in the .docx: {detail}";
    DOCX_PART_TOO_LARGE = ".docx 中的 {part} 超过 {max} MB" / "{part} in the .docx is larger than {max} MB";
    DOCX_BAD_XML = "{part} 在字节 {offset} 附近格式不正确：{detail}" /
        "{part} is not well-formed XML near byte {offset}: {detail}";

    // ── config.toml (config.rs, tui/keymap.rs) and language names (lang.rs) ─────────────
    CONFIG_AT = "{path}：{place}：{why}" / "{path}: {place}: {why}";
    CONFIG_WHY = "{path}：{why}" / "{path}: {why}";
    CONFIG_DELAY = "{setting} 应在 50 到 1000 之间（改动在一秒内保存），而不是 {delay}" /
        "{setting} must be between 50 and 1000 (a change is saved within a second), not {delay}";
    CONFIG_KEYS_CLASH = "“{name}”既是 {keys} 中的动作，又是表 {table}；TOML 不能两者都写：请把这个动作写在 {normal} 下" /
        "\"{name}\" is both an action in {keys} and the table {table}, and TOML cannot hold both: write the action under {normal} instead";
    CONFIG_KEYS_AT = "{table}（第 {line} 行）" / "{table} (line {line})";
    KEY_UNKNOWN_ACTION = "未知的动作“{name}”" / "unknown action \"{name}\"";
    KEY_UNKNOWN_TABLE = "未知的按键表 {table}（可用的有 {tables}）" / "unknown key table {table} (there are {tables})";
    KEY_UNKNOWN_KEY = "{action} 的按键“{key}”无法识别" / "unknown key \"{key}\" for {action}";
    LANG_UNKNOWN = "未知的语言“{name}”，应为 {zh} 或 {en}" / "unknown language \"{name}\", expected {zh} or {en}";

    // ── Themes (theme/) ──────────────────────────────────────────────────────────────────
    THEME_UNKNOWN = "未知的主题“{name}”；可用的主题：{available}" /
        "unknown theme \"{name}\"; available themes: {available}";
    THEME_UNREADABLE = "无法读取主题文件 {path}：{why}" / "cannot read theme file {path}: {why}";
    THEME_BUILT_IN = "内置主题“{name}”" / "built-in theme \"{name}\"";
    THEME_CYCLE = "主题互相继承，形成了循环：{path}" / "themes extend each other in a circle: {path}";
    THEME_TOO_DEEP = "超过 {max} 个主题层层继承" / "more than {max} themes extend one another";
    THEME_EXTENDS_UNKNOWN = "继承了未知的主题“{name}”；可用的主题：{available}" /
        "extends unknown theme \"{name}\"; available themes: {available}";
    THEME_MISSING_SLOT = "缺少样式槽 {slots}：请给出每个槽，或在文件开头写 {extends}，其余的槽从另一个主题取得" /
        "missing slot {slots}: give every slot, or start the file with {extends} to take the rest from another theme";
    THEME_MISSING_SLOTS = "缺少样式槽 {slots}：请给出每个槽，或在文件开头写 {extends}，其余的槽从另一个主题取得" /
        "missing slots {slots}: give every slot, or start the file with {extends} to take the rest from another theme";
    THEME_UNKNOWN_SLOT = "未知的样式槽 `{name}`：可用的槽有 {slots}（以及 {description}、{extends}）" /
        "unknown slot `{name}`: the slots are {slots} (and {description}, {extends})";
    THEME_UNKNOWN_MODIFIER = "未知的修饰“{name}”：可用 {names}" / "unknown modifier \"{name}\": use {names}";
    THEME_UNKNOWN_STYLE_KEY = "样式中未知的键 `{key}`：可用 {fg}、{bg} 和 {modifiers}" /
        "unknown key `{key}` in a style: use {fg}, {bg} and {modifiers}";
    THEME_EXPECT_COLOUR = "颜色：颜色名如 {example}、编号 0–255 或 {hex}" /
        "a colour: a name such as {example}, an index 0–255 or {hex}";
    THEME_EXPECT_MODIFIERS = "修饰列表，如 {example}" / "a list of modifiers such as {example}";
    THEME_EXPECT_STYLE = "样式：一种颜色，或一个表，如 {example}" / "a style: a colour, or a table such as {example}";
    /// The kind of a value a theme file has where another is expected.
    FOUND_KIND_BOOL = "布尔值" / "a boolean";
    FOUND_KIND_INTEGER = "整数" / "an integer";
    FOUND_KIND_FLOAT = "小数" / "a decimal number";
    FOUND_KIND_STRING = "字符串" / "a string";
    FOUND_KIND_TABLE = "表" / "a table";
    FOUND_KIND_ARRAY = "数组" / "an array";
    COLOUR_BAD_HEX = "{value} 不是颜色：请在 # 后写六位十六进制数字，如 {example}" /
        "{value} is not a colour: write six hex digits after #, as in {example}";
    COLOUR_INDEX_RANGE = "颜色编号 {n} 超出范围：编号为 0–255" / "colour index {n} is out of range: indices are 0–255";
    COLOUR_UNKNOWN = "未知的颜色 {value}：请用颜色名（{names}）、编号 0–255 或 {hex}" /
        "unknown colour {value}: use a name ({names}), an index 0–255 or {hex}";
    COLOUR_DEPTH_UNKNOWN = "未知的色深 {value}：可用 {truecolor}、256、16 或 {none}" /
        "unknown colour depth {value}: use {truecolor}, 256, 16 or {none}";

    /// Between the entries of a list in a sentence: "a, b, c" / "a、b、c".
    LIST_SEP = "、" / ", ";
}
