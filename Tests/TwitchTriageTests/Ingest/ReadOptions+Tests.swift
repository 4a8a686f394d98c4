import TriageIngest
import TriageKnowledge
import TriageModel

extension ReadOptions {
    /// Options that read by the shipped knowledge's analytes, for tests of a reader that load no
    /// knowledge of their own.
    static func forTests(dateOrder: DateOrder? = nil) -> ReadOptions {
        ReadOptions(knowledge: Knowledge.forTests, dateOrder: dateOrder)
    }
}
