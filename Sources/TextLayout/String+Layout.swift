extension String {
    /// This text padded with spaces on the right to `width` cells (never truncated).
    public func padded(to width: Int) -> String {
        let missing = width - displayWidth
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }

    /// This text padded with spaces on the left to `width` cells (never truncated).
    public func leftPadded(to width: Int) -> String {
        let missing = width - displayWidth
        return missing > 0 ? String(repeating: " ", count: missing) + self : self
    }

    /// This text cut to at most `width` cells, ending in `…` when something was cut.
    ///
    /// A wide character that would straddle the limit is dropped whole, so the result never
    /// exceeds `width` cells.
    public func truncated(to width: Int) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        var result = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Blanks the size of this text's leading part, for a caret under a given character.
    ///
    /// Tabs stay tabs so the caret lines up with the source line above it whatever the tab
    /// width; every other character becomes as many spaces as cells it occupies.
    public func caretIndent(upTo characterOffset: Int) -> String {
        var indent = ""
        for character in prefix(characterOffset) {
            if character == "\t" {
                indent.append("\t")
            } else {
                indent.append(String(repeating: " ", count: DisplayWidth.of(String(character))))
            }
        }
        return indent
    }
}

extension String {
    /// This text with each line word-wrapped to at most `width` cells. Spacing inside a line is
    /// kept; continuation lines start with the line's own leading spaces plus `indent`. Words
    /// longer than the width stay whole.
    public func wrapped(to width: Int, indent: String = "") -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let lead = String(line.prefix { $0 == " " })
            // Each chunk is the spaces before a word and the word.
            var chunks: [(gap: Substring, word: Substring)] = []
            var rest = line.dropFirst(lead.count)
            while !rest.isEmpty {
                let gap = rest.prefix { $0 == " " }
                rest = rest.dropFirst(gap.count)
                let word = rest.prefix { $0 != " " }
                rest = rest.dropFirst(word.count)
                if !word.isEmpty { chunks.append((gap, word)) }
            }
            var lines: [String] = []
            var current = lead
            var startOfLine = true
            for (gap, word) in chunks {
                let candidate = startOfLine ? current + word : current + gap + word
                if !startOfLine, candidate.displayWidth > width {
                    lines.append(current)
                    current = lead + indent + word
                } else {
                    current = candidate
                }
                startOfLine = false
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
