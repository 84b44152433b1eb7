/// Fault levels of the contract (12, 24 and 48 hours): 1 is the most severe.
public enum FaultLevel: Int, Sendable, CaseIterable, Comparable, Codable {
    case one = 1, two = 2, three = 3

    /// Wall-clock hours from report to the deadline: 12, 24, 48.
    public var hours: Int {
        switch self {
        case .one: return 12
        case .two: return 24
        case .three: return 48
        }
    }

    public static func < (a: FaultLevel, b: FaultLevel) -> Bool { a.rawValue < b.rawValue }

    /// `true` when `other` is more severe (a lower number).
    public func isRaised(to other: FaultLevel) -> Bool { other.rawValue < rawValue }
}

/// What a deadline is computed for.
public enum DeadlineKind: Equatable, Sendable {
    /// A general CASE question (一般问题类), counted from receipt.
    case general
    /// A special CASE (特殊情况), counted from confirmation.
    case special
    /// A fault (故障), counted from the report.
    case fault(FaultLevel)

    /// Accepts `general`, `special`, `fault1`, `fault2`, `fault3`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "general": self = .general
        case "special": self = .special
        case "fault1": self = .fault(.one)
        case "fault2": self = .fault(.two)
        case "fault3": self = .fault(.three)
        default: return nil
        }
    }

    public static let argumentNames = ["general", "special", "fault1", "fault2", "fault3"]
}
