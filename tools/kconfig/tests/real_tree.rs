//! mvirt-kconfig against the real kernel tarball that kernel/linux.toml
//! pins (Debian's linux-source-6.12, installed by ./bootstrap): the
//! fragment check and menuconfig's write-back, end to end.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-kconfig");

/// The repository root: $MVIRT_REPO_ROOT when set (buck2 runs tests from
/// the project root and sets it to "."), else two levels above this crate.
fn repo() -> PathBuf {
    std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

/// The product's x86_64 fragments in the order make applies them: the
/// common one, then the architecture's (while the tree has one).
fn product_fragments() -> Vec<PathBuf> {
    let arch = repo().join("kernel/x86_64.config");
    let mut fragments = vec![repo().join("kernel/kernel.config")];
    fragments.extend(arch.exists().then_some(arch));
    fragments
}

/// The product's fragments as one text, for tests that take one fragment.
fn product_text() -> String {
    product_fragments()
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What every call takes: the pinned tarball (checked against its pin,
/// read with mvirt-fetch's own pin reader), a source cache shared by the
/// tests (one unpack, about 20 s, serves them all) and the toolchain.
struct Kernel {
    tarball: PathBuf,
    cache: PathBuf,
    tools: PathBuf,
}

impl Kernel {
    fn new(tmp: &Path) -> Kernel {
        let pin = mvirt_fetch::FilePin::load(&repo().join("kernel/linux.toml")).unwrap();
        let tarball = pin.path.expect("kernel/linux.toml names a local tarball");
        assert!(
            tarball.exists(),
            "{} missing: run ./bootstrap",
            tarball.display()
        );
        mvirt_fetch::verify(&tarball, &pin.sha256).unwrap();
        let _ = tmp;
        let tools = std::path::absolute(repo().join("target/toolchain/kernel")).unwrap();
        assert!(
            tools.join("env.toml").exists(),
            "{} is missing: run `make kernel-toolchain` first",
            tools.display()
        );
        Kernel {
            tarball,
            cache: repo().join("target/tmp/kconfig-test-src"),
            tools,
        }
    }

    /// The flags every subcommand takes, as one shell-safe string list.
    fn args(&self) -> Vec<String> {
        vec![
            "--tarball".into(),
            self.tarball.display().to_string(),
            "--source-cache".into(),
            self.cache.display().to_string(),
            "--arch".into(),
            "x86_64".into(),
            "--cc".into(),
            "gcc".into(),
            "--tools".into(),
            self.tools.display().to_string(),
        ]
    }

    /// `mvirt-kconfig generate` of the fragments, in order, into `output`.
    fn generate<P: AsRef<Path>>(&self, fragments: &[P], scratch: &Path, output: &Path) -> Output {
        let mut cmd = Command::new(BIN);
        cmd.arg("generate").args(self.args());
        for fragment in fragments {
            cmd.arg("--fragment").arg(fragment.as_ref());
        }
        cmd.arg("--scratch")
            .arg(scratch)
            .arg("-o")
            .arg(output)
            .output()
            .unwrap()
    }
}

/// One unpack of the real tree serves every case.
#[test]
fn the_check_names_typos_and_unmet_dependencies() {
    let tmp = tempfile::tempdir().unwrap();
    let kernel = Kernel::new(tmp.path());

    let case = |name: &str, fragment: &str| {
        let frag = tmp.path().join(format!("{name}.config"));
        std::fs::write(&frag, fragment).unwrap();
        let output = tmp.path().join(format!("{name}.out"));
        (kernel.generate(&[&frag], tmp.path(), &output), output)
    };

    // The product's fragments: every symbol takes effect.
    let output = tmp.path().join("product.out");
    let out = kernel.generate(&product_fragments(), tmp.path(), &output);
    assert!(out.status.success(), "{}", stderr(&out));
    let config = std::fs::read_to_string(&output).unwrap();
    for want in [
        "CONFIG_EFI_STUB=y",
        "CONFIG_KVM_GUEST=y",
        "CONFIG_VHOST_NET=y",
        "CONFIG_64BIT=y",
    ] {
        assert!(config.lines().any(|l| l == want), "{want} missing");
    }
    assert!(stderr(&out).contains("fragment symbols took effect"));

    // A typo: named with its line and the nearest real symbol; no output.
    let (out, output) = case("typo", "CONFIG_64BIT=y\n# virtio\nCONFIG_VIRTIO_PCII=y\n");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("line 3: CONFIG_VIRTIO_PCII=y"), "{err}");
    assert!(err.contains("did you mean CONFIG_VIRTIO_PCI?"), "{err}");
    assert!(!output.exists());

    // A dependency that is off: the check names it.
    let (out, output) = case(
        "dep",
        "CONFIG_64BIT=y\n# CONFIG_SHMEM is not set\nCONFIG_TMPFS=y\n",
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("line 3: CONFIG_TMPFS=y"), "{err}");
    assert!(
        err.contains("`depends on SHMEM` is unmet: CONFIG_SHMEM is not set"),
        "{err}"
    );
    assert!(err.contains("add CONFIG_SHMEM=y"), "{err}");
    assert!(!output.exists());

    // EFI without ACPI (tinyconfig has it off): the missing dependency is named.
    let (out, _) = case("efi", "CONFIG_64BIT=y\nCONFIG_EFI=y\n");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("CONFIG_ACPI is not set"),
        "{}",
        stderr(&out)
    );
}

/// Splitting a fragment changes nothing: the product's split fragments
/// (or, before the split, kernel/kernel.config cut in two) make the same
/// bytes as their concatenation, through the real olddefconfig.
#[test]
fn split_fragments_make_what_their_concatenation_makes() {
    let tmp = tempfile::tempdir().unwrap();
    let kernel = Kernel::new(tmp.path());
    let mut parts = product_fragments();
    if parts.len() == 1 {
        let text = product_text();
        let lines: Vec<&str> = text.lines().collect();
        let (first, second) = lines.split_at(lines.len() / 2);
        parts = [("first", first), ("second", second)]
            .iter()
            .map(|(name, lines)| {
                let path = tmp.path().join(format!("{name}.config"));
                std::fs::write(&path, lines.join("\n") + "\n").unwrap();
                path
            })
            .collect();
    }
    let whole = tmp.path().join("whole.config");
    std::fs::write(&whole, product_text()).unwrap();

    let (split_out, whole_out) = (tmp.path().join("split.out"), tmp.path().join("whole.out"));
    let out = kernel.generate(&parts, tmp.path(), &split_out);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = kernel.generate(&[&whole], tmp.path(), &whole_out);
    assert!(out.status.success(), "{}", stderr(&out));
    let split = std::fs::read(&split_out).unwrap();
    assert!(
        split == std::fs::read(&whole_out).unwrap(),
        "the .configs differ"
    );
}

/// `mvirt-kconfig menuconfig` on a terminal, as a person uses it: the real
/// lxdialog menuconfig in a pseudo-terminal (util-linux `script`), driven by
/// keystrokes.
struct Terminal {
    child: std::process::Child,
    screen: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

impl Terminal {
    fn start(command: &str) -> Terminal {
        let mut child = Command::new("script")
            .args(["--quiet", "--return", "--command"])
            .arg(format!("stty rows 40 cols 140; exec {command}"))
            .arg("/dev/null")
            .env("TERM", "xterm")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("util-linux `script`");
        let screen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let screen = screen.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 65536];
                while let Ok(n) = std::io::Read::read(&mut stream, &mut buf) {
                    if n == 0 {
                        break;
                    }
                    screen.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            });
        }
        Terminal { child, screen }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).into_owned()
    }

    fn wait_for(&self, what: &str, secs: u64) {
        let end = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        while !self.text().contains(what) {
            assert!(
                std::time::Instant::now() < end,
                "no {what:?} on the screen after {secs}s:\n{}",
                self.tail()
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    fn keys(&mut self, keys: &[u8]) {
        use std::io::Write;
        let stdin = self.child.stdin.as_mut().unwrap();
        // It may have exited already (menuconfig quits without asking when
        // nothing changed); the caller looks at the screen and the status.
        let _ = stdin.write_all(keys).and_then(|()| stdin.flush());
        // ncurses tells a lone Esc from an escape sequence by a pause.
        std::thread::sleep(std::time::Duration::from_millis(400));
    }

    /// Once the main menu is up: searches `symbol` (`/`), jumps to the
    /// first result (its key is `1`) and presses `key` (y, n, m) on it.
    fn set(&mut self, symbol: &str, key: &[u8]) {
        self.wait_for("Arrow keys navigate", 300);
        self.keys(b"/");
        self.wait_for("Search Configuration Parameter", 10);
        self.keys(format!("{symbol}\r").as_bytes());
        self.wait_for(&format!("Symbol: {symbol}"), 10);
        self.keys(b"1");
        self.keys(key);
    }

    /// Leaves menuconfig with Esc Esc; if it asks "save your new
    /// configuration?" (it does only after a change), answers Yes (`save`)
    /// or No. Returns the exit status and everything shown.
    fn quit(mut self, save: bool) -> (std::process::ExitStatus, String) {
        let asked = |t: &Terminal| t.text().contains("save your new configuration");
        for _ in 0..8 {
            if asked(&self) || self.child.try_wait().unwrap().is_some() {
                break;
            }
            self.keys(b"\x1b\x1b");
        }
        if asked(&self) {
            // The dialog's buttons are < Yes > and < No >; Yes has the focus.
            self.keys(if save { b"\r" } else { b"n" });
        }
        let status = self.child.wait().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        (status, self.text())
    }

    fn tail(&self) -> String {
        let text = self.text();
        text[text.len().saturating_sub(2000)..].to_string()
    }
}

#[test]
fn menuconfig_writes_back_a_minimal_fragment() {
    let tmp = tempfile::tempdir().unwrap();
    let kernel = Kernel::new(tmp.path());
    let fragment = tmp.path().join("kernel.config");
    let product = product_text();
    std::fs::write(&fragment, &product).unwrap();
    let command = format!(
        "{BIN} menuconfig {} --fragment {} --config {} --scratch {}",
        kernel.args().join(" "),
        fragment.display(),
        tmp.path().join("absent.config").display(),
        tmp.path().display()
    );

    // Left without a change: the fragment stays as it is.
    let term = Terminal::start(&command);
    term.wait_for("Arrow keys navigate", 300);
    let (status, out) = term.quit(true);
    assert!(status.success(), "{out}");
    assert!(out.contains("no change to"), "{out}");
    assert_eq!(std::fs::read_to_string(&fragment).unwrap(), product);

    // Search PRINTK_TIME, jump to it, turn it on, save.
    let mut term = Terminal::start(&command);
    term.set("PRINTK_TIME", b"y");
    let (status, out) = term.quit(true);
    assert!(status.success(), "{out}");
    let new = std::fs::read_to_string(&fragment).unwrap();
    // Only the one line is new, under its heading; the rest is untouched.
    assert_eq!(
        new,
        format!(
            "{product}\n# --- added by menuconfig -----------------------------------------------------\nCONFIG_PRINTK_TIME=y\n"
        )
    );
    assert!(
        out.contains("+CONFIG_PRINTK_TIME=y"),
        "the diff is shown: {out}"
    );

    // The written fragment generates the configuration menuconfig saved.
    let output = tmp.path().join("final.config");
    let gen = kernel.generate(&[&fragment], tmp.path(), &output);
    assert!(gen.status.success(), "{}", stderr(&gen));
    let config = std::fs::read_to_string(&output).unwrap();
    assert!(config.lines().any(|l| l == "CONFIG_PRINTK_TIME=y"));

    // A change not saved leaves the fragment alone.
    let mut term = Terminal::start(&command);
    term.set("PRINTK_TIME", b"n");
    let (status, out) = term.quit(false);
    assert!(status.success(), "{out}");
    assert!(out.contains("save your new configuration"), "{out}");
    assert!(out.contains("no change to"), "{out}");
    assert_eq!(std::fs::read_to_string(&fragment).unwrap(), new);
}
