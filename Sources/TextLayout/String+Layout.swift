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
