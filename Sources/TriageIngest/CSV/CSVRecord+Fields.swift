extension CSVRecord {
    /// The fields of a record, as a random-access collection.
    ///
    /// A view of the record's field storage. The scanner refills storage only when no view or
    /// copy of the record still refers to it (copy on write), so a view stays valid and
    /// unchanged for as long as it is held.
    package struct Fields: RandomAccessCollection {
        let storage: Storage
        /// The number of fields.
        package let count: Int

        /// 0.
        package var startIndex: Int { 0 }
        /// The number of fields.
        package var endIndex: Int { count }

        /// The field at `position`.
        package subscript(position: Int) -> CSVField {
            precondition(position >= 0 && position < count, "field index out of range")
            return storage.base[position]
        }
    }

    /// Growable field storage without per-append uniqueness checks: ``CSVScanner`` writes
    /// through ``FieldWriter`` and checks uniqueness once per record.
    final class Storage {
        private(set) var base: UnsafeMutablePointer<CSVField>
        private(set) var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity)
        }

        /// Doubles the capacity, keeping the first `count` fields.
        func grow(keeping count: Int) {
            let larger = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }

        deinit { base.deallocate() }
    }

    /// Appends fields to a record's storage while it is being scanned.
    struct FieldWriter {
        let storage: Storage
        var base: UnsafeMutablePointer<CSVField>
        var capacity: Int
        var count = 0

        init(_ storage: Storage) {
            self.storage = storage
            base = storage.base
            capacity = storage.capacity
        }

        @inline(__always)
        mutating func append(_ field: CSVField) {
            if count == capacity {
                storage.grow(keeping: count)
                base = storage.base
                capacity = storage.capacity
            }
            (base + count).initialize(to: field)
            count &+= 1
        }
    }
}
