import Foundation
import Testing
@testable import HelpDeskCore

@Suite("StrictJSON: the one reader of the JSON files people hand in")
struct StrictJSONTests {
    func read(_ text: String) -> Result<StrictJSON.Value, StrictJSON.Problem> {
        do { return .success(try StrictJSON.parse(Data(text.utf8))) } catch { return .failure(error) }
    }

    func refusal(_ text: String) -> String? {
        guard case .failure(let problem) = read(text) else { return nil }
        return problem.message(.en)
    }

    @Test("a number keeps its text as written beside its value")
    func numbersKeepTheirText() throws {
        let value = try StrictJSON.parse(Data(#"{"a": [9007199254740993, 1e300, 93.50, -0]}"#.utf8))
        guard case .array(let list)? = value["a"] else { Issue.record("\(value)"); return }
        #expect(list.map { n -> String in if case .number(let text, _) = n { return text } else { return "" } }
                == ["9007199254740993", "1e300", "93.50", "-0"])
        if case .number(_, let v) = list[2] { #expect(v == 93.5) }
    }

    @Test("a key written twice is refused with its path, wherever it is; escapes are read before keys are compared")
    func duplicateKeys() {
        #expect(refusal(#"{"kind": 1, "kind": 2}"#) == #"kind: the key "kind" is written twice in one object; each key once"#)
        #expect(refusal(#"{"readings": [{"value": 1}, {"value": 1, "v\u0061lue": 2}]}"#)
                == #"readings[1].value: the key "value" is written twice in one object; each key once"#)
        #expect(refusal(#"{"a": {"b": [[{"c": 1, "c": 1}]]}}"#)?.hasPrefix("a.b[0][0].c: the key \"c\"") == true)
        guard case .failure(let problem) = read(#"{"a": {"b": 1, "b": 2}}"#) else { Issue.record("read"); return }
        #expect(problem.path == "a.b")
        #expect(problem.message(.zh) == #"a.b：同一对象中键 "b" 出现两次；每个键只能写一次"#)
    }

    @Test("lists and objects nest at most 64 deep; deeper is refused by line and column, not read by as many calls")
    func nesting() {
        let deepest = String(repeating: "[", count: StrictJSON.maxDepth) + String(repeating: "]", count: StrictJSON.maxDepth)
        #expect(refusal(deepest) == nil)
        #expect(refusal("[" + deepest + "]") == "not JSON at line 1, column 65: lists and objects nested more than 64 deep; at most 64 are read")
        #expect(refusal(String(repeating: #"{"a":"#, count: 100_000))?.hasPrefix("not JSON at line 1, column 321: lists and objects nested") == true)
        #expect(refusal(String(repeating: "[", count: 1_000_000))?.contains("nested more than 64 deep") == true)
    }

    @Test("a raw control character or half of a character in text is refused, saying where")
    func text() {
        #expect(refusal("{\"a\": \"x\ty\"}")?.hasPrefix("not JSON at line 1, column 9: a control character inside text") == true)
        #expect(refusal(#"{"a": ["ok", "\udc00"]}"#)?.hasPrefix(#"a[1]: \udc00 is half of a character"#) == true)
        #expect(refusal(#"{"a": "\ud83d\ude00"}"#) == nil)
    }

    @Test("a number that is not RFC 8259's is refused with its text and field")
    func numbers() {
        #expect(refusal(#"{"year": 02027}"#) == "year: 02027 is not a number: JSON numbers do not start with 0; write 2027")
        #expect(refusal(#"{"year": 1e400}"#) == "year: 1e400 is too large to be read as a number")
        #expect(refusal(#"{"year": 20.}"#) == "year: 20. is not a number: a digit must follow the decimal point")
    }
}
