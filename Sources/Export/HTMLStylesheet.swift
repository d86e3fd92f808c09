/// The styles of an exported page: readable on a phone, light or dark as the reader's system is.
///
/// Output tables are drawn with box-drawing characters and count East Asian wide characters as
/// two columns, so preformatted text needs a monospace font where a wide character is exactly
/// two columns. DejaVu Sans Mono (0.602 em per column, box drawing included) comes first;
/// ideographs, kana and Hangul, which it lacks, come from Noto Sans Mono CJK scaled to 1.204 em
/// (`size-adjust`), two columns exactly. (Noto's own Latin and box drawing will not do: its box
/// drawing is full width.) Both get the same ascent and descent, so lines with Japanese text are
/// as tall as the others and vertical rules stay straight. Without those fonts (Debian:
/// fonts-dejavu-core, fonts-noto-cjk) the browser's monospace font is used.
enum HTMLStylesheet {
    static let css = """
        :root {
          color-scheme: light dark;
          --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f6f8fa;
          --output-bg: #ffffff; --accent: #0969da; --error: #d1242f; --error-bg: #ffebe9;
          --warning: #9a6700; --warning-bg: #fff8c5;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --code-bg: #151b23;
            --output-bg: #0d1117; --accent: #4493f8; --error: #f85149; --error-bg: #3c1618;
            --warning: #d29922; --warning-bg: #3a2d0a;
          }
        }
        @font-face {
          font-family: "Pilot Mono";
          src: local("DejaVu Sans Mono"), local("DejaVuSansMono");
          ascent-override: 80%; descent-override: 20%; line-gap-override: 0%;
        }
        @font-face {
          font-family: "Pilot Wide";
          src: local("Noto Sans Mono CJK JP"), local("NotoSansMonoCJKjp-Regular");
          size-adjust: 120.4%; ascent-override: 66.45%; descent-override: 16.61%; line-gap-override: 0%;
          unicode-range: U+1100-115F, U+2E80-303E, U+3041-33FF, U+3400-4DBF, U+4E00-9FFF, U+A000-A4CF, U+AC00-D7A3, \
        U+F900-FAFF, U+FE30-FE4F, U+FF00-FF60, U+FFE0-FFE6;
        }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--bg); color: var(--fg);
          font: 16px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK JP", "DejaVu Sans", \
        sans-serif;
        }
        main, footer { max-width: 56rem; margin: 0 auto; padding: 0 1rem; box-sizing: border-box; }
        main { padding-top: 1rem; }
        footer { color: var(--muted); font-size: 0.85rem; padding-bottom: 2rem; border-top: 1px solid var(--border); \
        padding-top: 0.75rem; margin-top: 2rem; }
        h1, h2, h3 { line-height: 1.25; margin: 1.6em 0 0.6em; }
        h1 { font-size: 1.75rem; margin-top: 0.5em; }
        h2 { font-size: 1.35rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25em; }
        a { color: var(--accent); }
        img { max-width: 100%; }
        code, pre {
          font-family: "Pilot Mono", "Pilot Wide", "DejaVu Sans Mono", "Noto Sans Mono CJK JP", ui-monospace, monospace;
          font-size: 0.8125rem;
        }
        :not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: \
        anywhere; }
        pre { margin: 0; padding: 0.6rem 0.75rem; overflow-x: auto; white-space: pre; line-height: 1.25; tab-size: 4; }
        .prose pre { background: var(--code-bg); border-radius: 6px; margin: 1em 0; }
        .prose table { border-collapse: collapse; display: block; overflow-x: auto; }
        .prose th, .prose td { border: 1px solid var(--border); padding: 0.3em 0.6em; }
        .cell { border: 1px solid var(--border); border-left: 4px solid var(--accent); border-radius: 6px; margin: \
        1.25rem 0; overflow: hidden; }
        .cell.failed { border-left-color: var(--error); }
        .cell.interrupted, .cell.stale { border-left-color: var(--warning); }
        .cell.not-run { border-left-color: var(--border); }
        .cell-head { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; padding: 0.3rem 0.75rem; \
        background: var(--code-bg); font-size: 0.8rem; color: var(--muted); }
        .cell-id { font-family: "Pilot Mono", "Pilot Wide", "DejaVu Sans Mono", ui-monospace, monospace; \
        margin-right: auto; }
        .badge { font-weight: 600; border-radius: 999px; padding: 0.05rem 0.55rem; border: 1px solid currentColor; }
        .badge.error { color: var(--error); background: var(--error-bg); }
        .badge.warning { color: var(--warning); background: var(--warning-bg); }
        .badge.muted { color: var(--muted); }
        pre.source { background: var(--code-bg); border-bottom: 1px solid var(--border); }
        .output { background: var(--output-bg); }
        .failed pre.text:last-of-type, .interrupted pre.text:last-of-type { color: var(--error); }
        .note, .missing { margin: 0; padding: 0.4rem 0.75rem; font-size: 0.85rem; color: var(--warning); background: \
        var(--warning-bg); }
        figure.plot { margin: 0; padding: 0.5rem 0.75rem; }
        figure.plot svg { display: block; width: 100%; max-width: 640px; height: auto; border-radius: 4px; }

        """
}
