/// A growable buffer of plain values with manual lifetime, for the CSV reader's hot loop:
/// appending is a capacity check and a store, with no uniqueness or bounds checks.
/// The owner calls ``release()`` exactly once.
struct RawBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(to: capacity * 2) }
        base[count] = value
        count += 1
    }

    mutating func append(repeating value: Element, count n: Int) {
        if count + n > capacity { grow(to: max(capacity * 2, count + n)) }
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    mutating func append(contentsOf buffer: UnsafeBufferPointer<Element>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        if count + buffer.count > capacity { grow(to: max(capacity * 2, count + buffer.count)) }
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    mutating func reserve(_ wanted: Int) {
        if wanted > capacity { grow(to: wanted) }
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The values as an array (one copy).
    var array: [Element] { Array(buffer) }

    mutating func removeAll() {
        count = 0
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    func release() {
        base.deallocate()
    }
}
