import Foundation

/// The hours of a working day, as one or more intervals (a lunch break splits the day in two).
///
/// Seconds are counted from midnight, Beijing time. The default is 09:00–18:00.
public struct BusinessHours: Equatable, Sendable, CustomStringConvertible {
    public struct Interval: Equatable, Sendable {
        public let start: Int
        public let end: Int
        public var length: Int { end - start }
    }

    public let intervals: [Interval]

    public static let standard = try! BusinessHours(parsing: "09:00-18:00")

    public struct InvalidHours: Error, Equatable, CustomStringConvertible {
        public let input: String
        public let problem: LocalizedText
        /// What was wrong, in English.
        public var reason: String { problem.en }
        public var description: String { text(.en) }
        public func text(_ lang: Language) -> String { Catalog.Domain.Time.invalidHours(input, problem)(lang) }
    }

    /// Intervals given as (start, end) seconds after midnight; they must be in order and not overlap.
    public init(intervals spans: [(start: Int, end: Int)]) throws(InvalidHours) {
        let text = spans.map { "\(BeijingTime.clock($0.start))-\(BeijingTime.clock($0.end))" }.joined(separator: ",")
        guard !spans.isEmpty else { throw InvalidHours(input: text, problem: Catalog.Domain.Time.noInterval) }
        var previousEnd = -1
        for span in spans {
            guard span.start >= 0, span.end <= 86_400, span.start < span.end else {
                throw InvalidHours(input: text, problem: Catalog.Domain.Time.intervalOutsideDay)
            }
            guard span.start > previousEnd || (previousEnd < 0 && span.start >= 0) else {
                throw InvalidHours(input: text, problem: Catalog.Domain.Time.intervalsOutOfOrder)
            }
            previousEnd = span.end
        }
        intervals = spans.map { Interval(start: $0.start, end: $0.end) }
    }

    /// Parses `09:00-18:00` or `09:00-12:00,14:30-18:00`.
    public init(parsing text: String) throws(InvalidHours) {
        var spans: [(Int, Int)] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let a = Self.clock(ends[0]), let b = Self.clock(ends[1]) else {
                throw InvalidHours(input: text, problem: Catalog.Domain.Time.cannotReadInterval(String(part)))
            }
            spans.append((a, b))
        }
        do { try self.init(intervals: spans) } catch { throw InvalidHours(input: text, problem: error.problem) }
    }

    private static func clock(_ s: Substring) -> Int? {
        // ASCII digits only: Int() would also take a sign ("+9:00").
        let p = s.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, (1...2).contains(p[0].count), p[1].count == 2, p.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let h = Int(p[0]), let m = Int(p[1]),
              (0...24).contains(h), (0..<60).contains(m), h * 3600 + m * 60 <= 86_400 else { return nil }
        return h * 3600 + m * 60
    }

    public var opening: Int { intervals[0].start }
    public var closing: Int { intervals[intervals.count - 1].end }
    /// Business seconds in one working day (nine hours by default).
    public var dayLength: Int { intervals.reduce(0) { $0 + $1.length } }

    public var description: String {
        intervals.map { "\(BeijingTime.clock($0.start))-\(BeijingTime.clock($0.end))" }.joined(separator: ",")
    }
}
