//! The `appraise` binary: read the configuration and settle the interface's language, parse
//! the command line (`cmd::flags`), run the command, print any failure once, and exit 0 (ok),
//! 1 (runtime failure) or 2 (bad input).

use appraise::cmd::flags::{self, Cli, Command, Review};
use appraise::cmd::{self, Failure, OpenArgs};
use appraise::{theme, words};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Over a `ulimit -f` a write must fail (EFBIG: "not saved", tried again), not kill the
    // process with the terminal raw and a temp file left behind.
    #[cfg(unix)]
    // SAFETY: sets one signal's disposition before any thread starts; no handler is involved.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // The interface's language is settled before the command line is read, so `--help` and
    // clap's errors speak it too.
    let argv: Vec<OsString> = std::env::args_os().collect();
    let dir = appraise::config::config_dir();
    let config = match flags::config_flag(&argv)
        .or_else(|| std::env::var_os("APPRAISE_CONFIG").filter(|v| !v.is_empty()).map(PathBuf::from))
    {
        Some(file) => appraise::config::load_file(&file),
        None => appraise::config::load(dir.as_deref()),
    };
    let configured = config.as_ref().ok().and_then(|c| c.lang);
    words::settle(flags::interface_flag(&argv), configured, words::locale());
    let cli = flags::parse(argv);
    if cli.review.lang.is_some() {
        words::settle(cli.review.lang, None, None);
    }
    match run(cli, dir, config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Report text can reach error messages: make it terminal-safe, and never panic
            // when stderr is gone.
            let mut stderr = std::io::stderr();
            for line in failure.to_string().lines() {
                let _ = writeln!(stderr, "appraise: {}", appraise::text::sanitize(line));
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

fn run(
    cli: Cli,
    dir: Option<PathBuf>,
    config: Result<appraise::config::Config, appraise::config::ConfigError>,
) -> Result<(), Failure> {
    match cli.command {
        Some(Command::Check { report, scores, evaluator, json }) => {
            let scores = cmd::scores_of(&report, scores, evaluator.as_deref())?;
            if json {
                cmd::check_json(&report, scores.as_deref(), &mut cmd::stdout())
            } else {
                cmd::check(&report, scores.as_deref(), &mut cmd::stdout())
            }
        }
        Some(Command::Import(args)) => cmd::import(&args, &mut cmd::stdout(), &mut std::io::stderr()),
        Some(Command::Gen { items, seed, output }) => {
            cmd::generate_to(items, seed, output.as_deref(), &mut cmd::stdout())
        }
        // The defaults need no configuration, not even a readable one.
        Some(Command::Config { default: true }) => cmd::default_config(&mut cmd::stdout()),
        Some(Command::Config { default: false }) => match config {
            Ok(config) => cmd::show_config(dir.as_deref(), &config, &mut cmd::stdout()),
            Err(e) => {
                let file = e.path().to_path_buf();
                cmd::show_broken_config(dir.as_deref(), Some(&file), e.into(), &mut cmd::stdout())
            }
        },
        Some(Command::Export(args)) => cmd::export(&args, &mut cmd::stdout()),
        Some(Command::Init(args)) => cmd::init(&args, &mut cmd::stdout()),
        // A folder is an evaluation: its reports ranked.
        Some(Command::Summary { report, scores, evaluator, json }) if report.is_dir() => {
            cmd::summary_dir(&report, scores.as_deref(), evaluator.as_deref(), json, &mut cmd::stdout())
        }
        Some(Command::Summary { report, scores, evaluator, json }) => {
            let scores = cmd::scores_of(&report, scores, evaluator.as_deref())?;
            if json {
                cmd::summary_json(&report, scores.as_deref(), &mut cmd::stdout())
            } else {
                cmd::summary(&report, scores.as_deref(), &mut cmd::stdout())
            }
        }
        Some(Command::Merge(args)) => cmd::merge(&args, &mut cmd::stdout()),
        Some(Command::Manpage) => cmd::manpage(&mut cmd::stdout()),
        Some(Command::Completions { shell }) => cmd::completions(shell, &mut cmd::stdout()),
        Some(Command::Search { report, query, json, limit, color, evaluator }) => {
            let notes = cmd::scores_of(&report, None, evaluator.as_deref())?;
            cmd::search(&report, &query, json, limit, color, notes.as_deref(), &mut cmd::stdout())
        }
        Some(Command::Panel(ref args)) => {
            let open = terminal_view(&cli.review, dir.as_deref(), config?)?;
            cmd::panel(args, open)
        }
        None => {
            let open = terminal_view(&cli.review, dir.as_deref(), config?)?;
            // A folder is an evaluation: its list of reports.
            match open.report.clone().filter(|p| p.is_dir()) {
                Some(folder) => cmd::evaluation(&folder, open),
                None => cmd::open(open),
            }
        }
    }
}

/// Everything the terminal view needs, checked here on the plain terminal: the theme, the keys
/// and the review's options.
fn terminal_view(
    review: &Review,
    dir: Option<&std::path::Path>,
    config: appraise::config::Config,
) -> Result<OpenArgs, Failure> {
    let name =
        review.theme.clone().or_else(|| config.theme.clone()).unwrap_or_else(|| theme::DEFAULT_THEME.into());
    let depth = theme::detect_depth_from_env();
    let theme = theme::load_theme(&name, dir).map_err(|e| Failure::BadInput(e.to_string()))?.for_depth(depth);
    let keymap = appraise::tui::keymap::from_config(&config)?;
    Ok(OpenArgs {
        report: review.report.clone(),
        scores: review.scores.clone(),
        evaluator: review.evaluator.clone(),
        encoding: match &review.encoding {
            Some(label) => Some(appraise::import::encoding_for_label(label).map_err(Failure::BadInput)?),
            None => None,
        },
        read_only: review.read_only,
        mouse: review.mouse || config.mouse,
        config,
        keymap,
        theme,
        ansi16: matches!(depth, theme::ColorDepth::Ansi16 | theme::ColorDepth::None),
        panel: None,
        export: None,
        imported: None,
        esc_leaves: false,
    })
}
