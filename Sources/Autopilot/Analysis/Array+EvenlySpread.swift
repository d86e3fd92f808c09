extension Array where Element == Int {
    /// All the rows when there are at most `count`, else `count` of them evenly spread, in order.
    func evenlySpread(upTo count: Int) -> [Int] {
        guard self.count > count else { return self }
        return (0..<count).map { self[$0 * self.count / count] }
    }
}
