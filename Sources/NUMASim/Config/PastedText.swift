// SPDX-License-Identifier: MIT

/// What a dump copied from a terminal, a ticket or a mailing list carries besides the dump:
/// shell prompts with the command (`$ numactl -H`, `# cat /proc/zoneinfo`,
/// `user@host:~$ sudo numactl -H`, `[root@db1 ~]# ...`), comment lines, a bare prompt at the
/// end, and the `--` lines `grep -A` puts between matches. Importers skip such lines, keeping
/// the line numbers of the rest for their errors.
public enum PastedText {
  /// Whether `line` is paste noise rather than part of a `/proc` or `numactl -H` dump.
  public static func isNoise(_ line: Substring) -> Bool {
    let t = line.drop { $0 == " " || $0 == "\t" }
    guard let first = t.first else { return false }
    if t == "--" { return true }
    // `#` starts a comment or a root prompt; no dump line starts with it, nor with `$`, `%`, `>`.
    if "#$%>".contains(first) { return true }
    // `user@host:~$ cmd`, `host% cmd`, `[root@db1 ~]# cmd`: a prompt word ending in $ # % or >.
    let word: Substring
    if first == "[", let close = t.firstIndex(of: "]") {
      word = t[...close] + t[t.index(after: close)...].prefix { $0 != " " && $0 != "\t" }
    } else {
      word = t.prefix { $0 != " " && $0 != "\t" }
    }
    // No word of a zoneinfo or numactl line ends in one of them.
    guard let last = word.last else { return false }
    return "$#%>".contains(last)
  }
}
