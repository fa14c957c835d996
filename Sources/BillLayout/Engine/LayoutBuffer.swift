/// The column bookkeeping of a layout in progress: appends wrapped text, label…amount rows and
/// other blocks so that no line is wider than the paper at its size.
struct LayoutBuffer {
    let grid: LayoutGrid
    /// How shaped text measures on paper (nil: by display width only).
    let measure: (any DrawnTextMeasure)?
    private(set) var blocks: [LayoutBlock] = []
    /// The most blocks kept; past it nothing more is laid out (``LayoutOptions/maxLines``).
    let maxBlocks: Int
    /// Whether the layout ran past `maxBlocks`.
    private(set) var overflowed = false

    init(grid: LayoutGrid, measure: (any DrawnTextMeasure)? = nil, maxBlocks: Int = .max) {
        self.grid = grid
        self.measure = measure
        self.maxBlocks = max(1, maxBlocks)
        blocks.reserveCapacity(64)  // a bill's lines, mostly, without growing the array step by step
    }

    /// Cells available to text of `style`.
    func width(for style: TextStyle) -> Int { max(1, grid.columns / max(1, style.widthScale)) }

    mutating func append(_ block: LayoutBlock) {
        guard blocks.count < maxBlocks else {
            overflowed = true
            return
        }
        blocks.append(block)
        lastRuleIsSoft = false
    }

    /// `text` wrapped to the width of its style, one block per printed line.
    mutating func text(_ text: String, style: TextStyle = .body, alignment: Alignment = .left, indent: Int = 0) {
        guard !overflowed else { return }
        let width = width(for: style)
        let indent = min(indent, width / 2)
        if let line = TextWrapper.wholeLine(text, width: width - indent) {
            append(.text(Self.indented(line, by: indent, style: style, alignment: alignment)))
            return
        }
        for line in TextWrapper.wrap(text, width: width - indent, drawnCells: drawnCells(style)) {
            append(.text(Self.indented(line, by: indent, style: style, alignment: alignment)))
        }
    }

    /// A label on the left and an amount flush right on the same line. The label wraps in the
    /// room the amount leaves; continuation lines are indented by `hangingIndent`.
    mutating func row(
        _ label: String, _ amount: String, style: TextStyle = .body, indent: Int = 0, hangingIndent: Int = 0
    ) {
        guard !overflowed else { return }
        let width = width(for: style)
        let amountLine = TextWrapper.truncate(amount, width: width)
        let room = width - amountLine.cells - 1
        if room < 8 {
            // Too narrow for both: the label on its own lines, the amount right-aligned below.
            text(label, style: style, indent: indent)
            append(.text(TextLine(text: amountLine.text, style: style, alignment: .right, cells: amountLine.cells)))
            return
        }
        let indent = min(indent, room / 2)
        let hanging = min(hangingIndent, room / 2)
        // A label that fits its room as it is (most) makes no array of lines.
        let whole = TextWrapper.wholeLine(label, width: room - indent)
        let lines =
            whole == nil
            ? TextWrapper.wrap(
                label, width: room - indent - hanging, firstWidth: room - indent, drawnCells: drawnCells(style)) : []
        guard let head = whole ?? lines.first else { return }
        let gap = width - indent - head.cells - amountLine.cells
        let first = LineBuilder.line(indent, head.text, max(1, gap), amountLine.text)
        // A row with text that may be drawn shaped says where its amount starts, so that a drawing
        // back end places the amount in the price column whatever the label's shaped width.
        let twoFields = whole == nil || DisplayWidth.kind(of: amountLine.text) == .general
        append(
            .text(
                TextLine(
                    text: first, style: style, alignment: .left, cells: width,
                    rightFieldOffset: twoFields ? first.utf8.count - amountLine.text.utf8.count : nil)))
        for line in lines.dropFirst() {
            append(.text(Self.indented(line, by: indent + hanging, style: style, alignment: .left)))
        }
    }

    /// The cells a piece of text of `style` takes where it is drawn shaped, for the wrapper.
    private func drawnCells(_ style: TextStyle) -> ((Substring) -> Int?)? {
        guard let measure else { return nil }
        let grid = self.grid
        return { measure.drawnCells(of: $0, style: style, grid: grid) }
    }

    /// The printed line of `line` after `indent` spaces.
    private static func indented(
        _ line: TextWrapper.Line, by indent: Int, style: TextStyle,
        alignment: Alignment
    ) -> TextLine {
        let text = indent > 0 ? LineBuilder.line(indent, line.text) : line.text
        return TextLine(text: text, style: style, alignment: alignment, cells: line.cells + indent)
    }

    /// Whether the last block is a rule the order section added (one the EPOS's own rule replaces).
    private var lastRuleIsSoft = false

    /// A rule from the bill's design; it replaces a section rule just before it.
    mutating func rule(_ kind: RuleKind, replacingSoftRule: Bool = false) {
        if replacingSoftRule, lastRuleIsSoft, case .rule? = blocks.last { blocks.removeLast() }
        blocks.append(.rule(kind))
        lastRuleIsSoft = false
    }

    /// A rule that sets the order section apart; left out right after another rule.
    mutating func sectionRule() {
        if case .rule? = blocks.last { return }
        blocks.append(.rule(.single))
        lastRuleIsSoft = true
    }

    mutating func feed(_ lines: Int) {
        if case .feed(let n)? = blocks.last {
            blocks[blocks.count - 1] = .feed(lines: n + lines)
        } else {
            append(.feed(lines: lines))
        }
    }
}
