import Testing

@testable import TriageIngest

@Suite struct JSONTokenizerTests {
    private func tokens(_ text: String) -> (tokens: [String], failure: JSONTokenizer.Failure?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = JSONTokenizer(buffer)
            var list: [String] = []
            do throws(JSONTokenizer.Failure) {
                while true {
                    let token = try tokenizer.next()
                    switch token {
                    case .end: return (list, nil)
                    case .key: list.append("key:" + tokenizer.text())
                    case .string: list.append("s:" + tokenizer.text())
                    case .number: list.append("n:" + tokenizer.text())
                    default: list.append("\(token)")
                    }
                }
            } catch {
                return (list, error)
            }
        }
    }

    @Test func readsEveryKindOfToken() {
        let read = tokens(#"{"a":[1,-2.5e3,"x\"\u00e9\ud83d\ude00",true,false,null],"b":{}}"#)
        #expect(read.failure == nil)
        #expect(
            read.tokens == [
                "beginObject", "key:a", "beginArray", "n:1", "n:-2.5e3", "s:x\"é😀", "trueValue",
                "falseValue", "null", "endArray", "key:b", "beginObject", "endObject", "endObject",
            ])
    }

    @Test func reportsLineAndColumnOfTheFirstError() {
        #expect(tokens("{\n  \"a\": 1,\n  \"b\" 2}").failure == .init(reason: "expected ':' after an object key", line: 3, column: 7))
        #expect(tokens("[1,]").failure == .init(reason: "unexpected character", line: 1, column: 4))
        #expect(tokens("{\"a\":01}").failure == .init(reason: "expected ',' or '}'", line: 1, column: 7))
        #expect(tokens("\"a\nb\"").failure == .init(reason: "control character in a string", line: 1, column: 3))
        #expect(tokens("[1] 2").failure == .init(reason: "unexpected content after the end of the value", line: 1, column: 5))
        #expect(tokens("[").failure == .init(reason: "unexpected end of input inside an array", line: 1, column: 2))
    }

    @Test func boundsDepthAndStringLength() {
        let deep = String(repeating: "[", count: JSONTokenizer.maximumDepth + 1)
        #expect(tokens(deep).failure == .init(reason: "nesting deeper than 128", line: 1, column: 129))
        let long = "\"" + String(repeating: "a", count: JSONTokenizer.maximumStringLength + 1) + "\""
        #expect(tokens(long).failure == .init(reason: "string longer than 8 MiB", line: 1, column: 1))
    }
}
